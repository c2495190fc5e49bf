"""Fixtures of the back-office tests: a shop with stock, a clock the test moves, packing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from packstation.db.models import Product
from packstation.services.packing import PackingStation
from tests.helpers import BISCUITS, BISCUITS_6, MUG, OTHER, TEA, import_rows, shop_rows

PARIS = ZoneInfo("Europe/Paris")

#: The scans that pack each order of tests.helpers.shop_rows() completely.
PACKING_SCANS = {
    "CMD-1": [TEA, MUG, MUG],
    "CMD-2": [BISCUITS_6, BISCUITS],
    "CMD-3": [":confirm", ":confirm", TEA, TEA, TEA, TEA],
    "CMD-4": [OTHER],
}


def paris(text: str) -> dt.datetime:
    """An aware moment written in the shop's time: paris("2026-11-25 09:00")."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=PARIS)


class Clock:
    """The packing station's clock, moved by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> dt.datetime:
        self.now += dt.timedelta(seconds=seconds)
        return self.now


def fill_shop(tmp_path) -> None:
    """The four orders of shop_rows() imported, 50 of every product on the shelf."""
    report = import_rows(tmp_path, shop_rows())
    assert report.ok, report.errors
    Product.update(stock=50).execute()


@pytest.fixture
def shop(db, tmp_path):
    """fill_shop() on each engine: for the tests whose queries the engines could differ on."""
    fill_shop(tmp_path)
    return db


@pytest.fixture
def sqlite_shop(sqlite_db, tmp_path):
    """fill_shop() on SQLite only: for rules that do not depend on the engine."""
    fill_shop(tmp_path)
    return sqlite_db


def pack(ref: str, *, station: PackingStation | None = None, extra_scans: tuple[str, ...] = ()):
    """Pack ``ref`` completely (after ``extra_scans``, e.g. mistakes); returns the last answer."""
    station = station or PackingStation("Table 1", "Alice")
    opened = station.handle(ref)
    assert opened.outcome.code == "order_opened", opened.message
    for scan in extra_scans:
        station.handle(scan)
    answers = [station.handle(scan) for scan in PACKING_SCANS[ref]]
    assert answers[-1].outcome.code == "order_complete", answers[-1].message
    return answers[-1]
