"""The Qt print path (Windows and macOS), tested offscreen against the CUPS PDF queue:
the PDF that lands in cups-pdf's folder has the document's own page size."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid

import pytest
from pypdf import PdfReader

from packstation.db.models import PrintJob
from packstation.printing.destinations import PrintError, set_system_printing
from packstation.services.context import StationConfig
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, start_print_worker
from tests.helpers import MUG, TEA, import_rows, shop_rows

MM = 72 / 25.4


def landed(queue, marker: str, since: float = 0.0, timeout: float = 30.0):
    """The PDF cups-pdf wrote since ``since`` for the job titled with ``marker`` (other
    programs print there too)."""
    from tests.services import _is_complete_pdf

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [path for path in queue.output_dir.glob(f"*{marker}*.pdf")
                 if path.stat().st_mtime >= since - 0.01 and _is_complete_pdf(path)]
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no PDF titled {marker} in {queue.output_dir}")


def size_mm(path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return float(box.width) / MM, float(box.height) / MM


@pytest.fixture
def qt_printing(qapp):
    from packstation.ui.qtprint import QtPrinting

    set_system_printing(QtPrinting())
    yield
    set_system_printing(None)


def test_qt_lists_the_cups_queues(qt_printing, cups_pdf_queue):
    from packstation.printing.destinations import system_printing

    assert cups_pdf_queue.name in system_printing().printer_names()


def test_qt_prints_an_unknown_printer_as_a_clear_failure(qt_printing):
    from packstation.ui.qtprint import QtPdfDestination
    from packstation.documents import render_command_sheet

    with pytest.raises(PrintError) as caught:
        QtPdfDestination("NoSuchPrinter").deliver(render_command_sheet(), kind="commands", ref="x")
    assert caught.value.key == "print.printer_unknown"


def test_completion_prints_label_and_slip_through_qt_at_their_page_sizes(
        qt_printing, sqlite_db, tmp_path, cups_pdf_queue):
    assert import_rows(tmp_path, shop_rows()).ok
    config = StationConfig(station="Table 1", printers={
        "label": {"printer": cups_pdf_queue.name}, "slip": {"printer": cups_pdf_queue.name}})
    started = time.time()
    worker = start_print_worker(config)
    try:
        station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
        station.handle("CMD-1")
        for code in (MUG, MUG, TEA):
            done = station.handle(code)
        assert done.outcome.code == "order_complete"
        assert worker.drain(60)
    finally:
        assert worker.stop()
    jobs = {job.kind: job for job in PrintJob.select()}
    assert {kind: job.status for kind, job in jobs.items()} == {"label": "done", "slip": "done"}
    label = landed(cups_pdf_queue, "label-CMD-1", started)
    slip = landed(cups_pdf_queue, "slip-CMD-1", started)
    width, height = size_mm(label)
    assert abs(width - 100) < 1 and abs(height - 150) < 1
    width, height = size_mm(slip)
    assert abs(width - 210) < 1 and abs(height - 297) < 1
    if shutil.which("zbarimg") and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(label),
                        str(tmp_path / "label")], check=True, timeout=60)
        image = next(tmp_path.glob("label*.png"))
        decoded = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                                 text=True, timeout=60).stdout.split()
        from packstation.db.models import Order

        # An own label: no carrier number (none made up), the order ref in its barcode.
        assert Order.get(Order.ref == "CMD-1").tracking is None and "CMD-1" in decoded


def test_qt_prints_each_page_at_its_size_from_a_worker_thread(qt_printing, cups_pdf_queue, tmp_path):
    import threading

    from packstation.documents import render_labels
    from packstation.ui.qtprint import QtPdfDestination
    from tests.documents import samples

    marker = f"QT{uuid.uuid4().hex[:8]}"
    document = render_labels([samples.label(samples.RECIPIENTS["polish"])] * 2, layout="a6")
    results: list = []
    thread = threading.Thread(target=lambda: results.append(
        QtPdfDestination(cups_pdf_queue.name).deliver(document, kind="label", ref=marker)))
    thread.start()
    thread.join(60)
    assert results and results[0].destination == cups_pdf_queue.name
    printed = landed(cups_pdf_queue, marker)
    assert len(PdfReader(printed).pages) == 2
    width, height = size_mm(printed)
    assert abs(width - 105) < 1 and abs(height - 148) < 1  # A6


def test_the_scan_command_prints_through_qt_when_asked(sqlite_db, sqlite_path, tmp_path, cups_pdf_queue):
    """``packstation scan`` on Windows and macOS prints through Qt: here forced on Linux."""
    import os
    import sys

    from tests.helpers import OTHER

    assert import_rows(tmp_path, shop_rows()).ok
    config = tmp_path / "station.toml"
    config.write_text(f'[station]\nname = "Table 1"\n[printing]\noutput_dir = "{tmp_path / "out"}"\n'
                      f'slip = {{ printer = "{cups_pdf_queue.name}" }}\n')
    started = time.time()
    result = subprocess.run([sys.executable, "-m", "packstation", "--db", sqlite_path, "--config", str(config),
                             "scan", "--json"], input=f"CMD-4\n{OTHER}\n", capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, PACKSTATION_PRINT_SYSTEM="qt"))
    assert result.returncode == 0, result.stderr
    slip = PrintJob.get(PrintJob.kind == "slip")
    assert slip.status == "done" and slip.output == cups_pdf_queue.name  # no CUPS job: Qt's
    width, height = size_mm(landed(cups_pdf_queue, "slip-CMD-4", started))
    assert abs(width - 210) < 1 and abs(height - 297) < 1
