"""Per carrier: the next pickup, the work left and whether it fits (the countdown banner
and ``packstation pickups``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from packstation.core import pickups as rules
from packstation.db.models import Carrier, Order, OrderStatus, Shipment
from packstation.services.carriers import schedule_of

PACE_SAMPLES = 30


@dataclass
class CarrierProjection:
    carrier: str
    name: str
    projection: rules.Projection
    summary: str

    def to_json(self) -> dict:
        p = self.projection
        return {
            "carrier": self.carrier,
            "name": self.name,
            "next_pickup": p.next_pickup.isoformat() if p.next_pickup else None,
            "seconds_left": round(p.seconds_left) if p.seconds_left is not None else None,
            "orders_left": p.orders_left,
            "blocked": p.blocked,
            "pace_seconds_per_order": round(p.pace_seconds, 1),
            "work_seconds": round(p.work_seconds),
            "projected_finish": p.projected_finish.isoformat(),
            "on_track": p.on_track,
            "orders_missing": p.orders_missing,
            "state": p.state,
            "summary": self.summary,
        }


def recent_packing_seconds(limit: int = PACE_SAMPLES) -> list[float]:
    """The packing durations of the newest shipments, newest first."""
    query = (Shipment.select(Shipment.packing_seconds)
             .where(Shipment.packing_seconds.is_null(False))
             .order_by(Shipment.packed_at.desc()).limit(limit * 2))
    return [row.packing_seconds for row in query]


def _counts() -> dict[tuple[int | None, str], int]:
    query = (Order.select(Order.carrier, Order.status, pw.fn.COUNT(Order.id).alias("n"))
             .where(Order.status.in_([OrderStatus.PENDING, OrderStatus.PACKING, OrderStatus.ON_HOLD]))
             .group_by(Order.carrier, Order.status).tuples())
    return {(carrier, status): n for carrier, status, n in query}


def carrier_projections(now: dt.datetime, *, packers: int = 1, language: str | None = None,
                        short: set[int] | None = None) -> list[CarrierProjection]:
    """Every carrier's projection, the one whose pickup comes first first.

    ``short`` is the set of orders short of stock when the caller has it already
    (the allocation walks the whole queue: the window computes it once per refresh).
    """
    from packstation.services.stock import short_orders

    pace = rules.pace_seconds(recent_packing_seconds())
    counts = _counts()
    if short is None:
        short = short_orders(now)
    short_by_carrier: dict[int | None, int] = {}
    if short:
        for carrier_id, in Order.select(Order.carrier).where(Order.id.in_(list(short))).tuples():
            short_by_carrier[carrier_id] = short_by_carrier.get(carrier_id, 0) + 1
    result = []
    for carrier in Carrier.select().order_by(Carrier.id):
        schedule = schedule_of(carrier)
        ready = counts.get((carrier.id, OrderStatus.PENDING), 0) - short_by_carrier.get(carrier.id, 0)
        left = ready + counts.get((carrier.id, OrderStatus.PACKING), 0)
        blocked = counts.get((carrier.id, OrderStatus.ON_HOLD), 0) + short_by_carrier.get(carrier.id, 0)
        projection = rules.project(schedule, now.astimezone(schedule.zone), left, blocked, pace,
                                   packers)
        result.append(CarrierProjection(carrier.code, carrier.name, projection,
                                        rules.describe(projection, carrier.name, language)))
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    result.sort(key=lambda item: (item.projection.next_pickup or far, item.carrier))
    return result
