"""Sendcloud (the aggregator) and Mondial Relay against stand-ins of their services."""

from __future__ import annotations

import hashlib

from packstation.db.models import CarrierLabel, Event, LabelStatus, Order, Product
from packstation.services.labels import label_document, obtain_label, retry_waiting
from tests.shipping import standins
from tests.shipping.conftest import order


# -- Sendcloud ---------------------------------------------------------------------------

def test_sendcloud_buys_then_downloads_the_label(make_shop, sendcloud):
    config = make_shop(sendcloud_url=sendcloud.url)
    row = obtain_label(order("S-HOME").id, config=config)
    assert row.status == LabelStatus.READY and bytes(row.label_data) == standins.PDF
    assert row.tracking == "3SABCD90001" and order("S-HOME").tracking == "3SABCD90001"
    assert row.tracking_url.startswith("https://tracking.eu-central-1-0.sendcloud.sc/")

    create, download = sendcloud.received
    assert (create.method, create.path) == ("POST", "/api/v2/parcels")
    parcel = create.json()["parcel"]
    assert parcel == {
        "name": "Camille Martin", "company_name": "", "address": "12 rue des Lilas",
        "address_2": "", "city": "Paris", "postal_code": "75011", "country": "FR",
        "telephone": "06 12 34 56 78", "email": "camille@example.com", "order_number": "S-HOME",
        "weight": "0.470", "request_label": True, "shipment": {"id": 8}}
    assert (download.method, download.path) == ("GET", "/api/v2/parcels/90001/documents/label")
    assert download.headers["Accept"] == "application/pdf"
    kinds = [e.kind for e in Event.select().order_by(Event.id) if e.kind.startswith("label_")]
    assert kinds == ["label_bought", "label_received"]


def test_a_failed_download_is_retried_alone_never_bought_twice(make_shop, sendcloud):
    config = make_shop(sendcloud_url=sendcloud.url)
    sendcloud.fail_downloads = 1
    row = obtain_label(order("S-HOME").id, config=config)
    assert row.status == LabelStatus.WAITING and row.tracking == "3SABCD90001"
    assert order("S-HOME").tracking == "3SABCD90001"  # kept the moment it was bought
    assert retry_waiting(config)[0].status == LabelStatus.READY
    assert len(sendcloud.parcels) == 1
    assert [r.method for r in sendcloud.received] == ["POST", "GET", "GET"]


def test_sendcloud_relay_point_and_customs(make_shop, sendcloud):
    config = make_shop(sendcloud_url=sendcloud.url)
    Order.update(pickup_point="10875349", country="GB", postcode="SW1A 1AA", city="London") \
        .where(Order.ref == "S-HOME").execute()
    Product.update(hs_code="691200", origin_country="FR").where(Product.sku == "MUG").execute()
    assert obtain_label(order("S-HOME").id, config=config).status == LabelStatus.READY
    parcel = sendcloud.received[0].json()["parcel"]
    assert parcel["to_service_point"] == 10875349 and parcel["shipment"] == {"id": 1343}
    assert parcel["customs_shipment_type"] == 2 and parcel["customs_invoice_nr"] == "S-HOME"
    assert parcel["parcel_items"] == [{"description": "Tasse", "quantity": 1, "weight": "0.320",
                                       "value": "9.90", "hs_code": "691200", "origin_country": "FR"}]


def test_sendcloud_refusals(make_shop, sendcloud, monkeypatch):
    config = make_shop(sendcloud_url=sendcloud.url)
    Order.update(address1="").where(Order.ref == "S-HOME").execute()
    row = obtain_label(order("S-HOME").id, config=config)
    assert row.carrier_message == "address: This field may not be blank."
    assert "adresse" in row.what_to_do
    monkeypatch.setenv("SENDCLOUD_SECRET", "wrong")
    row = retry_waiting(config)[0]
    assert row.carrier_message == "Invalid username/password." and "compte" in row.what_to_do
    assert sendcloud.parcels == {}


def test_sendcloud_zpl(make_shop, sendcloud):
    config = make_shop(sendcloud_url=sendcloud.url)
    account = config.label_accounts["sendcloud"]
    config.label_accounts["sendcloud"] = type(account)(**{**account.__dict__, "format": "zpl", "dpi": 300})
    assert label_document(order("S-HOME"), config) == (standins.ZPL, "zpl")
    download = sendcloud.received[1]
    assert download.path.endswith("/documents/label?dpi=300")
    assert download.headers["Accept"] == "application/zpl"


# -- Mondial Relay -------------------------------------------------------------------------

def test_mondial_relay_relay_point_with_its_security_key(make_shop, mondial_relay):
    config = make_shop(mondial_relay_url=mondial_relay.url, mondial_relay_label_url=mondial_relay.stand_in.url)
    Order.update(pickup_point="066974", customer_name="Zoé Lefèvre").where(Order.ref == "M-RELAY").execute()
    row = obtain_label(order("M-RELAY").id, config=config)
    assert row.status == LabelStatus.READY, row.carrier_message
    assert row.tracking == "31000001" and bytes(row.label_data) == standins.PDF
    assert row.tracking_url.endswith("numeroExpedition=31000001")

    creation, label = mondial_relay.received
    fields = mondial_relay.fields(creation)
    assert fields["Enseigne"] == standins.MR_ENSEIGNE
    assert (fields["ModeCol"], fields["ModeLiv"]) == ("CCC", "24R")
    assert (fields["LIV_Rel_Pays"], fields["LIV_Rel"]) == ("FR", "066974")
    assert fields["Dest_Ad1"] == "ZOE LEFEVRE"  # capitals without accents, as required
    assert fields["Dest_Tel1"] == "06 12 34 56 78" and fields["Dest_Mail"] == "camille@example.com"
    assert fields["Expe_Ad1"] == "LE COMPTOIR DES THES" and fields["Expe_CP"] == "69002"
    assert fields["Poids"] == "470" and fields["NbColis"] == "1"
    assert list(fields)[-1] == "Security"
    joined = "".join(fields.get(name, "") for name in standins.MR_ORDER) + standins.MR_KEY
    assert fields["Security"] == hashlib.md5(joined.encode()).hexdigest().upper()
    assert label.method == "GET" and "format=10x15" in label.path and "expedition=31000001" in label.path


def test_mondial_relay_refusals_say_its_stat_and_what_to_do(make_shop, mondial_relay, monkeypatch):
    config = make_shop(mondial_relay_url=mondial_relay.url, mondial_relay_label_url=mondial_relay.stand_in.url)
    Order.update(pickup_point="066974").where(Order.ref == "M-RELAY").execute()
    monkeypatch.setenv("MR_KEY", "wrong")
    row = obtain_label(order("M-RELAY").id, config=config)
    assert row.carrier_message == "STAT 97 : Clé de sécurité invalide"
    assert "compte" in row.what_to_do
    assert CarrierLabel.get().tracking is None
