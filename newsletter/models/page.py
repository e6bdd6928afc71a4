"""The newsletter's page of each language and its sub-routes (never cached): the subscription
form, the "check your inbox" page and the confirmation link of the e-mail. Confirming takes a
click on a button (POST): mail scanners that open every link in a message confirm nothing.
Unsubscribing has an address of its own outside the page (`newsletter.views`): mail programs post
to it without a CSRF token (RFC 8058)."""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from core.client_ip import client_ip
from core.models import IntroPage
from core.routes import SIGNED_VALUE, RouteWords
from network.models import FocusSectorPage, NetworkPage

from .. import tasks
from ..forms import SubscriptionForm, consent_wording
from ..tokens import subscriber_key
from .subscribers import Subscriber

logger = logging.getLogger(__name__)

# The words of the addresses in each language: …/newsletter/abonnieren/, …/newsletter/subscribe/ and the steps.
WORDS = RouteWords(
    {
        "de": {"subscribe": "abonnieren", "sent": "gesendet", "confirm": "bestaetigen"},
        "en": {"subscribe": "subscribe", "sent": "sent", "confirm": "confirm"},
    }
)
# More subscription requests than this from one address or e-mail within an hour get a polite refusal.
RATE_LIMIT_PER_HOUR = 5


def _keyed_hash(value):
    """A keyed hash: enough to count requests, useless to identify anyone."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def over_rate_limit(email, request):
    """Count this request for its e-mail and its client; whether either passed the limit."""
    over = False
    for key in (
        f"newsletter-rate:e:{_keyed_hash(email.lower())}",
        f"newsletter-rate:c:{_keyed_hash(client_ip(request))}",
    ):
        cache.add(key, 0, 3600)
        try:
            count = cache.incr(key)
        except ValueError:
            count = 1
        over = over or count > RATE_LIMIT_PER_HOUR
    return over


class NewsletterPage(RoutablePageMixin, IntroPage):
    """The newsletter's page of a language (`/de/newsletter/`, `/en/newsletter/`): what it brings
    and a link to the subscription form at its own, never cached address."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the newsletter brings and how often, in two or three sentences."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter page")

    def _words(self):
        return WORDS.of(self.locale.language_code)

    def _check(self, step, word):
        WORDS.check(self.locale.language_code, step, word)

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The steps' addresses in the page's language whoever asks (the e-mails name only the token)."""
        words, kwargs = self._words(), dict(kwargs or {})
        if name in ("newsletter_subscribe", "newsletter_sent"):
            kwargs.setdefault("slug", words["subscribe"])
        if name in ("newsletter_sent", "newsletter_confirm"):
            kwargs.setdefault("word", words[name.removeprefix("newsletter_")])
        return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def subscribe_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("newsletter_subscribe")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subscribe_url"] = self.subscribe_url(request)
        return context

    def _render(self, request, template, status=200, **context):
        response = self.render(request, template=f"newsletter/{template}.html", context_overrides=context)
        response.status_code = status
        return response

    def topics(self):
        in_language = {"locale_id": self.locale_id}
        return {
            "sectors": list(FocusSectorPage.objects.live().filter(**in_language).order_by("title")),
            "networks": list(NetworkPage.objects.live().filter(**in_language).order_by("title")),
        }

    @re_path(rf"^(?P<slug>{WORDS.pattern('subscribe')})/$", name="newsletter_subscribe")
    @method_decorator(never_cache)
    def subscription_form(self, request, slug):
        """GET shows the form; POST stores the subscription (pending) and sends the e-mail with the
        confirmation link."""
        self._check("subscribe", slug)
        topics = self.topics()
        if request.method != "POST":
            return self._render(request, "form_page", form=SubscriptionForm(**topics))
        form = SubscriptionForm(request.POST, **topics)
        sent_url = self.get_url(request) + self.reverse_subpage("newsletter_sent")
        if form.honeypot_filled():
            logger.info("Newsletter form of page %s: honeypot filled, answered like a success", self.pk)
            return redirect(sent_url)
        if not form.is_valid():
            return self._render(request, "form_page", form=form)
        if form.sent_too_fast():
            # Perhaps a bot, perhaps a browser's autofill: stored all the same, since only the link
            # in the e-mail (which a person must open) confirms the subscription.
            logger.info("Newsletter form of page %s sent very fast", self.pk)
        if over_rate_limit(form.cleaned_data["email"], request):
            form.add_error(
                None,
                gettext(
                    "We have received several requests from you within the last hour. "
                    "Please try again later or write to us directly."
                ),
            )
            return self._render(request, "form_page", status=429, form=form)
        self.subscribe(form.cleaned_data["email"], form.choice())
        return redirect(sent_url)

    def subscribe(self, email, choice):
        """Store the request, then e-mail the confirmation link (queued once the request is
        committed). The visitor sees the same answer whether or not the address is subscribed
        already: nobody learns from the form who is. A confirmed subscriber's new choice waits in
        `requested` until its link is confirmed."""
        now = timezone.now()
        consent = {"consent_text": str(consent_wording()), "consented_at": now, "requested_at": now}
        existing = Subscriber.objects.filter(locale=self.locale).of_person(email).first()
        if existing is None:
            subscriber = Subscriber(email=email.strip(), locale=self.locale, created_at=now, **consent)
            subscriber.apply(choice)
            try:
                with transaction.atomic():
                    subscriber.save()
            except IntegrityError:
                # The same address sent twice at the same moment: the first one is stored.
                existing = Subscriber.objects.filter(locale=self.locale).of_person(email).get()
            else:
                tasks.send_after_commit(self, subscriber, "confirm")
                return subscriber
        for name, value in consent.items():
            setattr(existing, name, value)
        if existing.status == Subscriber.Status.PENDING:
            existing.apply(choice)
            kind = "confirm"
        else:
            existing.requested = choice
            kind = "change"
        existing.save()
        tasks.send_after_commit(self, existing, kind)
        return existing

    @re_path(rf"^(?P<slug>{WORDS.pattern('subscribe')})/(?P<word>{WORDS.pattern('sent')})/$", name="newsletter_sent")
    @method_decorator(never_cache)
    def subscription_sent(self, request, slug, word):
        self._check("subscribe", slug)
        self._check("sent", word)
        return self._render(request, "sent")

    @re_path(rf"^(?P<word>{WORDS.pattern('confirm')})/(?P<token>{SIGNED_VALUE})/$", name="newsletter_confirm")
    @method_decorator(never_cache)
    def subscription_confirm(self, request, word, token):
        """GET shows the button, POST confirms; confirming again changes nothing."""
        self._check("confirm", word)
        try:
            key = subscriber_key(token, "confirm")
        except signing.SignatureExpired:
            return self._render(request, "link_invalid", status=400, state="expired")
        except (signing.BadSignature, ValueError, TypeError):
            return self._render(request, "link_invalid", status=400, state="invalid")
        subscriber = Subscriber.objects.filter(key=key, locale=self.locale).first()
        if subscriber is None:
            # Expired and deleted, or unsubscribed since.
            return self._render(request, "link_invalid", status=400, state="expired")
        if request.method == "POST":
            subscriber.confirm()
        return self._render(request, "confirm", subscriber=subscriber)
