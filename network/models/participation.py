"""Requests of companies to take part in a network ("Teilnahme am Netzwerk")."""

import calendar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def retention_cutoff(months=None, now=None):
    """The moment before which requests are deleted: `months` calendar months before `now`."""
    months = settings.PARTICIPATION_RETENTION_MONTHS if months is None else months
    now = now or timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    month += 1
    # The same day of the month, or the month's last day where it is shorter (31 March - 1 -> 28/29 Feb).
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))


class ParticipationRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        CONTACTED = "contacted", _("contacted")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    network = models.ForeignKey(
        "network.NetworkPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="participation_requests",
        verbose_name=_("network"),
    )
    network_title = models.CharField(_("network name"), max_length=255, help_text=_("As the page was called."))
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    company = models.CharField(_("company"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    consent_text = models.TextField(_("consent text"), help_text=_("The wording the person agreed to."))
    consented_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(
        _("contact persons notified"), null=True, blank=True, help_text=_("Empty if the e-mail could not be sent.")
    )
    # A keyed hash of the sender's IP address, only for the rate limit; never the address itself.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("participation request")
        verbose_name_plural = _("participation requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.company} – {self.network_title}"
