"""An order split into several parcels at the table: each with its weight, its label "n/N"
and its number; stored as each parcel closes, so a station killed mid-split keeps them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from pypdf import PdfReader

from packstation.core.packing import Outcome
from packstation.db import close
from packstation.db.models import Event, Order, OrderStatus, Parcel, PrintJob, Shipment
from packstation.io.tracking import tracking_table
from packstation.services.context import StationConfig
from packstation.services.manifests import hand_over, manifest_data
from packstation.services.orders import get_order, order_detail
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, print_queue, render, shop_document
from packstation.services.shop import open_shop
from packstation.services.tracking import tracking_rows
from tests.helpers import MUG, TEA, import_rows, line_row, row

ROWS = [row("BIG-1", "TEA", 3, ean=TEA, product_name="Thé Earl Grey", weight_g="250"),
        line_row("BIG-1", "MUG", 2, ean=MUG, product_name="Tasse en grès", weight_g="320"),
        row("ONE-1", "TEA", 1, ean=TEA, product_name="Thé Earl Grey", weight_g="250")]


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def folder_config(tmp_path) -> StationConfig:
    return StationConfig(station="Table 1", output_dir=str(tmp_path / "out"))


def split_big_order(station: PackingStation) -> list:
    """Two teas in parcel 1 (its weight typed), a tea and a mug in parcel 2 (computed),
    the last mug in parcel 3, which closes with the order."""
    answers = [station.handle("BIG-1"), station.handle(TEA), station.handle(TEA),
               station.handle(":parcel 0,61 kg"), station.handle(TEA), station.handle(MUG),
               station.handle("PSC08"), station.handle(MUG)]
    return answers


def test_a_split_order_has_its_parcels_labels_and_jobs(db, tmp_path):
    """On each engine: parcels stored as they close, one label job per parcel, each label
    "n/3" with its own weight; the shipment is the sum; order --json lists them."""
    assert import_rows(tmp_path, ROWS).ok
    config = folder_config(tmp_path)
    queue = print_queue(config)
    station = PackingStation("Table 1", "Alice", printer=OrderPrinter(config, queue))
    answers = split_big_order(station)
    assert answers[3].outcome is Outcome.PARCEL_CLOSED and "Colis 1 fermé (610 g" in answers[3].message
    assert answers[6].outcome is Outcome.PARCEL_CLOSED and "colis 3" in answers[6].message
    assert answers[-1].outcome is Outcome.ORDER_COMPLETE
    order = Order.get(Order.ref == "BIG-1")
    parcels = list(Parcel.select().where(Parcel.order == order.id).order_by(Parcel.number))
    # 150 g of packaging each (the default), 250 g a tea, 320 g a mug.
    assert [(p.number, p.weight_g, sum(p.units.values())) for p in parcels] == [
        (1, 610, 2), (2, 720, 2), (3, 470, 1)]
    shipment = Shipment.get(Shipment.order == order.id)
    assert (shipment.weight_g, shipment.parcels, shipment.tracking) == (1800, 3, None)
    assert [e.data["parcel"] for e in Event.select().where(Event.kind == "parcel_closed")
            .order_by(Event.id)] == [1, 2, 3]
    jobs = list(PrintJob.select().where(PrintJob.order == order.id).order_by(PrintJob.id))
    assert [(job.kind, job.parcel) for job in jobs] == [
        ("label", 1), ("label", 2), ("label", 3), ("slip", None)]
    delivered = queue.deliver_queued()
    assert all(job.status == "done" for job in delivered), [job.last_error for job in delivered]
    labels = [pdf_text(PrintJob.get_by_id(job.id).output) for job in jobs[:3]]
    for number, (text, weight) in enumerate(zip(labels, ("610", "720", "470")), start=1):
        assert f"{number}/3" in text and weight in text.replace("\u202f", "").replace(" ", "")
    assert "1/3" not in labels[1]
    # Printed again from the command line (``print label BIG-1``): the three, one a page.
    document, _ = render("label", ["BIG-1"], config=config)
    reprinted = tmp_path / "again.pdf"
    reprinted.write_bytes(document)
    assert [page_text.count(f"{n}/3") >= 1 for n, page_text in
            enumerate((page.extract_text() for page in PdfReader(reprinted).pages), start=1)] == [True] * 3
    zpl, _ = render("label", ["BIG-1"], zpl=(203, None), parcel=2)  # a thermal printer's
    assert b"2/3" in zpl and b"1/3" not in zpl
    shipped = order_detail(get_order("BIG-1"))["shipment"]
    assert shipped["parcels"] == [{"number": 1, "weight_g": 610, "tracking": None},
                                  {"number": 2, "weight_g": 720, "tracking": None},
                                  {"number": 3, "weight_g": 470, "tracking": None}]


def test_an_order_not_split_is_packed_as_before(sqlite_db, tmp_path):
    assert import_rows(tmp_path, ROWS).ok
    config = folder_config(tmp_path)
    queue = print_queue(config)
    station = PackingStation("Table 1", printer=OrderPrinter(config, queue))
    station.handle("ONE-1")
    assert station.handle(TEA).outcome is Outcome.ORDER_COMPLETE
    assert Parcel.select().count() == 0
    jobs = list(PrintJob.select().order_by(PrintJob.id))
    assert [(job.kind, job.parcel) for job in jobs] == [("label", None), ("slip", None)]
    queue.deliver_queued()
    assert "1/1" in pdf_text(PrintJob.get_by_id(jobs[0].id).output)  # the layout always showed it
    assert order_detail(get_order("ONE-1"))["shipment"]["parcels"] == [
        {"number": 1, "weight_g": 400, "tracking": None}]


def test_closing_a_parcel_needs_items_and_is_undone_by_abandoning(sqlite_db, tmp_path):
    assert import_rows(tmp_path, ROWS).ok
    station = PackingStation("Table 1")
    assert station.handle(":parcel").outcome is Outcome.NO_ORDER
    station.handle("BIG-1")
    empty = station.handle("PSC08")
    assert empty.outcome is Outcome.NOTHING_TO_CONFIRM and "Rien à mettre" in empty.message
    station.handle(TEA)
    assert station.handle(":parcel").outcome is Outcome.PARCEL_CLOSED
    assert station.handle(":parcel").outcome is Outcome.NOTHING_TO_CONFIRM  # nothing new in it
    # A typed weight beyond the carrier's maximum is refused, and no parcel closes.
    station.handle(TEA)
    assert station.handle(":parcel 45 kg").outcome is Outcome.BAD_WEIGHT
    assert Parcel.select().count() == 1
    station.handle("PSC02")
    station.handle("PSC21")  # abandoned (damaged): its parcels are unpacked too
    assert Parcel.select().count() == 0
    assert Order.get(Order.ref == "BIG-1").status == OrderStatus.PENDING


def test_the_manifest_and_the_export_count_parcels_one_by_one(sqlite_db, tmp_path):
    assert import_rows(tmp_path, ROWS).ok
    station = PackingStation("Table 1")
    split_big_order(station)
    station.handle("ONE-1")
    station.handle(TEA)
    # The carrier's numbers as its label service stores them (services.labels._keep).
    order = Order.get(Order.ref == "BIG-1")
    for number in (1, 2, 3):
        Parcel.update(tracking=f"6A0000000000{number}").where(
            (Parcel.order == order.id) & (Parcel.number == number)).execute()
    data = manifest_data(["colissimo"], shop_document(), language="fr")
    assert [(p.order_ref, p.tracking, p.weight_g) for p in data.parcels] == [
        ("BIG-1 (1/3)", "6A00000000001", 610), ("BIG-1 (2/3)", "6A00000000002", 720),
        ("BIG-1 (3/3)", "6A00000000003", 470), ("ONE-1", "", 400)]
    table = tracking_table(tracking_rows(format="woocommerce"), "woocommerce")
    assert [line[:3] for line in table[1:]] == [
        ["BIG-1", "Colissimo", "6A00000000001"], ["BIG-1", "Colissimo", "6A00000000002"],
        ["BIG-1", "Colissimo", "6A00000000003"], ["ONE-1", "", ""]]
    generic = tracking_table(tracking_rows(format="generic"), "generic")
    assert [line[5] for line in generic[1:]] == ["610", "720", "470", "400"]
    # The end-of-day window's totals are the manifest's: parcels one by one.
    from packstation.db.models import Carrier
    from packstation.services.manifests import waiting_totals

    assert waiting_totals(Carrier.get(Carrier.code == "colissimo")) == (
        4, sum(p.weight_g for p in data.parcels))
    assert hand_over("colissimo").parcels == 4


def test_a_station_killed_mid_split_resumes_with_its_closed_parcels(tmp_path):
    """A real ``packstation scan`` killed (SIGKILL) after closing a parcel: started again,
    the table resumes the order with parcel 1 kept and packs on into parcel 2."""
    target = str(tmp_path / "shop.sqlite3")
    open_shop(target)
    try:
        assert import_rows(tmp_path, ROWS).ok
    finally:
        close()
    config = tmp_path / "station.toml"
    config.write_text('[station]\nname = "Table 1"\n')
    process = subprocess.Popen(
        [sys.executable, "-m", "packstation", "--db", target, "--config", str(config), "--lang", "en",
         "scan", "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        answers = []
        for line in ("BIG-1", TEA, TEA, ":parcel", TEA):
            process.stdin.write(line + "\n")
            process.stdin.flush()
            answers.append(json.loads(process.stdout.readline()))
        assert answers[3]["outcome"] == "parcel_closed", answers[3]
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        process.stdin.close()
        process.stdout.close()
    open_shop(target)
    try:
        station = PackingStation("Table 1")
        resumed = station.resume()
        assert resumed.outcome is Outcome.ORDER_RESUMED
        assert "1 colis fermé(s), 2 article(s) restant(s) pour le colis 2" in resumed.message
        assert [(p.number, sum(p.units.values())) for p in Parcel.select()] == [(1, 2)]
        assert station.computed_weight() == 150 + 250 + 2 * 320  # the parcel on the table
        station.handle(MUG)
        assert station.handle(MUG).outcome is Outcome.ORDER_COMPLETE
        assert [(p.number, p.weight_g) for p in Parcel.select().order_by(Parcel.number)] == [
            (1, 650), (2, 1040)]
        assert Shipment.get().weight_g == 1690
    finally:
        close()
    shown = subprocess.run([sys.executable, "-m", "packstation", "--db", target, "order", "BIG-1",
                            "--json"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    shipment = json.loads(shown.stdout)["shipment"]
    assert (shipment["weight_g"], shipment["parcels"]) == (1690, [
        {"number": 1, "weight_g": 650, "tracking": None},
        {"number": 2, "weight_g": 1040, "tracking": None}])
