import re
import unicodedata
from array import array
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.context import lazy
from core.models import BasePage
from core.pagination import paginate
from pagecache.cache import per_content_change

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def clean_search_query(raw):
    """What the visitor typed, made safe to search for: control characters dropped, white
    space collapsed, at most SEARCH_QUERY_MAX_LENGTH characters."""
    printable = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in raw)
    return " ".join(printable.split())[:SEARCH_QUERY_MAX_LENGTH].strip()


# Straight and typographic double quotes ("…", „…“, »…«) enclose a phrase.
QUOTES = re.compile(r'["„“”«»]')


def search_terms(query):
    """The words and quoted phrases of a query, lower case, without operators, as one string in
    a form of its own: the words, then each phrase in straight quotes ('treffen "netzwerk
    produktion"'). The backends get plain words and phrases only (SQLite's full-text syntax
    would fail on a stray quote); an unclosed quote is ignored."""
    parts = QUOTES.split(query)
    if len(parts) % 2 == 0:  # an unclosed quote: what follows it are words
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    words, phrases = [], []
    for number, part in enumerate(parts):
        part_words = re.sub(r"[^\w]+", " ", part).lower().split()
        if number % 2 and len(part_words) > 1:
            phrases.append(" ".join(part_words))
        else:
            words += part_words
    return " ".join([*words, *(f'"{phrase}"' for phrase in phrases)])


def terms_query(terms):
    """The search backends' query of `search_terms`: each word and each phrase must match."""
    from .backend import search_query

    words, phrases = [], []
    for number, part in enumerate(terms.split('"')):
        if number % 2:
            phrases.append(part)
        else:
            words += part.split()
    return search_query(words, phrases)


SEARCH_COMPANIES_SHOWN = 5
# The order of a search's matches is kept for each content generation, up to this many (a key
# and a type of 4 bytes each: at most 160 KB an entry); result pages beyond them are read from
# the database. On the benchmark dataset a common word matches about 10,400 pages.
SEARCH_CACHED_MATCHES = 20_000


def shown_pages(keys):
    """The pages of `keys`, (page id, content type id) pairs, in the same order, as a result shows
    them: title, address, type and the date that matters. The same few queries whatever the page
    types among them: the pages' common fields, and one query for each page type that names its
    result date (`search_result_date`: a meeting's start, an article's date)."""
    ids = [pk for pk, _type in keys]
    pages = Page.objects.filter(pk__in=ids).only(
        "id", "title", "url_path", "content_type_id", "locale_id", "first_published_at", "search_description"
    )
    pages = {page.pk: page for page in pages}
    ids_by_type = {}
    for pk, content_type_id in keys:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    for content_type_id, type_ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        date_field = getattr(model, "search_result_date", None)
        for pk in type_ids:
            if pk in pages:
                pages[pk].result_model = model
        if date_field:
            for pk, date in model._default_manager.filter(pk__in=type_ids).values_list("pk", date_field):
                if pk in pages:
                    pages[pk].result_date = date
    return [pages[pk] for pk in ids if pk in pages]


class SearchMatches:
    """The matches of one search as (page id, content type id), in the order of the results,
    for the paginator: those found once per content generation (`SearchPage.find`), and beyond
    them those that `more(start, stop)` reads from the database."""

    def __init__(self, found, more):
        self.total, self.ids, self.types, self.more = found["total"], found["ids"], found["types"], more

    def __len__(self):
        return self.total

    def __getitem__(self, items):
        start, stop, _step = items.indices(self.total)
        kept = len(self.ids)
        keys = list(zip(self.ids[start:stop], self.types[start:stop], strict=True))
        if stop > kept:
            keys += self.more(max(start, kept), stop)
        return keys


class SearchPage(BasePage):
    """The site search of one language: live pages of that language, most relevant or
    newest first."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short text above the search field."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = []
    # The header's search form sends its queries here (navigation.chrome).
    navigation_role = "search"

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("search page")

    def search(self, terms, newest_first=False, request=None):
        """The live pages of this language that match `terms` (of `search_terms`)."""
        from core.serving import public

        from .backend import backend_name_for

        # Only id and type: a search for a common word matches thousands of pages, and the
        # page shows the pages of one result page (shown_pages).
        pages = public(Page.objects.live().filter(locale_id=self.locale_id).not_type(SearchPage), request)
        pages = pages.only("id", "content_type_id")
        if newest_first:
            # Many pages share a publication time (a bulk import, a tree copy): the id keeps
            # the order, and so the result pages, the same from one request to the next.
            pages = pages.order_by("-first_published_at", "-id")
        return pages.search(
            terms_query(terms),
            backend=backend_name_for(self.locale.language_code),
            order_by_relevance=not newest_first,
        )

    # Once per content change, language, host, sort order and terms (the cache key is a hash of them all).
    @per_content_change("search", key=lambda page, terms, newest_first: [page.pk, newest_first, terms])
    def find(self, request, terms, newest_first):
        """What a search shows on any of its result pages: the number of matches, their ids and
        page types in order (up to SEARCH_CACHED_MATCHES), the companies shown on the first,
        and, when no page of this language matches, the other languages' searches that find
        pages."""
        from .backend import ordered_keys

        found = self.search(terms, newest_first, request)
        keys = ordered_keys(found, 0, SEARCH_CACHED_MATCHES + 1)
        total = len(keys) if len(keys) <= SEARCH_CACHED_MATCHES else found.count()
        keys = keys[:SEARCH_CACHED_MATCHES]
        return {
            "total": total,
            "ids": array("i", [pk for pk, _type in keys]),
            "types": array("i", [content_type_id for _pk, content_type_id in keys]),
            "other_languages": [] if total else self.other_languages(request, terms),
            **self.search_companies(request, terms),
        }

    def other_languages(self, request, terms):
        """The search pages of the other languages whose pages match, with the number of
        matches and the address of their results."""
        found = []
        for page in SearchPage.objects.live().exclude(locale_id=self.locale_id).select_related("locale"):
            count = page.search(terms, request=request).count()
            if count:
                url = f"{page.get_url(request)}?{urlencode({'q': terms})}"
                found.append({"language_code": page.locale.language_code, "count": count, "url": url})
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = clean_search_query(request.GET.get("q", ""))
        newest_first = request.GET.get("sort") == "date"
        context.update(search_query=query, newest_first=newest_first, results=None)
        if query:
            terms = search_terms(query)
            # Counting and ranking thousands of matches for every result page is most of a
            # search's cost: it is done once per content change (find()), and a result page
            # reads its own ten pages by id.
            if terms:
                found = self.find(request, terms, newest_first)
            else:
                found = {"total": 0, "ids": array("i"), "types": array("i"), "companies": []}

            def more(start, stop):
                from .backend import ordered_keys

                return ordered_keys(self.search(terms, newest_first, request), start, stop)

            results = paginate(request, SearchMatches(found, more), SEARCH_RESULTS_PER_PAGE)
            keys = list(results)

            def items():
                from .backend import indexed_texts
                from .results import result_items

                return result_items(shown_pages(keys), indexed_texts(keys), terms)

            # The results shown are cached as a fragment named by their ids and the terms (the
            # excerpts show where they occur; the template).
            context.update(
                results=results,
                result_items=lazy(items),
                result_ids=",".join(str(pk) for pk, _type in keys),
                search_terms=terms,
                other_languages=found.get("other_languages", []),
            )
            if results.number == 1:
                context.update(companies=found["companies"], company_directory_url=found.get("company_directory_url"))
        return context

    def search_companies(self, request, terms, limit=SEARCH_COMPANIES_SHOWN):
        """Companies of the company directory in this language whose name or description
        matches, each with the address of its page (or of the directory filtered by its name,
        for a company without one)."""
        from network.models import Company, CompanyDirectoryPage

        from .backend import backend_name_for

        directory = CompanyDirectoryPage.objects.live().filter(locale_id=self.locale_id).first()
        if directory is None:
            return {"companies": []}
        backend = get_search_backend(backend_name_for(self.locale.language_code))
        companies = backend.search(terms_query(terms), Company.objects.live().filter(locale_id=self.locale_id))[:limit]
        base = directory.get_url(request)
        if base is None:  # a directory outside every site has no address to link to
            return {"companies": []}
        return {
            "companies": [
                {
                    "name": company.name,
                    "city": company.city,
                    "description": company.description,
                    "url": base + directory.reverse_subpage("company", kwargs={"slug": company.slug})
                    if company.slug
                    else f"{base}?{urlencode({'q': company.name})}",
                }
                for company in companies
            ],
            "company_directory_url": base,
        }
