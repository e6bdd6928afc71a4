"""Wagtail's database search backend, one instance per language, with stemming per language
on PostgreSQL.

The database backend takes one text search configuration (SEARCH_CONFIG) per backend, so the
site defines one backend per language and the search page picks the one of the language being
shown. All backends write to the same index table (one row per object), so a row written by
one backend is what every backend reads: each object is therefore indexed with the
configuration of its *own* language (WAGTAILSEARCH_LANGUAGE_CONFIGS), whichever backend writes
it, and each backend queries with its own configuration. German pages are stemmed as German and
found by German queries ("Unternehmen" finds "Unternehmens"), English pages as English.

On SQLite (development) the backend is modelsearch's SQLite FTS backend, without stemming."""

import copy

from modelsearch.backends import database

from django.conf import settings
from django.db import connection


def language_configs():
    return getattr(settings, "WAGTAILSEARCH_LANGUAGE_CONFIGS", {})


def backend_name_for(language_code):
    """The search backend of a language: its own entry in WAGTAILSEARCH_BACKENDS, or "default"."""
    return language_code if language_code in settings.WAGTAILSEARCH_BACKENDS else "default"


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for in a backend module
    if connection.vendor != "postgresql":
        return database.SearchBackend(params)

    from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

    from wagtail.models import Locale

    class LanguagePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            configs = language_configs()
            fallback = configs.get(settings.LANGUAGE_CODE, self.backend.config)
            groups = {}
            for obj in objs:
                code = codes.get(getattr(obj, "locale_id", None))
                groups.setdefault(configs.get(code, fallback), []).append(obj)
            backend = self.backend
            try:
                for config, group in groups.items():
                    self.backend = copy.copy(backend)
                    self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend = backend

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguagePostgresIndex

    return LanguagePostgresSearchBackend(params)
