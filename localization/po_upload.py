"""wagtail-localize's PO upload without a file, or with a file that is no PO file of a
translation, answered as wagtail-localize answers an unreadable file.

wagtail-localize 1.14.5 (`upload_pofile`) reads `request.FILES["file"]` and the PO file's
`X-WagtailLocalize-TranslationID` header without checking that they are there, so either
missing was a 500. The check runs only for someone who may edit the translation; anyone else
gets wagtail-localize's own refusal."""

import tempfile

import polib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as translated_by_wagtail_localize

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"


def _has_translation_header(upload):
    # From a file, as wagtail-localize does: polib reads a string that names a file as that file.
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        copy.write(upload.read())
        copy.flush()
        upload.seek(0)
        try:
            po = polib.pofile(copy.name)
        except (OSError, UnicodeDecodeError):
            return True  # wagtail-localize reports an unreadable file itself
    return TRANSLATION_HEADER in po.metadata


class PoUploadCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != "wagtail_localize:upload_pofile" or request.method != "POST":
            return None
        translation = Translation.objects.filter(pk=view_kwargs.get("translation_id")).first()
        if translation is None or not request.user.is_authenticated:
            return None
        try:
            instance = translation.get_target_instance()
        except ObjectDoesNotExist:
            return None
        if not user_can_edit_instance(request.user, instance):
            return None
        upload = request.FILES.get("file")
        if upload is not None and _has_translation_header(upload):
            return None
        # wagtail-localize's own message and translation (its catalogue, not ours).
        messages.error(request, translated_by_wagtail_localize("Please upload a valid PO file."))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
