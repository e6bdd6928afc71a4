"""Comparing words as a reader does."""

import unicodedata


def folded(text):
    """Lower case without diacritics: 'Oberfläche' and 'oberflache', 'Ätzen' and 'atzen' compare
    equal ("ß" becomes "ss")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
