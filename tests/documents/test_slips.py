"""Packing slips, read back from the PDF: order, pages, the customer's words, the barcode."""

from __future__ import annotations

import re

import pytest

from packstation.documents import (
    LayoutError, SlipLine, TextDoesNotFitError, UnprintableTextError, render_slips,
)
from packstation.documents.errors import ImageError
from packstation.documents.slips import sorted_lines

from . import samples
from .pdfs import barcodes, flat, fonts, page_sizes_mm, page_texts, pdf_text


def test_lines_are_listed_by_bin_in_walking_order():
    lines = [SlipLine("TEA", "Thé vert", "B10", 1), SlipLine("MUG", "Mug", "A2", 2),
             SlipLine("SPOON", "Cuillère", "", 1), SlipLine("JAM", "Confiture", "A10", 1),
             SlipLine("SOAP", "Savon", "B2", 3), SlipLine("CUP", "Tasse", "a3", 1)]
    text = pdf_text(render_slips([samples.slip(lines)]))
    positions = [text.index(sku) for sku in ("MUG", "CUP", "JAM", "SOAP", "TEA", "SPOON")]
    assert positions == sorted(positions)
    assert [line.sku for line in sorted_lines(lines)] == ["MUG", "CUP", "JAM", "SOAP", "TEA", "SPOON"]


def test_a_slip_says_what_the_packer_and_the_customer_need():
    slip = samples.slip(note="Merci de ne pas plier !\nC'est un cadeau : <b>pas de prix</b>.",
                        service="express")
    text = pdf_text(render_slips([slip]))
    for expected in ("BON DE LIVRAISON", "#1042", "Commande du 14/03/2025", "Atelier Lumière",
                     "12 rue des Lilas", "Zofia Wójcik", "90-001 Łódź", "POLOGNE",
                     "Colissimo — EXPRESS", "NOTE DU CLIENT", "Merci de ne pas plier !",
                     "C'est un cadeau : <b>pas de prix</b>.", "Retours",
                     "Retours gratuits sous 30 jours", "Emplacement", "Qté", "page 1/1"):
        assert expected in text
    units = sum(line.quantity for line in slip.lines)
    assert f"Total : {units} articles" in text


def test_a_slip_in_english():
    text = pdf_text(render_slips([samples.slip(language="en")]))
    for expected in ("PACKING SLIP", "Ordered on 14 Mar 2025", "Shipping address", "POLAND",
                     "CUSTOMER NOTE", "Bin", "Qty", "page 1/1"):
        assert expected in text


def test_a_long_order_runs_over_pages_with_the_header_repeated():
    slip = samples.slip(samples.slip_lines(60))
    pages = page_texts(render_slips([slip]))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"page {number}/{len(pages)}" in page
        assert "Emplacement" in page and "Référence" in page  # the header row, every page
        assert "Commande #1042" in page
    skus = re.findall(r"SKU-\d{3}", " ".join(pages))
    assert sorted(skus) == [f"SKU-{number:03d}" for number in range(60)]


def test_several_slips_number_their_own_pages():
    long_slip = samples.slip(samples.slip_lines(60), order_ref="#2001")
    short_slip = samples.slip(samples.slip_lines(3), order_ref="#2002")
    pages = [flat(text) for text in page_texts(render_slips([long_slip, short_slip]))]
    long_pages = len(pages) - 1
    assert [re.search(r"page \d+/\d+", page).group() for page in pages] == [
        *(f"page {number}/{long_pages}" for number in range(1, long_pages + 1)), "page 1/1"]
    assert "Commande #2001" in pages[0] and "Commande #2002" in pages[-1]
    assert "Commande #2002" not in " ".join(pages[:-1])


@pytest.mark.parametrize("paper, size", [("a4", (210.0, 297.0)), ("letter", (215.9, 279.4))])
def test_paper_sizes(paper, size):
    assert page_sizes_mm(render_slips([samples.slip()], paper=paper)) == [size]


def test_an_unknown_paper_is_refused():
    with pytest.raises(LayoutError):
        render_slips([samples.slip()], paper="a5")


def test_the_order_barcode_decodes(tmp_path):
    found = barcodes(render_slips([samples.slip(order_ref="WEB-2025-000123")]), tmp_path)
    assert found == [("CODE-128", "WEB-2025-000123")]


def test_every_address_script_reads_as_written_and_all_fonts_are_embedded():
    for customer, address in samples.RECIPIENTS.items():
        pdf = render_slips([samples.slip(recipient=address)])
        text = pdf_text(pdf)
        for written in samples.MUST_READ[customer]:
            assert written in text
        assert all(fonts(pdf).values())


def test_an_unprintable_item_name_is_named_before_anything_is_drawn():
    lines = [SlipLine("AMULET", "Amulette \U0001F9FF", "A1", 1)]
    with pytest.raises(UnprintableTextError) as caught:
        render_slips([samples.slip(lines)])
    assert caught.value.field_key == "doc.field.item_name"
    assert "Commande #1042" in caught.value.message


def test_a_note_longer_than_a_page_runs_over_pages():
    sentence = "Sonnez deux fois, le chien est gentil mais la sonnette est cassée."
    pages = page_texts(render_slips([samples.slip(note=f"{sentence} " * 120)]))
    assert len(pages) >= 2
    # Page footers come between the pieces: count a word, not whole sentences.
    assert flat(" ".join(pages)).count("sonnette") == 120


def test_an_item_name_taller_than_a_page_is_refused_naming_the_order():
    lines = [SlipLine("BOOK", "Un titre sans fin " * 1200, "A1", 1)]
    with pytest.raises(TextDoesNotFitError) as caught:
        render_slips([samples.slip(lines, order_ref="#3003")])
    assert "Commande #3003" in caught.value.message


def test_the_logo_is_printed_and_a_broken_one_is_refused():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (120, 40), (200, 30, 30)).save(buffer, format="PNG")
    shop = samples.SHOP.__class__(**{**samples.SHOP.__dict__, "logo": buffer.getvalue()})
    pdf = render_slips([samples.slip(shop=shop)])
    page = __import__("pypdf").PdfReader(BytesIO(pdf)).pages[0]
    assert len(page.images) == 1
    broken = shop.__class__(**{**shop.__dict__, "logo": b"\x89PNG\r\n\x1a\nnot really"})
    with pytest.raises(ImageError):
        render_slips([samples.slip(shop=broken)])


def test_the_same_slips_give_the_same_bytes(monkeypatch):
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)
    slips = [samples.slip(samples.slip_lines(40)), samples.slip(order_ref="#1043")]
    assert render_slips(slips) == render_slips(slips)


def test_a_long_item_name_wraps_in_its_cell_and_prints_literally():
    name = ("Coffret <découverte> « thés & tisanes » : 24 sachets de thé vert Sencha, "
            "camomille, verveine-menthe et rooibos vanille, en boîte métal")
    text = pdf_text(render_slips([samples.slip([SlipLine("BOX", name, "A1", 1)])]))
    assert name in text
