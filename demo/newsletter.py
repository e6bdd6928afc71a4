"""Demo content of the newsletter: its page in each language and one German issue as a draft,
filled with the newest news and the next events. No subscribers: they exist only in tests."""

from wagtail.models import Locale

from demo.tools import bilingual_page
from home.models import HomePage
from newsletter.models import Issue, NewsletterPage
from newsletter.prefill import prefill

DRAFT_SUBJECT = "Bochum 2015 – Neuigkeiten aus den Netzwerken"


def load(out):
    german = Locale.get_default()
    home = HomePage.objects.get(locale=german)
    page, _english = bilingual_page(
        home,
        NewsletterPage,
        {
            "title": "Newsletter",
            "slug": "newsletter",
            "intro": (
                "Einmal im Monat: Nachrichten der Initiative, die nächsten Netzwerktreffen und Veranstaltungen – "
                "für alle Themen oder nur für Ihre Fokusbranchen und Netzwerke."
            ),
            "search_description": "Den Newsletter von Bochum 2015 abonnieren.",
        },
        {
            "title": "Newsletter",
            "slug": "newsletter",
            "intro": (
                "Once a month: news of the initiative, the next network meetings and events – on every "
                "topic or only on your focus sectors and networks."
            ),
            "search_description": "Subscribe to the Bochum 2015 newsletter.",
        },
    )
    issue = Issue.objects.filter(subject=DRAFT_SUBJECT, locale=german).first()
    if issue is None:
        issue = Issue.objects.create(
            subject=DRAFT_SUBJECT,
            locale=german,
            intro="Liebe Leserinnen und Leser, hier ist das Neueste aus der Wachstumsinitiative.",
        )
        prefill(issue, news=3, events=2)
    out(f"  newsletter: {page.title}, draft issue “{issue.subject}” with {issue.items.count()} items")
