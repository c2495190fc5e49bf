"""Several tables: how long a claim and a scan take on PostgreSQL, next to SQLite.

Run: python -m pytest tests/bench/test_tables_bench.py -o addopts="" --benchmark-enable -p no:cacheprovider
Each operation runs on both engines (SQLite first); the PostgreSQL case reports its
median against SQLite's as ``ratio_to_sqlite`` in extra_info. A PostgreSQL server on the
same machine costs a network round trip per statement (about 0.1 ms here); the bar is
the same for both (DESIGN.md): feedback on a scan within one frame, 16 ms.
"""

from __future__ import annotations

import itertools

import pytest

from packstation.db.database import engine
from packstation.db.models import Product
from packstation.services.packing import PackingStation
from tests.helpers import TEA, import_rows, row

CLAIM_ROUNDS = 200
SCAN_ROUNDS = 500
FRAME_SECONDS = 0.016
_medians: dict[tuple[str, str], float] = {}


@pytest.fixture
def bench_shop(db, tmp_path):
    """CLAIM_ROUNDS orders to claim, and one order of 100,000 teas to scan into."""
    rows = [row(f"CLAIM-{number:04d}", "TEA", 1, ean=TEA) for number in range(CLAIM_ROUNDS + 10)]
    rows.append(row("SCAN-1", "TEA", 100_000, ean=TEA))
    assert import_rows(tmp_path, rows).ok
    Product.update(stock=1_000_000).execute()
    return db


def report(benchmark, operation: str) -> None:
    """Keep this engine's median; on PostgreSQL, put it next to SQLite's."""
    median = benchmark.stats["median"]
    current = engine()
    _medians[(operation, current)] = median
    benchmark.extra_info.update(engine=current, median_ms=round(median * 1000, 3))
    sqlite = _medians.get((operation, "sqlite"))
    if current == "postgresql" and sqlite:
        benchmark.extra_info["sqlite_median_ms"] = round(sqlite * 1000, 3)
        benchmark.extra_info["ratio_to_sqlite"] = round(median / sqlite, 2)
        print(f"\n{operation}: PostgreSQL {median * 1000:.2f} ms, SQLite {sqlite * 1000:.2f} ms, "
              f"ratio {median / sqlite:.1f}")


def test_claim_latency(benchmark, bench_shop):
    """Opening an order from its slip: look-up, refusal rules, the atomic claim, the log."""
    refs = (f"CLAIM-{number:04d}" for number in itertools.count())

    def fresh_station():
        return (PackingStation("Bench"), next(refs)), {}

    answer = benchmark.pedantic(lambda station, ref: station.handle(ref), setup=fresh_station,
                                rounds=CLAIM_ROUNDS, iterations=1, warmup_rounds=0)
    assert answer.outcome.code == "order_opened"
    report(benchmark, "claim")
    assert benchmark.stats["median"] < FRAME_SECONDS


def test_scan_latency(benchmark, bench_shop):
    """One item counted: the guarded update, the heartbeat, the stored scan, one commit."""
    station = PackingStation("Bench")
    assert station.handle("SCAN-1").outcome.code == "order_opened"
    answer = benchmark.pedantic(station.handle, args=(TEA,), rounds=SCAN_ROUNDS, iterations=1)
    assert answer.outcome.code == "verified"
    report(benchmark, "scan")
    assert benchmark.stats["median"] < FRAME_SECONDS
