"""The e-mails to a registered person: in the language of the page they registered on, as plain
text and HTML, from DEFAULT_FROM_EMAIL, each with the cancel link (while there is something to
cancel) and the Impressum footer (core's contact data and legal pages settings)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from core.models import ContactSettings, LegalPagesSettings

from .tokens import cancel_token, confirm_token

logger = logging.getLogger(__name__)


def _subjects():
    return {
        "confirm": gettext("Please confirm your registration: %(event)s"),
        "already": gettext("Your registration: %(event)s"),
        "confirmed": gettext("Your seat is confirmed: %(event)s"),
        "waiting": gettext("You are on the waiting list: %(event)s"),
        "full": gettext("Fully booked: %(event)s"),
        "moved_up": gettext("A seat has become free for you: %(event)s"),
        "cancelled": gettext("Your registration is cancelled: %(event)s"),
        "reminder": gettext("Reminder: %(event)s"),
    }


# The e-mails that carry the event as an iCalendar file.
WITH_CALENDAR = {"confirm", "confirmed", "moved_up", "reminder"}


def _legal_notice_url(locale):
    page = LegalPagesSettings.load().legal_notice_page
    if page is None:
        return ""
    translated = page.get_translation_or_none(locale) or page
    return translated.get_full_url() or ""


def page_link(page, route, **kwargs):
    """The absolute address of a sub-route of the event page."""
    return (page.get_full_url() or "") + page.reverse_subpage(route, kwargs=kwargs)


def send(registration, kind):
    """Send the e-mail `kind` to the person; a failure is logged, the registration stays stored."""
    page = registration.event_page
    if page is None:
        return False
    with translation.override(registration.locale.language_code):
        context = {
            "registration": registration,
            "page": page,
            "event_url": page.get_full_url(),
            "confirm_url": page_link(page, "registration_confirm", token=confirm_token(registration)),
            "cancel_url": page_link(page, "registration_cancel", token=cancel_token(registration))
            if registration.status in registration.ACTIVE
            else "",
            "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS,
            "contact": ContactSettings.load(),
            "legal_notice_url": _legal_notice_url(registration.locale),
            "kind": kind,
        }
        subject = _subjects()[kind] % {"event": registration.event_title}
        text = render_to_string(f"registration/email/{kind}.txt", context)
        html = render_to_string(f"registration/email/{kind}.html", context)
    # Answers go to the initiative's address, not to the sender's (often a no-reply address).
    reply_to = [context["contact"].email] if context["contact"].email else None
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[registration.email], reply_to=reply_to
    )
    message.attach_alternative(html, "text/html")
    if kind in WITH_CALENDAR:
        message.attach(f"{page.slug}.ics", page.registration_ics(), "text/calendar")
    try:
        message.send()
    except Exception:
        logger.exception("Registration %s is stored, but the %s e-mail failed", registration.pk, kind)
        return False
    return True
