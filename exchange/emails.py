"""The exchange's e-mails: to the poster (confirm the address, the entry is public, renew it, an
answer relayed) in the language of the entry, and to the answerer (that their message was
relayed) in the language of the page they answered on. Plain text and HTML, from
DEFAULT_FROM_EMAIL, with the Impressum footer (core's contact data and legal pages settings). The
poster's address appears only in the To of the mails to the poster; a relayed answer's Reply-To
is the answerer, so that the poster answers them directly."""

import logging

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.models import ContactSettings, LegalPagesSettings

from .tokens import confirm_token, renew_token

logger = logging.getLogger(__name__)


def _subjects():
    return {
        "confirm": gettext("Please confirm your entry in the cooperation exchange: %(title)s"),
        "published": gettext("Your entry is public: %(title)s"),
        "renewal": gettext("Your entry expires soon: %(title)s"),
        "answer": gettext("An answer to your entry: %(title)s"),
        "answer_copy": gettext("Your message has been forwarded: %(title)s"),
    }


def _legal_notice_url(locale):
    page = LegalPagesSettings.load().legal_notice_page
    if page is None:
        return ""
    translated = page.get_translation_or_none(locale) or page
    return translated.get_full_url() or ""


def exchange_page(entry):
    """The live page the entry was posted on (looked up by name: it is one of the app's models)."""
    return apps.get_model("exchange", "ExchangeIndexPage").objects.live().filter(pk=entry.page_id).first()


def page_link(page, route, **kwargs):
    """The absolute address of a sub-route of the exchange page."""
    return (page.get_full_url() or "") + page.reverse_subpage(route, kwargs=kwargs)


def send(entry, kind, answer=None):
    """Send the e-mail `kind` about `entry` (with `answer` for the two about an answer); a failure
    is logged, what was stored stays stored."""
    page = exchange_page(entry)
    if page is None:
        return False
    to_answerer = kind == "answer_copy"
    language = entry.locale.language_code
    with translation.override(language):
        context = {
            "entry": entry,
            "answer": answer,
            "name": answer.name if to_answerer else entry.contact_name,
            "language": language,
            "page": page,
            "entry_url": page_link(page, "exchange_entry", pk=entry.pk, slug=entry.slug),
            "confirm_hours": settings.EXCHANGE_CONFIRM_HOURS,
            "contact": ContactSettings.load(),
            "legal_notice_url": _legal_notice_url(entry.locale),
        }
        if kind == "confirm":
            context["confirm_url"] = page_link(page, "exchange_confirm", token=confirm_token(entry))
        if kind == "renewal":
            context["renew_url"] = page_link(page, "exchange_renew", token=renew_token(entry))
        subject = _subjects()[kind] % {"title": entry.title}
        text = render_to_string(f"exchange/email/{kind}.txt", context)
        html = render_to_string(f"exchange/email/{kind}.html", context)
    # A relayed answer's reply goes to the answerer; other answers go to the initiative's address,
    # not to the sender's (often a no-reply address).
    initiative = [context["contact"].email] if context["contact"].email else None
    reply_to = [answer.email] if kind == "answer" else initiative
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[answer.email if to_answerer else entry.email],
        reply_to=reply_to,
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        logger.exception("Exchange entry %s is stored, but the %s e-mail failed", entry.pk, kind)
        return False
    return True


def notify_moderators(entry):
    """Tell the initiative (the contact settings' address, kept by administrators) that an entry
    waits for moderation: only its title and a link into the admin, no personal data. In German,
    the initiative's language, whatever language the entry is in."""
    recipient = ContactSettings.load().email
    if not recipient:
        logger.warning("Exchange entry %s waits for moderation: no address to notify", entry.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailsnippets_exchange_entry:edit", args=[entry.pk]
        )
        subject = gettext("Cooperation exchange: an entry waits for moderation")
        body = render_to_string("exchange/email/moderation_notice.txt", {"entry": entry, "admin_url": admin_url})
    try:
        EmailMessage(subject=subject, body=body, to=[recipient]).send()
    except Exception:
        logger.exception("Exchange entry %s waits for moderation, but the notice failed", entry.pk)
        return False
    return True
