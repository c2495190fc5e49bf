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


def queue_order_by(ranks: dict[int, CarrierRank]) -> list:
    """The ORDER BY of the queue: blocked last, earliest pickup, express, oldest, ref."""
    blocked = pw.Case(None, [(Order.status == OrderStatus.ON_HOLD, 1)], 0)
    if ranks:
        rank = pw.Case(Order.carrier, [(cid, r.rank) for cid, r in ranks.items()],
                       1 + max(r.rank for r in ranks.values()))
    else:
        rank = pw.Value(0)
    # The last key is the id (import order) rather than core.priority's natural ref order,
    # which SQL cannot express; it only decides between orders placed at the same second.
    return [blocked, rank, Order.express.desc(), Order.ordered_at, Order.id]


def queue(now: dt.datetime | None = None, *, statuses=QUEUE_STATUSES, carrier_id: int | None = None,
          search: str = "") -> pw.ModelSelect:
    """The queue as a query (page it with ``.paginate`` or ``.limit/.offset``)."""
    now = now or utcnow()
    query = Order.select().where(Order.status.in_(list(statuses)))
    if carrier_id is not None:
        query = query.where(Order.carrier == carrier_id)
    if search:
        pattern = f"%{search}%"
        query = query.where(Order.ref.contains(search) | Order.customer_name ** pattern
                            | Order.city ** pattern | (Order.tracking == search))
    return query.order_by(*queue_order_by(carrier_ranks(now)))


def ready_orders(limit: int = 50, now: dt.datetime | None = None) -> list[Order]:
    """The most urgent orders that can be opened now."""
    return list(queue(now, statuses=(OrderStatus.PENDING,)).limit(limit))
