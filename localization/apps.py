from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    name = "localization"
    verbose_name = _("Languages and translation")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from localization.approval import take_translation_offline_early, take_translations_offline

        page_unpublished.connect(take_translations_offline, dispatch_uid="localization.translations_offline")
        page_published.connect(take_translation_offline_early, dispatch_uid="localization.translation_early")
