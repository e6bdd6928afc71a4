"""The words of a routable page's own addresses in each language: "…/newsletter/abonnieren/"
on the German page, "…/newsletter/subscribe/" on the English one."""

from django.http import Http404

# A value signed with django.core.signing, its colons made slashes to fit a path (the apps'
# `tokens.py`): "value/timestamp/signature".
SIGNED_VALUE = r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)+"


class RouteWords:
    """Each step's word in each language, e.g. `{"de": {"sent": "gesendet"}, "en": {"sent": "sent"}}`;
    a language without words of its own uses the German ones."""

    def __init__(self, words):
        self.words = words

    def pattern(self, step):
        """A route's regex for `step`: its word in any language (`check` keeps each page to its own)."""
        return "|".join(dict.fromkeys(words[step] for words in self.words.values()))

    def of(self, language):
        return self.words.get(language, self.words["de"])

    def check(self, language, step, word):
        """404 unless `word` is the word for `step` in `language`: the English page does not answer
        at the German address."""
        if self.of(language)[step] != word:
            raise Http404
