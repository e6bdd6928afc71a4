"""Company representatives: people who keep their company's profile current on the public site.

A person asks for access (the request is stored before any e-mail goes out), confirms their work
e-mail address with the link in the first e-mail, and a moderator checks that they belong to the
company and approves (or rejects) them in the admin. Approval gives them a Django user of their
own in the group "Unternehmensvertreter", without any access to the Wagtail admin, linked to
exactly one company (its German version), and e-mails them a link to set their password. A
moderator may revoke the access later: a revoked representative reaches nothing."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.client_ip import client_ip

# The group every representative's user is in; it holds no permission.
REPRESENTATIVES_GROUP = "Unternehmensvertreter"


def client_hash(request):
    """A keyed hash of the client's IP address: enough to count requests, useless to identify anyone."""
    return hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).hexdigest()


class AccountTaken(Exception):
    """The e-mail address already names another account (an editor's, say): staff accounts are
    never representatives, and one account represents one company."""


class RepresentativeQuerySet(models.QuerySet):
    def over_rate_limit(self, email, client):
        """Whether this address or this client asked for access too often within the last hour."""
        since = timezone.now() - timedelta(hours=1)
        recent = self.filter(created_at__gte=since)
        limit = settings.REPRESENTATIVES_REQUESTS_PER_HOUR
        return recent.filter(email__iexact=email).count() >= limit or (
            client and recent.filter(client_hash=client).count() >= limit
        )

    def open(self):
        """Requests that still count: waiting for the e-mail confirmation or for a moderator, or approved."""
        return self.filter(
            status__in=[
                Representative.Status.REQUESTED,
                Representative.Status.CONFIRMED,
                Representative.Status.APPROVED,
            ]
        )


class Representative(models.Model):
    """A person who represents one company, from their request for access on."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested (e-mail address not confirmed yet)")
        CONFIRMED = "confirmed", _("E-mail address confirmed: waiting for a moderator")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        REVOKED = "revoked", _("Access revoked")

    company = models.ForeignKey(
        "network.Company", on_delete=models.CASCADE, related_name="representatives", verbose_name=_("company")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representative",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("work e-mail"))
    role = models.CharField(_("role at the company"), max_length=200)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    note = models.TextField(
        _("note of the moderators"),
        blank=True,
        help_text=_("Why the request was approved, rejected or revoked; a rejection's note is sent to the person."),
    )
    consent_text = models.TextField(_("consent given"))
    consented_at = models.DateTimeField(_("consented at"))
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    client_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = RepresentativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("company representative")
        verbose_name_plural = _("company representatives")
        ordering = ["-created_at"]
        constraints = [
            # One account, one company; a person may ask again after a rejection.
            models.UniqueConstraint(
                fields=["email", "company"],
                condition=Q(status__in=["requested", "confirmed", "approved"]),
                name="representatives_one_open_request_per_company",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.company})"

    @property
    def is_active(self):
        return self.status == self.Status.APPROVED and self.user_id is not None

    def email_domain(self):
        return self.email.rsplit("@", 1)[-1].lower()

    def website_domain(self):
        from urllib.parse import urlsplit

        host = (urlsplit(self.company.website).hostname or "").lower()
        return host.removeprefix("www.")

    def domain_matches_website(self):
        """Whether the work e-mail's domain is the company website's (or one below it): a hint for
        the moderator, not a proof."""
        website, domain = self.website_domain(), self.email_domain()
        return bool(website) and (
            domain == website or domain.endswith("." + website) or website.endswith("." + domain)
        )

    def confirm(self):
        """The person confirmed their e-mail address (idempotent). True when it changed something."""
        updated = Representative.objects.filter(pk=self.pk, status=self.Status.REQUESTED).update(
            status=self.Status.CONFIRMED, confirmed_at=timezone.now()
        )
        self.refresh_from_db()
        return bool(updated)

    @transaction.atomic
    def approve(self, moderator, note=""):
        """Give the person an account of their own (no admin access, in the representatives' group)
        linked to this request. Raises AccountTaken when the address names another account."""
        User = get_user_model()
        username = self.email.lower()
        user = self.user
        if user is None:
            if User.objects.filter(Q(username__iexact=username) | Q(email__iexact=username)).exists():
                raise AccountTaken(username)
            user = User.objects.create_user(username=username, email=username)
            first, _space, last = self.name.partition(" ")
            user.first_name, user.last_name = first[:150], last[:150]
            user.set_unusable_password()
        user.is_active = True
        user.is_staff = False
        user.save()
        group, _created = Group.objects.get_or_create(name=REPRESENTATIVES_GROUP)
        user.groups.add(group)
        self.user = user
        self.status = self.Status.APPROVED
        self._decided(moderator, note)

    def reject(self, moderator, note=""):
        self.status = self.Status.REJECTED
        self._decided(moderator, note)

    @transaction.atomic
    def revoke(self, moderator, note=""):
        """No more access: the account can no longer log in, and every view refuses it."""
        self.status = self.Status.REVOKED
        if self.user is not None:
            self.user.is_active = False
            self.user.save(update_fields=["is_active"])
        self._decided(moderator, note)

    def _decided(self, moderator, note):
        self.decided_at = timezone.now()
        self.decided_by = moderator
        if note:
            self.note = note
        self.save()


def representative_of(user):
    """The approved representative an account is, or None (staff accounts and users of the admin
    never are)."""
    if not user.is_authenticated or not user.is_active or user.is_staff or user.is_superuser:
        return None
    if user.has_perm("wagtailadmin.access_admin"):
        return None
    representative = (
        Representative.objects.select_related("company", "locale")
        .filter(user=user, status=Representative.Status.APPROVED)
        .first()
    )
    if representative is None or not user.groups.filter(name=REPRESENTATIVES_GROUP).exists():
        return None
    return representative
