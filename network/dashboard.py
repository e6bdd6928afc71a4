"""The network's panels on the admin dashboard: new participation requests and the next meetings."""

from django.urls import reverse
from django.utils import timezone, translation

from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .models import MeetingPage, ParticipationRequest

PANEL_LENGTH = 5


class ParticipationRequestsPanel(Component):
    """The newest requests of companies to join a network, of the networks the user may see."""

    name = "participation_requests"
    order = 50
    template_name = "network/dashboard/participation_requests.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        requests = ParticipationRequest.objects.visible_to(self.user).order_by("-created_at")[:PANEL_LENGTH]
        return {"participation_requests": requests}


class NextMeetingsPanel(Component):
    """The next network meetings, so nobody forgets to announce or report them."""

    name = "next_meetings"
    order = 60
    template_name = "network/dashboard/next_meetings.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        meetings = (
            MeetingPage.objects.live()
            .filter(locale=Locale.get_default(), end__gte=timezone.now())
            .order_by("start")[:PANEL_LENGTH]
        )
        # Each meeting in the admin's language where it is translated (an English admin reads
        # English titles), else the German one: one query.
        translated = {
            page.translation_key: page
            for page in MeetingPage.objects.live().filter(
                locale__language_code=translation.get_language(),
                translation_key__in=[meeting.translation_key for meeting in meetings],
            )
        }
        items = []
        for meeting in (translated.get(meeting.translation_key, meeting) for meeting in meetings):
            can_edit = meeting.permissions_for_user(self.user).can_edit()
            url = reverse("wagtailadmin_pages:edit", args=[meeting.pk]) if can_edit else meeting.url
            items.append({"meeting": meeting, "url": url})
        return {"meetings": items}


def panels_for(user):
    panels = []
    if user.has_perm("network.view_participationrequest"):
        panels.append(ParticipationRequestsPanel(user))
    panels.append(NextMeetingsPanel(user))
    return panels
