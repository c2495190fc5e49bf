"""The countdown and the queue from the database, with a fixed clock."""

import datetime as dt
import json
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from packstation.db.models import Carrier, Order, OrderStatus, Shipment
from packstation.services.pickups import carrier_projections
from packstation.services.queue import queue, ready_orders
from tests.helpers import import_rows, row

PARIS = ZoneInfo("Europe/Paris")
# Thursday 26 November 2026, 13:48 in Paris: Colissimo comes at 15:00, DPD at 14:00,
# Chronopost at 17:00.
NOW = dt.datetime(2026, 11, 26, 13, 48, tzinfo=PARIS)


@pytest.fixture
def shop(db, tmp_path):
    rows = [
        row("C-OLD", "A", 1, order_date="2026-11-24 10:00", carrier="Colissimo"),
        row("C-NEW", "A", 1, order_date="2026-11-26 09:00", carrier="Colissimo"),
        row("C-EXP", "A", 1, order_date="2026-11-26 11:00", carrier="Colissimo", service="express"),
        row("D-1", "A", 1, order_date="2026-11-26 12:00", carrier="DPD Predict"),
        row("R-1", "A", 1, order_date="2026-11-20 12:00", carrier="Chronopost 13h"),
        row("H-1", "A", 1, order_date="2026-11-20 08:00", carrier="DPD Predict"),
    ]
    assert import_rows(tmp_path, rows).ok
    Order.update(status=OrderStatus.ON_HOLD, hold_reason="test").where(Order.ref == "H-1").execute()
    return db


def test_queue_order(shop):
    refs = [order.ref for order in queue(NOW)]
    # DPD first (14:00), then Colissimo (15:00: express, then oldest), Chronopost (17:00),
    # and the blocked order last even though it is the oldest.
    assert refs == ["D-1", "C-EXP", "C-OLD", "C-NEW", "R-1", "H-1"]
    assert [order.ref for order in ready_orders(now=NOW)] == refs[:-1]


def test_after_dpd_left_its_orders_wait_for_tomorrow(shop):
    later = NOW.replace(hour=14, minute=30)
    assert [order.ref for order in queue(later)][:3] == ["C-EXP", "C-OLD", "C-NEW"]


def test_projections_with_pace_from_packing_times(shop):
    colissimo = Carrier.get(Carrier.code == "colissimo")
    other = Order.create(ref="DONE", ordered_at=NOW, status=OrderStatus.PACKED, carrier=colissimo)
    for index, seconds in enumerate([100, 300, 200, 400, 250]):
        Shipment.create(order=other if index == 0 else Order.create(
            ref=f"DONE-{index}", ordered_at=NOW, status=OrderStatus.PACKED, carrier=colissimo),
            tracking=f"T{index}", weight_g=100, packing_seconds=seconds,
            packed_at=NOW - dt.timedelta(hours=index))
    items = {item.carrier: item for item in carrier_projections(NOW)}
    colis = items["colissimo"].to_json()
    assert colis["next_pickup"] == "2026-11-26T15:00:00+01:00"
    assert colis["seconds_left"] == 72 * 60
    assert colis["orders_left"] == 3 and colis["pace_seconds_per_order"] == 250
    assert colis["on_track"] is True and colis["state"] == "on_track"
    dpd = items["dpd"].to_json()
    assert dpd["orders_left"] == 1 and dpd["blocked"] == 1
    assert "Colissimo" in items["colissimo"].summary and "dans les temps" in items["colissimo"].summary


def test_behind_when_the_work_does_not_fit(shop):
    late = NOW.replace(hour=14, minute=56)
    colis = {i.carrier: i for i in carrier_projections(late)}["colissimo"].to_json()
    # default pace 120 s an order: 4 minutes left fit 2 of the 3 orders
    assert colis["on_track"] is False and colis["orders_missing"] == 1


def test_pickups_command(shop, db_target):
    if db_target.startswith("postgresql"):
        pytest.skip("the command is exercised on SQLite; the query is the same")
    result = subprocess.run([sys.executable, "-m", "packstation", "--db", db_target, "--lang", "en",
                             "pickups", "--now", NOW.isoformat(), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["carrier"] for item in data][:3] == ["dpd", "colissimo", "chronopost"]
    for item in data:
        assert {"carrier", "next_pickup", "seconds_left", "orders_left",
                "pace_seconds_per_order", "on_track"} <= set(item)
    text = subprocess.run([sys.executable, "-m", "packstation", "--db", db_target, "--lang", "en",
                           "pickups", "--now", NOW.isoformat()], capture_output=True, text=True)
    assert "Colissimo in 1 h 12 min" in text.stdout


def _mixed_queue(rng_seed: int = 7) -> list[int]:
    """Orders of every kind the queue sorts: all carriers and none, express or not, the
    same second shared by several, pending, packing, on hold, packed (not in the queue)."""
    import random

    rng = random.Random(rng_seed)
    carriers = [carrier.id for carrier in Carrier.select()] + [None]
    base = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone.utc)
    statuses = [OrderStatus.PENDING] * 6 + [OrderStatus.PACKING, OrderStatus.ON_HOLD, OrderStatus.PACKED]
    ids = []
    for number in range(240):
        order = Order.create(ref=f"M-{number:03d}", carrier=rng.choice(carriers),
                             express=rng.random() < 0.3, status=rng.choice(statuses),
                             ordered_at=base + dt.timedelta(minutes=rng.randrange(40)))
        ids.append(order.id)
    return ids


@pytest.mark.parametrize("when", [NOW, NOW.replace(hour=14, minute=30), NOW.replace(hour=22)])
def test_the_index_read_queue_is_the_sorted_queue_key_for_key(shop, when, monkeypatch):
    """services.queue.queue_ids (the window's first pages, from the index) gives exactly
    the ids of queue() (one SQL sort), for every filter the window offers."""
    from packstation.services import queue as queue_service
    from packstation.services.queue import QUEUE_STATUSES, queue_ids

    ids = _mixed_queue()
    pending = [i for (i,) in Order.select(Order.id).where(Order.status == OrderStatus.PENDING).tuples()]
    shorts = [frozenset(), frozenset(pending[::5]), frozenset(pending[::5] + ids[:30])]
    carriers = [None] + [carrier.id for carrier in Carrier.select()]
    status_sets = [QUEUE_STATUSES, (OrderStatus.PENDING,), (OrderStatus.ON_HOLD,), (OrderStatus.PACKING,)]
    for limit in (queue_service.MAX_SHORT_SORTED, 3):  # short orders sorted apart, or not
        monkeypatch.setattr(queue_service, "MAX_SHORT_SORTED", limit)
        for statuses in status_sets:
            for carrier_id in carriers:
                for short in shorts:
                    expected = [order.id for order in queue(when, statuses=statuses, carrier_id=carrier_id,
                                                            short=short)]
                    assert queue_ids(when, statuses=statuses, carrier_id=carrier_id, short=short,
                                     limit=1000) == expected, (statuses, carrier_id, len(short), limit)
                    assert queue_ids(when, statuses=statuses, carrier_id=carrier_id, short=short,
                                     offset=7, limit=20) == expected[7:27]
