"""Fixtures for several tables on one database: a small shop on each engine, a clock."""

from __future__ import annotations

import datetime as dt

import pytest

from packstation.db.models import Product
from tests.helpers import import_rows, shop_rows

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    """A clock the test moves by hand: stations and tables read it instead of the time."""

    def __init__(self, now: dt.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def shop(db, tmp_path):
    """The four orders of ``tests.helpers.shop_rows`` with stock for all, on each engine."""
    report = import_rows(tmp_path, shop_rows())
    assert report.ok, report.errors
    Product.update(stock=50).execute()
    return db


@pytest.fixture
def pg_shop(postgres_database, tmp_path):
    """The same shop on PostgreSQL only, for what only a server does; yields its URL."""
    from packstation.db import close
    from packstation.services.shop import open_shop

    open_shop(postgres_database)
    report = import_rows(tmp_path, shop_rows())
    assert report.ok, report.errors
    Product.update(stock=50).execute()
    yield postgres_database
    close()
