"""The open data API, version 1: read-only JSON of what the public pages show, per language.

Django Ninja describes it from the same schemas that serve it (`/api/openapi.json`), so the
description cannot drift from the answers. Its interactive docs page is off: it would load
Swagger UI from another host. Answers are public: the cache contract (pagecache.contract) lets
browsers and shared caches keep them like pages, and a purge of the site purges them too.
"""

import csv
from typing import Literal

from ninja import NinjaAPI, Query, Schema
from ninja.throttling import AnonRateThrottle

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wagtail.models import Page

from core.client_ip import client_ip
from core.serving import default_locale, public, site_data
from core.spreadsheet import defused
from events.models import EventPage
from exchange.models import Entry, ExchangeIndexPage
from network.models import Company, CompanyDirectoryPage, Competence, FocusSectorPage, MeetingPage
from network.models.companies import company_cards
from network.models.competences import labels_in_locale
from news.models import NewsArticlePage

from . import schemas

Language = Literal["de", "en"]
MAX_LIMIT = 100


class PerClientThrottle(AnonRateThrottle):
    """Requests per visitor address, the address as the site's trusted proxies report it."""

    def get_ident(self, request):
        return client_ip(request)


api = NinjaAPI(
    title="Bochum 2015 – open data",
    version="1",
    description=(
        "News, the initiative's events, network meetings, the company directory and the cooperation "
        "exchange of the growth initiative Bochum 2015, in German (de) and English (en). Read-only; lists "
        "are paginated with limit and offset."
    ),
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
    throttle=[PerClientThrottle(getattr(settings, "API_RATE", "120/m"))],
)


class Paging(Schema):
    limit: int = 20
    offset: int = 0


class NewsList(Schema):
    count: int
    items: list[schemas.NewsArticle]


class MeetingList(Schema):
    count: int
    items: list[schemas.Meeting]


class EventList(Schema):
    count: int
    items: list[schemas.Event]


class CompanyList(Schema):
    count: int
    items: list[schemas.Company]


class ExchangeList(Schema):
    count: int
    items: list[schemas.ExchangeEntry]


def _home(request, language):
    """The site's home page in `language`: what the API lists is below it, as on the site."""
    home = site_data(request).homes.get(language)
    if home is None:
        raise Http404
    return home


def _pages(model, request, language):
    """Live pages of `model` of the site in `language` that everyone may see."""
    home = _home(request, language)
    return public(model.objects.live().filter(path__startswith=home.path, locale_id=home.locale_id), request)


def _window(paging):
    limit = max(1, min(paging.limit, MAX_LIMIT))
    offset = max(0, paging.offset)
    return slice(offset, offset + limit)


def _absolute(request, page):
    return request.build_absolute_uri(page.get_url(request))


@api.get("/v1/{language}/news", response=NewsList, tags=["news"], summary="News articles, newest first")
def news(request, language: Language, paging: Query[Paging]):
    articles = _pages(NewsArticlePage, request, language).order_by("-date", "-pk")
    shown = articles.only("title", "date", "teaser", "url_path", "locale_id", "path", "depth")[_window(paging)]
    return {
        "count": articles.count(),
        "items": [{"title": a.title, "url": _absolute(request, a), "date": a.date, "teaser": a.teaser} for a in shown],
    }


@api.get("/v1/{language}/meetings", response=MeetingList, tags=["meetings"], summary="Network meetings by date")
def meetings(request, language: Language, paging: Query[Paging], upcoming: bool = False):
    found = _pages(MeetingPage, request, language)
    if upcoming:
        found = found.filter(end__gte=timezone.now())
    found = found.order_by("start", "pk")
    shown = list(found[_window(paging)])
    # Each meeting's network is its parent page: one query for all of them.
    parents = {page.path: page for page in Page.objects.filter(path__in={m.path[: -m.steplen] for m in shown})}
    items = []
    for meeting in shown:
        url = _absolute(request, meeting)
        network = parents.get(meeting.path[: -meeting.steplen])
        items.append(
            {
                "title": meeting.title,
                "url": url,
                "network": network.title if network else None,
                "start": meeting.start,
                "end": meeting.end,
                "status": meeting.status,
                "venue": meeting.venue_name,
                "venue_address": meeting.venue_address,
                "ical": url + meeting.reverse_subpage("calendar"),
            }
        )
    return {"count": found.count(), "items": items}


@api.get("/v1/{language}/events", response=EventList, tags=["events"], summary="The initiative's own events by date")
def events(request, language: Language, paging: Query[Paging], upcoming: bool = False, kind: str = ""):
    """Trade fairs, information evenings and company visits of the initiative (the network
    meetings are at /meetings); `kind` filters by one of the kinds, `upcoming` by the end."""
    found = _pages(EventPage, request, language)
    if upcoming:
        found = found.filter(end__gte=timezone.now())
    if kind:
        found = found.filter(kind=kind)
    found = found.order_by("start", "pk")
    items = []
    for event in found[_window(paging)]:
        url = _absolute(request, event)
        items.append(
            {
                "title": event.title,
                "url": url,
                "kind": event.kind,
                "start": event.start,
                "end": event.end,
                "status": event.status,
                "attendance_mode": event.attendance_mode,
                "venue": event.venue_name,
                "venue_address": event.venue_address,
                "ical": url + event.reverse_subpage("calendar"),
            }
        )
    return {"count": found.count(), "items": items}


def _directory(request, language):
    directory = _pages(CompanyDirectoryPage, request, language).first()
    if directory is None:
        raise Http404
    return directory


def _companies(request, directory, companies):
    sectors = list(FocusSectorPage.objects.live().filter(locale=directory.locale))
    labels = labels_in_locale(Competence.objects.filter(companies__in=companies), directory.locale)
    base = _absolute(request, directory)
    items = []
    for card in company_cards(companies, directory.locale, sectors, labels):
        shown, source = card["company"], card["source"]
        items.append(
            {
                "name": shown.name,
                "url": base + directory.reverse_subpage("company", kwargs={"slug": source.slug}),
                "description": shown.description,
                "street": source.street,
                "postcode": source.postcode,
                "city": shown.city,
                "district": source.district_name,
                "size": source.size,
                "certifications": shown.certifications,
                "website": source.website,
                "sectors": [sector.title for sector in card["sectors"]],
                "competences": [{"name": label.name, "group": label.group} for label in card["competences"]],
                "networks": [network.title for network in card["networks"]],
            }
        )
    return items


@api.get("/v1/{language}/companies", response=CompanyList, tags=["companies"], summary="The company directory")
def companies(request, language: Language, paging: Query[Paging]):
    directory = _directory(request, language)
    listed = Company.objects.live().filter(locale=default_locale(request)).exclude(slug="").order_by("name")
    shown = list(listed[_window(paging)])
    return {"count": listed.count(), "items": _companies(request, directory, shown)}


CSV_COLUMNS = ("name", "street", "postcode", "city", "district", "size", "website", "sectors", "competences", "url")


@api.get(
    "/v1/{language}/companies.csv",
    url_name="companies_csv",
    tags=["companies"],
    summary="The company directory as CSV",
    openapi_extra={"responses": {200: {"description": "text/csv; one row per company", "content": {"text/csv": {}}}}},
)
def companies_csv(request, language: Language):
    directory = _directory(request, language)
    listed = list(Company.objects.live().filter(locale=default_locale(request)).exclude(slug="").order_by("name"))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="companies-{language}.csv"'
    # A byte order mark: spreadsheet programs then read the umlauts as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for company in _companies(request, directory, listed):
        company["sectors"] = "; ".join(company["sectors"])
        company["competences"] = "; ".join(label["name"] for label in company["competences"])
        writer.writerow([defused(company[column]) for column in CSV_COLUMNS])
    return response


@api.get("/v1/{language}/companies/{slug}", response=schemas.Company, tags=["companies"], summary="One company")
def company(request, language: Language, slug: str):
    directory = _directory(request, language)
    found = get_object_or_404(Company.objects.live(), locale=default_locale(request), slug=slug)
    return _companies(request, directory, [found])[0]


@api.get(
    "/v1/{language}/exchange",
    response=ExchangeList,
    tags=["exchange"],
    summary="Offers and requests of the cooperation exchange, newest first",
)
def exchange(request, language: Language, paging: Query[Paging], kind: str = "", theme: str = ""):
    """The public entries of the language's exchange page (approved, confirmed, not expired);
    `kind` (offer, request) and `theme` filter them. No e-mail addresses: answers go through the
    form on each entry's page."""
    page = _pages(ExchangeIndexPage, request, language).first()
    if page is None:
        raise Http404
    found = Entry.objects.public().filter(page=page).order_by("-first_published_at", "-pk")
    if kind:
        found = found.filter(kind=kind)
    if theme:
        found = found.filter(theme=theme)
    shown = list(found.select_related("company")[_window(paging)])
    # The entries' competences in the page's language: two queries for the whole list.
    links = Entry.competences.through.objects.filter(entry__in=[entry.pk for entry in shown])
    labels = labels_in_locale(Competence.objects.filter(pk__in=links.values("competence_id")), page.locale)
    competences = {}
    for entry_id, key in links.values_list("entry_id", "competence__translation_key"):
        if key in labels:
            competences.setdefault(entry_id, []).append(labels[key])
    directory = _pages(CompanyDirectoryPage, request, language).first()
    base = _absolute(request, page)
    items = []
    for entry in shown:
        company_url = None
        if entry.company is not None and entry.company.live and entry.company.slug and directory is not None:
            company_url = request.build_absolute_uri(directory.company_url(entry.company, request))
        items.append(
            {
                "id": entry.pk,
                "title": entry.title,
                "url": base + page.reverse_subpage("exchange_entry", kwargs={"pk": entry.pk, "slug": entry.slug}),
                "kind": entry.kind,
                "theme": entry.theme,
                "description": entry.description,
                "company": entry.company_name,
                "company_url": company_url,
                "competences": [
                    {"name": label.name, "group": label.group}
                    for label in sorted(competences.get(entry.pk, []), key=lambda label: label.sort_key)
                ],
                "posted": entry.first_published_at,
                "expires": entry.expires_at,
            }
        )
    return {"count": found.count(), "items": items}
