"""The translators' panel on the admin dashboard; the network app adds its own (network.dashboard)."""

from urllib.parse import urlencode

from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from localization.translation import snippet_translations_out_of_date, translations_out_of_date

PANEL_LENGTH = 5


class TranslationWorkPanel(Component):
    """For translators: English pages and snippets whose German original changed, and German
    pages without an English version."""

    name = "translation_work"
    order = 40
    template_name = "editorial/dashboard/translation_work.html"

    def get_context_data(self, parent_context):
        english = Locale.objects.filter(language_code="en").first()
        german = Locale.get_default()
        out_of_date = []
        untranslated = []
        if english is not None:
            sync_next = "?" + urlencode({"next": reverse("wagtailadmin_home")})
            pages = translations_out_of_date().filter(target_locale=english)
            snippets = snippet_translations_out_of_date(target_locale=english)
            for translation in [
                *pages.select_related("source__specific_content_type")[:PANEL_LENGTH],
                *snippets[:PANEL_LENGTH],
            ]:
                out_of_date.append(
                    {
                        "title": translation.source.object_repr,
                        "kind": translation.source.specific_content_type.model_class()._meta.verbose_name,
                        "sync_url": reverse("wagtail_localize:update_translations", args=[translation.source_id])
                        + sync_next,
                    }
                )
            translated_keys = Page.objects.filter(locale=english).values("translation_key")
            pages = (
                Page.objects.live()
                .filter(locale=german, depth__gt=2)
                .exclude(translation_key__in=translated_keys)
                .order_by("-last_published_at")[:PANEL_LENGTH]
            )
            untranslated = [
                {
                    "title": page.title,
                    "translate_url": reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                }
                for page in pages
            ]
        return {"out_of_date": out_of_date, "untranslated": untranslated}


def panels_for(user):
    panels = []
    if user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationWorkPanel())
    return panels
