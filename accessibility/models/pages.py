"""The pages BITV 2.0 § 4 and the BITVNRW ask of a public body's site: explanations in Leichte
Sprache and in German Sign Language (DGS), both linked from every page's header, and the
accessibility statement with its form for reporting barriers."""

import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage, IntroBodyPage

from ..blocks import EasyLanguageStreamBlock
from ..forms import BarrierReportForm
from .reports import BarrierReport, client_hash

logger = logging.getLogger(__name__)

VIDEO_EXTENSIONS = ("mp4", "webm")
# The last part of the barrier report form's address below the statement, in the page's language.
REPORT_SLUGS = {"de": "melden", "en": "report"}


class EasyLanguagePage(BasePage):
    """A page in Leichte Sprache: a German page of its own (Leichte Sprache is not a language
    of the site's translations), found by the header of every page through its navigation role."""

    navigation_role = "easy_language"
    # Leichte Sprache is German: the page has no English translation.
    german_only = True

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences: what is on this page."),
    )
    body = StreamField(
        EasyLanguageStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Headings, short texts, explanations of hard words, pictures and buttons."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "accessibility.EasyLanguagePage"]
    subpage_types = ["accessibility.EasyLanguagePage"]

    class Meta:
        verbose_name = _("page in Leichte Sprache")

    @property
    def summary_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["more_pages"] = self.get_children().live().public().specific()
        return context


class SignLanguagePage(BasePage):
    """Explanations in German Sign Language: a video served by the site itself (a Wagtail
    document, downloadable), with captions and the same content as text."""

    navigation_role = "sign_language"
    german_only = True

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences above the video."))
    video = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("video"),
        help_text=_("The video in German Sign Language as an MP4 or WebM file, served by this site."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("captions"),
        help_text=_("The video's German captions as a WebVTT file (.vtt)."),
    )
    video_width = models.PositiveSmallIntegerField(
        _("width in pixels"), default=640, help_text=_("The video's own width: the page keeps its place.")
    )
    video_height = models.PositiveSmallIntegerField(
        _("height in pixels"), default=360, help_text=_("The video's own height: the page keeps its place.")
    )
    video_duration = models.PositiveIntegerField(
        _("duration in seconds"), default=0, help_text=_("Shown next to the download link.")
    )
    transcript = RichTextField(
        _("text of the video"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("Everything the video says, as text: for everyone who cannot watch it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("captions"),
                FieldRowPanel([FieldPanel("video_width"), FieldPanel("video_height"), FieldPanel("video_duration")]),
            ],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("transcript")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    select_related_when_served = ("video", "captions")

    class Meta:
        verbose_name = _("page in German Sign Language")

    @property
    def summary_text(self):
        return self.intro

    def clean(self):
        super().clean()
        errors = {}
        if self.video and self.video.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["video"] = _("Choose an MP4 or WebM video.")
        if self.captions and self.captions.file_extension.lower() != "vtt":
            errors["captions"] = _("Choose a WebVTT file (.vtt).")
        if errors:
            raise ValidationError(errors)

    @property
    def duration_display(self):
        """The duration as minutes and seconds, e.g. 0:45."""
        minutes, seconds = divmod(self.video_duration, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def video_type(self):
        return f"video/{self.video.file_extension.lower()}" if self.video else ""


class AccessibilityStatementPage(RoutablePageMixin, IntroBodyPage):
    """The accessibility statement (Erklärung zur Barrierefreiheit) with the electronic form for
    reporting barriers that the BITVNRW asks for. A report is stored before it is e-mailed."""

    feedback_email = models.EmailField(
        _("e-mail for reports"),
        blank=True,
        help_text=_("Who is told about a new report of a barrier. Empty: the address of the contact data."),
    )

    content_panels = [*IntroBodyPage.content_panels, FieldPanel("feedback_email")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["report_url"] = self.report_url(request)
        return context

    def report_url(self, request=None):
        """The address of the form for reporting a barrier, with the slug of the page's language."""
        slug = REPORT_SLUGS.get(self.locale.language_code, REPORT_SLUGS["de"])
        return self.get_url(request) + self.reverse_subpage("report", kwargs={"slug": slug})

    def report_recipients(self):
        from core.models import ContactSettings

        address = self.feedback_email or ContactSettings.load().email
        return [address] if address else []

    # The form is on an address of its own below the statement: the statement is the same for
    # every visitor (cached by shared caches), the form carries a CSRF token and the time it was
    # shown, and it and the thank-you page are never cached.

    @path("")
    def index_route(self, request):
        """The statement; a report sent to the statement's own address (from a page shown before the
        form had one) is handled as on the form's."""
        if request.method == "POST":
            return self.report(request, REPORT_SLUGS.get(self.locale.language_code))
        return self.render(request)

    @re_path(rf"^(?P<slug>{'|'.join(REPORT_SLUGS.values())})/$", name="report")
    @method_decorator(never_cache)
    def report(self, request, slug):
        """GET shows the empty form; POST handles a report."""
        if slug != REPORT_SLUGS.get(self.locale.language_code):
            raise Http404
        if request.method != "POST":
            return self.render_report_form(request, BarrierReportForm())
        form = BarrierReportForm(request.POST)
        thanks_url = self.get_url(request) + self.reverse_subpage("thanks")
        # Only a filled-in hidden field is answered like a success without storing anything:
        # no person sees that field.
        if form.honeypot_filled():
            logger.info("Barrier report on page %s: hidden field filled in, answered like a success", self.pk)
            return redirect(thanks_url, permanent=False)
        if not form.is_valid():
            return self.render_report_form(request, form)
        client = client_hash(request)
        if BarrierReport.objects.over_rate_limit(form.cleaned_data["email"], client):
            form.add_error(
                None,
                gettext(
                    "We have received several reports from you within the last hour. Please try again later "
                    "or write to us directly."
                ),
            )
            response = self.render_report_form(request, form)
            response.status_code = 429
            return response
        # A valid report sent faster than a person types (a browser that fills in the form) is
        # stored all the same, marked for a moderator to look at: never lost without a word.
        report = BarrierReport.record(form.cleaned_data, self, client, needs_review=form.sent_too_fast())
        report.notify(self.report_recipients())
        return redirect(thanks_url, permanent=False)

    def render_report_form(self, request, form):
        return self.render(
            request, template="accessibility/barrier_report_form_page.html", context_overrides={"form": form}
        )

    @path("thanks/", name="thanks")
    @method_decorator(never_cache)
    def thanks(self, request):
        return self.render(request, template="accessibility/barrier_report_thanks.html")
