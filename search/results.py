"""What a search result shows a visitor: the page, a type label in plain words, the date that
matters (a meeting's own date, an article's date, else the publication) and an excerpt of the
page's text around the words searched for, those words marked."""

import re
from datetime import datetime

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy

from core.text import folded

# By page type (app label and model name); every other page is a "page". A visitor does not
# need to know "general content page" or "news index".
TYPE_LABELS = {
    "news.newsarticlepage": pgettext_lazy("search result type", "News"),
    "network.meetingpage": pgettext_lazy("search result type", "Network meeting"),
    "network.networkpage": pgettext_lazy("search result type", "Network"),
    "network.projectpage": pgettext_lazy("search result type", "Cooperation project"),
    "network.focussectorpage": pgettext_lazy("search result type", "Focus sector"),
}
PAGE_LABEL = pgettext_lazy("search result type", "Page")
SNIPPET_WORDS = 30
# Words shown before the first word searched for.
SNIPPET_LEAD = 8


def type_label(page):
    """`page` as search.models.shown_pages gives it: `result_model` is its page type."""
    model = getattr(page, "result_model", None) or type(page)
    return TYPE_LABELS.get(model._meta.label_lower, PAGE_LABEL)


def shown_date(page):
    """The page type's result date (a meeting's start, an article's date: `search_result_date`),
    else the first publication; a moment as its day in Bochum."""
    date = getattr(page, "result_date", None) or page.first_published_at
    if isinstance(date, datetime):
        return timezone.localtime(date).date()
    return date


def needles(terms):
    """What to look for in a text for each word searched for: the word, less up to three
    letters of an ending ('companies' is found in 'company', 'Netzwerke' in 'Netzwerk')."""
    found = []
    for word in set(re.findall(r"\w+", terms)):
        word = folded(word)
        found.append(word[: max(4, len(word) - 3)] if len(word) > 4 else word)
    return found


def snippet(text, terms, words=SNIPPET_WORDS):
    """About `words` words of `text` from shortly before the first word searched for (else from
    its start), every word that contains one searched for in <mark>, as safe HTML."""
    tokens = text.split()
    if not tokens:
        return ""
    wanted = needles(terms)

    def matches(token):
        token = folded(token)
        return any(needle in token for needle in wanted)

    first = next((number for number, token in enumerate(tokens) if matches(token)), 0)
    start = max(0, min(first - SNIPPET_LEAD, len(tokens) - words))
    shown = tokens[start : start + words]
    html = " ".join(f"<mark>{escape(token)}</mark>" if matches(token) else escape(token) for token in shown)
    return mark_safe(("… " if start else "") + html + (" …" if start + words < len(tokens) else ""))  # noqa: S308 - escaped above


def result_items(pages, texts, terms):
    """The results shown: each page with its label, date and excerpt. `texts` are the pages'
    indexed texts by (id, content type id); a page without one shows its summary."""
    return [
        {
            "page": page,
            "label": type_label(page),
            "date": shown_date(page),
            "snippet": snippet(
                texts.get((page.pk, page.content_type_id)) or page.search_description or page.title, terms
            ),
        }
        for page in pages
    ]
