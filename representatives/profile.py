"""A representative's change of their company: a draft revision submitted to the company workflow
(Wagtail's own moderation, `editorial.roles`), never the live company itself. The public site
keeps showing the live version until a moderator approves the change."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.actions.edit import EditAction
from wagtail.models import TaskState, WorkflowState

from network.models import ContactPerson

from .logos import store_logo


@transaction.atomic
def submit_change(company, form, representative):
    """Save the form's change of `company` (the representative's own, German) as a draft revision
    and submit it for approval. A change still waiting is replaced by this one: its review starts
    afresh."""
    user = representative.user
    if form.logo is not None:
        form.instance.logo = store_logo(form.logo, company, user)
    contact = form.contact_person_changes()
    if contact is not None:
        # A contact person of their own, never a change of one that pages show already: it is
        # shown once the change is approved (and only while the agreement is ticked).
        form.instance.contact_person = (
            ContactPerson.objects.create(locale=company.locale, organisation=company.name, **contact)
            if contact["name"]
            else None
        )
    EditAction(form.instance, user=user, form=form).execute(skip_permission_checks=True)
    company.refresh_from_db()
    for state in WorkflowState.objects.for_instance(company).filter(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    ):
        state.cancel(user=user)
    workflow = company.get_workflow()
    if workflow is not None:
        workflow.start(company, user)
    return company


STATES = {
    "in_moderation": _("Your change is being reviewed. The public page shows the approved version until then."),
    "needs_changes": _("Your last change was not approved. You can change it and send it again."),
    "approved": _("Your last change has been approved and is public."),
    "live": _("The public page shows the profile below."),
}


def profile_state(company):
    """What a representative is told about their company's changes: (state, message, comment)."""
    state = WorkflowState.objects.for_instance(company).order_by("-created_at", "-pk").first()
    if state is None:
        return {"name": "live", "message": STATES["live"], "comment": ""}
    if state.status == WorkflowState.STATUS_IN_PROGRESS:
        return {"name": "in_moderation", "message": STATES["in_moderation"], "comment": ""}
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = state.task_states.filter(status=TaskState.STATUS_REJECTED).order_by("-finished_at").first()
        return {
            "name": "needs_changes",
            "message": STATES["needs_changes"],
            "comment": rejected.comment if rejected else "",
        }
    if state.status == WorkflowState.STATUS_APPROVED:
        return {"name": "approved", "message": STATES["approved"], "comment": ""}
    return {"name": "live", "message": STATES["live"], "comment": ""}
