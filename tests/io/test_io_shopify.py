"""Shopify's orders and products exports, read from files with Shopify's real headers."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from packstation.core.scan import ProductCode
from packstation.io import detect_format, parse
from packstation.io.shopify import parse_orders

PLUS_ONE = timezone(timedelta(hours=1))


@pytest.fixture
def orders(fixtures):
    parsed = parse(fixtures / "shopify_orders_export.csv")
    assert parsed.errors == []
    return {order.ref: order for order in parsed.orders}


def test_orders_export_is_recognised(fixtures):
    path = fixtures / "shopify_orders_export.csv"
    assert detect_format(path) == "shopify-orders"
    parsed = parse(path, format="shopify")
    assert (parsed.format, parsed.rows) == ("shopify-orders", 8)
    assert list(order.ref for order in parsed.orders) == ["#1001", "#1002", "#1003", "#1004",
                                                          "#1005"]


def test_an_order_and_its_line_items(orders):
    order = orders["#1001"]
    assert order.source == "shopify"
    assert order.external_id == "5550001001"
    assert order.ordered_at == datetime(2026, 11, 25, 10, 12, 33, tzinfo=PLUS_ONE)
    assert (order.carrier, order.service) == ("Colissimo Domicile", "standard")
    assert (order.currency, order.total) == ("EUR", Decimal("42.40"))
    assert order.note == "Laisser chez la voisine\nsi absente"
    assert order.risk == "low"
    assert order.skip_reason == ""
    assert [(line.line, line.sku, line.quantity, line.unit_price, line.requires_shipping)
            for line in order.lines] == [
        (2, "TEA-SEN-100", 2, Decimal("12.50"), True),
        (4, "", 1, Decimal("10.00"), False),            # the gift card is not packed
        (5, "INF-01", 1, Decimal("7.40"), True),
    ]


def test_apostrophes_before_zip_and_phone_are_dropped(orders):
    address = orders["#1001"].address
    assert (address.postcode, address.phone) == ("01000", "0601020304")
    assert (address.name, address.address1, address.address2, address.city) == (
        "Élodie Martin", "12 rue des Lilas", "Bâtiment B", "Bourg-en-Bresse")
    assert address.email == "elodie@example.fr"
    # No shipping phone: the order's own phone is the one the carrier gets.
    assert orders["#1004"].address.phone == "+48421234567"


@pytest.mark.parametrize(("ref", "skip_reason", "risk"), [
    ("#1001", "", "low"),
    ("#1002", "fulfilled", "low"),
    ("#1003", "cancelled", "high"),
    ("#1004", "", "medium"),
])
def test_fulfilled_and_cancelled_orders_are_marked(orders, ref, skip_reason, risk):
    assert (orders[ref].skip_reason, orders[ref].risk) == (skip_reason, risk)


def test_a_partly_fulfilled_order_packs_only_what_is_left(orders):
    order = orders["#1004"]
    assert order.service == "express"                   # "Chronopost Express 13h"
    assert [(line.sku, line.requires_shipping) for line in order.lines] == [
        ("TEA-SEN-250", False), ("INF-01", True)]
    assert (order.address.city, order.address.region, order.billing_country) == (
        "Łódź", "Łódzkie", "PL")


def test_greek_address(orders):
    address = orders["#1005"].address
    assert (address.name, address.address1, address.city, address.postcode) == (
        "Ελένη Παπαδοπούλου", "Οδός Ερμού 25", "Αθήνα", "105 63")


def _shopify_rows(fixtures):
    with open(fixtures / "shopify_orders_export.csv", encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return reader.fieldnames, list(reader)


def _write_rows(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_line_item_without_sku_comes_in_by_its_name(fixtures, tmp_path):
    header, rows = _shopify_rows(fixtures)
    rows[0]["Lineitem sku"] = ""                         # #1001's tea, which is packed
    parsed = parse_orders(_write_rows(tmp_path / "orders_export.csv", header, rows))
    assert parsed.errors == []
    [order] = [order for order in parsed.orders if order.ref == "#1001"]
    assert [(line.sku, line.name) for line in order.lines if line.requires_shipping][0] == (
        "", "Thé vert Sencha - 100 g")


def test_order_values_come_from_the_first_row(fixtures, tmp_path):
    header, rows = _shopify_rows(fixtures)
    rows[1]["Shipping Method"] = "DPD Predict"          # #1001's second row
    rows[1]["Phone"] = "+33 6 99 99 99 99"              # Shopify writes Phone on every row
    parsed = parse_orders(_write_rows(tmp_path / "orders_export.csv", header, rows))
    assert parsed.errors == []
    [order] = [order for order in parsed.orders if order.ref == "#1001"]
    assert order.carrier == "Colissimo Domicile"
    assert order.address.phone == "0601020304"


@pytest.fixture
def products(fixtures):
    return parse(fixtures / "shopify_products_export.csv")


def test_products_export_is_recognised(fixtures, products):
    assert detect_format(fixtures / "shopify_products_export.csv") == "shopify-products"
    assert products.format == "shopify-products"
    assert products.orders == []


def test_one_product_per_variant(products):
    assert [(product.line, product.sku, product.name, product.codes, product.weight_g,
             product.stock) for product in products.products] == [
        (2, "TEA-SEN-100", "Thé vert Sencha – 100 g", [ProductCode("3760123456784")], 120, 42),
        # Title on the first row only; UPC-A behind an apostrophe; oversold stock.
        (4, "TEA-SEN-250", "Thé vert Sencha – 250 g", [ProductCode("0036000291452")], 280, -2),
        (6, "INF-01", "Infuseur inox", [ProductCode("0000096385074")], 80, 15),
        # No SKU: the barcode identifies the product.
        (8, "4006381333931", "Coffret dégustation", [ProductCode("4006381333931")], 950, 3),
    ]


def test_a_bad_variant_barcode_is_an_error(products, english):
    assert [(error.line, error.key) for error in products.errors] == [(9, "csv.bad_ean")]
    assert "5901234123458" in products.errors[0].reason


def test_the_2024_products_export_headers(write_csv):
    header = ["Title", "URL handle", "Description", "Vendor", "SKU", "Barcode",
              "Option1 name", "Option1 value", "Price", "Weight value (grams)",
              "Weight unit for display", "Requires shipping", "Inventory quantity", "Status"]
    path = write_csv("products_export_1.csv", header, [
        {"Title": "Thé noir Assam", "URL handle": "the-noir-assam", "SKU": "TEA-ASS-100",
         "Barcode": "5901234123457", "Option1 name": "Title", "Option1 value": "Default Title",
         "Price": "9.90", "Weight value (grams)": "110", "Requires shipping": "true",
         "Inventory quantity": "7", "Status": "active"},
        {"Title": "Cours de dégustation", "URL handle": "cours", "SKU": "COURS-1",
         "Option1 value": "Default Title", "Requires shipping": "false"},
        {"URL handle": "the-noir-assam", "SKU": "TEA-ASS-100", "Option1 value": "Bis"},
    ])
    assert detect_format(path) == "shopify-products"
    parsed = parse(path)
    assert [(product.sku, product.name, product.weight_g, product.stock)
            for product in parsed.products] == [("TEA-ASS-100", "Thé noir Assam", 110, 7)]
    assert [(error.line, error.key) for error in parsed.errors] == [(4, "shopify.duplicate_sku")]
