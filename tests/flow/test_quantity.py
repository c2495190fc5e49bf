"""Big orders: a quantity typed before one scan counts that many units, and is logged."""

from __future__ import annotations

import pytest

from packstation.core.packing import Outcome
from packstation.db.models import Event, OrderLine, ScanRecord
from packstation.services.packing import PackingStation
from tests.helpers import TEA, import_rows, row


@pytest.fixture
def station(sqlite_db, tmp_path):
    assert import_rows(tmp_path, [row("BIG-1", "TEA", 23, ean=TEA, product_name="Thé Earl Grey")]).ok
    station = PackingStation("Table 1")
    station.handle("BIG-1")
    return station


def test_a_quantity_then_one_scan_counts_that_many_and_is_logged(station):
    assert station.handle("20*").outcome is Outcome.QUANTITY_SET
    answer = station.handle(TEA)
    assert answer.outcome is Outcome.VERIFIED and answer.units == 20
    assert OrderLine.get().verified == 20
    record = ScanRecord.select().order_by(ScanRecord.id.desc()).get()
    assert (record.code, record.units) == (TEA, 20)
    event = Event.get(Event.kind == "quantity_entered")
    assert event.data == {"sku": "TEA", "quantity": 20, "units": 20}
    # The quantity was for one scan: the next counts one.
    assert station.handle(TEA).units == 1
    assert station.handle(":qty 2").outcome is Outcome.QUANTITY_SET
    assert station.handle(TEA).outcome is Outcome.ORDER_COMPLETE


def test_more_than_is_left_counts_nothing(station):
    station.handle("24*")
    answer = station.handle(TEA)
    assert answer.outcome is Outcome.TOO_MANY and "il n'en reste que 23" in answer.message
    assert OrderLine.get().verified == 0


@pytest.mark.parametrize("typed", ["1*", ":qty beaucoup", "0*"])
def test_a_quantity_that_makes_no_sense_is_refused(station, typed):
    assert not station.handle(typed).ok
    assert station.handle(TEA).units == 1
