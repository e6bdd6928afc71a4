"""The newsletter's e-mails: the confirmation of a subscription (or of a new choice of topics) and
the issues. Each in the subscriber's language, as plain text and HTML, from DEFAULT_FROM_EMAIL,
with the Impressum footer (core's contact data and legal pages settings); every issue carries the
one-click unsubscribe link in its text and in the `List-Unsubscribe` headers (RFC 2369, RFC 8058)."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.models import ContactSettings, LegalPagesSettings

from .tokens import make_token

logger = logging.getLogger(__name__)

# The word of the unsubscribe address in each language: /de/newsletter/abmelden/…, /en/newsletter/unsubscribe/….
UNSUBSCRIBE_WORDS = {"de": "abmelden", "en": "unsubscribe"}


def _origin(page):
    """scheme://host[:port] of the site the newsletter page belongs to."""
    url = (page.get_full_url() if page is not None else "") or settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def unsubscribe_url(page, subscriber):
    language = subscriber.locale.language_code
    with translation.override(language):
        path = reverse(
            "newsletter_unsubscribe",
            kwargs={
                "word": UNSUBSCRIBE_WORDS.get(language, "abmelden"),
                "token": make_token(subscriber, "unsubscribe"),
            },
        )
    return _origin(page) + path


def confirm_url(page, subscriber):
    return (page.get_full_url() or "") + page.reverse_subpage(
        "newsletter_confirm", kwargs={"token": make_token(subscriber, "confirm")}
    )


def _legal_notice_url(locale):
    page = LegalPagesSettings.load().legal_notice_page
    if page is None:
        return ""
    translated = page.get_translation_or_none(locale) or page
    return translated.get_full_url() or ""


def _message(template, to, subject, context, language, headers=None):
    contact = ContactSettings.load()
    context = {**context, "contact": contact, "language": language}
    with translation.override(language):
        context["legal_notice_url"] = _legal_notice_url(context["locale"])
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        html = render_to_string(f"newsletter/email/{template}.html", context)
    # Answers go to the initiative's address, not to the sender's (often a no-reply address).
    message = EmailMultiAlternatives(
        subject=" ".join(str(subject).split()),
        body=text,
        to=[to],
        reply_to=[contact.email] if contact.email else None,
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_confirmation(page, subscriber, kind="confirm"):
    """The e-mail with the confirmation link: `confirm` a new subscription, `change` a subscriber's
    new choice of topics. A failure is logged; the subscription stays stored."""
    language = subscriber.locale.language_code
    with translation.override(language):
        subject = gettext("Please confirm your newsletter subscription")
    context = {
        "locale": subscriber.locale,
        "subscriber": subscriber,
        "kind": kind,
        "page_url": page.get_full_url(),
        "confirm_url": confirm_url(page, subscriber),
        "confirm_hours": settings.NEWSLETTER_CONFIRM_HOURS,
    }
    message = _message("confirm", subscriber.email, subject, context, language)
    try:
        message.send()
    except Exception:
        logger.exception("Newsletter subscriber %s is stored, but the confirmation e-mail failed", subscriber.pk)
        return False
    return True


def issue_sections(pages):
    """The issue's pages as (news, events): events are the pages with a start."""
    news = [page for page in pages if getattr(page, "start", None) is None]
    events = [page for page in pages if getattr(page, "start", None) is not None]
    return news, events


def issue_message(issue, pages, newsletter_page, subscriber=None, to=None, message_id=None):
    """The issue as an e-mail to a subscriber (with their unsubscribe link and headers) or, for
    an editor's test, to the address `to` (without them)."""
    language = issue.locale.language_code
    news, events = issue_sections(pages)
    context = {
        "locale": issue.locale,
        "issue": issue,
        "news": news,
        "events": events,
        "page_url": newsletter_page.get_full_url() if newsletter_page else "",
        "unsubscribe_url": unsubscribe_url(newsletter_page, subscriber) if subscriber else "",
        "test": subscriber is None,
    }
    headers = {}
    if subscriber is not None:
        host = urlsplit(_origin(newsletter_page)).hostname
        headers = {
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"Bochum 2015 newsletter ({language}) <newsletter-{language}.{host}>",
            "Precedence": "bulk",
        }
    if message_id:
        headers["Message-ID"] = message_id
    subject = issue.subject if subscriber else f"[Test] {issue.subject}"
    return _message("issue", subscriber.email if subscriber else to, subject, context, language, headers)
