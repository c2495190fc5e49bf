"""The shop's data as peewee models, bound to :data:`packstation.db.database.database`.

Every query written against these works on SQLite and PostgreSQL. Times are stored as
UTC and read back as aware datetimes; money as Decimal; weights as integer grams.
Addresses are kept exactly as written (no case folding, no transliteration).
"""

from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from packstation.core import i18n
from packstation.core.fulfilment import (  # noqa: F401  (the words Order keeps)
    DELIVERY_LOCAL, DELIVERY_SHIPPING, DELIVERY_STORE_PICKUP, PAYMENT_AWAITING, PAYMENT_COD,
    PAYMENT_PAID,
)
from packstation.db.database import database

UTC = dt.timezone.utc


def utcnow() -> dt.datetime:
    return dt.datetime.now(UTC)


class UtcDateTimeField(pw.DateTimeField):
    """An aware datetime stored as naive UTC, read back aware (UTC)."""

    def db_value(self, value):
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                raise ValueError(f"naive datetime given to {self.name}: {value!r}")
            value = value.astimezone(UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value):
        value = super().python_value(value)
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                return value.replace(tzinfo=UTC)
            return value.astimezone(UTC)
        return value


class JSONField(pw.TextField):
    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """One row: the schema version of this database."""

    version = pw.IntegerField()


class Setting(BaseModel):
    """Shop-wide settings shared by every table (JSON values)."""

    key = pw.CharField(primary_key=True, max_length=100)
    value = JSONField()
    updated_at = UtcDateTimeField(default=utcnow)


class Carrier(BaseModel):
    code = pw.CharField(unique=True, max_length=50)
    name = pw.CharField(max_length=100)
    definition = JSONField()  # core.carriers.to_document()
    updated_at = UtcDateTimeField(default=utcnow)


class Packer(BaseModel):
    badge = pw.CharField(unique=True, max_length=100)
    name = pw.CharField(max_length=100)
    active = pw.BooleanField(default=True)


class Station(BaseModel):
    name = pw.CharField(unique=True, max_length=100)
    last_seen = UtcDateTimeField(default=utcnow)
    packer = pw.CharField(max_length=100, default="")


class Product(BaseModel):
    sku = pw.CharField(unique=True, max_length=100)
    name = pw.CharField(max_length=500, default="")
    weight_g = pw.IntegerField(null=True)
    bin = pw.CharField(max_length=50, default="")
    # None: the shop does not track this product's stock (no shortage is ever computed).
    stock = pw.IntegerField(null=True, default=None)
    hs_code = pw.CharField(max_length=20, default="")          # customs (CN23), "" unknown
    origin_country = pw.CharField(max_length=2, default="")    # ISO alpha-2, "" unknown
    updated_at = UtcDateTimeField(default=utcnow)
    hs_code = pw.CharField(max_length=20, default="")        # customs tariff number
    origin_country = pw.CharField(max_length=2, default="")  # ISO 3166 alpha-2, customs


class Barcode(BaseModel):
    """A code that identifies a product; a multipack code counts ``units`` units."""

    code = pw.CharField(unique=True, max_length=100)
    product = pw.ForeignKeyField(Product, backref="barcodes", on_delete="CASCADE")
    units = pw.IntegerField(default=1)


class OrderStatus:
    PENDING = "pending"
    ON_HOLD = "on_hold"
    PACKING = "packing"
    PACKED = "packed"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    ALL = (PENDING, ON_HOLD, PACKING, PACKED, SHIPPED, CANCELLED)


# The words for each status, shown by the CLI, the window and the services' messages.
i18n.register({
    "status.pending": ("en attente", "pending"),
    "status.on_hold": ("bloquée", "on hold"),
    "status.packing": ("en préparation", "packing"),
    "status.packed": ("emballée", "packed"),
    "status.shipped": ("expédiée", "shipped"),
    "status.cancelled": ("annulée", "cancelled"),
})


class Order(BaseModel):
    ref = pw.CharField(unique=True, max_length=100)
    source = pw.CharField(max_length=50, default="generic")
    external_id = pw.CharField(max_length=100, default="")
    ordered_at = UtcDateTimeField()
    imported_at = UtcDateTimeField(default=utcnow)
    updated_at = UtcDateTimeField(default=utcnow)
    status = pw.CharField(max_length=20, default=OrderStatus.PENDING)
    carrier = pw.ForeignKeyField(Carrier, null=True, backref="orders", on_delete="SET NULL")
    shipping_method = pw.CharField(max_length=200, default="")  # as the shop wrote it
    service = pw.CharField(max_length=50, default="standard")
    express = pw.BooleanField(default=False)
    risk = pw.CharField(max_length=50, default="")
    hold_reason = pw.TextField(default="")  # as written: a person's words, or the rules' at import
    # A hold rule's reasons as messages ([{"key", "params"}], core.i18n.Message), shown in
    # the reader's language; NULL for a hold typed by a person and for rows before schema 6.
    hold_messages = JSONField(null=True)
    note = pw.TextField(default="")
    currency = pw.CharField(max_length=3, default="EUR")
    total = pw.DecimalField(max_digits=14, decimal_places=2, null=True, auto_round=True)
    customer_name = pw.CharField(max_length=300, default="")
    company = pw.CharField(max_length=300, default="")
    address1 = pw.CharField(max_length=500, default="")
    address2 = pw.CharField(max_length=500, default="")
    postcode = pw.CharField(max_length=30, default="")
    city = pw.CharField(max_length=200, default="")
    region = pw.CharField(max_length=200, default="")
    country = pw.CharField(max_length=2, default="")
    phone = pw.CharField(max_length=50, default="")
    email = pw.CharField(max_length=300, default="")
    billing_country = pw.CharField(max_length=2, default="")
    tracking = pw.CharField(max_length=100, null=True, unique=True)  # issued by the carrier
    pickup_point = pw.CharField(max_length=100, default="")  # the relay point the customer chose
    backorder_of = pw.CharField(max_length=100, default="")
    claimed_station = pw.CharField(max_length=100, null=True)
    claimed_packer = pw.CharField(max_length=100, null=True)
    claimed_at = UtcDateTimeField(null=True)
    heartbeat_at = UtcDateTimeField(null=True)
    # PAYMENT_*: "paid", "awaiting_payment" (pending, authorised...), "cod", or "" unknown.
    payment = pw.CharField(max_length=30, default="")
    # DELIVERY_*: "shipping" (a carrier's label), "store_pickup" or "local_delivery" (no
    # label, no tracking number: the parcel waits at the counter or goes out by hand).
    delivery = pw.CharField(max_length=20, default="shipping")
    pickup_point = pw.CharField(max_length=200, null=True)  # the relay point chosen
    # A big import's orders while it writes them (status "importing"): its token
    # (an ImportBatch's).
    import_batch = pw.CharField(max_length=20, null=True)

    class Meta:
        table_name = "orders"
        # The second: each carrier's pending orders in the queue's order, for the stock
        # walk (services.stock.pending_in_queue_order), schema 3.
        indexes = ((("status", "ordered_at"), False),
                   (("status", "carrier", "express", "ordered_at", "id"), False))


def awaits_payment(order: Order) -> bool:
    """Whether the shop still awaits the order's payment (pending, authorised, partly
    paid): marked in the queue and the order view. Cash on delivery is paid at the door,
    so it is never awaited here (its own PAYMENT_COD)."""
    return order.payment == PAYMENT_AWAITING


def needs_label(order: Order) -> bool:
    """Whether the order leaves with a carrier (a label and a tracking number); a store
    pickup or a local delivery is packed and verified, then waits at the counter."""
    return (order.delivery or DELIVERY_SHIPPING) == DELIVERY_SHIPPING


class OrderLine(BaseModel):
    order = pw.ForeignKeyField(Order, backref="lines", on_delete="CASCADE")
    position = pw.IntegerField()
    product = pw.ForeignKeyField(Product, null=True, backref="order_lines", on_delete="SET NULL")
    sku = pw.CharField(max_length=100)
    name = pw.CharField(max_length=500, default="")
    quantity = pw.IntegerField()
    verified = pw.IntegerField(default=0)
    confirmed_without_barcode = pw.IntegerField(default=0)
    unit_price = pw.DecimalField(max_digits=14, decimal_places=2, null=True, auto_round=True)
    weight_g = pw.IntegerField(null=True)
    bin = pw.CharField(max_length=50, default="")

    class Meta:
        indexes = ((("order", "position"), True),)


class Shipment(BaseModel):
    order = pw.ForeignKeyField(Order, backref="shipments", unique=True, on_delete="CASCADE")
    # The carrier's number; NULL for a parcel under the station's own label (none issued)
    # and for a store pickup or a local delivery (no carrier).
    tracking = pw.CharField(max_length=100, unique=True, null=True)
    weight_g = pw.IntegerField()
    parcels = pw.IntegerField(default=1)
    packer = pw.CharField(max_length=100, default="")
    station = pw.CharField(max_length=100, default="")
    packed_at = UtcDateTimeField(default=utcnow, index=True)  # the pace's latest (schema 3)
    packing_seconds = pw.FloatField(null=True)
    handed_over_at = UtcDateTimeField(null=True, index=True)
    manifest = pw.IntegerField(null=True)


class ScanRecord(BaseModel):
    """Every scan, stored as it happens (table ``scan``)."""

    at = UtcDateTimeField(default=utcnow)
    station = pw.CharField(max_length=100)
    packer = pw.CharField(max_length=100, default="")
    order = pw.ForeignKeyField(Order, null=True, backref="scans", on_delete="CASCADE")
    line = pw.ForeignKeyField(OrderLine, null=True, backref="scans", on_delete="SET NULL")
    raw = pw.CharField(max_length=500)
    code = pw.CharField(max_length=500, default="")
    outcome = pw.CharField(max_length=30)
    units = pw.IntegerField(default=0)
    # The station's id for the scan, chosen before its transaction: a scan whose answer
    # was lost with the connection is found again by it (schema 3).
    scan_id = pw.CharField(max_length=32, null=True, index=True)

    class Meta:
        table_name = "scan"
        indexes = ((("order", "at"), False),)


class Event(BaseModel):
    """The log: who did what to which order, when and why."""

    at = UtcDateTimeField(default=utcnow, index=True)
    station = pw.CharField(max_length=100, default="")
    packer = pw.CharField(max_length=100, default="")
    order = pw.ForeignKeyField(Order, null=True, backref="events", on_delete="CASCADE")
    kind = pw.CharField(max_length=50, index=True)
    reason = pw.TextField(default="")
    data = JSONField(null=True)


class PrintJob(BaseModel):
    """A document on its way to a printer or a folder; failed jobs stay for retry."""

    created_at = UtcDateTimeField(default=utcnow)
    updated_at = UtcDateTimeField(default=utcnow)
    station = pw.CharField(max_length=100, default="")
    order = pw.ForeignKeyField(Order, null=True, backref="print_jobs", on_delete="CASCADE")
    kind = pw.CharField(max_length=30)
    refs = JSONField(default=list)
    destination = JSONField()
    status = pw.CharField(max_length=20, default="queued", index=True)
    attempts = pw.IntegerField(default=0)
    last_error = pw.TextField(default="")
    spool_path = pw.TextField(default="")
    output = pw.TextField(default="")  # file written, or the printer's job id
    parcel = pw.IntegerField(null=True)  # a label of one parcel of a split order (schema 6)
    printed_at = UtcDateTimeField(null=True)


class Manifest(BaseModel):
    carrier = pw.ForeignKeyField(Carrier, backref="manifests", on_delete="CASCADE")
    created_at = UtcDateTimeField(default=utcnow)
    confirmed_at = UtcDateTimeField(null=True)
    station = pw.CharField(max_length=100, default="")
    parcels = pw.IntegerField(default=0)


class LabelStatus:
    WAITING = "waiting"   # due, or asked and refused: the carrier's words say why
    ASKING = "asking"     # a table is asking the carrier right now
    READY = "ready"       # received and stored: printing it never asks again
    ALL = (WAITING, ASKING, READY)


class CarrierLabel(BaseModel):
    """The carrier's label of an order's parcel, stored the moment it is received.

    One row per parcel of an order (schema 6; one per order before): a retry finds it and never buys a second label. ``external_id``
    is the carrier's own id for the shipment (Sendcloud's parcel id), kept as soon as the
    carrier has created it, so that a label bought but not yet downloaded is fetched, not
    bought again. No secret is ever stored here.
    """

    order = pw.ForeignKeyField(Order, backref="carrier_labels", on_delete="CASCADE")
    parcel = pw.IntegerField(default=1)  # the parcel's number, 1 for an order not split (schema 6)
    provider = pw.CharField(max_length=30)
    status = pw.CharField(max_length=20, default=LabelStatus.WAITING, index=True)
    tracking = pw.CharField(max_length=100, null=True)
    tracking_url = pw.TextField(default="")
    external_id = pw.TextField(default="")
    label_format = pw.CharField(max_length=10, default="pdf")  # pdf | zpl
    label_data = pw.BlobField(null=True)
    customs_data = pw.BlobField(null=True)  # the carrier's customs declaration, if apart (schema 9)
    carrier_message = pw.TextField(default="")  # the carrier's own words when it said no
    what_to_do = pw.TextField(default="")
    attempts = pw.IntegerField(default=0)
    created_at = UtcDateTimeField(default=utcnow)
    updated_at = UtcDateTimeField(default=utcnow)

    class Meta:
        indexes = ((("order", "parcel"), True),)


class Parcel(BaseModel):
    """One parcel of an order split at the table (schema 7), stored the moment it closes.

    An order packed in one parcel has no row here (its shipment is its parcel). ``units``
    maps each order line's id to the units packed in this parcel; ``tracking`` is the
    number the carrier issued for this parcel, NULL until then (or for an own label).
    """

    order = pw.ForeignKeyField(Order, backref="parcels", on_delete="CASCADE")
    number = pw.IntegerField()
    weight_g = pw.IntegerField()
    units = JSONField(default=dict)
    tracking = pw.CharField(max_length=100, unique=True, null=True)
    closed_at = UtcDateTimeField(default=utcnow)
    station = pw.CharField(max_length=100, default="")
    packer = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("order", "number"), True),)


class ImportBatch(BaseModel):
    """A big import under way (schema 8): its new orders are staged, status "importing"
    and its token in ``orders.import_batch``, invisible to every table.

    ``published_at`` is set in the one short transaction that decides the import: from
    then on the file is in, and its changes to known orders (ImportChange) and its staged
    orders are carried out a chunk at a time, by the import itself or, had it been killed
    on the way, by the next program that opens the shop.
    """

    token = pw.CharField(primary_key=True, max_length=20)
    path = pw.TextField(default="")
    station = pw.CharField(max_length=100, default="")
    started_at = UtcDateTimeField(default=utcnow)
    published_at = UtcDateTimeField(null=True)

    class Meta:
        table_name = "import_batch"


class ImportChange(BaseModel):
    """A change a big import decided (schema 8): to an order the shop already had (``kind``
    "update" of its fields and lines, "cancel" by the shop) or to a product ("product"
    fields and stock, a new "code", a code's "units"); or a note that it "created" a
    product. Written down while the import reads its file, applied after its decision, a
    chunk at a time, and deleted as it is applied (``change``: JSON, see
    services.importing). An import undone deletes the products it created."""

    batch = pw.CharField(max_length=20, index=True)   # the ImportBatch's token
    kind = pw.CharField(max_length=10)
    order = pw.ForeignKeyField(Order, null=True, on_delete="CASCADE")
    change = pw.TextField()

    class Meta:
        table_name = "import_change"


ALL_MODELS = [
    SchemaInfo, Setting, Carrier, Packer, Station, Product, Barcode, Order, OrderLine,
    Shipment, ScanRecord, Event, PrintJob, Manifest, CarrierLabel, Parcel, ImportBatch,
    ImportChange,
]
