"""The representatives' tests: a bilingual company directory of their own with a company, the
editorial roles and workflows, and a client whose requests commit (so the e-mails queued on
commit have gone out when the test looks)."""

from dataclasses import dataclass

import pytest

from django.contrib.auth.models import Group

from editorial.roles import MODERATORS, TRANSLATORS, setup_roles
from home.tests.factories import privacy_and_contact, translate_into_english
from network.tests.factories import CompanyDirectoryPageFactory, CompanyFactory, CompetenceFactory


@dataclass
class Directory:
    german: object
    english: object
    company: object
    english_company: object
    other: object
    laser: object


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    request = client.request

    def committed_request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(**kwargs)

    client.request = committed_request
    return client


@pytest.fixture
def directory(site_tree, own_site_only):
    """/de/unternehmen/ and /en/companies/ with two companies; the first has an English version."""
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    privacy_and_contact(site_tree)
    german = CompanyDirectoryPageFactory(parent=site_tree.german_home)
    english = translate_into_english(german, title="Companies", slug="companies", intro="Companies in Bochum.")
    laser = CompetenceFactory(name="Laserschneiden", english="Laser cutting")
    company = CompanyFactory(
        name="Gerther Blechtechnik GmbH",
        description="Lasergeschnittene Bleche.",
        website="https://www.blech.example.org/",
    )
    english_company = translate_into_english(
        company, name="Gerther Blechtechnik GmbH", description="Laser-cut sheet metal.", city="Bochum"
    )
    other = CompanyFactory(
        name="Wattenscheider Stahl AG", description="Stahlbau.", website="https://stahl.example.org/"
    )
    setup_roles()
    return Directory(german, english, company, english_company, other, laser)


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderator(directory, django_user_model):
    return member(django_user_model, "moritz", MODERATORS)


@pytest.fixture
def translator(directory, django_user_model):
    return member(django_user_model, "tanja", TRANSLATORS)
