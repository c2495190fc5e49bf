"""Product stickers: EAN-13 and Code 128 that decode, refused check digits, internal codes."""

from __future__ import annotations

import pytest

from packstation.core import gtin, i18n
from packstation.documents import (
    BarcodeValueError, LayoutError, ProductLabel, next_internal_codes, render_product_labels,
)

from .pdfs import barcodes, page_sizes_mm, pdf_text

PRODUCTS = [
    ProductLabel("CANDLE-FIG", "Bougie parfumée figue & cassis 200 g", "5901234123457"),
    ProductLabel("SOAP-XL", "Savon d'Alep <XL>", "SAV-002-XL"),
    ProductLabel("UPC-MUG", "Mug importé", "036000291452"),
    ProductLabel("MINI", "Échantillon", "96385074"),
]


@pytest.mark.parametrize("layout", ["a4-3x8", "label-50x30"])
def test_every_code_decodes_as_its_symbology(layout, tmp_path):
    found = barcodes(render_product_labels(PRODUCTS, layout=layout), tmp_path)
    assert sorted(found) == sorted([
        ("EAN-13", "5901234123457"), ("CODE-128", "SAV-002-XL"),
        ("EAN-13", "0036000291452"),  # UPC-A is the EAN-13 with a leading 0
        ("EAN-8", "96385074")])


def test_names_and_skus_are_printed():
    text = pdf_text(render_product_labels(PRODUCTS))
    for product in PRODUCTS:
        assert product.name in text and product.sku in text


@pytest.mark.parametrize("layout, count, sizes", [
    ("a4-3x8", 30, [(210.0, 297.0)] * 2),
    ("label-50x30", 3, [(50.0, 30.0)] * 3),
])
def test_page_sizes(layout, count, sizes):
    products = [ProductLabel(f"SKU-{n}", "Savon", gtin.internal_ean13(n)) for n in range(count)]
    assert page_sizes_mm(render_product_labels(products, layout=layout)) == sizes


def test_an_unknown_layout_is_refused():
    with pytest.raises(LayoutError):
        render_product_labels(PRODUCTS, layout="a4-4x10")


@pytest.mark.parametrize("code", ["5901234123458", "036000291453", "96385075"])
def test_a_wrong_check_digit_is_refused_naming_the_product(code):
    with pytest.raises(BarcodeValueError) as caught:
        render_product_labels([ProductLabel("CANDLE-FIG", "Bougie figue", code)])
    message = caught.value.message
    assert "CANDLE-FIG" in message and "Bougie figue" in message and code in message
    assert f"serait {gtin.check_digit(code[:-1])}" in message
    i18n.set_language("en")
    assert "Product CANDLE-FIG" in caught.value.message


def test_a_code_that_code128_cannot_carry_is_refused():
    with pytest.raises(BarcodeValueError) as caught:
        render_product_labels([ProductLabel("TEA", "Thé", "THÉ-VERT")])
    assert "É" in caught.value.message


def test_internal_codes_continue_after_the_highest_used_and_skip_nothing_taken():
    existing = ["2000000000015", gtin.internal_ean13(41), "5901234123457", gtin.internal_ean13(7, "21"),
                "not a code"]
    codes = next_internal_codes(existing, 3)
    assert codes == [gtin.internal_ean13(number) for number in (42, 43, 44)]
    assert all(gtin.is_valid(code) and code.startswith("20") for code in codes)
    assert next_internal_codes(existing, 2, prefix="21") == [gtin.internal_ean13(n, "21") for n in (8, 9)]
    assert next_internal_codes([], 1, prefix="29") == ["2900000000018"]
    assert next_internal_codes(existing, 0) == []


def test_internal_codes_refuse_a_prefix_outside_the_in_store_range():
    with pytest.raises(ValueError):
        next_internal_codes([], 1, prefix="30")


def test_an_internal_code_prints_and_decodes(tmp_path):
    code = next_internal_codes(["2000000000015"], 1)[0]
    found = barcodes(render_product_labels([ProductLabel("NEW", "Nouveau", code)],
                                           layout="label-50x30"), tmp_path)
    assert found == [("EAN-13", code)]
