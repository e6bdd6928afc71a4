"""Reports of barriers sent through the accessibility statement's form: stored first, then
announced by e-mail with a link to the admin (the e-mail carries no personal data)."""

import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from core.client_ip import client_ip

from ..forms import consent_wording

logger = logging.getLogger(__name__)

# More reports than this from one e-mail or IP address within an hour get a polite refusal.
RATE_LIMIT_PER_HOUR = 5


def client_hash(request):
    """A keyed hash of the client's IP address: enough to count reports, useless to identify anyone."""
    return hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).hexdigest()


class BarrierReportQuerySet(models.QuerySet):
    def over_rate_limit(self, email, client):
        """Whether this e-mail address (if given) or client sent as many reports as allowed within the last hour."""
        since = timezone.now() - timedelta(hours=1)
        sender = Q(client_hash=client)
        if email:
            sender |= Q(email__iexact=email)
        return self.filter(created_at__gte=since).filter(sender).count() >= RATE_LIMIT_PER_HOUR


class BarrierReport(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    page = models.ForeignKey(
        "accessibility.AccessibilityStatementPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="barrier_reports",
        verbose_name=_("statement page"),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    location = models.CharField(
        _("where"),
        max_length=500,
        blank=True,
        help_text=_("The page or the place on the site, as the person named it."),
    )
    description = models.TextField(_("barrier"), max_length=3000)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_text = models.TextField(_("consent text"), help_text=_("The wording the person agreed to."))
    consented_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    needs_review = models.BooleanField(
        _("to be checked"),
        default=False,
        help_text=_("Sent faster than a person usually types (e.g. filled in by the browser): possibly automated."),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(
        _("notification sent"), null=True, blank=True, help_text=_("Empty if the e-mail could not be sent.")
    )
    # A keyed hash of the sender's IP address, only for the rate limit; never the address itself.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = BarrierReportQuerySet.as_manager()

    # Moderators only set the status; everything else is the person's report (inspect view).
    panels = [FieldPanel("status", help_text=_("New, in progress, or done: the barrier is removed or answered."))]

    class Meta:
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Report of %(date)s") % {"date": timezone.localtime(self.created_at).strftime("%d.%m.%Y %H:%M")}

    @classmethod
    def record(cls, data, page, client, needs_review=False):
        """Store a report sent through the form of statement `page` (the form's cleaned data)."""
        now = timezone.now()
        return cls.objects.create(
            page=page,
            locale=page.locale,
            location=data["location"],
            description=data["description"],
            name=data["name"],
            email=data["email"],
            consent_text=str(consent_wording()),
            consented_at=now,
            created_at=now,
            needs_review=needs_review,
            client_hash=client,
        )

    def admin_url(self):
        path = reverse("wagtailsnippets_accessibility_barrierreport:inspect", args=[self.pk])
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path

    def notify(self, recipients):
        """E-mail that a report arrived, with the admin link and without the person's details. A failure
        is logged and the report stays stored (without `notified_at`), so moderators still find it."""
        if not recipients:
            logger.warning("Barrier report %s: nobody to notify", self.pk)
            return False
        # The initiative works in German: the e-mail is German whatever language the visitor used.
        with translation.override(settings.LANGUAGE_CODE):
            subject = gettext("A barrier was reported on the website")
            if self.needs_review:
                subject = gettext("To be checked: %(subject)s") % {"subject": subject}
            body = render_to_string(
                "accessibility/email/barrier_report.txt", {"report": self, "admin_url": self.admin_url()}
            )
        try:
            EmailMessage(subject=subject, body=body, to=recipients).send()
        except Exception:
            logger.exception("Barrier report %s is stored, but the e-mail failed", self.pk)
            return False
        BarrierReport.objects.filter(pk=self.pk).update(notified_at=timezone.now())
        return True
