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

    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.query import Fuzzy, MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    from django.db.models import AutoField, BigAutoField, F, IntegerField
    from django.db.models.functions import Cast

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

    class LeanPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        """modelsearch's full-text query, except that the combined vector (title || body) it
        matches is only filtered on (alias), not also selected (annotate): a common word
        matches thousands of index rows, and each had its vectors concatenated and carried
        through the join and the sort for nothing. The match itself uses the GIN index on
        that expression (home migration 0006)."""

        def search(self, config, start, stop, score_field=None, backend=None):
            query = self.query
            if isinstance(query, (MatchAll, Fuzzy)) or isinstance(query, Not) and isinstance(query.subquery, MatchAll):
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            search_query = self.build_tsquery(query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            combined_vector = vectors[0][0]
            for vector, _boost in vectors[1:]:
                combined_vector = combined_vector._combine(vector, "||", False)
            queryset = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
            return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

        def ranked_entries(self, config):
            """The index entries of the matches, most relevant first, ranked on the index table
            alone (annotated with the page's key as `_pk_`); None where this does not apply (see
            LeanPostgresSearchResults).

            modelsearch joins the index entries to the pages and ranks the joined rows: for a
            common word PostgreSQL hashes thousands of entries with their vectors (spilling to
            disk) to look up every page of the language. Here the pages are a semi-join of
            their ids, and the same rank (the same expressions, with the page id as the tie
            breaker) is computed on the entries as they are read."""
            query = self.query
            pk = self.queryset.model._meta.pk
            if (
                not self.order_by_relevance
                or self.fields is not None
                or isinstance(query, (MatchAll, Fuzzy, Not))
                or not isinstance(pk, (AutoField, BigAutoField))
            ):
                return None
            search_query = self.build_tsquery(query, config=config)
            rank = self._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
            object_id = IndexEntry._meta.get_field("object_id")
            pks = self.queryset.order_by().annotate(_object_id_=Cast("pk", object_id)).values("_object_id_")
            return (
                IndexEntry._default_manager.filter(
                    content_type_id__in=get_descendants_content_types_pks(self.queryset.model), object_id__in=pks
                )
                .alias(_vector_=F("title")._combine(F("body"), "||", False))
                .filter(_vector_=search_query)
                .annotate(_pk_=Cast("object_id", IntegerField()))
                .order_by(rank.desc(), F("_pk_").desc())
            )

        def ranked_pks(self, config, start, stop):
            """The primary keys of the matches [start:stop], most relevant first; or None."""
            entries = self.ranked_entries(config)
            return None if entries is None else list(entries.values_list("_pk_", flat=True)[start:stop])

        def ranked_keys(self, config, stop):
            """(primary key, content type id) of the first `stop` matches, most relevant first;
            or None. The content type is the one the entry was indexed under: Wagtail indexes
            each page as its specific page type, whose content type the page has."""
            entries = self.ranked_entries(config)
            return None if entries is None else list(entries.values_list("_pk_", "content_type_id")[:stop])

    class LeanPostgresSearchResults(PostgresSearchResults):
        """A page of plain full-text results ranked by relevance: the ranked primary keys from
        the index table (one query), then those objects (a second, by primary key). Everything
        else (counts, newest first, scores, fields, fuzzy and match-all queries) as modelsearch
        does it."""

        def _do_search(self):
            if self._score_field is None:
                compiler = self.query_compiler
                pks = compiler.ranked_pks(compiler.get_config(self.backend), self.start, self.stop)
                if pks is not None:
                    objects = compiler.queryset.in_bulk(pks)
                    return [objects[pk] for pk in pks if pk in objects]
            return super()._do_search()

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguagePostgresIndex
        query_compiler_class = LeanPostgresSearchQueryCompiler
        results_class = LeanPostgresSearchResults

    return LanguagePostgresSearchBackend(params)


def ordered_keys(results, stop):
    """(primary key, content type id) of the first `stop` matches of a search of pages, in the
    order of the results, read as rows: a common word matches thousands of pages, and making a
    page object of each would cost more than finding them."""
    compiler = results.query_compiler
    ranked_keys = getattr(compiler, "ranked_keys", None)
    if ranked_keys is not None:
        keys = ranked_keys(compiler.get_config(results.backend), stop)
        if keys is not None:
            return keys
    return list(results.get_queryset().values_list("pk", "content_type_id")[:stop])
