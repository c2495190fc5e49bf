"""A station that never raises, never freezes and never counts twice, on real faults:
a SQLite file locked by another connection, a PostgreSQL server stopped, a connection
cut by a proxy right after the server committed (the answer lost on its way back), an
imported tracking number that collides with the station's own, a completion refused.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
import time

import psycopg2
import pytest

from packstation.core.commands import Command
from packstation.db import close
from packstation.db.database import database, open_database
from packstation.db.models import Order, OrderLine, OrderStatus, ScanRecord, Shipment
from packstation.services.packing import PackingStation
from tests.helpers import MUG, TEA, import_rows, row

LOCKED = "La base de données est occupée par un autre poste. Réessayez dans un instant."
LOST = "Connexion à la base de données perdue — scannez à nouveau quand elle revient."


def verified(ref: str) -> dict[str, int]:
    return {line.sku: line.verified for line in
            OrderLine.select().join(Order).where(Order.ref == ref)}


def every_action(station: PackingStation, other: PackingStation) -> dict[str, object]:
    """Each public action once: ``station`` holds CMD-3 (a spoon without barcode), ``other``
    holds nothing."""
    return {
        "handle": lambda: station.handle(TEA),
        "confirm_without_barcode": station.confirm_without_barcode,
        "run_command": lambda: station.run_command(Command.CONFIRM),
        "complete": lambda: station.complete(None),
        "set_packer": lambda: station.set_packer("Bob"),
        "logout": station.logout,
        "abandon": lambda: station.abandon("test"),
        "open_next": other.open_next,
        "open_order": lambda: other.open_order("CMD-1"),
        "take_over": lambda: other.take_over("CMD-2", confirm=True),
        "resume": PackingStation("Table 1").resume,
        "heartbeat": other.heartbeat,
    }


# -- 1. every action is guarded ------------------------------------------------------------

def test_every_action_answers_a_locked_sqlite_file_and_works_once_it_is_free(sqlite_path, tmp_path):
    from packstation.services.shop import open_shop

    open_shop(sqlite_path)
    assert import_rows(tmp_path, [row("CMD-1", "TEA", 1, ean=TEA), row("CMD-2", "MUG", 1, ean=MUG),
                                  row("CMD-3", "SPOON", 2, ean="")]).ok
    station, other = PackingStation("Table 1", "Alice"), PackingStation("Table 2")
    assert station.handle("CMD-3").outcome.code == "order_opened"
    database.execute_sql("PRAGMA busy_timeout = 50")  # the test need not wait 5 s a refusal

    holder = sqlite3.connect(sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another table in the middle of a write
    try:
        for name, action in every_action(station, other).items():
            answer = action()  # never raises
            assert answer is None or (answer.ok, answer.message) == (False, LOCKED) \
                or answer.outcome.code in ("other_order_open", "queue_empty"), (name, answer)
            if name in ("confirm_without_barcode", "complete", "set_packer", "open_order"):
                assert (answer.ok, answer.message) == (False, LOCKED), name
    finally:
        holder.rollback()
        holder.close()

    # Free again: the station believes the database, and packs on.
    assert station.confirm_without_barcode().message.endswith("1/2")
    assert station.confirm_without_barcode().outcome.code == "order_complete"
    assert verified("CMD-3") == {"SPOON": 2}
    assert Order.get(Order.ref == "CMD-3").status == OrderStatus.PACKED
    close()


def test_a_write_waits_out_one_short_transaction_of_a_busy_writer_not_many(sqlite_path):
    """A big import writes in short transactions, one after the other with a few
    milliseconds between them; a table's scan waits for one of them, not for a run of
    them (SQLite's own busy handler sleeps 100 ms between its later tries, and the gaps
    between the import's transactions are shorter than that). A write outside any
    transaction waits the same way."""
    from packstation.db.database import connect

    open_database(sqlite_path)
    stop = threading.Event()

    def import_like():
        writer = connect(sqlite_path)
        while not stop.is_set():
            with writer.atomic():
                writer.execute_sql('UPDATE "setting" SET "key" = "key"')
                time.sleep(0.03)   # a staging chunk
            time.sleep(0.004)      # its next chunk read from the file
        writer.close()

    thread = threading.Thread(target=import_like)
    thread.start()
    waits = []
    try:
        time.sleep(0.1)
        for number in range(40):
            started = time.perf_counter()
            if number % 2:
                with database.atomic():
                    database.execute_sql('UPDATE "setting" SET "key" = "key"')
            else:   # a write of its own, outside any transaction
                database.execute_sql('UPDATE "setting" SET "key" = "key"')
            waits.append(time.perf_counter() - started)
            time.sleep(0.02)
    finally:
        stop.set()
        thread.join()
        close()
    assert max(waits) < 0.2, sorted(waits)[-5:]


def test_every_action_answers_a_stopped_postgresql_server(pg_shop, postgres_server):
    station, other = PackingStation("Table 1", "Alice"), PackingStation("Table 2")
    assert station.handle("CMD-3").outcome.code == "order_opened"
    with postgres_server.stopped():
        for name, action in every_action(station, other).items():
            answer = action()  # never raises
            if answer is not None and answer.outcome.code not in ("other_order_open",):
                assert (answer.ok, answer.message) == (False, LOST), (name, answer.message)
        assert station.reprint("slip").ok is False
    assert station.confirm_without_barcode().message.endswith("1/2")
    assert station.confirm_without_barcode().message.endswith("2/2")
    answers = [station.handle(TEA) for _ in range(4)]
    assert answers[-1].outcome.code == "order_complete"
    assert verified("CMD-3") == {"SPOON": 2, "TEA": 4}
    assert Order.get(Order.ref == "CMD-3").status == OrderStatus.PACKED


# -- 3. a scan stored although its answer was lost is not counted twice ----------------------

class CommitCutter:
    """A TCP proxy in front of PostgreSQL that, once armed, lets a COMMIT through and
    cuts the connection when the server answers it: the change is committed, and the
    station never hears so — what a cable pulled at the wrong moment does."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.armed = threading.Event()
        self.cuts = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()

    def _pipe(self, client: socket.socket, server: socket.socket) -> None:
        import select

        commit_sent = False
        try:
            while True:
                ready, _, _ = select.select([client, server], [], [])
                if client in ready:
                    data = client.recv(65536)
                    if not data:
                        return
                    if self.armed.is_set() and b"COMMIT\x00" in data:
                        commit_sent = True
                    server.sendall(data)
                if server in ready:
                    data = server.recv(65536)
                    if not data:
                        return
                    if commit_sent:  # committed on the server; the answer never arrives
                        self.armed.clear()
                        self.cuts += 1
                        return
                    client.sendall(data)
        except OSError:
            return
        finally:
            client.close()
            server.close()

    def url(self, url: str) -> str:
        return url.replace(f":{self.target}/", f":{self.port}/")

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def cutter(pg_shop, postgres_server):
    proxy = CommitCutter(postgres_server.port)
    close()
    open_database(proxy.url(pg_shop))
    yield proxy
    close()
    proxy.close()


def stored_counts(url: str, ref: str) -> dict[str, int]:
    """Read straight from the server, not through the station's connection."""
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT l.sku, l.verified FROM order_line l JOIN orders o ON o.id = l.order_id "
                       "WHERE o.ref = %s", (ref,))
        return dict(cursor.fetchall())


def test_a_scan_committed_but_unanswered_is_not_counted_again_when_scanned_again(pg_shop, cutter):
    station = PackingStation("Table 1", "Alice")
    assert station.handle("CMD-1").outcome.code == "order_opened"
    assert station.handle(MUG).message.endswith("1/2")

    cutter.armed.set()
    lost = station.handle(MUG)
    assert cutter.cuts == 1
    assert (lost.ok, lost.message) == (False, LOST)
    assert stored_counts(pg_shop, "CMD-1") == {"TEA": 0, "MUG": 2}  # it was committed
    assert station.heartbeat() is None  # an idle sign of life meanwhile changes nothing

    again = station.handle(MUG)  # the packer did as told: the same mug, scanned again
    assert again.ok and again.outcome.code == "verified"
    assert "Déjà compté" in again.message and "2/2" in again.message
    assert stored_counts(pg_shop, "CMD-1") == {"TEA": 0, "MUG": 2}  # not 3, not "too many"

    done = station.handle(TEA)
    assert done.outcome.code == "order_complete"
    assert Shipment.select().join(Order).where(Order.ref == "CMD-1").count() == 1
    outcomes = [scan.outcome for scan in ScanRecord.select().order_by(ScanRecord.id)]
    assert outcomes == ["order_opened", "verified", "verified", "counted_before", "verified"]


def test_each_scan_is_stored_with_the_station_s_id_for_it(shop):
    station = PackingStation("Table 1")
    station.handle("CMD-1")
    station.handle(MUG)
    ids = [scan.scan_id for scan in ScanRecord.select().order_by(ScanRecord.id)]
    assert len(ids) == 2 and all(ids) and ids[0] != ids[1]


# -- 5. no crash loops ---------------------------------------------------------------------

def test_own_label_parcels_have_no_number_and_never_collide_with_imported_ones(shop, tmp_path):
    """The crash loop came from a made-up number equal to an imported one (UNIQUE): the
    station makes none up now, and parcels without a number never stumble on each other."""
    from packstation.services.importing import Importer
    from tests.helpers import GENERIC_COLUMNS, OTHER, write_csv

    path = write_csv(tmp_path / "more.csv", [row("SHOP-9", "OTHER", 1, tracking="CO000000014FR")],
                     columns=[*GENERIC_COLUMNS, "tracking"])
    assert Importer(station="test").import_file(path).ok
    station = PackingStation("Table 1")
    completed = []
    for ref in ("CMD-4", "SHOP-9"):
        station.handle(ref)
        completed.append(station.handle(OTHER))
    assert [answer.outcome.code for answer in completed] == ["order_complete", "order_complete"]
    assert [answer.tracking for answer in completed] == [None, "CO000000014FR"]
    assert station.resume() is None  # nothing left half-done to retry at the next start


def test_a_completion_that_cannot_be_stored_is_said_once_and_the_order_stays_resumable(
        sqlite_path, tmp_path):
    from packstation.services.shop import open_shop

    open_shop(sqlite_path)
    assert import_rows(tmp_path, [row("CMD-1", "TEA", 1, ean=TEA)]).ok
    database.execute_sql("CREATE TRIGGER refuse BEFORE INSERT ON shipment "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    station = PackingStation("Table 1")
    station.handle("CMD-1")
    refused = station.handle(TEA)
    assert not refused.ok and "CMD-1" in refused.message and "F4" in refused.message
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKING
    assert verified("CMD-1") == {"TEA": 1}
    # Not again at every scan: the next one is answered for what it is.
    assert station.handle(TEA).outcome.code == "too_many"

    # A restart resumes it and says it once, without raising (the crash loop of before).
    restarted = PackingStation("Table 1")
    answer = restarted.resume()
    assert not answer.ok and "CMD-1" in answer.message
    assert restarted.has_order and restarted.order_ref == "CMD-1"

    database.execute_sql("DROP TRIGGER refuse")
    assert restarted.complete(None).outcome.code == "order_complete"  # F4, as told
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKED
    close()


# -- schema 3 ----------------------------------------------------------------------------------

def test_a_version_2_database_is_upgraded_with_scan_ids_and_the_stock_walk_s_index(db_target, tmp_path):
    from packstation.db import migrations
    from packstation.db.database import connect
    from packstation.db.models import ALL_MODELS, SchemaInfo

    db = connect(db_target)
    database.initialize(db)
    db.create_tables(ALL_MODELS)
    migrations.changes.install_triggers(db)
    for index in ("scan_scan_id", "orders_status_carrier_id_express_ordered_at_id",
                  "shipment_packed_at"):
        db.execute_sql(f'DROP INDEX "{index}"')
    db.execute_sql('ALTER TABLE "scan" DROP COLUMN "scan_id"')  # what version 2 had
    SchemaInfo.create(version=2)
    assert "scan_id" not in {column.name for column in db.get_columns("scan")}

    assert migrations.upgrade(db) == 2
    assert SchemaInfo.get().version == migrations.LATEST
    assert "scan_id" in {column.name for column in db.get_columns("scan")}
    indexes = {index.name for table in ("scan", "orders", "shipment") for index in db.get_indexes(table)}
    assert {"scan_scan_id", "orders_status_carrier_id_express_ordered_at_id",
            "shipment_packed_at"} <= indexes
    db.close()
    from packstation.services.shop import open_shop

    open_shop(db_target)
    assert import_rows(tmp_path, [row("CMD-1", "TEA", 1, ean=TEA)]).ok
    station = PackingStation("Table 1")
    station.handle("CMD-1")
    assert station.handle(TEA).outcome.code == "order_complete"
    assert all(scan.scan_id for scan in ScanRecord.select())
    close()
