"""Backorders: ship what the stock covers, the rest waits in a new order of its own."""

from __future__ import annotations

import pytest

from packstation.core.errors import InputError, StateError
from packstation.core.packing import Outcome
from packstation.db.models import Event, Order, OrderLine, OrderStatus, Product
from packstation.services.backorders import COPIED_FIELDS, ship_available
from packstation.services.context import StationConfig
from packstation.services.holds import hold
from packstation.services.station import build_station
from packstation.services.stock import shortages_for
from tests.helpers import BISCUITS, MUG, TEA, import_rows, line_row, row


def set_stock(**units: int) -> None:
    for sku, count in units.items():
        Product.update(stock=count).where(Product.sku == sku).execute()


def lines(ref: str) -> list[tuple[str, int]]:
    order = Order.get(Order.ref == ref)
    return [(line.sku, line.quantity) for line in order.lines.order_by(OrderLine.position)]


def make_short_order(tmp_path) -> Order:
    """B-1 wants 3 teas, 2 mugs and a spoon: 1 tea, 5 mugs and no spoon on the shelf."""
    report = import_rows(tmp_path, [
        row("B-1", "TEA", 3, ean=TEA, service="express", note="Cadeau : pas de facture",
            customer_name="Zofia Wójcik", company="Herbaciarnia"),
        line_row("B-1", "MUG", 2, ean=MUG),
        line_row("B-1", "SPOON", 1, ean=""),
    ])
    assert report.ok, report.errors
    set_stock(TEA=1, MUG=5, SPOON=0)
    return Order.get(Order.ref == "B-1")


@pytest.fixture
def short_order(db, tmp_path):
    return make_short_order(tmp_path)


@pytest.fixture
def sqlite_short_order(sqlite_db, tmp_path):
    return make_short_order(tmp_path)


@pytest.fixture
def station(tmp_path):
    return build_station(StationConfig(station="Table 1", output_dir=str(tmp_path / "out")),
                         packer="Alice")


def test_the_order_keeps_what_the_stock_covers(short_order, station):
    assert station.handle("B-1").outcome is Outcome.ORDER_SHORT

    split = ship_available("B-1", by="Alice", station="Table 1")

    assert split.moved == {"TEA": 2, "SPOON": 1}
    assert lines("B-1") == [("TEA", 1), ("MUG", 2)]
    assert lines("B-1-R1") == [("TEA", 2), ("SPOON", 1)]
    backorder = Order.get(Order.ref == "B-1-R1")
    assert split.backorder.ref == "B-1-R1" and split.order.ref == "B-1"
    assert (backorder.status, backorder.backorder_of, backorder.tracking) == (OrderStatus.PENDING, "B-1", None)
    assert {name: getattr(backorder, name) for name in COPIED_FIELDS} == \
        {name: getattr(short_order, name) for name in COPIED_FIELDS}
    assert (backorder.carrier.code, backorder.service, backorder.express, backorder.city) == \
        ("colissimo", "express", True, "Łódź")
    assert OrderLine.get((OrderLine.order == backorder) & (OrderLine.sku == "TEA")).product.sku == "TEA"
    assert split.message == "B-1 part avec ce qui est en stock ; le reste (SPOON × 1, TEA × 2) attend dans B-1-R1."

    split_event = Event.get((Event.order == short_order) & (Event.kind == "backorder_split"))
    created = Event.get((Event.order == backorder) & (Event.kind == "backorder_created"))
    assert (split_event.packer, split_event.station, split_event.data) == \
        ("Alice", "Table 1", {"backorder": "B-1-R1", "moved": {"TEA": 2, "SPOON": 1}})
    assert (created.packer, created.data["backorder_of"]) == ("Alice", "B-1")
    assert "TEA : manque 2" in split_event.reason

    assert shortages_for(short_order.id) == []
    assert shortages_for(backorder.id) == [{"sku": "SPOON", "missing": 1}, {"sku": "TEA", "missing": 2}]
    assert station.handle("B-1").outcome is Outcome.ORDER_OPENED     # now it can be packed
    assert [station.handle(scan).outcome for scan in (TEA, MUG, MUG)][-1] is Outcome.ORDER_COMPLETE
    assert {product.sku: product.stock for product in Product.select()} == {"TEA": 0, "MUG": 3, "SPOON": 0}
    assert station.handle("B-1-R1").outcome is Outcome.ORDER_SHORT   # waits for the stock


def test_a_backorder_short_again_becomes_the_next_one(short_order):
    ship_available("B-1", by="Alice")
    set_stock(TEA=2)                       # one for B-1, one for B-1-R1
    split = ship_available("B-1-R1", by="Bob")
    assert split.backorder.ref == "B-1-R2" and split.backorder.backorder_of == "B-1"
    assert lines("B-1-R1") == [("TEA", 1)]
    assert lines("B-1-R2") == [("TEA", 1), ("SPOON", 1)]


def test_a_taken_ref_is_skipped(sqlite_short_order, tmp_path):
    assert import_rows(tmp_path, [row("B-1-R1", "BISC", 1, ean=BISCUITS)], name="other.csv").ok
    set_stock(BISC=5)
    assert ship_available("B-1", by="Alice").backorder.ref == "B-1-R2"


@pytest.mark.parametrize("prepare, error, words", [
    (lambda: set_stock(TEA=10, SPOON=10), StateError, "couvre toute la commande"),
    (lambda: set_stock(TEA=0, MUG=0), StateError, "Rien de la commande B-1 n'est en stock"),
    (lambda: hold("B-1", reason="vérification", by="Claire"), StateError, "bloquée"),
])
def test_a_split_is_refused_when_it_makes_no_sense(sqlite_short_order, prepare, error, words):
    prepare()
    before = lines("B-1")
    with pytest.raises(error) as caught:
        ship_available("B-1", by="Alice")
    assert words in caught.value.message
    assert lines("B-1") == before and Order.select().count() == 1
    assert not Event.select().where(Event.kind.startswith("backorder")).exists()


def test_a_name_is_required(sqlite_short_order):
    with pytest.raises(InputError, match="votre nom"):
        ship_available("B-1", by="  ")
    assert Order.select().count() == 1


def test_reimporting_a_split_order_does_not_ship_the_backorder_twice(db, tmp_path):
    """The shop's file still lists the full quantity; the split order keeps its share."""
    from packstation.db.models import Order, Product
    from packstation.services.backorders import ship_available
    from tests.helpers import TEA, import_rows, row

    rows = [row("B-1", "TEA", 3, ean=TEA)]
    assert import_rows(tmp_path, rows).ok
    Product.update(stock=1).where(Product.sku == "TEA").execute()
    split = ship_available("B-1", by="Alice")
    report = import_rows(tmp_path, rows, name="again.csv")
    assert report.ok and [ref for ref, _ in report.skipped] == ["B-1"]
    quantities = {order.ref: sum(l.quantity for l in order.lines) for order in Order.select()}
    assert quantities == {"B-1": 1, split.backorder.ref: 2}
