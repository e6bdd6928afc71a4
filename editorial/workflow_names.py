"""The approval workflow and its task named in the language of the admin that shows them.

Wagtail stores a workflow's and a task's name as plain text and shows it as it is, in labels such
as "Submit to %(workflow_name)s". The names of ours are stored in English (the catalogues' msgids)
and, once loaded, are a `TranslatedName`: a `str` whose stored value is unchanged (saving, comparing,
JSON) and whose text (templates, `%`, `str()`, `format()`) is the translation in the active language.
A German admin reads "In Freigabe einreichen", an English one "Submit to Approval"."""

from django.db.models.signals import post_init
from django.utils.translation import gettext, gettext_noop

WORKFLOW_NAME = gettext_noop("Approval")
APPROVAL_TASK_NAME = gettext_noop("Approval by the editors-in-chief")
# Companies' profiles (network.Company): a change by an editor or a company's representative.
COMPANY_WORKFLOW_NAME = gettext_noop("Company profile review")
TRANSLATED_NAMES = {WORKFLOW_NAME, APPROVAL_TASK_NAME, COMPANY_WORKFLOW_NAME}


class TranslatedName(str):
    """A stored name that reads as its translation into the active language."""

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)


def _read_in_admin_language(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if name in TRANSLATED_NAMES and not isinstance(name, TranslatedName):
        instance.name = TranslatedName(name)


def connect():
    from wagtail.models import GroupApprovalTask, Task, Workflow

    for model in (Workflow, Task, GroupApprovalTask):
        post_init.connect(_read_in_admin_language, sender=model, dispatch_uid=f"translated-name-{model.__name__}")
