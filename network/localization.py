"""Showing linked objects in the language of the page that links to them.

wagtail-localize copies a page's links to snippets and pages unchanged into its translation, and
a company's relations live on its German version. So a page in English may hold German objects;
`in_locale` swaps each for its translation in one query, and keeps the object itself where there
is no translation yet (never an error, never a gap)."""


def in_locale(objects, locale, queryset=None):
    """`objects` (of one translatable model, in any locale) as their versions in `locale`.

    One query for the whole list, none when every object is already in `locale`. `queryset`
    narrows and shapes the translations looked up (e.g. `.live()` or `select_related`)."""
    objects = [obj for obj in objects if obj is not None]
    missing = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not missing:
        return objects
    if queryset is None:
        queryset = type(objects[0])._default_manager.all()
    translations = {obj.translation_key: obj for obj in queryset.filter(locale=locale, translation_key__in=missing)}
    return [obj if obj.locale_id == locale.pk else translations.get(obj.translation_key, obj) for obj in objects]
