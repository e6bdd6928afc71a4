"""Every page type and every snippet has a factory in its app's tests/factories.py, so a test can
build the few objects it needs instead of loading the demo content."""

import importlib
import inspect
from pathlib import Path

import factory

from django.conf import settings

from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models


def factory_models():
    models = set()
    for path in sorted(Path(settings.BASE_DIR).glob("*/tests/factories.py")):
        module = importlib.import_module(f"{path.parent.parent.name}.tests.factories")
        for _name, member in inspect.getmembers(module, inspect.isclass):
            if issubclass(member, factory.django.DjangoModelFactory) and not member._meta.abstract:
                models.add(member._meta.model)
    return models


def test_every_page_type_has_a_factory():
    missing = [model.__name__ for model in get_page_models() if model is not Page and model not in factory_models()]
    assert not missing, f"page types without a factory: {missing}"


def test_every_snippet_has_a_factory():
    missing = [model.__name__ for model in get_snippet_models() if model not in factory_models()]
    assert not missing, f"snippets without a factory: {missing}"
