"""The carrier manifest (bordereau): the parcels a carrier takes at pickup.

The carrier's own manifest where its label service has one (Colissimo's
``generateBordereauByParcelsNumbers``, for parcels that all carry its numbers); ours
otherwise, and when the carrier cannot give it at that moment (said in the log).

Printing it lists every packed parcel of the carrier not yet handed over; confirming it
marks those shipments handed over and their orders shipped, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from packstation.core import i18n
from packstation.core.errors import InputError, NotFoundError
from packstation.db import atomic
from packstation.db.models import (
    Carrier, CarrierLabel, LabelStatus, Manifest, Order, OrderStatus, Shipment, utcnow,
)
from packstation.db.queries import log_event, shipment_parcels
from packstation.documents.model import ManifestData, ManifestParcel, Shop


def _carrier(code: str) -> Carrier:
    carrier = Carrier.get_or_none(Carrier.code == code) or Carrier.get_or_none(Carrier.name == code)
    if carrier is None:
        codes = ", ".join(c.code for c in Carrier.select().order_by(Carrier.code))
        raise NotFoundError("manifest.unknown_carrier", carrier=code, carriers=codes)
    return carrier


def waiting_shipments(carrier: Carrier):
    """The carrier's packed parcels not handed over yet, except those whose carrier label
    is still waiting: no parcel leaves without its label."""
    unlabelled = CarrierLabel.select(CarrierLabel.order).where(CarrierLabel.status != LabelStatus.READY)
    return (Shipment.select(Shipment, Order).join(Order)
            .where((Order.carrier == carrier.id) & (Order.status == OrderStatus.PACKED)
                   & Shipment.handed_over_at.is_null() & Order.id.not_in(unlabelled))
            .order_by(Shipment.packed_at))


def waiting_parcels(carrier: Carrier) -> list:
    """(shipment, parcel) for each parcel the carrier's manifest lists, in its order: a
    split order counts each of its parcels."""
    shipments = list(waiting_shipments(carrier))
    by_order = shipment_parcels(shipments)
    return [(shipment, parcel) for shipment in shipments for parcel in by_order[shipment.order_id]]


def waiting_totals(carrier: Carrier) -> tuple[int, int]:
    """The parcels and grams the carrier's manifest lists: what the end-of-day window shows."""
    parcels = [parcel for _, parcel in waiting_parcels(carrier)]
    return len(parcels), sum(parcel.weight_g or 0 for parcel in parcels)


def manifest_data(carrier_codes: Sequence[str], shop: Shop, *, language: str,
                  now: dt.datetime | None = None) -> ManifestData:
    if len(carrier_codes) != 1:
        raise InputError("manifest.one_carrier")
    carrier = _carrier(carrier_codes[0])
    # Parcels one by one: a split order is a line per parcel, with its number and weight.
    parcels = [ManifestParcel(tracking=p.tracking or "",
                              order_ref=s.order.ref if p.count == 1 else f"{s.order.ref} ({p.number}/{p.count})",
                              recipient_name=s.order.customer_name, postcode=s.order.postcode,
                              city=s.order.city, country=s.order.country, weight_g=p.weight_g)
               for s, p in waiting_parcels(carrier)]
    from packstation.services.carriers import schedule_of

    schedule = schedule_of(carrier)
    # Handed over when it is printed and confirmed: that moment, not the carrier's next
    # pickup (printed in the evening, that would be tomorrow's date).
    pickup_at = (now or dt.datetime.now(dt.timezone.utc)).astimezone(schedule.zone)
    return ManifestData(shop=shop, carrier_name=carrier.name, pickup_at=pickup_at,
                        parcels=parcels, language=language)


def carrier_manifest(carrier_code: str, parcel_numbers: Sequence[str], config) -> bytes | None:
    """The carrier's own manifest of these parcels, or None when its service has none.
    Raises shipping.LabelRefused / LabelUnavailable when the carrier says no."""
    account = (getattr(config, "label_accounts", None) or {}).get(carrier_code)
    if account is None or account.provider != "colissimo":
        return None
    from packstation.shipping.colissimo import ColissimoService

    return ColissimoService(account).manifest(list(parcel_numbers))


def manifest_document(carrier_codes: Sequence[str], config, *, station: str = "") -> bytes | None:
    """The carrier's own manifest of its waiting parcels, or None: print ours."""
    from packstation.shipping import LabelRefused

    if len(carrier_codes) != 1:
        raise InputError("manifest.one_carrier")
    carrier = _carrier(carrier_codes[0])
    parcels = [p for views in shipment_parcels(list(waiting_shipments(carrier))).values() for p in views]
    numbers = [p.tracking for p in parcels if p.tracking]
    if not numbers or len(numbers) != len(parcels):
        return None  # parcels under our own label are on no carrier's manifest: ours lists all
    try:
        return carrier_manifest(carrier.code, numbers, config)
    except LabelRefused as refusal:
        with atomic():
            log_event("manifest_fallback", station=station, reason=refusal.message,
                      data={"carrier": carrier.code})
        return None


def hand_over(carrier_code: str, *, station: str = "", packer: str = "") -> Manifest:
    """Mark every waiting parcel of the carrier handed over (orders become shipped)."""
    carrier = _carrier(carrier_code)
    now = utcnow()
    with atomic():
        shipments = list(waiting_shipments(carrier))
        if not shipments:
            raise InputError("manifest.nothing", carrier=carrier.name)
        counted = sum(len(views) for views in shipment_parcels(shipments).values())
        manifest = Manifest.create(carrier=carrier, created_at=now, confirmed_at=now,
                                   station=station, parcels=counted)
        ids = [s.id for s in shipments]
        Shipment.update(handed_over_at=now, manifest=manifest.id).where(Shipment.id.in_(ids)).execute()
        Order.update(status=OrderStatus.SHIPPED, updated_at=now) \
            .where(Order.id.in_([s.order_id for s in shipments])).execute()
        for shipment in shipments:
            log_event("handed_over", order=shipment.order_id, station=station, packer=packer,
                      data={"manifest": manifest.id, "tracking": shipment.tracking})
    return manifest


i18n.register({
    "manifest.unknown_carrier": ("Transporteur « {carrier} » inconnu (connus : {carriers}).",
                                 "Unknown carrier “{carrier}” (known: {carriers})."),
    "manifest.one_carrier": ("Un bordereau concerne un seul transporteur : donnez son code.",
                             "A manifest is for one carrier: give its code."),
    "manifest.nothing": ("Aucun colis {carrier} en attente d'enlèvement.",
                         "No {carrier} parcel waiting for pickup."),
})
