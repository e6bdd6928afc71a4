"""The abstract page of something that happens at a time – a meeting, an event: its start and end
in Bochum's time, its status, a short introduction for lists, and the index on `end` that lists
of upcoming dates use. The page types that inherit it give the index its name (`end_index`), so
the names of existing indexes stay as they are."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .base import IntroPage

BERLIN = ZoneInfo("Europe/Berlin")


class ScheduledPage(IntroPage):
    """A page with a date: editors enter start and end in Europe/Berlin and set the status after it."""

    search_result_date = "start"

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        TOOK_PLACE = "took_place", _("took place")
        CANCELLED = "cancelled", _("cancelled")

    start = models.DateTimeField(_("start"), help_text=_("Date and time in Bochum (Europe/Berlin)."))
    end = models.DateTimeField(_("end"), help_text=_("Date and time in Bochum (Europe/Berlin)."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences shown in lists."))

    date_panels = [
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("status", help_text=_("Set to 'took place' or 'cancelled' afterwards; the page says so.")),
            ],
            heading=_("Date"),
        )
    ]
    search_fields = [*IntroPage.search_fields, index.FilterField("start")]

    class Meta:
        abstract = True

    @staticmethod
    def end_index(name):
        """The index on `end` (lists of upcoming dates: few ahead, ever more behind), for the
        inheriting page type's `Meta.indexes` under its own name."""
        return models.Index(fields=["end"], name=name)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    @property
    def start_local(self):
        return timezone.localtime(self.start, BERLIN)

    @property
    def end_local(self):
        return timezone.localtime(self.end, BERLIN)

    @property
    def is_upcoming(self):
        return self.end >= timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED
