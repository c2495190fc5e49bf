"""A pick list of what can be packed: orders short of stock are left out and named apart,
the queue puts them after the ready ones, and "next" opens the first ready order however
many short ones stand ahead — writing no scan row for those it passes over."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from packstation.core.packing import Outcome
from packstation.db.models import Order, Product, ScanRecord
from packstation.services.packing import PackingStation
from packstation.services.printing import render
from packstation.services.queue import pickable_orders, queue
from packstation.services.stock import blocked_reason, short_orders
from tests.documents.pdfs import pdf_text
from tests.helpers import import_rows, row

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def shop(sqlite_db, tmp_path):
    rows = [row(f"S-{n:02d}", "GONE", 1, order_date=f"2026-11-2{n // 10} 0{n % 10}:00", carrier="Colissimo")
            for n in range(25)]
    rows += [row("R-1", "TEA", 1, order_date="2026-11-25 10:00", carrier="Colissimo"),
             row("R-2", "TEA", 1, order_date="2026-11-25 11:00", carrier="Colissimo")]
    assert import_rows(tmp_path, rows).ok
    Product.update(stock=0).where(Product.sku == "GONE").execute()
    return sqlite_db


def test_next_opens_the_first_ready_order_past_many_short_ones(shop):
    station = PackingStation("Table 1", blocked_reason=blocked_reason)
    answer = station.open_next()
    assert answer.outcome is Outcome.ORDER_OPENED and station.order_ref == "R-1"
    assert [record.outcome for record in ScanRecord.select()] == ["order_opened"]


def test_the_queue_puts_short_orders_after_the_ready_ones(shop):
    short = short_orders(NOW)
    assert len(short) == 25
    refs = [order.ref for order in queue(NOW, short=short)]
    assert refs[:2] == ["R-1", "R-2"] and set(refs[2:]) == {f"S-{n:02d}" for n in range(25)}


def test_the_pick_list_holds_the_ready_orders_and_names_the_short_ones_apart(shop):
    ready, apart = pickable_orders(20, NOW)
    assert [order.ref for order in ready] == ["R-1", "R-2"]
    assert len(apart) == 20 and apart[0][0].ref == "S-00" and apart[0][1] == {"GONE": 1}
    pdf, _ = render("picklist", [order.ref for order in ready], left_out=[("S-00", "GONE : manque 1")])
    text = pdf_text(pdf)
    assert "Pas dans ce lot, stock insuffisant : S-00 (GONE : manque 1)" in text
    assert "R-1" in text and Order.select().count() == 27
