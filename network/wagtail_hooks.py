from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContactPerson


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact persons")
    list_display = ["name", "role", "organisation", "email", "locale"]
    list_filter = ["locale", "organisation"]
    search_fields = ["name", "role", "organisation"]


register_snippet(ContactPersonViewSet)
