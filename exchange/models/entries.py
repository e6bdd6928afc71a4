"""The entries of the cooperation exchange and the answers to them.

An entry is posted on the public site in the language of the page it was posted on, and stored
before any e-mail goes out (not public: `live` is False). The poster confirms their e-mail
address with the signed link of the first e-mail; a moderator then approves it by publishing it
in the admin (Wagtail's draft state and revisions: "Publish" is the approval) or rejects it by
deleting it. The first publication starts its period (EXCHANGE_ENTRY_MONTHS); a renewal link
e-mailed shortly before its end extends it. The public sees only approved, confirmed, unexpired
entries (`EntryQuerySet.public`), never the poster's e-mail address: answers are relayed."""

import hashlib
import hmac
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Locale, RevisionMixin

from core.client_ip import client_ip
from core.retention import months_before
from core.slugs import german_ascii

from ..choices import Kind, Theme

# More posts or answers than this from one e-mail or IP address within an hour get a polite refusal.
RATE_LIMIT_PER_HOUR = 5


def client_hash(request):
    """A keyed hash of the client's IP address: enough to count posts, useless to identify anyone."""
    return hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).hexdigest()


def months_after(months, start):
    """`start` plus `months` calendar months (the month's last day where it is shorter)."""
    return months_before(-months, start)


class EntryForm(WagtailAdminModelForm):
    """The competences to tick are the vocabulary's German ones (the pages show their translations)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("competences")
        if field is not None:
            field.queryset = field.queryset.filter(locale=Locale.get_default())


class EntryQuerySet(models.QuerySet):
    def public(self, now=None):
        """Approved (live), confirmed by their poster and not expired."""
        return self.filter(live=True, email_confirmed_at__isnull=False, expires_at__gt=now or timezone.now())

    def waiting_for_moderation(self):
        return self.filter(live=False, email_confirmed_at__isnull=False)

    def over_rate_limit(self, email, client):
        return _over_rate_limit(self, email, client)


def _over_rate_limit(queryset, email, client):
    since = timezone.now() - timedelta(hours=1)
    recent = queryset.filter(created_at__gte=since).filter(Q(email__iexact=email) | Q(client_hash=client))
    return recent.count() >= RATE_LIMIT_PER_HOUR


class Entry(DraftStateMixin, RevisionMixin, ClusterableModel):
    """An offer or a request of a company, in the language it was posted in."""

    # Stored unpublished: a moderator's "Publish" makes it public.
    live = models.BooleanField(verbose_name=_("live"), default=False, editable=False)

    page = models.ForeignKey(
        "exchange.ExchangeIndexPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("exchange page"),
        help_text=_("The page it was posted on, and is shown on."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OFFER)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=3000)
    competences = ParentalManyToManyField(
        "network.Competence", blank=True, related_name="+", verbose_name=_("competences")
    )
    company = models.ForeignKey(
        "network.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("company in the directory"),
    )
    company_name = models.CharField(_("company"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown on the site: answers are relayed."))
    consent_text = models.TextField(_("consent text"), help_text=_("The wording the person agreed to."))
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True, db_index=True)
    renewal_sent_at = models.DateTimeField(_("renewal e-mail sent"), null=True, blank=True)
    # A keyed hash of the poster's IP address, only for the rate limit; never the address itself.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = EntryQuerySet.as_manager()

    panels = [
        FieldRowPanel(
            [
                FieldPanel("kind", help_text=_("Whether the company offers something or looks for it.")),
                FieldPanel("theme", help_text=_("The network's theme the entry belongs to.")),
            ]
        ),
        FieldPanel("title", help_text=_("The entry's heading, as the poster wrote it; correct only plain mistakes.")),
        FieldPanel("description", help_text=_("What is offered or looked for; no contact details here.")),
        FieldPanel(
            "competences",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Companies with these competences are shown next to the entry."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("company_name", help_text=_("As the poster named it; shown with the entry.")),
                FieldPanel("company", help_text=_("The company's page in the directory, if it has one.")),
                FieldPanel("contact_name", read_only=True, help_text=_("Who posted it; never shown.")),
                FieldPanel("email", read_only=True),
                FieldPanel("locale", read_only=True, help_text=_("The language it was posted in.")),
                FieldPanel(
                    "email_confirmed_at",
                    read_only=True,
                    help_text=_("Only an entry whose poster confirmed the address is shown once published."),
                ),
                FieldPanel(
                    "expires_at", read_only=True, help_text=_("Set on publishing; the renewal link extends it.")
                ),
            ],
            heading=_("Poster"),
        ),
    ]
    base_form_class = EntryForm
    # What belongs to the entry as a whole, not to one of its revisions: publishing an older
    # revision keeps the poster's data and the entry's period as they are now.
    OWN_FIELDS = (
        "page_id",
        "locale_id",
        "contact_name",
        "email",
        "consent_text",
        "consented_at",
        "created_at",
        "email_confirmed_at",
        "expires_at",
        "renewal_sent_at",
        "client_hash",
    )

    class Meta:
        verbose_name = _("exchange entry")
        verbose_name_plural = _("exchange entries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "live", "expires_at"], name="exchange_public_idx")]

    def __str__(self):
        return self.title

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.OWN_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def slug(self):
        return slugify(german_ascii(self.title))[:60].strip("-") or "eintrag"

    def is_public(self, now=None):
        now = now or timezone.now()
        return bool(self.live and self.email_confirmed_at and self.expires_at and self.expires_at > now)

    def status_label(self):
        if self.email_confirmed_at is None:
            return _("e-mail not confirmed yet")
        if not self.live:
            return _("waiting for moderation")
        if self.expires_at and self.expires_at <= timezone.now():
            return _("expired")
        return _("public")

    status_label.short_description = _("Status")

    def confirm_email(self):
        """Mark the address confirmed; a second confirmation changes nothing. Whether this call did."""
        changed = Entry.objects.filter(pk=self.pk, email_confirmed_at__isnull=True).update(
            email_confirmed_at=timezone.now()
        )
        self.refresh_from_db(fields=["email_confirmed_at"])
        return bool(changed)

    def start_period(self, now=None):
        """At the first approval: the entry is public for EXCHANGE_ENTRY_MONTHS from now on."""
        now = now or timezone.now()
        expires = months_after(settings.EXCHANGE_ENTRY_MONTHS, now)
        changed = Entry.objects.filter(pk=self.pk, expires_at__isnull=True).update(expires_at=expires)
        self.refresh_from_db(fields=["expires_at"])
        return bool(changed)

    def renew(self, expires_at_seen):
        """Another period from the later of now and the end the renewal link was made for; the same
        link again changes nothing. Whether this call renewed it."""
        if self.expires_at is None or int(self.expires_at.timestamp()) != expires_at_seen:
            return False
        start = max(timezone.now(), self.expires_at)
        changed = Entry.objects.filter(pk=self.pk, expires_at=self.expires_at).update(
            expires_at=months_after(settings.EXCHANGE_ENTRY_MONTHS, start), renewal_sent_at=None
        )
        self.refresh_from_db(fields=["expires_at", "renewal_sent_at"])
        return bool(changed)


class AnswerQuerySet(models.QuerySet):
    def over_rate_limit(self, email, client):
        return _over_rate_limit(self, email, client)


class Answer(models.Model):
    """A visitor's answer to an entry, relayed to the poster by e-mail."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="answers", verbose_name=_("entry"))
    name = models.CharField(_("name"), max_length=200)
    company = models.CharField(_("company"), max_length=200)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), max_length=3000)
    consent_text = models.TextField(_("consent text"), help_text=_("The wording the person agreed to."))
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    relayed_at = models.DateTimeField(_("relayed"), null=True, blank=True)
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} – {self.entry}"
