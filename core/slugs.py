"""Page addresses in German as the site writes them: "Förderrunde für Zulieferer" becomes
`foerderrunde-fuer-zulieferer`, as the demo content's addresses are written.

Wagtail's slug field (`SlugInput`, its documented `formatters`) applies the same replacements
while an editor types a title or a slug; `german_ascii` applies them on the server for whatever
reaches it another way. Neither Wagtail's nor Django's transliteration knows German: they
write "a" for "ä" (WAGTAIL_ALLOW_UNICODE_SLUGS = False) or keep the umlaut."""

from wagtail.admin.widgets import SlugInput

GERMAN_LETTERS = [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")]


def german_ascii(text):
    for letter, replacement in GERMAN_LETTERS:
        text = text.replace(letter, replacement)
    return text


def slug_input():
    return SlugInput(formatters=GERMAN_LETTERS)
