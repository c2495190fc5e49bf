"""Shopify's orders export and products export, recognised from their headers.

Orders export (Admin > Orders > Export, "CSV for Excel"): one row per line item; the
order columns are filled on the order's first row only and ``Name`` ("#1001") on every
row. Rows are renamed into the generic fields and built by
:func:`packstation.io.generic.build_orders`; what is Shopify's own:

- ``Cancelled at`` set -> the order is cancelled; ``Fulfillment Status`` "fulfilled"
  -> already sent. Both are read but not queued (``skip_reason``).
- ``Lineitem requires shipping`` false (a gift card, a service) and
  ``Lineitem fulfillment status`` "fulfilled" (sent in an earlier parcel of a partly
  fulfilled order) both give a line that is not packed (``requires_shipping`` False).
- The service is "express" when the shipping method's name says so, else "standard".
- ``Shipping Zip`` and phones lose the apostrophe Shopify puts before them.
- The phone is the shipping phone, else the order's ``Phone``, else the billing phone.

Products export: one row per variant (and rows that only add an image, ignored). Both
the classic headers (``Handle``, ``Variant SKU``, ``Variant Barcode``, ``Variant
Grams``, ``Variant Inventory Qty``) and those of the 2024 export (``URL handle``,
``SKU``, ``Barcode``, ``Weight value (grams)``, ``Inventory quantity``) are read.
"""

from __future__ import annotations

from pathlib import Path

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io import fields, generic
from packstation.io.csvfile import CsvRecord, CsvTable, read_table
from packstation.io.model import ImportedProduct, ParsedFile, RowError

ORDERS_FORMAT = "shopify-orders"
PRODUCTS_FORMAT = "shopify-products"
SOURCE = "shopify"

#: Headers that tell a Shopify orders export from any other CSV.
ORDERS_SIGNATURE = ("Name", "Created at", "Lineitem name", "Lineitem quantity")
#: Generic field -> the Shopify orders column that holds it.
ORDER_COLUMNS = {
    "order_ref": "Name",
    "external_id": "Id",
    "order_date": "Created at",
    "carrier": "Shipping Method",
    "customer_name": "Shipping Name",
    "company": "Shipping Company",
    "address1": "Shipping Address1",
    "address2": "Shipping Address2",
    "postcode": "Shipping Zip",
    "city": "Shipping City",
    "region": "Shipping Province",
    "country": "Shipping Country",
    "email": "Email",
    "billing_country": "Billing Country",
    "currency": "Currency",
    "total": "Total",
    "note": "Notes",
    "risk": "Risk Level",
    "sku": "Lineitem sku",
    "product_name": "Lineitem name",
    "quantity": "Lineitem quantity",
    "unit_price": "Lineitem price",
}
_PHONE_COLUMNS = ("Shipping Phone", "Phone", "Billing Phone")

# Each product field and its header in the classic and in the 2024 export.
_PRODUCT_COLUMNS = {
    "handle": ("Handle", "URL handle"),
    "title": ("Title",),
    "sku": ("Variant SKU", "SKU"),
    "barcode": ("Variant Barcode", "Barcode"),
    "grams": ("Variant Grams", "Weight value (grams)"),
    "stock": ("Variant Inventory Qty", "Inventory quantity"),
    "requires_shipping": ("Variant Requires Shipping", "Requires shipping"),
    "gift_card": ("Gift Card",),
    "option1": ("Option1 Value",),
    "option2": ("Option2 Value",),
    "option3": ("Option3 Value",),
}
# Shopify's option value for a product without variants.
_DEFAULT_VARIANT = "Default Title"


def is_orders_export(table: CsvTable) -> bool:
    return all(table.has(header) for header in ORDERS_SIGNATURE)


def is_products_export(table: CsvTable) -> bool:
    def has(name: str) -> bool:
        return any(table.has(header) for header in _PRODUCT_COLUMNS[name])
    return has("handle") and has("title") and (has("sku") or has("barcode"))


def parse_orders(source: str | Path | CsvTable) -> ParsedFile:
    """Read a Shopify orders export. Raises InputError only for an unreadable file."""
    table = source if isinstance(source, CsvTable) else read_table(source)
    parsed = ParsedFile(table.path, ORDERS_FORMAT, table.encoding, table.delimiter,
                        errors=list(table.errors), rows=len(table.records))
    if not table.headers:
        return parsed
    if not is_orders_export(table):
        missing = [header for header in ORDERS_SIGNATURE if not table.has(header)]
        parsed.errors.append(RowError(table.path, table.header_line, "shopify.not_orders",
                                      {"columns": ", ".join(missing)}))
        return parsed
    labels = dict(ORDER_COLUMNS, phone="Shipping Phone", ean="EAN",
                  requires_shipping="Lineitem requires shipping")
    orders, errors = generic.build_orders(
        (_order_record(record) for record in table.records),
        path=table.path, source=SOURCE, label=lambda name: labels.get(name, name),
    )
    parsed.orders = orders
    parsed.errors = sorted(parsed.errors + errors, key=lambda error: error.line)
    return parsed


def _order_record(record: CsvRecord) -> generic.FieldRecord:
    values = {name: record.get(header) for name, header in ORDER_COLUMNS.items()}
    values["phone"] = next(
        (phone for header in _PHONE_COLUMNS if (phone := fields.strip_text_prefix(
            record.get(header)))), "")
    # Order columns are on the first row only: so is the status that decides the order.
    if record.get("Cancelled at"):
        values["status"] = "cancelled"
    else:
        values["status"] = record.get("Fulfillment Status")
    # A line item sent in an earlier parcel is not packed again; any other value is left
    # to the order builder, which reports one it cannot read.
    already_sent = fields.fold(record.get("Lineitem fulfillment status")) == "fulfilled"
    values["requires_shipping"] = "false" if already_sent else record.get(
        "Lineitem requires shipping")
    return generic.FieldRecord(record.line, values)


def parse_products(source: str | Path | CsvTable) -> ParsedFile:
    """Read a Shopify products export into ImportedProduct rows, one per variant."""
    table = source if isinstance(source, CsvTable) else read_table(source)
    parsed = ParsedFile(table.path, PRODUCTS_FORMAT, table.encoding, table.delimiter,
                        errors=list(table.errors), rows=len(table.records))
    if not table.headers:
        return parsed
    if not is_products_export(table):
        parsed.errors.append(RowError(table.path, table.header_line, "shopify.not_products",
                                      {"columns": "Handle, Title, Variant SKU"}))
        return parsed

    def cell(record: CsvRecord, name: str) -> str:
        for header in _PRODUCT_COLUMNS[name]:
            value = record.get(header)
            if value:
                return value
        return ""

    titles: dict[str, str] = {}
    first_line_of_sku: dict[str, int] = {}
    for record in table.records:
        handle = cell(record, "handle")
        if cell(record, "title"):
            titles.setdefault(handle, cell(record, "title"))
        options = [cell(record, f"option{index}") for index in (1, 2, 3)]
        sku = fields.strip_text_prefix(cell(record, "sku"))
        barcode = cell(record, "barcode")
        if not (sku or barcode or any(options) or cell(record, "grams")):
            continue            # a row that only adds an image to the product
        if fields.fold(cell(record, "gift_card")) == "true" \
                or fields.fold(cell(record, "requires_shipping")) == "false":
            continue            # a gift card, a download or a service: never packed

        row_errors: list[InputError] = []
        try:
            codes = fields.parse_codes(barcode)
        except InputError as exc:
            row_errors.append(exc)
            codes = []
        try:
            weight_g = fields.parse_weight_g(cell(record, "grams"))
        except InputError as exc:
            row_errors.append(exc)
            weight_g = None
        try:
            stock = fields.parse_stock(cell(record, "stock"))
        except InputError as exc:
            row_errors.append(exc)
            stock = None
        if not sku and codes:
            # Many shops never fill the SKU: the barcode is then the product's identity.
            sku = codes[0].code
        if not sku:
            row_errors.append(InputError("shopify.missing_sku", handle=handle))
        elif sku in first_line_of_sku:
            row_errors.append(InputError("shopify.duplicate_sku", sku=sku,
                                         first_line=first_line_of_sku[sku]))
        if row_errors:
            parsed.errors.extend(RowError(table.path, record.line, exc.key, dict(exc.params))
                                 for exc in row_errors)
            continue
        first_line_of_sku[sku] = record.line
        variant = " / ".join(option for option in options
                             if option and option != _DEFAULT_VARIANT)
        title = titles.get(handle, handle)
        parsed.products.append(ImportedProduct(
            line=record.line, sku=sku, name=f"{title} – {variant}" if variant else title,
            codes=codes, weight_g=weight_g, stock=stock, bin="",
        ))
    parsed.errors.sort(key=lambda error: error.line)
    return parsed


i18n.register({
    "shopify.not_orders": (
        "Ce n'est pas un export de commandes Shopify : colonnes absentes : {columns}.",
        "This is not a Shopify orders export: missing columns: {columns}.",
    ),
    "shopify.not_products": (
        "Ce n'est pas un export de produits Shopify (colonnes attendues : {columns}).",
        "This is not a Shopify products export (expected columns: {columns}).",
    ),
    "shopify.missing_sku": (
        "La variante du produit {handle} n'a ni SKU ni code-barres.",
        "The variant of product {handle} has neither a SKU nor a barcode.",
    ),
    "shopify.duplicate_sku": (
        "Le SKU {sku} est déjà celui d'une autre variante (ligne {first_line}).",
        "The SKU {sku} already belongs to another variant (line {first_line}).",
    ),
})
