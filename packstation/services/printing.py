"""Documents for orders: from the database to plain document data, to PDF, to the queue.

:class:`OrderPrinter` is what the packing flow calls on completion (label and slip at
once, silently, on the destination configured for each kind); :func:`print_documents`
is the ``print`` command. Printing never makes packing fail: a failed job stays queued.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Sequence

from packstation import documents
from packstation.core import i18n, paths
from packstation.core.errors import InputError, NotFoundError, PackstationError, StateError
from packstation.core.packing import DEFAULT_PACKAGING_G, parcel_weight
from packstation.core.tracking import station_tracking
from packstation.db import atomic
from packstation.db.models import Order, OrderLine, OrderStatus, Product, Shipment
from packstation.db.queries import log_event
from packstation.documents.model import (
    Address, LabelData, PickListData, PickOrder, ProductLabel, Shop,
    SlipData, SlipLine,
)
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE
from packstation.printing.queue import DestinationSpec, PrintQueue, job_summary
from packstation.services.context import StationConfig
from packstation.services.settings import ShopSettings, shop_settings

log = logging.getLogger(__name__)
KINDS = ("label", "slip", "picklist", "manifest", "product-labels", "commands", "badges")
DEFAULT_MEDIA = {"label": "100x150mm", "slip": "A4", "picklist": "A4", "manifest": "A4",
                 "product-labels": "A4", "commands": "A4", "badges": "A4"}


def shop_document(settings: ShopSettings | None = None) -> Shop:
    settings = settings or shop_settings()
    return Shop(name=settings.name, address=Address(
        name=settings.name, line1=settings.address1, line2=settings.address2,
        postcode=settings.postcode, city=settings.city, country=settings.country,
        phone=settings.phone, email=settings.email),
        logo=settings.logo(), return_instructions=settings.return_instructions,
        language=settings.document_language)


def recipient(order: Order) -> Address:
    return Address(name=order.customer_name, company=order.company, line1=order.address1,
                   line2=order.address2, postcode=order.postcode, city=order.city,
                   region=order.region, country=order.country, phone=order.phone,
                   email=order.email)


def _carrier_name(order: Order) -> str:
    return order.carrier.name if order.carrier_id else (order.shipping_method or "—")


def _lines(order: Order) -> list[SlipLine]:
    return [SlipLine(sku=line.sku, name=line.name, bin=line.bin, quantity=line.quantity)
            for line in order.lines.order_by(OrderLine.position)]


def ensure_tracking(order: Order) -> str:
    """The order's tracking number, assigned now if it has none (kept by completion)."""
    if order.tracking:
        return order.tracking
    tracking = station_tracking(order.id, order.carrier.code if order.carrier_id else "")
    with atomic():
        Order.update(tracking=tracking).where((Order.id == order.id) & Order.tracking.is_null()).execute()
        log_event("tracking_assigned", order=order, data={"tracking": tracking})
    order.tracking = Order.get_by_id(order.id).tracking
    return order.tracking


def label_data(order: Order, shop: Shop, *, language: str,
               packaging_g: int = DEFAULT_PACKAGING_G) -> LabelData:
    """A label before packing (a batch) carries the computed weight; after, the shipment's."""
    shipment = Shipment.get_or_none(Shipment.order == order.id)
    tracking = shipment.tracking if shipment else ensure_tracking(order)
    weight = shipment.weight_g if shipment else parcel_weight(order.lines, packaging_g)
    shipped_on = (shipment.packed_at if shipment else dt.datetime.now(dt.timezone.utc)).astimezone(SHOP_TIMEZONE).date()
    service = "express" if order.express else "standard"
    return LabelData(order_ref=order.ref, tracking=tracking, carrier_name=_carrier_name(order),
                     service=service, weight_g=weight, sender=shop.address, recipient=recipient(order),
                     shipped_on=shipped_on, language=language)


def slip_data(order: Order, shop: Shop, *, language: str) -> SlipData:
    return SlipData(shop=shop, order_ref=order.ref, order_date=order.ordered_at.astimezone(SHOP_TIMEZONE),
                    recipient=recipient(order), carrier_name=_carrier_name(order),
                    service="express" if order.express else "standard", lines=_lines(order),
                    note=order.note, language=language, held=order.status == OrderStatus.ON_HOLD)


def check_label(order: Order, *, before_packing: bool) -> None:
    """No label for an order on hold; none for one not packed, except a batch before packing."""
    if order.status == OrderStatus.ON_HOLD:
        raise StateError("print.label_on_hold", ref=order.ref)
    if order.status in (OrderStatus.PENDING, OrderStatus.PACKING) and not before_packing:
        raise StateError("print.label_not_packed", ref=order.ref)


def _orders(refs: Sequence[str]) -> list[Order]:
    from packstation.services.orders import get_order

    if not refs:
        raise InputError("print.refs_needed")
    orders = [get_order(ref) for ref in refs]
    for order in orders:
        if order.status == OrderStatus.CANCELLED:
            raise StateError("print.cancelled", ref=order.ref)
    return orders


def render(kind: str, refs: Sequence[str], *, layout: str | None = None,
           config: StationConfig | None = None,
           before_packing: bool = False,
           left_out: Sequence[tuple[str, str]] = ()) -> tuple[bytes, list[Order]]:
    """The PDF of ``kind`` for these orders (or carrier codes, for a manifest).

    ``before_packing`` is the batch printing of labels before packing (``print label``);
    ``left_out``, for a pick list, the orders short of stock named apart.
    """
    settings = shop_settings()
    shop = shop_document(settings)
    language = settings.document_language
    if kind == "label":
        orders = _orders(refs)
        for order in orders:
            check_label(order, before_packing=before_packing)
        layout = layout or (config.label_layout if config else "100x150")
        packaging = config.packaging_g if config else DEFAULT_PACKAGING_G
        return documents.render_labels([label_data(o, shop, language=language, packaging_g=packaging)
                                        for o in orders],
                                       layout=layout), orders
    if kind == "slip":
        orders = _orders(refs)
        return documents.render_slips([slip_data(o, shop, language=language) for o in orders],
                                      paper=layout or "a4"), orders
    if kind == "picklist":
        orders = _orders(refs)
        data = PickListData(shop=shop, orders=[PickOrder(o.ref, _carrier_name(o), _lines(o),
                                                         held=o.status == OrderStatus.ON_HOLD)
                                                for o in orders], left_out=left_out,
                            printed_at=dt.datetime.now(SHOP_TIMEZONE), language=language)
        return documents.render_pick_list(data), orders
    if kind == "manifest":
        from packstation.services.manifests import manifest_data

        return documents.render_manifest(manifest_data(refs, shop, language=language)), []
    if kind == "product-labels":
        products = _products(refs)
        return documents.render_product_labels(
            [ProductLabel(p.sku, p.name, _first_code(p)) for p in products],
            layout=layout or "a4-3x8"), []
    if kind == "commands":
        return documents.render_command_sheet(language=i18n.language()), []
    if kind == "badges":
        # Badge cards: each packer's name over their badge's barcode, on a sticker sheet.
        from packstation.services.packers import badge_cards

        return documents.render_product_labels(
            [ProductLabel(badge, name, badge) for name, badge in badge_cards(refs)],
            layout=layout or "a4-3x7"), []
    raise InputError("print.unknown_kind", kind=kind, kinds=", ".join(KINDS))


def _products(skus: Sequence[str]) -> list[Product]:
    query = Product.select().order_by(Product.bin, Product.sku)
    if skus:
        query = query.where(Product.sku.in_(list(skus)))
    products = list(query)
    missing = set(skus) - {product.sku for product in products}
    if missing:
        raise NotFoundError("print.unknown_products", skus=", ".join(sorted(missing)))
    return products


def _first_code(product: Product) -> str:
    from packstation.core import gtin
    from packstation.services.products import ensure_internal_code

    codes = [barcode.code for barcode in product.barcodes if barcode.units == 1]
    return gtin.display(codes[0]) if codes else gtin.display(ensure_internal_code(product))


def destination_for(kind: str, config: StationConfig | None) -> DestinationSpec:
    """The configured destination of a kind of document, or today's folder of PDFs."""
    entry = (config.printers.get(kind) if config else None) or {}
    if entry.get("printer"):
        return DestinationSpec(printer=entry["printer"], media=entry.get("media") or DEFAULT_MEDIA.get(kind),
                               orientation=entry.get("orientation", "portrait"))
    folder = entry.get("folder") or (config.output_dir if config else None) or str(paths.default_output_dir())
    return DestinationSpec(folder=folder)


class OrderPrinter:
    """The packing flow's printer: renders an order's documents and queues them."""

    def __init__(self, config: StationConfig, queue: PrintQueue | None = None) -> None:
        self.config = config
        self.queue = queue or PrintQueue(station=config.station)

    def print_order_documents(self, order_id: int, kinds: tuple[str, ...], *, station: str,
                              reprint: bool = False) -> list[dict]:
        order = Order.get_by_id(order_id)
        results = []
        for kind in kinds:
            spec = destination_for(kind, self.config)
            try:
                document, _ = render(kind, [order.ref], config=self.config)
            except PackstationError as error:
                # A document that cannot be drawn (a script no font has, text too long)
                # is said plainly; the order stays packed and can be reprinted once fixed.
                with atomic():
                    log_event("print_failed", order=order, station=station, reason=error.message,
                              data={"kind": kind})
                results.append({"kind": kind, "status": "failed", "error": error.message})
                continue
            job = self.queue.submit(kind, [order.ref], document, spec, order_id=order.id,
                                    reprint=reprint)
            results.append(job_summary(job))
        return results


def print_documents(config: StationConfig, kind: str, refs: Sequence[str], *, out: str | None,
                    printer: str | None, layout: str | None = None) -> str:
    """The ``print`` command: one PDF for all the refs, to a file or a printer."""
    document, orders = render(kind, refs, layout=layout, config=config, before_packing=True)
    if out:
        path = Path(out)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(document)
        except OSError as error:
            raise InputError("print.cannot_write", path=str(path), reason=error.strerror) from None
        with atomic():
            for order in orders:
                log_event("printed", order=order, station=config.station,
                          data={"kind": kind, "output": str(path)})
        return i18n.tr("print.written", path=str(path))
    spec = DestinationSpec(printer=printer, media=DEFAULT_MEDIA.get(kind))
    job = PrintQueue(station=config.station).submit(
        kind, [o.ref for o in orders] or list(refs), document, spec,
        order_id=orders[0].id if len(orders) == 1 else None)
    if job.status == "failed":
        raise PackstationError("print.failed", error=job.last_error)
    return i18n.tr("print.sent", printer=printer, job=job.output)


i18n.register({
    "print.refs_needed": ("Indiquez au moins une référence de commande.", "Give at least one order ref."),
    "print.cancelled": ("La commande {ref} est annulée : rien à imprimer.",
                        "Order {ref} is cancelled: nothing to print."),
    "print.label_on_hold": ("La commande {ref} est bloquée : pas d'étiquette tant qu'elle n'est pas "
                            "libérée (Historique, « Libérer »).",
                            "Order {ref} is on hold: no label until it is released (History, “Release”)."),
    "print.label_not_packed": ("La commande {ref} n'est pas encore emballée : son étiquette s'imprime "
                               "quand le colis est prêt.",
                               "Order {ref} is not packed yet: its label prints when the parcel is ready."),
    "print.unknown_kind": ("Document « {kind} » inconnu : choisissez parmi {kinds}.",
                           "Unknown document “{kind}”: choose one of {kinds}."),
    "print.unknown_products": ("Produit(s) inconnu(s) : {skus}.", "Unknown product(s): {skus}."),
    "print.cannot_write": ("Impossible d'écrire {path} : {reason}.", "Cannot write {path}: {reason}."),
    "print.written": ("PDF écrit : {path}", "PDF written: {path}"),
    "print.sent": ("Envoyé à l'imprimante {printer} (travail {job}).", "Sent to printer {printer} (job {job})."),
    "print.failed": ("Impression impossible : {error}", "Printing failed: {error}"),
})
