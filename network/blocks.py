"""StreamField blocks of the network app."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        label=_("Number"), max_length=30, help_text=_("As it should read, e.g. '26 000' or 'über 120'.")
    )
    label = blocks.CharBlock(label=_("Label"), max_length=100, help_text=_("What is counted, e.g. 'employees'."))

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "network/blocks/key_figure_block.html"


class KeyFiguresBlock(blocks.StreamBlock):
    figure = KeyFigureBlock()

    class Meta:
        block_counts = {"figure": {"max_num": 6}}
