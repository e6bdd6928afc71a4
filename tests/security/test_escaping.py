"""What editors enter is escaped or sanitised as Wagtail does; no template marks it safe by hand."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings

from wagtail.rich_text import RichText

from news.models import NewsArticlePage
from news.tests.factories import NewsIndexPageFactory

HOSTILE = "</script><script>alert('b2015')</script><img src=x onerror=alert('b2015')>"
# Every template of ours: the project's and those of each app in the checkout.
PROJECT_TEMPLATES = sorted(
    path
    for folder in [Path(settings.BASE_DIR) / "bochum2015"]
    + [Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == Path(settings.BASE_DIR)]
    for path in (folder / "templates").rglob("*.html")
)


@pytest.mark.parametrize("template", PROJECT_TEMPLATES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_no_template_turns_off_escaping(template):
    source = template.read_text()
    assert not re.search(r"\|\s*safe\b|autoescape\s+off|\|\s*safeseq\b", source)


def from_the_editor(text, link):
    """Rich text as the admin's Draftail field turns what the browser posts into stored HTML."""
    from wagtail.admin.rich_text import DraftailRichTextArea

    contentstate = {
        "blocks": [
            {
                "key": "b2015",
                "text": text,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}},
    }
    return DraftailRichTextArea().value_from_datadict({"body": json.dumps(contentstate)}, {}, "body")


@pytest.mark.django_db
def test_hostile_article_text_is_escaped_in_the_page_and_its_json_ld(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.german_home)
    article = index.add_child(
        instance=NewsArticlePage(
            title=f"Titel {HOSTILE}",
            slug="feindlich",
            date=date(2015, 6, 1),
            teaser=f"Anriss {HOSTILE}",
            body=[("paragraph", RichText(from_the_editor(f"Text {HOSTILE}", "javascript:alert('b2015')")))],
        )
    )
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "<script>alert('b2015')" not in html
    assert "<img src=x onerror" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(" in html  # shown as text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["headline"].startswith("Titel </script>")  # the JSON-LD keeps the text, escaped for <script>
