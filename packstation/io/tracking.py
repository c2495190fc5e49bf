"""Tracking numbers going back to the shop, as a CSV its platform imports.

Three formats, one row per parcel, UTF-8 and commas:

- ``shopify``: a Matrixify orders import that adds a fulfilment to each order
  (``Name``, ``Command`` UPDATE, ``Line: Type`` Fulfillment Line...), which also lets
  Shopify e-mail the customer the tracking link.
- ``woocommerce``: the Advanced Shipment Tracking import (``order_id``,
  ``tracking_provider``, ``tracking_number``, ``date_shipped`` as DD-MM-YYYY,
  ``status_shipped`` 1).
- ``generic``: ``order_ref, carrier, tracking, tracking_url, shipped_at, weight_g``.

An order split into several parcels at the table is one row per parcel, each with its
own number (and weight): Advanced Shipment Tracking adds one tracking number per row to
the order; Matrixify adds the fulfilment of each row to the same order ``Name``.

Only a number the carrier issued is a tracking number. A parcel under the shop's own
label (no carrier number) is exported as fulfilled with no number, no link, no carrier
and no customer notification (Shopify's ``Send Receipt`` FALSE).

Every cell goes through :func:`neutralise_formula`: a merchant opens these files in a
spreadsheet, where a cell such as ``=HYPERLINK(...)`` coming from an order note or a
reference would run as a formula.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Iterable

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io.fields import DEFAULT_TIMEZONE
from packstation.io.files import write_atomically

TRACKING_FORMATS = ("shopify", "woocommerce", "generic")
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

SHOPIFY_COLUMNS = (
    "Name", "Command", "Line: Type", "Fulfillment: Status", "Fulfillment: Tracking Company",
    "Fulfillment: Tracking Number", "Fulfillment: Tracking URL", "Fulfillment: Send Receipt",
)
WOOCOMMERCE_COLUMNS = ("order_id", "tracking_provider", "tracking_number", "date_shipped",
                       "status_shipped")
GENERIC_COLUMNS = ("order_ref", "carrier", "tracking", "tracking_url", "shipped_at", "weight_g")


@dataclass(frozen=True)
class TrackingRow:
    """One parcel handed to a carrier."""

    ref: str
    external_id: str        # the platform's own order id ("" if unknown)
    carrier_name: str       # a name the platform knows ("Colissimo"), "" with no number
    tracking: str           # the carrier's number; "" for an own label
    tracking_url: str
    shipped_at: datetime    # aware
    weight_g: int

    @property
    def notify(self) -> bool:
        """The customer is told only of a number the carrier issued."""
        return bool(self.tracking)


def neutralise_formula(value: object) -> str:
    """The cell text, prefixed with an apostrophe if a spreadsheet would run it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def tracking_table(rows: Iterable[TrackingRow], format: str,
                   timezone: tzinfo = DEFAULT_TIMEZONE) -> list[list[str]]:
    """The header and rows of a tracking export, every cell already neutralised."""
    if format not in TRACKING_FORMATS:
        raise InputError("tracking.unknown_format", format=format,
                         formats=", ".join(TRACKING_FORMATS))
    header, cells = {
        "shopify": (SHOPIFY_COLUMNS, _shopify_cells),
        "woocommerce": (WOOCOMMERCE_COLUMNS, _woocommerce_cells),
        "generic": (GENERIC_COLUMNS, _generic_cells),
    }[format]
    table = [list(header)]
    for row in rows:
        if row.shipped_at.tzinfo is None:
            raise ValueError(f"shipped_at of {row.ref} must be an aware datetime")
        table.append(cells(row, timezone))
    return [[neutralise_formula(cell) for cell in line] for line in table]


def _shopify_cells(row: TrackingRow, timezone: tzinfo) -> list[object]:
    return [row.ref, "UPDATE", "Fulfillment Line", "success", row.carrier_name, row.tracking,
            row.tracking_url, "TRUE" if row.notify else "FALSE"]


def _woocommerce_cells(row: TrackingRow, timezone: tzinfo) -> list[object]:
    # WooCommerce knows its orders by their numeric id; the ref stands in ("#1001" -> 1001).
    order_id = row.external_id or row.ref.lstrip("#")
    shipped = row.shipped_at.astimezone(timezone)
    return [order_id, row.carrier_name, row.tracking, shipped.strftime("%d-%m-%Y"), 1]


def _generic_cells(row: TrackingRow, timezone: tzinfo) -> list[object]:
    return [row.ref, row.carrier_name, row.tracking, row.tracking_url,
            row.shipped_at.isoformat(timespec="seconds"), row.weight_g]


def write_tracking(rows: Iterable[TrackingRow], format: str, out: str | Path, *,
                   timezone: tzinfo = DEFAULT_TIMEZONE) -> Path:
    """Write the export to ``out`` (replaced atomically: never a half-written file).

    ``timezone`` is the shop's, for the WooCommerce shipping date. Returns the path.
    """
    out = Path(out)
    table = tracking_table(rows, format, timezone)
    try:
        write_atomically(out, lambda stream: csv.writer(stream).writerows(table), newline="")
    except OSError as exc:
        raise InputError("tracking.cannot_write", path=str(out),
                         reason=exc.strerror or str(exc)) from None
    return out


i18n.register({
    "tracking.unknown_format": (
        "Format d'export de suivi inconnu « {format} » (formats possibles : {formats}).",
        "Unknown tracking export format \"{format}\" (possible formats: {formats}).",
    ),
    "tracking.cannot_write": (
        "Impossible d'écrire l'export de suivi {path} : {reason}.",
        "Cannot write the tracking export {path}: {reason}.",
    ),
})
