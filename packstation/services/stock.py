"""Stock: which pending orders the stock on hand cannot cover, in the queue's order.

Stock is allocated down the queue: orders being packed first (their parcels are on the
table), then pending orders, most urgent first. A pending order whose lines cannot all
be covered by what is left is short: it takes nothing, so that a later order the stock
does cover can still leave today, and it cannot be opened until stock arrives or the
packer ships what is there (:mod:`packstation.services.backorders`). Held and packed
orders take no part: a held order may never ship, and a packed one has already taken
its units off the stock.

A line without a product (a product deleted since the import) is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from peewee import fn

from packstation.core import i18n
from packstation.db.models import Order, OrderLine, OrderStatus, Product
from packstation.services.queue import pending_in_queue_order

#: Orders that stand in the allocation: these take stock, in this order.
ALLOCATED_STATUSES = (OrderStatus.PACKING, OrderStatus.PENDING)


def shortages(now: dt.datetime | None = None, *, until: int | None = None,
              within: int | None = None) -> dict[int, dict[str, int]] | None:
    """Order id -> {sku: units missing} for every pending order the stock cannot cover.

    ``now`` decides the queue's order (the carrier whose pickup comes first goes first).
    With ``until`` (an order id) the walk stops at that order: an order's allocation
    depends only on the orders ahead of it, so opening the top of a 100,000-order queue
    reads a few hundred rows, not every open line; with ``within`` too, None when that
    order is not among the first ``within`` pending orders.
    """
    # Only products whose stock the shop tracks (stock not NULL) can make an order short.
    available = dict(Product.select(Product.id, Product.stock)
                     .where(Product.stock.is_null(False)).tuples())
    if not available:
        return {}
    # Orders on the table take their units first, whatever their place in the queue
    # (even when the stock has fallen below them since: they are not in doubt).
    packing = [order_id for (order_id,) in Order.select(Order.id)
               .where(Order.status == OrderStatus.PACKING).tuples()]
    for chunk in _chunks(packing, CHUNK):
        for _order_id, product_id, _sku, quantity in _tracked_lines(chunk):
            available[product_id] = available.get(product_id, 0) - quantity
    result: dict[int, dict[str, int]] = {}
    walked = 0
    for chunk in _chunks(pending_in_queue_order(now), 16, grow=True):
        if within is not None and walked >= within:
            return None
        walked += len(chunk)
        lines: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
        for order_id, product_id, sku, quantity in _tracked_lines(chunk):
            lines[order_id].append((product_id, sku, quantity))
        for order_id in chunk:
            need: dict[int, int] = defaultdict(int)
            skus: dict[int, str] = {}
            for product_id, sku, quantity in lines.get(order_id, ()):
                need[product_id] += quantity
                skus[product_id] = sku
            missing = {skus[pid]: units - max(available.get(pid, 0), 0)
                       for pid, units in need.items() if units > available.get(pid, 0)}
            if missing:
                result[order_id] = missing  # a short order takes nothing
            else:
                for product_id, units in need.items():
                    available[product_id] = available.get(product_id, 0) - units
            if order_id == until:
                return result
    return result


#: Orders read and allocated together: one query for their tracked lines.
CHUNK = 256


def _chunks(ids, size: int, *, grow: bool = False):
    """Lists of ``size`` ids (growing up to 64 times when ``grow``: the top of the queue
    costs little, a whole walk few queries)."""
    chunk: list[int] = []
    for order_id in ids:
        chunk.append(order_id)
        if len(chunk) == size:
            yield chunk
            chunk = []
            if grow:
                size = min(size * 4, 1024)
    if chunk:
        yield chunk


def _tracked_lines(order_ids: list[int]):
    """(order, product, sku, quantity) of these orders' lines whose stock is tracked."""
    return (OrderLine.select(OrderLine.order, OrderLine.product, OrderLine.sku, OrderLine.quantity)
            .join(Product, on=(OrderLine.product == Product.id))
            .where(OrderLine.order.in_(order_ids) & Product.stock.is_null(False))
            .tuples())


def short_orders(now: dt.datetime | None = None) -> set[int]:
    return set(shortages(now))


def missing_for(order: Order | int) -> dict[str, int]:
    """{sku: units missing} for one order; empty unless it is pending and short.

    The full allocation walks the whole queue, so it runs only when the stock of one of
    this order's products cannot cover every open order that wants it.
    """
    order_id = order.id if isinstance(order, Order) else order
    status = Order.select(Order.status).where(Order.id == order_id).scalar()
    if status != OrderStatus.PENDING:
        return {}
    product_ids = [pid for (pid,) in OrderLine.select(OrderLine.product)
                   .where((OrderLine.order == order_id) & OrderLine.product.is_null(False)).tuples()]
    if not product_ids:
        return {}
    stock = dict(Product.select(Product.id, Product.stock)
                 .where(Product.id.in_(product_ids) & Product.stock.is_null(False)).tuples())
    if not stock:
        return {}  # the shop tracks none of its products
    # Near the top of the queue (F2, the first pick list) the walk down to it is short.
    near = shortages(until=order_id, within=NEAR_TOP)
    if near is not None:
        return near.get(order_id, {})
    # Deeper: first whether all the open demand for its products fits (then it is not
    # short whatever the order), else the walk down to it.
    demand = (OrderLine.select(OrderLine.product, fn.SUM(OrderLine.quantity))
              .join(Order).where(OrderLine.product.in_(list(stock))
                                 & Order.status.in_(list(ALLOCATED_STATUSES)))
              .group_by(OrderLine.product).tuples())
    if all(total <= stock[pid] for pid, total in demand):
        return {}
    return shortages(until=order_id).get(order_id, {})


#: How many orders of the queue the walk reads before it asks whether it must walk at all.
NEAR_TOP = 1024


def shortages_for(order_id: int) -> list[dict]:
    """For ``order --json``: each short sku with the units missing, by sku."""
    return [{"sku": sku, "missing": count} for sku, count in sorted(missing_for(order_id).items())]


def shortage_text(missing: dict[str, int]) -> str:
    return ", ".join(i18n.tr("stock.missing", sku=sku, count=count) for sku, count in sorted(missing.items()))


def blocked_reason(order: Order) -> str | None:
    """For the packing flow: why the stock keeps this order from being opened, or None."""
    missing = missing_for(order)
    return shortage_text(missing) if missing else None


i18n.register({
    "stock.missing": ("{sku} : manque {count}", "{sku}: {count} missing"),
})
