"""Showing linked objects in the language of the page that links to them.

wagtail-localize copies a page's links to snippets and pages unchanged into its translation, and
a company's relations live on its German version. So a page in English may hold German objects;
`in_locale` swaps each for its translation in one query, and keeps the object itself where there
is no translation yet (never an error, never a gap)."""

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery


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


def linked_in_locale(links, field, locale, queryset=None, *, and_one=None):
    """The objects that a page's link rows point to through `field` (e.g. `page.topic_links.all()`
    and "topic"), in the order of the links: each in `locale` where translated, else as linked.

    One query, however many links. `queryset` narrows and shapes the objects looked up; an object
    it leaves out is left out. A preview's unsaved links (not a queryset) go through `in_locale`.
    With `and_one` (the pk of one more object of `queryset`, such as a network's moderator), that
    object in `locale` comes from the same query: the answer is then (linked objects, that object
    or None)."""
    if not isinstance(links, QuerySet):
        linked = in_locale([getattr(link, field) for link in links], locale, queryset)
        if and_one is None:
            return linked
        return linked, one_in_locale(queryset, and_one, locale)
    model = links.model._meta.get_field(field).related_model
    if queryset is None:
        queryset = model._default_manager.all()
    links = links.order_by()
    links_to_it = links.filter(**{f"{field}__translation_key": OuterRef("translation_key")})
    first_link = links_to_it.order_by("sort_order", "pk").values("sort_order")[:1]
    wanted = Q(translation_key__in=links.values(f"{field}__translation_key")) & (
        Q(locale=locale) | Q(pk__in=links.values(field))
    )
    if and_one is not None:
        one = model._default_manager.filter(pk=and_one).values("translation_key")
        wanted |= Q(pk=and_one) | Q(locale=locale, translation_key__in=one)
        # Tells the linked objects from that one (which may be linked too).
        queryset = queryset.annotate(is_linked=Exists(links_to_it))
    found = list(queryset.filter(wanted).annotate(link_order=Subquery(first_link)).order_by("link_order", "pk"))
    chosen = {}
    for obj in found:
        if getattr(obj, "is_linked", True) and (obj.translation_key not in chosen or obj.locale_id == locale.pk):
            chosen[obj.translation_key] = obj
    linked = list(chosen.values())
    if and_one is None:
        return linked
    one_key = next((obj.translation_key for obj in found if obj.pk == and_one), None)
    return linked, _in_locale_or_itself([obj for obj in found if obj.translation_key == one_key], and_one, locale)


def keyed_in_locale(model, keys, locale_id, live=True):
    """The objects of `model` in the locale `locale_id` whose translation_key is in `keys` (a list
    or a subquery; one query): for lists that show what the page links to, in its language only."""
    objects = model.objects.filter(locale_id=locale_id, translation_key__in=keys)
    return objects.live() if live else objects


def one_in_locale(queryset, pk, locale):
    """The object `pk` of `queryset` in `locale` where translated, else itself (one query)."""
    found = list(
        queryset.filter(
            Q(pk=pk) | Q(locale=locale, translation_key__in=queryset.filter(pk=pk).values("translation_key"))
        )
    )
    return _in_locale_or_itself(found, pk, locale)


def _in_locale_or_itself(versions, pk, locale):
    """Of the versions of object `pk`, the one in `locale`, else `pk` itself (None if neither)."""
    return next((obj for obj in versions if obj.locale_id == locale.pk), None) or next(
        (obj for obj in versions if obj.pk == pk), None
    )
