"""Orders as the outside contract shows them (``orders --json``, ``order REF --json``)."""

from __future__ import annotations

from packstation.core import gtin
from packstation.core.errors import NotFoundError
from packstation.core import i18n
from packstation.db.models import (
    Barcode, Carrier, Event, Order, OrderLine, PrintJob, ScanRecord, Shipment,
)
from packstation.db.queries import find_order, select_in, shipment_parcels
from packstation.services.holds import event_reason_text, hold_reason_keys, hold_reason_text
from packstation.services.stock import shortages_for
from packstation.core.scan import normalise


def get_order(ref: str) -> Order:
    order = find_order(normalise(ref).candidates or (ref,))
    if order is None:
        raise NotFoundError("order.not_found", ref=ref)
    return order


def _iso(moment):
    return moment.isoformat() if moment else None


def order_summary(order: Order, lines: list[OrderLine] | None = None,
                  codes: dict[int, list[str]] | None = None,
                  carriers: dict[int, Carrier] | None = None) -> dict:
    lines = lines if lines is not None else list(order.lines.order_by(OrderLine.position))
    codes = codes or {}
    carrier = None
    if order.carrier_id:
        carrier = carriers[order.carrier_id] if carriers else order.carrier
    return {
        "ref": order.ref,
        "status": order.status,
        "carrier": carrier.code if carrier else None,
        "carrier_name": carrier.name if carrier else None,
        "shipping_method": order.shipping_method,
        "service": order.service,
        "express": order.express,
        "ordered_at": _iso(order.ordered_at),
        "customer_name": order.customer_name,
        "address": {
            "name": order.customer_name, "company": order.company, "address1": order.address1,
            "address2": order.address2, "postcode": order.postcode, "city": order.city,
            "region": order.region, "country": order.country, "phone": order.phone,
            "email": order.email,
        },
        "note": order.note,
        "risk": order.risk,
        # In the reader's language; the keys (none for a hold a person typed) for scripts.
        "hold_reason": hold_reason_text(order) or None,
        "hold_reason_key": next(iter(hold_reason_keys(order)), None),
        "hold_reason_keys": hold_reason_keys(order),
        "total": str(order.total) if order.total is not None else None,
        "currency": order.currency,
        "claimed_by": order.claimed_station,
        "payment": order.payment or None,
        "delivery": order.delivery,
        "pickup_point": order.pickup_point or None,
        "lines": [
            {
                "sku": line.sku,
                "ean": next((gtin.display(code) for code in codes.get(line.product_id, [])
                             if code.isdigit()), ""),
                "codes": [gtin.display(code) if code.isdigit() else code
                          for code in codes.get(line.product_id, [])],
                "name": line.name,
                "quantity": line.quantity,
                "verified": line.verified,
                "confirmed_without_barcode": line.confirmed_without_barcode,
                "bin": line.bin,
                "weight_g": line.weight_g,
                "unit_price": str(line.unit_price) if line.unit_price is not None else None,
            }
            for line in lines
        ],
    }


def _codes_for(product_ids) -> dict[int, list[str]]:
    codes: dict[int, list[str]] = {}
    if product_ids:
        for barcode in Barcode.select().where(Barcode.product.in_(list(product_ids))).order_by(Barcode.id):
            codes.setdefault(barcode.product_id, []).append(barcode.code)
    return codes


def order_detail(order: Order) -> dict:
    """One order with its lines, scans, shipment, documents and events."""
    lines = list(order.lines.order_by(OrderLine.position))
    data = order_summary(order, lines, _codes_for({line.product_id for line in lines if line.product_id}))
    shipment = Shipment.get_or_none(Shipment.order == order.id)
    documents = [_document_json(job) for job in
                 PrintJob.select().where(PrintJob.order == order.id).order_by(PrintJob.id)]
    data["shipment"] = _shipment_json(shipment, documents, shipment_parcels([shipment]) if shipment else {})
    data["documents"] = documents
    from packstation.services.labels import label_summary

    data["carrier_label"] = label_summary(order.id)  # None: the station's own label
    data["pickup_point"] = getattr(order, "pickup_point", "") or None
    data["shortages"] = shortages_for(order.id)
    data["backorder_of"] = order.backorder_of or None
    data["scans"] = [
        {"at": _iso(scan.at), "station": scan.station, "packer": scan.packer, "raw": scan.raw,
         "code": scan.code, "outcome": scan.outcome, "units": scan.units}
        for scan in ScanRecord.select().where(ScanRecord.order == order.id).order_by(ScanRecord.id)
    ]
    data["events"] = [
        {"at": _iso(event.at), "kind": event.kind, "station": event.station, "packer": event.packer,
         "reason": event_reason_text(event.kind, event.reason, event.data), "data": event.data}
        for event in Event.select().where(Event.order == order.id).order_by(Event.id)
    ]
    return data


def _document_json(job: PrintJob) -> dict:
    return {"kind": job.kind, "status": job.status, "output": job.output or None,
            "attempts": job.attempts, "error": job.last_error or None,
            "created_at": _iso(job.created_at)}


def _shipment_json(shipment: Shipment | None, documents: list[dict],
                   parcels: dict[int, list] | None = None) -> dict | None:
    """The contract's ``shipment``: null until the order is packed; its ``parcels``, one
    for an order packed whole, each with its ``number``, ``weight_g`` and ``tracking``."""
    if shipment is None:
        return None
    return {"tracking": shipment.tracking, "weight_g": shipment.weight_g, "packer": shipment.packer,
            "station": shipment.station, "packed_at": _iso(shipment.packed_at),
            "packing_seconds": shipment.packing_seconds,
            "handed_over_at": _iso(shipment.handed_over_at), "documents": documents,
            "parcels": [{"number": p.number, "weight_g": p.weight_g, "tracking": p.tracking}
                        for p in (parcels or {}).get(shipment.order_id, [])]}


def list_orders(status: str | None = None, limit: int | None = None) -> list[dict]:
    # Orders a big import is still staging are not orders yet.
    query = Order.select().where(Order.import_batch.is_null()).order_by(Order.ordered_at, Order.id)
    if status:
        query = query.where(Order.status == status)
    if limit:
        query = query.limit(limit)
    orders = list(query)
    if not orders:
        return []
    ids = [order.id for order in orders]
    lines_by_order: dict[int, list[OrderLine]] = {}
    for line in select_in(OrderLine.select().order_by(OrderLine.order, OrderLine.position),
                          OrderLine.order, ids):
        lines_by_order.setdefault(line.order_id, []).append(line)
    product_ids = {line.product_id for lines in lines_by_order.values() for line in lines if line.product_id}
    codes = _codes_for(product_ids)
    shipments = {s.order_id: s for s in select_in(Shipment, Shipment.order, ids)}
    parcels = shipment_parcels(list(shipments.values()))
    documents: dict[int, list[dict]] = {}
    for job in select_in(PrintJob.select().order_by(PrintJob.id), PrintJob.order, ids):
        documents.setdefault(job.order_id, []).append(_document_json(job))
    carriers = {carrier.id: carrier for carrier in Carrier.select()}
    result = []
    for order in orders:
        data = order_summary(order, lines_by_order.get(order.id, []), codes, carriers)
        data["shipment"] = _shipment_json(shipments.get(order.id), documents.get(order.id, []),
                                          parcels)
        result.append(data)
    return result


i18n.register({
    "order.not_found": ("Commande « {ref} » introuvable.", "Order “{ref}” not found."),
})
