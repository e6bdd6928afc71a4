"""Seats hold when many people confirm at the same moment (PostgreSQL, each confirmation in a
thread with its own database connection)."""

import datetime
import threading

import pytest

from django.db import connection, connections

from wagtail.models import Page

from network.models import BERLIN, MeetingPage
from registration.models import Registration, SeatCounter

from .factories import RegistrationFactory

SEATS, PEOPLE = 20, 50


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """The test database without a wrapping transaction: what a thread writes, the others see.
    The test deletes what it made (a transactional test's flush would also take the demo content
    that later tests of the worker read). The test database exists because the module's other
    test is marked `django_db`."""
    with django_db_blocker.unblock():
        yield


def _meeting(parent, seats):
    start = datetime.datetime(2031, 5, 8, 18, 0, tzinfo=BERLIN)
    return parent.add_child(
        instance=MeetingPage(
            title="Ansturm",
            slug="ansturm-concurrency-test",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue_name="Technologie-Zentrum Ruhr",
            registration_open=True,
            registration_capacity=seats,
            registration_waiting_list=True,
        )
    )


@pytest.mark.django_db
def test_confirmations_one_after_another_fill_the_seats_then_the_waiting_list():
    meeting = _meeting(Page.get_first_root_node(), seats=2)
    statuses = [RegistrationFactory(page=meeting).confirm()[0].status for _ in range(3)]
    assert statuses == ["confirmed", "confirmed", "waiting"]


def _confirm_all_at_once(ids):
    barrier = threading.Barrier(len(ids))
    errors, statuses = [], []

    def confirm(pk):
        try:
            registration = Registration.objects.get(pk=pk)
            barrier.wait()
            statuses.append(registration.confirm()[0].status)
        except Exception as error:  # noqa: BLE001 - every error is a failure of the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(pk,)) for pk in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors, statuses


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite takes one writer at a time, so it "
    "cannot show that the row lock holds",
)
def test_fifty_simultaneous_confirmations_for_twenty_seats(committed_db):
    meeting = _meeting(Page.get_first_root_node(), seats=SEATS)
    try:
        ids = [RegistrationFactory(page=meeting).pk for _ in range(PEOPLE)]
        errors, statuses = _confirm_all_at_once(ids)
        assert errors == []
        assert sorted(statuses) == ["confirmed"] * SEATS + ["waiting"] * (PEOPLE - SEATS)
        stored = Registration.objects.filter(event_key=meeting.translation_key)
        assert stored.filter(status="confirmed").count() == SEATS
        assert stored.filter(status="waiting").count() == PEOPLE - SEATS
    finally:
        Registration.objects.filter(event_key=meeting.translation_key).delete()
        SeatCounter.objects.filter(event_key=meeting.translation_key).delete()
        meeting.delete()
