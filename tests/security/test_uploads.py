"""Uploads: limited in type, bytes and pixels; served only through Wagtail's views or as renditions."""

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("b2015")</script></svg>'


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "a-long-password-123")
    client.force_login(user)
    return client


def file_errors(response):
    """The upload form's errors for the file field (the admin speaks German to this user)."""
    assert response.status_code == 200
    return response.context["form"].errors.get("file", [])


def upload_image(client, upload):
    return client.post("/admin/images/add/", {"title": "Hochgeladen", "file": upload, "collection": "1"})


def upload_document(client, upload):
    return client.post("/admin/documents/add/", {"title": "Hochgeladen", "file": upload, "collection": "1"})


def test_svg_images_are_refused(admin_client):
    response = upload_image(admin_client, SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml"))
    assert file_errors(response)
    assert not Image.objects.filter(title="Hochgeladen").exists()


def test_image_upload_is_limited_in_bytes(admin_client):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    image = get_test_image_file(size=(200, 200))
    with override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100):
        response = upload_image(
            admin_client, SimpleUploadedFile("gross.png", image.file.getvalue(), content_type="image/png")
        )
    assert file_errors(response)
    assert not Image.objects.filter(title="Hochgeladen").exists()


def test_image_upload_is_limited_in_pixels(admin_client):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    image = get_test_image_file(size=(200, 200))
    with override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000):
        response = upload_image(
            admin_client, SimpleUploadedFile("weit.png", image.file.getvalue(), content_type="image/png")
        )
    assert file_errors(response)
    assert not Image.objects.filter(title="Hochgeladen").exists()


def test_a_normal_image_and_document_are_accepted(admin_client):
    image = get_test_image_file(size=(200, 200))
    upload_image(admin_client, SimpleUploadedFile("foto.png", image.file.getvalue(), content_type="image/png"))
    assert Image.objects.filter(title="Hochgeladen").exists()
    upload_document(admin_client, SimpleUploadedFile("bericht.pdf", b"%PDF-1.4 bericht"))
    assert Document.objects.filter(title="Hochgeladen").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("seite.html", b"<html><script>alert(1)</script></html>"), ("bild.svg", SVG), ("programm.exe", b"MZ")],
)
def test_documents_outside_the_allow_list_are_refused(admin_client, name, content):
    response = upload_document(admin_client, SimpleUploadedFile(name, content))
    assert file_errors(response)
    assert not Document.objects.filter(title="Hochgeladen").exists()


def test_document_upload_is_limited_in_bytes(admin_client):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10):
        response = upload_document(admin_client, SimpleUploadedFile("bericht.pdf", b"%PDF-1.4 " + b"x" * 100))
    assert file_errors(response)
    assert not Document.objects.filter(title="Hochgeladen").exists()


@pytest.fixture
def document():
    doc = Document(title="Jahresbericht")
    doc.file.save("jahresbericht.txt", ContentFile(b"<script>alert('b2015')</script>"), save=False)
    doc.save()
    yield doc
    doc.file.delete(save=False)


def test_documents_are_served_as_downloads_that_run_nothing(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_document_files_and_original_images_are_not_served_directly(client, document):
    image = Image.objects.first()
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}{image.file.name}").status_code == 404


def test_image_renditions_are_served(client):
    rendition = Image.objects.first().get_rendition("fill-100x100")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_documents_in_a_private_collection_need_a_login(client, document):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document.collection = private
    document.save()
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
