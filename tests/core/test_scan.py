"""Scan normalisation: what the scanner typed, made comparable."""

import pytest

from packstation.core import gtin
from packstation.core.commands import Command, command_for
from packstation.core.scan import ProductCode, ScanKind, normalise, parse_product_code, parse_product_codes


@pytest.mark.parametrize("raw, kind, code", [
    ("5901234123457", ScanKind.GTIN, "5901234123457"),
    ("  5901234123457\r\n", ScanKind.GTIN, "5901234123457"),          # trimmed
    ("\x025901234123457\x03", ScanKind.GTIN, "5901234123457"),        # STX/ETX framing dropped
    ("\u200b5901234123457", ScanKind.GTIN, "5901234123457"),          # zero-width space dropped
    ("036000291452", ScanKind.GTIN, "0036000291452"),                 # UPC-A = EAN-13 with 0
    ("0036000291452", ScanKind.GTIN, "0036000291452"),
    ("96385074", ScanKind.GTIN, "0000096385074"),                     # EAN-8
    ("00036000291452", ScanKind.GTIN, "0036000291452"),               # GTIN-14, indicator 0
    ("5901234123458", ScanKind.MISREAD, "5901234123458"),             # bad check digit
    ("036000291453", ScanKind.MISREAD, "036000291453"),
    ("TS-BLK-M", ScanKind.TEXT, "TS-BLK-M"),
    ("", ScanKind.EMPTY, ""),
    ("   \t ", ScanKind.EMPTY, ""),
])
def test_normalise(raw, kind, code):
    scan = normalise(raw)
    assert scan.kind is kind
    assert scan.code == code


def test_upc_a_equals_ean13_with_leading_zero():
    assert normalise("036000291452").code == normalise("0036000291452").code


@pytest.mark.parametrize("typed, digits", [
    ('&é"\'(-è_çà', "1234567890"),
    ("(è)&é\"'(&é\"'(", None),  # ")" is not on the digit row: stays text
])
def test_azerty_digit_row(typed, digits):
    scan = normalise(typed)
    if digits is None:
        assert scan.kind is ScanKind.TEXT
    else:
        assert scan.code == digits


TO_AZERTY = str.maketrans("1234567890", '&é"\'(-è_çà')


def test_azerty_ean_is_a_gtin():
    typed = "5901234123457".translate(TO_AZERTY)  # a US-layout scanner on an AZERTY keyboard
    assert typed.isalpha() is False and not any(ch.isdigit() for ch in typed)
    scan = normalise(typed)
    assert scan.kind is ScanKind.GTIN
    assert scan.code == "5901234123457"


def test_azerty_bad_check_digit_is_a_misread():
    assert normalise("5901234123458".translate(TO_AZERTY)).kind is ScanKind.MISREAD


def test_sku_with_dash_is_not_taken_for_digits():
    scan = normalise("THE-EARL-100")
    assert scan.kind is ScanKind.TEXT
    assert scan.candidates[0] == "THE-EARL-100"


def test_order_ref_candidates_cover_hash_and_azerty():
    assert "1001" in normalise("#1001").candidates
    assert "#1001" in normalise("&àà&").candidates  # "#" is lost on AZERTY; the ref is found


@pytest.mark.parametrize("text, expected", [
    ("5901234123457", ProductCode("5901234123457", 1)),
    ("5901234123457*6", ProductCode("5901234123457", 6)),
    ("5901234123457 * 12", ProductCode("5901234123457", 12)),
    ("036000291452*4", ProductCode("0036000291452", 4)),
    ("INT-CODE-7", ProductCode("INT-CODE-7", 1)),
])
def test_parse_product_code(text, expected):
    assert parse_product_code(text) == expected


def test_parse_product_code_rejects_a_bad_check_digit():
    with pytest.raises(ValueError, match="check digit"):
        parse_product_code("5901234123458")


def test_parse_product_codes_splits_on_pipes():
    assert parse_product_codes("5901234123457| 036000291452*6 |") == [
        ProductCode("5901234123457", 1), ProductCode("0036000291452", 6)]


def test_gtin_internal_codes_are_valid_and_in_range():
    code = gtin.internal_ean13(42)
    assert code.startswith("20") and gtin.is_valid(code) and gtin.is_internal(code)
    with pytest.raises(ValueError):
        gtin.internal_ean13(1, prefix="30")


@pytest.mark.parametrize("typed, command", [
    ("PSC01", Command.CONFIRM), ("psc02", Command.ABANDON), ("PSCà&", Command.CONFIRM),
    ("PSC99", None), ("PSCà(", Command.NEXT),
])
def test_command_codes(typed, command):
    assert command_for(normalise(typed).candidates) is command
