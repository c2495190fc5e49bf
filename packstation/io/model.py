"""The plain data an import produces: orders, products and the rows that were rejected.

Importers fill these dataclasses and never touch the database; the services apply a
:class:`ParsedFile` in one transaction, or refuse it whole when it has errors. Money is
``Decimal``, weights are integer grams, times are aware datetimes, and every row keeps
the physical line number of the file it came from, so a merchant can find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from packstation.core import i18n
from packstation.core.scan import ProductCode
# How an order is paid and how it leaves (ImportedOrder.payment, .delivery).
from packstation.core.fulfilment import (  # noqa: F401
    DELIVERY_LOCAL, DELIVERY_SHIPPING, DELIVERY_STORE_PICKUP, PAYMENT_AWAITING, PAYMENT_COD,
    PAYMENT_PAID,
)

#: Why an order of the file is not to enter the packing queue.
SKIP_FULFILLED = "fulfilled"
SKIP_CANCELLED = "cancelled"
SKIP_NO_SHIPPING = "no_shipping"   # every line is a service, a gift card, a download...
SKIP_UNPAID = "unpaid"             # the shop says the order was never paid (WooCommerce "pending")



@dataclass(slots=True)   # a big file holds many: no __dict__ each
class RowError:
    """One rejected row (or the header, line 1): where, and a message key with parameters."""

    path: str
    line: int
    key: str
    params: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return i18n.tr(self.key, **self.params)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass(slots=True)   # a big file holds many: no __dict__ each
class ImportedAddress:
    name: str
    company: str
    address1: str
    address2: str
    postcode: str
    city: str
    region: str
    country: str          # ISO 3166 alpha-2, upper case
    phone: str
    email: str


@dataclass(slots=True)   # a big file holds many: no __dict__ each
class ImportedLine:
    line: int             # the file line of the row (the header is line 1)
    sku: str              # "" when the row named the product by its barcode only
    name: str
    quantity: int
    codes: tuple[ProductCode, ...] | list[ProductCode]   # a shared tuple, from the cell
    unit_price: Decimal | None
    weight_g: int | None
    bin: str
    requires_shipping: bool = True   # False: a service or an item already sent, not packed
    hs_code: str = ""                # customs, for the product
    origin_country: str = ""


@dataclass(slots=True)   # a big file holds many: no __dict__ each
class ImportedOrder:
    ref: str
    line: int             # the line of the order's first row
    source: str           # "generic", "shopify" or the name of a column-mapping profile
    external_id: str
    ordered_at: datetime  # aware
    carrier: str          # the shipping method as the shop wrote it
    service: str          # "standard", "express" or as given, lower case
    customer_name: str
    address: ImportedAddress
    billing_country: str
    currency: str         # ISO 4217, upper case; "" when the file does not say
    total: Decimal | None
    note: str
    risk: str             # "", "low", "medium", "high"... lower case
    tracking: str         # a carrier tracking number the shop already has, "" if none
    lines: list[ImportedLine]
    skip_reason: str = ""  # SKIP_*: the order is known but must not enter the queue
    payment: str = ""      # PAYMENT_* or "" when the file does not say
    delivery: str = DELIVERY_SHIPPING
    pickup_point: str = ""  # the relay point the customer chose, "" for home delivery
    given: frozenset = frozenset()  # the fields the file gave (shared), to reopen it


@dataclass(slots=True)   # a big file holds many: no __dict__ each
class ImportedProduct:
    line: int
    sku: str
    name: str
    codes: list[ProductCode]
    weight_g: int | None
    stock: int | None     # may be negative: a shop platform that oversold says so
    bin: str
    hs_code: str = ""
    origin_country: str = ""
    # Other names order lines give the product (Shopify's "Title - Variant").
    aliases: tuple[str, ...] = ()


@dataclass
class ParsedFile:
    """Everything read from one file. Orders with a rejected row are left out of ``orders``."""

    path: str
    format: str
    encoding: str
    delimiter: str
    orders: list[ImportedOrder] = field(default_factory=list)
    products: list[ImportedProduct] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # rows left out, file imports
    rows: int = 0         # data rows read (blank lines not counted)

    @property
    def ok(self) -> bool:
        return not self.errors
