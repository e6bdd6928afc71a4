"""Registrations for a meeting or an event: the settings an editor switches on per event page
(`RegistrationMixin`, inherited by the page types that take registrations) and the stored
registrations with their double opt-in.

One event has a German and an English page (one `translation_key`): its seats are shared by the
registrations made on either, its settings (seats, deadline, waiting list) are the German page's
(the source the English page is translated from, which may lag behind until it is synced), and
each person's e-mails are in the language of the page they registered on. A registration is
stored as pending; only its confirmation (the signed link in the first e-mail) takes a seat or a
waiting-list place, in a transaction that holds the event's `SeatCounter` row
(`select_for_update`), so concurrent confirmations never overbook."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant

from core.client_ip import client_ip
from core.retention import months_before

# More registrations than this from one e-mail or IP address within an hour get a polite refusal.
RATE_LIMIT_PER_HOUR = 5


def client_hash(request):
    """A keyed hash of the client's IP address: enough to count registrations, useless to identify anyone."""
    return hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).hexdigest()


def retention_cutoff(months=None, now=None):
    return months_before(settings.REGISTRATION_RETENTION_MONTHS if months is None else months, now)


class RegistrationSettings(models.Model):
    """What an editor sets per event page to take registrations. The page type provides `start`
    (an aware datetime), `title`, `locale` and `registration_ics()`; the routes (the form, the
    confirmation and cancel links) come from `registration.routes.RegistrationRoutes`."""

    registration_open = models.BooleanField(
        _("take registrations"),
        default=False,
        help_text=_("Visitors can register on the page; they confirm by e-mail."),
    )
    registration_capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Date and time in Bochum (Europe/Berlin); empty: until the event starts."),
    )
    registration_waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When all seats are taken, further people join a waiting list and move up when someone cancels."),
    )
    registration_reminder_days = models.PositiveSmallIntegerField(
        _("reminder (days before)"),
        default=2,
        help_text=_("Participants get a reminder this many days before the start; 0: no reminder."),
    )

    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldPanel("registration_capacity"),
                FieldPanel("registration_deadline"),
                FieldPanel("registration_waiting_list"),
                FieldPanel("registration_reminder_days"),
            ],
            heading=_("Registration"),
        )
    ]

    class Meta:
        abstract = True

    def registration_event(self):
        """The page whose settings hold for the event, whichever language version was asked: the
        German page (the site's default language). The methods below read their own page's
        fields, so callers ask them of this page."""
        source_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if self.locale.language_code == source_language:
            return self
        source = (
            type(self)
            .objects.filter(translation_key=self.translation_key, locale__language_code=source_language)
            .first()
        )
        return source or self

    def registration_ics(self):
        """The event as an iCalendar file (bytes), attached to the e-mails."""
        raise NotImplementedError

    def registration_closes_at(self):
        return self.registration_deadline or self.start

    def registration_cancelled(self):
        """Whether the event itself is cancelled (the page's status)."""
        return getattr(self, "status", "") == "cancelled"

    def accepts_registrations(self, now=None):
        now = now or timezone.now()
        return self.registration_open and not self.registration_cancelled() and now < self.registration_closes_at()

    def takes_confirmations(self, now=None):
        """A pending registration may still be confirmed until the event starts."""
        return self.registration_open and not self.registration_cancelled() and (now or timezone.now()) < self.start

    def seats_taken(self):
        return Registration.objects.filter(
            event_key=self.translation_key, status=Registration.Status.CONFIRMED
        ).count()

    def seats_left(self):
        """Free seats (None: no limit)."""
        if self.registration_capacity is None:
            return None
        return max(self.registration_capacity - self.seats_taken(), 0)


class SeatCounter(models.Model):
    """One row per event (German and English page alike): the row confirmations and cancellations
    lock, one after the other, before they count the seats."""

    event_key = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("seat counter")

    def __str__(self):
        return str(self.event_key)

    @classmethod
    def lock(cls, event_key):
        """Hold the event's row until the transaction ends (call inside `transaction.atomic`)."""
        cls.objects.get_or_create(event_key=event_key)
        return cls.objects.select_for_update().get(event_key=event_key)


class RegistrationQuerySet(models.QuerySet):
    def over_rate_limit(self, email, client):
        since = timezone.now() - timedelta(hours=1)
        recent = self.filter(created_at__gte=since).filter(Q(email__iexact=email) | Q(client_hash=client))
        return recent.count() >= RATE_LIMIT_PER_HOUR

    def active(self):
        return self.filter(status__in=Registration.ACTIVE)

    def of_person(self, email):
        return self.filter(email__iexact=email.strip())

    def event_titles(self):
        """{event key: title} of the events of these registrations, one per event whichever
        language people registered in: the German title where there is one."""
        source_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        titles = {}
        for key, title, language in self.values_list("event_key", "event_title", "locale__language_code").distinct():
            if key not in titles or language == source_language:
                titles[key] = title
        return titles


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("not confirmed yet")
        CONFIRMED = "confirmed", _("seat")
        WAITING = "waiting", _("waiting list")
        FULL = "full", _("no seat left")
        # A registration is "storniert"; a meeting or an event is "abgesagt".
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITING)

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        verbose_name=_("event page"),
    )
    event_key = models.UUIDField(_("event"), db_index=True, editable=False)
    event_title = models.CharField(_("event"), max_length=255, help_text=_("As the page was called."))
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    name = models.CharField(_("name"), max_length=200)
    company = models.CharField(_("company"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    consent_text = models.TextField(_("consent text"), help_text=_("The wording the person agreed to."))
    consented_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(pgettext_lazy("registration", "cancelled"), null=True, blank=True)
    moved_up_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    # A keyed hash of the sender's IP address, only for the rate limit; never the address itself.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event_key", "status"], name="registration_event_status_idx")]

    def __str__(self):
        return f"{self.name} – {self.event_title}"

    @property
    def event_page(self):
        return self.page.specific if self.page_id else None

    def confirm(self):
        """Take a seat, a waiting-list place or – without either – no place; a second confirmation
        changes nothing. Returns (registration as it is now, whether this call changed it)."""
        with transaction.atomic():
            SeatCounter.lock(self.event_key)
            current = Registration.objects.select_for_update().get(pk=self.pk)
            if current.status != Registration.Status.PENDING:
                return current, False
            page = current.event_page.registration_event() if current.event_page else None
            capacity = page.registration_capacity if page else None
            seated = Registration.objects.filter(event_key=current.event_key, status=Registration.Status.CONFIRMED)
            if capacity is None or seated.count() < capacity:
                current.status = Registration.Status.CONFIRMED
            elif page.registration_waiting_list:
                current.status = Registration.Status.WAITING
            else:
                current.status = Registration.Status.FULL
            current.confirmed_at = timezone.now()
            current.save(update_fields=["status", "confirmed_at"])
            return current, True

    def cancel(self):
        """Give up the seat or place; the first people waiting move up into free seats. Returns
        (registration as it is now, whether this call cancelled it, the registrations moved up)."""
        with transaction.atomic():
            SeatCounter.lock(self.event_key)
            current = Registration.objects.select_for_update().get(pk=self.pk)
            if current.status not in Registration.ACTIVE:
                return current, False, []
            current.status = Registration.Status.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
            page = current.event_page.registration_event() if current.event_page else None
            return current, True, Registration.fill_free_seats(current.event_key, page)

    @staticmethod
    def fill_free_seats(event_key, page):
        """Move the longest waiting into free seats (inside the transaction holding the event's row);
        `page` is the event's German page (`registration_event`)."""
        if page is None:
            return []
        seated = Registration.objects.filter(event_key=event_key, status=Registration.Status.CONFIRMED).count()
        free = None if page.registration_capacity is None else page.registration_capacity - seated
        waiting = Registration.objects.filter(event_key=event_key, status=Registration.Status.WAITING).order_by(
            "confirmed_at", "pk"
        )
        moved = list(waiting if free is None else waiting[: max(free, 0)])
        now = timezone.now()
        for registration in moved:
            registration.status = Registration.Status.CONFIRMED
            registration.moved_up_at = now
            registration.save(update_fields=["status", "moved_up_at"])
        return moved

    def waiting_position(self):
        if self.status != Registration.Status.WAITING:
            return None
        ahead = Registration.objects.filter(event_key=self.event_key, status=Registration.Status.WAITING).filter(
            Q(confirmed_at__lt=self.confirmed_at) | Q(confirmed_at=self.confirmed_at, pk__lt=self.pk)
        )
        return ahead.count() + 1
