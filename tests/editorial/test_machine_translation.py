"""Machine translation is off unless the environment names a provider and its key."""

import pytest

from django.urls import reverse

from tests.test_settings import run_django

from .test_translation_flow import _editor_props

DEV = {"DJANGO_SETTINGS_MODULE": "bochum2015.settings.dev"}
SHOW = ("shell", "-c", "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)")


def test_off_without_provider_and_key():
    result = run_django({**DEV, "MACHINE_TRANSLATION_PROVIDER": "deepl", "MACHINE_TRANSLATION_KEY": None}, *SHOW)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "None"


def test_deepl_from_the_environment():
    result = run_django({**DEV, "MACHINE_TRANSLATION_PROVIDER": "DeepL", "MACHINE_TRANSLATION_KEY": "k3y:fx"}, *SHOW)
    assert result.returncode == 0, result.stderr
    assert "wagtail_localize.machine_translators.deepl.DeepLTranslator" in result.stdout
    assert "'AUTH_KEY': 'k3y:fx'" in result.stdout


def test_an_unknown_provider_refuses_to_start():
    result = run_django({**DEV, "MACHINE_TRANSLATION_PROVIDER": "babelfish", "MACHINE_TRANSLATION_KEY": "x"}, "check")
    assert result.returncode != 0
    assert "MACHINE_TRANSLATION_PROVIDER must be" in result.stderr


@pytest.mark.django_db
def test_translation_editor_offers_machine_translation_only_when_configured(
    client, translator, english_page, settings
):
    client.force_login(translator)
    assert _editor_props(client, english_page)["machineTranslator"] is None

    # wagtail-localize's dummy translator works offline.
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    offered = _editor_props(client, english_page)["machineTranslator"]
    assert offered["url"].startswith(reverse("wagtailadmin_home"))
