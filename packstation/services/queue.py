"""The packing queue: orders in the order a packer should work them.

The rule lives in :mod:`packstation.core.priority`; here it becomes one SQL ordering so
that the queue of a 100,000-order database pages without loading it: carriers are few,
so each carrier's next pickup is computed in Python and turned into a rank that the
database sorts by (``CASE carrier_id WHEN …``), then express first, then oldest.
"""

from __future__ import annotations

import datetime as dt
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
    """The most urgent orders that can be opened now, leaving out those in ``short``."""
    query = queue(now, statuses=(OrderStatus.PENDING,))
    if short:
        query = query.where(Order.id.not_in(sorted(short)))
    return list(query.limit(limit).offset(offset))


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
