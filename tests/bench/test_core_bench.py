"""Station core speed: importing 10,000 order lines; one scan with 100,000 orders stored.

Run: python -m pytest tests/bench/test_core_bench.py --benchmark-enable -p no:cacheprovider
Targets (issue 2): import under 2 s; a scan handled by the service under 5 ms.
"""

from __future__ import annotations

import pytest

from packstation.db import close
from packstation.services.importing import Importer
from packstation.services.packing import PackingStation
from packstation.services.shop import open_shop
from tests.bench import bigshop
from tests.helpers import ean, row, write_csv


@pytest.fixture
def csv_10k(tmp_path):
    rows = []
    for number in range(2_500):  # 4 lines an order: 10,000 lines
        for position in range(4):
            sku = f"P{(number * 4 + position) % 700:04d}"
            rows.append(row(f"WEB-{number:05d}", sku, 1 + position % 3,
                            ean=ean(f"37612{(number * 4 + position) % 700:07d}"),
                            product_name=f"Produit {sku}"))
    return write_csv(tmp_path / "big.csv", rows)


def test_import_10000_lines(benchmark, tmp_path, csv_10k):
    targets = iter(range(100))

    def setup():
        close()
        open_shop(str(tmp_path / f"import-{next(targets)}.sqlite3"))
        return (), {}

    report = benchmark.pedantic(lambda: Importer().import_file(csv_10k), setup=setup, rounds=3)
    assert report.ok and len(report.new) == 2_500
    benchmark.extra_info["target_seconds"] = 2.0
    assert benchmark.stats["median"] < 2.0
    close()


@pytest.fixture(scope="module")
def big_shop(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("big") / "big.sqlite3")
    open_shop(path)
    bigshop.build()
    yield path
    close()


def test_scan_with_100000_orders(benchmark, big_shop):
    station = PackingStation("Bench")
    assert station.handle("BIG-1").outcome.code == "order_opened"
    code = bigshop.product_code(0)
    answer = benchmark.pedantic(station.handle, args=(code,), rounds=500, iterations=1)
    assert answer.outcome.code == "verified"
    benchmark.extra_info["target_ms"] = 5.0
    assert benchmark.stats["median"] < 0.005
