"""The dashboard panels each role sees."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from home.models import HomePage, StandardPage
from localization.translation import translate
from network.models import MeetingPage, ParticipationRecipient
from network.tests.factories import ParticipationRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


@pytest.fixture
def participation_request(german_page):
    return ParticipationRequestFactory(
        network=german_page,
        company="Muster Zerspanung GmbH",
        contact_name="Mia Muster",
        email="mia@example.org",
        message="Wir möchten mitmachen.",
    )


@pytest.fixture
def next_meeting(german_page):
    network = german_page
    start = timezone.now() + datetime.timedelta(days=14)
    meeting = network.add_child(
        instance=MeetingPage(
            title="Drittes Netzwerktreffen",
            slug="drittes-netzwerktreffen",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue_name="Technologie-Zentrum Ruhr",
        )
    )
    meeting.save_revision().publish()
    return meeting


def _dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_moderators_and_the_networks_contact_persons_see_the_newest_participation_requests(
    client, moderator, contact_person, participation_request
):
    inspect = reverse("network_participation_requests:inspect", args=[participation_request.pk])
    assert "Muster Zerspanung GmbH" not in _dashboard(client, contact_person)  # not assigned to the network yet
    ParticipationRecipient.objects.create(network=participation_request.network, user=contact_person)
    for user in (moderator, contact_person):
        html = _dashboard(client, user)
        assert f'<a href="{inspect}">Muster Zerspanung GmbH</a>' in html
        assert client.get(inspect).status_code == 200


def test_editors_and_translators_see_no_participation_requests(client, editor, translator, participation_request):
    for user in (editor, translator):
        assert "Muster Zerspanung GmbH" not in _dashboard(client, user)
        response = client.get(reverse("network_participation_requests:index"))
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_everyone_sees_the_next_meetings_and_editors_get_the_edit_link(client, editor, translator, next_meeting):
    html = _dashboard(client, editor)
    edit = reverse("wagtailadmin_pages:edit", args=[next_meeting.pk])
    assert f'<a href="{edit}">Drittes Netzwerktreffen</a>' in html
    assert "Erstes Gusstreffen" not in html  # in the past
    html = _dashboard(client, translator)
    assert f'<a href="{next_meeting.url}">Drittes Netzwerktreffen</a>' in html


def test_translators_see_what_needs_translating_and_syncing(client, translator, editor, moderator):
    home = HomePage.objects.live().get(locale__language_code="de")
    new = home.add_child(instance=StandardPage(title="Neu auf Deutsch", slug="neu"))
    new.save_revision().publish()
    about = StandardPage.objects.live().get(locale__language_code="de", slug="initiative")
    about.intro = "Geänderte Einleitung."
    about.save_revision().publish()

    html = _dashboard(client, translator)
    translate = reverse("wagtail_localize:submit_page_translation", args=[new.pk])
    assert f'Neu auf Deutsch – <a href="{translate}">Translate</a>' in html
    assert "Die Initiative (general content page) – <a href=" in html and "Sync now" in html
    assert "Translation work" not in _dashboard(client, editor)


def test_an_english_admin_lists_the_next_meetings_by_their_english_titles(client, translator, next_meeting):
    english = MeetingPage.objects.get(pk=next_meeting.pk)
    english.title, english.slug = "Third network meeting", "third-network-meeting"
    translate(next_meeting, english)
    html = _dashboard(client, translator)
    assert "Third network meeting" in html
    assert "Drittes Netzwerktreffen" not in html
    start = timezone.localtime(next_meeting.start)
    assert f"{start.day} {start:%B %Y}, {start:%H:%M}" in html  # English date style, Berlin time
