"""Chronopost's label web service (SOAP ``ShippingServiceWS``, ``shippingMultiParcelV4``).

Our own client, over ``urllib``: one SOAP call whose body is a few flat value blocks.

Request: ``headerValue`` (``accountNumber``, ``idEmit`` CHRFR, ``subAccount``),
``shipperValue``/``customerValue``/``recipientValue`` (``…Name``, ``…Name2``,
``…Adress1``, ``…Adress2``, ``…ZipCode``, ``…City``, ``…Country``, ``…ContactName``,
``…Email``, ``…Phone``, ``…MobilePhone``, ``…PreAlert``), ``refValue`` (``shipperRef``,
``recipientRef`` — for Chrono Relais products (86…) the relay point's code —,
``customerSkybillNumber``), ``skybillValue`` (``productCode``: 01 Chrono 13, 86 Chrono
Relais 13…, ``shipDate``, ``weight`` in kg, ``weightUnit`` KGM, ``objectType`` MAR…),
``skybillParamsValue.mode`` (PDF, ZPL, ZPL300), ``password``, ``modeRetour`` 2,
``numberOfParcel``, ``version``, ``multiParcel``.

Answer: ``return`` with ``errorCode`` (0 = done) and ``errorMessage``, and
``resultMultiParcelValue`` with ``skybillNumber`` (the tracking number) and
``pdfEtiquette`` (the label, base64; ZPL too despite its name).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from xml.sax.saxutils import escape

from packstation.shipping.base import (
    CarrierLabel, LabelAccount, LabelRefused, LabelRequest, LabelUnavailable, Party, classify,
)
from packstation.shipping.http import soap_exchange, xml_text

DEFAULT_URL = "https://ws.chronopost.fr/shipping-cxf/ShippingServiceWS"
NAMESPACE = "http://cxf.shipping.soap.chronopost.fr/"
TRACKING_URL = "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={tracking}"
NAME = "Chronopost"
PRODUCTS = {"home": "01", "signature": "01", "express": "01", "relay": "86"}
#: errorCode values that mean the account (the others are read by their words)
_ACCOUNT_ERRORS = {"1", "3"}


def _block(prefix: str, party: Party) -> str:
    fields = {"Name": party.company or party.name, "Name2": party.name if party.company else "",
              "Adress1": party.line1, "Adress2": party.line2, "ZipCode": party.postcode,
              "City": party.city, "Country": party.country, "ContactName": party.name,
              "Email": party.email, "Phone": party.phone, "MobilePhone": "", "PreAlert": "0"}
    return "".join(f"<{prefix}{key}>{escape(value)}</{prefix}{key}>" for key, value in fields.items())


class ChronopostService:
    provider = "chronopost"

    def __init__(self, account: LabelAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = timeout
        self.url = account.url or DEFAULT_URL

    def mode(self) -> str:
        if self.account.format == "zpl":
            return "ZPL300" if self.account.dpi == 300 else "ZPL"
        return "PDF"

    def product_code(self, request: LabelRequest) -> str:
        option = self.account.options.get(f"product_{request.service}")
        return str(option) if option else PRODUCTS.get(request.service, "01")

    def envelope(self, request: LabelRequest, password: str) -> bytes:
        ref = escape(request.order_ref[:35])
        relay = request.service == "relay"
        ship_date = dt.datetime.combine(request.shipping_date, dt.time(12)).isoformat()
        body = (
            f"<headerValue><accountNumber>{escape(self.account.login)}</accountNumber>"
            f"<idEmit>CHRFR</idEmit><identWebPro></identWebPro>"
            f"<subAccount>{escape(str(self.account.options.get('sub_account') or ''))}</subAccount></headerValue>"
            f"<shipperValue>{_block('shipper', request.sender)}</shipperValue>"
            f"<customerValue>{_block('customer', request.sender)}<printAsSender>N</printAsSender></customerValue>"
            f"<recipientValue>{_block('recipient', request.recipient)}</recipientValue>"
            f"<refValue><shipperRef>{ref}</shipperRef>"
            f"<recipientRef>{escape(request.point_id) if relay else ref}</recipientRef>"
            f"<customerSkybillNumber>{ref}</customerSkybillNumber></refValue>"
            f"<skybillValue><bulkNumber>1</bulkNumber><evtCode>DC</evtCode><objectType>MAR</objectType>"
            f"<productCode>{escape(self.product_code(request))}</productCode><service>0</service>"
            f"<shipDate>{ship_date}</shipDate><shipHour>12</shipHour>"
            f"<weight>{max(request.weight_g, 1) / 1000:.3f}</weight><weightUnit>KGM</weightUnit>"
            f"<skybillRank>1</skybillRank></skybillValue>"
            f"<skybillParamsValue><mode>{self.mode()}</mode><withReservation>0</withReservation></skybillParamsValue>"
            f"<password>{escape(password)}</password><modeRetour>2</modeRetour>"
            f"<numberOfParcel>1</numberOfParcel><version>2.0</version><multiParcel>N</multiParcel>")
        return ('<?xml version="1.0" encoding="utf-8"?>'
                '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
                f'xmlns:cxf="{NAMESPACE}"><soapenv:Body><cxf:shippingMultiParcelV4>{body}'
                "</cxf:shippingMultiParcelV4></soapenv:Body></soapenv:Envelope>").encode("utf-8")

    def create_label(self, request: LabelRequest) -> CarrierLabel:
        answer, root = soap_exchange(NAME, self.url, self.envelope(request, self.account.password()),
                                     action='""', timeout=self.timeout)
        code = xml_text(root, "errorCode")
        if code == "":
            fault = xml_text(root, "faultstring")
            raise LabelUnavailable(NAME, fault or f"HTTP {answer.status}")
        if code != "0":
            message = xml_text(root, "errorMessage") or f"errorCode {code}"
            raise LabelRefused(NAME, message, "account" if code in _ACCOUNT_ERRORS else classify(message))
        number, encoded = xml_text(root, "skybillNumber"), xml_text(root, "pdfEtiquette")
        try:
            label = base64.b64decode(encoded, validate=True) if encoded else b""
        except (binascii.Error, ValueError):
            label = b""
        if not number or not label:
            raise LabelUnavailable(NAME, "no skybillNumber or label in the answer")
        return CarrierLabel(tracking=number, tracking_url=TRACKING_URL.format(tracking=number),
                            label_bytes=label, label_format=self.account.format)

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        return stored  # the label comes with the answer
