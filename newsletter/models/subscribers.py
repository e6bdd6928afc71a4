import uuid

from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def of_person(self, email):
        return self.filter(email__iexact=email.strip())


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("not confirmed yet")
        CONFIRMED = "confirmed", _("confirmed")

    # The secret the e-mailed links sign (never the row's number, which a new row may get again).
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    all_news = models.BooleanField(_("all news"), default=False)
    sector_keys = models.JSONField(_("focus sectors"), default=list, blank=True)
    network_keys = models.JSONField(_("networks"), default=list, blank=True)
    # A confirmed subscriber's new choice of topics, applied when its link is confirmed.
    requested = models.JSONField(null=True, blank=True, editable=False)
    consent_text = models.TextField(_("consent text"), help_text=_("The wording the person agreed to."))
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, db_index=True)
    requested_at = models.DateTimeField(_("last request"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "locale", name="newsletter_one_subscription_per_language")
        ]

    def __str__(self):
        return self.email

    def choice(self):
        return {"all_news": self.all_news, "sectors": self.sector_keys, "networks": self.network_keys}

    def apply(self, choice):
        self.all_news = bool(choice.get("all_news"))
        self.sector_keys = [str(key) for key in choice.get("sectors", [])]
        self.network_keys = [str(key) for key in choice.get("networks", [])]

    def receives(self, issue_topic_keys):
        """Whether an issue about these topics (translation keys; none: a general issue) reaches them."""
        return self.all_news or bool(set(self.sector_keys + self.network_keys) & set(issue_topic_keys))

    def confirm(self):
        """Confirm the subscription or the new choice waiting in `requested`; a second confirmation
        changes nothing. Returns whether this call changed anything."""
        with transaction.atomic():
            current = Subscriber.objects.select_for_update().filter(pk=self.pk).first()
            if current is None:
                return False
            changed = False
            if current.status == Subscriber.Status.PENDING:
                current.status = Subscriber.Status.CONFIRMED
                current.confirmed_at = timezone.now()
                changed = True
            if current.requested is not None:
                current.apply(current.requested)
                current.requested = None
                changed = True
            if changed:
                current.save()
        self.__dict__.update(current.__dict__)
        return changed
