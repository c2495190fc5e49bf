"""Documents for orders: from the database to plain document data, to PDF or ZPL, to
the queue.

:class:`OrderPrinter` is what the packing flow calls on completion: it stores the label
and slip jobs inside completion's own transaction (:meth:`OrderPrinter.queue_documents`)
and wakes the station's :class:`~packstation.printing.worker.PrintWorker` once that
transaction is committed; the worker renders each job with :func:`render_job` and
delivers it silently on the destination configured for its kind.
:func:`start_print_worker` builds that worker for a station (the window and ``packstation
scan`` both use it). :func:`print_documents` is the ``print`` command. Printing never
makes packing fail: a failed job stays queued, visible, and is retried.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import logging
import threading
from pathlib import Path
from typing import Sequence

from packstation import documents
from packstation.core import i18n, paths
from packstation.core.errors import InputError, NotFoundError, PackstationError, StateError
from packstation.core.packing import DEFAULT_PACKAGING_G, parcel_weight
from packstation.db import atomic
from packstation.db.models import Order, OrderLine, OrderStatus, Parcel, Product, Shipment
from packstation.db.queries import log_event
from packstation.documents.model import (
    Address, LabelData, PickListData, PickOrder, ProductLabel, Shop,
    SlipData, SlipLine,
)
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE
from packstation.db.models import PrintJob
from packstation.documents.zpl import render_labels_zpl
from packstation.printing.queue import DestinationSpec, PrintQueue, job_summary
from packstation.printing.worker import PrintWorker
from packstation.services.context import StationConfig
from packstation.services.settings import ShopSettings, shop_settings

log = logging.getLogger(__name__)
KINDS = ("label", "slip", "customs", "picklist", "manifest", "product-labels", "commands",
         "badges")
DEFAULT_MEDIA = {"label": "100x150mm", "slip": "A4", "customs": "A4", "picklist": "A4",
                 "manifest": "A4", "product-labels": "A4", "commands": "A4", "badges": "A4"}
#: Kinds printed on another kind's printer unless a printer of their own is configured:
#: the carrier's customs declaration is an A4 document, like the slip.
_PRINTED_WITH = {"customs": "slip"}


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


def label_data(order: Order, shop: Shop, *, language: str,
               packaging_g: int = DEFAULT_PACKAGING_G, parcel: int | None = None) -> LabelData:
    """The station's own label. Before packing (a batch) it carries the computed weight;
    after, the shipment's. Its tracking is the carrier's number if one was issued, else
    none: the label then carries the order ref (see documents.labels). ``parcel``: the
    label of that parcel of a split order, with its own weight and number, "n/N"."""
    shipment = Shipment.get_or_none(Shipment.order == order.id)
    tracking = (shipment.tracking if shipment else None) or order.tracking or ""
    weight = shipment.weight_g if shipment else parcel_weight(order.lines, packaging_g)
    index, count = 1, 1
    split = (list(Parcel.select().where(Parcel.order == order.id).order_by(Parcel.number))
             if parcel is not None else [])
    if split:
        chosen = next((p for p in split if p.number == parcel), None)
        if chosen is None:
            raise InputError("print.no_such_parcel", ref=order.ref, parcel=parcel, count=len(split))
        index, count, weight, tracking = chosen.number, len(split), chosen.weight_g, chosen.tracking or ""
    shipped_on = (shipment.packed_at if shipment else dt.datetime.now(dt.timezone.utc)).astimezone(SHOP_TIMEZONE).date()
    service = "express" if order.express else "standard"
    return LabelData(order_ref=order.ref, tracking=tracking, carrier_name=_carrier_name(order),
                     service=service, weight_g=weight, sender=shop.address, recipient=recipient(order),
                     shipped_on=shipped_on, language=language, parcel_index=index,
                     parcel_count=count)


def parcel_numbers(order_id: int) -> list[int | None]:
    """The parcels a label is printed for: each number of a split order, else [None]
    (the order's one parcel, as before parcels could be split)."""
    numbers = [p.number for p in Parcel.select(Parcel.number).where(Parcel.order == order_id)
               .order_by(Parcel.number)]
    return numbers or [None]


def order_carrier_label(order: Order, config: StationConfig | None, *,
                        timeout: float | None = None, parcel: int | None = None) -> tuple[bytes, str] | None:
    """The carrier's label of the order (bytes, pdf|zpl) when its carrier has a label
    account, stored or asked now; None for the station's own label. Raises
    services.labels.LabelWaiting (a DocumentNotReady) when the carrier has not given it."""
    from packstation.services.labels import label_document

    return label_document(order, config, timeout=timeout, parcel=parcel or 1)


def slip_data(order: Order, shop: Shop, *, language: str) -> SlipData:
    return SlipData(shop=shop, order_ref=order.ref, order_date=order.ordered_at.astimezone(SHOP_TIMEZONE),
                    recipient=recipient(order), carrier_name=_carrier_name(order),
                    service="express" if order.express else "standard", lines=_lines(order),
                    note=order.note, language=language,
                    pickup_point=getattr(order, "pickup_point", "") or "",
                    held=order.status == OrderStatus.ON_HOLD)


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
           config: StationConfig | None = None, packaging_g: int | None = None,
           zpl: tuple[int, str | None] | None = None, before_packing: bool = False,
           left_out: Sequence[tuple[str, str]] = (), parcel: int | None = None) -> tuple[bytes, list[Order]]:
    """The PDF of ``kind`` for these orders (or carrier codes, for a manifest).

    ``zpl`` (dpi, printer font) makes labels in ZPL instead of PDF; ``parcel``, the label
    of that parcel only (a split order's print job; without it, a split order's labels
    are all rendered, one per parcel); ``before_packing`` is
    the batch printing of labels before packing (``print label``); ``left_out``, for a
    pick list, the orders short of stock named apart. One document at a time in the
    process: the print worker renders on its thread while the window may render a pick
    list on its own, and ReportLab keeps state of its own between calls.
    """
    with _RENDERING:
        return _render(kind, refs, layout=layout, config=config, packaging_g=packaging_g, zpl=zpl,
                       before_packing=before_packing, left_out=left_out, parcel=parcel)


_RENDERING = threading.RLock()


def _render(kind: str, refs: Sequence[str], *, layout: str | None, config: StationConfig | None,
            packaging_g: int | None, zpl: tuple[int, str | None] | None, before_packing: bool,
            left_out: Sequence[tuple[str, str]], parcel: int | None = None) -> tuple[bytes, list[Order]]:
    settings = shop_settings()
    shop = shop_document(settings)
    language = settings.document_language
    if kind == "label":
        orders = _orders(refs)
        for order in orders:
            check_label(order, before_packing=before_packing)
        from packstation.services.labels import account_for

        accounts = [account_for(o, config) for o in orders]
        if any(accounts):
            # The carrier's own label, passed on unchanged (PDF or ZPL, as it gave it). Several
            # at once only when all are ZPL (they follow each other); decided before asking.
            if len(orders) > 1 and not all(a is not None and a.format == "zpl" for a in accounts):
                raise InputError("print.carrier_labels_one_by_one")
            numbers = [parcel] if parcel else parcel_numbers(orders[0].id)
            if len(numbers) > 1 and accounts[0].format != "zpl":
                # PDF labels of several parcels do not follow each other in one file.
                raise InputError("print.carrier_parcels_one_by_one", ref=orders[0].ref,
                                 count=len(numbers))
            carrier_labels = [order_carrier_label(o, config, parcel=number) for o in orders
                              for number in ([parcel] if parcel else parcel_numbers(o.id))]
            return b"\n".join(label[0] for label in carrier_labels), orders
        layout = layout or (config.label_layout if config else "100x150")
        packaging = packaging_g if packaging_g is not None else (
            config.packaging_g if config else DEFAULT_PACKAGING_G)
        labels = [label_data(o, shop, language=language, packaging_g=packaging, parcel=number)
                  for o in orders for number in ([parcel] if parcel else parcel_numbers(o.id))]
        if zpl is not None:
            return render_labels_zpl(labels, dpi=zpl[0], font=zpl[1]), orders
        return _rendered_pdf("label", labels, layout), orders
    if kind == "customs":   # the carrier's own declaration (CN23), one order at a time
        from packstation.services.labels import customs_document

        orders = _orders(refs)
        if len(orders) > 1:
            raise InputError("print.carrier_labels_one_by_one")
        return customs_document(orders[0], config, parcel=parcel or 1), orders
    if kind == "slip":
        orders = _orders(refs)
        return _rendered_pdf("slip", [slip_data(o, shop, language=language) for o in orders],
                             layout or "a4"), orders
    if kind == "picklist":
        orders = _orders(refs)
        data = PickListData(shop=shop, orders=[PickOrder(o.ref, _carrier_name(o), _lines(o),
                                                         held=o.status == OrderStatus.ON_HOLD)
                                                for o in orders], left_out=left_out,
                            printed_at=dt.datetime.now(SHOP_TIMEZONE), language=language)
        return documents.render_pick_list(data), orders
    if kind == "manifest":
        from packstation.services.manifests import manifest_data, manifest_document

        own = manifest_document(refs, config, station=config.station if config else "")
        if own is not None:
            return own, []
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


def _draw_pdf(kind: str, data: list, layout: str) -> bytes:
    if kind == "label":
        return documents.render_labels(data, layout=layout)
    return documents.render_slips(data, paper=layout)


#: Drawing ahead starts once an order has been open this long: no packer scans a whole
#: order faster, and a scripted burst of scans (a test, scans piped to ``packstation
#: scan``) completes first — its documents are then drawn once, at completion, as before.
PREPARE_DELAY_SECONDS = 0.3

#: Documents drawn ahead, while the order is being packed (see :func:`prepare_documents`):
#: (kind, layout, the exact data drawn, the PDF). A few: the orders open at this table.
_PREPARED: "collections.deque[tuple[str, str, object, bytes]]" = collections.deque(maxlen=4)


def _rendered_pdf(kind: str, data: list, layout: str) -> bytes:
    """The PDF of a label or slip: the one drawn ahead from the very same data if there is
    one (so every check it passed holds), else drawn now."""
    if len(data) == 1:
        for prepared_kind, prepared_layout, prepared_data, document in list(_PREPARED):
            if (prepared_kind, prepared_layout) == (kind, layout) and prepared_data == data[0]:
                return document
    return _draw_pdf(kind, data, layout)


def prepare_documents(order_id: int, config: StationConfig | None,
                      kinds: Sequence[str] = ("label", "slip")) -> None:
    """Draw an open order's own label and slip ahead, on the print worker while the packer
    scans, so that the documents are ready when the last item is scanned.

    Nothing is queued or delivered here: completion still stores the jobs and the worker
    renders them from the database as always (:func:`render_job`); when the data it reads
    then equals what was drawn here — same recipient, lines, weight (the computed one),
    date, shop — that PDF is used instead of drawing it again. Any difference (a weight
    typed, a note edited, a carrier's label, ZPL) simply draws anew. A document that
    cannot be drawn (a check failing) is left for the job to report.
    """
    order = Order.get_or_none(Order.id == order_id)
    if order is None or order.status not in (OrderStatus.PENDING, OrderStatus.PACKING):
        return  # packed meanwhile (its jobs render it), or not to be printed
    from packstation.services.labels import account_for

    with _RENDERING:
        settings = shop_settings()
        shop = shop_document(settings)
        language = settings.document_language
        for kind in kinds:
            spec = destination_for(kind, config)
            if kind == "label":
                if spec.format == "zpl" or account_for(order, config) is not None:
                    continue  # a ZPL label is quick; a carrier's label is the carrier's
                packaging = spec.packaging_g if spec.packaging_g is not None else DEFAULT_PACKAGING_G
                data = label_data(order, shop, language=language, packaging_g=packaging)
                layout = spec.layout or (config.label_layout if config else "100x150")
            else:
                data = slip_data(order, shop, language=language)
                layout = spec.layout or "a4"
            try:
                document = _draw_pdf(kind, [data], layout)
            except PackstationError:
                continue  # the job will say why, when it is rendered for real
            _PREPARED.append((kind, layout, data, document))


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
    """The configured destination of a kind of document, or today's folder of PDFs.

    It carries what the document is rendered with (format, dpi, layout, packaging), so a
    queued job is rendered the same whenever the worker gets to it.
    """
    entry = (config.printers.get(kind) or config.printers.get(_PRINTED_WITH.get(kind, kind))
             if config else None) or {}
    fmt = str(entry.get("format") or "pdf").lower()
    rendering: dict = {}
    if fmt == "zpl" and kind == "label":
        rendering = {"format": "zpl", "dpi": int(entry.get("dpi") or 203),
                     "font": entry.get("font") or None}
    if kind == "label" and config is not None:
        rendering.setdefault("layout", config.label_layout)
        rendering["packaging_g"] = config.packaging_g
    if entry.get("printer"):
        return DestinationSpec(printer=entry["printer"], media=entry.get("media") or DEFAULT_MEDIA.get(kind),
                               orientation=entry.get("orientation", "portrait"), **rendering)
    folder = entry.get("folder") or (config.output_dir if config else None) or str(paths.default_output_dir())
    return DestinationSpec(folder=folder, **rendering)


#: How long the print worker waits for a carrier's label service before the job waits.
CARRIER_TIMEOUT_SECONDS = 20.0


def carrier_label(job: PrintJob, spec: DestinationSpec, config: StationConfig | None) -> bytes | None:
    """The carrier's own label for a label job, as the carrier gave it; None for the
    station's own label.

    Asked here, on the print worker's thread, after the completion's commit recorded that
    the label is due: a label the carrier has not given yet raises
    :class:`~packstation.services.labels.LabelWaiting` (a
    :class:`~packstation.printing.queue.DocumentNotReady`: the job waits and is asked
    again); bytes are delivered as they came, so their format must be the printer's.
    """
    if config is None or job.order_id is None:
        return None
    order = Order.get_by_id(job.order_id)
    given = order_carrier_label(order, config, timeout=CARRIER_TIMEOUT_SECONDS, parcel=job.parcel)
    if given is None:
        return None
    document, label_format = given
    wanted = spec.format or "pdf"
    if spec.printer and label_format != wanted:  # a folder keeps either
        raise PackstationError("print.carrier_format_mismatch", carrier=_carrier_name(order),
                               given=label_format.upper(), wanted=wanted.upper(), wanted_lower=wanted)
    return document


def render_job(job: PrintJob, config: StationConfig | None = None) -> bytes:
    """The document of one print job, made now from the database: the one render step.

    A label is the carrier's (:func:`carrier_label`) when it has one, else the station's
    own, in ZPL or PDF as the job's destination says; every other kind is its PDF.
    """
    spec = DestinationSpec.from_dict(job.destination or {})
    refs = list(job.refs or [])
    if job.kind == "label":
        given = carrier_label(job, spec, config)
        if given is not None:
            return given
        zpl = (spec.dpi or 203, spec.font) if spec.format == "zpl" else None
        document, _ = render("label", refs, layout=spec.layout, packaging_g=spec.packaging_g, zpl=zpl,
                             parcel=job.parcel)
        return document
    if job.kind == "customs":   # the carrier's, with its label (asked with it if need be)
        from packstation.services.labels import customs_document

        return customs_document(Order.get_by_id(job.order_id), config,
                                timeout=CARRIER_TIMEOUT_SECONDS, parcel=job.parcel or 1)
    document, _ = render(job.kind, refs, layout=spec.layout)
    return document


def print_queue(config: StationConfig, station: str | None = None, **kwargs) -> PrintQueue:
    """The print queue of a station, rendering with :func:`render_job`."""
    return PrintQueue(station=station or config.station,
                      render=functools.partial(render_job, config=config), **kwargs)


def start_print_worker(config: StationConfig, station: str | None = None, *,
                       on_change=None) -> PrintWorker:
    """Start the print worker of a station (the window's and ``packstation scan``'s)."""
    return PrintWorker(print_queue(config, station, on_change=on_change)).start()


class OrderPrinter:
    """The packing flow's printer: queues an order's documents, the worker prints them."""

    def __init__(self, config: StationConfig, queue: PrintQueue | None = None,
                 worker: PrintWorker | None = None) -> None:
        self.config = config
        self.queue = queue or print_queue(config)
        self.worker = worker

    def queue_documents(self, order_id: int, kinds: tuple[str, ...], *, station: str,
                        reprint: bool = False) -> list[dict]:
        """Store a job per document, inside the caller's transaction (completion's): a
        split order's label is one job per parcel; a carrier's customs declaration (CN23)
        follows its label, one per parcel, when the carrier gives one (not on a reprint
        of the label: the declaration in the pouch is still there)."""
        from packstation.services.labels import customs_document_due

        order = Order.get_by_id(order_id)
        self.queue.station = station
        if "label" in kinds and not reprint and customs_document_due(order, self.config):
            kinds = (*kinds, "customs")
        jobs = [self.queue.add(kind, [order.ref], destination_for(kind, self.config),
                               order_id=order.id, reprint=reprint,
                               parcel=number)
                for kind in kinds
                for number in (parcel_numbers(order.id) if kind in ("label", "customs")
                               else [None])]
        return [job_summary(job) for job in jobs]

    def wake(self) -> None:
        """The jobs are committed: let the worker take them (at once, on its thread)."""
        if self.worker is not None:
            self.worker.wake()

    def prepare(self, order_id: int) -> None:
        """An order was opened: its worker draws its label and slip ahead, when idle."""
        if self.worker is not None and self.worker.running:
            # One task a document, in the order completion queues them: a job arriving
            # meanwhile waits for one drawing at most.
            for kind in ("label", "slip"):
                self.worker.prepare(functools.partial(prepare_documents, order_id, self.config,
                                                      (kind,)), delay=PREPARE_DELAY_SECONDS)

    def print_order_documents(self, order_id: int, kinds: tuple[str, ...], *, station: str,
                              reprint: bool = False) -> list[dict]:
        """Queue the documents in their own transaction and wake the worker; without a
        worker (a back-office window, a test) deliver them here and now."""
        with atomic():
            queued = self.queue_documents(order_id, kinds, station=station, reprint=reprint)
        if self.worker is not None and self.worker.running:
            self.worker.wake()
            return queued
        results = []
        for summary in queued:
            job = PrintJob.get_by_id(summary["job"])
            if self.queue.take(job):
                job = self.queue.deliver(job)
            results.append(job_summary(job))
        return results


def print_documents(config: StationConfig, kind: str, refs: Sequence[str], *, out: str | None,
                    printer: str | None, layout: str | None = None) -> str:
    """The ``print`` command: one PDF for all the refs, to a file or a printer (labels in
    ZPL for a network label printer, or the label printer configured with ``format = "zpl"``)."""
    spec = DestinationSpec(printer=printer, media=DEFAULT_MEDIA.get(kind))
    zpl = None
    if printer and kind == "label":
        configured = destination_for(kind, config)
        if configured.printer == printer and configured.format == "zpl" or spec.network:
            # A thermal printer speaks ZPL: at the configured resolution, else at 203 dpi.
            zpl = (configured.dpi or 203, configured.font)
            spec = DestinationSpec(printer=printer, format="zpl", dpi=zpl[0], font=zpl[1])
    document, orders = render(kind, refs, layout=layout, config=config, zpl=zpl,
                              before_packing=True)
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
    job = print_queue(config).submit(
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
    "print.carrier_format_mismatch": (
        "L'étiquette {carrier} est arrivée en {given} mais l'imprimante d'étiquettes attend du "
        "{wanted} : mettez le même format (format = \"{wanted_lower}\") dans le compte étiquettes du "
        "transporteur et dans [printing] label, puis relancez (F9).",
        "The {carrier} label came as {given} but the label printer takes {wanted}: set the same "
        "format (format = \"{wanted_lower}\") in the carrier's label account and in [printing] label, "
        "then retry (F9)."),
    "print.no_such_parcel": ("La commande {ref} n'a pas de colis {parcel} (elle en a {count}).",
                             "Order {ref} has no parcel {parcel} (it has {count})."),
    "print.carrier_parcels_one_by_one": (
        "La commande {ref} part en {count} colis et son transporteur donne des étiquettes PDF : "
        "elles s'impriment une par colis, depuis la table (F5) ou la file d'impression.",
        "Order {ref} ships in {count} parcels and its carrier gives PDF labels: they print one "
        "per parcel, from the table (F5) or the print queue."),
    "print.carrier_labels_one_by_one": (
        "Les étiquettes des transporteurs s'impriment une commande à la fois : donnez une seule "
        "référence.", "Carriers' labels print one order at a time: give one ref."),
    "print.cannot_write": ("Impossible d'écrire {path} : {reason}.", "Cannot write {path}: {reason}."),
    "print.written": ("PDF écrit : {path}", "PDF written: {path}"),
    "print.sent": ("Envoyé à l'imprimante {printer} (travail {job}).", "Sent to printer {printer} (job {job})."),
    "print.failed": ("Impression impossible : {error}", "Printing failed: {error}"),
})
