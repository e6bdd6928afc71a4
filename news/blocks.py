"""StreamField blocks of news articles: the general content blocks plus a gallery and a fact box."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import ContentStreamBlock, ImageWithCaptionBlock


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        required=False, label=_("Title"), max_length=200, help_text=_("Optional heading above the pictures.")
    )
    images = blocks.ListBlock(
        ImageWithCaptionBlock(), min_num=2, label=_("Images"), help_text=_("At least two pictures.")
    )

    class Meta:
        icon = "image"
        label = _("Image gallery")
        help_text = _("Two or more pictures shown side by side; each needs an alt text or a decorative mark.")
        template = "news/blocks/gallery_block.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, default=_("Facts"), help_text=_("Heading of the box, e.g. 'Facts'.")
    )
    facts = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("Fact"), help_text=_("One fact in one line.")),
        min_num=1,
        label=_("Facts"),
        help_text=_("One or more short facts."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Fact box")
        help_text = _("A short list of key facts, e.g. date, place and participants.")
        template = "news/blocks/fact_box_block.html"


class NewsBodyBlock(ContentStreamBlock):
    gallery = GalleryBlock()
    fact_box = FactBoxBlock()
