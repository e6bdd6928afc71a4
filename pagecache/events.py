"""The public events: the changes a visitor can see, which make every cached page stale.

A change is public when it is one of these (an allow-list); everything else changes nothing a
visitor sees and purges nothing:

- **Pages**: published, unpublished, moved, deleted; a live page saved with its content (code,
  the demo, wagtail-localize's translation sync: `page.save()` writes the live row). Publishing a
  translation is publishing a page. A draft save is not: Wagtail's `save_revision` (the editor's
  "Save draft" and autosave) saves the page with `update_fields` limited to its revision
  bookkeeping (REVISION_BOOKKEEPING), which no page shows.
- **Snippets and settings**: any save, delete or many-to-many change of a model registered as a
  snippet or a subclass of Wagtail's settings models, found at run time, so a new snippet or
  setting is covered without anyone registering it here; except the snippets that visitors
  write (WRITTEN_BY_VISITORS: they would let anyone empty the caches). A snippet's draft save is
  revision bookkeeping too.
- **Rows of a live page, a snippet or a setting** (the inline models of a page type, snippet or
  setting, a ParentalKey): saved with it when it is published, or on their own by code. Rows of
  a draft page are not, nor Wagtail's comments (a ParentalKey to every page).
- **What pages show that is neither** (SHOWN_ON_PAGES): images, documents, collections, tags,
  redirects, sites, locales, view restrictions; and a deleted rendition (cached pages name its
  file; making one is rendering, not a change).

A model that is none of these – Wagtail's revisions, log entries, comments, workflow states,
the reference and search index, editing sessions, wagtail-localize's translation sources and
strings, form submissions, participation requests, registrations, sessions, users, the task
queue – purges nothing. That is also where a new model lands, and the side chosen on purpose:
content an editor edits and pages show is a page, a snippet, a setting or a row of one, all
found at run time; a model that is none of them is bookkeeping or written by visitors and background
work, whose writes must not empty the caches, and a model that pages do show is added to
SHOWN_ON_PAGES (tests/performance/test_public_events.py: the class of each kind of model).

Each public event replaces the page cache's generation token in the same transaction
(pagecache.generation) and, once the transaction is committed, queues one purge of the front
cache (pagecache.tasks).
"""

import functools

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate

from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from pagecache import generation, tasks

# What Wagtail saves on a page or snippet for its drafts, locks, workflows and files: the admin
# shows these, no page does.
REVISION_BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "file_size",
        "file_hash",
    }
)

SHOWN_ON_PAGES = frozenset(
    {
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailcore.collection",
        "wagtailcore.collectionviewrestriction",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailredirects.redirect",
        "taggit.tag",
    }
)
SHOWN_WHEN_DELETED = frozenset({"wagtailimages.rendition"})

# Snippets (the moderators' listings) whose rows visitors create.
WRITTEN_BY_VISITORS = frozenset({"accessibility.barrierreport", "exchange.entry"})


@functools.cache
def _public_models():
    """Labels of the models whose every change is public (read once the apps are ready)."""
    from django.apps import apps

    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    labels = set(SHOWN_ON_PAGES)
    labels |= {get_image_model()._meta.label_lower, get_document_model()._meta.label_lower}
    labels |= {model._meta.label_lower for model in get_snippet_models()}
    labels |= {
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    }
    return frozenset(labels - WRITTEN_BY_VISITORS)


@functools.cache
def _deleted_public_models():
    from wagtail.images import get_image_model

    return frozenset(SHOWN_WHEN_DELETED | {get_image_model().get_rendition_model()._meta.label_lower})


def _is_page(model):
    from wagtail.models import Page

    return issubclass(model, Page)


def _only_bookkeeping(update_fields):
    return update_fields is not None and set(update_fields) <= REVISION_BOOKKEEPING


def is_public(model, signal, instance=None, update_fields=None):
    """Whether `signal` (post_save, post_delete, m2m_changed) sent for `instance` of `model` is a
    public event (see the module's docstring)."""
    if model._meta.auto_created:  # a many-to-many table: the change of the model it belongs to
        model = model._meta.auto_created
    if _is_page(model):
        if signal is post_delete:
            return True
        # Publish, unpublish and move have signals of their own; a save changes the live site only
        # when the page is live and more than its drafts changed.
        return signal is post_save and instance.live and not _only_bookkeeping(update_fields)
    label = model._meta.label_lower
    if signal is post_delete and label in _deleted_public_models():
        return True
    if signal is post_save and _only_bookkeeping(update_fields):
        return False
    return label in _public_models() or (signal is not m2m_changed and _part_of_public(model, instance))


@functools.cache
def _parental_keys(model):
    from modelcluster.fields import ParentalKey

    return tuple(field for field in model._meta.fields if isinstance(field, ParentalKey))


def _part_of_public(model, instance):
    """Whether `instance` is a row of a live page or of a snippet or setting (its ParentalKey):
    saved with it when it is published or saved, or on its own by code."""
    from wagtail.models import Page

    for field in _parental_keys(model):
        parent = field.related_model
        if parent is Page:  # Wagtail's comments hang on every page: the admin's, not the page's
            continue
        if _is_page(parent):
            if Page.objects.filter(pk=getattr(instance, field.attname), live=True).exists():
                return True
        elif parent._meta.label_lower in _public_models():
            return True
    return False


def public_change():
    """What every public event does: the page cache's token now, the front cache's purge once the
    transaction is committed."""
    generation.bump_generation()
    tasks.purge_after_commit()


_migrating = False


def _migration_started(**kwargs):
    global _migrating
    _migrating = True


def _migration_finished(**kwargs):
    """Migrations change content too, but may run before the token's table exists: one new token
    when they are done (post_migrate is sent after the whole plan ran). The front cache is left
    alone: a deploy migrates before the new code serves (README, *Caching*)."""
    from django.db import connection

    from pagecache.models import CacheGeneration

    global _migrating
    _migrating = False
    if CacheGeneration._meta.db_table in connection.introspection.table_names():
        generation.bump_generation()


def _model_change(sender, signal=None, instance=None, update_fields=None, action="post_", **kwargs):
    if _migrating or not action.startswith("post_"):  # m2m_changed also sends pre_add etc.
        return
    if is_public(sender, signal, instance, update_fields):
        public_change()


def _page_event(**kwargs):
    if not _migrating:
        public_change()


def _receivers():
    yield pre_migrate, _migration_started
    yield post_migrate, _migration_finished
    for signal in (post_save, post_delete, m2m_changed):
        yield signal, _model_change
    # Moves update the tree with queryset updates that send no post_save.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        yield signal, _page_event


def connect_signals():
    for signal, receiver in _receivers():
        signal.connect(receiver, dispatch_uid=f"page-cache-{id(signal)}")


def disconnect_signals():
    """For bulk loads (build_bench_data), which bump once when they are done."""
    for signal, _receiver in _receivers():
        signal.disconnect(dispatch_uid=f"page-cache-{id(signal)}")
