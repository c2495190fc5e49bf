"""Tracking numbers back to the shop, as a CSV in the platform's import format."""

from __future__ import annotations

import datetime as dt

from packstation.db.models import Order, OrderStatus, Shipment
from packstation.io.fields import parse_datetime
from packstation.io.tracking import TrackingRow, write_tracking

URLS = {
    "colissimo": "https://www.laposte.fr/outils/suivre-vos-envois?code={tracking}",
    "chronopost": "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={tracking}",
    "dpd": "https://trace.dpd.fr/fr/trace/{tracking}",
    "mondial_relay": "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={tracking}",
}


def tracking_rows(since: dt.datetime | None = None) -> list[TrackingRow]:
    query = (Shipment.select(Shipment, Order).join(Order)
             .where(Order.status.in_([OrderStatus.PACKED, OrderStatus.SHIPPED])
                    & Shipment.tracking.is_null(False))   # a counter parcel has none
             .order_by(Shipment.packed_at))
    if since is not None:
        query = query.where(Shipment.packed_at >= since)
    rows = []
    for shipment in query:
        order = shipment.order
        carrier = order.carrier if order.carrier_id else None
        url = URLS.get(carrier.code, "").format(tracking=shipment.tracking) if carrier else ""
        # A backorder is a second parcel of the shop's order: the shop knows the original ref.
        rows.append(TrackingRow(ref=order.backorder_of or order.ref, external_id=order.external_id,
                                carrier_name=carrier.name if carrier else order.shipping_method,
                                tracking=shipment.tracking, tracking_url=url,
                                shipped_at=shipment.packed_at, weight_g=shipment.weight_g))
    return rows


def parse_since(text: str | None) -> dt.datetime | None:
    """``--since``: a date or a moment (ISO 8601 or dd/mm/yyyy), Paris time without an offset."""
    return parse_datetime(text) if text else None


def export_tracking(format: str, out: str, *, since: str | None = None) -> int:
    rows = tracking_rows(parse_since(since))
    write_tracking(rows, format, out)
    return len(rows)
