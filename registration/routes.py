"""The registration's addresses below an event page (RoutablePageMixin sub-routes, in the page's
language, never cached): the form, the "check your inbox" page, and the confirmation and cancel
links of the e-mails. Confirming and cancelling take a click on a button (POST): mail scanners
that open every link in a message neither take nor give up a seat."""

import logging

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from core.routes import SIGNED_VALUE, RouteWords

from .forms import RegistrationForm, consent_wording
from .models import Registration, client_hash
from .tasks import send_after_commit
from .tokens import cancel_token, registration_id

logger = logging.getLogger(__name__)

# The words of the addresses in each language: …/anmelden/, …/register/ and their steps.
WORDS = RouteWords(
    {
        "de": {"form": "anmelden", "sent": "gesendet", "confirm": "bestaetigen", "cancel": "abmelden"},
        "en": {"form": "register", "sent": "sent", "confirm": "confirm", "cancel": "cancel"},
    }
)
_SLUG = WORDS.pattern("form")


class RegistrationRoutes(RoutablePageMixin):
    """The sub-routes of a page with `registration.models.RegistrationSettings`."""

    def _registration_words(self):
        steps = WORDS.of(self.locale.language_code)
        return steps["form"], steps

    def _registration_event(self, slug, step=None, word=None):
        """The page whose settings hold for the event (`registration_event`: the German page), or
        404 where the words of the address are not this page's or registration is switched off."""
        own_slug, steps = self._registration_words()
        if slug != own_slug or (step and steps[step] != word):
            raise Http404
        event = self.registration_event()
        if not event.registration_open:
            raise Http404
        return event

    def registration_link(self, request):
        """The form's address for the page's button, or "" while registration is switched off."""
        return self.registration_url(request) if self.registration_event().registration_open else ""

    def registration_url(self, request=None):
        slug, _steps = self._registration_words()
        return self.get_url(request) + self.reverse_subpage("registration", kwargs={"slug": slug})

    def _step_url(self, request, step, **kwargs):
        slug, steps = self._registration_words()
        return self.get_url(request) + self.reverse_subpage(
            f"registration_{step}", kwargs={"slug": slug, "word": steps[step], **kwargs}
        )

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The steps' addresses in the page's language whoever asks (the e-mails name only the token)."""
        if name.startswith("registration_") and kwargs and "slug" not in kwargs:
            slug, steps = self._registration_words()
            kwargs = {"slug": slug, "word": steps[name.removeprefix("registration_")], **kwargs}
        return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def _render_registration(self, request, template, event, status=200, **context):
        response = self.render(
            request,
            template=f"registration/{template}.html",
            context_overrides={"registration_event": event, **context},
        )
        response.status_code = status
        return response

    @re_path(rf"^(?P<slug>{_SLUG})/$", name="registration")
    @method_decorator(never_cache)
    def registration(self, request, slug):
        """GET shows the form (or why it is closed); POST stores a pending registration and sends
        the e-mail with the confirmation link."""
        event = self._registration_event(slug)
        if not event.accepts_registrations():
            return self._render_registration(request, "closed", event)
        if request.method != "POST":
            return self._render_registration(request, "form_page", event, form=RegistrationForm())
        form = RegistrationForm(request.POST)
        sent_url = self._step_url(request, "sent")
        if form.honeypot_filled():
            logger.info("Registration form of page %s: honeypot filled, answered like a success", self.pk)
            return redirect(sent_url)
        if not form.is_valid():
            return self._render_registration(request, "form_page", event, form=form)
        if form.sent_too_fast():
            # Perhaps a bot, perhaps a browser's autofill: stored all the same, since only the
            # link in the e-mail (which a person must open) takes a seat.
            logger.info("Registration form of page %s sent very fast", self.pk)
        client = client_hash(request)
        data = form.cleaned_data
        if Registration.objects.over_rate_limit(data["email"], client):
            form.add_error(
                None,
                gettext(
                    "We have received several registrations from you within the last hour. "
                    "Please try again later or write to us directly."
                ),
            )
            return self._render_registration(request, "form_page", event, status=429, form=form)
        self.register(data, client)
        return redirect(sent_url)

    def register(self, data, client=""):
        """Store a pending registration (or find the person's existing one) and e-mail them. The
        visitor sees the same answer either way: nobody learns from the form who is registered."""
        existing = (
            Registration.objects.active()
            .filter(event_key=self.translation_key, email__iexact=data["email"])
            .order_by("created_at")
            .first()
        )
        if existing is not None:
            kind = "confirm" if existing.status == Registration.Status.PENDING else "already"
            send_after_commit(existing, kind)
            return existing
        now = timezone.now()
        registration = Registration.objects.create(
            page=self,
            event_key=self.translation_key,
            event_title=self.title,
            locale=self.locale,
            name=data["name"],
            company=data["company"],
            email=data["email"],
            accessibility_needs=data["accessibility_needs"],
            consent_text=str(consent_wording()),
            consented_at=now,
            created_at=now,
            client_hash=client,
        )
        send_after_commit(registration, "confirm")
        return registration

    @re_path(rf"^(?P<slug>{_SLUG})/(?P<word>{WORDS.pattern('sent')})/$", name="registration_sent")
    @method_decorator(never_cache)
    def registration_sent(self, request, slug, word):
        event = self._registration_event(slug, "sent", word)
        return self._render_registration(request, "sent", event)

    def _registration_from(self, token, action):
        try:
            pk = registration_id(token, action)
        except signing.SignatureExpired:
            return None, "expired"
        except (signing.BadSignature, ValueError, TypeError):
            return None, "invalid"
        registration = Registration.objects.filter(pk=pk, event_key=self.translation_key).first()
        return registration, ("ok" if registration else "invalid")

    @re_path(
        rf"^(?P<slug>{_SLUG})/(?P<word>{WORDS.pattern('confirm')})/(?P<token>{SIGNED_VALUE})/$",
        name="registration_confirm",
    )
    @method_decorator(never_cache)
    def registration_confirm(self, request, slug, word, token):
        event = self._registration_event(slug, "confirm", word)
        registration, state = self._registration_from(token, "confirm")
        if registration is None:
            return self._render_registration(request, "link_invalid", event, status=400, state=state)
        if registration.status == Registration.Status.PENDING and not event.takes_confirmations():
            return self._render_registration(request, "closed", event)
        if request.method == "POST" and registration.status == Registration.Status.PENDING:
            registration, changed = registration.confirm()
            if changed:
                kind = {"confirmed": "confirmed", "waiting": "waiting", "full": "full"}[registration.status]
                send_after_commit(registration, kind)
        return self._render_registration(
            request, "confirm", event, registration=registration, cancel_url=self._cancel_url(request, registration)
        )

    def _cancel_url(self, request, registration):
        if registration.status not in Registration.ACTIVE:
            return ""
        return self._step_url(request, "cancel", token=cancel_token(registration))

    @re_path(
        rf"^(?P<slug>{_SLUG})/(?P<word>{WORDS.pattern('cancel')})/(?P<token>{SIGNED_VALUE})/$",
        name="registration_cancel",
    )
    @method_decorator(never_cache)
    def registration_cancel(self, request, slug, word, token):
        event = self._registration_event(slug, "cancel", word)
        registration, state = self._registration_from(token, "cancel")
        if registration is None:
            return self._render_registration(request, "link_invalid", event, status=400, state=state)
        if request.method == "POST":
            registration, changed, moved_up = registration.cancel()
            if changed:
                send_after_commit(registration, "cancelled")
                for person in moved_up:
                    send_after_commit(person, "moved_up")
        return self._render_registration(request, "cancel", event, registration=registration)
