"""The approval workflow ("Freigabe", "Approval" in an English admin): submit, approve or request changes, schedule."""

import datetime
from unittest import mock

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import TaskState, WorkflowState

from editorial.roles import WORKFLOW_NAME

from .conftest import empty_inline_formsets

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def _form(page, action, **changes):
    data = {"title": page.title, "slug": page.slug, "intro": page.intro, "body-count": "0", **changes}
    data.update(empty_inline_formsets(page))
    data[action] = action
    return data


def _submit(client, editor, page, **changes):
    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _form(page, "action-submit", **changes))
    assert response.status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def _act(client, moderator, page, state, action, comment=""):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk])
    return client.post(url, {"comment": comment})


def test_editor_submits_and_the_moderator_approves_which_publishes(client, editor, moderator, german_page):
    state = _submit(client, editor, german_page, title="Netzwerk Gießerei Ruhr")
    assert state.workflow.name == WORKFLOW_NAME
    assert client.get(german_page.url).content.decode().count("Netzwerk Gießerei Ruhr") == 0

    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Netzwerk Gießerei Ruhr" in dashboard  # awaiting the moderator's review

    _act(client, moderator, german_page, state, "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "<h1>Netzwerk Gießerei Ruhr</h1>" in client.get(german_page.url).content.decode()


def test_editor_cannot_approve_their_own_submission(client, editor, german_page):
    state = _submit(client, editor, german_page, title="Selbst freigegeben")
    _act(client, editor, german_page, state, "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei"


def test_moderator_requests_changes_and_the_editor_sees_the_comment(client, editor, moderator, german_page):
    state = _submit(client, editor, german_page, title="Netzwerk Gießerei!!!")
    _act(client, moderator, german_page, state, "reject", comment="Bitte ohne Ausrufezeichen.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state=state).comment == "Bitte ohne Ausrufezeichen."

    client.force_login(editor)
    history = reverse("wagtailadmin_pages:workflow_history_detail", args=[german_page.pk, state.pk])
    assert "Bitte ohne Ausrufezeichen." in client.get(history).content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[german_page.pk])).content.decode()
    assert "Bitte ohne Ausrufezeichen." in edit
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei"


def test_scheduled_publishing_works_with_the_workflow(client, editor, moderator, german_page):
    go_live = timezone.now() + datetime.timedelta(days=1)
    state = _submit(
        client, editor, german_page, title="Netzwerk Gießerei 2016", go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    _act(client, moderator, german_page, state, "approve")
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei"  # approved, but not yet due
    assert german_page.get_latest_revision().approved_go_live_at is not None

    later = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei 2016"
    assert "<h1>Netzwerk Gießerei 2016</h1>" in client.get(german_page.url).content.decode()
