"""The representatives' e-mails go out through the task queue (django-tasks), once the transaction
that stored the change has committed: nobody gets a link to something that was rolled back, and
the visitor's request does not wait for the SMTP server."""

from django_tasks import task

from django.db import transaction

from . import emails, links
from .models import Representative


@task()
def send_representative_email(representative_id, kind):
    """Send the e-mail `kind`, its links made now (a login link's time starts when it is sent)."""
    representative = (
        Representative.objects.select_related("company", "locale", "user").filter(pk=representative_id).first()
    )
    if representative is None:
        return False
    return emails.send(representative, kind, **links.for_email(representative, kind))


def send_after_commit(representative, kind):
    representative_id = representative.pk
    transaction.on_commit(lambda: send_representative_email.enqueue(representative_id, kind))
