"""Imports next to packing tables on one PostgreSQL server: a re-import never rewrites an
order a table claimed meanwhile, and two imports at once never end in a traceback."""

from __future__ import annotations

import subprocess

import pytest

from packstation.db import close
from packstation.db.models import Order, OrderLine, OrderStatus, Product
from packstation.services.importing import Importer
from packstation.services.shop import open_shop
from tests.helpers import TEA, ean, row, write_csv
from tests.multi.stations import environment, packstation_command, station_config

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_shop(postgres_database):
    open_shop(postgres_database)
    yield postgres_database
    close()


def test_a_table_claims_an_order_while_the_import_that_read_it_is_writing(pg_shop, tmp_path):
    assert Importer().import_file(write_csv(tmp_path / "v1.csv", [
        row("C-1", "TEA", 1, ean=TEA), row("C-2", "TEA", 1, ean=TEA)])).ok
    changed = write_csv(tmp_path / "v2.csv", [row("C-1", "TEA", 3, ean=TEA, city="Kraków"),
                                              row("C-2", "TEA", 2, ean=TEA, city="Kraków")])
    importer = Importer()
    write_orders = importer._orders

    def another_table_claims_first(parsed, products, report):
        # Inside the import's transaction, after it read the orders: a table (another
        # process, its own connection) claims C-1 and commits.
        answer = subprocess.run(
            packstation_command(pg_shop, "--config", str(station_config(tmp_path, "Table 2")),
                                "scan", "--station", "Table 2", "--json"),
            input="C-1\n", capture_output=True, text=True, env=environment(), timeout=60)
        assert answer.returncode == 0, answer.stderr
        assert '"order_opened"' in answer.stdout
        return write_orders(parsed, products, report)

    importer._orders = another_table_claims_first
    report = importer.import_file(changed)
    assert report.ok
    assert report.updated == ["C-2"] and [ref for ref, _ in report.skipped] == ["C-1"]
    claimed = Order.get(Order.ref == "C-1")
    assert (claimed.status, claimed.claimed_station, claimed.city) == (
        OrderStatus.PACKING, "Table 2", "Łódź")
    assert [line.quantity for line in OrderLine.select().where(OrderLine.order == claimed)] == [1]
    assert Order.get(Order.ref == "C-2").lines[0].quantity == 2


def test_two_imports_at_once_never_deadlock_into_a_traceback(pg_shop, tmp_path):
    # The same 60 new products, named in opposite orders by two files.
    skus = [f"P-{index:03}" for index in range(60)]
    codes = {sku: ean(f"37612{index:07}") for index, sku in enumerate(skus)}
    first = write_csv(tmp_path / "a.csv", [row(f"A-{sku}", sku, 1, ean=codes[sku]) for sku in skus])
    second = write_csv(tmp_path / "b.csv", [row(f"B-{sku}", sku, 1, ean=codes[sku])
                                            for sku in reversed(skus)])
    processes = [subprocess.Popen(packstation_command(pg_shop, "import", str(path)),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=environment()) for path in (first, second)]
    results = [process.communicate(timeout=120) for process in processes]
    for process, (out, err) in zip(processes, results):
        assert "Traceback" not in err, err
        assert process.returncode == 0 or len(err.strip().splitlines()) == 1, err
    done = [process.returncode for process in processes].count(0)
    assert Order.select().count() == 60 * done
    assert Product.select().count() == 60
