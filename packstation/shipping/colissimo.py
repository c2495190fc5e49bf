"""Colissimo's label web service "SLS" (REST, JSON in, ``multipart/mixed`` out).

Our own client rather than karrio's: karrio's Colissimo request sends no pickup point
(``pickupLocationId``), and what we need is two calls (``generateLabel``,
``generateBordereauByParcelsNumbers``) over plain HTTP.

Request (POST ``{url}/generateLabel``, JSON): ``contractNumber``, ``password``,
``outputFormat`` (``x``, ``y``, ``outputPrintingType`` such as ``PDF_10x15_300dpi`` or
``ZPL_10x15_203dpi``) and ``letter``: ``service`` (``productCode``, ``depositDate``,
``orderNumber``, ``commercialName``), ``parcel`` (``weight`` in kg, ``pickupLocationId``
for a relay point), ``customsDeclarations`` (``includeCustomsDeclarations``,
``contents.article[]`` and ``contents.category.value`` 3 = sale of goods), ``sender`` and
``addressee`` (each a ``…ParcelRef`` and an ``address``).

Answer: ``multipart/mixed``; the part ``<jsonInfos>`` holds ``messages`` (``id``,
``type`` INFOS/ERROR, ``messageContent``) and ``labelV2Response.parcelNumber``; the part
``<label>`` is the label itself (PDF or ZPL), passed on unchanged; outside the EU customs
territory the part ``<cn23>`` is the customs declaration (an A4 PDF), kept and printed
beside it (as Colissimo's own WooCommerce plugin does). An error carries
``type`` ERROR, its ``id`` (``30000``: wrong login or password) and no label.
"""

from __future__ import annotations

import json

from packstation.shipping.base import (
    CarrierLabel, LabelAccount, LabelRefused, LabelRequest, LabelUnavailable, classify,
)
from packstation.shipping.http import Answer, exchange
from packstation.shipping.multipart import boundary_of, parts

DEFAULT_URL = "https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0"
TRACKING_URL = "https://www.laposte.fr/outils/suivre-vos-envois?code={tracking}"
NAME = "Colissimo"
#: Colissimo's product codes per service (an account may override them: product_home...).
PRODUCTS = {"home": "DOM", "signature": "DOS", "express": "DOS", "relay": "A2P"}
#: The ids Colissimo gives for a wrong account (others are read by their words).
_ACCOUNT_ERRORS = {"30000", "30001"}


def printing_type(account: LabelAccount) -> str:
    if account.format == "zpl":
        return f"ZPL_10x15_{account.dpi}dpi"
    return "PDF_10x15_300dpi"


def _kg(grams: int) -> float:
    return round(max(grams, 1) / 1000, 3)


def _split_name(name: str) -> tuple[str, str]:
    first, _, last = name.strip().partition(" ")
    return (first, last) if last else ("", first)


def _is_mobile(phone: str) -> bool:
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    return digits.startswith(("06", "07", "+336", "+337", "00336", "00337"))


class ColissimoService:
    provider = "colissimo"

    def __init__(self, account: LabelAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = timeout
        self.url = (account.url or DEFAULT_URL).rstrip("/")

    # -- the request -------------------------------------------------------------------

    def product_code(self, request: LabelRequest) -> str:
        if request.service == "relay" and request.point_type:
            return request.point_type  # the point's own kind (A2P, BPR, CMT, PCS, BDP...)
        option = self.account.options.get(f"product_{request.service}")
        return str(option) if option else PRODUCTS.get(request.service, "DOM")

    def body(self, request: LabelRequest, password: str) -> dict:
        sender, recipient = request.sender, request.recipient
        first, last = _split_name(recipient.name)
        addressee = {"lastName": last, "firstName": first, "line2": recipient.line1,
                     "countryCode": recipient.country, "city": recipient.city,
                     "zipCode": recipient.postcode, "email": recipient.email}
        if recipient.company:
            addressee["companyName"] = recipient.company
        if recipient.line2:
            addressee["line3"] = recipient.line2
        if recipient.phone:
            addressee["mobileNumber" if _is_mobile(recipient.phone) else "phoneNumber"] = recipient.phone
        parcel: dict = {"weight": _kg(request.weight_g)}
        if request.service == "relay":
            parcel["pickupLocationId"] = request.point_id
        letter: dict = {
            "service": {"productCode": self.product_code(request),
                        "depositDate": request.shipping_date.isoformat(),
                        "orderNumber": request.order_ref, "commercialName": sender.name},
            "parcel": parcel,
            "sender": {"senderParcelRef": request.order_ref, "address": {
                "companyName": sender.name, "line2": sender.line1, "line3": sender.line2,
                "countryCode": sender.country, "city": sender.city, "zipCode": sender.postcode,
                "phoneNumber": sender.phone, "email": sender.email}},
            "addressee": {"addresseeParcelRef": request.order_ref, "address": addressee},
        }
        if request.customs:
            letter["customsDeclarations"] = {
                "includeCustomsDeclarations": True,
                "contents": {
                    "article": [{"description": line.description, "quantity": line.quantity,
                                 "weight": _kg(line.weight_g), "value": float(line.value),
                                 "hsCode": line.hs_code, "originCountry": line.origin_country,
                                 "currency": line.currency}
                                for line in request.customs],
                    "category": {"value": 3},  # sale of goods
                },
            }
            if request.value is not None:
                letter["service"]["totalAmount"] = int(request.value * 100)  # in cents
        return {"contractNumber": self.account.login, "password": password,
                "outputFormat": {"x": 0, "y": 0, "outputPrintingType": printing_type(self.account)},
                "letter": letter}

    # -- the exchange ------------------------------------------------------------------

    def _post(self, method: str, body: dict) -> Answer:
        return exchange(NAME, f"{self.url}/{method}", data=json.dumps(body).encode("utf-8"),
                        headers={"Content-Type": "application/json;charset=UTF-8",
                                 "Accept": "multipart/mixed, application/json"},
                        timeout=self.timeout)

    def _read(self, answer: Answer, *wanted: str) -> tuple[dict, list[bytes | None]]:
        """The JSON infos and the wanted binary parts (None for one that is not there);
        LabelRefused on an ERROR message."""
        boundary = boundary_of(answer.content_type)
        if boundary:
            found = parts(answer.body, boundary)
            info_part = found.get("<jsonInfos>")
            binary = [found.get(f"<{name}>", (None, None))[1] for name in wanted]
        elif answer.content_type.startswith("application/json"):
            info_part, binary = ({}, answer.body), [None] * len(wanted)
        else:
            raise LabelUnavailable(NAME, f"HTTP {answer.status}")
        try:
            infos = json.loads(info_part[1].decode("utf-8")) if info_part else None
        except (UnicodeDecodeError, ValueError):
            infos = None
        if not isinstance(infos, dict):
            raise LabelUnavailable(NAME, f"HTTP {answer.status}")
        errors = [m for m in infos.get("messages") or [] if m.get("type") == "ERROR"]
        if errors:
            first = errors[0]
            text = str(first.get("messageContent") or first.get("id"))
            fix = "account" if str(first.get("id")) in _ACCOUNT_ERRORS else classify(text)
            raise LabelRefused(NAME, text, fix)
        if answer.status >= 400:
            raise LabelUnavailable(NAME, f"HTTP {answer.status}")
        return infos, binary

    def create_label(self, request: LabelRequest) -> CarrierLabel:
        answer = self._post("generateLabel", self.body(request, self.account.password()))
        infos, (label, cn23) = self._read(answer, "label", "cn23")
        number = ((infos.get("labelV2Response") or {}).get("parcelNumber") or "").strip()
        if not number or not label:
            raise LabelUnavailable(NAME, "no parcelNumber or label in the answer")
        return CarrierLabel(tracking=number, tracking_url=TRACKING_URL.format(tracking=number),
                            label_bytes=label, label_format=self.account.format,
                            customs_bytes=cn23 or None)

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        return stored  # generateLabel answers with the label itself: nothing left to fetch

    def manifest(self, parcel_numbers: list[str]) -> bytes:
        """Colissimo's own bordereau (PDF) for these parcels."""
        body = {"contractNumber": self.account.login, "password": self.account.password(),
                "generateBordereauParcelNumberList": {"parcelsNumbers": list(parcel_numbers)}}
        answer = self._post("generateBordereauByParcelsNumbers", body)
        _, (document,) = self._read(answer, "bordereau")
        if not document:
            raise LabelUnavailable(NAME, "no bordereau in the answer")
        return document

