from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from ..forms import IssueForm
from .subscribers import Subscriber


class Issue(ClusterableModel):
    """One issue of the newsletter in one language, composed by an editor and sent once."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    subject = models.CharField(_("subject"), max_length=200, help_text=_("The subject line of the e-mail."))
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("language"),
        help_text=_("Goes to the subscribers of this language; choose news and events of the same language."),
    )
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A few sentences above the news and events."))
    sectors = models.ManyToManyField(
        "network.FocusSectorPage",
        blank=True,
        related_name="+",
        verbose_name=_("focus sectors"),
        help_text=_("Subscribers of these sectors receive the issue. Subscribers of all news always receive it."),
    )
    networks = models.ManyToManyField(
        "network.NetworkPage",
        blank=True,
        related_name="+",
        verbose_name=_("networks"),
        help_text=_("Subscribers of these networks receive the issue."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False, db_index=True
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("sent by"),
    )

    base_form_class = IssueForm

    panels = [
        FieldPanel("subject"),
        FieldPanel("locale"),
        FieldPanel("intro"),
        InlinePanel("items", heading=_("News and events"), label=_("Item")),
        MultiFieldPanel(
            [FieldPanel("sectors"), FieldPanel("networks")],
            heading=_("Topics"),
        ),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at"]
        permissions = [("send_issue", "Can send a newsletter issue to its subscribers")]

    def __str__(self):
        return self.subject

    def topic_keys(self):
        return [str(key) for key in self.sectors.values_list("translation_key", flat=True)] + [
            str(key) for key in self.networks.values_list("translation_key", flat=True)
        ]

    def recipients(self):
        """The confirmed subscribers of the issue's language whom its topics reach."""
        topics = self.topic_keys()
        subscribers = Subscriber.objects.confirmed().filter(locale_id=self.locale_id).order_by("pk")
        return [subscriber for subscriber in subscribers if subscriber.receives(topics)]

    def progress(self):
        """{status: count} of the deliveries, with "total" and "done" (sent, failed or skipped)."""
        counts = dict(self.deliveries.values_list("status").annotate(count=models.Count("pk")))
        total = sum(counts.values())
        done = sum(counts.get(status, 0) for status in Delivery.FINISHED)
        return {**counts, "total": total, "done": done}

    def pages(self):
        """The issue's pages (specific, live), in the editor's order."""
        return [item.page.specific for item in self.items.select_related("page") if item.page and item.page.live]

    @property
    def editable(self):
        return self.status == Issue.Status.DRAFT


class IssueItem(Orderable):
    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("news article or event")
    )

    panels = [PageChooserPanel("page", ["news.NewsArticlePage", "events.EventPage", "network.MeetingPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("item")


class Delivery(models.Model):
    """The issue to one subscriber. Its status is committed before the e-mail goes out (sending)
    and after (sent), so a send interrupted by a crash knows who got the issue."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped (unsubscribed)")

    FINISHED = (Status.SENT, Status.FAILED, Status.SKIPPED)

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery_each")]
        indexes = [models.Index(fields=["issue", "status"], name="newsletter_delivery_status_idx")]

    def __str__(self):
        return f"{self.issue_id}/{self.subscriber_id}: {self.status}"
