"""Shipping labels, read back from the PDF: text as written, sizes, fonts, barcodes."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from packstation.core import i18n
from packstation.documents import (
    LayoutError, TextDoesNotFitError, UnprintableTextError, render_labels,
)
from packstation.documents.barcodes import BarcodeValueError
from packstation.documents.fonts import font_for
from packstation.documents.model import Address

from . import samples
from .pdfs import barcodes, flat, fonts, page_sizes_mm, page_texts, pdf_text, text_runs
from .test_text import require_cjk_font


@pytest.mark.parametrize("customer", sorted(samples.RECIPIENTS))
def test_every_address_reads_as_written(customer):
    pdf = render_labels([samples.label(samples.RECIPIENTS[customer])])
    text = pdf_text(pdf)
    for written in samples.MUST_READ[customer]:
        assert written in text


def test_text_that_looks_like_markup_prints_literally():
    text = pdf_text(render_labels([samples.label(samples.DOMESTIC)]))
    assert "<b>Ltd & Co</b>" in text


def test_every_font_is_embedded_and_none_is_a_standard_font():
    used = fonts(render_labels([samples.label(samples.RECIPIENTS["greek"])]))
    assert set(used) == {"DejaVuSans", "DejaVuSans-Bold"}
    assert all(used.values())


@pytest.mark.parametrize("recipient_country, shown", [
    ("PL", "POLOGNE"), ("GR", "GRÈCE"), ("CH", "SUISSE"), ("FR", None),
])
def test_the_country_is_named_when_it_is_not_the_senders(recipient_country, shown):
    recipient = Address("Anna Nowak", line1="ul. Długa 1", postcode="00-001", city="Warszawa",
                        country=recipient_country)
    text = pdf_text(render_labels([samples.label(recipient)]))
    if shown:
        assert shown in text
    else:
        assert "FRANCE" not in text


def test_an_english_label_names_the_country_in_english():
    text = pdf_text(render_labels([samples.label(samples.RECIPIENTS["swiss"], language="en")]))
    assert "SWITZERLAND" in text and "Ship to".upper() in text


def test_a_label_says_everything_the_carrier_and_the_packer_need():
    pdf = render_labels([samples.label(samples.DOMESTIC, service="express", weight_g=850,
                                       parcel_index=2, parcel_count=3)])
    text = pdf_text(pdf)
    for expected in ("Colissimo", "EXPRESS", "Atelier Lumière", "69003 Lyon", "Camille Durand",
                     "69002 Lyon", "850 g", "2/3", "14/03/2025", "#1042", "6A12345678901",
                     "Tél. 06 12 34 56 78"):
        assert expected in text


def test_postcode_and_city_are_the_largest_text_of_the_address():
    runs = text_runs(render_labels([samples.label(samples.RECIPIENTS["swiss"])]))
    sizes = {run.text.strip(): run.size for run in runs}
    city = sizes["8001 Zürich"]
    assert city > sizes["Jürg Müller"] > sizes["Bahnhofstrasse 1"]
    assert city == max(sizes.values())


LONG_ADDRESS = Address(
    "Maximilian Alexander von Hohenzollern-Sigmaringen",
    company="Internationale Gesellschaft für Zusammenarbeit und Entwicklung mbH",
    line1="Residenz am Schlossgarten, Gebäude C, Treppenhaus 4, Wohnung 1207",
    line2="bei Familie Schmidt-Rottluff, Hinterhaus, dritter Stock links",
    postcode="72488", city="Sigmaringen an der Donau", region="Baden-Württemberg",
    country="DE", phone="+49 7571 123456")


def test_a_long_address_wraps_and_shrinks_inside_its_frame_in_full():
    pdf = render_labels([samples.label(LONG_ADDRESS)])
    text = pdf_text(pdf)
    for part in (LONG_ADDRESS.name, LONG_ADDRESS.company, LONG_ADDRESS.line1, LONG_ADDRESS.line2,
                 "72488 Sigmaringen an der Donau", "Baden-Württemberg", "ALLEMAGNE"):
        assert part in text
    # Every run of the address lies inside the recipient frame (55 to 109 mm from the
    # bottom of the 100 x 150 label): nothing spilled over the other blocks.
    address_words = set(" ".join([LONG_ADDRESS.name, LONG_ADDRESS.company, LONG_ADDRESS.line1,
                                  LONG_ADDRESS.line2, "Sigmaringen an der Donau"]).split())
    runs = [run for run in text_runs(pdf) if set(run.text.split()) & address_words]
    assert runs
    assert all(53 * mm < run.y < 109 * mm for run in runs)
    assert max(run.size for run in runs) < 18  # the city line had to shrink


def test_an_address_too_long_even_at_the_smallest_size_names_the_field():
    endless = Address("Camille Durand", line1="Chemin du Grand Pré, " * 100, postcode="69002",
                      city="Lyon", country="FR")
    with pytest.raises(TextDoesNotFitError) as caught:
        render_labels([samples.label(endless)])
    assert caught.value.field_key == "doc.field.recipient"
    assert "adresse du destinataire" in caught.value.message
    i18n.set_language("en")
    assert "recipient address" in caught.value.message


def test_a_chinese_address_prints_in_the_fallback_font():
    fallback = require_cjk_font()
    recipient = Address("王小明", line1="朝阳区建国路88号", postcode="100022", city="北京市",
                        country="CN")
    pdf = render_labels([samples.label(recipient)])
    text = pdf_text(pdf)
    assert "王小明" in text and "100022 北京市" in text and "CHINE" in text
    used = fonts(pdf)
    assert set(used) - {"DejaVuSans", "DejaVuSans-Bold"}, f"{fallback} not embedded"
    assert all(used.values())


@pytest.mark.parametrize("character", ["\U0001F9FF", "\U00010000"])
def test_a_character_no_font_has_is_refused_before_drawing(character):
    assert font_for(character) is None
    recipient = Address("Camille Durand", line1=f"5 place Bellecour {character}",
                        postcode="69002", city="Lyon", country="FR")
    with pytest.raises(UnprintableTextError) as caught:
        render_labels([samples.label(recipient)])
    assert caught.value.field_key == "doc.field.recipient"
    assert f"U+{ord(character):04X}" in caught.value.message
    assert "adresse du destinataire" in caught.value.message


def test_an_unprintable_sender_is_named_as_the_sender():
    sender = Address("Atelier \U0001F9FF", city="Lyon", country="FR")
    with pytest.raises(UnprintableTextError) as caught:
        render_labels([samples.label(sender=sender)])
    assert "adresse de l'expéditeur" in caught.value.message


def test_an_own_label_has_no_tracking_number_and_carries_the_order_ref():
    """No carrier number is ever made up: the station's own label shows the order ref."""
    label = samples.label(tracking="")
    assert label.order_ref in pdf_text(render_labels([label]))


@pytest.mark.parametrize("tracking, key", [
    ("6A1234567890é", "doc.error.barcode_characters"),
    ("6A" + "X9" * 40, "doc.error.barcode_too_long"),
])
def test_a_tracking_number_that_cannot_be_a_barcode_is_refused(tracking, key):
    with pytest.raises(BarcodeValueError) as caught:
        render_labels([samples.label(tracking=tracking)])
    assert caught.value.key == key
    assert "numéro de suivi" in caught.value.message


LAYOUT_SIZES = {
    "100x150": (100.0, 150.0),
    "4x6": (101.6, 152.4),
    "a6": (105.0, 148.0),
    "a4x2": (210.0, 297.0),
    "a4x4": (210.0, 297.0),
}


@pytest.mark.parametrize("layout, labels_per_page", [
    ("100x150", 1), ("4x6", 1), ("a6", 1), ("a4x2", 2), ("a4x4", 4)])
def test_page_sizes_and_labels_per_page(layout, labels_per_page):
    tracking_numbers = [f"6A{number:011d}" for number in range(5)]
    pdf = render_labels([samples.label(tracking=tracking) for tracking in tracking_numbers],
                        layout=layout)
    sizes = page_sizes_mm(pdf)
    assert sizes == [LAYOUT_SIZES[layout]] * -(-5 // labels_per_page)
    pages = [flat(text) for text in page_texts(pdf)]
    assert [sum(page.count(tracking) for tracking in tracking_numbers) for page in pages] == [
        min(labels_per_page, 5 - start) for start in range(0, 5, labels_per_page)]


def test_an_unknown_layout_is_refused_with_the_choices():
    with pytest.raises(LayoutError) as caught:
        render_labels([samples.label()], layout="a5")
    assert "100x150" in caught.value.message and "a4x4" in caught.value.message


@pytest.mark.parametrize("layout", sorted(LAYOUT_SIZES))
def test_the_tracking_barcode_decodes_on_every_layout(layout, tmp_path):
    labels = [samples.label(tracking="6A12345678901"), samples.label(tracking="CB987654321FR")]
    found = barcodes(render_labels(labels, layout=layout), tmp_path)
    assert sorted(found) == [("CODE-128", "6A12345678901"), ("CODE-128", "CB987654321FR")]


def test_the_same_labels_give_the_same_bytes(monkeypatch):
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)
    labels = [samples.label(samples.RECIPIENTS[name]) for name in sorted(samples.RECIPIENTS)]
    assert render_labels(labels) == render_labels(labels)


def test_a_label_renders_quickly():
    import time

    labels = [samples.label()]
    render_labels(labels)  # fonts and styles are loaded once per process
    started = time.perf_counter()
    for _ in range(10):
        render_labels(labels)
    # The bar is 100 ms from the last scan to label and slip; a label takes a few ms.
    assert (time.perf_counter() - started) / 10 < 0.1
