from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Roles, permissions and the editorial dashboard")

    def ready(self):
        from editorial.permissions import register_policies
        from editorial.workflow_names import connect

        register_policies()
        connect()
