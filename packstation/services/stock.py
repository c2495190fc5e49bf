"""Stock: which pending orders the stock on hand cannot cover, in the queue's order.

Stock is allocated down the queue (most urgent first, orders being packed before all):
an order whose lines cannot all be covered by what is left is short, and cannot be
opened until stock arrives or the packer ships what is there.
"""

from __future__ import annotations

from collections import defaultdict

from packstation.core import i18n
from packstation.db.models import Order, OrderLine, OrderStatus, Product
from packstation.services.queue import queue


def shortages(now=None) -> dict[int, dict[str, int]]:
    """Order id -> {sku: units missing} for every pending order the stock cannot cover."""
    available = {product.id: product.stock for product in Product.select(Product.id, Product.stock)}
    lines_by_order: dict[int, list[tuple[int | None, str, int]]] = defaultdict(list)
    for order_id, product_id, sku, quantity, verified in (
            OrderLine.select(OrderLine.order, OrderLine.product, OrderLine.sku, OrderLine.quantity,
                             OrderLine.verified)
            .join(Order).where(Order.status.in_([OrderStatus.PENDING, OrderStatus.PACKING])).tuples()):
        lines_by_order[order_id].append((product_id, sku, quantity))
    if not lines_by_order:
        return {}
    result: dict[int, dict[str, int]] = {}
    ordered = [order.id for order in
               queue(now, statuses=(OrderStatus.PACKING,)).select(Order.id)]
    ordered += [order.id for order in queue(now, statuses=(OrderStatus.PENDING,)).select(Order.id)]
    for order_id in ordered:
        need: dict[int, int] = defaultdict(int)
        skus: dict[int, str] = {}
        for product_id, sku, quantity in lines_by_order.get(order_id, []):
            if product_id is not None:
                need[product_id] += quantity
                skus[product_id] = sku
        missing = {skus[pid]: units - max(available.get(pid, 0), 0)
                   for pid, units in need.items() if units > available.get(pid, 0)}
        if missing:
            result[order_id] = missing
            continue
        for product_id, units in need.items():
            available[product_id] = available.get(product_id, 0) - units
    return result


def short_orders(now=None) -> set[int]:
    return set(shortages(now))


def shortage_text(missing: dict[str, int]) -> str:
    return ", ".join(i18n.tr("stock.missing", sku=sku, count=count) for sku, count in sorted(missing.items()))


def blocked_reason(order: Order) -> str | None:
    """For the packing flow: why the stock keeps this order from being opened, or None.

    The full allocation walks the whole queue, so it runs only when the stock of one of
    this order's products cannot cover every open order that wants it.
    """
    from peewee import fn

    product_ids = [pid for (pid,) in OrderLine.select(OrderLine.product)
                   .where((OrderLine.order == order.id) & OrderLine.product.is_null(False)).tuples()]
    if not product_ids:
        return None
    demand = (OrderLine.select(OrderLine.product, fn.SUM(OrderLine.quantity))
              .join(Order).where(OrderLine.product.in_(product_ids)
                                 & Order.status.in_([OrderStatus.PENDING, OrderStatus.PACKING]))
              .group_by(OrderLine.product).tuples())
    stock = dict(Product.select(Product.id, Product.stock).where(Product.id.in_(product_ids)).tuples())
    if all(total <= stock.get(pid, 0) for pid, total in demand):
        return None
    missing = shortages().get(order.id)
    return shortage_text(missing) if missing else None


i18n.register({
    "stock.missing": ("{sku} : manque {count}", "{sku}: {count} missing"),
})
