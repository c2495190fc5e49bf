"""Tracking numbers back to the shop, as a CSV in the platform's import format.

Only carrier-issued numbers are exported, with the carrier's own tracking link (the one
its label service gave, else the carrier's public page) and a carrier name the platform
knows (Shopify's tracking companies, Advanced Shipment Tracking's providers), never the
shop's shipping-method title. An own-label parcel is exported as fulfilled, no number.
"""

from __future__ import annotations

import datetime as dt

from packstation.core.carriers import fold
from packstation.db.models import DELIVERY_SHIPPING, CarrierLabel, Order, OrderStatus, Shipment
from packstation.io.fields import parse_datetime
from packstation.db.queries import shipment_parcels
from packstation.io.tracking import TrackingRow, write_tracking

URLS = {
    "colissimo": "https://www.laposte.fr/outils/suivre-vos-envois?code={tracking}",
    "chronopost": "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={tracking}",
    "dpd": "https://trace.dpd.fr/fr/trace/{tracking}",
    "mondial_relay": "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={tracking}",
    "gls": "https://gls-group.com/FR/fr/suivi-colis?match={tracking}",
}
#: carrier code -> (Shopify's tracking company, Advanced Shipment Tracking's provider name)
PLATFORM_NAMES = {
    "colissimo": ("Colissimo", "Colissimo"),
    "la_poste": ("La Poste", "La Poste"),
    "chronopost": ("Chronopost", "Chronopost"),
    "dpd": ("DPD", "DPD"),
    "mondial_relay": ("Mondial Relay", "Mondial Relay"),
    "gls": ("GLS", "GLS"),
    "colis_prive": ("Colis Privé", "Colis Privé"),
    "dhl": ("DHL Express", "DHL Express"),
    "ups": ("UPS", "UPS"),
}


def platform_carrier_name(code: str, name: str, format: str) -> str:
    """The carrier as the platform names it: its own list's name for a known carrier
    (recognised by code or name), else the carrier's name in Packstation."""
    for key in (code, fold(name).replace(" ", "_")):
        if key in PLATFORM_NAMES:
            shopify, ast = PLATFORM_NAMES[key]
            return ast if format == "woocommerce" else shopify
    return name


def tracking_rows(since: dt.datetime | None = None, format: str = "generic") -> list[TrackingRow]:
    query = (Shipment.select(Shipment, Order).join(Order)
             .where(Order.status.in_([OrderStatus.PACKED, OrderStatus.SHIPPED])
                    # A counter parcel (store pickup, local delivery) is not sent: the shop
                    # fulfils it when the customer has it. An own label's parcel is.
                    & ((Order.delivery == DELIVERY_SHIPPING) | Order.delivery.is_null()))
             .order_by(Shipment.packed_at))
    if since is not None:
        query = query.where(Shipment.packed_at >= since)
    shipments = list(query)
    links = {(label.order_id, label.parcel): label.tracking_url for label in CarrierLabel.select(
        CarrierLabel.order, CarrierLabel.parcel, CarrierLabel.tracking_url).where(
        CarrierLabel.order.in_([s.order_id for s in shipments]))} if shipments else {}
    parcels = shipment_parcels(shipments)
    rows = []
    for shipment in shipments:
        order = shipment.order
        carrier = order.carrier if order.carrier_id else None
        # An order split into several parcels is a row per parcel, each with its number
        # and weight (as Advanced Shipment Tracking imports several numbers for one order).
        for parcel in parcels[order.id]:
            number = parcel.tracking or ""
            url = name = ""
            if number and carrier is not None:
                url = links.get((order.id, parcel.number)) or URLS.get(carrier.code, "").format(
                    tracking=number)
                name = platform_carrier_name(carrier.code, carrier.name, format)
            # A backorder is a second parcel of the shop's order: the shop knows the original ref.
            rows.append(TrackingRow(ref=order.backorder_of or order.ref, external_id=order.external_id,
                                    carrier_name=name, tracking=number, tracking_url=url,
                                    shipped_at=shipment.packed_at, weight_g=parcel.weight_g))
    return rows


def parse_since(text: str | None) -> dt.datetime | None:
    """``--since``: a date or a moment (ISO 8601 or dd/mm/yyyy), Paris time without an offset."""
    return parse_datetime(text) if text else None


def export_tracking(format: str, out: str, *, since: str | None = None) -> int:
    rows = tracking_rows(parse_since(since), format)
    write_tracking(rows, format, out)
    return len(rows)
