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


def link_barcode(code: str, sku: str, *, by: str, station: str = "", packer: str = "",
                 order: int | None = None) -> Barcode:
    """Give a product without barcode the code a packer scanned at the table.

    Shops that never fill barcodes (many Shopify ones) still have one printed on the
    item: the packer scans it, and a manager (``by``) confirms that it is this product.
    The code is checked as a scan is (a bad check digit is a misread, never linked); a
    code that already names a product is refused. One transaction, one event.
    """
    from packstation.core.errors import InputError, StateError
    from packstation.core.scan import ScanKind, normalise

    if not by.strip():
        raise InputError("product.link_needs_manager")
    scan = normalise(code)
    if scan.kind not in (ScanKind.GTIN, ScanKind.TEXT) or not scan.code:
        raise InputError("product.link_bad_code", code=code)
    with atomic():
        product = Product.get_or_none(Product.sku == sku)
        if product is None:
            raise InputError("product.link_no_product", sku=sku)
        owner = Barcode.select(Barcode, Product).join(Product).where(
            Barcode.code == scan.code).first()
        if owner is not None:
            raise StateError("product.link_code_taken", code=code, sku=owner.product.sku)
        barcode = Barcode.create(code=scan.code, product=product, units=1)
        log_event("barcode_linked", order=order, station=station, packer=packer, reason=by.strip(),
                  data={"sku": sku, "code": scan.code, "by": by.strip()})
    return barcode


def _messages() -> None:
    from packstation.core import i18n

    i18n.register({
        "product.link_needs_manager": (
            "Le nom du responsable qui confirme le code est nécessaire (:link NOM).",
            "The name of the manager who confirms the code is needed (:link NAME)."),
        "product.link_bad_code": (
            "« {code} » n'est pas un code-barres à associer (code mal lu ?) : scannez-le "
            "de nouveau.",
            "\"{code}\" is no barcode to link (misread?): scan it again."),
        "product.link_no_product": ("Produit {sku} introuvable.", "Product {sku} not found."),
        "product.link_code_taken": (
            "Le code {code} est déjà celui du produit {sku} : rien n'a été associé.",
            "Code {code} already belongs to product {sku}: nothing was linked."),
    })


_messages()
