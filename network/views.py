"""The participation request: a network page's form, stored first, then e-mailed."""

import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bochum2015.client_ip import client_ip
from core import serving

from .feeds import calendar_response
from .forms import ParticipationForm, consent_wording
from .models import ContactPerson, MeetingPage, NetworkPage, ParticipationRequest

logger = logging.getLogger(__name__)

# More requests than this from one e-mail or IP address within an hour get a polite refusal.
RATE_LIMIT_PER_HOUR = 5


def client_hash(request):
    """A keyed hash of the client's IP address: enough to count requests, useless to identify anyone."""
    address = client_ip(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def over_rate_limit(email, client):
    since = timezone.now() - timedelta(hours=1)
    recent = ParticipationRequest.objects.filter(created_at__gte=since).filter(
        Q(email__iexact=email) | Q(client_hash=client)
    )
    return recent.count() >= RATE_LIMIT_PER_HOUR


def participation(request, page):
    """GET shows the network page with an empty form; POST handles a request to take part."""
    if request.method != "POST":
        return page.render(request)
    form = ParticipationForm(request.POST, page=page)
    thanks_url = page.get_url(request) + page.reverse_subpage("thanks")
    if form.is_spam():
        logger.info("Participation form for page %s: spam answered like a success, not stored", page.pk)
        return redirect(thanks_url, permanent=False)
    if not form.is_valid():
        return page.render(request, context_overrides={"form": form})
    client = client_hash(request)
    if over_rate_limit(form.cleaned_data["email"], client):
        form.add_error(
            None,
            _(
                "We have received several requests from you within the last hour. Please try again later "
                "or write to us directly."
            ),
        )
        response = page.render(request, context_overrides={"form": form})
        response.status_code = 429
        return response
    participation_request = save_request(form.cleaned_data, page, client)
    notify_contact_persons(participation_request, page)
    return redirect(thanks_url, permanent=False)


def save_request(data, page, client):
    now = timezone.now()
    return ParticipationRequest.objects.create(
        network=page,
        network_title=page.title,
        locale=page.locale,
        company=data["company"],
        contact_name=data["contact_name"],
        email=data["email"],
        phone=data["phone"],
        message=data["message"],
        consent_text=str(consent_wording()),
        consented_at=now,
        created_at=now,
        client_hash=client,
    )


def recipients_for(page):
    """The e-mail addresses of the network's contact persons, or the initiative's address."""
    from home.models import ContactSettings

    ids = page.contact_links.values_list("contact_person_id", flat=True)
    addresses = sorted(
        {email for email in ContactPerson.objects.filter(pk__in=ids).values_list("email", flat=True) if email}
    )
    if not addresses:
        fallback = ContactSettings.load().email
        addresses = [fallback] if fallback else []
    return addresses


def notify_contact_persons(participation_request, page):
    """E-mail the request to the network's contact persons. A failure is logged and the request
    stays stored (without `notified_at`), so editors still find it in the admin."""
    recipients = recipients_for(page)
    if not recipients:
        logger.warning("Participation request %s: nobody to notify", participation_request.pk)
        return False
    # The initiative works in German: the e-mail is German whatever language the visitor used.
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "network_participation_requests:inspect", args=[participation_request.pk]
        )
        subject = _("Request to join %(network)s: %(company)s") % {
            "network": participation_request.network_title,
            "company": participation_request.company,
        }
        body = render_to_string(
            "network/email/participation_request.txt",
            {"request_obj": participation_request, "admin_url": admin_url},
        )
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=recipients,
        reply_to=[participation_request.email],
    )
    try:
        message.send()
    except Exception:
        logger.exception("Participation request %s is stored, but the e-mail failed", participation_request.pk)
        return False
    ParticipationRequest.objects.filter(pk=participation_request.pk).update(notified_at=timezone.now())
    return True


def calendar(request, path):
    """The iCalendar file of a meeting, or of all meetings of a network, next to its page."""
    route = serving.route(request, path + "/")
    # Only a page itself, not a sub-route of a page (e.g. a network's thanks page).
    if route is None or not route[0].url_path.endswith(f"/{path}/"):
        raise Http404
    page = route[0].specific
    if not page.live or page.get_view_restrictions().exists():
        raise Http404
    if isinstance(page, MeetingPage):
        meetings = [page]
    elif isinstance(page, NetworkPage):
        meetings = MeetingPage.objects.child_of(page).live().order_by("start")
    else:
        raise Http404
    return calendar_response(request, meetings, filename=f"{page.slug}.ics", name=page.title)
