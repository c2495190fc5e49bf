"""WooCommerce orders as "Order Export & Order Import for WooCommerce" (WebToffee) writes them.

One row per order, WooCommerce's own field names (``order_number``, ``status``,
``shipping_first_name``...), and the items packed in ``line_item_1``, ``line_item_2``...
cells as ``name:…|product_id:…|sku:…|quantity:…|total:…``. Each item becomes one row of
generic fields on the order's line, built by :func:`packstation.io.generic.build_orders`.

Statuses: only ``processing`` and ``on-hold`` orders are to pack; ``completed``,
``cancelled``, ``refunded``, ``failed`` and ``pending`` (never paid) are not.
"""

from __future__ import annotations

import re
from decimal import Decimal

from packstation.core.errors import InputError
from packstation.io import fields, generic
from packstation.io.csvfile import CsvRecord, CsvTable
from packstation.io.model import ParsedFile

WEBTOFFEE_FORMAT = "woocommerce-webtoffee"
SIGNATURE = ("order_number", "order_date", "status", "shipping_first_name")
_LINE_ITEM = re.compile(r"^line_item_\d+$")
_ORDER_COLUMNS = {
    "order_ref": "order_number", "external_id": "order_id", "order_date": "order_date",
    "carrier": "shipping_method", "company": "shipping_company",
    "address1": "shipping_address_1", "address2": "shipping_address_2",
    "postcode": "shipping_postcode", "city": "shipping_city", "region": "shipping_state",
    "country": "shipping_country", "email": "customer_email", "billing_country":
    "billing_country", "currency": "order_currency", "total": "order_total",
    "note": "customer_note",
}
# WooCommerce's statuses with the words the generic builder knows.
_STATUSES = {"pending": "unpaid", "wc-pending": "unpaid", "failed": "cancelled",
             "wc-failed": "cancelled"}


def is_webtoffee_export(table: CsvTable) -> bool:
    return all(table.has(header) for header in SIGNATURE) and any(
        _LINE_ITEM.match(header.casefold()) for header in table.headers)


def parse_webtoffee(table: CsvTable) -> ParsedFile:
    parsed = ParsedFile(table.path, WEBTOFFEE_FORMAT, table.encoding, table.delimiter,
                        errors=list(table.errors))
    item_headers = [header for header in table.headers if _LINE_ITEM.match(header.casefold())]
    item_headers.sort(key=lambda header: int(header.rsplit("_", 1)[1]))
    records = []
    for record in table.records:
        order = _order_values(record)
        items = [record.get(header) for header in item_headers if record.get(header)]
        if not items:
            # An order without items: the builder reports it as a row without SKU.
            records.append(generic.FieldRecord(record.line, order))
        for item in items:
            values = dict(order)
            values.update(_item_values(item))
            records.append(generic.FieldRecord(record.line, values))
    labels = dict((name, header) for name, header in _ORDER_COLUMNS.items())
    labels.update(sku="line_item_N sku", quantity="line_item_N quantity",
                  customer_name="shipping_first_name + shipping_last_name")
    orders, errors = generic.build_orders(records, path=table.path, source=WEBTOFFEE_FORMAT,
                                          label=lambda name: labels.get(name, name),
                                          name_identifies=True)
    parsed.orders = orders
    parsed.rows = table.row_count
    parsed.errors = sorted(table.errors + errors, key=lambda error: error.line)
    return parsed


def _order_values(record: CsvRecord) -> dict[str, str]:
    values = {name: record.get(header) for name, header in _ORDER_COLUMNS.items()}
    name = " ".join(part for part in (record.get("shipping_first_name"),
                                      record.get("shipping_last_name")) if part)
    values["customer_name"] = name or " ".join(
        part for part in (record.get("billing_first_name"), record.get("billing_last_name"))
        if part)
    values["phone"] = record.get("shipping_phone") or record.get("billing_phone")
    status = record.get("status")
    values["status"] = _STATUSES.get(fields.fold(status), status)
    values["payment"] = record.get("payment_method") or record.get("payment_method_title")
    if generic.payment_for(values["payment"]) != "cod":
        values["payment"] = ""   # a gateway's name says nothing of whether it was paid
    return values


def _item_values(item: str) -> dict[str, str]:
    """``name:Thé vert|sku:TEA-1|quantity:2|total:25.00`` as generic line fields."""
    parts: dict[str, str] = {}
    for part in item.split("|"):
        key, separator, value = part.partition(":")
        if separator:
            parts.setdefault(key.strip().casefold(), value.strip())
    quantity = parts.get("quantity", parts.get("qty", ""))
    unit_price = ""
    total = parts.get("total", "")
    try:
        amount = fields.parse_decimal(total, field="total")
        units = int(quantity) if quantity.isdigit() else 0
        if amount is not None and 0 < units < 2**31:
            unit_price = str((amount / units).quantize(Decimal("0.01")))
    except (InputError, ArithmeticError):
        unit_price = ""    # the line's total is only a price: never a reason to refuse it
    return {"sku": parts.get("sku", ""), "product_name": parts.get("name", ""),
            "quantity": quantity, "unit_price": unit_price}

