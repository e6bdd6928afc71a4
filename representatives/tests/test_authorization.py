"""A representative reaches only their own company: every view, and every identifier in an address
or a posted field. A revoked representative reaches nothing, anonymous visitors are sent to the
login, staff accounts are no representatives, and no representative reaches the admin."""

import io

import pytest
from PIL import Image

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Revision

from editorial.roles import EDITORS
from representatives import sessions
from representatives.links import path_of
from representatives.models import Representative
from representatives.tokens import confirm_token, login_link_tokens, set_password_tokens, uid

from .conftest import member
from .factories import PASSWORD, RepresentativeFactory

pytestmark = pytest.mark.django_db


def logos():
    return get_image_model().objects.filter(collection__name="Firmenlogos")


PROFILE = "/de/unternehmen/zugang/profil/"
LOGIN = "/de/unternehmen/zugang/anmelden/"


def log_in(client, representative):
    response = client.post(LOGIN, {"email": representative.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == PROFILE
    return response


def profile_data(company, **changes):
    data = {"description": company.description, "city": company.city, "website": company.website}
    data.update(changes)
    return data


def png(size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def mine(directory):
    return RepresentativeFactory(company=directory.company, approved=True)


@pytest.fixture
def theirs(directory):
    """The other company's representative; that company has a draft waiting."""
    representative = RepresentativeFactory(company=directory.other, approved=True)
    other = directory.other
    other.description = "Geheimer Entwurf der Wattenscheider."
    other.save_revision()
    return representative


def revisions_of(company):
    return Revision.objects.for_instance(company).count()


def test_anonymous_visitors_are_sent_to_the_login(client, directory):
    assert client.get(PROFILE)["Location"] == LOGIN
    response = client.post(PROFILE, profile_data(directory.company, description="Anonym geändert."))
    assert response["Location"] == LOGIN
    assert revisions_of(directory.company) == 0


def test_the_profile_shows_and_edits_only_the_own_company(client, directory, mine, theirs):
    log_in(client, mine)
    page = client.get(PROFILE).content.decode()
    assert "Gerther Blechtechnik GmbH" in page
    assert "Wattenscheider" not in page and "Geheimer Entwurf" not in page
    before = revisions_of(directory.other)
    # Identifiers of the other company in every field a form could carry, and in the address.
    response = client.post(
        f"{PROFILE}?company={directory.other.pk}&pk={directory.other.pk}",
        {
            **profile_data(directory.company, description="Unsere Änderung."),
            "company": directory.other.pk,
            "pk": directory.other.pk,
            "id": directory.other.pk,
            "translation_key": str(directory.other.translation_key),
            "logo_upload": png(),
        },
    )
    assert response.status_code == 302
    assert revisions_of(directory.other) == before
    directory.other.refresh_from_db()
    assert directory.other.description == "Stahlbau." and directory.other.logo_id is None
    directory.company.refresh_from_db()
    mine_latest = directory.company.get_latest_revision_as_object()
    assert mine_latest.description == "Unsere Änderung." and mine_latest.logo is not None


def test_addresses_below_the_profile_are_not_found(client, directory, mine):
    log_in(client, mine)
    for path in (f"{PROFILE}{directory.other.pk}/", f"{PROFILE}{directory.other.slug}/"):
        assert client.get(path).status_code == 404


def test_another_persons_links_do_not_work_with_ones_own_token(client, directory, mine, theirs):
    user, other_user = mine.user, theirs.user
    for step, generator in (("set_password", set_password_tokens), ("use_login_link", login_link_tokens)):
        path = path_of(directory.german, step, uid(other_user), generator.make_token(user))
        assert client.get(path).status_code == 400
        assert client.post(path, {"new_password1": "x" * 20, "new_password2": "x" * 20}).status_code == 400
        assert "_auth_user_id" not in client.session
    other_user.refresh_from_db()
    assert other_user.check_password(PASSWORD)


def test_a_tampered_confirmation_link_is_refused(client, directory):
    requested = RepresentativeFactory(company=directory.company, status=Representative.Status.REQUESTED)
    other = RepresentativeFactory(company=directory.other, status=Representative.Status.REQUESTED)
    payload, timestamp, signature = confirm_token(requested).split("/")
    forged = confirm_token(other).split("/")[0]
    response = client.post(path_of(directory.german, "confirm", forged, timestamp, signature))
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.status == Representative.Status.REQUESTED


def test_a_revoked_representative_reaches_nothing(client, directory, mine, moderator):
    log_in(client, mine)
    mine.revoke(moderator, "Hat das Unternehmen verlassen.")
    assert client.get(PROFILE)["Location"] == LOGIN
    response = client.post(PROFILE, profile_data(directory.company, description="Nach dem Widerruf."))
    assert response["Location"] == LOGIN
    assert revisions_of(directory.company) == 0
    assert client.post(LOGIN, {"email": mine.email, "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session
    path = path_of(directory.german, "use_login_link", uid(mine.user), login_link_tokens.make_token(mine.user))
    assert client.post(path).status_code == 400


def test_requests_not_yet_approved_cannot_log_in(client, directory):
    waiting = RepresentativeFactory(company=directory.company, status=Representative.Status.CONFIRMED)
    get_user_model().objects.create_user(waiting.email, waiting.email, PASSWORD)
    assert client.post(LOGIN, {"email": waiting.email, "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_staff_accounts_are_not_representatives(client, directory, moderator, django_user_model):
    editor = member(django_user_model, "erika", EDITORS)
    client.force_login(editor)
    assert client.get(PROFILE)["Location"] == LOGIN
    client.logout()
    assert client.post(LOGIN, {"email": "erika", "password": "an-unguessable-password"}).status_code == 200
    assert "_auth_user_id" not in client.session
    # An editor's account that represents a company in the database still is refused.
    mistaken = RepresentativeFactory(company=directory.company, status=Representative.Status.APPROVED, user=editor)
    client.force_login(editor)
    session = client.session
    session[sessions.SESSION_KEY] = mistaken.pk
    session.save()
    assert client.get(PROFILE)["Location"] == LOGIN


def test_representatives_do_not_reach_the_admin(client, mine):
    log_in(client, mine)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(reverse("representatives:index")).status_code == 302


def test_logos_are_stored_only_for_the_own_company(client, directory, mine):
    log_in(client, mine)
    client.post(PROFILE, {**profile_data(directory.company), "logo_upload": png()})
    [image] = logos()
    assert image.uploaded_by_user == mine.user and image.collection.name == "Firmenlogos"
    directory.company.refresh_from_db()
    assert directory.company.get_latest_revision_as_object().logo == image
