"""Links to pages that have no version in the visitor's language.

An English visitor who follows a link to a German-only page lands on the English home page
with a short notice (and a link to the German page), never on German content in an English
frame or on a dead end."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.utils.html import escape
from django.utils.translation import get_language, get_language_from_path

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from core.sites import language_homes

NOTICE_PARAMETER = "untranslated"


def _live_home(language_code):
    return language_homes().live().filter(locale__language_code=language_code).first()


def url_in_language(page, request=None, language_code=None):
    """Where a link to `page` leads a visitor reading `language_code` (the active language):
    the page's live version in that language, or that language's home page with a notice."""
    language_code = language_code or get_language()
    if page.locale.language_code == language_code:
        return page.get_url(request)
    version = Page.objects.live().filter(translation_key=page.translation_key, locale__language_code=language_code)
    version = version.first()
    if version is not None:
        return version.get_url(request)
    home = _live_home(language_code)
    if home is None:
        return page.get_url(request)
    return f"{home.get_url(request)}?{urlencode({NOTICE_PARAMETER: page.pk})}"


def untranslated_page(request):
    """The page named in the notice parameter, if it really lacks the active language."""
    value = request.GET.get(NOTICE_PARAMETER, "")
    if not value.isdigit():
        return None
    language_code = get_language()
    page = Page.objects.live().filter(pk=value).exclude(locale__language_code=language_code).first()
    if page is None:
        return None
    versions = Page.objects.live().filter(translation_key=page.translation_key, locale__language_code=language_code)
    return None if versions.exists() else page.specific


class LanguageAwarePageLinkHandler(PageLinkHandler):
    """Rich text links to pages, resolved for the language being read."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [f'<a href="{escape(url_in_language(page))}">' if page else "<a>" for page in cls.get_many(attrs_list)]


class UntranslatedPageMiddleware:
    """A page address under the wrong language prefix (/en/ueber-uns/, e.g. an edited or
    outdated link) leads to the page's version in that language, or to that language's home
    page with the notice, instead of "not found"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        language_code = get_language_from_path(request.path_info)
        if not language_code:
            return response
        page = self._page_in_another_language(request.path_info, language_code)
        if page is None:
            return response
        return redirect(url_in_language(page, request, language_code))

    @staticmethod
    def _page_in_another_language(path, language_code):
        rest = path[len(f"/{language_code}/") :]
        if not rest:
            return None
        homes = language_homes().live().exclude(locale__language_code=language_code)
        url_paths = [home.url_path + rest for home in homes]
        return Page.objects.live().filter(url_path__in=url_paths).exclude(depth__lte=2).first()
