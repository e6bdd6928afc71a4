from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsTag
from .templatetags.news_tags import latest_news, news_feed_links


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


# What news adds to the pages of other apps (core's `{% page_sections %}`).


@hooks.register("page_section:head_feeds")
def feed_links_in_every_head(context):
    return render_to_string("news/components/feed_links.html", news_feed_links(context))


@hooks.register("page_section:related_news")
def latest_news_of_a_sector_or_network(context):
    return render_to_string("news/components/latest_news.html", latest_news(context, context["page"]))
