"""The demo's pictures are the project's own drawings, shipped with their licence."""

from demo.tools import ILLUSTRATION_NAMES, ILLUSTRATIONS, draw_illustration, illustration_alt


def test_every_drawing_is_drawn_in_colour_and_has_a_german_and_an_english_alt_text():
    assert len(ILLUSTRATION_NAMES) >= 6
    assert "CC BY 4.0" in (ILLUSTRATIONS / "LICENSE.md").read_text()
    for name in ILLUSTRATION_NAMES:
        picture = draw_illustration(name, (320, 180))
        assert picture.size == (320, 180)
        assert len(picture.getcolors(maxcolors=100_000)) > 6, f"{name} is nearly blank"
        german, english = illustration_alt(name)
        assert german and english and german != english


def test_no_drawing_refers_to_another_file_or_host():
    for name in ILLUSTRATION_NAMES:
        svg = (ILLUSTRATIONS / f"{name}.svg").read_text()
        assert "href" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
