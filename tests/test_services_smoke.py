"""The services of tests/services.py really run: PostgreSQL answers, stops and starts again;
the CUPS PDF queue exists; a missing service skips, or fails when CI requires services."""

from __future__ import annotations

import io
import subprocess
import time

import psycopg2
import pytest
from reportlab.pdfgen import canvas

from tests.services import CupsPdfQueue, PostgresServer, require_or_skip, run_lpstat


def test_postgres_url_answers(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql://postgres@127.0.0.1:")
    assert postgres_url.endswith("/packstation_test")
    with psycopg2.connect(postgres_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT 1, current_database(), pg_encoding_to_char(encoding) "
                       "FROM pg_database WHERE datname = current_database()")
        assert cursor.fetchone() == (1, "packstation_test", "UTF8")
    connection.close()


def test_postgres_stops_and_starts_keeping_its_data(postgres_server: PostgresServer) -> None:
    url = postgres_server.new_database("smoke_restart")
    connection = psycopg2.connect(url)
    with connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE parcel (ref text PRIMARY KEY)")
        cursor.execute("INSERT INTO parcel VALUES ('A-1001')")

    with postgres_server.stopped():
        assert not postgres_server.running
        # The open session is cut, and nobody can connect until the server is back.
        with pytest.raises(psycopg2.OperationalError):
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        with pytest.raises(psycopg2.OperationalError):
            psycopg2.connect(url, connect_timeout=2)
    connection.close()

    assert postgres_server.running
    again = psycopg2.connect(url)
    with again, again.cursor() as cursor:
        cursor.execute("SELECT ref FROM parcel")
        assert cursor.fetchall() == [("A-1001",)]
    again.close()


def test_postgres_database_is_fresh_and_empty(postgres_database: str) -> None:
    connection = psycopg2.connect(postgres_database)
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.tables "
                       "WHERE table_schema = 'public'")
        assert cursor.fetchone() == (0,)
        cursor.execute("CREATE TABLE leftover (id int)")  # the next call must drop it
    connection.close()


def test_new_database_replaces_an_existing_one(postgres_server: PostgresServer) -> None:
    url = postgres_server.new_database("smoke_fresh")
    connection = psycopg2.connect(url)
    with connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE leftover (id int)")
    connection.close()

    url = postgres_server.new_database("smoke_fresh")
    connection = psycopg2.connect(url)
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('leftover')")
        assert cursor.fetchone() == (None,)
    connection.close()


@pytest.mark.parametrize("name", ["Bad-Name", "x; DROP DATABASE postgres", ""])
def test_new_database_refuses_names_that_need_quoting(
    postgres_server: PostgresServer, name: str,
) -> None:
    with pytest.raises(ValueError):
        postgres_server.new_database(name)


def test_cups_pdf_queue_is_ready(cups_pdf_queue: CupsPdfQueue) -> None:
    status = run_lpstat("-p", cups_pdf_queue.name, "-a")
    assert status.returncode == 0, status.stderr
    assert f"printer {cups_pdf_queue.name} " in status.stdout
    assert f"{cups_pdf_queue.name} accepting requests" in status.stdout
    assert cups_pdf_queue.output_dir.is_dir()


@pytest.mark.parametrize(("required", "outcome"), [
    (None, pytest.skip.Exception),
    ("0", pytest.skip.Exception),
    ("1", pytest.fail.Exception),
])
def test_missing_service_skips_unless_required(
    monkeypatch: pytest.MonkeyPatch, required: str | None, outcome: type[BaseException],
) -> None:
    if required is None:
        monkeypatch.delenv("PACKSTATION_REQUIRE_SERVICES", raising=False)
    else:
        monkeypatch.setenv("PACKSTATION_REQUIRE_SERVICES", required)
    with pytest.raises(outcome, match="no such service"):
        require_or_skip("no such service")


def test_cups_pdf_queue_finds_what_was_just_printed(cups_pdf_queue: CupsPdfQueue) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 700, "smoke")
    page.save()
    since = time.time()
    subprocess.run(["lp", "-d", cups_pdf_queue.name, "-t", "smoke", "-"],
                   input=buffer.getvalue(), capture_output=True, check=True)

    printed = cups_pdf_queue.wait_for_new_pdf(since)

    assert printed.parent == cups_pdf_queue.output_dir
    assert printed.read_bytes().startswith(b"%PDF-")
    assert printed in cups_pdf_queue.pdfs_since(since)
    assert cups_pdf_queue.pdfs_since(time.time() + 60) == []
