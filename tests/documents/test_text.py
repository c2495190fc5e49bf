"""User text on its way into a PDF: fonts per script, escaping, fitting, the errors."""

from __future__ import annotations

import os

import pytest
from reportlab.lib.units import mm

from packstation.core import i18n
from packstation.documents import fonts
from packstation.documents.errors import TextDoesNotFitError, UnprintableTextError
from packstation.documents.fonts import BOLD, REGULAR, clean_text, font_for, unprintable_characters
from packstation.documents.markup import check_printable, fit_block, line, to_markup
from packstation.documents.styles import style
from packstation.documents.texts import LazyText, format_date, format_datetime, format_weight, plural

ORDER = LazyText("doc.document.order", {"ref": "#1042"})


def require_cjk_font() -> str:
    """The fallback font that prints Chinese here, or skip (fail in CI) without one."""
    font = font_for("北")
    if font is None:
        reason = "no system font covers CJK (Debian: fonts-wqy-microhei, and fontconfig)"
        if os.environ.get("PACKSTATION_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return font


def test_the_bundled_fonts_ship_with_their_licence():
    folder = fonts.fonts_dir()
    assert (folder / "DejaVuSans.ttf").stat().st_size > 100_000
    assert (folder / "DejaVuSans-Bold.ttf").stat().st_size > 100_000
    assert "Bitstream Vera" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["Łódź", "Ελλάδα Αθήνα", "Москва", "Zürich", "São Paulo",
                                  "София", "Ærøskøbing", "İstanbul", "Kraków ŻÓŁĆ", "€ № ×"])
def test_latin_greek_and_cyrillic_print_in_dejavu(text):
    assert unprintable_characters(text) == ""
    assert {font_for(char) for char in text if char != " "} == {REGULAR}


def test_cjk_prints_in_a_fallback_font_found_through_fontconfig():
    fallback = require_cjk_font()
    assert fallback not in (REGULAR, BOLD)
    assert unprintable_characters("北京市朝阳区") == ""
    assert list(fonts.font_runs("Beijing 北京市 China")) == [
        (REGULAR, "Beijing "), (fallback, "北京市 "), (REGULAR, "China")]


@pytest.mark.parametrize("text, expected", [
    ("amulet \U0001F9FF", "\U0001F9FF"),   # an emoji: no font on the system prints it
    ("\U00010000 Linear B", "\U00010000"),
    ("שלום", "שלום"),                      # right-to-left: would print reversed
    ("مرحبا", "مرحبا"),                    # Arabic: reversed and unjoined
    ("\ue000 private", "\ue000"),
])
def test_characters_that_cannot_be_printed_right_are_reported(text, expected):
    assert unprintable_characters(text) == expected


@pytest.mark.parametrize("raw, cleaned", [
    ("Sa\u0303o Paulo", "São Paulo"),              # decomposed accents are composed
    ("line 1\r\nline 2\rline 3", "line 1\nline 2\nline 3"),
    ("tab\there", "tab here"),
    ("zero\u200bwidth\u00adsoft", "zerowidthsoft"),  # invisible format characters go
    ("\ufeffBOM", "BOM"),
    ("bell\x07", "bell "),
])
def test_clean_text(raw, cleaned):
    assert clean_text(raw) == cleaned


@pytest.mark.parametrize("text, markup", [
    ("<b>Ltd & Co</b>", "&lt;b&gt;Ltd &amp; Co&lt;/b&gt;"),
    ("first\nsecond", "first<br/>second"),
    ("<para>&amp;", "&lt;para&gt;&amp;amp;"),
])
def test_user_text_is_escaped_before_it_becomes_markup(text, markup):
    assert to_markup(text) == markup


def test_fallback_runs_are_wrapped_in_their_font():
    fallback = require_cjk_font()
    assert to_markup("A&B 北京") == f'A&amp;B <font face="{fallback}">北京</font>'


def test_check_printable_names_the_field_and_the_characters():
    with pytest.raises(UnprintableTextError) as caught:
        check_printable(ORDER, [("doc.field.sender", "Lyon"),
                                ("doc.field.recipient", "Ilse \U0001F9FF Berlin")])
    error = caught.value
    assert error.field_key == "doc.field.recipient"
    assert error.characters == "\U0001F9FF"
    assert "adresse du destinataire" in error.message
    assert "U+1F9FF" in error.message
    assert "Commande #1042" in error.message
    i18n.set_language("en")
    assert "recipient address" in error.message
    assert "Order #1042" in error.message


def test_a_block_that_fits_keeps_its_size():
    block = fit_block([line("Zofia Wójcik", style("Label.RecipientName"))], 80 * mm, 20 * mm,
                      document=ORDER, field_key="doc.field.recipient")
    assert block.scale == 1.0
    assert block.lines[0][0].style.fontSize == style("Label.RecipientName").fontSize


def test_a_long_block_wraps_then_shrinks_until_it_fits():
    text = "Résidence des Tilleuls, bâtiment C, escalier 4, appartement 1207, " * 3
    box_width, box_height = 80 * mm, 20 * mm
    block = fit_block([line(text, style("Label.RecipientLine"))], box_width, box_height,
                      document=ORDER, field_key="doc.field.recipient")
    assert block.scale < 1.0
    assert block.height <= box_height
    paragraph = block.lines[0][0]
    assert len(paragraph.blPara.lines) > 1  # wrapped
    assert paragraph.style.fontSize >= 6


def test_a_long_word_shrinks_rather_than_break_when_a_size_can_hold_it():
    word = "Donaudampfschifffahrtsgesellschaft"
    block = fit_block([line(word, style("Label.RecipientLine"))], 40 * mm, 30 * mm,
                      document=ORDER, field_key="doc.field.recipient")
    paragraph = block.lines[0][0]
    assert 6 <= paragraph.style.fontSize < style("Label.RecipientLine").fontSize
    assert len(paragraph.blPara.lines) == 1


def test_a_word_no_size_can_hold_is_broken_at_the_largest_size_that_fits():
    word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz" * 2
    block = fit_block([line(word, style("Label.RecipientLine"))], 40 * mm, 30 * mm,
                      document=ORDER, field_key="doc.field.recipient")
    paragraph = block.lines[0][0]
    assert block.height <= 30 * mm
    assert len(paragraph.blPara.lines) > 1
    smaller = fit_block([line(word, style("Label.RecipientLine"))], 40 * mm, 15 * mm,
                        document=ORDER, field_key="doc.field.recipient")
    assert smaller.lines[0][0].style.fontSize < paragraph.style.fontSize


def test_a_block_too_long_even_at_the_smallest_size_names_its_field():
    text = "Rue de la République " * 60
    with pytest.raises(TextDoesNotFitError) as caught:
        fit_block([line(text, style("Label.RecipientLine"))], 80 * mm, 20 * mm,
                  document=ORDER, field_key="doc.field.recipient")
    assert caught.value.field_key == "doc.field.recipient"
    assert "adresse du destinataire" in caught.value.message


@pytest.mark.parametrize("grams, language, written", [
    (850, "fr", "850 g"), (999, "en", "999 g"), (1000, "fr", "1,00 kg"),
    (1250, "fr", "1,25 kg"), (1255, "en", "1.26 kg"), (23456, "en", "23.46 kg"),
])
def test_weights(grams, language, written):
    assert format_weight(grams, language) == written


def test_dates_and_times_in_each_language():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2025, 3, 4, 15, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert format_datetime(moment, "fr") == "04/03/2025 15 h 00"
    assert format_datetime(moment, "en") == "4 Mar 2025 15:00"
    assert format_date(moment.date(), "en") == "4 Mar 2025"


@pytest.mark.parametrize("count, language, written", [
    (0, "fr", "0 article"), (1, "fr", "1 article"), (2, "fr", "2 articles"),
    (0, "en", "0 items"), (1, "en", "1 item"), (3, "en", "3 items"),
])
def test_plurals(count, language, written):
    assert plural("doc.units", count, language) == written


def test_bold_markup_selects_the_real_bold_face():
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from .pdfs import fonts as pdf_fonts

    buffer = BytesIO()
    canvas = Canvas(buffer, initialFontName=REGULAR)
    paragraph = Paragraph("plain <b>bold</b>", style("Doc.Body"))
    paragraph.wrap(200, 100)
    paragraph.drawOn(canvas, 50, 700)
    canvas.save()
    assert set(pdf_fonts(buffer.getvalue())) == {REGULAR, BOLD}
