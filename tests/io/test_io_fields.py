"""Reading one cell: amounts, quantities, weights, dates, countries and barcodes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from packstation.core.errors import InputError
from packstation.core.scan import ProductCode
from packstation.io import fields

PARIS = fields.DEFAULT_TIMEZONE


@pytest.mark.parametrize(("text", "mark", "expected"), [
    ("12,50", None, Decimal("12.50")),
    ("12.50", None, Decimal("12.50")),
    ("1 234,50", None, Decimal("1234.50")),
    ("1\u202f234,50 €", None, Decimal("1234.50")),
    ("1,234.50", None, Decimal("1234.50")),
    ("1.234,50", None, Decimal("1234.50")),
    ("1.234", ",", Decimal("1234")),
    ("1,234", ".", Decimal("1234")),
    ("0", None, Decimal("0")),
    ("", None, None),
])
def test_parse_decimal(text, mark, expected):
    assert fields.parse_decimal(text, field="unit_price", decimal_mark=mark) == expected


@pytest.mark.parametrize(("text", "key"), [
    ("douze", "csv.bad_number"),
    ("12,5,0", "csv.bad_number"),
    ("-3,00", "csv.negative_number"),
])
def test_parse_decimal_refuses(text, key):
    with pytest.raises(InputError) as caught:
        fields.parse_decimal(text, field="unit_price")
    assert caught.value.key == key
    assert caught.value.params["value"] == text


@pytest.mark.parametrize(("text", "expected"), [("1", 1), ("12", 12), ("3,0", 3), (" 2 ", 2)])
def test_parse_quantity(text, expected):
    assert fields.parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "key"), [
    ("0", "csv.bad_quantity"), ("-1", "csv.bad_quantity"), ("1,5", "csv.bad_quantity"),
    ("deux", "csv.bad_quantity"), ("", "csv.missing_value"),
])
def test_parse_quantity_refuses(text, key):
    with pytest.raises(InputError) as caught:
        fields.parse_quantity(text)
    assert caught.value.key == key


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("250", "g", 250), ("250,0", "g", 250), ("250.4", "g", 250), ("250,5", "g", 251),
    ("250 g", "g", 250), ("0,25", "kg", 250), ("0.250000", "kg", 250), ("1,2 kg", "g", 1200),
    ("", "g", None),
])
def test_parse_weight_g(text, unit, expected):
    assert fields.parse_weight_g(text, unit=unit) == expected


@pytest.mark.parametrize("text", ["lourd", "-5", "12,5,0"])
def test_parse_weight_refuses(text):
    with pytest.raises(InputError) as caught:
        fields.parse_weight_g(text)
    assert caught.value.key == "csv.bad_weight"


PLUS_ONE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-25T10:12:33+01:00", datetime(2026, 11, 25, 10, 12, 33, tzinfo=PLUS_ONE)),
    ("2026-11-25T09:12:33Z", datetime(2026, 11, 25, 9, 12, 33, tzinfo=timezone.utc)),
    ("2026-11-25 10:12:33 +0100", datetime(2026, 11, 25, 10, 12, 33, tzinfo=PLUS_ONE)),
    ("2026-11-25 10:12", datetime(2026, 11, 25, 10, 12, tzinfo=PARIS)),
    ("2026-11-25", datetime(2026, 11, 25, tzinfo=PARIS)),
    ("25/11/2026", datetime(2026, 11, 25, tzinfo=PARIS)),
    ("25/11/2026 14:30", datetime(2026, 11, 25, 14, 30, tzinfo=PARIS)),
    ("5/7/2026 14:30:15", datetime(2026, 7, 5, 14, 30, 15, tzinfo=PARIS)),
])
def test_parse_datetime(text, expected):
    parsed = fields.parse_datetime(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(("text", "offset_hours"), [
    ("15/01/2026 10:00", 1),     # winter time in Paris
    ("15/07/2026 10:00", 2),     # summer time in Paris
])
def test_local_times_follow_paris_daylight_saving(text, offset_hours):
    assert fields.parse_datetime(text).utcoffset() == timedelta(hours=offset_hours)


def test_profile_date_format_is_tried_first():
    parsed = fields.parse_datetime("11/25/2026 02:30 PM", date_format="%m/%d/%Y %I:%M %p")
    assert parsed == datetime(2026, 11, 25, 14, 30, tzinfo=PARIS)


@pytest.mark.parametrize("text", ["31/02/2026", "2026-13-01", "demain", "25/11/26"])
def test_parse_datetime_refuses(text):
    with pytest.raises(InputError) as caught:
        fields.parse_datetime(text)
    assert (caught.value.key, caught.value.params) == ("csv.bad_date", {"value": text})


@pytest.mark.parametrize(("text", "expected"), [
    ("FR", "FR"), (" fr ", "FR"), ("UK", "GB"), ("EL", "GR"), ("FRA", "FR"),
    # Names in any language, as Etsy, PrestaShop or a profile's file write them.
    ("France", "FR"), ("United States", "US"), ("Allemagne", "DE"), ("España", "ES"),
    ("espana", "ES"), ("Deutschland", "DE"), ("Royaume-Uni", "GB"), ("Schweiz", "CH"),
    ("Ελλάδα", "GR"), ("Pays-Bas", "NL"), ("USA", "US"), ("Korea, Republic of", "KR"),
])
def test_parse_country(text, expected):
    assert fields.parse_country(text) == expected


@pytest.mark.parametrize("text", ["Atlantis", "F", "F1", "Nulle part"])
def test_parse_country_refuses_what_names_no_country(text):
    with pytest.raises(InputError) as caught:
        fields.parse_country(text)
    assert caught.value.key == "csv.bad_country"


@pytest.mark.parametrize(("text", "expected"), [
    ("5901234123457", [ProductCode("5901234123457")]),
    ("5901234123457*6", [ProductCode("5901234123457", 6)]),
    ("5901234123457 * 12", [ProductCode("5901234123457", 12)]),
    ("036000291452", [ProductCode("0036000291452")]),           # UPC-A
    ("96385074", [ProductCode("0000096385074")]),               # EAN-8
    ("36000291452", [ProductCode("0036000291452")]),            # UPC-A that lost its 0
    ("'036000291452", [ProductCode("0036000291452")]),          # spreadsheet text prefix
    ("5901234123457|4006381333931*4", [ProductCode("5901234123457"),
                                       ProductCode("4006381333931", 4)]),
    ("INT-42", [ProductCode("INT-42")]),                        # the shop's own code
    ("", []),
    (" | ", []),
])
def test_parse_codes(text, expected):
    assert fields.parse_codes(text) == expected


@pytest.mark.parametrize(("text", "key", "code"), [
    ("5901234123458", "csv.bad_ean", "5901234123458"),
    ("5901234123457|4006381333932", "csv.bad_ean", "4006381333932"),
    ("36000291453", "csv.bad_ean", "36000291453"),
    ("5,90123E+12", "csv.ean_scientific", "5,90123E+12"),
    ("5901234123457*0", "csv.bad_multipack", "5901234123457*0"),
])
def test_parse_codes_refuses_and_names_the_code(text, key, code):
    with pytest.raises(InputError) as caught:
        fields.parse_codes(text)
    assert (caught.value.key, caught.value.params) == (key, {"code": code})


@pytest.mark.parametrize(("text", "expected"), [
    ("true", True), ("FALSE", False), ("oui", True), ("non", False), ("", True),
])
def test_parse_bool(text, expected):
    assert fields.parse_bool(text, field="requires_shipping") is expected


@pytest.mark.parametrize(("text", "expected"), [("'01234", "01234"), ("01234", "01234"),
                                                 ("'+33 6 01", "+33 6 01")])
def test_strip_text_prefix(text, expected):
    assert fields.strip_text_prefix(text) == expected
