"""A real ``packstation import`` of a big file killed (kill -9) at many moments: the
next program that opens the shop finds the whole file in, or nothing of it.

Each trial imports a file of 1,500 new orders (staged: more than 500), 60 new products
and a change to an order the shop already had, and kills the process after a random
while: as it reads the file, writes the products, stages the orders, decides, or
releases them. Then the shop is opened as a table would open it, and either every order
of the file is in the queue with the known order changed, or none is and the known order
is as it was; an import killed before its decision is undone an hour on, the products it
created with it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from packstation.db import close
from packstation.db.database import open_database
from packstation.db.models import ImportBatch, ImportChange, Order, OrderStatus, Product, utcnow
from packstation.services.importing import settle_imports
from packstation.services.shop import open_shop
from tests.helpers import TEA, ean, import_rows, row, write_csv

ORDERS = 1500


def _file(tmp_path, trial: int, city: str):
    rows = [row(f"T{trial}-{number:04d}", f"S{trial}-{number % 60:02d}", 1,
                ean=ean(f"37{trial:02d}{number % 60:08d}"), product_name=f"Produit {number % 60}")
            for number in range(ORDERS)]
    rows.append(row("K-KNOWN", "TEA", 1, ean=TEA, city=city))
    return write_csv(tmp_path / f"import-{trial}.csv", rows)


@pytest.mark.slow
# The kill comes at a random moment up to about the import's own length on each engine
# (1.1 s and 2.5 s here), so that it lands in every step of it.
@pytest.mark.parametrize("engine,trials,latest", [("sqlite", 8, 1.2), ("postgresql", 4, 2.6)])
def test_kill_9_during_a_big_import_leaves_the_whole_file_or_nothing(engine, trials, latest,
                                                                     tmp_path, request):
    target = (str(tmp_path / "shop.sqlite3") if engine == "sqlite"
              else request.getfixturevalue("postgres_database"))
    open_shop(target)
    try:
        assert import_rows(tmp_path, [row("K-KNOWN", "TEA", 1, ean=TEA, city="Lyon")]).ok
        city = "Lyon"
        chance = random.Random(1112)
        outcomes = []
        for trial in range(trials):
            path = _file(tmp_path, trial, f"Ville {trial}")
            close()
            process = subprocess.Popen([sys.executable, "-m", "packstation", "--db", target,
                                        "import", str(path)], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(chance.uniform(0.2, latest))
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)

            open_database(target)
            batch = ImportBatch.get_or_none()
            if batch is not None:
                state = "killed while releasing" if batch.published_at else "killed before deciding"
            else:
                state = "done" if process.returncode == 0 or Order.select().where(
                    Order.ref.startswith(f"T{trial}-")).exists() else "killed before staging"
            close()
            open_shop(target)   # a table starting: a decided import is finished here
            mine = Order.select().where(Order.ref.startswith(f"T{trial}-"))
            visible = mine.where(Order.status == OrderStatus.PENDING).count()
            hidden = mine.where(Order.status == "importing").count()
            products = Product.select().where(Product.sku.startswith(f"S{trial}-")).count()
            known = Order.get(Order.ref == "K-KNOWN").city
            if visible:
                assert (visible, hidden, products) == (ORDERS, 0, 60)
                city = f"Ville {trial}"
                assert known == city
                outcomes.append(state)
            else:
                assert known == city, "a change of an import that never decided was applied"
                settle_imports(utcnow() + dt.timedelta(hours=2))   # an hour on
                assert mine.count() == 0
                assert Product.select().where(Product.sku.startswith(f"S{trial}-")).count() == 0
                outcomes.append(state)
            assert (ImportBatch.select().count(), ImportChange.select().count()) == (0, 0)
        print(f"\n{engine}: {outcomes}")
    finally:
        close()
