from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and general pages")

    def ready(self):
        from home.cache import connect_signals
        from home.permissions import register_policies

        connect_signals()
        register_policies()
