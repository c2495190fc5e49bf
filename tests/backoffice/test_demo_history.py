"""``demo --history DAYS``: a shop as it is after months at the table — packed and shipped
orders with their lines, shipments, scans and events — built with bulk inserts."""

from __future__ import annotations

import datetime as dt

from peewee import fn

from packstation.db.models import Event, Order, OrderLine, OrderStatus, ScanRecord, Shipment
from packstation.services.demo import fill_demo, fill_history
from packstation.services.statistics import last_7_days, statistics_for

NOW = dt.datetime(2026, 11, 25, 17, 0, tzinfo=dt.timezone.utc)  # a Wednesday evening


def test_a_history_of_past_days_is_packed_shipped_scanned_and_logged(db):
    assert fill_demo(20, seed=2, now=NOW).ok
    report = fill_history(10, seed=2, per_day=30, now=NOW)
    history = Order.select().where(Order.ref.startswith("H"))
    assert report.orders == history.count() and 8 * 27 <= report.orders <= 9 * 36  # one Sunday off
    assert {order.status for order in history} == {OrderStatus.SHIPPED, OrderStatus.PACKED}
    yesterday = history.where(Order.status == OrderStatus.PACKED)
    assert all(order.ref.startswith("H261124") for order in yesterday)  # not handed over yet
    # Every order packed: a shipment (with no made-up tracking number), every line verified.
    assert Shipment.select().join(Order).where(Order.ref.startswith("H")).count() == report.orders
    assert not Shipment.select().join(Order).where(
        Order.ref.startswith("H") & Shipment.tracking.is_null(False)).exists()
    assert not OrderLine.select().join(Order).where(
        Order.ref.startswith("H") & (OrderLine.verified != OrderLine.quantity)).exists()
    # Each verified unit has its scan; each order its claim and completion.
    units = (OrderLine.select(fn.SUM(OrderLine.quantity)).join(Order)
             .where(Order.ref.startswith("H")).scalar())
    counted = (ScanRecord.select(fn.SUM(ScanRecord.units)).join(Order)
               .where(Order.ref.startswith("H")).scalar())
    assert counted == units
    assert Event.select().where(Event.kind == "completed").count() == report.orders
    assert report.scans == ScanRecord.select().count() and report.events <= Event.select().count()
    # The figures a merchant looks at are there: the last week's parcels and mistakes.
    stats = statistics_for(last_7_days(NOW))
    assert stats.total.parcels > 100 and stats.total.mistakes_total >= 0
    # The pending demo orders are untouched, still waiting at the top of the queue.
    assert Order.select().where(Order.status == OrderStatus.PENDING).count() >= 15
