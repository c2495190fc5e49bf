"""Losing the PostgreSQL server in the middle of packing: the scan is refused clearly,
nothing is half-written, and packing goes on once the server is back.

The faults are real: the server is stopped (``pg_ctl stop``), or a trigger makes the
server end the session in the middle of a transaction (``pg_terminate_backend``).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import peewee
import psycopg2
import pytest

from packstation.db import atomic
from packstation.db.database import database, open_database
from packstation.db.models import Event, Order, OrderStatus, Product, ScanRecord, Shipment
from packstation.services import tables
from packstation.services.packing import PackingStation
from tests.helpers import MUG, TEA
from tests.multi.stations import ScanProcess, environment, packstation_command

LOST = "Connexion à la base de données perdue — scannez à nouveau quand elle revient."


def state_of(ref: str) -> dict:
    """Everything a scan may change about an order, read back from the database."""
    order = Order.get(Order.ref == ref)
    return {
        "status": order.status,
        "claimed_station": order.claimed_station,
        "heartbeat_at": order.heartbeat_at,
        "verified": {line.sku: line.verified for line in order.lines},
        "scans": [(scan.raw, scan.outcome) for scan in order.scans.order_by(ScanRecord.id)],
        "events": [event.kind for event in order.events.order_by(Event.id)],
        "shipments": Shipment.select().where(Shipment.order == order).count(),
        "stock": {product.sku: product.stock for product in Product.select()},
    }


def kill_session_once_on_insert_into(table: str) -> None:
    """The next insert into ``table`` ends its own session, as a crashed server or a cut
    network would, in the middle of that transaction (only once: a sequence counts)."""
    database.execute_sql("CREATE SEQUENCE fault_countdown")
    database.execute_sql("""
        CREATE FUNCTION fault_end_session() RETURNS trigger AS $$
        BEGIN
            IF nextval('fault_countdown') = 1 THEN
                PERFORM pg_terminate_backend(pg_backend_pid());
            END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql""")
    database.execute_sql(f'CREATE TRIGGER fault BEFORE INSERT ON "{table}" '
                         "FOR EACH ROW EXECUTE FUNCTION fault_end_session()")


# -- the connection itself ---------------------------------------------------------------

@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_queries_work_again_as_soon_as_the_server_is_back(postgres_database, postgres_server, mode):
    open_database(postgres_database)
    assert database.execute_sql("SELECT 1").fetchone() == (1,)
    with postgres_server.stopped(mode):
        for _ in range(2):  # each try while it is down fails cleanly, without hanging
            with pytest.raises(peewee.OperationalError):
                database.execute_sql("SELECT 1")
    # peewee alone would keep the dead connection and fail forever ("connection already
    # closed"); the first query after the restart must simply work.
    assert database.execute_sql("SELECT 1").fetchone() == (1,)
    database.close()


def test_the_window_can_ask_whether_the_server_is_back(pg_shop, postgres_server):
    assert tables.check_connection()
    with postgres_server.stopped():
        assert not tables.check_connection()
        assert not tables.check_connection()  # asking again is as safe
    assert tables.check_connection()


def test_a_transaction_cut_in_the_middle_leaves_nothing_and_is_not_continued(pg_shop):
    stock = Product.get(Product.sku == "MUG").stock
    with pytest.raises((peewee.OperationalError, peewee.InterfaceError)):
        with atomic():
            Product.update(stock=Product.stock - 1).where(Product.sku == "MUG").execute()
            database.execute_sql("SELECT pg_terminate_backend(pg_backend_pid())")
            # Were this run on a new connection, it would be committed on its own.
            Product.update(stock=Product.stock - 100).where(Product.sku == "MUG").execute()
    assert not database.in_transaction()
    assert Product.get(Product.sku == "MUG").stock == stock


# -- the packing flow ----------------------------------------------------------------------

def test_an_item_whose_transaction_is_cut_is_refused_and_counted_once_when_scanned_again(pg_shop):
    station = PackingStation("Table 1", "Alice")
    station.handle("CMD-1")
    station.handle(MUG)
    before = state_of("CMD-1")
    kill_session_once_on_insert_into("scan")  # after the line is counted, before commit

    refused = station.handle(MUG)
    assert (refused.ok, refused.outcome.code, refused.message) == (False, "failed", LOST)
    assert state_of("CMD-1") == before  # neither the count, nor the heartbeat, nor the scan

    again = station.handle(MUG)
    assert again.outcome.code == "verified" and (again.line.verified, again.line.quantity) == (1 + 1, 2)
    done = station.handle(TEA)
    assert done.outcome.code == "order_complete"
    after = state_of("CMD-1")
    assert after["verified"] == {"TEA": 1, "MUG": 2} and after["shipments"] == 1
    assert [outcome for _, outcome in after["scans"]] == ["order_opened", "verified", "verified",
                                                          "verified"]
    assert after["stock"]["MUG"] == before["stock"]["MUG"] - 2


def test_a_completion_cut_after_the_last_item_completes_once_on_the_next_scan(pg_shop):
    station = PackingStation("Table 1", "Alice")
    for scan in ("CMD-1", MUG, MUG):
        station.handle(scan)
    stock = state_of("CMD-1")["stock"]
    kill_session_once_on_insert_into("shipment")

    refused = station.handle(TEA)  # the item is stored, then the completion is cut
    assert (refused.ok, refused.message) == (False, LOST)
    cut = state_of("CMD-1")
    assert cut["status"] == OrderStatus.PACKING and cut["verified"] == {"TEA": 1, "MUG": 2}
    assert cut["shipments"] == 0 and cut["stock"] == stock and "completed" not in cut["events"]

    # The packer scans the last item again, as told: the order completes, once.
    done = station.handle(TEA)
    assert done.outcome.code == "order_complete" and done.order == "CMD-1"
    after = state_of("CMD-1")
    assert after["status"] == OrderStatus.PACKED and after["shipments"] == 1
    assert after["verified"] == {"TEA": 1, "MUG": 2}
    assert after["events"].count("completed") == 1
    assert after["stock"]["MUG"] == stock["MUG"] - 2 and after["stock"]["TEA"] == stock["TEA"] - 1


def test_a_claim_cut_before_commit_leaves_the_order_free(pg_shop):
    station = PackingStation("Table 1")
    kill_session_once_on_insert_into("event")  # the "claimed" event, in the claim's transaction
    refused = station.handle("CMD-1")
    assert (refused.ok, refused.message) == (False, LOST)
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PENDING
    # Its memory of the order is not trusted: the next item scan asks for the order first.
    assert station.handle(MUG).outcome.code == "no_order" and not station.has_order
    assert station.handle("CMD-1").outcome.code == "order_opened"


def test_a_station_process_rides_out_a_server_stop_in_the_middle_of_an_order(
        pg_shop, postgres_server, tmp_path):
    with ScanProcess(pg_shop, "Table 1", tmp_path) as station:
        assert station.send("CMD-1")["outcome"] == "order_opened"
        assert station.send(MUG)["line"]["verified"] == 1
        before = state_of("CMD-1")

        with postgres_server.stopped():
            for scan in (MUG, TEA):
                refused = station.send(scan)
                assert (refused["ok"], refused["outcome"], refused["message"]) == \
                    (False, "failed", LOST)

        assert state_of("CMD-1") == before  # nothing half-written while it was down
        assert station.send(MUG)["line"]["verified"] == 2
        done = station.send(TEA)
        assert done["outcome"] == "order_complete" and "tracking" not in done  # own label
        assert station.close() == 0
    after = state_of("CMD-1")
    assert after["status"] == OrderStatus.PACKED and after["shipments"] == 1
    assert after["verified"] == {"TEA": 1, "MUG": 2}
    assert after["stock"]["MUG"] == before["stock"]["MUG"] - 2


# -- the password --------------------------------------------------------------------------

ROLE, SECRET = "packer_with_password", "Tr3s-s3cret-pw"


@pytest.fixture
def password_role(postgres_server, postgres_database):
    """A role that must give its password (the private cluster trusts everyone else)."""
    admin = psycopg2.connect(postgres_database)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"DROP ROLE IF EXISTS {ROLE}")
        cursor.execute(f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD %s", (SECRET,))
        hba = postgres_server.data_dir / "pg_hba.conf"
        original = hba.read_text()
        hba.write_text(f"host all {ROLE} 127.0.0.1/32 scram-sha-256\n" + original)
        cursor.execute("SELECT pg_reload_conf()")
    try:
        yield postgres_database.replace("postgres@", f"{ROLE}@")
    finally:
        hba.write_text(original)
        with admin.cursor() as cursor:
            cursor.execute("SELECT pg_reload_conf()")
            cursor.execute(f"DROP OWNED BY {ROLE}")
            cursor.execute(f"DROP ROLE {ROLE}")
        admin.close()


def run_orders(url: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    variables = {key: value for key, value in environment().items()
                 if key not in ("PGPASSWORD", "PGPASSFILE")}
    variables.update(HOME=str(home), **env)
    return subprocess.run(packstation_command(url, "orders", "--json"), capture_output=True,
                          text=True, env=variables, timeout=60)


@pytest.mark.parametrize("source", ["url", "environment", "pgpass"])
def test_the_password_comes_from_the_url_the_environment_or_pgpass(password_role, tmp_path, source):
    home = tmp_path / "home"
    home.mkdir()
    url, env = password_role, {}
    if source == "url":
        url = password_role.replace(f"{ROLE}@", f"{ROLE}:{SECRET}@")
    elif source == "environment":
        env["PGPASSWORD"] = SECRET
    else:
        pgpass = home / ".pgpass"
        pgpass.write_text(f"127.0.0.1:*:*:{ROLE}:{SECRET}\n")
        os.chmod(pgpass, 0o600)  # libpq ignores a file others can read
    result = run_orders(url, home, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_wrong_password_is_refused_in_one_line_that_never_shows_it(password_role, tmp_path):
    wrong = "n0t-the-r1ght-one"
    url = password_role.replace(f"{ROLE}@", f"{ROLE}:{wrong}@")
    result = run_orders(url, tmp_path)
    assert result.returncode != 0
    assert wrong not in result.stderr and wrong not in result.stdout
    assert result.stderr.startswith("packstation: ") and result.stderr.strip().count("\n") == 0
    assert "Impossible d'ouvrir la base de données" in result.stderr and "***" in result.stderr
    assert "password authentication failed" in result.stderr  # the server's reason
