"""GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) check digits and the shop's internal codes.

A code with a wrong check digit is a misread: it is rejected, never "corrected"
(python-barcode and ReportLab silently replace a wrong check digit; we do not).
"""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)
#: GS1 "restricted circulation" prefixes a shop may use for its own products.
INTERNAL_PREFIXES = tuple(str(p) for p in range(20, 30))


def check_digit(body: str) -> str:
    """The GS1 mod-10 check digit of the digits ``body`` (the code without its last digit)."""
    if not body.isdigit():
        raise ValueError(f"not digits: {body!r}")
    total = 0
    for position, char in enumerate(reversed(body)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def is_valid(code: str) -> bool:
    """True for an EAN-8, UPC-A, EAN-13 or GTIN-14 whose check digit is right."""
    return (
        code.isascii() and code.isdigit() and len(code) in GTIN_LENGTHS
        and check_digit(code[:-1]) == code[-1]
    )


def canonical(code: str) -> str:
    """The one form a GTIN is stored and compared in.

    UPC-A is the EAN-13 with a leading 0, and an EAN-8 is the EAN-13 with five leading
    zeros, so every 8-, 12- and 13-digit code becomes 13 digits; a GTIN-14 whose
    packaging indicator is 0 is that EAN-13 too. The check digit is not verified here.
    """
    if len(code) == 14 and code.startswith("0"):
        return code[1:]
    if len(code) < 13:
        return code.rjust(13, "0")
    return code


def display(code: str) -> str:
    """The shortest usual form of a canonical code: EAN-8 or EAN-13 (or GTIN-14)."""
    if len(code) == 13 and code.startswith("00000"):
        return code[5:]
    return code


def internal_ean13(number: int, prefix: str = "20") -> str:
    """An EAN-13 in the GS1 in-store range (prefix 20-29) with a valid check digit."""
    if prefix not in INTERNAL_PREFIXES:
        raise ValueError(f"internal codes use a prefix from 20 to 29, not {prefix!r}")
    body = f"{prefix}{number:010d}"
    if len(body) != 12:
        raise ValueError(f"internal code number too large: {number}")
    return body + check_digit(body)


def is_internal(code: str) -> bool:
    return len(code) == 13 and code[:2] in INTERNAL_PREFIXES
