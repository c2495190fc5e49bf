"""The print worker and the queue's truth: per station, per database, nothing lost."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from packstation.db import close
from packstation.db.models import Event, Order, OrderStatus, PrintJob
from packstation.printing.queue import rename_station
from packstation.services.context import StationConfig
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, print_queue, start_print_worker
from packstation.services.shop import open_shop
from tests.helpers import MUG, OTHER, TEA, import_rows, shop_rows


@pytest.fixture
def shop(db, tmp_path):
    assert import_rows(tmp_path, shop_rows()).ok
    return db


def folder_config(tmp_path, station="Table 1") -> StationConfig:
    return StationConfig(station=station, output_dir=str(tmp_path / f"out-{station}"))


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_completion_stores_its_jobs_in_the_packing_transaction(shop, tmp_path):
    """The jobs are there, queued, as soon as the order is packed — before any worker."""
    config = folder_config(tmp_path)
    station = PackingStation("Table 1", printer=OrderPrinter(config, print_queue(config)))
    station.handle("CMD-4")
    done = station.handle(OTHER)
    order = Order.get(Order.ref == "CMD-4")
    assert order.status == OrderStatus.PACKED
    jobs = list(PrintJob.select().where(PrintJob.order == order.id).order_by(PrintJob.id))
    assert [(job.kind, job.status, job.station) for job in jobs] == [
        ("label", "queued", "Table 1"), ("slip", "queued", "Table 1")]
    assert [doc["status"] for doc in done.documents] == ["queued", "queued"]
    completed = Event.get(Event.kind == "completed")
    queued = Event.select().where(Event.kind == "print_queued").order_by(Event.id)
    assert [event.id for event in queued] == [completed.id + 1, completed.id + 2]


def test_a_station_that_starts_again_delivers_what_it_had_queued(shop, tmp_path):
    config = folder_config(tmp_path)
    station = PackingStation("Table 1", printer=OrderPrinter(config, print_queue(config)))
    station.handle("CMD-4")
    station.handle(OTHER)  # packed, documents queued, nobody printed them (the station stopped)
    # A job a killed worker was in the middle of goes back to the queue too.
    PrintJob.update(status="delivering").where(PrintJob.kind == "label").execute()
    worker = start_print_worker(config)
    try:
        assert worker.drain(30)
    finally:
        assert worker.stop()
    jobs = list(PrintJob.select().order_by(PrintJob.id))
    assert [job.status for job in jobs] == ["done", "done"]
    assert all("CMD-4" in pdf_text(job.output) for job in jobs)


@pytest.mark.parametrize("damage", ["removed", "cut"])
def test_retry_renders_again_a_document_whose_spool_file_is_gone(shop, tmp_path, damage):
    config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"),
                           printers={"slip": {"folder": str(tmp_path / "missing")}})
    queue = print_queue(config)
    station = PackingStation("Table 1", printer=OrderPrinter(config, queue))
    station.handle("CMD-4")
    station.handle(OTHER)
    queue.deliver_queued()
    slip = PrintJob.get(PrintJob.kind == "slip")
    assert slip.status == "done"
    spool = Path(slip.spool_path)
    if damage == "removed":
        spool.unlink()
    else:  # a crash while it was written: half a PDF
        spool.write_bytes(spool.read_bytes()[:500])
    PrintJob.update(status="failed", last_error="x").where(PrintJob.id == slip.id).execute()
    retried = print_queue(config).retry_failed()
    assert [job.status for job in retried] == ["done"]
    assert Path(retried[0].spool_path).exists() and "CMD-4" in pdf_text(retried[0].output)


def test_spool_files_are_unique_per_database(tmp_path):
    """Two shops of one user: the same job number, two spool files, each its own label."""
    outputs = {}
    for shop_name in ("a", "b"):
        target = str(tmp_path / f"{shop_name}.sqlite3")
        open_shop(target)
        rows = shop_rows()
        for row in rows:
            if row.get("order_ref") == "CMD-4":
                row["customer_name"] = f"Client {shop_name.upper()}"
        import_rows(tmp_path, rows, name=f"{shop_name}.csv")
        config = folder_config(tmp_path, station=f"T{shop_name}")
        queue = print_queue(config)
        station = PackingStation(config.station, printer=OrderPrinter(config, queue))
        station.handle("CMD-4")
        station.handle(OTHER)
        queue.deliver_queued()
        outputs[shop_name] = [(job.id, job.spool_path) for job in PrintJob.select().order_by(PrintJob.id)]
        close()
    assert [job_id for job_id, _ in outputs["a"]] == [job_id for job_id, _ in outputs["b"]]
    assert {path for _, path in outputs["a"]}.isdisjoint(path for _, path in outputs["b"])
    for shop_name, jobs in outputs.items():
        assert f"Client {shop_name.upper()}" in pdf_text(jobs[0][1])


def test_two_databases_retrying_at_once_print_each_their_own(tmp_path):
    """Two shops' retry-prints run at the same moment: each prints its own labels."""
    configs = {}
    for shop_name in ("a", "b"):
        target = str(tmp_path / f"{shop_name}.sqlite3")
        open_shop(target)
        rows = shop_rows()
        for row in rows:
            if row.get("customer_name"):
                row["customer_name"] = f"Client {shop_name.upper()}"
        import_rows(tmp_path, rows, name=f"{shop_name}.csv")
        out = tmp_path / f"out-{shop_name}"
        config = StationConfig(station="Table 1", output_dir=str(out))
        station = PackingStation("Table 1", printer=OrderPrinter(config, print_queue(config)))
        station.handle("CMD-4")
        station.handle(OTHER)
        station.handle("CMD-1")
        for code in (MUG, MUG, TEA):
            station.handle(code)
        # Rendered and spooled once, then the printer failed.
        print_queue(config).deliver_queued()
        PrintJob.update(status="failed").execute()
        for file in out.iterdir():
            file.unlink()
        close()
        config_file = tmp_path / f"{shop_name}.toml"
        config_file.write_text(f'[station]\nname = "Table 1"\n[printing]\noutput_dir = "{out}"\n')
        configs[shop_name] = (target, config_file, out)
    processes = [subprocess.Popen([sys.executable, "-m", "packstation", "--db", target, "--config",
                                   str(config_file), "retry-prints"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
                 for target, config_file, _ in configs.values()]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, out + err
    for shop_name, (_, _, out) in configs.items():
        files = sorted(out.iterdir())
        assert len(files) == 4
        other = "B" if shop_name == "a" else "A"
        for file in files:
            text = pdf_text(file)
            assert f"Client {shop_name.upper()}" in text and f"Client {other}" not in text


def test_retry_and_counts_are_per_station(shop, tmp_path):
    one, two = folder_config(tmp_path, "Table 1"), folder_config(tmp_path, "Table 2")
    table_1 = PackingStation("Table 1", printer=OrderPrinter(one, print_queue(one)))
    table_1.handle("CMD-4")
    table_1.handle(OTHER)
    table_2 = PackingStation("Table 2", printer=OrderPrinter(two, print_queue(two)))
    table_2.handle("CMD-1")
    for code in (MUG, MUG, TEA):
        table_2.handle(code)
    PrintJob.update(status="failed", last_error="off").execute()
    assert print_queue(one).counts() == {"failed": 2}
    retried = print_queue(two).retry_failed()
    assert {tuple(job.refs) for job in retried} == {("CMD-1",)}
    assert print_queue(one).counts() == {"failed": 2}
    assert print_queue(two).counts() == {"done": 2}
    # Renaming Table 1 keeps its jobs: its counts and retries follow the new name.
    assert rename_station("Table 1", "Emballage 1") == 2
    assert print_queue(one).counts() == {}
    renamed = print_queue(StationConfig(station="Emballage 1", output_dir=one.output_dir))
    assert renamed.counts() == {"failed": 2}
    assert [job.status for job in renamed.retry_failed()] == ["done", "done"]



def test_the_worker_delivers_in_order_while_the_station_keeps_packing(shop, tmp_path):
    config = folder_config(tmp_path)
    worker = start_print_worker(config)
    delivered: list[int] = []
    lock = threading.Lock()

    def on_change(job):
        with lock:
            delivered.append(job.id)

    worker.queue.on_change = on_change
    try:
        station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
        station.handle("CMD-4")
        station.handle(OTHER)
        station.handle("CMD-1")
        for code in (MUG, MUG, TEA):
            station.handle(code)
        assert worker.drain(30)
    finally:
        assert worker.stop()
    assert delivered == sorted(delivered) and len(delivered) == 4
    assert [job.status for job in PrintJob.select()] == ["done"] * 4


@pytest.fixture
def drawn(monkeypatch):
    """Counts the labels and slips drawn (ahead or at completion); nothing drawn ahead yet."""
    from collections import deque

    from packstation.services import printing

    monkeypatch.setattr(printing, "_PREPARED", deque(maxlen=4))
    monkeypatch.setattr(printing, "PREPARE_DELAY_SECONDS", 0.0)
    kinds: list[str] = []
    draw = printing._draw_pdf

    def counting(kind, data, layout):
        kinds.append(kind)
        return draw(kind, data, layout)

    monkeypatch.setattr(printing, "_draw_pdf", counting)
    return kinds


def test_an_open_orders_documents_are_drawn_ahead_and_delivered_as_drawn(shop, tmp_path, drawn):
    config = folder_config(tmp_path)
    worker = start_print_worker(config, "Table 1")
    try:
        station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
        assert station.handle("CMD-4").outcome.code == "order_opened"
        assert worker.idle(30)
        assert drawn == ["label", "slip"]  # while the packer scans
        assert PrintJob.select().count() == 0  # nothing queued or printed before completion
        assert station.handle(OTHER).outcome.code == "order_complete"
        assert worker.drain(30)
    finally:
        worker.stop()
    assert drawn == ["label", "slip"]  # not drawn again: the same data
    assert {job.status for job in PrintJob.select()} == {"done"}
    out = Path(config.output_dir)
    [label] = out.glob("label-CMD-4-*.pdf")
    [slip] = out.glob("slip-CMD-4-*.pdf")
    assert "CMD-4" in pdf_text(label) and "Boîte à thé" in pdf_text(slip)


def test_a_document_whose_data_changed_meanwhile_is_drawn_again(shop, tmp_path, drawn):
    config = folder_config(tmp_path)
    worker = start_print_worker(config, "Table 1")
    try:
        station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
        station.handle("CMD-4")
        assert worker.idle(30)
        Order.update(note="Livrer chez la voisine").where(Order.ref == "CMD-4").execute()
        assert station.handle(OTHER).outcome.code == "order_complete"
        assert worker.drain(30)
    finally:
        worker.stop()
    assert drawn == ["label", "slip", "slip"]  # the label is the same; the slip is not
    [slip] = Path(config.output_dir).glob("slip-CMD-4-*.pdf")
    assert "Livrer chez la voisine" in pdf_text(slip)
