"""Logos uploaded by representatives: limited in size and type, and never stored as uploaded.

Pillow decodes the file and its pixels are drawn into a new picture, which is saved afresh (JPEG
stays JPEG, everything else becomes PNG; an animated GIF keeps its first frame). So no metadata
(EXIF with GPS positions, comments, colour profiles) and nothing appended to or hidden in the file
survives. The result is a Wagtail image in the collection for company logos."""

from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Collection

from core.slugs import german_ascii

ALLOWED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
# Bigger pictures than this are no logos (and may be decompression bombs).
MAX_PIXELS = 25_000_000
LOGO_COLLECTION = "Firmenlogos"


class LogoRefused(ValueError):
    pass


class CleanLogo:
    """A re-encoded logo: its bytes and file extension."""

    def __init__(self, content, extension):
        self.content = content
        self.extension = extension


def clean_logo(upload):
    """The upload re-encoded, or raises LogoRefused with a message for the person."""
    limit = settings.REPRESENTATIVES_LOGO_MAX_BYTES
    if upload.size > limit:
        raise LogoRefused(_("The file is larger than %(size)s.") % {"size": filesizeformat(limit)})
    data = upload.read()
    try:
        with Image.open(BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(BytesIO(data))
        if image.format not in ALLOWED_FORMATS:
            raise LogoRefused(_("Please upload a PNG, JPEG, WebP or GIF picture."))
        if image.width * image.height > MAX_PIXELS:
            raise LogoRefused(_("The picture has too many pixels for a logo."))
        image.seek(0)
        image.load()
    except LogoRefused:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise LogoRefused(_("The file is no picture we can read. Please upload a PNG, JPEG, WebP or GIF.")) from error
    source_format = image.format
    # Turned as the camera meant it, then drawn into a new picture that carries nothing else.
    image = ImageOps.exif_transpose(image)
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if transparent and source_format != "JPEG" else "RGB"
    pixels = image.convert(mode)
    fresh = Image.new(mode, pixels.size)
    fresh.paste(pixels)
    out = BytesIO()
    if source_format == "JPEG":
        fresh.save(out, format="JPEG", quality=90, optimize=True)
        extension = "jpg"
    else:
        fresh.save(out, format="PNG", optimize=True)
        extension = "png"
    return CleanLogo(out.getvalue(), extension)


def logo_collection():
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=LOGO_COLLECTION).first()
    return found or root.add_child(name=LOGO_COLLECTION)


def store_logo(clean, company, user):
    """The re-encoded logo as a Wagtail image in the company logos' collection."""
    name = slugify(german_ascii(company.name))[:60] or "logo"
    image = get_image_model()(
        title=_("Logo of %(company)s") % {"company": company.name},
        file=ContentFile(clean.content, name=f"{name}-logo.{clean.extension}"),
        collection=logo_collection(),
        uploaded_by_user=user,
    )
    image.save()
    return image
