"""GLS's ShipIT web API (REST, JSON), as GLS France and the GLS group offer it.

Our own client: one call, ``POST {url}/rs/shipments`` with HTTP Basic auth (the ShipIT
user and password) and ``Content-Type: application/glsVersion1+json``:
``{"Shipment": {"Product": "PARCEL", "ShipmentReference": [ref], "Shipper": {"ContactID"},
"Consignee": {"Address": {"Name1", "Name2", "Street", "ZIPCode", "City", "CountryCode",
"eMail", "MobilePhoneNumber"/"FixedLinePhonenumber", "ContactPerson"}},
"ShipmentUnit": [{"Weight": kg}], "Service": [{"ShopDelivery": {"ServiceName":
"service_shopdelivery", "ParcelShopID": …}}]}, "PrintingOptions": {"ReturnLabels":
{"TemplateSet": "NONE"|"ZPL_200"|"ZPL_300", "LabelFormat": "PDF"|"ZEBRA"}}}``.

Answer: ``{"CreatedShipment": {"ParcelData": [{"TrackID", "ParcelNumber"}], "PrintData":
[{"Data": base64, "LabelFormat"}]}}``. An error is an HTTP 4xx status whose ``error`` and
``message`` headers (and JSON body, when given) say why.
"""

from __future__ import annotations

import base64
import binascii
import json

from packstation.shipping.base import (
    CarrierLabel, LabelAccount, LabelRefused, LabelRequest, LabelUnavailable, classify,
)
from packstation.shipping.http import exchange

DEFAULT_URL = "https://api.gls-group.eu/public/v1/shipit-farm/backend"
TRACKING_URL = "https://gls-group.com/FR/fr/suivi-colis?match={tracking}"
NAME = "GLS"
MEDIA = "application/glsVersion1+json"


def _is_mobile(phone: str) -> bool:
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    return digits.startswith(("06", "07", "+336", "+337"))


class GLSService:
    provider = "gls"

    def __init__(self, account: LabelAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = timeout
        self.url = (account.url or DEFAULT_URL).rstrip("/")

    def printing(self) -> dict:
        if self.account.format == "zpl":
            return {"TemplateSet": f"ZPL_{200 if self.account.dpi == 203 else 300}", "LabelFormat": "ZEBRA"}
        return {"TemplateSet": "NONE", "LabelFormat": "PDF"}

    def body(self, request: LabelRequest) -> dict:
        recipient = request.recipient
        address = {"Name1": recipient.company or recipient.name,
                   "Name2": recipient.name if recipient.company else "",
                   "Street": recipient.line1, "ZIPCode": recipient.postcode, "City": recipient.city,
                   "CountryCode": recipient.country, "eMail": recipient.email,
                   "ContactPerson": recipient.name}
        if recipient.line2:
            address["Name3"] = recipient.line2
        if recipient.phone:
            address["MobilePhoneNumber" if _is_mobile(recipient.phone) else "FixedLinePhonenumber"] = \
                recipient.phone
        shipment: dict = {
            "Product": str(self.account.options.get("product_home") or "PARCEL"),
            "ShipmentReference": [request.order_ref],
            "Shipper": {"ContactID": str(self.account.options.get("contact_id") or "")},
            "Consignee": {"Address": address},
            "ShipmentUnit": [{"Weight": round(max(request.weight_g, 1) / 1000, 2)}],
        }
        if request.service == "relay":
            shipment["Service"] = [{"ShopDelivery": {"ServiceName": "service_shopdelivery",
                                                     "ParcelShopID": request.point_id}}]
        return {"Shipment": shipment, "PrintingOptions": {"ReturnLabels": self.printing()}}

    def create_label(self, request: LabelRequest) -> CarrierLabel:
        token = base64.b64encode(f"{self.account.login}:{self.account.password()}".encode()).decode()
        answer = exchange(NAME, f"{self.url}/rs/shipments", data=json.dumps(self.body(request)).encode(),
                          headers={"Authorization": f"Basic {token}", "Content-Type": MEDIA,
                                   "Accept": f"{MEDIA}, application/json"}, timeout=self.timeout)
        if answer.status in (401, 403):
            raise LabelRefused(NAME, answer.headers.get("message") or f"HTTP {answer.status}", "account")
        if answer.status >= 500:
            raise LabelUnavailable(NAME, answer.headers.get("message") or f"HTTP {answer.status}")
        if answer.status >= 400:
            message = answer.headers.get("message") or answer.headers.get("error") or f"HTTP {answer.status}"
            raise LabelRefused(NAME, message, classify(message))
        try:
            created = json.loads(answer.body.decode("utf-8"))["CreatedShipment"]
            number = str(created["ParcelData"][0]["TrackID"])
            label = base64.b64decode(created["PrintData"][0]["Data"], validate=True)
        except (UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError, binascii.Error):
            raise LabelUnavailable(NAME, f"HTTP {answer.status}") from None
        return CarrierLabel(tracking=number, tracking_url=TRACKING_URL.format(tracking=number),
                            label_bytes=label, label_format=self.account.format)

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        return stored
