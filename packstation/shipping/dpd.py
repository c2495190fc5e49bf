"""DPD France's label web service (SOAP "eprintwebservice", ``CreateShipmentWithLabelsBc``).

Our own client over ``urllib`` (karrio's connector is LGPL-3 and framework-sized,
roulier's AGPL-3): one SOAP call.

Request: the ``UserCredentials`` header (``userid``, ``password``, namespace
``http://www.cargonet.software``) and ``request``: ``customer_countrycode``,
``customer_centernumber``, ``customer_number`` (the DPD account: "country/center/number"),
``receiveraddress`` (``name``, ``countryPrefix``, ``zipCode``, ``city``, ``street``,
``phoneNumber``), ``receiverinfo`` (``contact``, ``email``, ``vinfo1`` the mobile for
Predict), ``shipperaddress``, ``weight`` (kg), ``referencenumber``, ``shippingdate``
(dd/mm/yyyy), ``labelType.type`` (PDF, ZPL, ZPL300) and, for a Pickup relay,
``services.parcelshop.shopaddress.shopid``.

Answer: ``CreateShipmentWithLabelsBcResult`` with ``shipments/ShipmentBc/Shipment``
(``BarcodeId``: the parcel number) and ``labels/Label`` (``type`` EPRINT/BIC3, ``label``
base64). A refusal is a SOAP Fault whose ``faultstring`` says why.
"""

from __future__ import annotations

import base64
import binascii
from xml.sax.saxutils import escape

from packstation.shipping.base import (
    CarrierLabel, LabelAccount, LabelRefused, LabelRequest, LabelUnavailable, classify,
)
from packstation.shipping.http import soap_exchange, xml_elements, xml_text

DEFAULT_URL = "https://e-station.cargonet.software/dpd-eprintwebservice/eprintwebservice.asmx"
NAMESPACE = "http://www.cargonet.software"
TRACKING_URL = "https://trace.dpd.fr/fr/trace/{tracking}"
NAME = "DPD France"


def _fields(values: dict[str, str]) -> str:
    return "".join(f"<{key}>{escape(value)}</{key}>" for key, value in values.items() if value != "")


class DPDFranceService:
    provider = "dpd"

    def __init__(self, account: LabelAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = timeout
        self.url = account.url or DEFAULT_URL

    def customer(self) -> tuple[str, str, str]:
        """The DPD customer account "country/center/number" (``customer`` option)."""
        parts = str(self.account.options.get("customer") or "").split("/")
        return (parts + ["", "", ""])[:3] if len(parts) == 3 else ("250", "", "")

    def label_type(self) -> str:
        if self.account.format == "zpl":
            return "ZPL300" if self.account.dpi == 300 else "ZPL"
        return "PDF"

    def envelope(self, request: LabelRequest, password: str) -> bytes:
        country, center, number = self.customer()
        recipient, sender = request.recipient, request.sender
        body = _fields({"customer_countrycode": country, "customer_centernumber": center,
                        "customer_number": number})
        body += "<receiveraddress>" + _fields({
            "name": recipient.company or recipient.name, "countryPrefix": recipient.country,
            "zipCode": recipient.postcode, "city": recipient.city,
            "street": " ".join(filter(None, (recipient.line1, recipient.line2))),
            "phoneNumber": recipient.phone}) + "</receiveraddress>"
        body += "<receiverinfo>" + _fields({"contact": recipient.name, "email": recipient.email,
                                             "vinfo1": recipient.phone}) + "</receiverinfo>"
        body += "<shipperaddress>" + _fields({
            "name": sender.name, "countryPrefix": sender.country, "zipCode": sender.postcode,
            "city": sender.city, "street": " ".join(filter(None, (sender.line1, sender.line2))),
            "phoneNumber": sender.phone}) + "</shipperaddress>"
        body += _fields({"weight": f"{max(request.weight_g, 1) / 1000:.2f}",
                         "referencenumber": request.order_ref[:35],
                         "shippingdate": request.shipping_date.strftime("%d/%m/%Y")})
        body += f"<labelType><type>{self.label_type()}</type></labelType>"
        if request.service == "relay":
            body += ("<services><parcelshop><shopaddress>"
                     f"<shopid>{escape(request.point_id)}</shopid></shopaddress></parcelshop></services>")
        return ('<?xml version="1.0" encoding="utf-8"?>'
                '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
                f'<soap:Header><UserCredentials xmlns="{NAMESPACE}"><userid>{escape(self.account.login)}'
                f"</userid><password>{escape(password)}</password></UserCredentials></soap:Header>"
                f'<soap:Body><CreateShipmentWithLabelsBc xmlns="{NAMESPACE}"><request>{body}</request>'
                "</CreateShipmentWithLabelsBc></soap:Body></soap:Envelope>").encode("utf-8")

    def create_label(self, request: LabelRequest) -> CarrierLabel:
        answer, root = soap_exchange(NAME, self.url, self.envelope(request, self.account.password()),
                                     action=f'"{NAMESPACE}/CreateShipmentWithLabelsBc"',
                                     timeout=self.timeout)
        fault = xml_text(root, "faultstring")
        if fault:
            if answer.status >= 500 and not xml_elements(root, "faultcode"):
                raise LabelUnavailable(NAME, fault)
            raise LabelRefused(NAME, fault, classify(fault))
        number = xml_text(root, "BarcodeId")
        label = b""
        for element in xml_elements(root, "Label"):
            if xml_text(element, "type") in ("EPRINT", "BIC3"):
                try:
                    label = base64.b64decode(xml_text(element, "label"), validate=True)
                except (binascii.Error, ValueError):
                    label = b""
                break
        if not number or not label:
            raise LabelUnavailable(NAME, "no BarcodeId or label in the answer")
        return CarrierLabel(tracking=number, tracking_url=TRACKING_URL.format(tracking=number),
                            label_bytes=label, label_format=self.account.format)

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        return stored
