"""Stock allocation at scale: opening an order (F2, or a slip scanned) while 100,000
pending orders compete for scarce stock, against the one-frame bar (16 ms).

Run: python -m pytest tests/bench/test_stock_bench.py -o addopts="" --benchmark-enable -p no:cacheprovider

Every product's stock covers a few orders only, so the shortage check cannot take its
quick exit (all demand fits) and must allocate down the queue: the walk stops at the
order being opened (services.stock.shortages(until=...)) and reads the queue from the
index (services.queue.pending_in_queue_order), instead of every open line.
"""

from __future__ import annotations

import itertools

import pytest

from packstation.db.models import Order, OrderStatus, Product
from packstation.services import stock
from packstation.services.packing import PackingStation
from packstation.services.queue import pending_in_queue_order
from packstation.services.stock import blocked_reason
from tests.bench import bigshop

FRAME_SECONDS = 0.016
ROUNDS = 100


@pytest.fixture(scope="module")
def contended_shop(tmp_path_factory):
    from packstation.db import close
    from packstation.services.shop import open_shop

    open_shop(str(tmp_path_factory.mktemp("stock") / "shop.sqlite3"))
    bigshop.build()
    Product.update(stock=10).execute()  # each product: about 1,200 units wanted, 10 there
    yield
    close()


def test_opening_the_next_order_with_100000_pending_competing(benchmark, contended_shop):
    assert Order.select().where(Order.status == OrderStatus.PENDING).count() >= 90_000
    assert len(stock.shortages()) > 80_000  # contended indeed: most orders are short
    stations = (PackingStation(f"Bench {n}", blocked_reason=blocked_reason) for n in itertools.count())
    opened: list[PackingStation] = []

    def fresh():
        for station in opened:  # give the last one back: the queue stays as it was
            station.abandon("bench")
        opened.clear()
        station = next(stations)
        opened.append(station)
        return (station,), {}

    answer = benchmark.pedantic(lambda station: station.open_next(), setup=fresh, rounds=ROUNDS,
                                iterations=1, warmup_rounds=2)
    assert answer.outcome.code == "order_opened", answer.message
    benchmark.extra_info["median_ms"] = round(benchmark.stats["median"] * 1000, 3)
    assert benchmark.stats["median"] < FRAME_SECONDS


def test_the_shortage_of_one_order_near_the_top(benchmark, contended_shop):
    """A slip scanned from the first pick list: the 50th order of the queue."""
    order_id = list(itertools.islice(pending_in_queue_order(), 50))[-1]
    benchmark.pedantic(lambda: stock.missing_for(order_id), rounds=ROUNDS, iterations=1,
                       warmup_rounds=2)
    benchmark.extra_info["median_ms"] = round(benchmark.stats["median"] * 1000, 3)
    assert benchmark.stats["median"] < FRAME_SECONDS
