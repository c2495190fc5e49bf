"""Thermal printers: native ZPL labels, a network printer on raw TCP, a CUPS raw queue."""

from __future__ import annotations

import re
import socket
import sys
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from packstation.db.models import Order, PrintJob, Shipment
from packstation.documents import DocumentError
from packstation.documents.zpl import render_labels_zpl
from packstation.printing.destinations import PrintError, SocketDestination
from packstation.services.context import StationConfig, validate_config
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, print_queue, start_print_worker
from tests.documents import samples
from tests.helpers import MUG, TEA, shop_rows


class LabelPrinter:
    """A network label printer on 127.0.0.1: accepts on its port and keeps what it got."""

    def __init__(self, port: int = 0, *, delay: float = 0.0) -> None:
        self.server = socket.create_server(("127.0.0.1", port))
        self.port = self.server.getsockname()[1]
        self.delay = delay
        self.received: list[bytes] = []
        self.accepted_at: list[float] = []
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"socket://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self.server.settimeout(0.2)
        deadline = time.monotonic() + 120  # bounded: the test ends long before
        while not self._stop and time.monotonic() < deadline:
            try:
                link, _ = self.server.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.accepted_at.append(time.monotonic())
            with link:
                time.sleep(self.delay)
                link.settimeout(10)
                chunks = []
                while chunk := link.recv(65536):
                    chunks.append(chunk)
                self.received.append(b"".join(chunks))

    def wait_for(self, count: int, timeout: float = 20) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"the printer got {len(self.received)} of {count} labels")
            time.sleep(0.05)
        return self.received

    def close(self) -> None:
        self._stop = True
        self.server.close()
        self._thread.join(5)


@contextmanager
def label_printer(**kwargs):
    printer = LabelPrinter(**kwargs)
    try:
        yield printer
    finally:
        printer.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def zpl_config(tmp_path, printer_url: str, dpi: int = 203) -> StationConfig:
    return StationConfig(station="Table 1", output_dir=str(tmp_path / "out"),
                         printers={"label": {"printer": printer_url, "format": "zpl", "dpi": dpi}})


def barcode_field(zpl: str) -> str:
    """The data of the ^BC (Code 128) field."""
    match = re.search(r"\^BC[^\^]*(?:\^FH)?\^FD([^\^]*)\^FS", zpl)
    assert match, zpl
    return match[1]


# -- the ZPL document ----------------------------------------------------------------------

@pytest.mark.parametrize(("dpi", "width"), [(203, 799), (300, 1181)])
def test_a_label_in_zpl_at_each_resolution(dpi, width):
    label = samples.label(samples.RECIPIENTS["polish"])
    zpl = render_labels_zpl([label], dpi=dpi).decode("utf-8")
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert "^CI28" in zpl and f"^PW{width}" in zpl
    assert barcode_field(zpl) == label.tracking  # a native Code 128, not a picture
    assert "^GF" not in zpl  # no bitmap anywhere
    assert "Łódź" in zpl  # UTF-8, as written


def test_an_own_label_without_a_carrier_number_carries_the_order_ref():
    import dataclasses

    label = dataclasses.replace(samples.label(samples.RECIPIENTS["polish"]), tracking="")
    zpl = render_labels_zpl([label], dpi=203).decode("utf-8")
    assert barcode_field(zpl) == label.order_ref  # never a made-up number


def test_zpl_commands_in_an_address_are_escaped():
    label = samples.label(samples.RECIPIENTS["polish"])
    from dataclasses import replace

    tricky = replace(label, recipient=replace(label.recipient, line2="^XZ~JR_hack"))
    zpl = render_labels_zpl([tricky]).decode()
    assert "_5EXZ_7EJR_5Fhack" in zpl and zpl.count("^XZ") == 1


def test_a_script_the_printer_font_lacks_is_refused_with_the_field():
    greek = samples.label(samples.RECIPIENTS["greek"])
    with pytest.raises(DocumentError) as caught:
        render_labels_zpl([greek])
    assert "destinataire" in caught.value.message and "font" in caught.value.message
    # With a Unicode font of the printer, it prints as written.
    zpl = render_labels_zpl([greek], font="E:TT0003M_.TTF").decode()
    assert "^CW1,E:TT0003M_.TTF" in zpl and greek.recipient.city in zpl


def test_the_station_file_form_is_validated():
    good = StationConfig(printers={"label": {"printer": "socket://192.168.1.50:9100",
                                             "format": "zpl", "dpi": 203},
                                   "slip": {"printer": "Bureau", "media": "A4"}})
    assert validate_config(good, printers=["Bureau"]) == []
    bad = StationConfig(printers={"label": {"printer": "socket://", "format": "zpl", "dpi": 600},
                                  "slip": {"printer": "Bureau", "format": "zpl"}})
    fields = {problem.field for problem in validate_config(bad, printers=["Bureau"])}
    assert fields == {"printing.label.printer", "printing.label.dpi", "printing.slip.format"}


# -- a network label printer --------------------------------------------------------------------

@pytest.fixture
def shop(sqlite_db, tmp_path):
    """The shop, CMD-1 with the carrier's number the shop imported (a label bought before):
    the station's own ZPL label then carries it in its ^BC field."""
    from tests.helpers import GENERIC_COLUMNS, write_csv
    from packstation.services.importing import Importer

    rows = shop_rows()
    for values in rows:
        if values["order_ref"] == "CMD-1":
            values["tracking"] = CARRIER_NUMBER
    path = write_csv(tmp_path / "orders.csv", rows, columns=[*GENERIC_COLUMNS, "tracking"])
    assert Importer(station="test").import_file(path).ok
    return sqlite_db


#: A carrier-issued number, as a shop's export gives it (Colissimo's shape).
CARRIER_NUMBER = "6A12345678901"


def pack_cmd_1(station: PackingStation):
    station.handle("CMD-1")
    station.handle(MUG)
    station.handle(MUG)
    return station.handle(TEA)


def test_completion_sends_the_zpl_label_to_the_network_printer(shop, tmp_path):
    with label_printer() as printer:
        config = zpl_config(tmp_path, printer.url)
        worker = start_print_worker(config)
        try:
            station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
            done = pack_cmd_1(station)
            assert done.outcome.code == "order_complete"
            zpl = printer.wait_for(1)[0].decode("utf-8")
            assert worker.drain(20)
        finally:
            assert worker.stop()
    tracking = Shipment.get(Shipment.order == Order.get(Order.ref == "CMD-1").id).tracking
    assert tracking == CARRIER_NUMBER and barcode_field(zpl) == tracking
    label = PrintJob.get(PrintJob.kind == "label")
    assert label.status == "done" and label.output == printer.url
    assert label.spool_path.endswith(".zpl")
    # The slip has no printer: a PDF in the folder, as before.
    slip = PrintJob.get(PrintJob.kind == "slip")
    assert slip.status == "done" and slip.output.endswith(".pdf")


def test_a_printer_that_is_off_fails_the_job_then_retry_delivers_it(shop, tmp_path):
    port = free_port()  # nothing listens there: the printer is off
    config = zpl_config(tmp_path, f"socket://127.0.0.1:{port}")
    queue = print_queue(config)
    station = PackingStation("Table 1", printer=OrderPrinter(config, queue))
    assert pack_cmd_1(station).outcome.code == "order_complete"
    started = time.monotonic()
    queue.deliver_queued()
    assert time.monotonic() - started < 15
    label = PrintJob.get(PrintJob.kind == "label")
    assert label.status == "failed"
    assert f"127.0.0.1:{port}" in label.last_error and "allumez" in label.last_error
    with label_printer(port=port) as printer:  # switched on
        retried = print_queue(config).retry_failed()
        assert [job.status for job in retried] == ["done"]
        assert barcode_field(printer.wait_for(1)[0].decode()) == Order.get(Order.ref == "CMD-1").tracking


def test_a_printer_that_does_not_answer_times_out_with_a_message():
    # A listener that never accepts fills its backlog; connecting to a black hole would
    # need another address, so a timeout is checked on a full backlog with 0.5 s.
    destination = SocketDestination("socket://127.0.0.1:9", timeout=0.5)
    with pytest.raises(PrintError) as caught:
        destination.deliver(b"^XA^XZ", kind="label", ref="X")
    assert caught.value.key in ("print.socket_refused", "print.socket_timeout")


def test_the_retry_command_delivers_to_a_printer_switched_on(shop, sqlite_path, tmp_path):
    import sys

    port = free_port()
    config = zpl_config(tmp_path, f"socket://127.0.0.1:{port}")
    station = PackingStation("Table 1", printer=OrderPrinter(config, print_queue(config)))
    pack_cmd_1(station)
    config_file = tmp_path / "station.toml"
    config_file.write_text(f'[station]\nname = "Table 1"\n[printing]\noutput_dir = "{tmp_path / "out"}"\n'
                           f'label = {{ printer = "socket://127.0.0.1:{port}", format = "zpl", dpi = 203 }}\n')
    command = [sys.executable, "-m", "packstation", "--db", sqlite_path, "--config", str(config_file),
               "--lang", "en", "retry-prints"]
    off = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert off.returncode == 1 and "label" in off.stdout and "not answering" in off.stdout
    with label_printer(port=port) as printer:
        on = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert on.returncode == 0, on.stdout + on.stderr
        assert "label CMD-1: done" in on.stdout
        assert "^BC" in printer.wait_for(1)[0].decode()


# -- a CUPS raw queue --------------------------------------------------------------------------

@pytest.fixture
def raw_queue(cups_pdf_queue, tmp_path):
    """A CUPS raw queue (no driver) whose device is a file: what CUPS hands the printer."""
    name = f"PackstationRaw{int(time.time() * 1000) % 100000}"
    device = tmp_path / "raw-device.zpl"
    device.touch()
    device.chmod(0o666)
    # FileDevice must be allowed for a file: device (it is off by default); a socket
    # device on 127.0.0.1 needs nothing.
    with label_printer() as printer:
        result = subprocess.run(["lpadmin", "-p", name, "-E", "-v", f"socket://127.0.0.1:{printer.port}",
                                 "-m", "raw"], capture_output=True, text=True, timeout=30)
        if result.returncode != 0:  # newer CUPS refuse "raw" models: no model means raw
            result = subprocess.run(["lpadmin", "-p", name, "-E", "-v",
                                     f"socket://127.0.0.1:{printer.port}"],
                                    capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
        try:
            yield name, printer
        finally:
            subprocess.run(["lpadmin", "-x", name], capture_output=True, timeout=30)


def wait_until(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


def test_a_cups_raw_queue_passes_the_zpl_untouched(shop, tmp_path, raw_queue):
    name, printer = raw_queue
    config = zpl_config(tmp_path, name)
    queue = print_queue(config)
    station = PackingStation("Table 1", printer=OrderPrinter(config, queue))
    pack_cmd_1(station)
    queue.deliver_queued()
    label = PrintJob.get(PrintJob.kind == "label")
    assert label.status == "sent" and label.output.startswith(name)
    wait_until(lambda: bool(queue.refresh()) or PrintJob.get_by_id(label.id).status != "sent")
    assert PrintJob.get_by_id(label.id).status == "done"
    sent = printer.wait_for(1)[0]
    assert sent == Path(label.spool_path).read_bytes()  # byte for byte: no filter ran
    assert barcode_field(sent.decode()) == Order.get(Order.ref == "CMD-1").tracking


def test_a_cups_queue_removed_while_its_job_waited_fails_the_job(shop, tmp_path, cups_pdf_queue):
    name = f"PackstationGone{int(time.time() * 1000) % 100000}"
    result = subprocess.run(["lpadmin", "-p", name, "-v", "file:///dev/null", "-E"],
                            capture_output=True, text=True, timeout=30)
    if result.returncode != 0:  # FileDevice off: a socket device to a port nobody listens on
        result = subprocess.run(["lpadmin", "-p", name, "-E", "-v", f"socket://127.0.0.1:{free_port()}"],
                                capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    try:
        subprocess.run(["cupsdisable", name], check=True, capture_output=True, timeout=30)
        config = StationConfig(station="Table 1", printers={"slip": {"printer": name}},
                               output_dir=str(tmp_path / "out"))
        queue = print_queue(config)
        station = PackingStation("Table 1", printer=OrderPrinter(config, queue))
        pack_cmd_1(station)
        queue.deliver_queued()
        slip = PrintJob.get(PrintJob.kind == "slip")
        assert slip.status == "sent"
    finally:
        subprocess.run(["lpadmin", "-x", name], capture_output=True, timeout=30)
    queue.refresh()
    slip = PrintJob.get_by_id(slip.id)
    assert slip.status == "failed"  # never "done": nothing was printed
    assert name in slip.last_error and "retirée" in slip.last_error


def test_the_print_command_sends_zpl_labels_to_a_network_printer(shop, sqlite_path, tmp_path):
    import sys

    with label_printer() as printer:
        result = subprocess.run([sys.executable, "-m", "packstation", "--db", sqlite_path, "--lang", "en",
                                 "print", "label", "CMD-1", "CMD-4", "--printer", printer.url],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        zpl = printer.wait_for(1)[0].decode()
    assert zpl.count("^XA") == 2 and "^BC" in zpl
    tracking = {order.ref: order.tracking for order in Order.select()}
    assert barcode_field(zpl) == tracking["CMD-1"]


def test_the_worker_tries_again_by_itself_once_the_printer_is_on(shop, tmp_path):
    port = free_port()
    config = zpl_config(tmp_path, f"socket://127.0.0.1:{port}")
    from packstation.printing.worker import PrintWorker

    worker = PrintWorker(print_queue(config), retry_seconds=0.3).start()
    try:
        station = PackingStation("Table 1", printer=OrderPrinter(config, worker.queue, worker))
        pack_cmd_1(station)
        assert worker.drain(20)
        assert PrintJob.get(PrintJob.kind == "label").status == "failed"
        with label_printer(port=port) as printer:  # switched on: no F9 needed
            zpl = printer.wait_for(1, timeout=20)[0].decode()
            wait_until(lambda: PrintJob.get(PrintJob.kind == "label").status == "done", 20)
    finally:
        assert worker.stop()
    assert barcode_field(zpl) == Order.get(Order.ref == "CMD-1").tracking
    assert PrintJob.get(PrintJob.kind == "label").attempts >= 2


@pytest.mark.parametrize(("url", "expected"), [
    ("socket://192.168.1.50:9100", ("192.168.1.50", 9100)),
    ("socket://zebra.local", ("zebra.local", 9100)),
    ("SOCKET://127.0.0.1:6101", ("127.0.0.1", 6101)),
])
def test_network_printer_addresses(url, expected):
    from packstation.printing.destinations import parse_socket_url

    assert parse_socket_url(url) == expected


@pytest.mark.parametrize("url", ["socket://", "http://printer:9100", "socket://host:port", "Zebra"])
def test_bad_network_printer_addresses_are_refused(url):
    from packstation.printing.destinations import parse_socket_url

    with pytest.raises(ValueError):
        parse_socket_url(url)


@pytest.mark.skipif(sys.platform == "win32", reason="the real spooler is there")
def test_the_windows_raw_path_says_it_needs_windows():
    """The spooler's RAW path cannot run here; elsewhere it says so instead of crashing."""
    from packstation.printing.destinations import WindowsRawDestination

    with pytest.raises(PrintError) as caught:
        WindowsRawDestination("ZDesigner GK420d").deliver(b"^XA^XZ", kind="label", ref="X")
    assert caught.value.key == "print.windows_only"
