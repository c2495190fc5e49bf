"""The race: four packing tables packing the same 200 orders at once, through ``scan``.

Every table is fed the slips and items of all 200 orders (two in the same order, two
shuffled), as four packers grabbing from one pile would. Whoever claims an order packs
it; the others are refused and their item scans count nothing. Afterwards every order
is packed exactly once: one shipment, no line past its quantity, the stock taken once.
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from packstation.db import close
from packstation.db.models import Barcode, Event, Order, OrderLine, OrderStatus, Product, Shipment
from packstation.services.shop import open_shop
from tests.multi.stations import environment, packstation_command, station_config

ORDERS = 200
TABLES = 4
DEADLINE = 120  # seconds for the four tables together (about 35 s on two cores, mostly
#                 spent drawing the 400 labels and slips)


def scans_for_every_order() -> dict[str, list[str]]:
    """Per order, what a packer scans: the slip, then each unit (by the pack where a pack
    fits what is left), and the confirm command for items without a barcode."""
    codes: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for barcode in Barcode.select():
        codes[barcode.product_id].append((barcode.units, barcode.code))
    feeds = {}
    for order in Order.select().order_by(Order.ref):
        scans = [order.ref]
        for line in order.lines.order_by(OrderLine.position):
            left = line.quantity
            for units, code in sorted(codes.get(line.product_id, []), reverse=True):
                while units <= left:
                    scans.append(code)
                    left -= units
            scans += [":confirm"] * left  # typed at the keyboard, one per unit
        feeds[order.ref] = scans
    return feeds


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_shop(request, tmp_path):
    """``packstation demo --orders 200 --seed 1`` on one SQLite file or one PostgreSQL
    database, with enough stock for every order (a short order could not be packed)."""
    target = (str(tmp_path / "shop.sqlite3") if request.param == "sqlite"
              else request.getfixturevalue("postgres_database"))
    demo = subprocess.run(packstation_command(target, "demo", "--orders", str(ORDERS), "--seed", "1",
                                              "--no-gui"),
                          capture_output=True, text=True, env=environment(), timeout=120)
    assert demo.returncode == 0, demo.stderr
    open_shop(target)
    Product.update(stock=Product.stock + 1000).execute()
    yield target
    close()


@pytest.fixture
def pdf_folder(tmp_path):
    """Where the 400 labels and slips go: a memory file system when there is one. Each
    PDF is written with fsync (printing must not lose a label), which costs ~30 ms on a
    disk; this test is about claims, not about the disk."""
    memory = Path("/dev/shm")
    if not memory.is_dir():
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=memory, prefix="packstation-race-") as folder:
        yield Path(folder)


@pytest.mark.slow
def test_four_tables_pack_the_same_200_orders_each_exactly_once(demo_shop, pdf_folder, tmp_path):
    feeds = scans_for_every_order()
    assert len(feeds) == ORDERS
    stock_before = {product.id: product.stock for product in Product.select()}
    units_per_product = Counter()
    for line in OrderLine.select():
        units_per_product[line.product_id] += line.quantity

    refs = sorted(feeds)
    orders_for = [refs, refs, list(reversed(refs)), random.Random(8).sample(refs, len(refs))]
    processes = []
    for number in range(TABLES):
        station = f"Table {number + 1}"
        inputs = tmp_path / f"scans-{number + 1}.txt"
        inputs.write_text("".join(f"{scan}\n" for ref in orders_for[number] for scan in feeds[ref]),
                          encoding="utf-8")
        config = station_config(pdf_folder, station)
        with open(inputs, encoding="utf-8") as stdin:
            processes.append(subprocess.Popen(
                packstation_command(demo_shop, "--config", str(config), "scan", "--station",
                                    station, "--json"),
                stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=environment()))
    started = time.monotonic()
    outputs = [process.communicate(timeout=DEADLINE) for process in processes]
    elapsed = time.monotonic() - started
    for process, (_, errors) in zip(processes, outputs):
        assert process.returncode == 0, errors
    answers = [[json.loads(line) for line in out.splitlines()] for out, _ in outputs]

    # Each table answered every scan; nothing failed for want of the database.
    for number, table_answers in enumerate(answers):
        assert len(table_answers) == sum(len(feeds[ref]) for ref in refs)
        assert not [answer for answer in table_answers if answer["outcome"] == "failed"]
    completed = Counter(answer["order"] for table_answers in answers for answer in table_answers
                        if answer["outcome"] == "order_complete")
    assert sorted(completed) == refs and set(completed.values()) == {1}
    opened = Counter(answer["order"] for table_answers in answers for answer in table_answers
                     if answer["outcome"] == "order_opened")
    assert opened == completed  # no order claimed twice
    tables_that_packed = {table for table, table_answers in enumerate(answers)
                          if any(a["outcome"] == "order_complete" for a in table_answers)}
    assert len(tables_that_packed) > 1, "no race took place: one table packed everything"

    # The database agrees: packed once, nothing counted past its quantity, stock taken once.
    assert {order.status for order in Order.select()} == {OrderStatus.PACKED}
    shipments = Counter(order_id for (order_id,) in Shipment.select(Shipment.order).tuples())
    assert len(shipments) == ORDERS and set(shipments.values()) == {1}
    assert not OrderLine.select().where(OrderLine.verified != OrderLine.quantity).exists()
    assert Event.select().where(Event.kind == "completed").count() == ORDERS
    assert Event.select().where(Event.kind == "claimed").count() == ORDERS
    stock_after = {product.id: product.stock for product in Product.select()}
    assert stock_after == {product_id: stock - units_per_product[product_id]
                           for product_id, stock in stock_before.items()}
    assert elapsed < DEADLINE
