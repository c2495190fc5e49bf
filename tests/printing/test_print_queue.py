"""The persisted print queue with real destinations: nothing is lost, nothing blocks packing."""

from __future__ import annotations

import io
import subprocess
import time

import pytest
from pypdf import PdfReader

from packstation.db.models import Event, Order, OrderStatus, PrintJob
from packstation.printing.queue import DestinationSpec, PrintQueue
from packstation.services.context import StationConfig
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, print_queue, render, start_print_worker
from tests.helpers import OTHER, import_rows, shop_rows

MM = 72 / 25.4


@pytest.fixture
def shop(sqlite_db, tmp_path):
    assert import_rows(tmp_path, shop_rows()).ok
    return sqlite_db


def pdf_of_cups_job(queue, job_id: str, timeout: float = 30.0):
    """The PDF cups-pdf wrote for this job ("...-job_12.pdf"): other programs print there too."""
    from packstation.printing.cups import job_number
    from tests.services import _is_complete_pdf

    number = job_number(job_id)
    found: list = []
    wait_for(lambda: bool(found.extend(p for p in queue.output_dir.glob(f"*job_{number}.pdf")
                                       if _is_complete_pdf(p)) or found), timeout)
    return found[0]


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


@pytest.fixture
def worker_for():
    started = []

    def start(config, station="Table 1"):
        worker = start_print_worker(config, station)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        assert worker.stop()


def test_completion_prints_label_and_slip_to_the_configured_folder(shop, tmp_path, worker_for):
    config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"))
    worker = worker_for(config)
    station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
    station.handle("CMD-4")
    done = station.handle(OTHER)
    assert done.outcome.code == "order_complete"
    # The answer does not wait for the documents: they are queued, the worker prints them.
    assert sorted((doc["kind"], doc["status"]) for doc in done.documents) == [
        ("label", "queued"), ("slip", "queued")]
    assert worker.drain(30)
    jobs = {job.kind: job for job in PrintJob.select()}
    for job in jobs.values():
        assert job.status == "done"
        text = "".join(page.extract_text() for page in PdfReader(job.output).pages)
        assert "CMD-4" in text
    label = PdfReader(jobs["label"].output)
    box = label.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (100, 150)


def test_a_printer_that_does_not_exist_never_stops_packing(shop, tmp_path, worker_for):
    config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"),
                           printers={"label": {"printer": "NoSuchPrinter"}})
    worker = worker_for(config)
    station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
    station.handle("CMD-4")
    done = station.handle(OTHER)
    assert done.outcome.code == "order_complete"
    assert Order.get(Order.ref == "CMD-4").status == OrderStatus.PACKED
    assert worker.drain(30)
    assert worker.stop()
    job = PrintJob.get(PrintJob.kind == "label")
    assert job.status == "failed" and "NoSuchPrinter" in job.last_error
    assert Event.select().where(Event.kind == "print_failed").count() == 1
    # The printer is fixed (here: the label goes to a folder after all); the job is retried.
    job.destination = {"folder": str(tmp_path / "later")}
    job.save()
    retried = print_queue(config).retry_failed()
    assert [j.status for j in retried] == ["done"]
    assert "CMD-4" in PdfReader(retried[0].output).pages[0].extract_text()


def test_a_stopped_cups_queue_keeps_the_job_until_it_is_enabled(shop, tmp_path, cups_pdf_queue):
    document, _ = render("label", ["CMD-1"], before_packing=True)
    queue = PrintQueue(tmp_path / "spool", station="Table 1")
    started = time.time()
    with cups_pdf_queue.disabled():
        job = queue.submit("label", ["CMD-1"], document,
                           DestinationSpec(printer=cups_pdf_queue.name, media="100x150mm"))
        assert job.status == "sent" and job.output.startswith(cups_pdf_queue.name)
        time.sleep(1.0)
        queue.refresh()
        assert PrintJob.get_by_id(job.id).status == "sent"
        assert cups_pdf_queue.pdfs_since(started) == []
    wait_for(lambda: bool(queue.refresh()) or PrintJob.get_by_id(job.id).status == "done")
    assert PrintJob.get_by_id(job.id).status == "done"
    printed = pdf_of_cups_job(cups_pdf_queue, job.output)
    box = PdfReader(printed).pages[0].mediabox
    assert abs(float(box.width) / MM - 100) < 1.5 and abs(float(box.height) / MM - 150) < 1.5


def test_print_command_to_a_cups_printer(shop, sqlite_path, tmp_path, cups_pdf_queue):
    import os
    import sys

    started = time.time()
    result = subprocess.run([sys.executable, "-m", "packstation", "--db", sqlite_path, "--lang", "en",
                             "print", "slip", "CMD-1", "CMD-2", "--printer", cups_pdf_queue.name],
                            capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert "Sent to printer" in result.stderr
    text = "".join(page.extract_text() for page in PdfReader(cups_pdf_queue.wait_for_new_pdf(started)).pages)
    assert "CMD-1" in text and "CMD-2" in text


def test_a_label_printed_before_packing_uses_the_stations_packaging_weight(shop, tmp_path):
    """CMD-4 is one 100 g product: 100 g plus this station's 400 g of packaging."""
    config = StationConfig(station="Table 1", packaging_g=400, output_dir=str(tmp_path / "out"))
    document, _ = render("label", ["CMD-4"], config=config, before_packing=True)
    text = PdfReader(io.BytesIO(document)).pages[0].extract_text()
    assert "\n500 g\n" in text  # with a fixed 150 g of packaging it read 250 g


def test_a_job_cups_gave_up_is_failed_never_done(shop, tmp_path, cups_pdf_queue):
    """Cancelled (or aborted) by CUPS: nothing came out, the job says so and what to do."""
    from packstation.printing import cups

    document, _ = render("slip", ["CMD-1"])
    queue = PrintQueue(tmp_path / "spool", station="Table 1")
    with cups_pdf_queue.disabled():
        job = queue.submit("slip", ["CMD-1"], document, DestinationSpec(printer=cups_pdf_queue.name))
        assert job.status == "sent"
        assert cups.cancel(job.output)
    # Another station's follow-up leaves this station's jobs alone.
    assert PrintQueue(tmp_path / "spool", station="Table 2").refresh() == []
    assert PrintJob.get_by_id(job.id).status == "sent"
    wait_for(lambda: bool(queue.refresh()) or PrintJob.get_by_id(job.id).status != "sent")
    job = PrintJob.get_by_id(job.id)
    assert job.status == "failed" and job.printed_at is None
    assert "cancelled" in job.last_error and "relancez" in job.last_error
