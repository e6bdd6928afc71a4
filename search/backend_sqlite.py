"""The search backend on SQLite (development, the embedded default): modelsearch's FTS5
backend with the same matching as on PostgreSQL (search.backend), without stemming.

Every word of a query, less a common inflection ending, matches as a prefix ("Netzwerk" finds
"Netzwerktreffen", "Unternehmen" finds "Unternehmens") and, from four letters on, inside a
longer word of the index ("treffen" finds "Netzwerktreffen"); those words come from FTS5's own
vocabulary of the index (the `fts5vocab` table of search migration 0002).

Every term reaches FTS5 as a string in its syntax, with its double quotes doubled, also in the
autocomplete search the admin's listings and choosers use and in phrases: modelsearch puts them
in quotes as they are, and a `"` someone types ended the string ("unterminated string"). FTS5's
table has one column for titles, one for the other text and one for autocomplete, not one per
field, so a search restricted to some fields (`fields=`, the admin's snippet listings) looks in
all the object's indexed text of its kind: modelsearch named the fields as columns ("no such
column: name").
This module imports modelsearch's SQLite backend, which exists only on SQLite."""

import unicodedata
from functools import reduce
from operator import and_, or_

from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression, SearchQueryField
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from django.db import connection

from .compounds import COMPOUND_MIN_STEM, COMPOUNDS_PER_WORD

VOCABULARY_TABLE = "wagtailsearch_indexentry_fts_vocab"
INFLECTION_ENDINGS = ("ens", "es", "en", "er", "e", "s", "n")


def fts_token(word):
    """A word as FTS5's default tokenizer (unicode61) keeps it: lower case, no diacritics."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word):
    """The word without one common German or English inflection ending ('Treffens' ->
    'treff'), as FTS5 keeps it: SQLite has no stemming, and the word matches as a prefix."""
    token = fts_token(word)
    for ending in INFLECTION_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= COMPOUND_MIN_STEM:
            return token[: -len(ending)]
    return token


def compounds_in_vocabulary(stems):
    """{stem: the longer words of the index that contain it, shortest first}, one query."""
    tokens = {stem: stem for stem in stems if len(stem) >= COMPOUND_MIN_STEM}
    if not tokens:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE "  # noqa: S608 - a constant name and placeholders
            + " OR ".join(["instr(term, %s) > 1"] * len(tokens))
            + " ORDER BY length(term), term",
            list(tokens.values()),
        )
        terms = [term for (term,) in cursor.fetchall()]
    return {
        word: [term for term in terms if term.find(token) > 0][:COMPOUNDS_PER_WORD] for word, token in tokens.items()
    }


def quoted(term):
    return '"' + term.replace('"', '""') + '"'


class WordOrCompounds(LexemeCombinable):
    """One word of a query in FTS5's syntax: the word as a prefix, or any of the longer words
    that contain it, in parentheses so that it combines with the other words."""

    def __init__(self, word, compounds):
        super().__init__(output_field=SearchQueryField())
        self.word, self.compounds = word, compounds

    def as_sql(self, compiler, connection):
        terms = [quoted(self.word) + "*", *(quoted(compound) for compound in self.compounds)]
        return "%s", ["(" + " OR ".join(terms) + ")"]


class FtsString(LexemeCombinable):
    """A term in FTS5's syntax, quoted (and a prefix when asked), combinable with the others."""

    def __init__(self, text, prefix=False):
        super().__init__(output_field=SearchQueryField())
        self.text, self.prefix = text, prefix

    def as_sql(self, compiler, connection):
        return "%s", [quoted(self.text) + ("*" if self.prefix else "")]


class QuotedTermsMixin:
    """Phrases quoted as FTS5 strings, and a search in some fields in all the indexed text of
    its kind (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = None

    def build_search_query_content(self, query, config=None):
        if isinstance(query, Phrase):
            return SearchQueryExpression(FtsString(query.query_string), config=config)
        return super().build_search_query_content(query, config=config)


class CompoundSQLiteSearchQueryCompiler(QuotedTermsMixin, SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            stems = [stem(word) for word in query.query_string.split()]
            if stems:
                compounds = compounds_in_vocabulary(stems)
                lexemes = reduce(
                    and_ if query.operator.lower() == "and" else or_,
                    (WordOrCompounds(stem, compounds.get(stem, ())) for stem in stems),
                )
                return SearchQueryExpression(lexemes, config=config)
        return super().build_search_query_content(query, config=config)


class QuotedSQLiteAutocompleteQueryCompiler(QuotedTermsMixin, SQLiteAutocompleteQueryCompiler):
    """modelsearch's autocomplete (every word, the last one as a prefix), its terms quoted."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            words = query.query_string.split()
            if words:
                terms = [FtsString(word) for word in words[:-1]] + [FtsString(words[-1], prefix=True)]
                lexemes = reduce(and_ if query.operator.lower() == "and" else or_, terms)
                return SearchQueryExpression(lexemes, config=config)
        return super().build_search_query_content(query, config=config)


class CompoundSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = CompoundSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = QuotedSQLiteAutocompleteQueryCompiler
