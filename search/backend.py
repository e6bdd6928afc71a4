"""The site's search backend: Wagtail's database backend (modelsearch), one instance per
language, with stemming per language, prefix and compound matching on PostgreSQL.

The database backend takes one text search configuration (SEARCH_CONFIG) per backend, so the
site defines one backend per language and the search page picks the one of the language being
shown. All backends write to the same index table (one row per object), so a row written by
one backend is what every backend reads: each object is therefore indexed with the
configuration of its *own* language (WAGTAILSEARCH_LANGUAGE_CONFIGS), whichever backend writes
it, and each backend queries with its own configuration. German pages are stemmed as German and
found by German queries ("Unternehmen" finds "Unternehmens"), English pages as English.

Every word of a query matches as a prefix ("Netzwerk" finds "Netzwerktreffen") and, from four
letters of its stem on, inside a longer word ("treffen" finds "Netzwerktreffen"): German
compounds without a dictionary. The longer words come from the list of the index's own words
(on PostgreSQL a table of them kept by the index, search migration 0002; on SQLite FTS5's own
vocabulary, search.backend_sqlite). Quoted words match as a phrase.

On SQLite (development) the backend is modelsearch's SQLite FTS backend, without stemming
(search.backend_sqlite)."""

import copy
from functools import cache, reduce
from operator import and_, or_

from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists
from modelsearch.query import And, Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchQueryCombinable, SearchQueryField
from django.db import connection
from django.db.models import AutoField, BigAutoField, F, IntegerField
from django.db.models.expressions import CombinedExpression, Expression
from django.db.models.functions import Cast
from django.utils.encoding import force_str

from wagtail.models import Locale

from .compounds import COMPOUND_MIN_STEM, COMPOUNDS_PER_WORD

WORD_TABLE = "home_search_word"
UMLAUTS = str.maketrans("äöü", "aou")


def language_configs():
    return getattr(settings, "WAGTAILSEARCH_LANGUAGE_CONFIGS", {})


def backend_name_for(language_code):
    """The search backend of a language: its own entry in WAGTAILSEARCH_BACKENDS, or "default"."""
    return language_code if language_code in settings.WAGTAILSEARCH_BACKENDS else "default"


def search_query(words, phrases):
    """The query of words (each must match) and phrases (each must match as a whole)."""
    parts = [Phrase(phrase) for phrase in phrases]
    if words:
        parts.insert(0, PlainText(" ".join(words)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def title_and_body():
    """The index entry's combined vector: the expression its GIN index is on (home migration
    0006), so that the match can use it."""
    return CombinedExpression(F("title"), "||", F("body"))


class LanguagePostgresIndex(PostgresIndex):
    """Each object indexed with its own language's configuration; the words of the objects
    indexed added to the list compound matching reads."""

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
        if objs and model.get_search_fields():
            self.add_words(model, objs)

    def add_words(self, model, objs):
        """Words of deleted objects stay in the list: a word nothing contains matches nothing."""
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {WORD_TABLE} (word)"  # noqa: S608 - constant names
                " SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', title_text || ' ' || body_text)))"
                f" FROM {IndexEntry._meta.db_table} WHERE content_type_id = %s AND object_id = ANY(%s)"
                " ON CONFLICT DO NOTHING",
                [get_content_type_pk(model), [force_str(obj.pk) for obj in objs]],
            )


def folded(word):
    """Lower case, with umlauts as German stemming writes them ('Börse' -> 'borse')."""
    return word.casefold().translate(UMLAUTS)


class Compounds(SearchQueryCombinable, Expression):
    """The longer words of the index that contain a query word or its stem, the shortest first,
    as a text search query of the language (w1 | w2 | ...; empty when there are none).

    The stem catches inflected query words ('Treffens' in 'Netzwerktreffen'), the word itself
    compounds whose own stem differs ('Stammtisch' in 'Zuliefererstammtische', stemmed
    'zuliefererstammt'). Looked up within the search's own statement (PostgreSQL evaluates the
    uncorrelated subquery once), so it costs no query of its own."""

    output_field = SearchQueryField()
    template = (
        "to_tsquery(%s::regconfig, coalesce((SELECT string_agg(quote_literal(found.word), ' | ') FROM"  # noqa: S608
        f" (SELECT known.word FROM {WORD_TABLE} AS known,"
        "   LATERAL (SELECT translate(replace(known.word, 'ß', 'ss'), 'äöü', 'aou') AS folded) AS known_folded,"
        "   (SELECT %s::text AS folded,"
        "    (tsvector_to_array(to_tsvector(%s::regconfig, %s::text)))[1] AS stem) AS wanted"
        "  WHERE length(wanted.folded) >= %s AND strpos(known_folded.folded, wanted.folded) > 1"
        "   OR length(wanted.stem) >= %s AND strpos(known_folded.folded, wanted.stem) > 1"
        "  ORDER BY length(known.word), known.word LIMIT %s) AS found), ''))"
    )

    def __init__(self, word, config):
        super().__init__()
        self.word, self.config = word, config

    def as_sql(self, compiler, connection):
        params = [self.config, folded(self.word), self.config, self.word]
        return self.template, [*params, COMPOUND_MIN_STEM, COMPOUND_MIN_STEM, COMPOUNDS_PER_WORD]


class CompoundPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    """modelsearch's full-text query with every word a prefix and its compounds (see the module),
    matched on the index's combined vector without selecting it: a common word matches thousands
    of index rows, and each had its vectors concatenated and carried through the join and the
    sort for nothing. The match uses the GIN index on that expression (home migration 0006)."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            words = query.query_string.split()
            if words:
                parts = [
                    SearchQuery(Lexeme(word, prefix=True), search_type="raw", config=config) | Compounds(word, config)
                    for word in words
                ]
                return reduce(and_ if query.operator == "and" else or_, parts)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def rank(self, config, title, title_norm, body):
        """modelsearch's rank: the title's weighted by its norm, plus the body's."""
        return (
            self.build_tsrank(title, self.query, config=config) * title_norm
            + self.build_tsrank(body, self.query, config=config) * 1.0
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if isinstance(query, (MatchAll, Fuzzy)) or isinstance(query, Not) and isinstance(query.subquery, MatchAll):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        if self.fields is not None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(query, config=config)
        rank = self.rank(config, F("index_entries__title"), F("index_entries__title_norm"), F("index_entries__body"))
        vector = CombinedExpression(F("index_entries__title"), "||", F("index_entries__body"))
        queryset = self.queryset.alias(_vector_=vector).filter(_vector_=search_query)
        if self.order_by_relevance:
            queryset = queryset.order_by(rank.desc(), "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
            rank = F("pk")
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank})
        return queryset[start:stop]

    def ranked_entries(self, config):
        """The index entries of the matches, most relevant first, ranked on the index table
        alone (annotated with the page's key as `_pk_`); None where this does not apply.

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
        rank = self.rank(config, F("title"), F("title_norm"), F("body"))
        object_id = IndexEntry._meta.get_field("object_id")
        pks = self.queryset.order_by().annotate(_object_id_=Cast("pk", object_id)).values("_object_id_")
        return (
            IndexEntry._default_manager.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model), object_id__in=pks
            )
            .alias(_vector_=title_and_body())
            .filter(_vector_=search_query)
            .annotate(_pk_=Cast("object_id", IntegerField()))
            .order_by(rank.desc(), F("_pk_").desc())
        )


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex
    query_compiler_class = CompoundPostgresSearchQueryCompiler


@cache
def sqlite_fts():
    """Whether SQLite has FTS5 and its index table (else modelsearch's fallback backend)."""
    return fts5_available() and fts_table_exists()


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for in a backend module
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    if connection.vendor == "sqlite" and sqlite_fts():
        from .backend_sqlite import CompoundSQLiteSearchBackend

        return CompoundSQLiteSearchBackend(params)
    return database.SearchBackend(params)


def ordered_keys(results, start, stop):
    """(primary key, content type id) of the matches [start:stop] of a search of pages, in the
    order of the results, read as rows: a common word matches thousands of pages, and making a
    page object of each would cost more than finding them. On PostgreSQL ranked on the index
    table alone (CompoundPostgresSearchQueryCompiler.ranked_entries)."""
    compiler = results.query_compiler
    ranked_entries = getattr(compiler, "ranked_entries", None)
    entries = ranked_entries(compiler.get_config(results.backend)) if ranked_entries else None
    if entries is not None:
        return list(entries.values_list("_pk_", "content_type_id")[start:stop])
    return list(results.get_queryset().values_list("pk", "content_type_id")[start:stop])


def indexed_texts(keys):
    """{(primary key, content type id): the object's indexed text (its search fields but the
    title)} of index entries; one query."""
    text = "body_text" if connection.vendor == "postgresql" else "body"
    entries = IndexEntry._default_manager.filter(
        content_type_id__in={content_type_id for _pk, content_type_id in keys},
        object_id__in={str(pk) for pk, _type in keys},
    )
    return {
        (int(object_id), content_type_id): value or ""
        for object_id, content_type_id, value in entries.values_list("object_id", "content_type_id", text)
    }
