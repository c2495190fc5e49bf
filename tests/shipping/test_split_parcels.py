"""An order split into two parcels asks the carrier once per parcel, with each parcel's
weight; each number is stored with its parcel and none is bought twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from packstation.core.errors import InputError
from packstation.db.models import Barcode, CarrierLabel, Order, Parcel, PrintJob, Product, Shipment
from packstation.printing.queue import DONE
from packstation.services.labels import obtain_label, retry_waiting
from packstation.services.manifests import manifest_document
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, render, start_print_worker
from packstation.services.tracking import tracking_rows
from tests.helpers import TEA
from tests.shipping import standins


def test_each_parcel_has_its_own_colissimo_label_and_number(make_shop, colissimo, tmp_path):
    config = make_shop(colissimo_url=colissimo.url)
    config.output_dir = str(tmp_path / "out")
    Barcode.create(code=TEA, product=Product.get(Product.sku == "TEA"))
    worker = start_print_worker(config)
    station = PackingStation("Table 1", "Alice", printer=OrderPrinter(config, worker=worker))
    try:
        station.handle("C-HOME")
        station.handle(TEA)
        assert station.handle(":parcel").outcome.code == "parcel_closed"
        assert colissimo.issued == 0  # labels are asked when the order completes (N known)
        assert station.handle(TEA).outcome.code == "order_complete"
        assert worker.drain(30)
    finally:
        worker.stop()
    order = Order.get(Order.ref == "C-HOME")
    labels = list(PrintJob.select().where((PrintJob.order == order.id) & (PrintJob.kind == "label"))
                  .order_by(PrintJob.parcel))
    assert [(job.parcel, job.status) for job in labels] == [(1, DONE), (2, DONE)]
    assert all(Path(job.output).read_bytes() == standins.PDF for job in labels)
    # One request per parcel, each with its own weight: 250 g of tea + 150 g of packaging.
    assert colissimo.issued == 2
    assert [sent.json()["letter"]["parcel"] for sent in colissimo.received] == [
        {"weight": 0.4}, {"weight": 0.4}]
    parcels = {p.number: p.tracking for p in Parcel.select().where(Parcel.order == order.id)}
    assert parcels == {1: "6A12345678901", 2: "6A12345678902"}
    assert order.tracking == "6A12345678901" == Shipment.get(Shipment.order == order.id).tracking
    assert {(row.parcel, row.tracking) for row in CarrierLabel.select()} == {
        (1, "6A12345678901"), (2, "6A12345678902")}
    # Asked again (a retry, a reprint): the stored labels, never a third one.
    assert obtain_label(order.id, config=config, parcel=2).tracking == "6A12345678902"
    assert retry_waiting(config) == []
    assert colissimo.issued == 2
    # Colissimo's own manifest lists both numbers; the export has a row per number.
    assert manifest_document(["colissimo"], config) == standins.PDF
    numbers = colissimo.received[-1].json()["generateBordereauParcelNumberList"]["parcelsNumbers"]
    assert numbers == ["6A12345678901", "6A12345678902"]
    rows = [row for row in tracking_rows(format="shopify") if row.ref == "C-HOME"]
    assert [(row.tracking, row.weight_g) for row in rows] == [("6A12345678901", 400),
                                                             ("6A12345678902", 400)]
    assert rows[1].tracking_url.endswith("code=6A12345678902")
    # PDF labels of several parcels are not glued into one file: printed one per parcel.
    with pytest.raises(InputError, match="2 colis"):
        render("label", ["C-HOME"], config=config)
    assert render("label", ["C-HOME"], config=config, parcel=2)[0] == standins.PDF
    assert colissimo.issued == 2
