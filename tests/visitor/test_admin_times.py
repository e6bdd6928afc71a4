"""The admin shows the participation requests' times as Bochum's clocks showed them."""

import csv
import datetime
import io

import pytest

from network.tests.factories import ParticipationRequestFactory

pytestmark = pytest.mark.django_db

# 08:50 in Bochum on 3 December (CET, UTC+1).
AT_0850_IN_BOCHUM = datetime.datetime(2026, 12, 3, 7, 50, tzinfo=datetime.UTC)


def test_request_times_are_shown_in_berlin_time(admin_client, complete_site):
    request = ParticipationRequestFactory(
        network=complete_site.german("network"),
        created_at=AT_0850_IN_BOCHUM,
        consented_at=AT_0850_IN_BOCHUM,
        notified_at=AT_0850_IN_BOCHUM,
    )
    html = admin_client.get(f"/admin/participation-requests/inspect/{request.pk}/").content.decode()
    assert html.count("08:50") == 3
    assert "07:50" not in html


def test_exported_request_times_are_in_berlin_time(admin_client, complete_site):
    ParticipationRequestFactory(
        network=complete_site.german("network"), created_at=AT_0850_IN_BOCHUM, consented_at=AT_0850_IN_BOCHUM
    )
    response = admin_client.get("/admin/participation-requests/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *body = rows
    times = [value for row in body for value in row if value.startswith("2026-12-03")]
    assert times == ["2026-12-03 08:50:00+01:00"] * 2
