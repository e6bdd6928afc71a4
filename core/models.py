from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    """What every page of the site has: a social image and a meta description.

    An ordinary abstract Page subclass: wagtail-localize does not support Wagtail 8's
    swappable base page model."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared, and in lists. Landscape, at least 1200 × 630 pixels."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Page address and search engines")),
        FieldPanel("social_image"),
    ]

    search_fields = Page.search_fields
    # Foreign keys fetched with the page when it is served (core.serving), e.g. a lead image.
    select_related_when_served = ()

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """The search description, or the page's own summary where it has one."""
        return self.search_description or getattr(self, "summary_text", "")

    def get_view_restrictions(self):
        """Two queries fewer per served page when no restriction can apply (core.serving)."""
        from wagtail.models import PageViewRestriction

        from core.serving import view_restrictions_known_empty

        if view_restrictions_known_empty(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
