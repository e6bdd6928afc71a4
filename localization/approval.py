"""Translations follow the German page's approval.

German pages go live only through the approval workflow (editors cannot publish, a moderator
approves). A page in another language is translated from its German version and so must never
show what was not approved:

- a translation is created or synced only while the German page is live. Wagtail keeps a live
  page's own row at its live content (drafts go to revisions), and wagtail-localize reads that
  row; a page that is not live – a draft, in moderation, unpublished, scheduled for a later
  go-live date – has its newest draft in the row, which nobody approved
  (`editorial.permissions.TranslationLanguageMiddleware` refuses wagtail-localize's views);
- a translation goes live only while its German version is live (`may_go_live`, asked by the
  page permission tester `editorial.permissions.RolePagePermissionTester`, so the edit view,
  bulk publishing, the admin API and wagtail-localize's editor refuse to publish), and a
  translation that goes live any other way (scheduled publishing, a script) is taken offline
  again at once, and its publishing scheduled that way is cancelled (`take_translation_offline_early`);
- when the German page goes offline (unpublished, expired), its translations go with it and
  their scheduled publishing is cancelled (`take_translations_offline`).

Wagtail's documented `page_published` and `page_unpublished` signals carry the last two; they
are connected in `LocalizationConfig.ready`."""

import logging

from django.conf import settings

from wagtail.models import Locale, Page, Revision

logger = logging.getLogger(__name__)


def source_page(page):
    """The page's version in the default language (German), or None for a German page or one
    that has no German version. One query."""
    versions = Page.objects.filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
    return versions.exclude(pk=page.pk).only("live", "has_unpublished_changes").first()


def may_go_live(page):
    """Whether `page` may be live: it is German, has no German version, or that version is live."""
    source = source_page(page)
    return source is None or source.live


def may_be_translated(page):
    """Whether a translation may be created or synced from `page`: only from live content."""
    return page.live


def _cancel_scheduled_publishing(page):
    Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).update(
        approved_go_live_at=None
    )


def take_translations_offline(sender, instance, **kwargs):
    """`page_unpublished`: a German page that goes offline takes its translations with it."""
    if instance.locale_id != Locale.get_default().pk:
        return
    translations = Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    for translation in translations.specific():
        _cancel_scheduled_publishing(translation)
        if translation.live:
            translation.unpublish()
            logger.info("Page %s went offline with its German version %s", translation.pk, instance.pk)


def take_translation_offline_early(sender, instance, **kwargs):
    """`page_published`: a translation published while its German version is not live goes
    offline again, and one only scheduled (Wagtail sends this signal then too) is not: the
    translator publishes it once the German page is live."""
    if may_go_live(instance):
        return
    _cancel_scheduled_publishing(instance)
    if instance.live:
        instance.unpublish()
        logger.warning("Page %s went live before its German version and was taken offline", instance.pk)
