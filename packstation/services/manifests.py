"""The carrier manifest (bordereau): the parcels a carrier takes at pickup.

Printing it lists every packed parcel of the carrier not yet handed over; confirming it
marks those shipments handed over and their orders shipped, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from packstation.core import i18n
from packstation.core.errors import InputError, NotFoundError
from packstation.db import atomic
from packstation.db.models import Carrier, Manifest, Order, OrderStatus, Shipment, utcnow
from packstation.db.queries import log_event
from packstation.documents.model import ManifestData, ManifestParcel, Shop


def _carrier(code: str) -> Carrier:
    carrier = Carrier.get_or_none(Carrier.code == code) or Carrier.get_or_none(Carrier.name == code)
    if carrier is None:
        codes = ", ".join(c.code for c in Carrier.select().order_by(Carrier.code))
        raise NotFoundError("manifest.unknown_carrier", carrier=code, carriers=codes)
    return carrier


def waiting_shipments(carrier: Carrier):
    return (Shipment.select(Shipment, Order).join(Order)
            .where((Order.carrier == carrier.id) & (Order.status == OrderStatus.PACKED)
                   & Shipment.handed_over_at.is_null() & Shipment.tracking.is_null(False))
            .order_by(Shipment.packed_at))


def manifest_data(carrier_codes: Sequence[str], shop: Shop, *, language: str,
                  now: dt.datetime | None = None) -> ManifestData:
    if len(carrier_codes) != 1:
        raise InputError("manifest.one_carrier")
    carrier = _carrier(carrier_codes[0])
    parcels = [ManifestParcel(tracking=s.tracking, order_ref=s.order.ref,
                              recipient_name=s.order.customer_name, postcode=s.order.postcode,
                              city=s.order.city, country=s.order.country, weight_g=s.weight_g)
               for s in waiting_shipments(carrier)]
    from packstation.core.pickups import next_pickup
    from packstation.services.carriers import schedule_of

    schedule = schedule_of(carrier)
    now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(schedule.zone)
    # The pickup this manifest goes with: the next one, or now when none is scheduled.
    pickup_at = next_pickup(schedule, now - dt.timedelta(hours=2)) or now
    return ManifestData(shop=shop, carrier_name=carrier.name, pickup_at=pickup_at,
                        parcels=parcels, language=language)


def hand_over(carrier_code: str, *, station: str = "", packer: str = "") -> Manifest:
    """Mark every waiting parcel of the carrier handed over (orders become shipped)."""
    carrier = _carrier(carrier_code)
    now = utcnow()
    with atomic():
        shipments = list(waiting_shipments(carrier))
        if not shipments:
            raise InputError("manifest.nothing", carrier=carrier.name)
        manifest = Manifest.create(carrier=carrier, created_at=now, confirmed_at=now,
                                   station=station, parcels=len(shipments))
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
