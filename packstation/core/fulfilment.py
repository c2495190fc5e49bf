"""How an order is paid and how it leaves: the words the importers write and the
database keeps (``Order.payment``, ``Order.delivery``), shown by the queue and
``order --json``."""

from __future__ import annotations

PAYMENT_PAID = "paid"
PAYMENT_AWAITING = "awaiting_payment"
PAYMENT_COD = "cod"
#: Only "shipping" gets a carrier's label and a tracking number; the others wait at the counter.
DELIVERY_SHIPPING = "shipping"
DELIVERY_STORE_PICKUP = "store_pickup"
DELIVERY_LOCAL = "local_delivery"
