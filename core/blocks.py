"""StreamField blocks shared by every content page of the site.

No block embeds third-party content: nothing on a page may make the visitor's browser
talk to another host."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Heading"), max_length=200, help_text=_("A few words that say what the section is about.")
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
        label=_("Level"),
        help_text=_("Use H2 for sections and H3 inside a section, so screen readers can navigate."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_("Describe what the image shows in the alt text, or mark it as decorative."),
    )
    caption = blocks.CharBlock(
        required=False,
        label=_("Caption"),
        max_length=250,
        help_text=_("Shown below the image, e.g. who is pictured and the photographer."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), help_text=_("The words as they were said, without quotation marks."))
    attribution = blocks.CharBlock(
        required=False,
        label=_("Who said it"),
        max_length=200,
        help_text=_("Name and role, e.g. 'Jörg Lennardt, ExperConsult'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Button text"),
        max_length=100,
        help_text=_("Says where the button leads, e.g. 'Join the network', not 'Click here'."),
    )
    page = blocks.PageChooserBlock(
        required=False, label=_("Page on this site"), help_text=_("Either a page or a web address.")
    )
    url = blocks.URLBlock(
        required=False, label=_("Web address"), help_text=_("A full address starting with https://.")
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/streamfield/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a web address, not both."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"), help_text=_("Preferably an accessible PDF."))
    title = blocks.CharBlock(required=False, label=_("Link text"), help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "components/streamfield/blocks/document_block.html"


class AccessibleTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        help_text = _("Give the table a caption and mark the header row, so screen readers can read it.")
        template = "components/streamfield/blocks/table_block.html"


class ContentStreamBlock(blocks.StreamBlock):
    """The body of a general content page; other page types extend it."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Text"),
        help_text=_("Short paragraphs; links with words that say where they lead."),
        template="components/streamfield/blocks/paragraph_block.html",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    table = AccessibleTableBlock()
