"""Claims across tables: one table per order, heartbeats, and taking over a stopped table's
order — on SQLite and PostgreSQL (the ``db`` fixture runs each test on both)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from packstation.core.errors import StateError
from packstation.db import close
from packstation.db.models import Event, Order, OrderLine, OrderStatus, ScanRecord, Shipment, Station
from packstation.services import tables
from packstation.services.packing import PackingStation
from tests.helpers import MUG, TEA
from tests.multi.conftest import T0
from tests.multi.stations import ScanProcess

REFS = ("CMD-1", "CMD-2", "CMD-3", "CMD-4")


def order(ref: str) -> Order:
    return Order.get(Order.ref == ref)


def verified(ref: str) -> dict[str, int]:
    return {line.sku: line.verified for line in OrderLine.select().join(Order).where(Order.ref == ref)}


def events(ref: str, kind: str) -> list[Event]:
    return list(Event.select().join(Order).where((Order.ref == ref) & (Event.kind == kind)))


# -- one table per order, across processes ------------------------------------------------

def test_each_order_is_claimed_by_exactly_one_of_three_processes(shop, db_target, tmp_path):
    stations = [ScanProcess(db_target, f"Table {n}", tmp_path) for n in range(1, 4)]
    try:
        # Start line: every process has opened the database and answers.
        for station in stations:
            assert station.send("")["outcome"] == "empty"
        for ref in REFS:
            for station in stations:  # all three scan the same slip at once
                station.write(ref)
            answers = {station.station: station.answer() for station in stations}
            winners = [name for name, answer in answers.items() if answer["outcome"] == "order_opened"]
            assert len(winners) == 1, answers
            losers = [answer for name, answer in answers.items() if name not in winners]
            assert all(answer["outcome"] == "order_taken" and winners[0] in answer["message"]
                       for answer in losers), answers
            assert order(ref).claimed_station == winners[0]
            assert len(events(ref, "claimed")) == 1
            winner = next(station for station in stations if station.station == winners[0])
            assert winner.send(":abandon test de course")["outcome"] == "abandoned"
    finally:
        for station in stations:
            assert station.close() == 0


def test_threads_taking_over_the_same_stale_order_at_once_one_wins(shop, db_target, clock):
    PackingStation("Table 1", clock=clock).handle("CMD-1")
    now = clock.advance(minutes=10)
    start = threading.Barrier(4)
    results: dict[str, object] = {}

    def take(name: str) -> None:
        # Each thread has its own connection (peewee's are per thread).
        start.wait()
        try:
            results[name] = tables.take_over("CMD-1", name, confirm=True, now=now)
        except StateError as error:
            results[name] = error
        finally:
            close()

    threads = [threading.Thread(target=take, args=(f"Table {n}",)) for n in range(2, 6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    winners = [name for name, result in results.items() if isinstance(result, tables.TakeOver)]
    assert len(results) == 4 and len(winners) == 1, results
    assert {error.key for error in results.values() if isinstance(error, StateError)} <= {
        "tables.claim_fresh", "tables.claim_moved"}
    assert order("CMD-1").claimed_station == winners[0]
    assert [event.station for event in events("CMD-1", "taken_over")] == winners


# -- heartbeats ---------------------------------------------------------------------------

def test_the_heartbeat_follows_counted_items_and_idle_touches(shop, clock):
    station = PackingStation("Table 1", "Alice", clock=clock)
    station.handle("CMD-1")
    assert order("CMD-1").heartbeat_at == T0
    clock.advance(minutes=1)
    station.handle(MUG)
    assert order("CMD-1").heartbeat_at == T0 + dt.timedelta(minutes=1)
    clock.advance(minutes=1)
    station.handle("2000000000015")  # an unknown code counts nothing, so proves no life
    assert order("CMD-1").heartbeat_at == T0 + dt.timedelta(minutes=1)

    # An idle table's window calls touch() every 30 s.
    later = clock.advance(minutes=3)
    assert tables.touch("Table 1", "Alice", now=later) == ["CMD-1"]
    assert order("CMD-1").heartbeat_at == later
    assert Station.get(Station.name == "Table 1").last_seen == later
    assert tables.touch("Table 2", now=later + dt.timedelta(minutes=9)) == []
    assert order("CMD-1").heartbeat_at == later  # another table's touch is not ours
    assert Station.select().count() == 2


def test_claims_show_which_table_packs_what_and_which_went_silent(shop, clock):
    PackingStation("Table 1", clock=clock).handle("CMD-1")
    clock.advance(minutes=2)
    PackingStation("Table 2", clock=clock).handle("CMD-2")
    ids = {ref: order(ref).id for ref in REFS}

    at = T0 + dt.timedelta(minutes=6)
    found = tables.claims(at)
    assert found == {
        ids["CMD-1"]: ("Table 1", T0, True),
        ids["CMD-2"]: ("Table 2", T0 + dt.timedelta(minutes=2), False),
    }
    assert found[ids["CMD-2"]].station == "Table 2"
    assert tables.claim_text(found[ids["CMD-2"]], at) == "en préparation à Table 2"
    assert tables.claim_text(found[ids["CMD-1"]], at) == \
        "en préparation à Table 1 — aucune activité depuis 6 min"


def test_a_silent_tables_order_is_refused_with_a_hint_to_take_it_over(shop, clock):
    PackingStation("Table 1", clock=clock).handle("CMD-1")
    other = PackingStation("Table 2", clock=clock)
    clock.advance(minutes=2)
    assert other.handle("CMD-1").message == \
        "La commande CMD-1 est en cours sur Table 1 — prenez-en une autre."
    clock.advance(minutes=10)
    answer = other.handle("CMD-1")
    assert answer.outcome.code == "order_taken" and not answer.ok
    assert "sans activité depuis 12 min" in answer.message and "reprenez-la" in answer.message
    assert order("CMD-1").claimed_station == "Table 1"  # a refusal takes nothing


# -- taking over --------------------------------------------------------------------------

def test_a_stale_claim_is_taken_over_logged_and_resumed_with_its_counts(shop, clock):
    first = PackingStation("Table 1", "Alice", clock=clock)
    first.handle("CMD-1")
    first.handle(MUG)
    assert verified("CMD-1") == {"TEA": 0, "MUG": 1}
    now = clock.advance(minutes=7)  # Table 1 froze

    plan = tables.check_take_over("CMD-1", "Table 2", now=now)
    assert (plan.ref, plan.previous_station, plan.previous_packer, plan.idle) == \
        ("CMD-1", "Table 1", "Alice", dt.timedelta(minutes=7))
    assert order("CMD-1").claimed_station == "Table 1"  # asking changes nothing

    second = PackingStation("Table 2", "Benoît", clock=clock)
    resumed = second.take_over("CMD-1", confirm=True)
    assert resumed.outcome.code == "order_resumed" and resumed.ok
    assert second.has_order and verified("CMD-1") == {"TEA": 0, "MUG": 1}
    taken = order("CMD-1")
    assert (taken.claimed_station, taken.claimed_packer, taken.heartbeat_at) == \
        ("Table 2", "Benoît", now)
    [event] = events("CMD-1", "taken_over")
    assert (event.station, event.packer) == ("Table 2", "Benoît")
    assert event.data == {"previous_station": "Table 1", "previous_packer": "Alice",
                          "idle_seconds": 420}
    assert "Table 1" in event.reason

    # Table 1 comes back: its next scan is refused, and counts nothing.
    back = first.handle(MUG)
    assert back.outcome.code == "order_taken" and "Table 2" in back.message
    assert not first.has_order and verified("CMD-1") == {"TEA": 0, "MUG": 1}
    assert tables.touch("Table 1", now=now) == []  # what its window would notice

    assert second.handle(MUG).outcome.code == "verified"
    assert second.handle(TEA).outcome.code == "order_complete"
    shipment = Shipment.get(Shipment.order == taken.id)
    assert (shipment.station, shipment.packer) == ("Table 2", "Benoît")
    assert order("CMD-1").status == OrderStatus.PACKED


def test_taking_over_needs_a_confirmation(shop, clock):
    PackingStation("Table 1", clock=clock).handle("CMD-1")
    now = clock.advance(minutes=30)
    with pytest.raises(StateError) as refused:
        tables.take_over("CMD-1", "Table 2", "Benoît", now=now)
    assert refused.value.key == "tables.confirm_take_over"
    assert refused.value.message == \
        "Confirmez la reprise de CMD-1, sans activité à Table 1 depuis 30 min."
    assert order("CMD-1").claimed_station == "Table 1" and not events("CMD-1", "taken_over")
    answer = PackingStation("Table 2", clock=clock).take_over("CMD-1", confirm=False)
    assert answer.outcome.code == "failed" and "Confirmez" in answer.message


@pytest.mark.parametrize("scenario, key, words", [
    ("fresh", "tables.claim_fresh", "dernière activité il y a 4 min"),
    ("own", "tables.already_yours", "déjà à ce poste"),
    ("pending", "tables.not_packing", "en attente"),
    ("packed", "tables.not_packing", "emballée"),
    ("unknown", "order.not_found", "NOPE"),
])
def test_what_cannot_be_taken_over_is_refused_and_left_alone(shop, clock, scenario, key, words):
    first = PackingStation("Table 1", clock=clock)
    ref = {"pending": "CMD-2", "unknown": "NOPE"}.get(scenario, "CMD-1")
    if scenario != "pending":
        first.handle("CMD-1")
    if scenario == "packed":
        for scan in (MUG, MUG, TEA):
            first.handle(scan)
    taker = "Table 1" if scenario == "own" else "Table 2"
    now = clock.advance(minutes=4 if scenario == "fresh" else 60)
    before = [(o.ref, o.status, o.claimed_station, o.heartbeat_at) for o in Order.select().order_by(Order.id)]
    for attempt in (lambda: tables.check_take_over(ref, taker, now=now),
                    lambda: tables.take_over(ref, taker, confirm=True, now=now)):
        with pytest.raises(Exception) as refused:
            attempt()
        assert getattr(refused.value, "key", None) == key
        assert words in refused.value.message
    after = [(o.ref, o.status, o.claimed_station, o.heartbeat_at) for o in Order.select().order_by(Order.id)]
    assert after == before
    assert Event.select().where(Event.kind == "taken_over").count() == 0


def test_a_takeover_scan_is_stored_like_any_other(shop, clock):
    """The resumed order's scans are all there: Table 1's before, Table 2's after."""
    first = PackingStation("Table 1", clock=clock)
    first.handle("CMD-1")
    first.handle(MUG)
    clock.advance(minutes=6)
    second = PackingStation("Table 2", clock=clock)
    second.take_over("CMD-1", confirm=True)
    second.handle(MUG)
    stored = [(scan.station, scan.outcome) for scan in
              ScanRecord.select().join(Order).where(Order.ref == "CMD-1").order_by(ScanRecord.id)]
    assert stored == [("Table 1", "order_opened"), ("Table 1", "verified"),
                      ("Table 2", "order_resumed"), ("Table 2", "verified")]


def test_typed_takeover_command_in_the_headless_station(db, tmp_path):
    """``:takeover REF`` in ``packstation scan``: the same take-over, typed."""
    import datetime as dt

    from packstation.db.models import Event, Order, utcnow
    from packstation.services.packing import PackingStation
    from tests.helpers import MUG, import_rows, shop_rows

    assert import_rows(tmp_path, shop_rows()).ok
    gone = PackingStation("Table 1")
    gone.handle("CMD-1")
    gone.handle(MUG)
    silent = utcnow() - dt.timedelta(minutes=20)
    Order.update(heartbeat_at=silent).where(Order.ref == "CMD-1").execute()
    here = PackingStation("Table 2")
    answer = here.handle(":takeover CMD-1")
    assert answer.ok and here.order_ref == "CMD-1"
    assert [line.verified for line in here.lines] == [0, 1]
    assert Event.get(Event.kind == "taken_over").station == "Table 2"
