"""Queries shared by the services: the event log, order look-ups and line states."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from packstation.core.packing import LineState
from packstation.db.models import Barcode, Event, Order, OrderLine, Parcel, Product, Shipment, utcnow


@dataclass(frozen=True)
class ParcelView:
    """One parcel of a packed order, as the manifest, the export and ``order --json`` show it."""

    number: int
    count: int
    weight_g: int
    tracking: str | None


def shipment_parcels(shipments: Sequence[Shipment]) -> dict[int, list[ParcelView]]:
    """Each shipment's parcels by order id (one query per 500 orders): a split order's stored parcels,
    else its one parcel (the shipment's weight and number)."""
    split: dict[int, list[Parcel]] = {}
    for parcel in select_in(Parcel.select().order_by(Parcel.order, Parcel.number), Parcel.order,
                            [s.order_id for s in shipments]):
        split.setdefault(parcel.order_id, []).append(parcel)
    views = {}
    for shipment in shipments:
        stored = split.get(shipment.order_id)
        views[shipment.order_id] = (
            [ParcelView(p.number, len(stored), p.weight_g, p.tracking) for p in stored] if stored
            else [ParcelView(1, 1, shipment.weight_g, shipment.tracking)])
    return views


def log_event(kind: str, *, order: Order | int | None = None, station: str = "", packer: str = "",
              reason: str = "", data: dict | None = None, at=None) -> Event:
    """One row of the log; call it inside the transaction of the change it records.

    ``at`` is the time of the change when the caller runs on its own clock (a station
    with an injected clock); the current time otherwise.
    """
    return Event.create(at=at or utcnow(), kind=kind, order=order, station=station or "",
                        packer=packer or "", reason=reason or "", data=data)


def find_order(forms: Iterable[str]) -> Order | None:
    """The order whose ref is the first of ``forms`` that names one."""
    forms = [form for form in dict.fromkeys(forms) if form]
    if not forms:
        return None
    found = {order.ref: order for order in Order.select().where(Order.ref.in_(forms))}
    for form in forms:
        if form in found:
            return found[form]
    return None


def line_states(order_id: int) -> list[LineState]:
    """The order's lines with every code of their products, in position order (2 queries)."""
    lines = list(OrderLine.select().where(OrderLine.order == order_id).order_by(OrderLine.position))
    product_ids = {line.product_id for line in lines if line.product_id}
    codes: dict[int, dict[str, int]] = {}
    if product_ids:
        for barcode in Barcode.select().where(Barcode.product.in_(product_ids)):
            codes.setdefault(barcode.product_id, {})[barcode.code] = barcode.units
    return [
        LineState(id=line.id, sku=line.sku, name=line.name, quantity=line.quantity,
                  verified=line.verified, bin=line.bin, codes=codes.get(line.product_id, {}))
        for line in lines
    ]


def product_for_code(forms: Iterable[str]) -> Product | None:
    """A product known by one of these codes or SKUs (to tell a wrong item from an unknown one)."""
    forms = [form for form in dict.fromkeys(forms) if form]
    if not forms:
        return None
    barcode = Barcode.select().where(Barcode.code.in_(forms)).first()
    if barcode is not None:
        return barcode.product
    return Product.select().where(Product.sku.in_(forms)).first()


def bulk_insert(model, rows: list[dict]) -> None:
    """Insert many rows with one prepared statement (``executemany``).

    Peewee's ``insert_many`` renders every value into one statement, which costs more
    than the insert itself for an import of thousands of lines; this keeps the field
    conversions (``db_value``) and works on SQLite and PostgreSQL alike.
    """
    if not rows:
        return
    from packstation.db.database import database

    given = set(rows[0])
    defaults = {field.name: field.default for field in model._meta.sorted_fields
                if field.name not in given and field.default is not None}
    fields = [model._meta.fields[name] for name in [*rows[0], *defaults]]
    db = database.obj
    def quoted(name: str) -> str:
        return db.quote[0] + name + db.quote[1]

    columns = ", ".join(quoted(field.column_name) for field in fields)
    params = ", ".join([db.param] * len(fields))
    sql = f"INSERT INTO {quoted(model._meta.table_name)} ({columns}) VALUES ({params})"
    names = [field.name for field in fields]
    converters = [_converter(field) for field in fields]
    given_names = [name for name in names if name in given]
    default_values = [(lambda d=defaults[name]: d() if callable(d) else d)
                      for name in names if name not in given]
    values = []
    for row in rows:
        cells = [row[name] if name in row else None for name in given_names]
        cells += [make() for make in default_values]
        values.append(tuple(convert(cell) for convert, cell in zip(converters, cells)))
    db.cursor().executemany(sql, values)


# Fields whose db_value only coerces to a type: a value already of that type (or None)
# goes as it is, which spares a big import millions of calls inside its transaction.
_PLAIN_TYPES = {"CharField": str, "TextField": str, "IntegerField": int,
                "BigIntegerField": int, "FloatField": float}


def _converter(field):
    expected = _PLAIN_TYPES.get(type(field).__name__)
    convert = field.db_value
    if expected is None:
        return lambda value: convert(_plain(value))
    return lambda value: value if value is None or type(value) is expected \
        else convert(_plain(value))


def _plain(value):
    """A model instance given for a foreign key stands for its id."""
    return getattr(value, "id", value) if hasattr(value, "_meta") else value


def select_in(source, column, values, size: int = 500):
    """Rows of ``source`` (a model or a query) whose ``column`` is in ``values``, asked
    ``size`` values at a time: SQLite bounds the parameters of one statement."""
    query = source.select() if isinstance(source, type) else source
    values = list(dict.fromkeys(values))
    for start in range(0, len(values), size):
        yield from query.where(column.in_(values[start:start + size]))
