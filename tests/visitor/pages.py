"""The public pages a visitor can reach: one of every page type in each language, and the 404, on a
complete site of the tests' own (the `complete_site` fixture, tests/complete_site.py)."""

from django.conf import settings

from wagtail.models import get_page_models

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PUBLIC_APPS = {"home", "accessibility", "news", "network", "events", "exchange"}
PAGE_TYPES = sorted(
    (model for model in get_page_models() if model._meta.app_label in PUBLIC_APPS and not model._meta.abstract),
    key=lambda model: model.__name__,
)
NOT_FOUND = {"de": "/de/diese-seite-gibt-es-nicht/", "en": "/en/this-page-does-not-exist/"}


def page_types(language):
    """The page types a visitor meets in `language`: pages in Leichte Sprache and German Sign
    Language are German pages of their own (`german_only`)."""
    return [model for model in PAGE_TYPES if language == "de" or not getattr(model, "german_only", False)]


def page_of_type(model, language):
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the site has no live {model.__name__} in {language}"
    return page


def own_addresses(site, language):
    """Views at sub-routes of a page that show something else than the page (name, path): a
    company's page below the company directory of `site` (a `complete_site`)."""
    directory = site.german("directory") if language == "de" else site.english("directory")
    company = site.snippets["company"]
    return [("company", directory.url + directory.reverse_subpage("company", kwargs={"slug": company.slug}))]


def rendered(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()
