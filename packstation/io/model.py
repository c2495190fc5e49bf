"""The plain data an import produces: orders, products and the rows that were rejected.

Importers fill these dataclasses and never touch the database; the services apply a
:class:`ParsedFile` in one transaction, or refuse it whole when it has errors. Money is
``Decimal``, weights are integer grams, times are aware datetimes, and every row keeps
the physical line number of the file it came from, so a merchant can find it.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable, Iterator, Sequence
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
    orders: list[ImportedOrder] | OrderList = field(default_factory=list)  # OrderList: big
    products: list[ImportedProduct] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # rows left out, file imports
    rows: int = 0         # data rows read (blank lines not counted)

    @property
    def ok(self) -> bool:
        return not self.errors


class OrderList(Sequence):
    """The orders of a big file, kept compact: blocks of orders pickled and compressed.

    A million-line file is some 330,000 orders; as Python objects they would take about
    400 MB. Here each block of :data:`BLOCK` orders is a few kilobytes of bytes, and only
    the block being filled and the last block read are objects. It reads like a list
    (``len``, indexes, slices, iteration); an order taken out of it is a copy, so a change
    to it is kept only by writing it back (``orders[i] = order``) or through
    :meth:`editing`. ``None`` may stand for an order taken out (see :meth:`compacted`).
    """

    BLOCK = 256

    def __init__(self, orders: Iterable[ImportedOrder | None] = ()) -> None:
        self._blocks: list[bytes] = []
        self._tail: list[ImportedOrder | None] = []
        self._cached: tuple[int, list] | None = None   # (block number, its orders)
        self._holes = 0
        for order in orders:
            self.append(order)

    def __len__(self) -> int:
        return len(self._blocks) * self.BLOCK + len(self._tail)

    def append(self, order: ImportedOrder | None) -> int:
        """Add an order; returns its index."""
        self._tail.append(order)
        if order is None:
            self._holes += 1
        if len(self._tail) == self.BLOCK:
            self._blocks.append(_pack(self._tail))
            self._tail = []
        return len(self) - 1

    def _block(self, number: int) -> list:
        if number == len(self._blocks):
            return self._tail
        if self._cached is None or self._cached[0] != number:
            self._cached = (number, _unpack(self._blocks[number]))
        return self._cached[1]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._block(index // self.BLOCK)[index % self.BLOCK]

    def __setitem__(self, index: int, order: ImportedOrder | None) -> None:
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number = index // self.BLOCK
        block = self._block(number)
        self._holes += (order is None) - (block[index % self.BLOCK] is None)
        block[index % self.BLOCK] = order
        if number < len(self._blocks):
            self._blocks[number] = _pack(block)

    def __iter__(self) -> Iterator[ImportedOrder | None]:
        for number in range(len(self._blocks) + 1):
            yield from list(self._block(number))

    def editing(self) -> Iterator[ImportedOrder | None]:
        """Every order, for changing it in place: each block is written back once its
        orders have been given."""
        for number in range(len(self._blocks)):
            block = _unpack(self._blocks[number])
            yield from block
            self._blocks[number] = _pack(block)
            self._cached = None
        yield from self._tail

    def compacted(self) -> "OrderList":
        """The same orders without the ``None`` holes."""
        if not self._holes:
            return self
        return OrderList(order for order in self if order is not None)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, OrderList)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"OrderList({len(self)} orders)"


def editing_orders(orders: Sequence[ImportedOrder]) -> Iterable[ImportedOrder]:
    """The orders of a parsed file, for changing them in place (a list or an OrderList)."""
    return orders.editing() if isinstance(orders, OrderList) else orders


def _pack(orders: list) -> bytes:
    return zlib.compress(pickle.dumps(orders, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(data: bytes) -> list:
    return pickle.loads(zlib.decompress(data))
