"""Shortages: the stock allocated down the queue, and a short order kept off the table."""

from __future__ import annotations

import pytest

from packstation.core.packing import Outcome
from packstation.db.models import Order, OrderStatus, Product, ScanRecord
from packstation.services.context import StationConfig
from packstation.services.holds import hold
from packstation.services.packing import PackingStation
from packstation.services.station import build_station
from packstation.services.stock import blocked_reason, shortages, shortages_for
from tests.helpers import MUG, TEA, import_rows, line_row, row


def competing_rows(**second) -> list[dict]:
    """A-1 (older) and B-2 (newer) both want two teas; B-2 also wants a mug."""
    return [
        row("A-1", "TEA", 2, ean=TEA, order_date="2026-11-25 08:00"),
        row("B-2", "TEA", 2, ean=TEA, **{"order_date": "2026-11-25 09:00", **second}),
        line_row("B-2", "MUG", 1, ean=MUG),
    ]


def importer_of_competing_orders(tmp_path):
    def make(tea: int, mug: int = 10, **second) -> dict[str, Order]:
        assert import_rows(tmp_path, competing_rows(**second)).ok
        Product.update(stock=tea).where(Product.sku == "TEA").execute()
        Product.update(stock=mug).where(Product.sku == "MUG").execute()
        return {order.ref: order for order in Order.select()}
    return make


@pytest.fixture
def competing(db, tmp_path):
    """Makes the competing orders on each engine, with this much stock."""
    return importer_of_competing_orders(tmp_path)


@pytest.fixture
def sqlite_competing(sqlite_db, tmp_path):
    return importer_of_competing_orders(tmp_path)


def short_refs() -> dict[str, dict[str, int]]:
    return {Order.get_by_id(order_id).ref: missing for order_id, missing in shortages().items()}


@pytest.mark.parametrize("second, short", [
    ({}, {"B-2": {"TEA": 1}}),                                    # the older one gets the stock
    ({"service": "express"}, {"A-1": {"TEA": 1}}),                # express goes before older
])
def test_the_more_urgent_order_gets_the_stock(competing, second, short):
    orders = competing(tea=3, **second)
    assert short_refs() == short
    [(ref, missing)] = short.items()
    other = ({"A-1", "B-2"} - {ref}).pop()
    assert shortages_for(orders[ref].id) == [{"sku": sku, "missing": n} for sku, n in missing.items()]
    assert shortages_for(orders[other].id) == []


def test_each_short_sku_with_its_count(competing):
    orders = competing(tea=2, mug=0)
    assert shortages_for(orders["B-2"].id) == [{"sku": "MUG", "missing": 1}, {"sku": "TEA", "missing": 2}]
    assert blocked_reason(orders["B-2"]) == "MUG : manque 1, TEA : manque 2"


def test_enough_stock_for_everyone(sqlite_competing):
    orders = sqlite_competing(tea=4)
    assert shortages() == {}
    assert [shortages_for(order.id) for order in orders.values()] == [[], []]


def test_a_short_order_takes_nothing_so_a_later_one_can_leave(competing):
    # B-2, express, comes first but lacks its mug: its two teas go to A-1.
    orders = competing(tea=2, mug=0, service="express")
    assert short_refs() == {"B-2": {"MUG": 1}}
    assert shortages_for(orders["A-1"].id) == []


def test_an_order_on_the_table_takes_its_units_first(competing):
    orders = competing(tea=2)
    assert PackingStation("Table 1", "Alice").handle("B-2").outcome is Outcome.ORDER_OPENED
    assert short_refs() == {"A-1": {"TEA": 2}}
    assert shortages_for(orders["B-2"].id) == []     # being packed: never reported short


def test_a_held_order_takes_nothing(sqlite_competing):
    orders = sqlite_competing(tea=2)
    hold("A-1", reason="adresse suspecte", by="Claire")
    assert shortages() == {}
    assert shortages_for(orders["A-1"].id) == []


def test_a_short_order_cannot_be_opened_at_the_table(competing, tmp_path):
    orders = competing(tea=3)
    station = build_station(StationConfig(station="Table 1", output_dir=str(tmp_path / "out")),
                            packer="Alice")
    refused = station.handle("B-2")
    assert refused.outcome is Outcome.ORDER_SHORT and not refused.ok
    assert refused.message == "Stock insuffisant pour B-2 (TEA : manque 1) — mettez-la de côté."
    assert Order.get_by_id(orders["B-2"].id).status == OrderStatus.PENDING
    assert ScanRecord.get(ScanRecord.order == orders["B-2"].id).outcome == "order_short"
    assert not station.has_order
    assert station.handle("A-1").outcome is Outcome.ORDER_OPENED
    assert station.handle(":next").outcome is Outcome.OTHER_ORDER_OPEN


def test_the_next_order_skips_short_ones(sqlite_competing, tmp_path):
    sqlite_competing(tea=3, service="express")    # B-2 first; A-1 short of a tea
    station = build_station(StationConfig(station="Table 1", output_dir=str(tmp_path / "out")))
    assert station.handle(":next").order == "B-2"
    station.handle(":abandon test")
    Product.update(stock=0).where(Product.sku == "MUG").execute()   # now B-2 lacks its mug
    answer = station.handle(":next")
    assert (answer.outcome, answer.order) == (Outcome.ORDER_OPENED, "A-1")


# -- at scale: the queue read from the index, the walk stopped at the order ------------------

def test_the_indexed_queue_order_is_the_queue_s_and_a_stopped_walk_agrees_with_the_full_one(
        db, tmp_path):
    """On a demo shop (carriers sharing a pickup, express and standard, some orders of no
    known carrier) with scarce stock: the lazily read order and the per-order answers are
    exactly those of the whole walk."""
    from packstation.db.models import Order, OrderStatus, Product
    from packstation.services import stock
    from packstation.services.demo import fill_demo
    from packstation.services.queue import pending_in_queue_order, queue, ready_orders

    assert fill_demo(150, seed=4).ok
    no_carrier = [order_id for (order_id,) in Order.select(Order.id).tuples()][::17]
    Order.update(carrier=None).where(Order.id.in_(no_carrier)).execute()
    from packstation.db.models import Carrier

    colissimo = Carrier.get(Carrier.code == "colissimo")
    for code in ("dpd", "chronopost"):  # three carriers at one pickup: merged by express, age
        Carrier.update(definition={**Carrier.get(Carrier.code == code).definition,
                                   "pickup": colissimo.definition["pickup"]}) \
            .where(Carrier.code == code).execute()
    for product in Product.select():
        Product.update(stock=product.stock // 8).where(Product.id == product.id).execute()
    expected = [order_id for (order_id,) in queue(statuses=(OrderStatus.PENDING,))
                .select(Order.id).tuples()]
    assert list(pending_in_queue_order(page=3)) == expected
    assert [order.id for order in ready_orders(limit=7)] == expected[:7]
    full = stock.shortages()
    assert 10 < len(full) < len(expected)  # some short, some not
    for order_id in expected[::7]:
        assert stock.shortages(until=order_id).get(order_id) == full.get(order_id)
        assert stock.missing_for(order_id) == full.get(order_id, {})
