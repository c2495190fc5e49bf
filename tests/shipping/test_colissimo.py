"""Colissimo SLS: our requests field by field, its multipart answer, its refusals."""

from __future__ import annotations

import threading
import time

import pytest

from packstation.db.models import CarrierLabel, Event, LabelStatus, Order, Product
from packstation.services.labels import label_document, obtain_label, retry_waiting
from tests.shipping import standins
from tests.shipping.conftest import order


def test_a_home_parcel_gets_the_carriers_label_and_number(make_shop, colissimo):
    config = make_shop(colissimo_url=colissimo.url)
    row = obtain_label(order("C-HOME").id, config=config)

    assert row.status == LabelStatus.READY
    assert bytes(row.label_data) == standins.PDF  # unchanged
    assert row.tracking == "6A12345678901"
    assert row.tracking_url == "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"
    assert order("C-HOME").tracking == "6A12345678901"
    assert Event.select().where(Event.kind == "label_received").count() == 1

    (sent,) = colissimo.received
    assert sent.path == "/generateLabel"
    assert sent.headers["Content-Type"].startswith("application/json")
    body = sent.json()
    assert body["contractNumber"] == "123456" and body["password"] == standins.COLISSIMO_PASSWORD
    assert body["outputFormat"] == {"x": 0, "y": 0, "outputPrintingType": "PDF_10x15_300dpi"}
    letter = body["letter"]
    assert letter["service"]["productCode"] == "DOM"
    assert letter["service"]["orderNumber"] == "C-HOME"
    assert len(letter["service"]["depositDate"]) == 10  # YYYY-MM-DD
    assert letter["parcel"] == {"weight": 0.65}  # 2 x 250 g + 150 g packaging, in kg
    assert "customsDeclarations" not in letter
    assert letter["sender"]["senderParcelRef"] == "C-HOME"
    assert letter["sender"]["address"] == {
        "companyName": "Le Comptoir des Thés", "line2": "8 rue de la Paix", "line3": "",
        "countryCode": "FR", "city": "Lyon", "zipCode": "69002",
        "phoneNumber": "+33 4 72 00 00 00", "email": "bonjour@comptoir.example"}
    assert letter["addressee"]["address"] == {
        "lastName": "Martin", "firstName": "Camille", "line2": "12 rue des Lilas",
        "countryCode": "FR", "city": "Paris", "zipCode": "75011",
        "mobileNumber": "06 12 34 56 78", "email": "camille@example.com"}


def test_a_relay_point_reaches_colissimo(make_shop, colissimo):
    config = make_shop(colissimo_url=colissimo.url)
    Order.update(pickup_point="BPR:987654").where(Order.ref == "C-HOME").execute()
    assert obtain_label(order("C-HOME").id, config=config).status == LabelStatus.READY
    letter = colissimo.received[0].json()["letter"]
    assert letter["parcel"]["pickupLocationId"] == "987654"
    assert letter["service"]["productCode"] == "BPR"  # the point's own kind


def test_customs_outside_the_eu_and_a_product_without_hs_code_said_before_asking(make_shop, colissimo):
    config = make_shop(colissimo_url=colissimo.url)
    row = obtain_label(order("C-CH").id, config=config)
    assert row.status == LabelStatus.WAITING
    assert "TEA" in row.carrier_message and "hs_code" in row.carrier_message
    assert colissimo.received == []  # not asked: Colissimo would refuse it

    Product.update(hs_code="090210", origin_country="CN").where(Product.sku == "TEA").execute()
    row = retry_waiting(config)[0]
    assert row.status == LabelStatus.READY
    customs = colissimo.received[0].json()["letter"]["customsDeclarations"]
    assert customs["includeCustomsDeclarations"] is True
    assert customs["contents"]["category"] == {"value": 3}  # sale of goods
    assert customs["contents"]["article"] == [{
        "description": "Thé vert", "quantity": 1, "weight": 0.25, "value": 9.9,
        "hsCode": "090210", "originCountry": "CN", "currency": "EUR"}]


@pytest.mark.parametrize("dpi", [203, 300])
def test_a_zpl_label_is_stored_as_zpl(make_shop, colissimo, tmp_path, dpi):
    config = make_shop(colissimo_url=colissimo.url, colissimo_format="zpl")
    config.label_accounts["colissimo"] = type(config.label_accounts["colissimo"])(
        **{**config.label_accounts["colissimo"].__dict__, "dpi": dpi})
    document, format = label_document(order("C-HOME"), config)
    assert (document, format) == (standins.ZPL, "zpl")
    assert colissimo.received[0].json()["outputFormat"]["outputPrintingType"] == f"ZPL_10x15_{dpi}dpi"


def test_wrong_credentials_leave_the_label_waiting_with_colissimos_words(make_shop, colissimo, monkeypatch):
    config = make_shop(colissimo_url=colissimo.url)
    monkeypatch.setenv("COLISSIMO_PASSWORD", "not-the-password")
    row = obtain_label(order("C-HOME").id, config=config)
    assert row.status == LabelStatus.WAITING
    assert row.carrier_message == "Identifiant ou mot de passe incorrect"
    assert "compte étiquettes" in row.what_to_do
    assert order("C-HOME").tracking is None
    event = Event.get(Event.kind == "label_waiting")
    assert "Identifiant ou mot de passe incorrect" in event.reason


def test_an_address_refusal_says_to_correct_the_address(make_shop, colissimo):
    config = make_shop(colissimo_url=colissimo.url)
    colissimo.refuse_with = ("30200", "Le code postal du destinataire est incorrect")
    row = obtain_label(order("C-HOME").id, config=config)
    assert row.carrier_message == "Le code postal du destinataire est incorrect"
    assert "adresse de la commande" in row.what_to_do


def test_the_retry_buys_nothing_twice(make_shop, colissimo):
    config = make_shop(colissimo_url=colissimo.url)
    colissimo.refuse_with = ("30200", "Le code postal du destinataire est incorrect")
    obtain_label(order("C-HOME").id, config=config)
    colissimo.refuse_with = None
    assert [r.status for r in retry_waiting(config)] == [LabelStatus.READY]
    for _ in range(3):  # reprints, retries: the stored label, never a second one
        assert label_document(order("C-HOME"), config) == (standins.PDF, "pdf")
        retry_waiting(config)
    assert colissimo.issued == 1 and len(colissimo.received) == 2
    assert CarrierLabel.get().attempts == 2


def test_no_sender_address_is_refused_with_where_to_set_it(make_shop, colissimo):
    config = make_shop(colissimo_url=colissimo.url, sender=False)
    row = obtain_label(order("C-HOME").id, config=config)
    assert row.status == LabelStatus.WAITING
    assert "shop set" in row.what_to_do and "Réglages > Boutique" in row.what_to_do
    assert colissimo.received == []


def test_a_carrier_that_never_answers_times_out_and_the_table_is_not_blocked(make_shop):
    from packstation.services.settings import set_setting

    silent = standins.Silent()
    try:
        config = make_shop(colissimo_url=silent.url)
        order_id = order("C-HOME").id
        done = {}

        def ask():
            from packstation.db import database

            done["row"] = obtain_label(order_id, config=config, timeout=1.0)
            database.close()

        worker = threading.Thread(target=ask)
        started = time.monotonic()
        worker.start()
        time.sleep(0.3)  # the worker is waiting for the carrier now
        before = time.monotonic()
        set_setting("probe", {"written": True})  # another action writes meanwhile
        assert time.monotonic() - before < 0.5
        worker.join(10)
        assert time.monotonic() - started < 5
        row = CarrierLabel.get()
        assert row.status == LabelStatus.WAITING and "1 s" in row.carrier_message
        assert "retry-prints" in row.what_to_do
    finally:
        silent.close()


def test_colissimos_own_manifest(make_shop, colissimo):
    from packstation.services.manifests import carrier_manifest

    config = make_shop(colissimo_url=colissimo.url)
    obtain_label(order("C-HOME").id, config=config)
    assert carrier_manifest("colissimo", ["6A12345678901"], config) == standins.PDF
    sent = colissimo.received[-1]
    assert sent.path == "/generateBordereauByParcelsNumbers"
    assert sent.json()["generateBordereauParcelNumberList"] == {"parcelsNumbers": ["6A12345678901"]}


def test_no_parcel_leaves_without_its_label_and_the_end_of_day_uses_colissimos_manifest(
        make_shop, colissimo, monkeypatch, tmp_path):
    from packstation.core.errors import InputError
    from packstation.db.models import Shipment
    from packstation.services.manifests import hand_over
    from packstation.services.packing import PackingStation
    from packstation.printing.queue import DONE, WAITING
    from packstation.services.printing import OrderPrinter, print_queue, render
    from tests.helpers import TEA

    config = make_shop(colissimo_url=colissimo.url)
    config.output_dir = str(tmp_path / "out")
    from packstation.db.models import Barcode

    Barcode.create(code=TEA, product=Product.get(Product.sku == "TEA"))
    monkeypatch.setenv("COLISSIMO_PASSWORD", "wrong")
    station = PackingStation("Table 1", "Alice", printer=OrderPrinter(config))
    station.handle("C-HOME")
    station.handle(TEA)
    done = station.handle(TEA)
    assert done.outcome.code == "order_complete" and done.tracking is None
    assert [(d["kind"], d["status"]) for d in done.documents] == [("label", "queued"), ("slip", "queued")]
    # The print worker's pass (run here on this thread): the label waits with the carrier's words.
    label_job, slip_job = print_queue(config).deliver_queued()
    assert label_job.kind == "label" and label_job.status == WAITING
    assert "Identifiant ou mot de passe incorrect" in label_job.last_error
    assert slip_job.status == DONE
    assert Shipment.get().tracking is None

    with pytest.raises(InputError):  # its label is waiting: it is on no manifest, not handed over
        hand_over("colissimo")

    monkeypatch.setenv("COLISSIMO_PASSWORD", standins.COLISSIMO_PASSWORD)
    (retried,) = print_queue(config).retry_failed()
    assert (retried.refs, retried.status) == (["C-HOME"], DONE)
    assert Shipment.get().tracking == "6A12345678901"
    assert any(p.read_bytes() == standins.PDF for p in (tmp_path / "out").rglob("*.pdf"))

    document, _ = render("manifest", ["colissimo"], config=config)
    assert document == standins.PDF  # Colissimo's own bordereau
    assert colissimo.received[-1].json()["generateBordereauParcelNumberList"] == {
        "parcelsNumbers": ["6A12345678901"]}
    assert hand_over("colissimo").parcels == 1


def test_a_batch_of_carrier_labels_before_packing(make_shop, colissimo):
    from packstation.core.errors import InputError
    from packstation.services.printing import render

    config = make_shop(colissimo_url=colissimo.url, colissimo_format="zpl")
    Product.update(hs_code="090210", origin_country="CN").execute()
    document, orders = render("label", ["C-HOME", "C-CH"], config=config, before_packing=True)
    assert document == standins.ZPL + b"\n" + standins.ZPL and len(orders) == 2
    assert order("C-HOME").tracking and order("C-CH").tracking  # kept by completion later
    config.label_accounts["colissimo"] = type(config.label_accounts["colissimo"])(
        **{**config.label_accounts["colissimo"].__dict__, "format": "pdf"})
    with pytest.raises(InputError):  # PDFs of carriers: one order at a time, refused before asking
        render("label", ["C-HOME", "H-1"], config=config, before_packing=True)  # own label: one at a time too
    assert colissimo.issued == 2


def test_labels_on_each_engine(make_shop, colissimo, db_target):
    """The label table, its bytes and its claim on SQLite and PostgreSQL alike."""

    config = make_shop(colissimo_url=colissimo.url, target=db_target)
    colissimo.refuse_with = ("30200", "Le code postal du destinataire est incorrect")
    assert obtain_label(order("C-HOME").id, config=config).status == LabelStatus.WAITING
    colissimo.refuse_with = None
    row = retry_waiting(config)[0]
    assert row.status == LabelStatus.READY and bytes(row.label_data) == standins.PDF
    assert label_document(order("C-HOME"), config) == (standins.PDF, "pdf")
    assert colissimo.issued == 1
