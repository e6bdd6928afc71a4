"""What happens when a moderator approves (publishes) or deletes an entry in the admin.

The first publication starts the entry's period (EXCHANGE_ENTRY_MONTHS) and tells the poster
that it is public. Entries are written by visitors, so saving one changes no cached page
(pagecache.events.WRITTEN_BY_VISITORS); publishing and unpublishing do (Wagtail's signals), and
so does deleting an entry that was live."""

from django.db.models.signals import post_delete

from wagtail.signals import published

from pagecache.events import public_change

from . import tasks


def _entry_published(sender, instance, **kwargs):
    if instance.start_period():
        tasks.send_after_commit(instance, "published")


def _entry_deleted(sender, instance, **kwargs):
    if instance.live:
        public_change()


def connect_signals():
    from .models import Entry

    published.connect(_entry_published, sender=Entry, dispatch_uid="exchange-entry-published")
    post_delete.connect(_entry_deleted, sender=Entry, dispatch_uid="exchange-entry-deleted")
