"""The profile page takes a bounded number of queries, however many competences there are."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.tests.factories import CompetenceFactory

from .factories import PASSWORD, RepresentativeFactory

pytestmark = pytest.mark.django_db


def test_the_profile_page_needs_the_same_queries_for_more_competences(client, directory):
    representative = RepresentativeFactory(company=directory.company, approved=True)
    client.post("/de/unternehmen/zugang/anmelden/", {"email": representative.email, "password": PASSWORD})

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/de/unternehmen/zugang/profil/").status_code == 200
        return len(captured)

    for number in range(3):
        CompetenceFactory(name=f"Kompetenz A{number}", english=f"Competence A{number}")
    few = queries()
    for number in range(20):
        CompetenceFactory(name=f"Kompetenz B{number}", english=f"Competence B{number}")
    assert queries() == few
    assert few <= 40
