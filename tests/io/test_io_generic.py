"""The generic order CSV: real files in, orders and line-numbered errors out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from packstation.core.scan import ProductCode
from packstation.io import detect_format, parse
from packstation.io.fields import DEFAULT_TIMEZONE as PARIS
from packstation.io.generic import GENERIC_COLUMNS, parse_generic

HEADER = list(GENERIC_COLUMNS)


def order_row(ref: str, **values: str) -> dict:
    """A complete first row of an order; keywords override or add columns."""
    row = dict(order_ref=ref, order_date="25/11/2026 09:00", carrier="Colissimo",
               customer_name="Jeanne Martin", address1="3 rue de la Paix", postcode="75002",
               city="Paris", country="FR", sku="SKU-1", product_name="Article", quantity="1",
               unit_price="5.00", currency="EUR", weight_g="100")
    row.update(values)
    return row


def line_row(ref: str, **values: str) -> dict:
    """A later row of an order: the order columns left empty."""
    row = dict(order_ref=ref, sku="SKU-2", product_name="Autre article", quantity="1")
    row.update(values)
    return row


@pytest.fixture
def sample(fixtures):
    return parse_generic(fixtures / "generic_orders_utf8_bom.csv")


def test_sample_file_reads_without_errors(sample, fixtures):
    assert sample.errors == []
    assert (sample.format, sample.encoding, sample.delimiter, sample.rows) == (
        "generic", "utf-8-sig", ",", 9)
    assert [order.ref for order in sample.orders] == [
        "A-1001", "A-1002", "A-1003", "A-1004", "A-1005", "A-1006", "A-1007"]
    assert detect_format(fixtures / "generic_orders_utf8_bom.csv") == "generic"


def test_rows_of_one_order_are_grouped_even_apart(sample):
    order = sample.orders[0]
    # Rows 2 and 3 are together; row 7 comes after other orders and repeats order values
    # in another case ("colissimo", "fr"): the same values, so no conflict.
    assert [(line.line, line.sku, line.quantity, line.bin) for line in order.lines] == [
        (2, "NUT-400", 2, "A-01-2"), (3, "TEA-SEN-100", 1, "B-03-1"), (7, "INF-01", 1, "A-02-1")]
    assert order.line == 2
    assert order.carrier == "Colissimo"
    assert order.ordered_at == datetime(2026, 11, 25, 8, 15, tzinfo=PARIS)
    assert order.address.country == "FR"
    assert order.address.address2 == "Bâtiment B"
    assert order.address.company == "Les Thés d'Élodie"
    assert (order.external_id, order.billing_country, order.total, order.currency) == (
        "98001", "FR", Decimal("21.30"), "EUR")
    assert order.service == "standard"


def test_multipack_and_upc_codes(sample):
    nutella = sample.orders[0].lines[0]
    assert list(nutella.codes) == [ProductCode("3017620422003", 1),
                                   ProductCode("3017620422003", 6)]
    assert nutella.unit_price == Decimal("4.95")
    assert nutella.weight_g == 450
    cup = sample.orders[1].lines[0]
    assert list(cup.codes) == [ProductCode("0036000291452")]       # UPC-A made EAN-13


@pytest.mark.parametrize(("ref", "name", "city", "region", "country"), [
    ("A-1002", "Anna Kowalska", "Łódź", "Łódzkie", "PL"),
    ("A-1003", "Γιώργος Νικολάου", "Θεσσαλονίκη", "Κεντρική Μακεδονία", "GR"),
    ("A-1004", "Иван Петров", "Москва", "", "RU"),
    ("A-1005", "Jürg Brunner", "Zürich", "", "CH"),
    ("A-1006", "João Silva", "São Paulo", "SP", "BR"),
])
def test_addresses_are_read_as_written(sample, ref, name, city, region, country):
    order = next(order for order in sample.orders if order.ref == ref)
    assert (order.customer_name, order.address.name, order.address.city,
            order.address.region, order.address.country) == (name, name, city, region, country)


def test_dates_with_and_without_offsets(sample):
    by_ref = {order.ref: order for order in sample.orders}
    assert by_ref["A-1002"].ordered_at.utcoffset() == timedelta(hours=1)
    assert by_ref["A-1003"].ordered_at == datetime(2026, 11, 24, 16, 5, tzinfo=timezone.utc)
    assert by_ref["A-1004"].ordered_at == datetime(2026, 11, 23, tzinfo=PARIS)


def test_order_values_are_normalised(sample):
    by_ref = {order.ref: order for order in sample.orders}
    assert (by_ref["A-1002"].service, by_ref["A-1002"].tracking) == ("express", "6A12345678901")
    assert by_ref["A-1003"].note == "Ελλάδα — παράδοση πριν τις 18:00"
    assert [by_ref[ref].risk for ref in ("A-1001", "A-1003", "A-1004", "A-1005")] == [
        "low", "medium", "high", ""]
    assert by_ref["A-1007"].skip_reason == "cancelled"         # status "Annulée"
    assert all(by_ref[ref].skip_reason == "" for ref in ("A-1001", "A-1002", "A-1006"))
    assert all(order.source == "generic" for order in by_ref.values())


def test_windows_1252_semicolons_decimal_commas_and_french_dates(write_csv):
    path = write_csv("excel.csv", HEADER, [
        order_row("F-1", order_date="25/11/2026 14:30", customer_name="Klaus Müller",
                  address1="12 rue de l'Église", postcode="1000", city="Bourg-en-Bresse",
                  product_name="Crème brûlée à l'œuf", unit_price="12,50", weight_g="250,0",
                  phone="'0601020304", note="Livrer après 15 h 00 – merci €"),
        line_row("F-1", sku="SKU-9", product_name="Pâte à tartiner", unit_price="3,5"),
    ], encoding="cp1252", delimiter=";")
    parsed = parse(path)
    assert parsed.errors == []
    assert (parsed.format, parsed.encoding, parsed.delimiter) == ("generic", "cp1252", ";")
    [order] = parsed.orders
    assert order.customer_name == "Klaus Müller"
    assert order.address.address1 == "12 rue de l'Église"
    assert order.address.postcode == "01000"      # Excel dropped the leading zero
    assert order.address.phone == "0601020304"
    assert order.note == "Livrer après 15 h 00 – merci €"
    assert order.ordered_at == datetime(2026, 11, 25, 14, 30, tzinfo=PARIS)
    assert [(line.name, line.unit_price, line.weight_g) for line in order.lines] == [
        ("Crème brûlée à l'œuf", Decimal("12.50"), 250), ("Pâte à tartiner", Decimal("3.5"), None)]


def test_scripts_outside_cp1252_come_in_utf8_without_bom(write_csv):
    path = write_csv("utf8.csv", HEADER, [
        order_row("U-1", customer_name="Ewa Łukasiewicz", city="Łódź", country="PL",
                  postcode="90-001")])
    parsed = parse(path)
    assert parsed.encoding == "utf-8"
    assert parsed.orders[0].address.city == "Łódź"


# Rows with one problem each, after a quoted value on two lines: the expected file
# line of every error is written next to its row.
ERROR_ROWS = [
    order_row("OK-1", note="Fragile :\nne pas retourner"),                         # 2-3
    order_row("", sku="SKU-X"),                                                    # 4
    order_row("E-1", sku="", ean=""),                                              # 5
    order_row("E-2", quantity="0"),                                                # 6
    order_row("E-3", quantity="1,5"),                                              # 7
    order_row("E-4", order_date="31/02/2026"),                                     # 8
    order_row("E-5", unit_price="12,5,0"),                                         # 9
    order_row("E-6", weight_g="lourd"),                                            # 10
    order_row("E-7", country="Atlantide"),                                         # 11
    order_row("E-8", ean="4006381333931|5901234123458"),                           # 12
    order_row("C-1", carrier="Colissimo"),                                         # 13
    line_row("C-1", carrier="DPD"),                                                # 14
    order_row("E-9", quantity=""),                                                 # 15
    order_row("E-10", customer_name=""),                                           # 16
    order_row("E-11", ean="5,90123E+12"),                                          # 17
    order_row("E-12", currency="euros"),                                           # 18
]
EXPECTED_ERRORS = [
    (4, "csv.missing_ref", "Missing order reference (order_ref column)."),
    (5, "csv.missing_sku_and_ean", "Neither sku nor ean: no way to tell which item to pack."),
    (6, "csv.bad_quantity", 'Invalid quantity: "0"'),
    (7, "csv.bad_quantity", 'Invalid quantity: "1,5"'),
    (8, "csv.bad_date", 'Unreadable date: "31/02/2026"'),
    (9, "csv.bad_number", 'Unreadable amount in the unit_price column: "12,5,0"'),
    (10, "csv.bad_weight", 'Invalid weight: "lourd"'),
    (11, "csv.bad_country", 'Unknown country in the country column: "Atlantide"'),
    (12, "csv.bad_ean", 'Invalid barcode "5901234123458"'),
    (14, "csv.conflict",
     'Order C-1 already has carrier "Colissimo" (line 13), this row says "DPD".'),
    (15, "csv.missing_value", "Missing value in the quantity column."),
    (16, "csv.order_missing_values",
     "Order E-10: values missing on all of its rows: customer_name."),
    (17, "csv.ean_scientific", 'Barcode "5,90123E+12" damaged by the spreadsheet'),
    (18, "csv.bad_currency", 'Invalid currency: "euros"'),
]


@pytest.fixture
def error_file(write_csv):
    path = write_csv("errors.csv", HEADER, ERROR_ROWS)
    return parse_generic(path)


def test_every_bad_row_is_reported_once_with_its_line(error_file):
    assert [(error.line, error.key) for error in error_file.errors] == [
        (line, key) for line, key, _ in EXPECTED_ERRORS]


@pytest.mark.parametrize(("line", "key", "text"), EXPECTED_ERRORS)
def test_each_error_reason_is_clear(error_file, english, line, key, text):
    error = next(error for error in error_file.errors if error.line == line)
    assert error.key == key
    assert text in error.reason
    assert str(error) == f"{error_file.path}:{line}: {error.reason}"


def test_only_clean_orders_are_kept(error_file):
    # C-1's first row is fine, but its second row conflicts: the whole order is held back.
    assert [order.ref for order in error_file.orders] == ["OK-1"]
    assert error_file.orders[0].note == "Fragile :\nne pas retourner"
    assert error_file.rows == len(ERROR_ROWS)


def test_errors_read_in_french_too(error_file, french):
    reasons = {error.line: error.reason for error in error_file.errors}
    assert reasons[6] == ("Quantité invalide : « 0 » (un nombre entier d'au moins 1 est "
                          "attendu).")
    assert "clé de contrôle" in reasons[12]


def test_several_problems_in_one_row_are_all_reported(write_csv):
    path = write_csv("many.csv", HEADER, [order_row("M-1", quantity="x", weight_g="y",
                                                    unit_price="z")])
    parsed = parse_generic(path)
    assert sorted(error.key for error in parsed.errors) == [
        "csv.bad_number", "csv.bad_quantity", "csv.bad_weight"]
    assert {error.line for error in parsed.errors} == {2}


def test_a_rejected_first_row_does_not_make_its_values_look_missing(write_csv):
    path = write_csv("first.csv", HEADER, [order_row("R-1", quantity="zéro"), line_row("R-1")])
    parsed = parse_generic(path)
    assert [(error.line, error.key) for error in parsed.errors] == [(2, "csv.bad_quantity")]
    assert parsed.orders == []


def test_a_line_that_is_not_shipped_needs_no_sku(write_csv):
    path = write_csv("service.csv", HEADER + ["requires_shipping"], [
        order_row("S-1"),
        line_row("S-1", sku="", product_name="Emballage cadeau", requires_shipping="non"),
    ])
    parsed = parse_generic(path)
    assert parsed.errors == []
    assert [line.requires_shipping for line in parsed.orders[0].lines] == [True, False]


def test_an_order_with_nothing_to_ship_is_skipped_and_needs_no_address(write_csv):
    path = write_csv("download.csv", HEADER + ["requires_shipping"], [
        order_row("D-1", address1="", city="", sku="EBOOK", requires_shipping="false")])
    parsed = parse_generic(path)
    assert parsed.errors == []
    assert parsed.orders[0].skip_reason == "no_shipping"


@pytest.mark.parametrize(("status", "skip_reason"), [
    ("completed", "fulfilled"), ("wc-completed", "fulfilled"), ("Expédiée", "fulfilled"),
    ("Livré", "fulfilled"), ("cancelled", "cancelled"), ("Remboursé", "cancelled"),
    ("processing", ""), ("Paiement accepté", ""), ("", ""),
])
def test_shop_statuses(write_csv, status, skip_reason):
    path = write_csv("status.csv", HEADER + ["status"], [order_row("S-1", status=status)])
    assert parse_generic(path).orders[0].skip_reason == skip_reason


@pytest.mark.parametrize(("carrier", "service", "expected"), [
    ("Chronopost Express", "", "express"), ("Colissimo", "", "standard"),
    ("Colissimo", "EXPRESS", "express"), ("DHL", "Relais", "relais"),
])
def test_service_is_lowercased_or_inferred(write_csv, carrier, service, expected):
    path = write_csv("service.csv", HEADER, [order_row("S-1", carrier=carrier, service=service)])
    assert parse_generic(path).orders[0].service == expected


def test_a_header_missing_a_required_column_is_one_error_at_line_1(write_csv, english):
    header = [column for column in HEADER if column not in ("country", "quantity")]
    path = write_csv("nocountry.csv", header, [order_row("X-1")])
    parsed = parse_generic(path)
    assert [(error.line, error.key) for error in parsed.errors] == [(1, "csv.missing_columns")]
    assert parsed.errors[0].reason == "Required columns missing from the header: country, quantity."
    assert parsed.orders == []


def test_a_header_without_sku_nor_ean_is_refused(write_csv, english):
    header = [column for column in HEADER if column not in ("sku", "ean")]
    parsed = parse_generic(write_csv("noid.csv", header, [order_row("X-1")]))
    assert [error.line for error in parsed.errors] == [1]
    assert "sku / ean" in parsed.errors[0].reason


def test_a_wrong_header_entirely_is_one_error_at_line_1(write_csv):
    path = write_csv("other.csv", ["Date", "Montant", "Libellé"], [["25/11/2026", "12", "x"]])
    parsed = parse_generic(path)
    assert [(error.line, error.key) for error in parsed.errors] == [(1, "csv.unknown_header")]
    assert parsed.orders == []


def test_a_duplicate_known_column_is_refused(write_csv):
    path = write_csv("dup.csv", HEADER + ["SKU"], [order_row("X-1")])
    parsed = parse_generic(path)
    assert [(error.line, error.key) for error in parsed.errors] == [(1, "csv.duplicate_columns")]


def test_header_names_in_any_case_with_spaces(tmp_path):
    path = tmp_path / "case.csv"
    header = ";".join(f" {column.upper()} " for column in HEADER)
    row = ";".join(order_row("K-1").get(column, "") for column in HEADER)
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    parsed = parse_generic(path)
    assert parsed.errors == []
    assert parsed.orders[0].ref == "K-1"
