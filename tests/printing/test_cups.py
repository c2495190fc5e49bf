"""Printing through the real CUPS scheduler into the cups-pdf queue.

Every PDF is read back from cups-pdf's output folder: its page size with pypdf and its
text with pypdf's extractor, so a test passes only if the document really went through.
"""

from __future__ import annotations

import io
import subprocess
import time
import uuid
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from packstation.core import i18n
from packstation.printing import cups
from packstation.printing.cups import PrinterInfo, PrintError, parse_printers
from packstation.printing.destinations import PrinterDestination
from tests.services import CupsPdfQueue

MM_PER_POINT = 25.4 / 72


def label_pdf(marker: str, width_mm: float = 100, height_mm: float = 150) -> bytes:
    """A one-page label carrying ``marker``, to find it again in the printed PDF."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width_mm * mm, height_mm * mm))
    page.setFont("Helvetica-Bold", 16)
    page.drawString(10 * mm, height_mm * mm / 2, marker)
    page.rect(5 * mm, 5 * mm, (width_mm - 10) * mm, (height_mm - 10) * mm)
    page.showPage()
    page.save()
    return buffer.getvalue()


def unique_marker() -> str:
    return f"PARCEL-{uuid.uuid4().hex[:10].upper()}"


def page_size_mm(path: Path) -> tuple[float, float]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return float(box.width) * MM_PER_POINT, float(box.height) * MM_PER_POINT


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def printed_with(queue: CupsPdfQueue, marker: str, since: float) -> list[Path]:
    """The PDFs printed since ``since`` that carry ``marker`` (others may print meanwhile)."""
    return [path for path in queue.pdfs_since(since) if marker in pdf_text(path)]


def wait_for_printed(queue: CupsPdfQueue, marker: str, since: float, timeout: float = 30) -> Path:
    deadline = time.monotonic() + timeout
    while not (found := printed_with(queue, marker, since)):
        assert time.monotonic() < deadline, f"no PDF with {marker} in {queue.output_dir}"
        time.sleep(0.1)
    (printed,) = found
    return printed


def wait_for_state(job_id: str, wanted: set[str], timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while (state := cups.job_state(job_id)) not in wanted:
        assert time.monotonic() < deadline, f"job {job_id} still {state} after {timeout} s"
        time.sleep(0.1)
    return state


@pytest.mark.parametrize(("media", "width_mm", "height_mm"), [
    ("100x150mm", 100.0, 150.0),
    ("4x6in", 101.6, 152.4),
    ("A6", 105.0, 148.0),
])
def test_label_is_printed_at_the_media_size(
    cups_pdf_queue: CupsPdfQueue, media: str, width_mm: float, height_mm: float,
) -> None:
    marker = unique_marker()
    since = time.time()

    delivery = PrinterDestination(cups_pdf_queue.name, media).deliver(
        label_pdf(marker), kind="label", ref=marker,
    )

    assert delivery.awaits_printer and delivery.destination == cups_pdf_queue.name
    assert delivery.job_id.startswith(f"{cups_pdf_queue.name}-")
    assert wait_for_state(delivery.job_id, cups.FINISHED_STATES) == "completed"
    printed = wait_for_printed(cups_pdf_queue, marker, since)
    width, height = page_size_mm(printed)
    assert width == pytest.approx(width_mm, abs=1.0)
    assert height == pytest.approx(height_mm, abs=1.0)


def test_stopped_queue_holds_the_job_until_it_is_enabled(cups_pdf_queue: CupsPdfQueue) -> None:
    marker = unique_marker()
    since = time.time()
    destination = PrinterDestination(cups_pdf_queue.name, "100x150mm")

    with cups_pdf_queue.disabled():
        (queue,) = [p for p in cups.list_printers() if p.name == cups_pdf_queue.name]
        # A stopped queue still accepts jobs: lp succeeds, the job waits.
        assert (queue.state, queue.accepting) == ("stopped", True)
        job_id = destination.deliver(label_pdf(marker), kind="label", ref=marker).job_id
        time.sleep(2)  # long enough for cups-pdf to have printed it, were the queue running
        assert cups.job_state(job_id) == "pending"
        assert printed_with(cups_pdf_queue, marker, since) == []

    assert wait_for_state(job_id, cups.FINISHED_STATES) == "completed"
    assert wait_for_printed(cups_pdf_queue, marker, since).name.endswith(".pdf")


def test_cancelled_job_is_never_printed(cups_pdf_queue: CupsPdfQueue) -> None:
    marker = unique_marker()
    since = time.time()
    with cups_pdf_queue.disabled():
        job_id = cups.submit(cups_pdf_queue.name, label_pdf(marker), title="cancel-me")
        assert cups.cancel(job_id) is True
        assert cups.job_state(job_id) == "cancelled"
    assert cups.cancel(job_id) is False  # already finished: nothing left to cancel
    time.sleep(2)
    assert cups.job_state(job_id) == "cancelled"
    assert printed_with(cups_pdf_queue, marker, since) == []


def test_held_job_is_reported_held(cups_pdf_queue: CupsPdfQueue) -> None:
    result = subprocess.run(
        ["lp", "-d", cups_pdf_queue.name, "-H", "hold", "-t", "held", "-"],
        input=label_pdf("HELD"), capture_output=True, check=True,
    )
    job_id = result.stdout.decode().split("request id is ")[1].split()[0]
    try:
        assert cups.job_state(job_id) == "held"
    finally:
        cups.cancel(job_id)


def test_a_job_the_scheduler_does_not_know_is_unknown(cups_pdf_queue: CupsPdfQueue) -> None:
    assert cups.job_state(f"{cups_pdf_queue.name}-987654") == "unknown"
    with pytest.raises(PrintError) as caught:
        cups.cancel(987654)
    assert caught.value.key == "print.job_unknown"


def test_list_printers_shows_the_pdf_queue(cups_pdf_queue: CupsPdfQueue) -> None:
    printers = {printer.name: printer for printer in cups.list_printers()}
    queue = printers[cups_pdf_queue.name]
    assert queue.state in ("idle", "printing") and queue.accepting
    assert sum(printer.default for printer in printers.values()) <= 1


@pytest.mark.parametrize("language, words", [
    ("fr", "L'imprimante « Zebra-Absente » n'existe pas"),
    ("en", "The printer 'Zebra-Absente' does not exist"),
])
def test_printer_that_does_not_exist_is_named(
    cups_pdf_queue: CupsPdfQueue, language: str, words: str,
) -> None:
    with pytest.raises(PrintError) as caught:
        PrinterDestination("Zebra-Absente", "100x150mm").deliver(
            label_pdf("X"), kind="label", ref="A-1")
    assert caught.value.key == "print.printer_unknown"
    message = i18n.tr(caught.value.key, language, **caught.value.params)
    assert words in message
    assert cups_pdf_queue.name in message  # the printers that do exist, to choose from


def test_printer_refusing_jobs_is_named(cups_pdf_queue: CupsPdfQueue) -> None:
    subprocess.run(["cupsreject", cups_pdf_queue.name], check=True)
    try:
        assert not next(p for p in cups.list_printers() if p.name == cups_pdf_queue.name).accepting
        with pytest.raises(PrintError) as caught:
            PrinterDestination(cups_pdf_queue.name).deliver(label_pdf("X"), kind="slip", ref="A-1")
    finally:
        subprocess.run(["cupsaccept", cups_pdf_queue.name], check=True)
    assert caught.value.key == "print.printer_rejecting"
    assert f"cupsaccept {cups_pdf_queue.name}" in i18n.tr(caught.value.key, "en", **caught.value.params)


def test_cups_not_answering_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", "127.0.0.1:1")  # nothing listens there
    for attempt in (
        lambda: PrinterDestination("PDF").deliver(label_pdf("X"), kind="label", ref="A-1"),
        cups.list_printers,
        lambda: cups.job_state("PDF-1"),
    ):
        with pytest.raises(PrintError) as caught:
            attempt()
        assert caught.value.key == "print.cups_unreachable"


def test_missing_lp_command_is_said_plainly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without any CUPS tool
    with pytest.raises(PrintError) as caught:
        PrinterDestination("PDF").deliver(label_pdf("X"), kind="label", ref="A-1")
    assert caught.value.key == "print.command_missing"
    assert "'lp'" in i18n.tr(caught.value.key, "en", **caught.value.params)


# What `LC_ALL=C lpstat -p -a -d` printed on CUPS 2.4 in each situation.
@pytest.mark.parametrize(("output", "expected"), [
    (
        "printer PDF is idle.  enabled since Thu Nov 26 06:31:56 2026\n"
        "PDF accepting requests since Thu Nov 26 06:31:56 2026\n"
        "no system default destination\n",
        [PrinterInfo("PDF", "idle", True, False)],
    ),
    (
        "printer PDF disabled since Thu Nov 26 06:32:36 2026 -\n\tPaused\n"
        "printer Zebra now printing Zebra-41.  enabled since Thu Nov 26 06:40:00 2026\n"
        "PDF accepting requests since Thu Nov 26 06:32:36 2026\n"
        "Zebra not accepting requests since Thu Nov 26 06:41:00 2026 -\n\tout of labels\n"
        "system default destination: Zebra\n",
        [PrinterInfo("PDF", "stopped", True, False), PrinterInfo("Zebra", "printing", False, True)],
    ),
    ("no system default destination\n", []),
])
def test_lpstat_output_is_read(output: str, expected: list[PrinterInfo]) -> None:
    assert parse_printers(output) == expected
