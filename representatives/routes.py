"""The representatives' pages below the company directory (`links` names their addresses): asking
for access, confirming it, logging in (password or one-time link), setting the password, the
profile form, logging out. None of them is ever cached (`never_cache`; logged-in answers are
private anyway, pagecache.contract). Links from e-mails act only on a button's POST: mail scanners
that open every link change nothing."""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, logout
from django.contrib.auth.forms import SetPasswordForm
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from wagtail.models import Locale

from . import links, sessions
from .forms import AccessRequestForm, LoginForm, LoginLinkForm, ProfileForm, consent_wording
from .models import Representative, client_hash, representative_of
from .profile import profile_state, submit_change
from .tasks import send_after_commit
from .tokens import confirmed_id, login_link_tokens, set_password_tokens, user_id

logger = logging.getLogger(__name__)

TITLES = {
    "request": lambda: gettext("Request access"),
    "sent": lambda: gettext("Please check your inbox"),
    "confirm": lambda: gettext("Confirm your request"),
    "login": lambda: gettext("Log in for company representatives"),
    "login_link": lambda: gettext("Log in with a link by e-mail"),
    "use_login_link": lambda: gettext("Log in with a link by e-mail"),
    "set_password": lambda: gettext("Set your password"),
    "profile": lambda: gettext("Edit your company profile"),
    "logout": lambda: gettext("Log out"),
}


def route(directory, request, components):
    """The directory's `route_below_company_directory` hook: (view, args, kwargs) for our addresses."""
    found = links.resolve(directory.locale.language_code, components)
    if found is None:
        return None
    step, parts = found

    def view(request, *args):
        return VIEWS[step](request, directory, step, *args)

    return view, parts, {}


def render(request, directory, step, template, status=200, **context):
    language_urls = {}
    for version in directory.get_translations(inclusive=True).live().select_related("locale"):
        # Steps with a token or a person's state have no address in the other language.
        language_urls[version.locale.language_code] = links.path_of(
            version, step if step in ("request", "login", "login_link", "profile") else "request", request=request
        )
    response = TemplateResponse(
        request,
        f"representatives/{template}.html",
        {
            "page": directory,
            "self": directory,
            "breadcrumb_title": TITLES[step](),
            "title": TITLES[step](),
            "language_urls": language_urls,
            "login_url": links.path_of(directory, "login", request=request),
            "login_link_url": links.path_of(directory, "login_link", request=request),
            "request_url": links.path_of(directory, "request", request=request),
            **context,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _never_cached(response):
    add_never_cache_headers(response)
    return response


# Asking for access.


def request_access(request, directory, step):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "GET":
        return render(request, directory, step, "request", form=AccessRequestForm())
    form = AccessRequestForm(request.POST)
    sent_url = links.path_of(directory, "sent", request=request)
    if form.honeypot_filled():
        logger.info("Representatives' access form: honeypot filled, answered like a success")
        return _never_cached(redirect(sent_url))
    if not form.is_valid():
        return render(request, directory, step, "request", form=form)
    if form.sent_too_fast():
        # Stored all the same: only the link in the e-mail (which a person opens) confirms it.
        logger.info("Representatives' access form sent very fast")
    data = form.cleaned_data
    client = client_hash(request)
    if Representative.objects.over_rate_limit(data["email"], client):
        form.add_error(
            None,
            gettext(
                "We have received several requests from you within the last hour. Please try again later "
                "or write to us directly."
            ),
        )
        return render(request, directory, step, "request", status=429, form=form)
    store_request(data, directory.locale, client)
    return _never_cached(redirect(sent_url))


@transaction.atomic
def store_request(data, locale, client=""):
    """Store the request, then e-mail the person (after the commit). Whoever asks sees the same
    answer: an address that has asked or has access already gets an e-mail saying so."""
    existing = Representative.objects.open().filter(email__iexact=data["email"], company=data["company"]).first()
    if existing is not None:
        send_after_commit(existing, "confirm" if existing.status == Representative.Status.REQUESTED else "already")
        return existing
    now = timezone.now()
    representative = Representative.objects.create(
        company=data["company"],
        name=data["name"],
        email=data["email"],
        role=data["role"],
        locale=locale,
        consent_text=str(consent_wording()),
        consented_at=now,
        created_at=now,
        client_hash=client,
    )
    send_after_commit(representative, "confirm")
    return representative


def sent(request, directory, step):
    return render(request, directory, step, "sent")


def confirm(request, directory, step, *parts):
    token = "/".join(parts)
    try:
        representative = Representative.objects.filter(pk=confirmed_id(token)).select_related("company").first()
        state = "ok" if representative is not None else "invalid"
    except signing.SignatureExpired:
        representative, state = None, "expired"
    except (signing.BadSignature, ValueError, TypeError):
        representative, state = None, "invalid"
    if representative is None:
        return render(request, directory, step, "link_invalid", status=400, state=state)
    if request.method == "POST":
        representative.confirm()
    return render(request, directory, step, "confirm", representative=representative)


# Logging in.


def login_view(request, directory, step):
    if sessions.current(request) is not None:
        return _never_cached(redirect(links.path_of(directory, "profile", request=request)))
    if request.method != "POST":
        return render(request, directory, step, "login", form=LoginForm())
    form = LoginForm(request.POST)
    if form.is_valid():
        email = form.cleaned_data["email"].lower()
        # django-axes counts failures per e-mail and address and locks out as for the admin.
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return render(request, directory, step, "locked", status=429)
        representative = representative_of(user) if user is not None else None
        if representative is not None:
            sessions.start(request, representative, backend=user.backend)
            return _never_cached(redirect(links.path_of(directory, "profile", request=request)))
        form.add_error(
            None,
            gettext(
                "The e-mail address or the password is not right, or the address has no approved access. "
                "You can also log in with a link by e-mail."
            ),
        )
    return render(request, directory, step, "login", form=form)


def _over_link_limit(email, request):
    """At most REPRESENTATIVES_LOGIN_LINKS_PER_HOUR links per address and per client."""
    allowed = settings.REPRESENTATIVES_LOGIN_LINKS_PER_HOUR
    over = False
    for part in (email.lower(), client_hash(request)):
        key = "representatives:links:" + hashlib.sha256(part.encode()).hexdigest()
        cache.add(key, 0, timeout=3600)
        try:
            count = cache.incr(key)
        except ValueError:
            count = 1
        over = over or count > allowed
    return over


def login_link(request, directory, step):
    if request.method != "POST":
        return render(request, directory, step, "login_link", form=LoginLinkForm())
    form = LoginLinkForm(request.POST)
    if form.honeypot_filled():
        return render(request, directory, step, "login_link", sent=True, form=LoginLinkForm())
    if not form.is_valid():
        return render(request, directory, step, "login_link", form=form)
    email = form.cleaned_data["email"]
    if _over_link_limit(email, request):
        form.add_error(None, gettext("You have asked for several links within the last hour. Please try again later."))
        return render(request, directory, step, "login_link", status=429, form=form)
    representative = (
        Representative.objects.filter(email__iexact=email, status=Representative.Status.APPROVED, user__is_active=True)
        .order_by("-decided_at")
        .first()
    )
    if representative is not None and representative_of(representative.user) is not None:
        send_after_commit(representative, "login_link")
    # The same answer whether the address is known or not.
    return render(request, directory, step, "login_link", sent=True, form=LoginLinkForm())


def _user_from(uidb64):
    pk = user_id(uidb64)
    return get_user_model().objects.filter(pk=pk).first() if pk is not None else None


def use_login_link(request, directory, step, uidb64, token):
    user = _user_from(uidb64)
    representative = representative_of(user) if user is not None else None
    if representative is None or not login_link_tokens.check_token(user, token):
        return render(request, directory, step, "link_invalid", status=400, state="login")
    if request.method == "POST":
        sessions.start(request, representative)
        return _never_cached(redirect(links.path_of(directory, "profile", request=request)))
    return render(request, directory, step, "use_login_link")


def set_password(request, directory, step, uidb64, token):
    user = _user_from(uidb64)
    representative = representative_of(user) if user is not None else None
    if representative is None or not set_password_tokens.check_token(user, token):
        return render(request, directory, step, "link_invalid", status=400, state="password")
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        sessions.start(request, representative)
        return _never_cached(redirect(links.path_of(directory, "profile", request=request)))
    return render(request, directory, step, "set_password", form=form)


def logout_view(request, directory, step):
    if request.method == "POST":
        logout(request)
        return render(request, directory, step, "logged_out")
    return _never_cached(redirect(links.path_of(directory, "profile", request=request)))


# The profile.


def profile(request, directory, step):
    representative = sessions.current(request)
    if representative is None:
        return _never_cached(redirect(links.path_of(directory, "login", request=request)))
    company = representative.company
    shown = company.get_latest_revision_as_object() if company.has_unpublished_changes else company
    locale = Locale.objects.get(pk=directory.locale_id)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=shown, locale=locale)
        if form.is_valid():
            submit_change(company, form, representative)
            return _never_cached(redirect(links.path_of(directory, "profile", request=request) + "?saved=1"))
    else:
        form = ProfileForm(instance=shown, locale=locale)
    public_url = directory.get_url(request) + directory.reverse_subpage("company", kwargs={"slug": company.slug})
    return render(
        request,
        directory,
        step,
        "profile",
        form=form,
        representative=representative,
        company=company,
        state=profile_state(company),
        saved=request.GET.get("saved") == "1" and request.method == "GET",
        public_url=public_url,
        logout_url=links.path_of(directory, "logout", request=request),
    )


VIEWS = {
    "request": request_access,
    "sent": sent,
    "confirm": confirm,
    "login": login_view,
    "login_link": login_link,
    "use_login_link": use_login_link,
    "set_password": set_password,
    "profile": profile,
    "logout": logout_view,
}
