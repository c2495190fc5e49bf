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
- Order values come from the order's first row: ``Phone`` is written on every row and
  ``Shipping Phone`` on the first only, and a later row never "conflicts" with it.
- A line item without SKU (many shops never fill them, and the export has no barcode
  column) is named by ``Lineitem name`` ("Title - Variant"), matched at import to the
  product of the products export with that title and variant.
- ``Financial Status``: ``refunded`` and ``voided`` orders are not queued; ``pending``,
  ``authorized``, ``partially_paid`` ones are "awaiting payment" (``payment``); a
  ``Payment Method`` saying cash on delivery makes it "cod".
- A shipping method that names no carrier ("Retrait en magasin", "Local pickup",
  "Livraison locale"...) is a store pickup or a local delivery: no label; the relay
  point a relay app wrote in ``Note Attributes`` is the order's ``pickup_point``.

Products export: one row per variant (and rows that only add an image, ignored). Both
the classic headers (``Handle``, ``Variant SKU``, ``Variant Barcode``, ``Variant
Grams``, ``Variant Inventory Qty``) and those of the 2024 export (``URL handle``,
``SKU``, ``Barcode``, ``Weight value (grams)``, ``Inventory quantity``) are read.
Grams may be decimal ("120.0"); a ``Variant Weight`` column is read in its ``Variant
Weight Unit`` (g, kg, lb, oz); barcodes written '0637... lose the apostrophe. A
variant with neither SKU nor barcode is left out with a warning (the file still imports).
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
# Keys of ``Note Attributes`` ("key: value" lines) where relay-point apps write the point.
_PICKUP_POINT_KEYS = ("relay", "relais", "pickup point", "pickup_point", "pickup-point",
                      "parcel shop", "parcelshop", "point retrait", "point de retrait",
                      "point_id", "access point", "locker")

# Each product field and its header in the classic and in the 2024 export.
_PRODUCT_COLUMNS = {
    "handle": ("Handle", "URL handle"),
    "title": ("Title",),
    "sku": ("Variant SKU", "SKU"),
    "barcode": ("Variant Barcode", "Barcode"),
    "grams": ("Variant Grams", "Weight value (grams)"),
    "stock": ("Variant Inventory Qty", "Inventory quantity"),
    "weight": ("Variant Weight",),
    "weight_unit": ("Variant Weight Unit", "Weight unit for display"),
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
                        errors=list(table.errors))
    if not table.headers:
        return parsed
    if not is_orders_export(table):
        missing = [header for header in ORDERS_SIGNATURE if not table.has(header)]
        parsed.errors.append(RowError(table.path, table.header_line, "shopify.not_orders",
                                      {"columns": ", ".join(missing)}))
        return parsed
    labels = dict(ORDER_COLUMNS, phone="Shipping Phone", ean="EAN",
                  requires_shipping="Lineitem requires shipping")
    labels.update(payment="Financial Status", pickup_point="Note Attributes")
    orders, errors = generic.build_orders(
        (_order_record(record) for record in table.records),
        path=table.path, source=SOURCE, label=lambda name: labels.get(name, name),
        first_row_wins=True, name_identifies=True,
    )
    parsed.orders = orders
    parsed.rows = table.row_count
    parsed.errors = sorted(table.errors + errors, key=lambda error: error.line)
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
    if not values["customer_name"]:
        # A store pickup has no shipping address: the customer is the billing one.
        values["customer_name"] = record.get("Billing Name")
    method = record.get("Payment Method") or record.get("Payment Gateway Names")
    values["payment"] = ("cod" if generic.payment_for(method) == "cod"
                         else record.get("Financial Status"))
    values["pickup_point"] = _pickup_point(record.get("Note Attributes"))
    return generic.FieldRecord(record.line, values)


def _pickup_point(attributes: str) -> str:
    """The relay point a relay app (Mondial Relay, Boxtal, Sendcloud...) wrote in the
    order's note attributes as "key: value" lines, or ""."""
    for line in attributes.splitlines():
        key, separator, value = line.partition(":")
        if separator and value.strip() and any(
                word in fields.fold(key) for word in _PICKUP_POINT_KEYS):
            return value.strip()
    return ""


def parse_products(source: str | Path | CsvTable) -> ParsedFile:
    """Read a Shopify products export into ImportedProduct rows, one per variant."""
    table = source if isinstance(source, CsvTable) else read_table(source)
    parsed = ParsedFile(table.path, PRODUCTS_FORMAT, table.encoding, table.delimiter,
                        errors=list(table.errors))
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
            weight_g = _variant_weight(cell(record, "grams"), cell(record, "weight"),
                                       cell(record, "weight_unit"))
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
        if not sku and not row_errors:
            # Nothing to scan nor to name it by: the shop has not set this variant up.
            parsed.warnings.append(RowError(table.path, record.line, "shopify.missing_sku",
                                            {"handle": handle}))
            continue
        if sku and sku in first_line_of_sku:
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
            aliases=(f"{title} - {variant}" if variant else title,),
        ))
    parsed.rows = table.row_count
    # The table's own errors (those found while reading) and the rows', once each.
    parsed.errors = sorted({id(error): error for error in table.errors + parsed.errors}.values(),
                           key=lambda error: error.line)
    return parsed


_UNIT_GRAMS = {"g": 1, "kg": 1000, "lb": 453.59237, "lbs": 453.59237, "oz": 28.349523125}


def _variant_weight(grams: str, weight: str, unit: str) -> int | None:
    """The variant's weight in grams: ``Variant Grams`` (may be decimal), else ``Variant
    Weight`` in its ``Variant Weight Unit``."""
    if grams.strip() or not weight.strip():
        return fields.parse_weight_g(grams)
    factor = _UNIT_GRAMS.get(unit.strip().casefold())
    if factor is None:
        raise InputError("csv.bad_weight", value=f"{weight} {unit}".strip())
    value = fields.parse_decimal(weight, field="weight_g")
    return None if value is None else round(float(value) * factor)


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
        "Variante du produit {handle} ignorée : elle n'a ni SKU ni code-barres.",
        "Variant of product {handle} left out: it has neither a SKU nor a barcode.",
    ),
    "shopify.duplicate_sku": (
        "Le SKU {sku} est déjà celui d'une autre variante (ligne {first_line}).",
        "The SKU {sku} already belongs to another variant (line {first_line}).",
    ),
})
