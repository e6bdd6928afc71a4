import pytest

from django.contrib.auth.models import Group

from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS, setup_roles


@pytest.fixture
def site(db, complete_site):
    """A complete small site (tests.complete_site, built once per module) with the editorial
    groups and their rights set up on it (`manage.py setup_roles`)."""
    setup_roles()
    return complete_site


def _member_of(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model, site):
    return _member_of(django_user_model, "erika", EDITORS)


@pytest.fixture
def moderator(django_user_model, site):
    return _member_of(django_user_model, "moritz", MODERATORS)


@pytest.fixture
def contact_person(django_user_model, site):
    return _member_of(django_user_model, "konrad", CONTACT_PERSONS)


@pytest.fixture
def translator(django_user_model, site):
    """Works in the admin in English, her preferred language."""
    user = _member_of(django_user_model, "tanja", TRANSLATORS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def german_page(site):
    """A live German network page ("Netzwerk Gießerei") with a live English translation."""
    return Page.objects.get(pk=site.german("network").pk).specific


@pytest.fixture
def english_page(german_page):
    return german_page.get_translation(Locale.objects.get(language_code="en")).specific


def empty_inline_formsets(page):
    """Management-form data of a page's inline panels (its links to topics, companies, ...), with no rows,
    so a test can post the edit form with only the fields it cares about."""
    data = {}
    for relation in get_all_child_relations(type(page)):
        name = relation.get_accessor_name()
        if name != "wagtail_admin_comments":
            data.update({f"{name}-TOTAL_FORMS": "0", f"{name}-INITIAL_FORMS": "0", f"{name}-MAX_NUM_FORMS": "1000"})
    return data
