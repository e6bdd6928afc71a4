"""Every URL pattern of the admin (Wagtail's, wagtail-localize's, ours, the admin API), found by
walking Django's resolver, and real addresses for them: each pattern's path arguments filled
with a German or an English object of the test database (a complete site of the tests' own,
`complete_site`, whose pages are the only live ones) or a language-free one.

Used by the hostile-input test (test_admin_hostile.py), so that it covers a new admin endpoint as
soon as it is registered."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, Task, Workflow
from wagtail_localize.models import OverridableSegment, StringSegment, Translation

from accessibility.models import BarrierReport
from exchange.models import Entry
from network.models import (
    Company,
    ContactPerson,
    MeetingPage,
    NetworkPage,
    ParticipationRecipient,
    ParticipationRequest,
    Topic,
)
from news.models import NewsTag
from newsletter.models import Issue, Subscriber
from registration.models import Registration
from representatives.models import Representative

# The page every page-level address is called for, in each language: a general page without
# subpages (a page with subpages needs more rights to be deleted, which would hide a gap).
PAGE_SLUGS = {"de": "impressum", "en": "legal-notice"}
# Where the admin API's copy and move actions are pointed: another page of the same language.
DESTINATION_SLUGS = {"de": "initiative", "en": "initiative"}
# The German page in the approval workflow (the workflow views' page); the English tree has none.
MODERATED_SLUGS = {"de": "datenschutz", "en": "privacy"}

# Wagtail's admin API actions (`/admin/api/main/pages/<id>/action/<name>/`), called with POST.
# (`convert_alias` and `revert_to_page_revision` answer 400 to anyone before asking for rights
# unless the page is an alias or a revision is named; the pattern is covered by these.)
API_PAGE_ACTIONS = ["copy", "delete", "move", "publish", "unpublish"]


@dataclass(frozen=True)
class Pattern:
    name: str  # the view name ("namespace:name"), or for an unnamed pattern its route
    route: str
    arguments: tuple = field(default=())


def _walk(patterns, prefix="", namespaces=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), namespaces + namespace)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = ":".join(namespaces + (entry.name,)) if entry.name else route
            yield Pattern(name, route, tuple(entry.pattern.regex.groupindex))


def admin_patterns():
    """Every pattern under the admin's path, in the resolver's order; a name that two patterns
    share is told apart by the second one's arguments."""
    seen, patterns = set(), []
    for pattern in _walk(get_resolver().url_patterns):
        if not pattern.route.startswith(f"{settings.ADMIN_PATH}/"):
            continue
        if pattern.name in seen:
            pattern = Pattern(f"{pattern.name}[{','.join(pattern.arguments)}]", pattern.route, pattern.arguments)
        seen.add(pattern.name)
        patterns.append(pattern)
    return patterns


def bulk_actions():
    """(app label, model name, action) of every registered bulk action."""
    bulk_action_registry._scan_for_bulk_actions()  # noqa: SLF001 - the registry fills itself lazily
    return sorted(
        (app_label, model_name, action)
        for app_label, models in bulk_action_registry.actions.items()
        for model_name, actions in models.items()
        for action in actions
    )


SNIPPETS = {
    "network_company": Company,
    "network_contactperson": ContactPerson,
    "network_topic": Topic,
    "news_newstag": NewsTag,
}


class Objects:
    """The objects addresses are made of: per language where the object has one."""

    def __init__(self):
        self.locales = {code: Locale.objects.get(language_code=code) for code in ("de", "en")}
        self.pages = {
            code: Page.objects.live().get(locale=locale, slug=PAGE_SLUGS[code])
            for code, locale in self.locales.items()
        }
        self.destinations = {
            code: Page.objects.live().get(locale=locale, slug=DESTINATION_SLUGS[code])
            for code, locale in self.locales.items()
        }
        for page in self.pages.values():
            if not page.revisions.exists():
                page.specific.save_revision()
        self.translation = Translation.objects.get(
            source__object_id=self.pages["de"].translation_key, target_locale=self.locales["en"]
        )
        self.source = self.translation.source
        self.image = get_image_model().objects.first()
        self.document = get_document_model().objects.first() or get_document_model().objects.create(
            title="Protokoll", file=ContentFile(b"%PDF-1.4", name="protokoll.pdf")
        )
        self.workflow = Workflow.objects.filter(active=True).first()
        self.task = Task.objects.filter(active=True).first()
        self.group = Group.objects.order_by("pk").first()
        self.collection = Collection.get_first_root_node()
        self.site = Site.objects.get(is_default_site=True)
        self.request = ParticipationRequest.objects.filter(network__locale=self.locales["de"]).first()
        if self.request is None:
            network = NetworkPage.objects.live().filter(locale=self.locales["de"]).first()
            self.request = ParticipationRequest.objects.create(
                network=network,
                network_title=network.title,
                locale=network.locale,
                company="Muster GmbH",
                contact_name="Erika Muster",
                email="erika@example.org",
                message="Wir möchten mitmachen.",
                consent_text="Ja.",
                consented_at=timezone.now(),
            )
        # Built once per test: the hostile-input test makes these objects for every example.
        self.recipient, _ = ParticipationRecipient.objects.get_or_create(
            network=self.request.network, user=self._user("recipient")
        )
        meeting = MeetingPage.objects.live().filter(locale=self.locales["de"]).first()
        self.registration, _ = Registration.objects.get_or_create(
            page=meeting,
            event_key=meeting.translation_key,
            email="teilnehmerin@example.org",
            defaults={
                "event_title": meeting.title,
                "locale": meeting.locale,
                "name": "Erika Muster",
                "consent_text": "Ja.",
                "consented_at": timezone.now(),
            },
        )
        self.issue, _ = Issue.objects.get_or_create(subject="Newsletter im Test", locale=self.locales["de"])
        self.subscriber, _ = Subscriber.objects.get_or_create(
            email="leserin@example.org",
            locale=self.locales["de"],
            defaults={"all_news": True, "consent_text": "Ja.", "consented_at": timezone.now()},
        )
        self.representative, _ = Representative.objects.get_or_create(
            email="vertreterin@example.org",
            company=self.snippet("network_company", "de"),
            defaults={
                "name": "Vera Vertreterin",
                "role": "Geschäftsführerin",
                "locale": self.locales["de"],
                "status": Representative.Status.CONFIRMED,
                "consent_text": "Ja.",
                "consented_at": timezone.now(),
            },
        )
        self.redirect, _ = Redirect.objects.get_or_create(old_path="/alte-adresse", defaults={"redirect_link": "/de/"})
        for code, locale in self.locales.items():
            BarrierReport.objects.get_or_create(
                locale=locale,
                description="Barriere im Test",
                defaults={"location": f"/{code}/", "consent_text": "Ja.", "consented_at": timezone.now()},
            )
        for locale in self.locales.values():
            Entry.objects.get_or_create(
                locale=locale,
                title="Eintrag im Test",
                defaults={
                    "theme": "production",
                    "description": "Freie Kapazität.",
                    "company_name": "Muster GmbH",
                    "contact_name": "Erika Muster",
                    "email": "eintrag@example.org",
                    "consent_text": "Ja.",
                    "consented_at": timezone.now(),
                    "email_confirmed_at": timezone.now(),
                    "live": True,
                },
            )
        self.moderated = {
            code: Page.objects.live().get(locale=locale, slug=MODERATED_SLUGS[code]).specific
            for code, locale in self.locales.items()
        }
        if self.moderated["de"].current_workflow_task_state is None:
            self.moderated["de"].save_revision()
            self.moderated["de"].get_workflow().start(self.moderated["de"], self._user("submitter"))
        self.task_state = self.moderated["de"].current_workflow_task_state

    @staticmethod
    def _user(name):
        from django.contrib.auth import get_user_model

        user, _ = get_user_model().objects.get_or_create(
            username=f"objects-{name}", defaults={"email": f"{name}@example.org"}
        )
        return user

    def snippet(self, key, language):
        model = SNIPPETS[key]
        return model.objects.filter(locale=self.locales[language]).order_by("pk").first()


# Where a snippet model has no object in the test database, its views are called for this id
# (they answer 404, after reading their parameters).
MISSING_ID = 987654


def _snippet_model(key):
    from django.apps import apps

    for model in apps.get_models():
        if f"{model._meta.app_label}_{model._meta.model_name}" == key:
            return model
    return None


def _snippet_argument(key, objects):
    """A snippet of each language for a translatable snippet model, else any (or a missing one)."""
    if key in SNIPPETS:
        return _per_language(lambda code: str(objects.snippet(key, code).pk))
    model = _snippet_model(key)
    if model is not None and hasattr(model, "locale"):
        return _per_language(
            lambda code: str(getattr(model.objects.filter(locale=objects.locales[code]).first(), "pk", MISSING_ID))
        )
    first = model.objects.first() if model is not None else None
    return str(first.pk if first else MISSING_ID)


def _snippet_key(name):
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if name.startswith(prefix):
            return name[len(prefix) :].split(":")[0]
    return None


LANGUAGES = ("de", "en")


def _per_language(function):
    values = {code: function(code) for code in LANGUAGES}
    return {code: value for code, value in values.items() if value is not None}


def _workflow_argument(argument, objects):
    """The workflow views are called for the German page in the approval workflow and for an
    English page (which is in none: they answer 404)."""
    if argument == "page_id":
        return _per_language(lambda code: objects.moderated[code].pk)
    if argument == "task_state_id":
        return {"de": objects.task_state.pk, "en": MISSING_ID}
    if argument == "task_id":
        return {"de": objects.task_state.task_id, "en": MISSING_ID}
    if argument == "workflow_state_id":
        return {"de": objects.task_state.workflow_state_id, "en": MISSING_ID}
    if argument == "action_name":
        return "approve"
    return None


def _page_argument(argument, objects):
    pages = objects.pages
    if argument == "parent_page_id":  # adding a general page below the language's home page
        return _per_language(lambda code: pages[code].get_parent().pk)
    if argument in ("page_id", "page_to_move_id", "page_pk", "pk"):
        return _per_language(lambda code: pages[code].pk)
    if argument == "destination_id":
        return _per_language(lambda code: objects.destinations[code].pk)
    if argument in ("revision_id", "revision_id_a"):
        return _per_language(lambda code: pages[code].revisions.order_by("pk").first().pk)
    if argument == "revision_id_b":
        return "latest"
    if argument in ("content_type_app_name", "app_label"):
        return "home"
    if argument in ("content_type_model_name", "model_name"):
        return "standardpage"
    if argument in ("workflow_state_id", "task_state_id", "task_id"):
        return 987654  # none in the test database: the view answers 404 or refuses first
    if argument == "action_name":
        return "approve"
    return None


def _localize_argument(argument, objects):
    english_only = {"en": None}
    if argument == "translation_id":
        english_only["en"] = objects.translation.pk
    elif argument == "translation_source_id":
        return {"de": objects.source.pk}
    elif argument == "string_segment_id":
        english_only["en"] = StringSegment.objects.filter(source=objects.source).first().pk
    elif argument == "overridable_segment_id":
        segment = OverridableSegment.objects.filter(source=objects.source).first()
        english_only["en"] = segment.pk if segment else 987654
    elif argument == "mode":
        english_only["en"] = "default"
    elif argument == "page_id":
        return _per_language(lambda code: objects.pages[code].pk)
    elif argument == "app_label":
        return "network"
    elif argument == "model_name":
        return "company"
    elif argument == "pk":
        return _per_language(lambda code: str(objects.snippet("network_company", code).pk))
    else:
        return None
    return english_only


def _language_free_argument(name, argument, objects, user):  # noqa: C901, PLR0911, PLR0912 - one lookup table
    if argument == "image_id" or (argument == "pk" and name.startswith(("wagtailimages", "wagtailadmin_api:images"))):
        return objects.image.pk
    if argument in ("document_id", "doc_id") or (
        argument == "pk" and name.startswith(("wagtaildocs", "wagtailadmin_api:documents"))
    ):
        return objects.document.pk
    if argument == "uploaded_file_id":
        return 987654
    if argument == "filter_spec":
        return "original"
    if name.startswith("wagtailadmin_collections:") or argument == "collection_id":
        return Collection.get_first_root_node().pk
    if name.startswith("wagtailadmin_workflows:"):
        if "task" in name or argument == "task_id":
            return {"app_label": "wagtailcore", "model_name": "groupapprovaltask"}.get(argument, objects.task.pk)
        return objects.workflow.pk
    if name.startswith("wagtailusers_users:"):
        return user.pk
    if name.startswith("wagtailusers_groups:"):
        return objects.group.pk
    if name.startswith("wagtailsites:"):
        return objects.site.pk
    if name.startswith("wagtailsettings:"):
        return {"app_name": "core", "model_name": "contactsettings", "pk": objects.site.pk}[argument]
    if name.startswith("network_participation_requests:"):
        return objects.request.pk
    if name.startswith("network_participation_recipients:"):
        return objects.recipient.pk
    if name.startswith("registration_participants:"):
        return objects.registration.pk
    if name.startswith("newsletter_issues:"):
        return objects.issue.pk
    if name.startswith("newsletter_subscribers:"):
        return objects.subscriber.pk
    if name.startswith("representatives:"):
        return objects.representative.pk
    if name.startswith("wagtailredirects:"):
        return objects.redirect.pk
    if name.startswith("wagtailforms:"):  # the site has no form pages: a page that is none
        return objects.pages["de"].pk
    if name.startswith("wagtailadmin_editing_sessions:"):
        return {"app_label": "wagtailcore", "model_name": "page", "object_id": "1", "session_id": 987654}[argument]
    if name == "wagtailadmin_password_reset_confirm":
        return {"uidb64": "MQ", "token": "set-password"}[argument]
    if name == "wagtailadmin_tag_model_autocomplete":
        return {"app_name": "network", "model_name": "company"}[argument]
    if argument == "pk":  # a model view set of its own: its views answer 404 after reading their parameters
        return MISSING_ID
    return None


def argument_values(pattern, argument, objects, user):
    """A value for a path argument: one for every language ({"de": ..., "en": ...}, only the
    languages the object exists in) or one language-free value; None when there is none."""
    name = pattern.name
    if _snippet_key(name):
        # A snippet's workflow views take a task state and an action too: none in the test, so
        # every role gets 404 whatever ids earlier tests left in the database's sequences.
        if argument in ("task_state_id", "action_name"):
            return {"task_state_id": MISSING_ID, "action_name": "approve"}[argument]
        return _snippet_argument(_snippet_key(name), objects)
    if name.startswith("wagtail_localize:"):
        return _localize_argument(argument, objects)
    if name.startswith("wagtaillocales:"):
        return _per_language(lambda code: objects.locales[code].pk)
    if name.startswith("wagtailadmin_pages:") and "workflow" in name:
        return _workflow_argument(argument, objects)
    if name.startswith(("wagtailadmin_pages:", "wagtailadmin_explore", "wagtailadmin_choose_page_child")) or (
        name.startswith("wagtailadmin_api:pages:")
    ):
        return _page_argument(argument, objects)
    if name == "wagtailadmin_workflows:remove" and argument == "page_pk":
        return _per_language(lambda code: objects.pages[code].pk)
    return _language_free_argument(name, argument, objects, user)


@dataclass(frozen=True)
class Call:
    pattern: str
    language: str | None  # the language of the object called for, None for a language-free address
    path: str
    method: str = "get"
    data: dict = field(default_factory=dict)
    json: bool = False


def calls_for(pattern, objects, user):
    """The addresses a pattern is called with: one per language of its object, or one."""
    if pattern.name == "wagtail_bulk_action":
        return [
            call for app, model, action in bulk_actions() for call in _bulk_calls(app, model, action, objects, user)
        ]
    if pattern.name == "wagtailadmin_api:pages:action":
        return [
            Call(
                f"{pattern.name}:{action}",
                code,
                f"/{settings.ADMIN_PATH}/api/main/pages/{page.pk}/action/{action}/",
                "post",
                {"destination_page_id": objects.destinations[code].pk} if action in ("copy", "move") else {},
                json=True,
            )
            for action in API_PAGE_ACTIONS
            for code, page in objects.pages.items()
        ]
    values = {argument: argument_values(pattern, argument, objects, user) for argument in pattern.arguments}
    if any(value is None for value in values.values()):
        return []
    languages = [code for code in LANGUAGES if any(isinstance(value, dict) for value in values.values())]
    if not languages:
        return [Call(pattern.name, None, _path(pattern, values))]
    calls = []
    for code in languages:
        chosen = {
            argument: value.get(code) if isinstance(value, dict) else value for argument, value in values.items()
        }
        if all(value is not None for value in chosen.values()):
            calls.append(Call(pattern.name, code, _path(pattern, chosen)))
    return calls


def _bulk_calls(app, model, action, objects, user):
    """A bulk action on the page, snippet, image, document or user the other calls use."""
    label = f"wagtail_bulk_action:{app}.{model}.{action}"
    path = f"/{settings.ADMIN_PATH}/bulk/{app}/{model}/{action}/"
    key = f"{app}_{model}"
    if app == "wagtailcore":
        return [Call(label, code, f"{path}?id={page.pk}") for code, page in objects.pages.items()]
    if key in SNIPPETS:
        return [Call(label, code, f"{path}?id={objects.snippet(key, code).pk}") for code in LANGUAGES]
    if _snippet_model(key) is not None:
        ids = _snippet_argument(key, objects)
        if isinstance(ids, dict):  # a snippet with a language of its own (a barrier report)
            return [Call(label, code, f"{path}?id={pk}") for code, pk in ids.items()]
        return [Call(label, None, f"{path}?id={ids}")]
    ids = {"wagtailimages": objects.image.pk, "wagtaildocs": objects.document.pk, "auth": user.pk}
    return [Call(label, None, f"{path}?id={ids.get(app, MISSING_ID)}")]


def _path(pattern, values):
    if pattern.name.startswith(f"{settings.ADMIN_PATH}/"):  # unnamed: Wagtail's catch-all, its 404 test
        return "/" + pattern.route.replace("^.*/$", "no-such-view/")
    return reverse(pattern.name.split("[")[0], kwargs=values)
