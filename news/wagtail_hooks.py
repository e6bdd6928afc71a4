from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsTag


class NewsTagViewSet(SnippetViewSet):
    model = NewsTag
    icon = "tag"
    menu_label = _("News tags")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(NewsTagViewSet)
