"""The carrier's label asked by the print worker, after the completion's commit.

The packer's answer never waits for the carrier: a label service that never answers
leaves the label job waiting (with what to do) while the slip prints, and the table packs on.
"""

from __future__ import annotations

import time
from pathlib import Path

from packstation.db.models import Barcode, PrintJob, Product, Shipment
from packstation.printing.queue import DONE, WAITING
from packstation.services import printing
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, start_print_worker
from tests.helpers import TEA
from tests.shipping import standins


def _station(config):
    Barcode.create(code=TEA, product=Product.get(Product.sku == "TEA"))
    worker = start_print_worker(config)
    return PackingStation("Table 1", "Alice", printer=OrderPrinter(config, worker=worker)), worker


def test_the_worker_asks_the_carrier_and_prints_its_label_unchanged(make_shop, colissimo, tmp_path):
    config = make_shop(colissimo_url=colissimo.url)
    config.output_dir = str(tmp_path / "out")
    station, worker = _station(config)
    try:
        station.handle("C-HOME")
        station.handle(TEA)
        done = station.handle(TEA)
        assert done.outcome.code == "order_complete"
        assert worker.drain(30)
    finally:
        worker.stop()
    label = PrintJob.get(PrintJob.kind == "label")
    assert label.status == DONE, label.last_error
    assert any(p.read_bytes() == standins.PDF for p in (tmp_path / "out").rglob("*.pdf"))
    assert Shipment.get().tracking == "6A12345678901"
    assert colissimo.issued == 1


def test_a_carrier_that_never_answers_never_holds_the_table(make_shop, monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "CARRIER_TIMEOUT_SECONDS", 1.0)
    silent = standins.Silent()
    try:
        config = make_shop(colissimo_url=silent.url)
        config.output_dir = str(tmp_path / "out")
        station, worker = _station(config)
        try:
            station.handle("C-HOME")
            station.handle(TEA)
            started = time.monotonic()
            done = station.handle(TEA)
            answered = time.monotonic() - started
            assert done.outcome.code == "order_complete" and done.tracking is None
            assert answered < 0.5  # the carrier is asked by the worker, not by the scan
            assert worker.drain(30)
        finally:
            worker.stop()
        label = PrintJob.get(PrintJob.kind == "label")
        slip = PrintJob.get(PrintJob.kind == "slip")
        assert label.status == WAITING and "retry-prints" in label.last_error
        assert slip.status == DONE
        assert Shipment.get().tracking is None  # nothing made up meanwhile
    finally:
        silent.close()


def test_a_refused_label_waits_and_the_worker_asks_again_on_each_engine(make_shop, colissimo,
                                                                        db_target, tmp_path):
    """Refused first (the carrier's words kept on the job), given at the retry, printed as
    it came — and bought once."""
    config = make_shop(colissimo_url=colissimo.url, target=db_target)
    config.output_dir = str(tmp_path / "out")
    colissimo.refuse_with = ("30200", "Le code postal du destinataire est incorrect")
    station, worker = _station(config)
    worker.waiting_seconds = 0.2
    try:
        station.handle("C-HOME")
        station.handle(TEA)
        assert station.handle(TEA).outcome.code == "order_complete"
        assert worker.drain(30)
        label = PrintJob.get(PrintJob.kind == "label")
        assert label.status == WAITING and "code postal" in label.last_error
        colissimo.refuse_with = None
        worker.retry()
        assert worker.drain(30)
    finally:
        worker.stop()
    label = PrintJob.get_by_id(label.id)
    assert label.status == DONE and Path(label.output).read_bytes() == standins.PDF
    assert colissimo.issued == 1


def _pack_swiss_order(config):
    """C-CH (Switzerland: a CN23) packed at a table whose worker prints."""
    Product.update(hs_code="090210", origin_country="CN").where(Product.sku == "TEA").execute()
    station, worker = _station(config)
    try:
        station.handle("C-CH")
        done = station.handle(TEA)
        assert done.outcome.code == "order_complete"
        assert worker.drain(30)
    finally:
        worker.stop()
    return done


def test_the_carriers_customs_declaration_prints_on_the_slips_printer_beside_its_label(
        make_shop, colissimo, tmp_path):
    """Outside the EU, Colissimo answers with its CN23 as a document of its own: kept
    with the label and printed, unchanged, where the slips print (A4)."""
    from packstation.db.models import CarrierLabel

    config = make_shop(colissimo_url=colissimo.url)
    config.output_dir = str(tmp_path / "out")
    done = _pack_swiss_order(config)
    assert "CN23" in done.message and "pochette" in done.message   # the packer is told
    jobs = {job.kind: job for job in PrintJob.select()}
    assert sorted(jobs) == ["customs", "label", "slip"]
    assert {job.status for job in jobs.values()} == {DONE}, [j.last_error for j in jobs.values()]
    assert jobs["customs"].destination == jobs["slip"].destination
    printed = {path.name.split("-")[0]: path.read_bytes() for path in (tmp_path / "out").rglob("*.pdf")}
    assert printed["customs"] == standins.CN23 and printed["label"] == standins.PDF
    assert bytes(CarrierLabel.get().customs_data) == standins.CN23
    # Printed again on demand (``packstation print customs C-CH``): the one kept.
    assert printing.render("customs", ["C-CH"], config=config)[0] == standins.CN23
    assert colissimo.issued == 1   # one label bought, its declaration with it


def test_a_declaration_the_carrier_did_not_send_is_said_with_what_to_do(make_shop, colissimo,
                                                                        tmp_path):
    config = make_shop(colissimo_url=colissimo.url)
    config.output_dir = str(tmp_path / "out")
    colissimo.cn23 = False
    _pack_swiss_order(config)
    customs = PrintJob.get(PrintJob.kind == "customs")
    assert customs.status == "failed"
    assert "CN23" in customs.last_error and "C-CH" in customs.last_error
    assert PrintJob.get(PrintJob.kind == "label").status == DONE
    assert colissimo.issued == 1


def test_the_declaration_prints_with_the_slips_unless_the_station_file_names_its_printer(tmp_path):
    from packstation.services.context import StationConfig, validate_config
    from packstation.services.printing import destination_for

    config = StationConfig(station="Table 1")
    config.printers = {"slip": {"printer": "Bureau", "media": "A4"}}
    assert destination_for("customs", config).printer == "Bureau"
    (tmp_path / "douane").mkdir()
    config.printers["customs"] = {"folder": str(tmp_path / "douane")}
    assert destination_for("customs", config).folder == str(tmp_path / "douane")
    assert validate_config(config, printers=["Bureau"]) == []
    config.printers["cn22"] = {"folder": str(tmp_path)}
    assert [problem.field for problem in validate_config(config, printers=["Bureau"])] == [
        "printing.cn22"]
