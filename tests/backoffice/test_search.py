"""History search: any order found by what a merchant has at hand when a customer calls."""

from __future__ import annotations

import datetime as dt

import pytest

from packstation.db import close
from packstation.db.models import Order, Product, Shipment
from packstation.services.history import search_orders
from packstation.services.importing import Importer
from packstation.services.packing import PackingStation
from packstation.services.shop import open_shop
from tests.backoffice.conftest import Clock, pack, paris
from tests.helpers import GENERIC_COLUMNS, MUG, row, shop_rows, write_csv


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def searched_shop(request, tmp_path_factory):
    """One shop per engine for the whole module (searching changes nothing): shop_rows()
    with CMD-4 ordered just after midnight on the 25th (Paris), CMD-5 on the 24th with a
    tracking number the shop imported, and CMD-1 packed on the 26th. Yields CMD-1's tracking."""
    folder = tmp_path_factory.mktemp("search")
    if request.param == "sqlite":
        target = str(folder / "shop.sqlite3")
    else:
        target = request.getfixturevalue("postgres_server").new_database("t_backoffice_search")
    open_shop(target)
    rows = shop_rows()
    rows[-1]["order_date"] = "2026-11-25 00:30"      # 2026-11-24 23:30 UTC
    rows.append(row("CMD-5", "MUG", 1, ean=MUG, product_name="Tasse en grès",
                    order_date="2026-11-24 18:00", customer_name="Jürgen Groß",
                    company="Groß & Söhne GmbH", email="J.Gross@example.de",
                    tracking="6A12345678901"))
    path = write_csv(folder / "orders.csv", rows, columns=GENERIC_COLUMNS + ["tracking"])
    assert Importer(station="test").import_file(path).ok
    Product.update(stock=50).execute()
    packed = pack("CMD-1", station=PackingStation("Table 1", "Alice",
                                                   clock=Clock(paris("2026-11-26 10:00"))))
    # What the carrier's label service records (services.labels): its number on the shipment.
    Shipment.update(tracking="6A98765432109").where(Shipment.order == Order.get(Order.ref == "CMD-1").id).execute()
    yield "6A98765432109"
    close()


def refs(orders) -> list[str]:
    return [order.ref for order in orders]


@pytest.mark.parametrize("text, expected", [
    ("CMD-2", ["CMD-2"]),
    ("cmd-3", ["CMD-3"]),                       # any case
    ("#CMD-2", ["CMD-2"]),                      # with the "#" a shop puts before its refs
    ("wójcik", ["CMD-1", "CMD-4"]),             # customer name, non-ASCII, lower case
    ("παπαδόπουλος", ["CMD-2"]),
    ("Петров", ["CMD-3"]),
    ("söhne", ["CMD-5"]),                       # company
    ("ivan@", ["CMD-3"]),                       # e-mail
    ("j.gross@EXAMPLE.de", ["CMD-5"]),
    ("6A12345678901", ["CMD-5"]),               # tracking the shop imported
    ("6a12345678901", ["CMD-5"]),
    ("2026-11-24", ["CMD-5"]),                  # ordered that day (Paris)
    ("24/11/2026", ["CMD-5"]),
    ("25/11/2026", ["CMD-3", "CMD-2", "CMD-1", "CMD-4"]),   # 00:30 Paris is still the 25th
    ("2026-11-26", ["CMD-1"]),                  # packed that day
    ("%", []),                                  # no wildcard
    ("_", []),
    ("31/02/2026", []),                         # not a day: searched as text
    ("nobody", []),
])
def test_search_finds_orders_by_what_is_at_hand(searched_shop, text, expected):
    assert refs(search_orders(text)) == expected


def test_search_by_the_tracking_of_the_shipment(searched_shop):
    assert refs(search_orders(searched_shop)) == ["CMD-1"]
    assert refs(search_orders(f"  {searched_shop.lower()}  ")) == ["CMD-1"]


def test_search_keeps_orders_of_a_period_most_recent_first(searched_shop):
    assert refs(search_orders("")) == ["CMD-3", "CMD-2", "CMD-1", "CMD-4", "CMD-5"]
    assert refs(search_orders("", since=dt.date(2026, 11, 26))) == ["CMD-1"]   # packed on the 26th
    assert refs(search_orders("", until=dt.date(2026, 11, 24))) == ["CMD-5"]
    assert refs(search_orders("example", since=paris("2026-11-25 00:00"),
                              until=paris("2026-11-25 09:00"))) == ["CMD-4"]
    assert refs(search_orders("", limit=2)) == ["CMD-3", "CMD-2"]


def test_a_naive_bound_is_a_bug(searched_shop):
    with pytest.raises(ValueError, match="naive"):
        search_orders("", since=dt.datetime(2026, 11, 25))
