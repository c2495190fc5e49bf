"""Product catalogue CSVs of WooCommerce and PrestaShop, recognised from their headers.

Both become :class:`ImportedProduct` rows (SKU, barcodes, weight, stock), the way the
Shopify products export does:

- WooCommerce's own product export (Products > Export): ``ID``, ``Type``, ``SKU``,
  ``Name``, ``Weight (kg)``, ``Stock``, the ``GTIN, UPC, EAN, or ISBN`` column of
  WooCommerce 9.2+ and the usual barcode meta columns of barcode plugins (``Meta: _ean``,
  ``Meta: _barcode``, ``Meta: _wpm_gtin_code``, ``Meta: _alg_ean``...). Variable
  products are the parents of their variations (rows of type ``variation``): only the
  variations are packed; virtual and downloadable products are never packed.
- PrestaShop's product CSV (``;``, French or English headers: ``Référence``, ``EAN13``,
  ``Poids`` in kilograms, ``Quantité``).

A product with neither SKU nor barcode is left out with a warning; the file still
imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io import fields
from packstation.io.csvfile import CsvRecord, CsvTable
from packstation.io.model import ImportedProduct, ParsedFile, RowError

WOOCOMMERCE_PRODUCTS = "woocommerce-products"
PRESTASHOP_PRODUCTS = "prestashop-products"


@dataclass(frozen=True)
class _Catalogue:
    format: str
    sku: tuple[str, ...]
    name: tuple[str, ...]
    codes: tuple[str, ...]
    weight: tuple[str, ...]
    weight_unit: str
    stock: tuple[str, ...]
    signature: tuple[tuple[str, ...], ...]   # each group: one of these headers is present
    decimal_mark: str | None = None


_WOOCOMMERCE = _Catalogue(
    format=WOOCOMMERCE_PRODUCTS,
    sku=("SKU",),
    name=("Name",),
    codes=("GTIN, UPC, EAN, or ISBN", "GTIN, UPC, EAN or ISBN", "Meta: _ean", "Meta: _barcode",
           "Meta: _wpm_gtin_code", "Meta: _alg_ean", "Meta: _global_unique_id",
           "Meta: hwp_product_gtin", "Meta: _gtin", "Meta: ean", "Meta: barcode"),
    weight=("Weight (kg)", "Weight (g)", "Weight (lbs)", "Weight (oz)"),
    weight_unit="kg",
    stock=("Stock",),
    signature=(("SKU",), ("Type",), ("Name",), ("Weight (kg)", "Weight (g)", "Weight (lbs)",
                                                "Weight (oz)"), ("In stock?", "Stock")),
)
_PRESTASHOP = _Catalogue(
    format=PRESTASHOP_PRODUCTS,
    sku=("Référence", "Référence n°", "Reference", "Reference #"),
    name=("Nom", "Nom *", "Name", "Name *"),
    codes=("EAN13", "EAN-13 or JAN barcode", "UPC", "UPC barcode", "ISBN"),
    weight=("Poids", "Weight"),
    weight_unit="kg",
    stock=("Quantité", "Quantity"),
    signature=(("EAN13", "EAN-13 or JAN barcode"), ("Référence", "Référence n°", "Reference",
                                                    "Reference #"),
               ("Poids", "Weight"), ("Quantité", "Quantity")),
    decimal_mark=None,
)
CATALOGUES = (_WOOCOMMERCE, _PRESTASHOP)
_UNIT_FACTORS = {"Weight (g)": 1, "Weight (kg)": 1000, "Weight (lbs)": 453.59237,
                 "Weight (oz)": 28.349523125}
# Columns that make a file an order export, never a catalogue.
_ORDER_HEADERS = ("Order Number", "Order ID", "ID commande", "order_id", "Référence commande")


def catalogue_format(table: CsvTable) -> str | None:
    """The catalogue format a table's header shows, or None."""
    if any(table.has(header) for header in _ORDER_HEADERS):
        return None
    for catalogue in CATALOGUES:
        if all(any(table.has(header) for header in group) for group in catalogue.signature):
            return catalogue.format
    return None


def parse_catalogue(table: CsvTable, format: str) -> ParsedFile:
    catalogue = next(c for c in CATALOGUES if c.format == format)
    parsed = ParsedFile(table.path, format, table.encoding, table.delimiter,
                        errors=list(table.errors))

    def cell(record: CsvRecord, headers: tuple[str, ...]) -> tuple[str, str]:
        for header in headers:
            value = record.get(header)
            if value:
                return header, value
        return "", ""

    first_line: dict[str, int] = {}
    for record in table.records:
        if catalogue is _WOOCOMMERCE and _not_packed(record):
            continue
        problems: list[InputError] = []
        codes = []
        for header in catalogue.codes:
            text = record.get(header)
            if not text:
                continue
            try:
                codes += [code for code in fields.parse_codes(text) if code not in codes]
            except InputError as exc:
                problems.append(exc)
        weight_header, weight_text = cell(record, catalogue.weight)
        weight_g = None
        try:
            if weight_text:
                value = fields.parse_decimal(weight_text, field="weight",
                                             decimal_mark=catalogue.decimal_mark)
                factor = _UNIT_FACTORS.get(weight_header, 1000)
                weight_g = None if value is None else round(float(value) * factor)
        except InputError:
            problems.append(InputError("csv.bad_weight", value=weight_text))
        stock = None
        try:
            stock = fields.parse_stock(cell(record, catalogue.stock)[1])
        except InputError as exc:
            problems.append(exc)
        sku = fields.strip_text_prefix(cell(record, catalogue.sku)[1].strip())
        name = cell(record, catalogue.name)[1]
        if problems:
            parsed.errors.extend(RowError(table.path, record.line, exc.key, dict(exc.params))
                                 for exc in problems)
            continue
        if not sku and codes:
            sku = codes[0].code
        if not sku:
            parsed.warnings.append(RowError(table.path, record.line, "catalogue.no_sku",
                                            {"name": name or "?"}))
            continue
        if sku in first_line:
            parsed.errors.append(RowError(table.path, record.line, "shopify.duplicate_sku",
                                          {"sku": sku, "first_line": first_line[sku]}))
            continue
        first_line[sku] = record.line
        parsed.products.append(ImportedProduct(line=record.line, sku=sku, name=name,
                                               codes=codes, weight_g=weight_g, stock=stock,
                                               bin=""))
    parsed.rows = table.row_count
    parsed.errors = sorted(
        {id(error): error for error in table.errors + parsed.errors}.values(),
        key=lambda error: error.line)
    return parsed


def _not_packed(record: CsvRecord) -> bool:
    kind = fields.fold(record.get("Type"))
    if "variable" in kind and "variation" not in kind:
        return True          # the parent of variations: its variations are the products
    if kind in ("grouped", "external"):
        return True
    return any(fields.fold(record.get(header)) in ("1", "yes", "true")
               for header in ("Is virtual?", "Virtual", "Downloadable"))


i18n.register({
    "catalogue.no_sku": (
        "Produit « {name} » ignoré : il n'a ni référence (SKU) ni code-barres.",
        "Product \"{name}\" left out: it has neither a SKU nor a barcode.",
    ),
})
