"""Unpacking: a packed parcel opened again, its order back in the queue.

A packer who finds a mistake after the label printed (wrong size of box, an item
missing from the shelf after all) unpacks the order: it goes back to ``pending`` as if
it had never been opened, its units go back on the stock, and its lines must be scanned
again. The shipment row goes, but nothing is forgotten: its tracking, weight, packer and
times are kept in the ``unpacked`` event, with the reason and the name of who did it.

The order keeps its tracking number, so that packing it again prints the same one (a
label already stuck on the box stays right). A parcel handed to the carrier is gone:
it cannot be unpacked here, only returned.
"""

from __future__ import annotations

from collections import Counter

from packstation.core import i18n
from packstation.core.errors import InputError, StateError
from packstation.db import atomic
from packstation.db.models import Order, OrderLine, OrderStatus, Parcel, Product, Shipment, utcnow
from packstation.db.queries import log_event
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE
from packstation.services.orders import get_order


def unpack(ref: str, *, reason: str, by: str, station: str = "") -> Order:
    """Put the packed order ``ref`` back to pending; returns it as it is now.

    Raises InputError without a reason or a name, NotFoundError for an unknown ref,
    StateError for an order that was not packed or was already handed over.
    """
    reason, by = reason.strip(), by.strip()
    if not reason:
        raise InputError("unpack.reason_needed")
    if not by:
        raise InputError("unpack.name_needed")
    order = get_order(ref)
    now = utcnow()
    with atomic():
        shipment = Shipment.get_or_none(Shipment.order == order.id)
        if shipment is not None and shipment.handed_over_at is not None:
            raise StateError("unpack.handed_over", ref=order.ref,
                             day=shipment.handed_over_at.astimezone(SHOP_TIMEZONE).strftime("%d/%m/%Y"))
        # The update is the guard: of two tables unpacking at once, one changes the row.
        reopened = (Order.update(status=OrderStatus.PENDING, claimed_station=None,
                                 claimed_packer=None, claimed_at=None, heartbeat_at=None,
                                 updated_at=now)
                    .where((Order.id == order.id) & (Order.status == OrderStatus.PACKED))
                    .execute())
        if not reopened:
            status = Order.get_by_id(order.id).status
            raise StateError("unpack.not_packed", ref=order.ref, status=i18n.tr(f"status.{status}"))
        lines = list(OrderLine.select().where(OrderLine.order == order.id))
        # Completion took each line's quantity off its product; the same goes back.
        put_back: Counter[int] = Counter()
        for line in lines:
            if line.product_id:
                put_back[line.product_id] += line.quantity
        # In id order, as completion does: two tables never lock the same rows crosswise.
        for product_id, units in sorted(put_back.items()):
            Product.update(stock=Product.stock + units, updated_at=now) \
                .where(Product.id == product_id).execute()
        OrderLine.update(verified=0, confirmed_without_barcode=0) \
            .where(OrderLine.order == order.id).execute()
        kept = None
        if shipment is not None:
            kept = {"tracking": shipment.tracking, "weight_g": shipment.weight_g,
                    "parcels": shipment.parcels, "packer": shipment.packer,
                    "station": shipment.station, "packed_at": shipment.packed_at.isoformat(),
                    "packing_seconds": shipment.packing_seconds}
            split = list(Parcel.select().where(Parcel.order == order.id).order_by(Parcel.number))
            if split:  # a split order's parcels are unpacked with it, kept in the log
                kept["split"] = [{"number": p.number, "weight_g": p.weight_g, "tracking": p.tracking}
                                 for p in split]
                Parcel.delete().where(Parcel.order == order.id).execute()
            shipment.delete_instance()
        skus = {line.product_id: line.sku for line in lines}
        log_event("unpacked", order=order, station=station, packer=by, reason=reason,
                  data={"shipment": kept,
                        "stock_returned": {skus[pid]: units for pid, units in sorted(put_back.items())}})
    return Order.get_by_id(order.id)


i18n.register({
    "unpack.reason_needed": ("Indiquez pourquoi le colis est déballé.", "Say why the parcel is unpacked."),
    "unpack.name_needed": ("Indiquez votre nom.", "Give your name."),
    "unpack.handed_over": ("La commande {ref} a été remise au transporteur le {day} : elle ne peut plus "
                           "être déballée ici. Traitez-la comme un retour.",
                           "Order {ref} was handed to the carrier on {day}: it can no longer be "
                           "unpacked here. Handle it as a return."),
    "unpack.not_packed": ("La commande {ref} est {status} : seule une commande emballée peut être déballée.",
                          "Order {ref} is {status}: only a packed order can be unpacked."),
})
