"""Reading one cell: amounts, quantities, weights, dates, countries and barcodes.

Every importer reads its cells through these functions, so that "12,50", "25/11/2026"
or a barcode whose leading zeros Excel dropped mean the same thing in every format.
Each parser raises :class:`InputError` with a message key naming the value; the
importers turn it into a :class:`RowError` for the row.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from packstation.core import gtin, i18n
from packstation.core.errors import InputError
from packstation.core.scan import ProductCode, clean, parse_product_code

#: A date written without an offset is the shop's local time.
DEFAULT_TIMEZONE = ZoneInfo("Europe/Paris")

# Spaces French number formats use as thousands separators (incl. no-break ones).
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f']")
_PLAIN_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_DAY_FIRST = re.compile(
    r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
    r"(?:[ T]+(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?$"
)
_SPACED_OFFSET = re.compile(r"^(?P<stamp>.*\d)\s+(?P<offset>[+-]\d{2}:?\d{2}|Z|UTC|GMT)$")
_MULTIPACK = re.compile(r"^(?P<code>.+?)\s*\*\s*(?P<units>\d+)$")   # as core.scan reads it
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# Codes people write for a country that ISO 3166 spells otherwise.
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}
# An order date outside these years is a damaged cell, and could not be converted to UTC.
_EARLIEST_YEAR, _LATEST_YEAR = 1970, 2999
_TRUE = {"true", "yes", "y", "1", "oui", "o", "vrai", "x"}
_FALSE = {"false", "no", "n", "0", "non", "faux"}


def strip_text_prefix(text: str) -> str:
    """Drop the apostrophe a spreadsheet puts before a value to keep it as text.

    "'01234" is how Shopify and Excel protect a postcode or a phone number from losing
    its leading zero or being read as a formula.
    """
    return text[1:].lstrip() if text.startswith("'") else text


def parse_decimal(text: str, *, field: str, decimal_mark: str | None = None) -> Decimal | None:
    """An amount: "12,50", "12.50", "1 234,50" or "1,234.50"; None when empty.

    With ``decimal_mark`` unset, a lone comma or point is the decimal mark and, when both
    appear, the last one is. Negative amounts are refused. The same cell text gives the
    same (immutable) Decimal: a big file's prices are few, its lines many.
    """
    return _cached_decimal(text, field, decimal_mark)


@functools.lru_cache(maxsize=8192)
def _cached_decimal(text: str, field: str, decimal_mark: str | None) -> Decimal | None:
    raw = text
    text = _NUMBER_SPACES.sub("", strip_text_prefix(text)).strip("€$£")
    if not text:
        return None
    if decimal_mark == ",":
        text = text.replace(".", "").replace(",", ".")
    elif decimal_mark == ".":
        text = text.replace(",", "")
    elif "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    if not _PLAIN_DECIMAL.match(text):
        raise InputError("csv.bad_number", field=field, value=raw)
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise InputError("csv.bad_number", field=field, value=raw) from None
    if value < 0:
        raise InputError("csv.negative_number", field=field, value=raw)
    return value


def parse_quantity(text: str) -> int:
    """A positive whole number of units ("3", or "3,0" from a spreadsheet)."""
    if not text.strip():
        raise InputError("csv.missing_value", field="quantity")
    value = _whole_number(text)
    if value is None or value < 1:
        raise InputError("csv.bad_quantity", value=text)
    return value


def parse_stock(text: str) -> int | None:
    """A stock count; may be negative (oversold). None when empty."""
    if not text.strip():
        return None
    value = _whole_number(text, allow_negative=True)
    if value is None:
        raise InputError("csv.bad_stock", value=text)
    return value


def _whole_number(text: str, *, allow_negative: bool = False) -> int | None:
    cleaned = _NUMBER_SPACES.sub("", text).replace(",", ".")
    if allow_negative and cleaned.startswith("-"):
        sign, cleaned = -1, cleaned[1:]
    else:
        sign = 1
    if not _PLAIN_DECIMAL.match(cleaned) or cleaned.startswith(("+", "-")):
        return None
    value = Decimal(cleaned)
    if value != value.to_integral_value():
        return None
    return sign * int(value)


def parse_weight_g(text: str, *, unit: str = "g", decimal_mark: str | None = None) -> int | None:
    """A weight in whole grams ("250", "250,0", "250 g"; "0,25" with ``unit="kg"``)."""
    raw = text
    text = text.strip()
    lowered = text.casefold()
    for suffix in ("kg", "g"):
        if lowered.endswith(suffix):
            text, unit = text[: -len(suffix)].strip(), suffix
            break
    if not text:
        return None
    try:
        value = parse_decimal(text, field="weight_g", decimal_mark=decimal_mark)
    except InputError:
        raise InputError("csv.bad_weight", value=raw) from None
    if value is None:
        return None
    if unit == "kg":
        value *= 1000
    elif unit != "g":
        raise ValueError(f"unknown weight unit {unit!r}")
    # A fraction of a gram is below any scale at a packing table: round it.
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_datetime(text: str, *, timezone: tzinfo = DEFAULT_TIMEZONE,
                   date_format: str | None = None) -> datetime:
    """An aware datetime from ISO 8601 or ``dd/mm/yyyy [HH:MM[:SS]]``.

    A time without an offset is local to ``timezone``; a date alone is midnight.
    ``date_format`` (a strptime pattern, from a column-mapping profile) is tried first.
    """
    raw = text
    text = " ".join(text.split())
    if not text:
        raise InputError("csv.missing_value", field="order_date")
    parsed = None
    if date_format:
        try:
            parsed = datetime.strptime(text, date_format)
        except ValueError:
            parsed = None
    if parsed is None:
        parsed = _day_first(text) or _iso(text)
    if parsed is None:
        raise InputError("csv.bad_date", value=raw)
    if not _EARLIEST_YEAR <= parsed.year <= _LATEST_YEAR:
        raise InputError("csv.date_out_of_range", value=raw)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone)
    return parsed


def _day_first(text: str) -> datetime | None:
    match = _DAY_FIRST.match(text)
    if not match:
        return None
    parts = {name: int(value) for name, value in match.groupdict().items() if value is not None}
    try:
        return datetime(parts["year"], parts["month"], parts["day"], parts.get("hour", 0),
                        parts.get("minute", 0), parts.get("second", 0))
    except ValueError:
        return None


def _iso(text: str) -> datetime | None:
    spaced = _SPACED_OFFSET.match(text)
    if spaced:
        # Shopify writes "2026-11-25 10:12:33 +0100": a space before the offset.
        offset = spaced["offset"]
        text = spaced["stamp"] + ("+00:00" if offset in ("Z", "UTC", "GMT") else offset)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def parse_country(text: str, *, field: str = "country") -> str:
    """An ISO 3166 alpha-2 code, upper case ("fr" -> "FR", "UK" -> "GB"), from a code or
    a country's name in any language ("United States", "Allemagne", "España")."""
    from packstation.io.countries import country_code

    code = text.strip().upper()
    code = _COUNTRY_ALIASES.get(code, code)
    if _COUNTRY.match(code):
        return sys.intern(code)
    named = country_code(text)
    if named is None:
        raise InputError("csv.bad_country", field=field, value=text)
    return named


def parse_currency(text: str) -> str:
    code = text.strip().upper()
    if code and not _CURRENCY.match(code):
        raise InputError("csv.bad_currency", value=text)
    return sys.intern(code)


def parse_bool(text: str, *, field: str, default: bool = True) -> bool:
    word = text.strip().casefold()
    if not word:
        return default
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise InputError("csv.bad_boolean", field=field, value=text)


def parse_codes_shared(text: str) -> tuple[ProductCode, ...]:
    """:func:`parse_codes` as one shared tuple per cell text (for order lines, many)."""
    return _parse_codes(text)


def parse_codes(text: str) -> list[ProductCode]:
    """The barcodes of a product cell: ``|``-separated, ``code*N`` for a multipack.

    GTINs are checked and made canonical (UPC-A and EAN-8 become 13 digits) by
    :func:`packstation.core.scan.parse_product_code`. Spreadsheets damage barcodes in two
    ways that are caught here: a code shown as 5,90123E+12 has lost its digits (refused,
    with how to avoid it), and a code stored as a number has lost its leading zeros
    (restored when the padded code has a valid check digit, refused otherwise).
    """
    return list(_parse_codes(text))


# The same barcode cell comes back on every order of that product: read it once.
@functools.lru_cache(maxsize=4096)
def _parse_codes(text: str) -> tuple[ProductCode, ...]:
    codes = []
    for part in strip_text_prefix(clean(text)).split("|"):
        part = clean(part)
        if not part:
            continue
        code, units = _split_multipack(part)
        if units == 0:
            raise InputError("csv.bad_multipack", code=part)
        if _SCIENTIFIC.match(code):
            raise InputError("csv.ean_scientific", code=part)
        if code.isascii() and code.isdigit() and 6 <= len(code) < 13 \
                and len(code) not in gtin.GTIN_LENGTHS:
            padded = code.rjust(13, "0")
            if not gtin.is_valid(padded):
                raise InputError("csv.bad_ean", code=part)
            codes.append(ProductCode(gtin.canonical(padded), units or 1))
            continue
        try:
            codes.append(parse_product_code(part))
        except ValueError:
            raise InputError("csv.bad_ean", code=part) from None
    return tuple(codes)


def _split_multipack(part: str) -> tuple[str, int | None]:
    match = _MULTIPACK.match(part)
    if not match:
        return part, None
    return match["code"].strip(), int(match["units"])


def fold(text: str) -> str:
    """Lower case without accents, for matching words such as order statuses."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class CellReadOptions:
    """How a file writes its values, when it is not the default (from a profile)."""

    date_format: str | None = None
    decimal_mark: str | None = None
    timezone: tzinfo = DEFAULT_TIMEZONE
    weight_unit: str = "g"


i18n.register({
    "csv.missing_value": (
        "Valeur manquante dans la colonne {field}.",
        "Missing value in the {field} column.",
    ),
    "csv.bad_number": (
        "Montant illisible dans la colonne {field} : « {value} » (exemple : 12,50).",
        "Unreadable amount in the {field} column: \"{value}\" (example: 12.50).",
    ),
    "csv.negative_number": (
        "Montant négatif dans la colonne {field} : « {value} ».",
        "Negative amount in the {field} column: \"{value}\".",
    ),
    "csv.bad_quantity": (
        "Quantité invalide : « {value} » (un nombre entier d'au moins 1 est attendu).",
        "Invalid quantity: \"{value}\" (a whole number of at least 1 is expected).",
    ),
    "csv.bad_stock": (
        "Stock invalide : « {value} » (un nombre entier est attendu).",
        "Invalid stock: \"{value}\" (a whole number is expected).",
    ),
    "csv.bad_weight": (
        "Poids invalide : « {value} » (en grammes, exemple : 250).",
        "Invalid weight: \"{value}\" (in grams, example: 250).",
    ),
    "csv.bad_date": (
        "Date illisible : « {value} » (formats acceptés : 25/11/2026 14:30 ou "
        "2026-11-25T14:30:00+01:00).",
        "Unreadable date: \"{value}\" (accepted: 25/11/2026 14:30 or "
        "2026-11-25T14:30:00+01:00).",
    ),
    "csv.date_out_of_range": (
        "Date hors limites : « {value} » (une date de commande entre 1970 et 2999 est "
        "attendue).",
        "Date out of range: \"{value}\" (an order date between 1970 and 2999 is expected).",
    ),
    "csv.bad_country": (
        "Pays inconnu dans la colonne {field} : « {value} » (un code ISO à deux lettres "
        "comme FR, ou le nom d'un pays).",
        "Unknown country in the {field} column: \"{value}\" (a two-letter ISO code such "
        "as FR, or a country's name).",
    ),
    "csv.bad_currency": (
        "Devise invalide : « {value} » (code ISO à trois lettres attendu, exemple : EUR).",
        "Invalid currency: \"{value}\" (a three-letter ISO code is expected, example: EUR).",
    ),
    "csv.bad_boolean": (
        "Valeur invalide dans la colonne {field} : « {value} » (oui/non ou true/false).",
        "Invalid value in the {field} column: \"{value}\" (yes/no or true/false).",
    ),
    "csv.bad_ean": (
        "Code-barres invalide « {code} » : la clé de contrôle ne correspond pas "
        "(code mal saisi ?).",
        "Invalid barcode \"{code}\": the check digit does not match (mistyped code?).",
    ),
    "csv.bad_multipack": (
        "Lot invalide « {code} » : un lot compte au moins 1 unité.",
        "Invalid multipack \"{code}\": a multipack counts at least 1 unit.",
    ),
    "csv.ean_scientific": (
        "Code-barres « {code} » abîmé par le tableur (notation scientifique) : mettez la "
        "colonne au format Texte et exportez de nouveau.",
        "Barcode \"{code}\" damaged by the spreadsheet (scientific notation): format the "
        "column as Text and export again.",
    ),
})
