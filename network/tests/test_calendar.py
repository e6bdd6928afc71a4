"""Meetings as iCalendar files (RFC 5545, Europe/Berlin) and as JSON-LD events, of the foundry
network and its meetings (`meetings`, conftest.py)."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest

from network.models import MeetingPage

from .factories import MeetingPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("meetings")]
BERLIN = ZoneInfo("Europe/Berlin")


def _calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar):
    return list(calendar.walk("VEVENT"))


def test_kick_off_meeting_downloads_as_an_event_in_berlin_time(client):
    calendar = _calendar(client, "/de/netzwerke/netzwerk-giesserei/auftakttreffen/ical/")
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Berlin"
    [event] = _events(calendar)
    assert str(event["SUMMARY"]) == "Auftakttreffen des Netzwerks Gießerei"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].params["TZID"] == "Europe/Berlin"
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert (start.year, start.month, start.day, start.hour, start.minute) == (1990, 11, 6, 18, 0)
    assert (end.hour, end.minute) == (21, 0)
    assert start.utcoffset() == datetime.timedelta(hours=1)  # winter time
    assert "Technologie-Zentrum Ruhr" in str(event["LOCATION"])
    assert event["UID"] and event["DTSTAMP"]
    assert str(event["URL"]) == "http://testserver/de/netzwerke/netzwerk-giesserei/auftakttreffen/"


def test_ics_text_is_rfc_5545_lines():
    from django.test import Client

    raw = Client().get("/de/netzwerke/netzwerk-giesserei/auftakttreffen/ical/").content
    lines = raw.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR" and lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)  # folded
    assert b"DTSTART;TZID=Europe/Berlin:19901106T180000" in raw


def test_english_meeting_has_the_english_summary_and_the_same_uid(client):
    german = _events(_calendar(client, "/de/netzwerke/netzwerk-giesserei/auftakttreffen/ical/"))[0]
    english = _events(_calendar(client, "/en/networks/foundry-network/kick-off-meeting/ical/"))[0]
    assert str(english["SUMMARY"]) == "Kick-off meeting of the Foundry Network"
    assert english["UID"] == german["UID"]


def test_network_feed_lists_every_meeting_of_the_network_in_order(client, network_tree):
    network = network_tree.german_network
    summer = MeetingPageFactory(
        parent=network, title="Sommertreffen", start=datetime.datetime(2041, 7, 3, 17, 30, tzinfo=BERLIN)
    )
    calendar = _calendar(client, "/de/netzwerke/netzwerk-giesserei/ical/")
    events = _events(calendar)
    assert [str(e["SUMMARY"]) for e in events] == [
        "Auftakttreffen des Netzwerks Gießerei",
        "Zweites Gusstreffen",
        "Offenes Gusstreffen",  # in 2040
        summer.title,
    ]
    start = events[-1]["DTSTART"].dt
    assert (start.hour, start.minute) == (17, 30)
    assert start.utcoffset() == datetime.timedelta(hours=2)  # summer time
    assert start.astimezone(datetime.UTC).hour == 15


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/de/netzwerke/netzwerk-giesserei.ics", "/de/netzwerke/netzwerk-giesserei/ical/"),
        ("/en/networks/foundry-network.ics", "/en/networks/foundry-network/ical/"),
        (
            "/de/netzwerke/netzwerk-giesserei/auftakttreffen.ics",
            "/de/netzwerke/netzwerk-giesserei/auftakttreffen/ical/",
        ),
        (
            "/en/networks/foundry-network/kick-off-meeting.ics",
            "/en/networks/foundry-network/kick-off-meeting/ical/",
        ),
    ],
)
def test_old_calendar_addresses_redirect_permanently_to_the_same_file(client, old, new):
    """Calendars subscribed to at the old .ics addresses keep working."""
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new

    # The same file, but for the time it was made (DTSTAMP), which two requests may see a second apart.
    def made(content):
        return [line for line in content.splitlines() if not line.startswith(b"DTSTAMP")]

    assert made(client.get(old, follow=True).content) == made(client.get(new).content)
    assert _events(_calendar(client, new))


def test_calendar_of_a_private_network_follows_its_view_restriction(client, network_tree):
    """Served by Wagtail as the page is: a visitor who may not see the page gets no calendar."""
    from wagtail.models import PageViewRestriction

    network = network_tree.german_network
    PageViewRestriction.objects.create(page=network, restriction_type=PageViewRestriction.LOGIN)
    for url in ["/de/netzwerke/netzwerk-giesserei/ical/", "/de/netzwerke/netzwerk-giesserei/auftakttreffen/ical/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
        assert b"BEGIN:VCALENDAR" not in response.content


def test_cancelled_meeting_is_marked_cancelled_in_the_calendar(client, network_tree):
    network = network_tree.german_network
    MeetingPageFactory(parent=network, title="Abgesagt", slug="abgesagt", status=MeetingPage.Status.CANCELLED)
    [event] = _events(_calendar(client, "/de/netzwerke/netzwerk-giesserei/abgesagt/ical/"))
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize(
    "url",
    [
        "/de/unternehmen/ical/",  # not a meeting or network
        "/de/netzwerke/netzwerk-giesserei/thanks/ical/",  # a sub-route, not a page
        "/de/netzwerke/gibt-es-nicht/ical/",
        "/de/unternehmen.ics",  # the old addresses of these: redirected, then not found
        "/de/netzwerke/netzwerk-giesserei/thanks.ics",
        "/de/netzwerke/gibt-es-nicht.ics",
    ],
)
def test_only_meetings_and_networks_have_a_calendar(client, url):
    assert client.get(url, follow=True).status_code == 404


def test_unpublished_meeting_has_no_calendar(client, meetings):
    meeting = MeetingPage.objects.get(pk=meetings[0][0].pk)
    meeting.unpublish()
    assert client.get("/de/netzwerke/netzwerk-giesserei/auftakttreffen/ical/").status_code == 404
    assert client.get("/de/netzwerke/netzwerk-giesserei/auftakttreffen.ics", follow=True).status_code == 404


def test_meeting_page_links_its_calendar_and_describes_the_event_as_json_ld(client):
    html = client.get("/en/networks/foundry-network/kick-off-meeting/").content.decode()
    assert 'href="/en/networks/foundry-network/kick-off-meeting/ical/"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "Kick-off meeting of the Foundry Network"
    assert data["startDate"] == "1990-11-06T18:00:00+01:00"
    assert data["endDate"] == "1990-11-06T21:00:00+01:00"
    assert data["location"]["name"] == "Technologie-Zentrum Ruhr"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_json_ld_cannot_close_its_script_element(client, network_tree):
    network = network_tree.german_network
    MeetingPageFactory(parent=network, title="Treffen", slug="treffen", intro="</script><script>alert(1)</script>")
    html = client.get("/de/netzwerke/netzwerk-giesserei/treffen/").content.decode()
    assert "<script>alert(1)" not in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(match.group(1))["description"] == "</script><script>alert(1)</script>"
