"""What a scanner sent, made comparable.

A scan is a burst of characters ended by Enter or Tab. Before anything looks it up it
is trimmed, stripped of control characters, and read through a US-layout scanner on a
French AZERTY keyboard (the digit row types ``&é"'(-è_çà`` for ``1234567890``). A string
of 8, 12, 13 or 14 digits is a GTIN: UPC-A equals the EAN-13 with a leading 0, and a bad
check digit is a misread. Anything else is text: an order ref, a SKU, a command or a badge.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from packstation.core import gtin

AZERTY_DIGITS = str.maketrans('&é"\'(-è_çà', "1234567890")
_AZERTY_ONLY = set('&é"\'(è_çà')  # "-" also stands in SKUs: it alone does not tell
_AZERTY_OR_DIGIT = set('&é"\'(-è_çà0123456789')
# A US-layout scanner on AZERTY swaps these letters (and types "," for "m").
_AZERTY_LETTERS = str.maketrans("qwazQWAZ,", "azqwAZQWm")
_MULTIPACK = re.compile(r"^(?P<code>.+?)\s*\*\s*(?P<units>\d+)$")


class ScanKind(enum.Enum):
    EMPTY = "empty"
    GTIN = "gtin"
    MISREAD = "misread"
    TEXT = "text"


@dataclass(frozen=True)
class Scan:
    """One normalised scan.

    ``code`` is the canonical GTIN for a GTIN, the cleaned text otherwise;
    ``candidates`` are the text forms to try against order refs and SKUs, best first.
    """

    raw: str
    kind: ScanKind
    code: str
    candidates: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.candidates[0] if self.candidates else self.code


def clean(raw: str) -> str:
    """Trim and drop control and invisible format characters; NFC-normalise."""
    kept = "".join(
        char for char in raw
        if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co")
    )
    return unicodedata.normalize("NFC", kept).strip()


def azerty_to_digits(text: str) -> str:
    """Digits typed by a US-layout scanner on AZERTY, read back; other text unchanged."""
    if text and set(text) <= _AZERTY_OR_DIGIT and set(text) & _AZERTY_ONLY:
        return text.translate(AZERTY_DIGITS)
    return text


def normalise(raw: str) -> Scan:
    text = clean(raw)
    if not text:
        return Scan(raw, ScanKind.EMPTY, "")
    digits = azerty_to_digits(text)
    if digits.isascii() and digits.isdigit() and len(digits) in gtin.GTIN_LENGTHS:
        if gtin.is_valid(digits):
            return Scan(raw, ScanKind.GTIN, gtin.canonical(digits), (digits,))
        return Scan(raw, ScanKind.MISREAD, digits, (digits,))
    return Scan(raw, ScanKind.TEXT, digits, text_candidates(text))


def text_candidates(text: str) -> tuple[str, ...]:
    """The forms a text scan may stand for, best first, without repeats."""
    forms = [text, azerty_to_digits(text), _mixed_azerty(text)]
    forms += [form.upper() for form in list(forms)]
    forms += [form[1:] for form in list(forms) if form.startswith("#")]
    forms += ["#" + form for form in list(forms) if not form.startswith("#")]
    seen: dict[str, None] = {}
    for form in forms:
        if form:
            seen.setdefault(form, None)
    return tuple(seen)


def _mixed_azerty(text: str) -> str:
    """Letters and digits both typed through the AZERTY mismatch (e.g. an order ref)."""
    return text.translate(AZERTY_DIGITS).translate(_AZERTY_LETTERS)


@dataclass(frozen=True)
class ProductCode:
    """A barcode as declared for a product: canonical code and units it counts."""

    code: str
    units: int = 1


def parse_product_code(text: str) -> ProductCode:
    """Read one declared code (``5901234123457`` or ``5901234123457*6``).

    A GTIN must have a valid check digit (raises ValueError otherwise); any other text is
    kept as an internal code. ``*N`` marks a multipack of N units.
    """
    text = clean(text)
    units = 1
    match = _MULTIPACK.match(text)
    if match:
        text, units = match["code"].strip(), int(match["units"])
        if units < 1:
            raise ValueError("a multipack counts at least 1 unit")
    if not text:
        raise ValueError("empty barcode")
    if text.isascii() and text.isdigit() and len(text) in gtin.GTIN_LENGTHS:
        if not gtin.is_valid(text):
            raise ValueError(f"bad check digit in {text}")
        return ProductCode(gtin.canonical(text), units)
    return ProductCode(text, units)


def parse_product_codes(field: str) -> list[ProductCode]:
    """Every code of a ``|``-separated field (empty parts ignored)."""
    return [parse_product_code(part) for part in field.split("|") if clean(part)]
