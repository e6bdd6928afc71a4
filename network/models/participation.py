"""Requests of companies to take part in a network ("Teilnahme am Netzwerk"): stored first, then
e-mailed to the network's contact persons."""

import calendar
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

from core.client_ip import client_ip

from ..forms import consent_wording

logger = logging.getLogger(__name__)

# More requests than this from one e-mail or IP address within an hour get a polite refusal.
RATE_LIMIT_PER_HOUR = 5


def client_hash(request):
    """A keyed hash of the client's IP address: enough to count requests, useless to identify anyone."""
    address = client_ip(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def retention_cutoff(months=None, now=None):
    """The moment before which requests are deleted: `months` calendar months before `now`."""
    months = settings.PARTICIPATION_RETENTION_MONTHS if months is None else months
    now = now or timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    month += 1
    # The same day of the month, or the month's last day where it is shorter (31 March - 1 -> 28/29 Feb).
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))


class ParticipationRequestQuerySet(models.QuerySet):
    def over_rate_limit(self, email, client):
        """Whether this e-mail or client sent as many requests as allowed within the last hour."""
        since = timezone.now() - timedelta(hours=1)
        recent = self.filter(created_at__gte=since).filter(Q(email__iexact=email) | Q(client_hash=client))
        return recent.count() >= RATE_LIMIT_PER_HOUR


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

    objects = ParticipationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation request")
        verbose_name_plural = _("participation requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.company} – {self.network_title}"

    @classmethod
    def record(cls, data, page, client):
        """Store a request sent through the form of network `page` (the form's cleaned data)."""
        now = timezone.now()
        return cls.objects.create(
            network=page,
            network_title=page.title,
            locale=page.locale,
            company=data["company"],
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            message=data["message"],
            consent_text=str(consent_wording()),
            consented_at=now,
            created_at=now,
            client_hash=client,
        )

    def notify(self, recipients):
        """E-mail the request to `recipients`. A failure is logged and the request stays stored
        (without `notified_at`), so editors still find it in the admin."""
        if not recipients:
            logger.warning("Participation request %s: nobody to notify", self.pk)
            return False
        # The initiative works in German: the e-mail is German whatever language the visitor used.
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "network_participation_requests:inspect", args=[self.pk]
            )
            subject = gettext("Request to join %(network)s: %(company)s") % {
                "network": self.network_title,
                "company": self.company,
            }
            body = render_to_string(
                "network/email/participation_request.txt", {"request_obj": self, "admin_url": admin_url}
            )
        message = EmailMessage(subject=" ".join(subject.split()), body=body, to=recipients, reply_to=[self.email])
        try:
            message.send()
        except Exception:
            logger.exception("Participation request %s is stored, but the e-mail failed", self.pk)
            return False
        ParticipationRequest.objects.filter(pk=self.pk).update(notified_at=timezone.now())
        return True
