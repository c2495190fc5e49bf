"""Products: internal barcodes for products that have none."""

from __future__ import annotations

from packstation.core import gtin
from packstation.db import atomic
from packstation.db.models import Barcode, Product
from packstation.db.queries import log_event


def ensure_internal_code(product: Product) -> str:
    """The product's single-unit code; an in-store EAN-13 (prefix 20) is created if none."""
    existing = Barcode.select().where((Barcode.product == product.id) & (Barcode.units == 1)).first()
    if existing is not None:
        return existing.code
    with atomic():
        taken = {code for (code,) in Barcode.select(Barcode.code)
                 .where(Barcode.code.startswith("20")).tuples()}
        number = product.id
        while (code := gtin.internal_ean13(number)) in taken:
            number += 100_000
        Barcode.create(code=code, product=product, units=1)
        log_event("barcode_assigned", data={"sku": product.sku, "code": code})
    return code
