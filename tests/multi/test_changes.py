"""Seeing other tables' work: the change watcher on both engines, and its triggers."""

from __future__ import annotations

import time

import peewee
import pytest

from packstation.db import changes, migrations
from packstation.db.changes import ChangeWatcher
from packstation.db.database import database
from packstation.db.models import ALL_MODELS, Product, SchemaInfo
from packstation.services.packing import PackingStation
from tests.helpers import MUG
from tests.multi.stations import ScanProcess

SEEN_WITHIN = 2.0  # seconds, the promise to the packers


def wait_for_change(watcher: ChangeWatcher, timeout: float) -> tuple[frozenset[str], float]:
    """Ask as a window's timer would (here every 10 ms) until something changed."""
    start = time.monotonic()
    while True:
        tables = watcher.changed_tables()
        elapsed = time.monotonic() - start
        if tables or elapsed > timeout:
            return tables, elapsed
        time.sleep(0.01)


def settle(watcher: ChangeWatcher) -> None:
    """Forget what happened before the test's own change (notifications arrive shortly)."""
    time.sleep(0.2)
    watcher.changed()
    assert not watcher.changed()


@pytest.fixture
def watcher(shop):
    with ChangeWatcher() as watching:
        yield watching


def test_another_process_claiming_an_order_is_seen_within_two_seconds(watcher, db_target, tmp_path):
    station = ScanProcess(db_target, "Table 2", tmp_path)
    try:
        assert station.send("")["outcome"] == "empty"  # started: its database is open
        settle(watcher)
        # The answer is printed once the claim is committed: from then on, the clock runs.
        assert station.send("CMD-1")["outcome"] == "order_opened"
        tables, elapsed = wait_for_change(watcher, SEEN_WITHIN)
    finally:
        assert station.close() == 0
    assert elapsed < SEEN_WITHIN and "orders" in tables
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        assert {"orders", "event"} <= tables  # PostgreSQL names what changed


def test_asking_when_nothing_changed_is_cheap_and_leaves_the_database_alone(watcher):
    settle(watcher)
    queries = []
    database.obj.query_hooks.append(queries.append)
    try:
        start = time.perf_counter()
        answers = [watcher.changed() for _ in range(1000)]
        per_call = (time.perf_counter() - start) / 1000
    finally:
        database.obj.query_hooks.remove(queries.append)
    assert not any(answers)
    assert queries == []  # not one query on the table's own connection
    assert per_call < 0.001, f"{per_call * 1e6:.0f} µs per call"


def test_this_tables_own_changes_are_reported_too(watcher):
    settle(watcher)
    station = PackingStation("Table 1")
    station.handle("CMD-1")
    assert wait_for_change(watcher, SEEN_WITHIN)[0]
    settle(watcher)
    station.handle(MUG)
    assert wait_for_change(watcher, SEEN_WITHIN)[0]


@pytest.mark.parametrize("change, table", [
    (lambda: Product.update(stock=Product.stock - 1).where(Product.sku == "MUG").execute(), "product"),
    (lambda: PackingStation("Table 1").handle("CMD-2"), "orders"),
])
def test_postgresql_says_which_tables_changed(pg_shop, change, table):
    # (SQLite can only tell that something changed.)
    with ChangeWatcher() as watcher:
        settle(watcher)
        change()
        tables, _ = wait_for_change(watcher, SEEN_WITHIN)
    assert table in tables and tables <= set(changes.WATCHED_TABLES)
    if table == "product":
        assert tables == {"product"}


def test_a_change_made_in_a_failed_transaction_is_not_announced(watcher):
    settle(watcher)
    with pytest.raises(RuntimeError):
        with database.atomic():
            Product.update(stock=0).execute()
            raise RuntimeError("the change is rolled back")
    time.sleep(0.3)
    assert not watcher.changed()


# -- the triggers (schema version 2) -----------------------------------------------------

def notify_triggers(db) -> set[str]:
    cursor = db.execute_sql(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname = %s AND NOT t.tgisinternal", ("packstation_notify_change",))
    return {name for (name,) in cursor.fetchall()}


def test_a_new_database_is_created_with_its_triggers(db):
    assert SchemaInfo.get().version == migrations.LATEST
    if isinstance(db, peewee.PostgresqlDatabase):
        assert notify_triggers(db) == set(changes.WATCHED_TABLES)


def test_a_version_1_database_gets_its_triggers_by_the_upgrade(db_target):
    from packstation.db.database import connect

    db = connect(db_target)
    database.initialize(db)
    try:
        db.create_tables(ALL_MODELS)  # what version 1 created: tables, no triggers
        SchemaInfo.create(version=1)
        assert migrations.upgrade(db) == 1
        assert SchemaInfo.get().version == migrations.LATEST
        if isinstance(db, peewee.PostgresqlDatabase):
            assert notify_triggers(db) == set(changes.WATCHED_TABLES)
        assert migrations.upgrade(db) == migrations.LATEST  # and once is enough
    finally:
        db.close()


# -- a server that goes away ----------------------------------------------------------------

def test_the_watcher_says_so_when_the_server_goes_and_catches_up_when_it_returns(
        pg_shop, postgres_server):
    with ChangeWatcher(retry_seconds=0.2) as watcher:
        assert watcher.connected
        settle(watcher)
        with postgres_server.stopped():
            # Lost: "changed", so that the window looks (and finds the connection lost).
            assert wait_for_change(watcher, SEEN_WITHIN)[0]
            assert not watcher.connected
            assert not watcher.changed()  # retrying quietly, without blocking
        # Back: "changed" once more, since what was announced meanwhile is lost.
        tables, _ = wait_for_change(watcher, 5)
        assert tables == set(changes.WATCHED_TABLES) and watcher.connected
        settle(watcher)
        Product.update(stock=7).where(Product.sku == "MUG").execute()  # reconnects, too
        assert wait_for_change(watcher, SEEN_WITHIN)[0] == {"product"}


def test_a_version_2_database_gets_the_shop_export_columns(db_target):
    """Step 3: payment, delivery and pickup point per order, customs data per product."""
    from packstation.db.database import connect
    from packstation.db.models import Order

    db = connect(db_target)
    database.initialize(db)
    try:
        db.create_tables(ALL_MODELS)
        for table, column in (("orders", "payment"), ("orders", "delivery"),
                              ("orders", "pickup_point"), ("orders", "import_batch"),
                              ("product", "hs_code"),
                              ("product", "origin_country")):
            db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        SchemaInfo.create(version=2)
        assert migrations.upgrade(db) == 2
        columns = {column.name for column in db.get_columns("orders")}
        assert {"payment", "delivery", "pickup_point"} <= columns
        assert {"hs_code", "origin_country"} <= {c.name for c in db.get_columns("product")}
        assert Order.select().count() == 0
    finally:
        db.close()


def test_a_version_5_database_gets_its_parcels_and_a_label_per_parcel(db_target):
    """Step 6: the parcels of split orders; a carrier label per order and parcel (the
    order alone unique before); a print job for one parcel's label. A label stored
    before the upgrade is parcel 1 of its order."""
    from packstation.db.database import connect
    from packstation.db.models import CarrierLabel, Order, Parcel, utcnow

    db = connect(db_target)
    database.initialize(db)
    try:
        db.create_tables(ALL_MODELS)
        # What version 5 had: no parcel table, no parcel columns, one label per order.
        db.drop_tables([Parcel])
        db.execute_sql('DROP INDEX "carrier_label_order_id_parcel"')
        db.execute_sql('DROP INDEX "carrier_label_order_id"')
        db.execute_sql('ALTER TABLE "carrier_label" DROP COLUMN "parcel"')
        db.execute_sql('ALTER TABLE "print_job" DROP COLUMN "parcel"')
        db.execute_sql('CREATE UNIQUE INDEX "carrier_label_order_id" ON "carrier_label" ("order_id")')
        SchemaInfo.create(version=5)
        order = Order.create(ref="OLD-1", customer_name="Camille", ordered_at=utcnow())
        db.execute_sql('INSERT INTO "carrier_label" ("order_id", "provider", "status", "tracking", '
                       '"tracking_url", "external_id", "label_format", "carrier_message", '
                       '"what_to_do", "attempts", "created_at", "updated_at") VALUES '
                       "(%s, 'colissimo', 'ready', '6A1', '', '', 'pdf', '', '', 1, "
                       "'2026-11-30 10:00:00', '2026-11-30 10:00:00')"
                       .replace("%s", str(order.id)))

        assert migrations.upgrade(db) == 5
        assert SchemaInfo.get().version == migrations.LATEST
        assert "parcel" in {column.name for column in db.get_columns("print_job")}
        assert [(label.parcel, label.tracking) for label in CarrierLabel.select()] == [(1, "6A1")]
        CarrierLabel.create(order=order, parcel=2, provider="colissimo")  # a second parcel's
        with pytest.raises(peewee.IntegrityError), db.atomic():
            CarrierLabel.create(order=order, parcel=2, provider="colissimo")  # never twice
        Parcel.create(order=order, number=1, weight_g=610, units={"1": 2})
        with pytest.raises(peewee.IntegrityError), db.atomic():
            Parcel.create(order=order, number=1, weight_g=610)
        assert migrations.upgrade(db) == migrations.LATEST  # and once is enough
    finally:
        db.close()


def test_a_version_7_database_gets_its_import_batches_and_customs_declarations(db_target):
    """Step 8: a big import is decided by one row of its own, whatever the file's size.
    Step 9: the CN23 a carrier gives beside its label, kept with the label."""
    from packstation.db.database import connect
    from packstation.db.models import CarrierLabel, ImportBatch, ImportChange, Order, utcnow

    db = connect(db_target)
    database.initialize(db)
    try:
        db.create_tables(ALL_MODELS)
        # What version 7 had: neither the import tables nor a label's customs document.
        db.drop_tables([ImportChange, ImportBatch])
        db.execute_sql('ALTER TABLE "carrier_label" DROP COLUMN "customs_data"')
        SchemaInfo.create(version=7)
        assert migrations.upgrade(db) == 7
        assert SchemaInfo.get().version == migrations.LATEST
        ImportBatch.create(token="0123456789abcdef", path="big.csv", published_at=utcnow())
        assert ImportBatch.get().published_at is not None and ImportChange.select().count() == 0
        order = Order.create(ref="CH-1", customer_name="Lena", ordered_at=utcnow())
        CarrierLabel.create(order=order, provider="colissimo", customs_data=b"%PDF-1.4 CN23")
        assert bytes(CarrierLabel.get().customs_data) == b"%PDF-1.4 CN23"
        assert migrations.upgrade(db) == migrations.LATEST  # and once is enough
    finally:
        db.close()
