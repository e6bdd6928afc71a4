"""Logos are limited in size and type and re-encoded: nothing of the uploaded file but its pixels
is stored."""

import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model

from .factories import PASSWORD, RepresentativeFactory

pytestmark = pytest.mark.django_db


def logos():
    return get_image_model().objects.filter(collection__name="Firmenlogos")


PROFILE = "/de/unternehmen/zugang/profil/"
GPS = 0x8825


def jpeg_with_gps():
    image = Image.new("RGB", (60, 30), "orange")
    exif = Image.Exif()
    exif[0x010F] = "Spionagekamera"  # make
    exif[GPS] = {1: "N", 2: (51.0, 28.0, 50.0), 3: "E", 4: (7.0, 13.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"versteckt")
    return buffer.getvalue()


@pytest.fixture
def logged_in(client, directory):
    representative = RepresentativeFactory(company=directory.company, approved=True)
    client.post("/de/unternehmen/zugang/anmelden/", {"email": representative.email, "password": PASSWORD})
    return client


def upload(client, directory, name, content, content_type):
    data = {"description": "Neu mit Logo.", "city": "Bochum", "website": directory.company.website}
    data["logo_upload"] = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(PROFILE, data)


def test_a_jpeg_with_gps_data_is_stored_without_it(logged_in, directory):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)
    response = upload(logged_in, directory, "foto.jpg", original + b"<?php echo 1; ?>", "image/jpeg")
    assert response.status_code == 302
    [image] = logos()
    with image.open_file() as stored_file:
        stored = stored_file.read()
    assert b"Spionagekamera" not in stored and b"versteckt" not in stored and b"<?php" not in stored
    stored_image = Image.open(io.BytesIO(stored))
    assert stored_image.format == "JPEG" and not stored_image.getexif()
    assert (image.width, image.height) == (60, 30)


def test_a_file_that_is_no_picture_is_refused_with_a_message(logged_in, directory):
    response = upload(logged_in, directory, "logo.png", b"%PDF-1.4 kein Bild", "image/png")
    page = response.content.decode()
    assert response.status_code == 200 and 'id="id_logo_upload_error"' in page
    assert "Neu mit Logo." in page  # what was typed is kept
    assert not logos().exists()
    assert directory.company.get_latest_revision() is None


def test_a_file_that_is_too_large_is_refused(logged_in, directory, settings):
    settings.REPRESENTATIVES_LOGO_MAX_BYTES = 1000
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(buffer, format="PNG")
    response = upload(logged_in, directory, "logo.png", buffer.getvalue(), "image/png")
    assert response.status_code == 200 and 'id="id_logo_upload_error"' in response.content.decode()
    assert not logos().exists()


def test_other_picture_types_are_refused(logged_in, directory):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    response = upload(logged_in, directory, "logo.bmp", buffer.getvalue(), "image/bmp")
    assert 'id="id_logo_upload_error"' in response.content.decode()
    assert not logos().exists()


def test_a_transparent_gif_becomes_a_png_with_its_transparency(logged_in, directory):
    buffer = io.BytesIO()
    Image.new("RGBA", (16, 16), (0, 0, 0, 0)).save(buffer, format="GIF", comment=b"kommentar")
    assert upload(logged_in, directory, "logo.gif", buffer.getvalue(), "image/gif").status_code == 302
    [image] = logos()
    with image.open_file() as stored_file:
        stored = Image.open(io.BytesIO(stored_file.read()))
    assert stored.format == "PNG" and stored.mode == "RGBA" and "comment" not in stored.info
