"""Backorders: shipping what the stock covers now, the rest later as an order of its own.

An order short of stock cannot be opened at the table. The packer may choose to ship
what is there instead: the order keeps the lines and quantities the stock covers (at its
place in the queue, so no more urgent order loses a unit), and what is missing becomes a
new pending order, the backorder, with its own ref (``REF-R1``, then ``REF-R2``...),
the same customer, address, carrier and service, and ``backorder_of`` naming the
original. The backorder keeps the original's order date, so it comes first once the
stock arrives. One transaction, an event on each order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from packstation.core import i18n
from packstation.core.errors import InputError, StateError
from packstation.db import atomic
from packstation.db.models import Order, OrderLine, OrderStatus, utcnow
from packstation.db.queries import log_event
from packstation.services.orders import get_order
from packstation.services.stock import shortage_text, shortages

#: What a backorder copies from its original: who gets it, where, and how it travels.
COPIED_FIELDS = (
    "source", "external_id", "ordered_at", "carrier", "shipping_method", "service", "express",
    "risk", "note", "currency", "customer_name", "company", "address1", "address2", "postcode",
    "city", "region", "country", "phone", "email", "billing_country",
)


@dataclass(frozen=True)
class BackorderSplit:
    """The outcome of :func:`ship_available`."""

    order: Order              # the original, now holding what the stock covers
    backorder: Order          # the rest, pending
    moved: dict[str, int]     # sku -> units that went to the backorder

    @property
    def message(self) -> str:
        moved = ", ".join(f"{sku} × {units}" for sku, units in sorted(self.moved.items()))
        return i18n.tr("backorder.done", ref=self.order.ref, backorder=self.backorder.ref, moved=moved)


def ship_available(ref: str, *, by: str, station: str = "") -> BackorderSplit:
    """Split the short pending order ``ref``: what the stock covers stays, the rest is backordered.

    Raises InputError without a name, NotFoundError for an unknown ref, StateError for
    an order that is not pending, not short, or of which the stock covers nothing.
    """
    by = by.strip()
    if not by:
        raise InputError("backorder.name_needed")
    order = get_order(ref)
    now = utcnow()
    with atomic():
        # Touching the row first locks it: a table cannot open it while it is split.
        locked = (Order.update(updated_at=now)
                  .where((Order.id == order.id) & (Order.status == OrderStatus.PENDING)).execute())
        if not locked:
            status = Order.get_by_id(order.id).status
            raise StateError("backorder.not_pending", ref=order.ref, status=i18n.tr(f"status.{status}"))
        order = Order.get_by_id(order.id)
        missing = shortages().get(order.id)
        if not missing:
            raise StateError("backorder.not_short", ref=order.ref)
        lines = list(OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.position))
        kept, rest = _divide(lines, missing)
        if not any(kept.values()):
            raise StateError("backorder.nothing_available", ref=order.ref,
                             missing=shortage_text(missing))
        backorder = Order.create(ref=_backorder_ref(order), status=OrderStatus.PENDING,
                                 backorder_of=order.backorder_of or order.ref,
                                 imported_at=now, updated_at=now,
                                 **{name: getattr(order, name) for name in COPIED_FIELDS})
        moved: dict[str, int] = defaultdict(int)
        backorder_lines = []
        for line in lines:
            if rest[line.id]:
                moved[line.sku] += rest[line.id]
                backorder_lines.append({
                    "order": backorder.id, "position": len(backorder_lines) + 1,
                    "product": line.product_id, "sku": line.sku, "name": line.name,
                    "quantity": rest[line.id], "unit_price": line.unit_price,
                    "weight_g": line.weight_g, "bin": line.bin})
            if not kept[line.id]:
                line.delete_instance()
            elif rest[line.id]:
                OrderLine.update(quantity=kept[line.id]).where(OrderLine.id == line.id).execute()
        OrderLine.insert_many(backorder_lines).execute()
        moved = dict(moved)
        reason = shortage_text(missing)
        log_event("backorder_split", order=order, station=station, packer=by, reason=reason,
                  data={"backorder": backorder.ref, "moved": moved})
        log_event("backorder_created", order=backorder, station=station, packer=by, reason=reason,
                  data={"backorder_of": order.ref, "lines": moved})
    return BackorderSplit(Order.get_by_id(order.id), Order.get_by_id(backorder.id), moved)


def _divide(lines: list[OrderLine], missing: dict[str, int]) -> tuple[dict[int, int], dict[int, int]]:
    """Each line's units kept now and units left for later (by line id).

    ``missing`` counts units per product (named by sku); lines of one product keep what
    is covered in their order on the slip. A line without a product is not counted in
    the stock: it stays whole.
    """
    need: dict[int, int] = defaultdict(int)
    missing_by_product: dict[int, int] = {}
    for line in lines:
        if line.product_id:
            need[line.product_id] += line.quantity
            if line.sku in missing:
                missing_by_product[line.product_id] = missing[line.sku]
    covered = {pid: units - missing_by_product.get(pid, 0) for pid, units in need.items()}
    kept: dict[int, int] = {}
    rest: dict[int, int] = {}
    for line in lines:
        if not line.product_id:
            kept[line.id], rest[line.id] = line.quantity, 0
            continue
        take = max(0, min(line.quantity, covered[line.product_id]))
        covered[line.product_id] -= take
        kept[line.id], rest[line.id] = take, line.quantity - take
    return kept, rest


def _backorder_ref(order: Order) -> str:
    """``ROOT-R1``, or the first free ``ROOT-Rn``; ROOT is the first order of the chain,
    so that a backorder split again gives ``REF-R2``, not ``REF-R1-R1``."""
    root = order.backorder_of or order.ref
    prefix = f"{root}-R"
    taken = {ref for (ref,) in Order.select(Order.ref).where(Order.ref.startswith(prefix)).tuples()}
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


i18n.register({
    "backorder.name_needed": ("Indiquez votre nom.", "Give your name."),
    "backorder.not_pending": ("La commande {ref} est {status} : seule une commande en attente peut être "
                              "expédiée en partie.",
                              "Order {ref} is {status}: only a pending order can be shipped in part."),
    "backorder.not_short": ("Le stock couvre toute la commande {ref} : emballez-la entière.",
                            "The stock covers all of order {ref}: pack it whole."),
    "backorder.nothing_available": ("Rien de la commande {ref} n'est en stock ({missing}) : "
                                    "il n'y a rien à expédier pour l'instant.",
                                    "Nothing of order {ref} is in stock ({missing}): "
                                    "there is nothing to ship yet."),
    "backorder.done": ("{ref} part avec ce qui est en stock ; le reste ({moved}) attend dans {backorder}.",
                       "{ref} ships with what is in stock; the rest ({moved}) waits in {backorder}."),
})
