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


def test_packing_the_top_of_the_queue_answers_each_scan_in_under_5_ms(benchmark, contended_shop):
    """F2 then every item, order after order, as the table works down the queue: each
    answer (the opening, each item, the completion) on average under 5 ms."""
    import statistics
    import time

    from packstation.db.models import OrderLine

    station = PackingStation("Bench packer", blocked_reason=blocked_reason)
    timings: list[float] = []

    def timed(action, *args):
        begin = time.perf_counter()
        answer = action(*args)
        timings.append(time.perf_counter() - begin)
        return answer

    def pack(orders: int = 100) -> int:
        completed = 0
        for _ in range(orders):
            opened = timed(station.open_next)
            assert opened.outcome.code == "order_opened", opened.message
            for line in OrderLine.select().where(OrderLine.order == station.order_id):
                index = int(line.sku.split("-")[1])
                for _ in range(line.quantity):
                    answer = timed(station.handle, bigshop.product_code(index))
                    assert answer.ok, answer.message
            completed += answer.outcome.code == "order_complete"
        return completed

    assert benchmark.pedantic(pack, rounds=1, iterations=1) == 100
    mean = statistics.fmean(timings)
    benchmark.extra_info.update(answers=len(timings), mean_ms=round(mean * 1000, 3),
                                p99_ms=round(statistics.quantiles(timings, n=100)[98] * 1000, 3))
    print(f"\n{len(timings)} answers: mean {mean * 1000:.2f} ms")
    assert mean < 0.005
