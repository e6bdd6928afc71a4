"""The e-mails to a company representative: in the language they asked in, as plain text and HTML,
from DEFAULT_FROM_EMAIL (the initiative), answers to the initiative's address, with the Impressum
footer (core's contact data and legal pages settings)."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from core.models import ContactSettings, LegalPagesSettings

logger = logging.getLogger(__name__)


def _subjects():
    return {
        "confirm": gettext("Please confirm your request for access: %(company)s"),
        "already": gettext("Your access to the profile of %(company)s"),
        "approved": gettext("Your access has been approved: %(company)s"),
        "rejected": gettext("Your request for access: %(company)s"),
        "login_link": gettext("Your login link: %(company)s"),
    }


def _legal_notice_url(locale):
    page = LegalPagesSettings.load().legal_notice_page
    if page is None:
        return ""
    translated = page.get_translation_or_none(locale) or page
    return translated.get_full_url() or ""


def send(representative, kind, **links):
    """Send the e-mail `kind` with `links` (absolute addresses); a failure is logged."""
    with translation.override(representative.locale.language_code):
        context = {
            "representative": representative,
            "company": representative.company,
            "contact": ContactSettings.load(),
            "legal_notice_url": _legal_notice_url(representative.locale),
            "kind": kind,
            **links,
        }
        subject = _subjects()[kind] % {"company": representative.company.name}
        text = render_to_string(f"representatives/email/{kind}.txt", context)
        html = render_to_string(f"representatives/email/{kind}.html", context)
    reply_to = [context["contact"].email] if context["contact"].email else None
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[representative.email], reply_to=reply_to
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        logger.exception("Representative %s: the %s e-mail failed", representative.pk, kind)
        return False
    return True
