"""Demo content of the accessibility app: the accessibility statement with its form for reporting
barriers (German and English), the page in Leichte Sprache and the page in German Sign Language
with a placeholder video (German pages of their own, without translation).

The video is made by `make dgs-video` (Debian's ffmpeg) and kept in the repository, so loading the
demo needs no ffmpeg; its size and duration are read from the file."""

import struct
from pathlib import Path

from django.core.files import File

from wagtail.documents import get_document_model
from wagtail.models import Locale

from accessibility.models import AccessibilityStatementPage, EasyLanguagePage, SignLanguagePage
from core.models import LegalPagesSettings
from demo.tools import bilingual_page, publish_german_page, stream
from home.models import HomePage

MEDIA = Path(__file__).resolve().parent / "media"
DGS_VIDEO = MEDIA / "dgs-platzhalter.mp4"
DGS_CAPTIONS = MEDIA / "dgs-platzhalter.vtt"


def load(out):
    home = HomePage.objects.get(locale=Locale.get_default())
    statement = _statement(home)
    sign_language = _sign_language(home)
    easy = _easy_language(home, statement, sign_language)
    out(f"  accessibility: {statement.title}, {easy.title}, {sign_language.title}")


def mp4_facts(path):
    """Width, height and whole seconds of an MP4 file, read from its boxes (no ffmpeg needed)."""
    data = path.read_bytes()

    def boxes(start, end):
        while start + 8 <= end:
            size, kind = struct.unpack(">I4s", data[start : start + 8])
            size = size or end - start
            yield kind, start + 8, start + size
            start += size

    facts = {}
    for kind, body, end in boxes(0, len(data)):
        if kind != b"moov":
            continue
        for inner, inner_body, inner_end in boxes(body, end):
            if inner == b"mvhd":
                version = data[inner_body]
                if version == 1:
                    timescale, duration = struct.unpack(">IQ", data[inner_body + 20 : inner_body + 32])
                else:
                    timescale, duration = struct.unpack(">II", data[inner_body + 12 : inner_body + 20])
                facts["seconds"] = round(duration / timescale)
            elif inner == b"trak":
                for part, part_body, _part_end in boxes(inner_body, inner_end):
                    if part == b"tkhd":
                        width, height = struct.unpack(
                            ">II", data[part_body + (88 if data[part_body] == 1 else 76) :][:8]
                        )
                        if width and height:  # the video track (an audio track has none)
                            facts["width"], facts["height"] = width >> 16, height >> 16
    return facts


def _document(title, path):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    with path.open("rb") as file:
        return Document.objects.create(title=title, file=File(file, name=path.name))


STATEMENT_DE = [
    (
        "paragraph",
        "<p>Bochum 2015 ist bemüht, diese Website im Einklang mit dem Behindertengleichstellungsgesetz "
        "Nordrhein-Westfalen (BGG NRW) und der Barrierefreie-Informationstechnik-Verordnung "
        "Nordrhein-Westfalen (BITVNRW) barrierefrei zugänglich zu machen. Diese Erklärung gilt für "
        "bochum2015.de.</p>",
    ),
    ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
    (
        "paragraph",
        "<p>Die Website ist weitgehend mit den Anforderungen der WCAG 2.1 auf Stufe AA und der BITV 2.0 "
        "vereinbar. Ältere PDF-Dokumente sind möglicherweise nicht vollständig barrierefrei.</p>",
    ),
    ("heading", {"text": "Leichte Sprache und Gebärdensprache", "level": "h2"}),
    (
        "paragraph",
        "<p>Oben auf jeder Seite führen zwei Links zu Erklärungen in Leichter Sprache und zu einem Video in "
        "Deutscher Gebärdensprache: was auf dieser Website steht, wie man sich zurechtfindet und was "
        "diese Erklärung sagt.</p>",
    ),
    ("heading", {"text": "Erstellung dieser Erklärung", "level": "h2"}),
    (
        "paragraph",
        "<p>Die Erklärung beruht auf einer Selbstbewertung: automatische Prüfungen jeder Seitenart "
        "(axe-core, W3C-Validator) und Prüfungen mit Tastatur und Bildschirmleser.</p>",
    ),
    ("heading", {"text": "Feedback und Kontakt", "level": "h2"}),
    (
        "paragraph",
        "<p>Sind Ihnen Barrieren auf dieser Website aufgefallen? Melden Sie sie mit unserem Formular, "
        'schreiben Sie uns an <a href="mailto:barrierefreiheit@example.org">barrierefreiheit@example.org</a> '
        "oder rufen Sie uns an unter 0234 000000. Wir antworten innerhalb von sechs Wochen.</p>",
    ),
    ("heading", {"text": "Durchsetzungsverfahren", "level": "h2"}),
    (
        "paragraph",
        "<p>Erhalten Sie keine zufriedenstellende Antwort, können Sie sich an die Ombudsstelle für "
        "barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden. Das Verfahren ist "
        "kostenlos.</p>",
    ),
]
STATEMENT_EN = [
    (
        "paragraph",
        "<p>Bochum 2015 strives to make this website accessible in accordance with the Disability "
        "Equality Act of North Rhine-Westphalia (BGG NRW) and the Barrier-free Information Technology "
        "Ordinance of North Rhine-Westphalia (BITVNRW). This statement applies to bochum2015.de.</p>",
    ),
    ("heading", {"text": "Compliance status", "level": "h2"}),
    (
        "paragraph",
        "<p>The website largely complies with WCAG 2.1 at level AA and with BITV 2.0. Older PDF documents "
        "may not be fully accessible.</p>",
    ),
    ("heading", {"text": "Easy-to-read German and sign language", "level": "h2"}),
    (
        "paragraph",
        "<p>At the top of every page, two links lead to explanations in easy-to-read German and to a video "
        "in German Sign Language: what this website offers, how to find your way around it and what this "
        "statement says.</p>",
    ),
    ("heading", {"text": "Preparation of this statement", "level": "h2"}),
    (
        "paragraph",
        "<p>The statement is based on a self-assessment: automated checks of every page type (axe-core, "
        "the W3C validator) and checks with the keyboard and a screen reader.</p>",
    ),
    ("heading", {"text": "Feedback and contact", "level": "h2"}),
    (
        "paragraph",
        "<p>Have you come across a barrier on this website? Report it with our form, write to us at "
        '<a href="mailto:barrierefreiheit@example.org">barrierefreiheit@example.org</a> or call us on '
        "+49 234 000000. We will answer within six weeks.</p>",
    ),
    ("heading", {"text": "Enforcement procedure", "level": "h2"}),
    (
        "paragraph",
        "<p>If you do not receive a satisfactory answer, you can contact the ombudsman for accessible "
        "information technology of the State of North Rhine-Westphalia. The procedure is free of charge.</p>",
    ),
]


def _statement(home):
    page, _ = bilingual_page(
        home,
        AccessibilityStatementPage,
        {
            "title": "Erklärung zur Barrierefreiheit",
            "slug": "barrierefreiheit",
            "intro": "Wie barrierefrei diese Website ist, und wie Sie uns eine Barriere melden.",
            "body": stream("accessibility", STATEMENT_DE),
        },
        {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": "How accessible this website is, and how to report a barrier to us.",
            "body": stream("accessibility", STATEMENT_EN),
        },
        shared={"feedback_email": "barrierefreiheit@example.org"},
    )
    legal = LegalPagesSettings.load()
    if legal.accessibility_page_id is None:
        legal.accessibility_page = page
        legal.save()
    return page


SIGN_LANGUAGE_TRANSCRIPT = (
    "<p><b>Hinweis der Demo-Installation:</b> Das Video ist ein Platzhalter. Es zeigt noch keine "
    "Gebärdensprache. Hier steht, was das Video in Deutscher Gebärdensprache erklären wird.</p>"
    "<ul>"
    "<li>Bochum 2015 ist die Wachstumsinitiative der Stadt Bochum. Sie bringt Firmen, Hochschulen "
    "und Stadt zusammen.</li>"
    "<li>Auf der Website stehen Nachrichten, die Fokusbranchen, die Netzwerke und ein Firmenverzeichnis.</li>"
    "<li>Oben auf jeder Seite sind das Menü, die Sprachwahl (Deutsch und Englisch), die Suche und die "
    "Links zu Leichter Sprache und zu diesem Video. Auf dem Handy öffnet der Knopf „Menü“ die Navigation.</li>"
    "<li>Die Erklärung zur Barrierefreiheit sagt, was noch nicht barrierefrei ist: ältere PDF-Dokumente. "
    "Barrieren können Sie dort mit einem Formular melden, per E-Mail oder per Telefon. Wir antworten "
    "innerhalb von sechs Wochen.</li>"
    "</ul>"
)


def _sign_language(home):
    facts = mp4_facts(DGS_VIDEO)
    page, _ = publish_german_page(
        home,
        SignLanguagePage,
        {
            "title": "Gebärdensprache",
            "slug": "gebaerdensprache",
            "intro": "In diesem Video erklären wir in Deutscher Gebärdensprache (DGS), was auf dieser Website "
            "steht und wie Sie sich zurechtfinden. Darunter steht der Inhalt des Videos als Text.",
            "search_description": "Bochum 2015 in Deutscher Gebärdensprache: ein Video mit Untertiteln und Text.",
            "video": _document("Gebärdensprache: Bochum 2015 (Platzhalter-Video)", DGS_VIDEO),
            "captions": _document("Gebärdensprache: Untertitel", DGS_CAPTIONS),
            "video_width": facts["width"],
            "video_height": facts["height"],
            "video_duration": facts["seconds"],
            "transcript": SIGN_LANGUAGE_TRANSCRIPT,
        },
    )
    return page


# Leichte Sprache: short sentences, one statement per sentence, hard words explained, long words
# split with the middle dot (Mediopunkt).
EASY_LANGUAGE = [
    ("heading", {"text": "Wer sind wir?", "level": "h2"}),
    (
        "paragraph",
        "<p>Wir heißen Bochum 2015.</p>"
        "<p>Bochum ist eine Stadt in Nordrhein-Westfalen.</p>"
        "<p>Wir helfen Firmen in Bochum.</p>"
        "<p>Die Firmen sollen gut arbeiten können.</p>"
        "<p>Und viele Menschen in Bochum sollen Arbeit haben.</p>",
    ),
    ("heading", {"text": "Was steht auf dieser Internet·seite?", "level": "h2"}),
    (
        "paragraph",
        "<p>Auf dieser Internet·seite finden Sie Infos zu diesen Themen:</p>"
        "<ul>"
        "<li>Nachrichten von Bochum 2015.</li>"
        "<li>Fokus·branchen.</li>"
        "<li>Netzwerke.</li>"
        "<li>Firmen in Bochum.</li>"
        "</ul>",
    ),
    (
        "explanation",
        {
            "word": "Fokus·branche",
            "meaning": "Eine Branche ist eine Gruppe von Firmen.\n"
            "Die Firmen machen ähnliche Arbeit.\n"
            "Zum Beispiel: Die Firmen bauen Teile für Autos.\n"
            "Fokus heißt hier: Wir helfen diesen Branchen besonders.",
        },
    ),
    (
        "explanation",
        {
            "word": "Netzwerk",
            "meaning": "In einem Netzwerk treffen sich Menschen aus vielen Firmen.\n"
            "Sie reden miteinander.\n"
            "Sie helfen sich gegenseitig.\n"
            "Jede Firma in Bochum kann mitmachen.\n"
            "Das kostet nichts.",
        },
    ),
    ("heading", {"text": "So benutzen Sie die Internet·seite", "level": "h2"}),
    (
        "paragraph",
        "<p>Oben auf jeder Seite ist ein blauer Streifen.</p>"
        "<p>Dort ist das Menü.</p>"
        "<p>Im Menü stehen die wichtigen Seiten.</p>"
        "<p>Klicken Sie auf ein Wort im Menü.</p>"
        "<p>Dann kommen Sie zu dieser Seite.</p>"
        "<p>Auf dem Handy ist das Menü zu.</p>"
        "<p>Tippen Sie dann auf den Knopf <b>Menü</b>.</p>"
        "<p>Dann geht das Menü auf.</p>",
    ),
    (
        "explanation",
        {
            "word": "Menü",
            "meaning": "Ein Menü ist eine Liste.\nIn der Liste stehen die Teile von der Internet·seite.",
        },
    ),
    (
        "paragraph",
        "<p>Ganz oben rechts steht: <b>Leichte Sprache</b>.</p>"
        "<p>Damit kommen Sie immer zu dieser Seite.</p>"
        "<p>Daneben steht: <b>Gebärden·sprache</b>.</p>"
        "<p>Dort ist ein Video in Gebärden·sprache.</p>"
        "<p>Sie suchen etwas?</p>"
        "<p>Dann schreiben Sie ein Wort in das Feld <b>Suche</b>.</p>"
        "<p>Sie können auch nur die Tastatur benutzen.</p>"
        "<p>Drücken Sie die Taste <b>Tab</b>.</p>"
        "<p>Dann springen Sie zum nächsten Link.</p>",
    ),
    (
        "explanation",
        {
            "word": "Link",
            "meaning": "Ein Link ist ein Wort auf der Internet·seite.\n"
            "Das Wort ist blau und unter·strichen.\n"
            "Sie klicken auf das Wort.\n"
            "Dann kommen Sie zu einer anderen Seite.",
        },
    ),
    ("heading", {"text": "Barriere·freiheit", "level": "h2"}),
    (
        "paragraph",
        "<p>Alle Menschen sollen unsere Internet·seite gut benutzen können.</p>"
        "<p>Auch Menschen mit Behinderung.</p>"
        "<p>Das heißt: Barriere·freiheit.</p>",
    ),
    (
        "explanation",
        {
            "word": "Barriere",
            "meaning": "Eine Barriere ist ein Hindernis.\n"
            "Zum Beispiel: Eine Schrift ist zu klein.\n"
            "Oder ein Bild hat keine Beschreibung.\n"
            "Dann können manche Menschen die Seite nicht gut benutzen.",
        },
    ),
    (
        "paragraph",
        "<p>In Nordrhein-Westfalen gibt es ein Gesetz für Barriere·freiheit.</p>"
        "<p>Darum haben wir eine Erklärung zur Barriere·freiheit geschrieben.</p>"
        "<p>Das Wichtigste aus der Erklärung:</p>"
        "<ul>"
        "<li>Die meisten Seiten sind barriere·frei.</li>"
        "<li>Manche alte Dokumente zum Herunter·laden sind nicht barriere·frei.</li>"
        "<li>Sie finden eine Barriere? Dann sagen Sie es uns.</li>"
        "<li>Wir antworten Ihnen in 6 Wochen.</li>"
        "<li>Sie sind mit der Antwort nicht zufrieden? Dann hilft Ihnen eine Stelle vom Land "
        "Nordrhein-Westfalen. Das kostet nichts.</li>"
        "</ul>",
    ),
    ("heading", {"text": "So melden Sie eine Barriere", "level": "h2"}),
    (
        "paragraph",
        "<p>Sie haben 3 Möglichkeiten:</p>"
        "<ul>"
        "<li>Sie schreiben uns mit dem Formular. Das Formular ist auf der Seite: Erklärung zur "
        "Barriere·freiheit.</li>"
        "<li>Sie schreiben uns eine E-Mail. Die Adresse ist: barrierefreiheit@example.org</li>"
        "<li>Sie rufen uns an. Die Telefon·nummer ist: 0234 000000</li>"
        "</ul>",
    ),
    (
        "explanation",
        {
            "word": "Formular",
            "meaning": "Ein Formular ist wie ein Zettel auf der Internet·seite.\n"
            "Sie schreiben etwas in die Felder.\n"
            "Dann klicken Sie auf den Knopf: Meldung senden.",
        },
    ),
    ("call_to_action", {"text": "Zur Erklärung zur Barriere·freiheit", "page": "statement", "url": ""}),
    ("heading", {"text": "Wo gibt es mehr Leichte Sprache?", "level": "h2"}),
    (
        "paragraph",
        "<p>Auf unserer Internet·seite ist nur diese Seite in Leichter Sprache.</p>"
        "<p>Es gibt auch ein Video in Gebärden·sprache.</p>"
        "<p>Die Stadt Bochum hat auch Infos in Leichter Sprache.</p>"
        '<p>Die Internet·seite von der Stadt ist: <a href="https://www.bochum.de/">www.bochum.de</a></p>'
        "<p>Sie haben eine Frage? Dann rufen Sie uns an.</p>",
    ),
    ("call_to_action", {"text": "Zum Video in Gebärden·sprache", "page": "sign_language", "url": ""}),
]


def _easy_language(home, statement, sign_language):
    pages = {"statement": statement.pk, "sign_language": sign_language.pk}
    blocks = [
        (kind, {**value, "page": pages[value["page"]]}) if kind == "call_to_action" else (kind, value)
        for kind, value in EASY_LANGUAGE
    ]
    page, _ = publish_german_page(
        home,
        EasyLanguagePage,
        {
            "title": "Leichte Sprache",
            "slug": "leichte-sprache",
            "intro": "Hier erklären wir unsere Internet·seite in Leichter Sprache.",
            "search_description": "Bochum 2015 in Leichter Sprache: Was auf der Internet·seite steht und wie "
            "Sie sie benutzen.",
            "body": stream("leichte-sprache", blocks),
        },
    )
    return page
