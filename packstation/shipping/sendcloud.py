"""Sendcloud's API v2, the aggregator for shops without their own carrier contract
(Colissimo, Mondial Relay, Colis Privé, DHL… through one account).

Our own client: two plain REST calls; karrio's connector would bring its whole framework
(LGPL-3) for them.

- ``POST {url}/parcels`` with HTTP Basic auth (the public key and the secret key), JSON
  ``{"parcel": {...}}``: ``name``, ``company_name``, ``address``, ``address_2``, ``city``,
  ``postal_code``, ``country``, ``telephone``, ``email``, ``order_number``, ``weight`` (kg,
  a string), ``request_label`` true, ``shipment.id`` (the shipping method),
  ``to_service_point`` (a relay point), and for customs ``customs_invoice_nr``,
  ``customs_shipment_type`` 2 (commercial goods) and ``parcel_items`` (``description``,
  ``quantity``, ``weight``, ``value``, ``hs_code``, ``origin_country``).
  The answer ``{"parcel": {"id", "tracking_number", "tracking_url", ...}}`` means the label
  is bought; an error is ``{"error": {"code", "message", "request"}}``.
- ``GET {url}/parcels/{id}/documents/label`` with ``Accept: application/pdf`` or
  ``application/zpl`` (``dpi`` 203/300): the label itself.

The parcel's id is stored as soon as the first call answers, so that a download that
fails is retried alone: a retry never buys a second label.
"""

from __future__ import annotations

import base64
import json

from packstation.shipping.base import (
    CarrierLabel, LabelAccount, LabelRefused, LabelRequest, LabelUnavailable, classify,
)
from packstation.shipping.http import Answer, exchange

DEFAULT_URL = "https://panel.sendcloud.sc/api/v2"
NAME = "Sendcloud"


class SendcloudService:
    provider = "sendcloud"

    def __init__(self, account: LabelAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = timeout
        self.url = (account.url or DEFAULT_URL).rstrip("/")

    def _headers(self, **extra: str) -> dict[str, str]:
        token = base64.b64encode(f"{self.account.login}:{self.account.password()}".encode()).decode()
        return {"Authorization": f"Basic {token}", **extra}

    def shipping_method(self, request: LabelRequest) -> int | None:
        for key in (f"shipping_method_{request.service}", "shipping_method"):
            if self.account.options.get(key) not in (None, ""):
                return int(self.account.options[key])  # type: ignore[arg-type]
        return None

    def body(self, request: LabelRequest) -> dict:
        recipient = request.recipient
        parcel: dict = {
            "name": recipient.name, "company_name": recipient.company,
            "address": recipient.line1, "address_2": recipient.line2,
            "city": recipient.city, "postal_code": recipient.postcode,
            "country": recipient.country, "telephone": recipient.phone,
            "email": recipient.email, "order_number": request.order_ref,
            "weight": f"{max(request.weight_g, 1) / 1000:.3f}", "request_label": True,
        }
        method = self.shipping_method(request)
        if method is not None:
            parcel["shipment"] = {"id": method}
        else:
            parcel["apply_shipping_rules"] = True  # the account's own rules choose
        if request.service == "relay":
            parcel["to_service_point"] = int(request.point_id) if request.point_id.isdigit() \
                else request.point_id
        if request.customs:
            parcel["customs_invoice_nr"] = request.order_ref
            parcel["customs_shipment_type"] = 2  # commercial goods
            parcel["parcel_items"] = [
                {"description": line.description, "quantity": line.quantity,
                 "weight": f"{max(line.weight_g, 1) / 1000:.3f}", "value": f"{line.value:.2f}",
                 "hs_code": line.hs_code, "origin_country": line.origin_country}
                for line in request.customs]
        return {"parcel": parcel}

    @staticmethod
    def _refusal(answer: Answer) -> LabelRefused | None:
        if answer.status < 400:
            return None
        try:
            error = json.loads(answer.body.decode("utf-8")).get("error") or {}
        except (UnicodeDecodeError, ValueError, AttributeError):
            error = {}
        message = error.get("message") if isinstance(error, dict) else None
        if not message:
            return LabelUnavailable(NAME, f"HTTP {answer.status}")
        if answer.status in (401, 403):
            return LabelRefused(NAME, str(message), "account")
        if answer.status >= 500:
            return LabelUnavailable(NAME, str(message))
        return LabelRefused(NAME, str(message), classify(str(message)))

    def create_label(self, request: LabelRequest) -> CarrierLabel:
        answer = exchange(NAME, f"{self.url}/parcels", data=json.dumps(self.body(request)).encode(),
                          headers=self._headers(**{"Content-Type": "application/json"}),
                          timeout=self.timeout)
        refusal = self._refusal(answer)
        if refusal:
            raise refusal
        try:
            parcel = json.loads(answer.body.decode("utf-8"))["parcel"]
            parcel_id, number = str(parcel["id"]), str(parcel.get("tracking_number") or "")
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            raise LabelUnavailable(NAME, f"HTTP {answer.status}") from None
        if not number:
            raise LabelUnavailable(NAME, "no tracking_number in the answer")
        return CarrierLabel(tracking=number, tracking_url=str(parcel.get("tracking_url") or ""),
                            label_bytes=None, label_format=self.account.format,
                            external_id=parcel_id)

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        accept = "application/zpl" if self.account.format == "zpl" else "application/pdf"
        url = f"{self.url}/parcels/{stored.external_id}/documents/label"
        if self.account.format == "zpl":
            url += f"?dpi={self.account.dpi}"
        answer = exchange(NAME, url, method="GET", headers=self._headers(Accept=accept),
                          timeout=self.timeout)
        refusal = self._refusal(answer)
        if refusal:
            raise refusal
        if not answer.body:
            raise LabelUnavailable(NAME, "empty label")
        return CarrierLabel(tracking=stored.tracking, tracking_url=stored.tracking_url,
                            label_bytes=answer.body, label_format=self.account.format,
                            external_id=stored.external_id)
