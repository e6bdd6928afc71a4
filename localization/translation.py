"""Creating English translations the way a translator does in wagtail-localize.

The demo content and the tests use this: German is the source, and the English version
is a real wagtail-localize translation (TranslationSource, Translation, StringTranslation),
so translators can open and continue it in the admin."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Exists, F, OuterRef, Subquery
from django.db.models.functions import Cast

from wagtail.models import DraftStateMixin, Locale, ModelLogEntry, Page, ReferenceIndex, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue


def english_locale():
    locale, _ = Locale.objects.get_or_create(language_code="en")
    return locale


@transaction.atomic
def translate(source_instance, english_instance, locale=None, publish=True):
    """Translate a German page or snippet into English.

    `english_instance` is an unsaved copy of the source with English text in it and the
    same structure (StreamField block ids, rich text paragraphs). Its strings are paired
    with the source's by position and saved as the translation's strings, then the
    translation is saved (and published) through wagtail-localize. Returns the translated
    object."""
    locale = locale or english_locale()
    if isinstance(source_instance, Page):
        source_instance = source_instance.specific
    source, created = TranslationSource.get_or_create_from_instance(source_instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)

    german = extract_segments(source_instance)
    english = extract_segments(english_instance)
    if len(german) != len(english):
        raise ValueError(
            f"{source_instance!r}: the English version has {len(english)} segments, the German {len(german)}"
        )
    english_by_order = {segment.order: segment for segment in english if isinstance(segment, StringSegmentValue)}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        value = english_by_order.get(segment.order)
        if value is None:
            raise ValueError(f"{source_instance!r}: segment {segment.order} differs in kind between languages")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": value.string.data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # wagtail-localize defers publishing to the end of the outermost transaction, with a
    # revision that may carry a stale tree position; publishing the fresh revision here
    # keeps the tree intact and works inside tests' transactions too.
    draftable = isinstance(source_instance, DraftStateMixin)
    # Snippets without drafts can only be saved "published".
    translation.save_target(publish=not draftable)
    target = translation.get_target_instance()
    if publish and draftable:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def translations_out_of_date():
    """Translations of pages whose source was published after the translation was last
    synced: their translators have new strings waiting once they sync."""
    published_since_sync = Page.objects.filter(
        translation_key=OuterRef("source__object_id"),
        locale=OuterRef("source__locale"),
        last_published_at__gt=OuterRef("source__last_updated_at"),
    )
    return Translation.objects.filter(enabled=True).filter(Exists(published_since_sync))


def _edited_since_sync(model):
    """The objects of a translatable snippet model that were saved in the admin after their
    TranslationSource was last synced. Snippets without draft state have no revisions: their
    history is Wagtail's log, which is also where the admin's "Updated" column comes from. A
    snippet with draft state (a company) changes for translators only when a change is approved
    and published; its drafts wait in revisions."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    last_synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id"), specific_content_type=content_type
    ).values("last_updated_at")[:1]
    if issubclass(model, DraftStateMixin):
        return (
            model.objects.annotate(last_synced=Subquery(last_synced))
            .filter(last_synced__isnull=False, live=True)
            .filter(last_published_at__gt=F("last_synced"))
        )
    edited = ModelLogEntry.objects.filter(
        content_type=content_type,
        object_id=Cast(OuterRef("pk"), CharField()),
        timestamp__gt=OuterRef("last_synced"),
    )
    return (
        model.objects.annotate(last_synced=Subquery(last_synced))
        .filter(last_synced__isnull=False)
        .filter(Exists(edited))
    )


def snippet_translations_out_of_date(target_locale=None):
    """Translations of snippets whose source was saved in the admin since the translation was
    last synced (the snippet counterpart of `translations_out_of_date`, where publishing the
    source page is the change).

    One query per translatable snippet model."""
    translations = []
    for model in [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]:
        candidates = _edited_since_sync(model)
        enabled = Translation.objects.filter(
            enabled=True,
            source__specific_content_type=ContentType.objects.get_for_model(model),
            source__object_id__in=candidates.values("translation_key"),
        )
        if target_locale is not None:
            enabled = enabled.filter(target_locale=target_locale)
        translations += list(enabled.select_related("source__specific_content_type", "target_locale"))
    return translations


def snippet_translation_out_of_date(translated):
    """The translation that made the snippet `translated`, when its source changed since the last sync."""
    for translation in snippet_translations_out_of_date(target_locale=translated.locale):
        if translation.source.object_id == translated.translation_key:
            return translation
    return None


def snippets_without_translation(page):
    """The translatable snippets `page` shows that have no version in the page's language yet
    (the site shows them in their own language until they are translated)."""
    ids_by_model = {}
    references = ReferenceIndex.get_references_for_object(page).values_list("to_content_type_id", "to_object_id")
    for content_type_id, object_id in references.distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            ids_by_model.setdefault(model, set()).add(object_id)
    missing = []
    for model, ids in ids_by_model.items():
        others = list(model.objects.filter(pk__in=ids).exclude(locale_id=page.locale_id))
        translated = set(
            model.objects.filter(
                locale_id=page.locale_id, translation_key__in=[other.translation_key for other in others]
            ).values_list("translation_key", flat=True)
        )
        missing += [other for other in others if other.translation_key not in translated]
    return missing
