"""The moderators' views beside the registrations listing: the printable check-in list of an
event, and one person's data – shown, downloaded as JSON, or erased on request (GDPR Art. 15, 17)."""

import json
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .models import Registration
from .tasks import send_after_commit

VIEW = "registration.view_registration"
ERASE = "registration.delete_registration"

# What a person's data export holds of each registration.
PERSONAL_FIELDS = [
    "event_title",
    "name",
    "company",
    "email",
    "accessibility_needs",
    "status",
    "created_at",
    "confirmed_at",
    "cancelled_at",
    "moved_up_at",
    "reminder_sent_at",
    "consent_text",
    "consented_at",
]


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))


@never_cache
def checkin_list(request):
    """The confirmed participants of one event (German and English registrations), by name, to print."""
    _require(request, VIEW)
    try:
        event_key = str(uuid.UUID(request.GET.get("event", "")))
    except ValueError:
        event_key = ""
    seated = Registration.objects.filter(status=Registration.Status.CONFIRMED).order_by()
    events = sorted(seated.event_titles().items(), key=lambda item: item[1])
    registrations = (
        Registration.objects.filter(event_key=event_key, status=Registration.Status.CONFIRMED).order_by("name", "pk")
        if event_key
        else Registration.objects.none()
    )
    title = next((title for key, title in events if str(key) == event_key), "")
    return TemplateResponse(
        request,
        "registration/admin/checkin_list.html",
        {"registrations": registrations, "event_title": title, "events": events, "event_key": event_key},
    )


@never_cache
def person(request):
    """Every registration of one e-mail address, with the buttons to download or erase them."""
    _require(request, VIEW)
    form = PersonForm(request.GET or None)
    registrations = Registration.objects.none()
    if form.is_valid():
        registrations = Registration.objects.of_person(form.cleaned_data["email"]).order_by("created_at")
    return TemplateResponse(
        request,
        "registration/admin/person.html",
        {
            "form": form,
            "registrations": registrations,
            "may_erase": request.user.has_perm(ERASE),
            "email": form.cleaned_data["email"] if form.is_valid() else "",
        },
    )


@never_cache
def person_export(request):
    """One person's data as JSON (the right of access)."""
    _require(request, VIEW)
    form = PersonForm(request.GET)
    if not form.is_valid():
        return redirect("registration_participants:person")
    registrations = Registration.objects.of_person(form.cleaned_data["email"]).order_by("created_at")
    data = {
        "email": form.cleaned_data["email"],
        "registrations": [{name: getattr(r, name) for name in PERSONAL_FIELDS} for r in registrations],
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="registrations.json"'
    return response


@never_cache
@require_POST
def person_erase(request):
    """Erase every registration of one person: a seat or place they still hold is given up first
    (the next person waiting moves up and is told), then nothing of theirs is kept."""
    _require(request, ERASE)
    form = PersonForm(request.POST)
    if not form.is_valid():
        return redirect("registration_participants:person")
    registrations = list(Registration.objects.of_person(form.cleaned_data["email"]))
    for registration in registrations:
        _current, _changed, moved_up = registration.cancel()
        for moved in moved_up:
            send_after_commit(moved, "moved_up")
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).delete()
    messages.success(
        request, gettext("Registrations of this person erased: %(count)d.") % {"count": len(registrations)}
    )
    return redirect(reverse("registration_participants:index"))
