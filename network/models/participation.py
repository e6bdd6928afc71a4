"""Requests of companies to take part in a network ("Teilnahme am Netzwerk"): stored first, then
e-mailed to the user accounts assigned to the network as its request recipients."""

import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import Q, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.client_ip import client_ip
from core.retention import months_before

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
    return months_before(settings.PARTICIPATION_RETENTION_MONTHS if months is None else months, now)


# Whoever holds this permission (the moderators) sees the requests of every network; everyone else
# who may see requests (the contact persons) sees only those of the networks they are assigned to.
VIEW_ALL_PERMISSION = "network.view_all_participationrequest"


class ParticipationRecipient(models.Model):
    """A user account that receives a network's participation requests and may read and answer
    them: the network's contact person as a user. The network is its German page; the requests
    of its translations go to the same people. Maintained by the moderators (Wagtail logs each change)."""

    network = models.ForeignKey(
        "network.NetworkPage",
        on_delete=models.CASCADE,
        related_name="participation_recipients",
        verbose_name=_("network"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participation_networks",
        verbose_name=_("user"),
        help_text=_("Gets the network's requests by e-mail and sees them in the admin."),
    )

    class Meta:
        verbose_name = _("request recipient")
        verbose_name_plural = _("request recipients")
        ordering = ["network__title", "user__username"]
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="one_assignment_per_network_and_user")]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} – {self.network.title}"

    @classmethod
    def addresses_for(cls, network):
        """The e-mail addresses of the active users assigned to `network` (in any of its languages)
        who may still read its requests: someone who left the contact persons (their groups
        changed, the assignment forgotten) gets no more personal data."""
        assignments = cls.objects.filter(
            network__translation_key=network.translation_key, user__is_active=True
        ).select_related("user")
        return sorted(
            {
                assignment.user.email
                for assignment in assignments
                if assignment.user.email and assignment.user.has_perm("network.view_participationrequest")
            }
        )


class ParticipationRequestQuerySet(models.QuerySet):
    def over_rate_limit(self, email, client):
        """Whether this e-mail or client sent as many requests as allowed within the last hour."""
        since = timezone.now() - timedelta(hours=1)
        recent = self.filter(created_at__gte=since).filter(Q(email__iexact=email) | Q(client_hash=client))
        return recent.count() >= RATE_LIMIT_PER_HOUR

    def of_networks_assigned_to(self, user):
        """The requests of the networks (in any language) `user` is assigned to as a recipient."""
        keys = ParticipationRecipient.objects.filter(user=user).values("network__translation_key")
        return self.filter(network__translation_key__in=Subquery(keys))

    def visible_to(self, user):
        """The requests `user` may see at all: every one with VIEW_ALL_PERMISSION (moderators), else
        those of their networks – provided they may see requests."""
        if not user.has_perm("network.view_participationrequest"):
            return self.none()
        if user.has_perm(VIEW_ALL_PERMISSION):
            return self
        return self.of_networks_assigned_to(user)


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
        permissions = [("view_all_participationrequest", _("Can see the requests of every network"))]

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

    def notify_network(self):
        """E-mail the request to the user accounts assigned to its network, who may read it. A network
        without any gets a notice with no personal data, only a link into the admin, sent to the
        initiative's address from the contact settings (only administrators change those)."""
        from core.models import ContactSettings

        recipients = ParticipationRecipient.addresses_for(self.network) if self.network else []
        if recipients:
            return self.notify(recipients)
        fallback = ContactSettings.load().email
        return self.notify([fallback] if fallback else [], personal_data=False)

    def notify(self, recipients, personal_data=True):
        """E-mail the request to `recipients` – with the company's details, or (`personal_data=False`)
        only that a request came and where to read it. A failure is logged and the request stays
        stored (without `notified_at`), so it is still found in the admin."""
        if not recipients:
            logger.warning("Participation request %s: nobody to notify", self.pk)
            return False
        # The initiative works in German: the e-mail is German whatever language the visitor used.
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "network_participation_requests:inspect", args=[self.pk]
            )
            context = {"request_obj": self, "admin_url": admin_url}
            if personal_data:
                subject = gettext("Request to join %(network)s: %(company)s") % {
                    "network": self.network_title,
                    "company": self.company,
                }
                body = render_to_string("network/email/participation_request.txt", context)
            else:
                subject = gettext("Request to join %(network)s") % {"network": self.network_title}
                body = render_to_string("network/email/participation_request_notice.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            to=recipients,
            reply_to=[self.email] if personal_data else None,
        )
        try:
            message.send()
        except Exception:
            logger.exception("Participation request %s is stored, but the e-mail failed", self.pk)
            return False
        ParticipationRequest.objects.filter(pk=self.pk).update(notified_at=timezone.now())
        return True
