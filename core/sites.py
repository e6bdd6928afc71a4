"""The home page of each language, found without knowing its page type: the default site's root
page and its translations. Apps below `home` use this instead of importing `home.models`."""

from django.db.models import Subquery

from wagtail.models import Page, Site


def language_homes():
    """Each language's home page (plain Pages, one query when evaluated)."""
    root = Site.objects.filter(is_default_site=True).values("root_page__translation_key")[:1]
    return Page.objects.filter(translation_key=Subquery(root))
