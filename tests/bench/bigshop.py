"""A large shop for benchmarks: 100,000 orders with 300,000 lines, built in one transaction."""

from __future__ import annotations

import datetime as dt
import random

from packstation.core import gtin
from packstation.db import atomic
from packstation.db.models import Barcode, Carrier, Order, OrderLine, OrderStatus, Product

PRODUCTS = 500


def product_code(index: int) -> str:
    body = f"376{index:09d}"
    return body + gtin.check_digit(body)


def build(orders: int = 100_000, lines_per_order: int = 3, seed: int = 1) -> None:
    """Fill the open (empty, migrated) database; the last order, BIG-1, has one line of 100,000 units."""
    rng = random.Random(seed)
    now = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.timezone.utc)
    carriers = [carrier.id for carrier in Carrier.select()]
    with atomic():
        Product.insert_many([{"sku": f"SKU-{i:05d}", "name": f"Produit {i}", "weight_g": 100 + i % 900,
                              "bin": f"{'ABCDEF'[i % 6]}-{i % 40:02d}", "stock": None}
                             for i in range(PRODUCTS)]).execute()
        product_ids = [p.id for p in Product.select(Product.id).order_by(Product.id)]
        Barcode.insert_many([{"code": product_code(i), "product": pid, "units": 1}
                             for i, pid in enumerate(product_ids)]).execute()
        batch = 5_000
        for start in range(0, orders, batch):
            rows = []
            for number in range(start, min(start + batch, orders)):
                rows.append({
                    "ref": f"B{number + 1:07d}", "ordered_at": now - dt.timedelta(minutes=number),
                    "status": OrderStatus.PENDING if number % 10 else OrderStatus.PACKED,
                    "carrier": carriers[number % len(carriers)], "customer_name": f"Client {number}",
                    "address1": "1 rue de la Paix", "postcode": "75002", "city": "Paris", "country": "FR",
                })
            Order.insert_many(rows).execute()
            first = Order.get(Order.ref == rows[0]["ref"]).id
            lines = []
            for offset in range(len(rows)):
                for position in range(1, lines_per_order + 1):
                    index = rng.randrange(PRODUCTS)
                    lines.append({"order": first + offset, "position": position,
                                  "product": product_ids[index], "sku": f"SKU-{index:05d}",
                                  "name": f"Produit {index}", "quantity": rng.randint(1, 3),
                                  "weight_g": 100, "bin": "A-01"})
            OrderLine.insert_many(lines).execute()
        big = Order.create(ref="BIG-1", ordered_at=now, customer_name="Grand Compte",
                           carrier=carriers[0], country="FR")
        OrderLine.create(order=big, position=1, product=product_ids[0], sku="SKU-00000",
                         name="Produit 0", quantity=100_000, weight_g=10)
