"""The representatives' addresses: below the company directory of each language, in its words
(/de/unternehmen/zugang/…, /en/companies/access/…), served by `routes.route` through the
directory's `route_below_company_directory` hook."""

from core.routes import RouteWords
from network.models import CompanyDirectoryPage

from .tokens import confirm_token, login_link_tokens, set_password_tokens, uid

WORDS = RouteWords(
    {
        "de": {
            "access": "zugang",
            "sent": "gesendet",
            "confirm": "bestaetigen",
            "login": "anmelden",
            "link": "link",
            "password": "passwort",
            "profile": "profil",
            "logout": "abmelden",
        },
        "en": {
            "access": "access",
            "sent": "sent",
            "confirm": "confirm",
            "login": "login",
            "link": "link",
            "password": "password",
            "profile": "profile",
            "logout": "logout",
        },
    }
)

# Each step's address below the access address: its words and the number of parts that follow.
STEPS = {
    "request": ((), 0),
    "sent": (("sent",), 0),
    "confirm": (("confirm",), None),  # a signed token of two or more parts
    "login": (("login",), 0),
    "login_link": (("login", "link"), 0),
    "use_login_link": (("login", "link"), 2),  # uid, token
    "set_password": (("password",), 2),  # uid, token
    "profile": (("profile",), 0),
    "logout": (("logout",), 0),
}


def directory_in(locale):
    return CompanyDirectoryPage.objects.live().filter(locale=locale).first()


def path_of(directory, step, *parts, request=None, full=False):
    """The address of `step` below `directory` (absolute with `full`), "" without a directory."""
    if directory is None:
        return ""
    base = directory.get_full_url(request) if full else directory.get_url(request)
    if base is None:
        return ""
    vocabulary = WORDS.of(directory.locale.language_code)
    step_words, _count = STEPS[step]
    segments = [vocabulary["access"], *(vocabulary[word] for word in step_words), *parts]
    return base + "/".join(segments) + "/"


def resolve(language_code, components):
    """(step, parts) of the path components below a directory, or None when they are not ours."""
    vocabulary = WORDS.of(language_code)
    if not components or components[0] != vocabulary["access"]:
        return None
    rest = components[1:]
    for step, (step_words, count) in STEPS.items():
        expected = [vocabulary[word] for word in step_words]
        if rest[: len(expected)] != expected:
            continue
        parts = rest[len(expected) :]
        if (count is None and len(parts) >= 2) or (count is not None and len(parts) == count):
            return step, parts
    return None


def for_email(representative, kind):
    """The absolute links an e-mail of `kind` carries, in the person's language."""
    directory = directory_in(representative.locale)
    found = {"login_url": path_of(directory, "login", full=True)}
    if kind == "confirm":
        found["confirm_url"] = path_of(directory, "confirm", *confirm_token(representative).split("/"), full=True)
    elif kind == "approved" and representative.user is not None:
        token = set_password_tokens.make_token(representative.user)
        found["password_url"] = path_of(directory, "set_password", uid(representative.user), token, full=True)
    elif kind == "login_link" and representative.user is not None:
        token = login_link_tokens.make_token(representative.user)
        found["login_link_url"] = path_of(directory, "use_login_link", uid(representative.user), token, full=True)
    return found
