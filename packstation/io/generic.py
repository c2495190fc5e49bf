"""The generic order CSV, and the one order builder every order format goes through.

The generic format (see the README and DESIGN.md) has one row per order line::

    order_ref, order_date, carrier, service, customer_name, company, address1,
    address2, postcode, city, region, country, phone, email, sku, ean, product_name,
    quantity, unit_price, currency, weight_g, bin, note, risk

with optional ``tracking``, ``external_id``, ``billing_country``, ``total``,
``status`` (a shop status: "completed", "annulée"... marks the order as not to pack),
``requires_shipping`` (false for a line that is not packed), ``payment`` ("paid",
"pending", "authorized", "cod"...: see :func:`payment_for`), ``delivery`` (store pickup
or local delivery: no label), ``pickup_point`` (the relay point the customer chose) and
``hs_code``, ``origin_country`` (customs, per line).

Rows of one order share the ``order_ref``; they may be apart in the file, and order
columns may be repeated or left empty on the order's later rows. The first non-empty
value of each order column wins; a different non-empty value on a later row rejects
that row. Shopify orders and files read through a column-mapping profile are turned
into rows of these same fields (:class:`FieldRecord`) and built by
:func:`build_orders`, so every format is validated by the same code.

Nothing here raises for a bad row: every problem becomes a :class:`RowError` with the
file line, and an order with any rejected row is left out of the result.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io import fields
from packstation.io.csvfile import CsvTable, header_key, read_table
from packstation.io.fields import CellReadOptions
from packstation.io.model import (
    DELIVERY_LOCAL, DELIVERY_SHIPPING, DELIVERY_STORE_PICKUP, PAYMENT_AWAITING, PAYMENT_COD,
    PAYMENT_PAID, SKIP_CANCELLED, SKIP_FULFILLED, SKIP_NO_SHIPPING, SKIP_UNPAID,
    ImportedAddress, ImportedLine, ImportedOrder, OrderList, ParsedFile, RowError,
)

FORMAT = "generic"

#: The columns of the generic format, in the order the documentation lists them.
GENERIC_COLUMNS = (
    "order_ref", "order_date", "carrier", "service", "customer_name", "company",
    "address1", "address2", "postcode", "city", "region", "country", "phone", "email",
    "sku", "ean", "product_name", "quantity", "unit_price", "currency", "weight_g", "bin",
    "note", "risk",
)
OPTIONAL_COLUMNS = ("tracking", "external_id", "billing_country", "total", "status",
                    "requires_shipping", "payment", "delivery", "pickup_point", "hs_code",
                    "origin_country")
FIELDS = GENERIC_COLUMNS + OPTIONAL_COLUMNS
#: Columns a generic file must have (besides ``sku`` or ``ean``, one of them at least).
REQUIRED_COLUMNS = ("order_ref", "order_date", "customer_name", "address1", "postcode",
                    "city", "country", "quantity")
IDENTITY_COLUMNS = ("sku", "ean")

LINE_FIELDS = ("sku", "ean", "product_name", "quantity", "unit_price", "weight_g", "bin",
               "requires_shipping")
ORDER_FIELDS = tuple(name for name in FIELDS if name not in LINE_FIELDS
                     and name not in ("order_ref", "status"))
#: Order values an order to pack cannot do without (the postcode may be empty: some
#: countries have none).
REQUIRED_ORDER_VALUES = ("order_date", "customer_name", "address1", "city", "country")

# Shop statuses (WooCommerce, PrestaShop, Shopify, in English and French), folded.
_FULFILLED_STATUSES = {
    "fulfilled", "shipped", "completed", "complete", "delivered", "expediee", "expedie",
    "envoyee", "envoye", "livree", "livre", "terminee", "termine",
}
_CANCELLED_STATUSES = {
    "cancelled", "canceled", "refunded", "voided", "annulee", "annule", "remboursee",
    "rembourse", "remboursement", "failed", "echouee", "echec", "expired", "trash",
}
# Orders the shop says were never paid (WooCommerce's "pending payment", a draft).
_UNPAID_STATUSES = {
    "unpaid", "pending payment", "pending-payment", "checkout-draft", "draft",
    "en attente de paiement", "attente de paiement",
}
# Payment words (Shopify's Financial Status, WooCommerce's and PrestaShop's), folded.
_PAID = {"paid", "partially_refunded", "partially refunded", "payee", "paye",
         "paiement accepte", "complete", "completed", "captured", "settled"}
_AWAITING = {"pending", "authorized", "authorised", "partially_paid", "partially paid",
             "awaiting_payment", "awaiting payment", "unpaid", "en attente",
             "en attente de paiement", "autorise", "autorisee", "partiellement paye",
             "on-hold", "on hold"}
_COD_WORDS = ("cash on delivery", "cash_on_delivery", "contre-remboursement",
              "contre remboursement", "paiement a la livraison", "cod")
_REVERSED = {"refunded", "voided", "expired", "rembourse", "remboursee", "annule",
             "annulee"}
# Shipping methods that are no carrier: the customer collects the parcel, or the shop
# takes it round itself (Shopify's and WooCommerce's local pickup, French wordings).
_STORE_PICKUP_WORDS = ("retrait en magasin", "retrait en boutique", "retrait magasin",
                       "retrait boutique", "click & collect", "click and collect",
                       "click&collect", "click-and-collect", "collect from", "collect in store",
                       "local pickup", "local_pickup", "pickup in store", "pick up in store",
                       "in-store pickup", "store pickup", "shop pickup", "pickup at",
                       "a retirer", "retrait sur place", "retrait au", "enlevement")
_LOCAL_DELIVERY_WORDS = ("livraison locale", "local delivery", "local_delivery",
                         "livraison a domicile par la boutique", "coursier")


@dataclass
class FieldRecord:
    """One row expressed in generic field names (raw text), with its file line."""

    line: int
    values: Mapping[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name) or ""


def parse_generic(path: str | Path) -> ParsedFile:
    """Read a generic order CSV. Raises InputError only if the file cannot be opened."""
    table = read_table(path)
    return parse_generic_table(table)


def parse_generic_table(table: CsvTable) -> ParsedFile:
    parsed = ParsedFile(table.path, FORMAT, table.encoding, table.delimiter,
                        errors=list(table.errors))
    if not table.headers:
        return parsed
    header_error = check_generic_header(table)
    if header_error:
        parsed.errors.append(header_error)
        return parsed
    records = (FieldRecord(record.line, record.values) for record in table.records)
    orders, errors = build_orders(records, path=table.path, source=FORMAT)
    parsed.orders = orders
    parsed.rows = table.row_count
    parsed.errors = sorted(table.errors + errors, key=lambda error: error.line)
    return parsed


def check_generic_header(table: CsvTable) -> RowError | None:
    keys = table.keys
    if "order_ref" not in keys and not keys & set(IDENTITY_COLUMNS):
        return RowError(table.path, table.header_line, "csv.unknown_header",
                        {"expected": ", ".join(GENERIC_COLUMNS)})
    missing = [name for name in REQUIRED_COLUMNS if name not in keys]
    if not keys & set(IDENTITY_COLUMNS):
        missing.append("sku / ean")
    if missing:
        return RowError(table.path, table.header_line, "csv.missing_columns",
                        {"columns": ", ".join(missing)})
    duplicates = [name for name in table.duplicate_headers if header_key(name) in FIELDS]
    if duplicates:
        return RowError(table.path, table.header_line, "csv.duplicate_columns",
                        {"columns": ", ".join(duplicates)})
    return None


# --- Building orders from rows -------------------------------------------------------

@dataclass(slots=True)
class _Value:
    parsed: object
    raw: str
    line: int


@dataclass(slots=True)
class _OrderDraft:
    """An order while its rows are read. A big file holds every order's draft until its
    end (rows of one order may be apart), so it keeps little: the parsed values, and the
    raw text and line of a value only where they differ from the value and the order's."""

    ref: str
    line: int
    values: dict[str, object] = field(default_factory=dict)
    lines: list[ImportedLine] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    status: str = ""
    raws: dict[str, str] | None = None
    value_lines: dict[str, int] | None = None

    def keep(self, name: str, value: _Value) -> None:
        if name in self.values:
            return
        self.values[name] = value.parsed
        if value.raw != value.parsed:
            if self.raws is None:
                self.raws = {}
            self.raws[name] = value.raw
        if value.line != self.line:
            if self.value_lines is None:
                self.value_lines = {}
            self.value_lines[name] = value.line

    def known(self, name: str) -> _Value | None:
        if name not in self.values:
            return None
        parsed = self.values[name]
        raw = self.raws.get(name) if self.raws else None
        line = self.value_lines.get(name) if self.value_lines else None
        return _Value(parsed, raw if raw is not None else str(parsed),
                      line if line is not None else self.line)


def build_orders(
    records: Iterable[FieldRecord],
    *,
    path: str,
    source: str,
    options: CellReadOptions = CellReadOptions(),
    label: Callable[[str], str] = str,
    first_row_wins: bool = False,
    name_identifies: bool = False,
) -> tuple[list[ImportedOrder] | OrderList, list[RowError]]:
    """Group rows into orders, validating each; returns the clean orders and the errors.

    ``label`` names a generic field the way the file's header does, so that a message
    about a file read through a profile speaks of the merchant's own column.
    ``first_row_wins``: the order's values are those of its first row, and a later row
    only fills what the first left empty, never conflicts (Shopify writes ``Phone`` on
    every row, ``Shipping Phone`` on the first only). ``name_identifies``: a line with
    neither SKU nor barcode is named by its product name (matched to a product at import;
    packed by confirming it or by linking a barcode at the table).
    """
    # Rows of one order usually follow each other: an order is built as soon as a row of
    # another one comes, so a big file never holds more than a draft or two. A row that
    # comes back to a built order reopens it (rows may be apart in a generic file).
    drafts: dict[str, _OrderDraft] = {}
    # By first row: an order's index in ``orders``, its draft when refused, None meanwhile.
    built: dict[str, int | _OrderDraft | None] = {}
    # A big file's orders are kept compact (an OrderList) once there are many of them.
    orders: list[ImportedOrder | None] | OrderList = []
    errors: list[RowError] = []
    current = None

    def close(ref: str) -> None:
        nonlocal orders
        draft = drafts.pop(ref)
        done = built.get(ref)
        if isinstance(done, _OrderDraft):
            return                      # refused already: its errors are in the draft
        order = _finish(draft, path=path, source=source, label=label,
                        name_identifies=name_identifies)
        if order is None:
            built[ref] = draft
            if done is not None:
                orders[done] = None     # built, then refused by a later row
        elif done is not None:
            orders[done] = order        # reopened: written back in its place
        else:
            if isinstance(orders, list) and len(orders) >= _COMPACT_ABOVE:
                orders = OrderList(orders)
            orders.append(order)
            built[ref] = len(orders) - 1

    def row_error(line: int, exc: InputError) -> RowError:
        params = dict(exc.params)
        if "field" in params:
            params["field"] = label(str(params["field"]))
        return RowError(path, line, exc.key, params)

    for record in records:
        ref = fields.strip_text_prefix(record.get("order_ref").strip())
        if not ref:
            errors.append(RowError(path, record.line, "csv.missing_ref",
                                   {"field": label("order_ref")}))
            continue
        if ref != current and current in drafts:
            close(current)
        current = ref
        draft = drafts.get(ref)
        if draft is None:
            done = built.get(ref)
            if isinstance(done, _OrderDraft):
                draft = done
            elif done is not None:
                draft = _reopen(orders[done])
            else:
                draft = _OrderDraft(ref, record.line)
                built[ref] = None
            drafts[ref] = draft
        draft.status = draft.status or record.get("status").strip()

        row_errors: list[RowError] = []
        values: dict[str, _Value] = {}
        cells = record.values
        for name in ORDER_FIELDS:
            raw = cells.get(name)
            if not raw or raw.isspace():
                continue
            try:
                values[name] = _Value(_order_value(name, raw, options), raw.strip(), record.line)
            except InputError as exc:
                row_errors.append(row_error(record.line, exc))
        try:
            line = _line(record, options)
        except _RowErrors as exc:
            row_errors.extend(row_error(record.line, error) for error in exc.errors)
        if row_errors:
            draft.errors.extend(row_errors)
            continue

        conflicts = [] if first_row_wins else [
            RowError(path, record.line, "csv.conflict", {
                "ref": ref, "field": label(name), "first": known.raw,
                "first_line": known.line, "value": value.raw,
            })
            for name, value in values.items()
            if (known := draft.known(name)) is not None
            and _comparable(known.parsed) != _comparable(value.parsed)
        ]
        if conflicts:
            draft.errors.extend(conflicts)
            continue
        for name, value in values.items():
            draft.keep(name, value)
        draft.lines.append(line)

    for ref in list(drafts):
        close(ref)
    for done in built.values():
        if isinstance(done, _OrderDraft):
            errors.extend(done.errors)
    del built
    if isinstance(orders, OrderList):
        orders = orders.compacted()
    else:
        orders = [order for order in orders if order is not None]
    errors.sort(key=lambda error: error.line)
    return orders, errors


#: Orders of a file kept as objects; beyond, compact (an OrderList: bounded memory).
_COMPACT_ABOVE = 2_000

_STATUS_OF_SKIP = {SKIP_FULFILLED: "fulfilled", SKIP_CANCELLED: "cancelled",
                   SKIP_UNPAID: "unpaid"}
_GIVEN: dict[frozenset, frozenset] = {}   # one copy of each set of given fields


def _given(names) -> frozenset:
    key = frozenset(names)
    return _GIVEN.setdefault(key, key)


def _reopen(order: ImportedOrder) -> _OrderDraft:
    """The draft of a built order again, for a row of it that came later in the file."""
    address = order.address
    known = {
        "order_date": order.ordered_at, "carrier": order.carrier, "service": order.service,
        "customer_name": order.customer_name, "company": address.company,
        "address1": address.address1, "address2": address.address2,
        "postcode": address.postcode, "city": address.city, "region": address.region,
        "country": address.country, "phone": address.phone, "email": address.email,
        "currency": order.currency, "note": order.note, "risk": order.risk,
        "tracking": order.tracking, "external_id": order.external_id,
        "billing_country": order.billing_country, "total": order.total,
        "payment": order.payment, "delivery": order.delivery,
        "pickup_point": order.pickup_point,
    }
    draft = _OrderDraft(order.ref, order.line, lines=list(order.lines),
                        status=_STATUS_OF_SKIP.get(order.skip_reason, ""))
    draft.values = {name: known[name] for name in order.given if name in known}
    return draft


class _RowErrors(Exception):
    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(errors)
        self.errors = errors


# Order values that many orders share: one copy of each in memory.
_REPEATED = {"carrier", "city", "region", "currency", "pickup_point"}


def _order_value(name: str, raw: str, options: CellReadOptions) -> object:
    text = raw.strip()
    if name == "order_date":
        return fields.parse_datetime(text, timezone=options.timezone,
                                     date_format=options.date_format)
    if name in ("country", "billing_country"):
        return fields.parse_country(text, field=name)
    if name == "currency":
        return fields.parse_currency(text)
    if name == "total":
        return fields.parse_decimal(text, field=name, decimal_mark=options.decimal_mark)
    if name == "postcode":
        return sys.intern(fields.strip_text_prefix(text))
    if name == "phone":
        return fields.strip_text_prefix(text)
    if name in ("service", "risk", "payment", "delivery"):
        return sys.intern(text.casefold())
    if name in _REPEATED:
        return sys.intern(text)
    return text


def _comparable(value: object) -> object:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


def _line(record: FieldRecord, options: CellReadOptions) -> ImportedLine:
    """The order line of a row; raises _RowErrors with every problem found in it."""
    problems: list[InputError] = []

    def attempt(parse: Callable[[], object], default: object = None) -> object:
        try:
            return parse()
        except InputError as exc:
            problems.append(exc)
            return default

    quantity = attempt(lambda: fields.parse_quantity(record.get("quantity")), 0)
    codes = attempt(lambda: fields.parse_codes_shared(record.get("ean")), ())
    unit_price = attempt(lambda: fields.parse_decimal(
        record.get("unit_price"), field="unit_price", decimal_mark=options.decimal_mark))
    weight_g = attempt(lambda: fields.parse_weight_g(
        record.get("weight_g"), unit=options.weight_unit, decimal_mark=options.decimal_mark))
    requires_shipping = attempt(lambda: fields.parse_bool(
        record.get("requires_shipping"), field="requires_shipping"), True)
    origin = record.get("origin_country").strip()
    origin_country = attempt(lambda: fields.parse_country(origin, field="origin_country"),
                             "") if origin else ""
    if problems:
        raise _RowErrors(problems)
    return ImportedLine(
        line=record.line,
        sku=sys.intern(fields.strip_text_prefix(record.get("sku").strip())),
        name=sys.intern(record.get("product_name").strip()),
        quantity=quantity,
        codes=codes,
        unit_price=unit_price,
        weight_g=weight_g,
        bin=sys.intern(record.get("bin").strip()),
        requires_shipping=requires_shipping,
        hs_code="".join(char for char in record.get("hs_code") if char.isalnum())[:20],
        origin_country=origin_country,
    )


def skip_reason_for_status(status: str) -> str:
    """Whether a shop's order status says the order is already sent or cancelled."""
    word = fields.fold(status)
    word = word.removeprefix("wc-")        # WooCommerce's internal status names
    if word in _FULFILLED_STATUSES:
        return SKIP_FULFILLED
    if word in _CANCELLED_STATUSES:
        return SKIP_CANCELLED
    if word in _UNPAID_STATUSES:
        return SKIP_UNPAID
    return ""


def payment_for(words: str) -> str:
    """How an order is paid, from a payment status or method as a shop writes it.

    "paid", "awaiting_payment" (pending, authorised, partly paid), "cod" (cash on
    delivery: paid to the carrier, never awaited), "refunded" (a refund or a void: the
    order is not to pack), or "" when the words say nothing known.
    """
    word = fields.fold(words)
    if not word:
        return ""
    if any(cod == word or (len(cod) > 3 and cod in word) for cod in _COD_WORDS):
        return PAYMENT_COD
    if word in _REVERSED:
        return "refunded"
    if word in _PAID:
        return PAYMENT_PAID
    if word in _AWAITING:
        return PAYMENT_AWAITING
    return ""


def delivery_for(method: str) -> str:
    """"store_pickup" or "local_delivery" when a shipping method names no carrier."""
    word = fields.fold(method)
    if not word:
        return DELIVERY_SHIPPING
    if word in (DELIVERY_STORE_PICKUP, DELIVERY_LOCAL, DELIVERY_SHIPPING):
        return word
    if any(phrase in word for phrase in _STORE_PICKUP_WORDS):
        return DELIVERY_STORE_PICKUP
    if any(phrase in word for phrase in _LOCAL_DELIVERY_WORDS):
        return DELIVERY_LOCAL
    return DELIVERY_SHIPPING


def infer_service(carrier: str) -> str:
    """The service of an order whose file gives none: express if the method says so."""
    return "express" if "express" in fields.fold(carrier) else "standard"


def _finish(draft: _OrderDraft, *, path: str, source: str, label: Callable[[str], str],
            name_identifies: bool = False) -> ImportedOrder | None:
    if draft.errors and not draft.lines:
        return None
    skip_reason = skip_reason_for_status(draft.status)
    known_payment = draft.known("payment")
    payment = payment_for(known_payment.raw) if known_payment is not None else ""
    if payment == "refunded":
        skip_reason, payment = skip_reason or SKIP_CANCELLED, ""
    if not skip_reason and draft.lines and not any(line.requires_shipping for line in draft.lines):
        skip_reason = SKIP_NO_SHIPPING

    def value(name: str, default: object = "") -> object:
        return draft.values.get(name, default)

    # What it takes to pack and ship: checked only for orders that enter the queue, and
    # only if no row was rejected (a rejected row may be the one that held the values).
    carrier = value("carrier")
    delivery = delivery_for(value("delivery")) if value("delivery") else delivery_for(carrier)
    if skip_reason:
        required = ("order_date",)
    elif delivery == DELIVERY_STORE_PICKUP:
        required = ("order_date", "customer_name")   # collected at the shop: no address
    else:
        required = REQUIRED_ORDER_VALUES
    missing = [label(name) for name in required if name not in draft.values]
    if missing and not draft.errors:
        draft.errors.append(RowError(path, draft.line, "csv.order_missing_values",
                                     {"ref": draft.ref, "fields": ", ".join(missing)}))
    if not skip_reason:
        for line in draft.lines:
            if line.requires_shipping and not line.sku and not line.codes \
                    and not (name_identifies and line.name):
                draft.errors.append(RowError(path, line.line, "csv.missing_sku_and_ean", {
                    "sku": label("sku"), "ean": label("ean")}))
    if draft.errors:
        return None

    country = value("country")
    postcode = value("postcode")
    if country in ("FR", "MC") and len(postcode) == 4 and postcode.isdigit():
        # A spreadsheet read "01000" as the number 1000: French postcodes have 5 digits.
        postcode = "0" + postcode
    address = ImportedAddress(
        name=value("customer_name"), company=value("company"),
        address1=value("address1"), address2=value("address2"), postcode=postcode,
        city=value("city"), region=value("region"), country=country,
        phone=value("phone"), email=value("email"),
    )
    return ImportedOrder(
        ref=draft.ref,
        line=draft.line,
        source=source,
        external_id=value("external_id"),
        ordered_at=value("order_date"),
        carrier=carrier,
        service=value("service") or infer_service(carrier),
        customer_name=address.name,
        address=address,
        billing_country=value("billing_country"),
        currency=value("currency"),
        total=value("total", None),
        note=value("note"),
        risk=value("risk"),
        tracking=value("tracking"),
        lines=draft.lines,
        skip_reason=skip_reason,
        payment=payment,
        delivery=delivery,
        pickup_point=value("pickup_point"),
        given=_given(draft.values),
    )


i18n.register({
    "csv.unknown_header": (
        "En-tête non reconnu : ce n'est pas un fichier de commandes au format générique "
        "(colonnes attendues : {expected}).",
        "Unrecognised header: this is not an order file in the generic format "
        "(expected columns: {expected}).",
    ),
    "csv.missing_columns": (
        "Colonnes obligatoires absentes de l'en-tête : {columns}.",
        "Required columns missing from the header: {columns}.",
    ),
    "csv.duplicate_columns": (
        "Colonnes en double dans l'en-tête : {columns}.",
        "Duplicate columns in the header: {columns}.",
    ),
    "csv.missing_ref": (
        "Référence de commande manquante (colonne {field}).",
        "Missing order reference ({field} column).",
    ),
    "csv.missing_sku_and_ean": (
        "Ni {sku} ni {ean} : impossible de savoir quel article emballer.",
        "Neither {sku} nor {ean}: no way to tell which item to pack.",
    ),
    "csv.conflict": (
        "La commande {ref} a déjà {field} « {first} » (ligne {first_line}), cette ligne "
        "indique « {value} ».",
        "Order {ref} already has {field} \"{first}\" (line {first_line}), this row says "
        "\"{value}\".",
    ),
    "csv.order_missing_values": (
        "Commande {ref} : valeurs manquantes sur toutes ses lignes : {fields}.",
        "Order {ref}: values missing on all of its rows: {fields}.",
    ),
})
