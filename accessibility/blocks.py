"""Blocks of the pages in Leichte Sprache (easy-to-read German): few kinds, each with a rule of
Leichte Sprache in its help text."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import CallToActionBlock, HeadingBlock, ImageWithCaptionBlock


class WordExplanationBlock(blocks.StructBlock):
    word = blocks.CharBlock(
        label=_("Hard word"), max_length=100, help_text=_("The word as it appears in the text, e.g. 'Barriere'.")
    )
    meaning = blocks.TextBlock(
        label=_("Explanation"),
        help_text=_("Short sentences. One statement per sentence. No new hard words."),
    )

    class Meta:
        icon = "help"
        label = _("Word explanation")
        template = "accessibility/blocks/word_explanation_block.html"


class EasyLanguageStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "link", "ul"],
        icon="pilcrow",
        label=_("Text"),
        help_text=_(
            "Short sentences, one statement per sentence, each sentence on a line of its own. "
            "Long words may be split with the middle dot: Barriere·freiheit."
        ),
        template="components/streamfield/blocks/paragraph_block.html",
    )
    explanation = WordExplanationBlock()
    image = ImageWithCaptionBlock()
    call_to_action = CallToActionBlock()
