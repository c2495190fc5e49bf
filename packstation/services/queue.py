"""The packing queue: orders in the order a packer should work them.

The rule lives in :mod:`packstation.core.priority`; here it becomes one SQL ordering so
that the queue of a 100,000-order database pages without loading it: carriers are few,
so each carrier's next pickup is computed in Python and turned into a rank that the
database sorts by (``CASE carrier_id WHEN …``), then express first, then oldest.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import defaultdict
from dataclasses import dataclass

import peewee as pw

from packstation.core.pickups import next_pickup
from packstation.db.models import Order, OrderStatus, utcnow
from packstation.services.carriers import load_schedules

#: The states that stand in the queue: ready first, then what blocks.
QUEUE_STATUSES = (OrderStatus.PENDING, OrderStatus.PACKING, OrderStatus.ON_HOLD)


@dataclass(frozen=True)
class CarrierRank:
    carrier_id: int
    rank: int
    next_pickup: dt.datetime | None


def carrier_ranks(now: dt.datetime) -> dict[int, CarrierRank]:
    """Each carrier's next pickup and its rank (0 = comes first; no pickup = last)."""
    pickups = {carrier_id: next_pickup(schedule, now)
               for carrier_id, schedule in load_schedules().items()}
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    # Carriers whose pickups fall at the same instant share a rank, so that express and
    # age decide between their orders, as core.priority says.
    instants = sorted({pickups[cid] or far for cid in pickups})
    rank_of = {instant: rank for rank, instant in enumerate(instants)}
    return {cid: CarrierRank(cid, rank_of[pickups[cid] or far], pickups[cid]) for cid in pickups}


#: Beyond this many orders short of stock, the queue does not sort them apart (a long IN).
MAX_SHORT_SORTED = 5000


def queue_order_by(ranks: dict[int, CarrierRank], short: set[int] | frozenset[int] = frozenset()) -> list:
    """The ORDER BY of the queue: blocked last (short of stock, then on hold), earliest
    pickup, express, oldest, ref."""
    cases = [(Order.status == OrderStatus.ON_HOLD, 2)]
    if short and len(short) <= MAX_SHORT_SORTED:
        cases.append((Order.id.in_(sorted(short)), 1))
    blocked = pw.Case(None, cases, 0)
    if ranks:
        rank = pw.Case(Order.carrier, [(cid, r.rank) for cid, r in ranks.items()],
                       1 + max(r.rank for r in ranks.values()))
    else:
        rank = pw.Value(0)
    # The last key is the id (import order) rather than core.priority's natural ref order,
    # which SQL cannot express; it only decides between orders placed at the same second.
    return [blocked, rank, Order.express.desc(), Order.ordered_at, Order.id]


def queue(now: dt.datetime | None = None, *, statuses=QUEUE_STATUSES, carrier_id: int | None = None,
          search: str = "", short: set[int] | frozenset[int] = frozenset()) -> pw.ModelSelect:
    """The queue as a query (page it with ``.paginate`` or ``.limit/.offset``); ``short``,
    the orders short of stock (services.stock), go after the ready ones."""
    now = now or utcnow()
    query = Order.select().where(Order.status.in_(list(statuses)))
    if carrier_id is not None:
        query = query.where(Order.carrier == carrier_id)
    if search:
        pattern = f"%{search}%"
        query = query.where(Order.ref.contains(search) | Order.customer_name ** pattern
                            | Order.city ** pattern | (Order.tracking == search))
    return query.order_by(*queue_order_by(carrier_ranks(now), short))


def ready_orders(limit: int = 50, now: dt.datetime | None = None, *,
                 short: set[int] | frozenset[int] = frozenset(), offset: int = 0) -> list[Order]:
    """The most urgent orders that can be opened now, leaving out those in ``short`` (F2
    reads the first ones: from the index, not by sorting every pending order)."""
    ids = list(itertools.islice((order_id for order_id in pending_in_queue_order(now)
                                 if order_id not in short), offset, offset + limit))
    by_id = {order.id: order for order in Order.select().where(Order.id.in_(ids))} if ids else {}
    return [by_id[order_id] for order_id in ids if order_id in by_id]


def queue_ids(now: dt.datetime | None = None, *, statuses=QUEUE_STATUSES, carrier_id: int | None = None,
              short: set[int] | frozenset[int] = frozenset(), offset: int = 0,
              limit: int = 200) -> list[int]:
    """The ids of ``queue(now, statuses=…, carrier_id=…, short=…)[offset:offset + limit]``,
    in the same order, read from the index rather than by sorting every order in the queue.

    The window's first pages come from here: ``queue()``'s ORDER BY costs a sort of every
    pending order (about 50 ms at 100,000), these reads a few index pages. The order is
    the queue's, key for key: orders that flow (pending, packing) by carrier rank, express,
    age and id; then the orders short of stock (when few enough to be sorted apart, as
    :func:`queue_order_by` does); then those on hold. Reading deep (a large ``offset``)
    walks the index down to it: past a few thousand rows, ``queue()`` is cheaper.
    """
    stream = _queue_stream(now or utcnow(), tuple(statuses), carrier_id, short)
    return list(itertools.islice(stream, offset, offset + limit))


def _queue_stream(now: dt.datetime, statuses: tuple, carrier_id: int | None,
                  short: set[int] | frozenset[int]):
    ranks = carrier_ranks(now)
    apart = bool(short) and len(short) <= MAX_SHORT_SORTED
    flowing = [status for status in (OrderStatus.PENDING, OrderStatus.PACKING) if status in statuses]
    for order_id in _ranked_ids(ranks, flowing, carrier_id):
        if not (apart and order_id in short):
            yield order_id
    if apart and flowing:
        yield from _short_ids(ranks, flowing, carrier_id, short)
    if OrderStatus.ON_HOLD in statuses:
        held = Order.select(Order.id).where(Order.status == OrderStatus.ON_HOLD)
        if carrier_id is not None:
            held = held.where(Order.carrier == carrier_id)
        for (order_id,) in held.order_by(*queue_order_by(ranks)).tuples().iterator():
            yield order_id


def _ranked_ids(ranks: dict[int, CarrierRank], statuses: list[str], carrier_id: int | None,
                page: int = 16):
    """The ids of the orders in ``statuses`` (not on hold) in the queue's order, lazily
    (each carrier's index read ``page`` rows at first, in growing pages)."""
    if not statuses:
        return
    by_rank: dict[int, list[int]] = defaultdict(list)
    for cid, rank in ranks.items():
        if carrier_id is None or cid == carrier_id:
            by_rank[rank.rank].append(cid)
    for rank in sorted(by_rank):
        carriers = by_rank[rank]
        if len(carriers) == 1 and len(statuses) == 1:  # the index order is the queue's
            for express in (True, False):
                for _key, order_id in _carrier_stream(carriers[0], express, page, keyed=False,
                                                      status=statuses[0]):
                    yield order_id
            continue
        streams = [_carrier_stream(cid, express, page, keyed=True, status=status)
                   for cid in carriers for express in (True, False) for status in statuses]
        for _key, order_id in heapq.merge(*streams):
            yield order_id
    # Orders of no known carrier come last (as the queue's CASE puts them); few, sorted.
    if carrier_id is not None and carrier_id in ranks:
        return
    others = Order.status.in_(statuses)
    if carrier_id is not None:
        others &= Order.carrier == carrier_id
    else:
        unknown = Order.carrier.is_null(True)
        if ranks:
            unknown |= Order.carrier.not_in(list(ranks))
        others &= unknown
    rows = (Order.select(Order.id).where(others)
            .order_by(Order.express.desc(), Order.ordered_at, Order.id).tuples().iterator())
    for (order_id,) in rows:
        yield order_id


def _short_ids(ranks: dict[int, CarrierRank], statuses: list[str], carrier_id: int | None,
               short: set[int] | frozenset[int]) -> list[int]:
    """The orders of ``short`` still in ``statuses``, sorted by the queue's keys (at most
    MAX_SHORT_SORTED of them, read by id)."""
    last = 1 + max((r.rank for r in ranks.values()), default=0)
    keyed = []
    ids = sorted(short)
    for start in range(0, len(ids), 500):
        query = (Order.select(Order.id, Order.carrier, Order.express, Order.ordered_at)
                 .where(Order.id.in_(ids[start:start + 500]) & Order.status.in_(statuses)))
        if carrier_id is not None:
            query = query.where(Order.carrier == carrier_id)
        for order_id, cid, express, ordered_at in query.tuples():
            rank = ranks[cid].rank if cid in ranks else last
            keyed.append(((rank if ranks else 0), not express, ordered_at, order_id))
    return [key[-1] for key in sorted(keyed)]


def pending_in_queue_order(now: dt.datetime | None = None, page: int = 16):
    """The ids of the pending orders in the queue's order (services.queue), read lazily.

    The queue sorts by a CASE over carriers that no index can serve, so a first row costs
    sorting every pending order. Here each carrier's orders come from the index on
    (status, carrier, express, ordered_at, id) in growing pages, express ones first, and
    carriers that share a pickup rank are merged in Python: the first rows cost a few
    index reads (the same walk as :func:`queue_ids`, for the pending orders only).
    """
    return _ranked_ids(carrier_ranks(now or utcnow()), [OrderStatus.PENDING], None, page)


def _carrier_stream(carrier_id: int, express: bool, page: int, *, keyed: bool,
                    status: str = OrderStatus.PENDING):
    """((not express, ordered_at, id), id) of one carrier's orders in ``status`` (pending
    unless told), index-ordered
    (without ``keyed``, the key is None and ordered_at is not even read).

    Plain SQL, built once: these pages are read at every order opened, and building a
    peewee query costs more than running it. Within one rank only, ordered_at is compared
    as the database returns it (ISO text on SQLite, a timestamp on PostgreSQL): the same
    order as its ORDER BY.
    """
    db = Order._meta.database
    key = "ordered_at_sql" if keyed else "id_sql"
    sql = _STREAM_SQL.get((key, db.param))
    if sql is None:
        columns = '"ordered_at", "id"' if keyed else '"id"'
        sql = (f'SELECT {columns} FROM "orders" WHERE "status" = {db.param} AND "carrier_id" = '
               f'{db.param} AND "express" = {db.param} ORDER BY "ordered_at", "id" '
               f'LIMIT {db.param} OFFSET {db.param}')
        _STREAM_SQL[(key, db.param)] = sql
    offset = 0
    while True:
        rows = db.execute_sql(sql, (status, carrier_id, express, page, offset)).fetchall()
        for row in rows:
            yield ((not express, row[0], row[1]) if keyed else None), row[-1]
        if len(rows) < page:
            return
        offset += page
        page = min(page * 4, 4096)  # a long walk reads bigger pages


_STREAM_SQL: dict[tuple[str, str], str] = {}


def pickable_orders(limit: int, now: dt.datetime | None = None) -> tuple[list[Order], list[tuple[Order, dict]]]:
    """The next ``limit`` ready orders for a pick list, and apart, the orders short of stock
    that the queue has among them (each with {sku: units missing}), at most ``limit``."""
    from packstation.services.stock import shortages

    missing = shortages(now)
    ready = ready_orders(limit, now, short=set(missing))
    if not missing:
        return ready, []
    apart: list[tuple[Order, dict]] = []
    last = ready[-1].id if len(ready) == limit else None
    for order in queue(now, statuses=(OrderStatus.PENDING,)).limit(limit + len(missing)):
        if order.id == last or len(apart) == limit:
            break
        if order.id in missing:
            apart.append((order, missing[order.id]))
    return ready, apart
