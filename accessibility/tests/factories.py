"""Factories of the accessibility app: its three page types and reports of barriers."""

import factory
import wagtail_factories

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale

from accessibility.models import AccessibilityStatementPage, BarrierReport, EasyLanguagePage, SignLanguagePage

CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHallo.\n"


def document(name, content, title=None):
    return get_document_model().objects.create(title=title or name, file=ContentFile(content, name=name))


class EasyLanguagePageFactory(wagtail_factories.PageFactory):
    """A live page in Leichte Sprache. Pass `parent` (the German home page)."""

    title = "Leichte Sprache"
    slug = factory.Sequence(lambda n: f"leichte-sprache-{n}")
    intro = "Hier erklären wir unsere Internet·seite."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Wir heißen Bochum 2015.</p>"}])
    live = True

    class Meta:
        model = EasyLanguagePage


class SignLanguagePageFactory(wagtail_factories.PageFactory):
    """A live page in German Sign Language with a (tiny, not playable) video and its captions."""

    title = "Gebärdensprache"
    slug = factory.Sequence(lambda n: f"gebaerdensprache-{n}")
    intro = "Ein Video in Deutscher Gebärdensprache."
    video = factory.LazyFunction(lambda: document("dgs.mp4", b"\x00" * 2048, "DGS-Video"))
    captions = factory.LazyFunction(lambda: document("dgs.vtt", CAPTIONS.encode(), "DGS-Untertitel"))
    video_width = 640
    video_height = 360
    video_duration = 75
    transcript = "<p>Bochum 2015 ist die Wachstumsinitiative.</p>"
    live = True

    class Meta:
        model = SignLanguagePage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    """A live accessibility statement. Pass `parent` (a home page)."""

    title = "Erklärung zur Barrierefreiheit"
    slug = factory.Sequence(lambda n: f"barrierefreiheit-{n}")
    intro = "Wie barrierefrei diese Website ist."
    feedback_email = "barrierefreiheit@example.org"
    live = True

    class Meta:
        model = AccessibilityStatementPage


class BarrierReportFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)
    location = "/de/netzwerke/"
    description = "Das Formular lässt sich mit der Tastatur nicht absenden."
    consent_text = "Ich bin einverstanden."
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = BarrierReport
