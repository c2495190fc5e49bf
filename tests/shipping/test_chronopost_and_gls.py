"""Chronopost (SOAP shippingMultiParcelV4) and GLS (ShipIT REST) against stand-ins."""

from __future__ import annotations

from packstation.db.models import LabelStatus, Order
from packstation.services.labels import obtain_label
from tests.shipping import standins
from tests.shipping.conftest import order


def test_chronopost_home_and_relay(make_shop, chronopost):
    config = make_shop(chronopost_url=chronopost.url)
    row = obtain_label(order("CH-1").id, config=config)
    assert row.status == LabelStatus.READY and bytes(row.label_data) == standins.PDF
    assert row.tracking == "XJ10000001FR" and row.tracking_url.endswith("listeNumerosLT=XJ10000001FR")
    call = chronopost.call(chronopost.received[0])
    assert call.findtext("headerValue/accountNumber") == standins.CHRONO_ACCOUNT
    assert call.findtext("skybillValue/productCode") == "01"
    assert call.findtext("skybillValue/weight") == "0.470"
    assert call.findtext("skybillParamsValue/mode") == "PDF"
    assert call.findtext("recipientValue/recipientName") == "Camille Martin"
    assert call.findtext("recipientValue/recipientZipCode") == "75011"
    assert call.findtext("recipientValue/recipientEmail") == "camille@example.com"
    assert call.findtext("recipientValue/recipientPhone") == "06 12 34 56 78"
    assert call.findtext("shipperValue/shipperName") == "Le Comptoir des Thés"
    assert call.findtext("refValue/shipperRef") == "CH-1"

    Order.update(pickup_point="2198Z", tracking=None).where(Order.ref == "CH-1").execute()
    from packstation.db.models import CarrierLabel

    CarrierLabel.delete().execute()  # a new parcel for the same order, to a relay
    obtain_label(order("CH-1").id, config=config)
    call = chronopost.call(chronopost.received[1])
    assert call.findtext("skybillValue/productCode") == "86"
    assert call.findtext("refValue/recipientRef") == "2198Z"  # the relay point's code


def test_chronopost_zpl_and_refusals(make_shop, chronopost, monkeypatch):
    config = make_shop(chronopost_url=chronopost.url, chronopost_format="zpl")
    Order.update(postcode="").where(Order.ref == "CH-1").execute()
    row = obtain_label(order("CH-1").id, config=config)
    assert row.carrier_message == "Code postal du destinataire invalide" and "adresse" in row.what_to_do
    Order.update(postcode="75011").where(Order.ref == "CH-1").execute()
    monkeypatch.setenv("CHRONO_PASSWORD", "wrong")
    from packstation.services.labels import retry_waiting

    row = retry_waiting(config)[0]
    assert row.carrier_message == "Identifiant ou mot de passe invalide" and "compte" in row.what_to_do
    monkeypatch.setenv("CHRONO_PASSWORD", standins.CHRONO_PASSWORD)
    row = retry_waiting(config)[0]
    assert (bytes(row.label_data), row.label_format) == (standins.ZPL, "zpl")
    assert chronopost.call(chronopost.received[-1]).findtext("skybillParamsValue/mode") == "ZPL"
    assert chronopost.issued == 1


def test_gls_home_relay_and_refusals(make_shop, gls, monkeypatch):
    config = make_shop(gls_url=gls.url)
    Order.update(pickup_point="2500012345").where(Order.ref == "G-1").execute()
    row = obtain_label(order("G-1").id, config=config)
    assert row.status == LabelStatus.READY and bytes(row.label_data) == standins.PDF
    assert row.tracking == "ZX70001"
    body = gls.received[0].json()
    assert body["PrintingOptions"] == {"ReturnLabels": {"TemplateSet": "NONE", "LabelFormat": "PDF"}}
    shipment = body["Shipment"]
    assert shipment["Product"] == "PARCEL" and shipment["ShipmentReference"] == ["G-1"]
    assert shipment["Shipper"] == {"ContactID": standins.GLS_CONTACT}
    assert shipment["ShipmentUnit"] == [{"Weight": 0.47}]
    assert shipment["Consignee"]["Address"] == {
        "Name1": "Camille Martin", "Name2": "", "Street": "12 rue des Lilas", "ZIPCode": "75011",
        "City": "Paris", "CountryCode": "FR", "eMail": "camille@example.com",
        "ContactPerson": "Camille Martin", "MobilePhoneNumber": "06 12 34 56 78"}
    assert shipment["Service"] == [{"ShopDelivery": {"ServiceName": "service_shopdelivery",
                                                     "ParcelShopID": "2500012345"}}]


def test_gls_refusals(make_shop, gls, monkeypatch):
    config = make_shop(gls_url=gls.url, gls_format="zpl")
    Order.update(postcode="").where(Order.ref == "G-1").execute()
    row = obtain_label(order("G-1").id, config=config)
    assert row.carrier_message == "Invalid ZIP code for country FR" and "adresse" in row.what_to_do
    monkeypatch.setenv("GLS_PASSWORD", "wrong")
    from packstation.services.labels import retry_waiting

    assert "compte" in retry_waiting(config)[0].what_to_do
    assert gls.issued == 0


# -- DPD France ----------------------------------------------------------------------------

def test_dpd_france_predict_and_pickup(make_shop, dpd):
    config = make_shop(dpd_url=dpd.url)
    row = obtain_label(order("D-1").id, config=config)
    assert row.status == LabelStatus.READY and bytes(row.label_data) == standins.PDF
    assert row.tracking == "25007700000001" and row.tracking_url.endswith("/trace/25007700000001")
    credentials, request = dpd.request(dpd.received[0])
    ns = f"{{{standins.DPD_NS}}}"
    assert request.findtext(ns + "customer_countrycode") == "250"
    assert request.findtext(ns + "customer_centernumber") == "77"
    assert request.findtext(ns + "customer_number") == "12345"
    assert request.findtext(f"{ns}receiveraddress/{ns}name") == "Camille Martin"
    assert request.findtext(f"{ns}receiveraddress/{ns}zipCode") == "75011"
    assert request.findtext(f"{ns}receiverinfo/{ns}email") == "camille@example.com"
    assert request.findtext(f"{ns}receiverinfo/{ns}vinfo1") == "06 12 34 56 78"  # Predict
    assert request.findtext(f"{ns}shipperaddress/{ns}zipCode") == "69002"
    assert request.findtext(ns + "weight") == "0.47"
    assert request.findtext(ns + "referencenumber") == "D-1"
    assert request.findtext(f"{ns}labelType/{ns}type") == "PDF"
    assert request.find(ns + "services") is None

    from packstation.db.models import CarrierLabel

    CarrierLabel.delete().execute()
    Order.update(pickup_point="P22895", tracking=None).where(Order.ref == "D-1").execute()
    obtain_label(order("D-1").id, config=config)
    _, request = dpd.request(dpd.received[1])
    assert request.findtext(f"{ns}services/{ns}parcelshop/{ns}shopaddress/{ns}shopid") == "P22895"


def test_dpd_france_refusals(make_shop, dpd, monkeypatch):
    config = make_shop(dpd_url=dpd.url)
    Order.update(postcode="").where(Order.ref == "D-1").execute()
    row = obtain_label(order("D-1").id, config=config)
    assert row.carrier_message == "The receiver zip code is not valid" and "adresse" in row.what_to_do
    monkeypatch.setenv("DPD_PASSWORD", "wrong")
    from packstation.services.labels import retry_waiting

    row = retry_waiting(config)[0]
    assert row.carrier_message.startswith("Authentication failed") and "compte" in row.what_to_do
    assert dpd.issued == 0
