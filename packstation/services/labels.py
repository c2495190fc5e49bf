"""The carrier's label of an order: asked once, stored the moment it is received.

:func:`obtain_label` is idempotent: a label stored for the order is returned as it is
(never bought twice); otherwise the request is built from the order (weight, ref, the
addressee's phone and e-mail, the service, the relay point, customs outside the EU
customs territory) and the shop (the sender), the carrier is asked, and its answer is
stored in one transaction with an event row, the carrier's number becoming the order's
and the shipment's ``tracking``. When the carrier says no or cannot be reached the label
is "waiting", with the carrier's words and what to do; :func:`retry_waiting` asks again.

An order whose carrier has no label account (or ``provider = "own"``) has the station's
own label and no tracking number at all.

An order split into several parcels (services.packing) has one label per parcel, each
asked with that parcel's weight and stored under its number: the first parcel's number
is the order's and the shipment's ``tracking``, each parcel keeps its own
(``Parcel.tracking``).
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

import peewee

from packstation.core import i18n
from packstation.core.carriers import fold
from packstation.core.errors import PackstationError
from packstation.core.packing import DEFAULT_PACKAGING_G, parcel_weight
from packstation.db import atomic
from packstation.db.models import (
    CarrierLabel as StoredLabel, LabelStatus, Order, OrderLine, Parcel, Product, Shipment, utcnow,
)
from packstation.db.queries import log_event
from packstation.printing.queue import DocumentNotReady
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE
from packstation.services.settings import ShopSettings, shop_settings
from packstation.shipping import (
    SEPARATE_CUSTOMS_DOCUMENT, CarrierLabel, CustomsLine, LabelAccount, LabelNotAsked,
    LabelRefused, LabelRequest, Party, service_for,
)
from packstation.shipping.customs import needs_customs

log = logging.getLogger(__name__)
#: A table that started asking and never finished (it stopped) gives way after this.
STALE_ASKING = dt.timedelta(minutes=5)


class LabelWaiting(DocumentNotReady):
    """The carrier's label is not there yet: printing it waits (the print job is
    ``waiting`` and asked again), the order stays packed."""

    key = "labels.waiting"


def account_for(order: Order, config) -> LabelAccount | None:
    """The label account of the order's carrier, or None for the station's own label."""
    if not order.carrier_id or config is None:
        return None
    account = (getattr(config, "label_accounts", None) or {}).get(order.carrier.code)
    return None if account is None or account.is_own else account


def service_of(order: Order) -> str:
    """home, signature, relay or express, from what the shop wrote."""
    if getattr(order, "pickup_point", ""):
        return "relay"
    if order.express:
        return "express"
    written = fold(f"{order.service} {order.shipping_method}")
    if "signature" in written or "remise contre" in written:
        return "signature"
    return "home"


def _sender(settings: ShopSettings, carrier: str) -> Party:
    if not settings.configured:
        raise LabelNotAsked(carrier, "labels.no_sender", "sender")
    return Party(name=settings.name, line1=settings.address1, line2=settings.address2,
                 postcode=settings.postcode, city=settings.city, country=settings.country,
                 phone=settings.phone, email=settings.email)


def _customs(order: Order, lines: list[OrderLine], settings: ShopSettings,
             carrier: str) -> tuple[CustomsLine, ...]:
    products = {p.id: p for p in Product.select().where(
        Product.id.in_([line.product_id for line in lines if line.product_id]))}
    declared = []
    for line in lines:
        product = products.get(line.product_id)
        hs_code = (getattr(product, "hs_code", "") or getattr(settings, "default_hs_code", "")).strip()
        origin = (getattr(product, "origin_country", "")
                  or getattr(settings, "default_origin_country", "")).strip().upper()
        named = f"{line.sku} — {line.name}" if line.name else line.sku
        if not hs_code:
            raise LabelNotAsked(carrier, "labels.no_hs_code", "customs", product=named)
        if not origin:
            raise LabelNotAsked(carrier, "labels.no_origin", "customs", product=named)
        if line.unit_price is None:
            raise LabelNotAsked(carrier, "labels.no_value", "customs", product=named)
        weight = line.weight_g if line.weight_g is not None else getattr(product, "weight_g", None)
        declared.append(CustomsLine(description=line.name or line.sku, quantity=line.quantity,
                                    weight_g=(weight or 0) * line.quantity,
                                    value=Decimal(line.unit_price), currency=order.currency,
                                    hs_code=hs_code, origin_country=origin))
    return tuple(declared)


def build_request(order: Order, account: LabelAccount, *, packaging_g: int = DEFAULT_PACKAGING_G,
                  settings: ShopSettings | None = None, today: dt.date | None = None,
                  parcel: int = 1) -> LabelRequest:
    """The request for the order's parcel (``parcel``: its number when the order was
    split); LabelNotAsked for what the carrier would refuse."""
    settings = settings or shop_settings()
    carrier = order.carrier.name
    sender = _sender(settings, carrier)
    lines = list(OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.position))
    shipment = Shipment.get_or_none(Shipment.order == order.id)
    split = Parcel.get_or_none((Parcel.order == order.id) & (Parcel.number == parcel))
    weight = split.weight_g if split else (
        shipment.weight_g if shipment else parcel_weight(lines, packaging_g))
    service = service_of(order)
    recipient = Party(name=order.customer_name, company=order.company, line1=order.address1,
                      line2=order.address2, postcode=order.postcode, city=order.city,
                      country=order.country, phone=order.phone, email=order.email)
    customs = _customs(order, lines, settings, carrier) \
        if needs_customs(order.country, order.postcode, origin=settings.country or "FR") else ()
    value = sum((line.value * line.quantity for line in customs), Decimal(0)) if customs else None
    return LabelRequest(order_ref=order.ref, sender=sender, recipient=recipient, weight_g=weight,
                        service=service, pickup_point=getattr(order, "pickup_point", "") or "",
                        customs=customs, value=value, currency=order.currency,
                        shipping_date=today or dt.datetime.now(SHOP_TIMEZONE).date())


# -- asking, storing -------------------------------------------------------------------

def stored_label(order_id: int, parcel: int = 1) -> StoredLabel | None:
    return StoredLabel.get_or_none((StoredLabel.order == order_id) & (StoredLabel.parcel == parcel))


def _claim(order: Order, account: LabelAccount, parcel: int = 1) -> StoredLabel | None:
    """The row this table may ask for (status set to asking), or None when the label is
    ready or another table is asking right now."""
    now = utcnow()
    with atomic():
        row = stored_label(order.id, parcel)
        if row is None:
            try:
                with atomic():
                    row = StoredLabel.create(order=order, parcel=parcel, provider=account.provider,
                                             label_format=account.format)
            except peewee.IntegrityError:
                row = stored_label(order.id, parcel)
        if row.status == LabelStatus.READY:
            return None
        claimed = (StoredLabel.update(status=LabelStatus.ASKING, updated_at=now,
                                      attempts=StoredLabel.attempts + 1)
                   .where((StoredLabel.id == row.id)
                          & ((StoredLabel.status == LabelStatus.WAITING)
                             | (StoredLabel.updated_at < now - STALE_ASKING)))
                   .execute())
    return StoredLabel.get_by_id(row.id) if claimed else None


def _keep(row: StoredLabel, label: CarrierLabel, *, station: str) -> None:
    """Store what the carrier issued, in one transaction: the number (the order's and the
    shipment's tracking), the link, the label bytes when they are there."""
    ready = label.label_bytes is not None
    with atomic():
        StoredLabel.update(
            status=LabelStatus.READY if ready else LabelStatus.ASKING, tracking=label.tracking,
            tracking_url=label.tracking_url, external_id=label.external_id,
            label_format=label.label_format,
            label_data=label.label_bytes if ready else None,
            customs_data=label.customs_bytes if ready else None, carrier_message="", what_to_do="",
            updated_at=utcnow()).where(StoredLabel.id == row.id).execute()
        Parcel.update(tracking=label.tracking).where(
            (Parcel.order == row.order_id) & (Parcel.number == row.parcel)).execute()
        if row.parcel == 1:  # the order's number is its first parcel's
            Order.update(tracking=label.tracking).where(Order.id == row.order_id).execute()
            Shipment.update(tracking=label.tracking).where(Shipment.order == row.order_id).execute()
        log_event("label_received" if ready else "label_bought", order=row.order_id,
                  station=station, data={"provider": row.provider, "tracking": label.tracking,
                                         "format": label.label_format, "parcel": row.parcel})


def _wait(row: StoredLabel, refusal: LabelRefused, *, station: str) -> None:
    log.info("carrier label of order %s waiting: %s", row.order_id, refusal.message)
    with atomic():
        StoredLabel.update(status=LabelStatus.WAITING, carrier_message=refusal.carrier_message,
                           what_to_do=refusal.what_to_do, updated_at=utcnow()) \
            .where(StoredLabel.id == row.id).execute()
        log_event("label_waiting", order=row.order_id, station=station, reason=refusal.message,
                  data={"provider": row.provider, "fix": refusal.fix, "parcel": row.parcel})


def obtain_label(order_id: int, *, config, timeout: float | None = None,
                 station: str | None = None, parcel: int = 1) -> StoredLabel | None:
    """The carrier label of the order's parcel ``parcel`` (1 for an order not split),
    asked now if none is stored; None for an own label.

    Returns the stored row: ``ready`` with its bytes, or ``waiting`` with the carrier's
    words (``carrier_message``) and ``what_to_do``, or ``asking`` when another table is
    asking at this moment. Never raises for what a carrier does.
    """
    order = Order.get_by_id(order_id)
    account = account_for(order, config)
    if account is None:
        return None
    station = station if station is not None else getattr(config, "station", "")
    row = _claim(order, account, parcel)
    if row is None:
        return stored_label(order.id, parcel)
    service = service_for(account, timeout=timeout)
    try:
        if row.tracking and row.external_id:
            # Bought earlier, not downloaded yet: fetch it, never buy a second one.
            label = service.download_label(CarrierLabel(
                tracking=row.tracking, tracking_url=row.tracking_url, label_bytes=None,
                label_format=row.label_format, external_id=row.external_id))
        else:
            request = build_request(order, account, parcel=parcel,
                                    packaging_g=getattr(config, "packaging_g", DEFAULT_PACKAGING_G))
            label = service.create_label(request)
            if label.label_bytes is None:
                _keep(row, label, station=station)
                label = service.download_label(label)
        _keep(row, label, station=station)
    except LabelRefused as refusal:
        _wait(row, refusal, station=station)
    except PackstationError as error:  # an account whose secret cannot be read, say
        _wait(row, LabelNotAsked(order.carrier.name, "labels.account_problem", "account",
                                 reason=error.message), station=station)
    except BaseException:
        # A bug: the label must not stay "asking" for five minutes because of it.
        try:
            _wait(row, LabelNotAsked(order.carrier.name, "labels.unexpected", "retry"), station=station)
        except Exception:  # the database itself failing: the original error says more
            log.exception("could not record the failed label request of order %s", order.id)
        raise
    return stored_label(order.id, parcel)


def label_document(order: Order, config, *, timeout: float | None = None,
                   parcel: int = 1) -> tuple[bytes, str] | None:
    """The carrier's label to print for this order, unchanged, and its format (pdf | zpl);
    None when the order has the station's own label. Raises LabelWaiting when the carrier
    has not given it (yet), with its words and what to do."""
    if account_for(order, config) is None:
        return None
    row = stored_label(order.id, parcel)
    if row is None or row.status != LabelStatus.READY:
        row = obtain_label(order.id, config=config, timeout=timeout, parcel=parcel)
    if row is None or row.status != LabelStatus.READY or row.label_data is None:
        raise LabelWaiting("labels.waiting", ref=order.ref, carrier=order.carrier.name,
                           why=(row.carrier_message if row else "") or "—",
                           what_to_do=(row.what_to_do if row else "") or i18n.tr("label.fix.retry"))
    return bytes(row.label_data), row.label_format


def customs_document_due(order: Order, config) -> bool:
    """Whether the order's carrier gives a customs declaration of its own (CN23) to print
    beside its label: a parcel leaving the EU customs territory, with such a carrier."""
    account = account_for(order, config)
    if account is None or account.provider not in SEPARATE_CUSTOMS_DOCUMENT:
        return False
    return needs_customs(order.country, order.postcode, origin=shop_settings().country or "FR")


def customs_document(order: Order, config, *, timeout: float | None = None,
                     parcel: int = 1) -> bytes:
    """The customs declaration the carrier gave with the parcel's label, unchanged (an A4
    PDF). Waits with the label (LabelWaiting) while the carrier has not given it; an
    error saying what to do when its answer had none."""
    label_document(order, config, timeout=timeout, parcel=parcel)   # asked, if need be
    row = stored_label(order.id, parcel)
    if row is None or row.customs_data is None:
        raise PackstationError("labels.no_customs_document", ref=order.ref,
                               carrier=order.carrier.name)
    return bytes(row.customs_data)


def waiting_labels() -> list[tuple[int, int]]:
    """The (order, parcel) whose carrier label is due and not received."""
    return [(row.order_id, row.parcel) for row in StoredLabel.select(StoredLabel.order, StoredLabel.parcel)
            .where(StoredLabel.status != LabelStatus.READY).order_by(StoredLabel.id)]


def retry_waiting(config, *, timeout: float | None = None) -> list[StoredLabel]:
    """Ask again for every waiting label (``retry-prints``, the window's retry)."""
    return [row for row in (obtain_label(order_id, config=config, timeout=timeout, parcel=parcel)
                            for order_id, parcel in waiting_labels()) if row is not None]


def label_summary(order_id: int) -> dict | None:
    """What ``order --json`` and the window show about the carrier's label."""
    row = stored_label(order_id)
    if row is None:
        return None
    summary = {"provider": row.provider, "status": row.status, "tracking": row.tracking,
               "tracking_url": row.tracking_url, "format": row.label_format,
               "attempts": row.attempts}
    if row.status != LabelStatus.READY:
        summary.update(carrier_message=row.carrier_message, what_to_do=row.what_to_do)
    return summary


i18n.register({
    "labels.no_customs_document": (
        "{carrier} n'a pas joint de déclaration en douane (CN23) à l'étiquette de {ref} : "
        "imprimez-la depuis votre espace {carrier}, puis glissez-la dans la pochette du colis.",
        "{carrier} sent no customs declaration (CN23) with the label of {ref}: print it from "
        "your {carrier} account, then slip it into the parcel's pouch."),
    "labels.waiting": ("Étiquette {carrier} de {ref} en attente : {why} {what_to_do}",
                       "{carrier} label of {ref} waiting: {why} {what_to_do}"),
    "labels.no_sender": ("la boutique (l'expéditeur) n'a pas d'adresse.",
                         "the shop (the sender) has no address."),
    "labels.no_hs_code": ("le produit {product} n'a pas de code SH (douane) : ajoutez-le dans "
                          "l'import des produits (colonne hs_code).",
                          "product {product} has no HS code (customs): add it in the products "
                          "import (hs_code column)."),
    "labels.no_origin": ("le produit {product} n'a pas de pays d'origine (douane) : ajoutez-le dans "
                         "l'import des produits (colonne origin_country).",
                         "product {product} has no country of origin (customs): add it in the "
                         "products import (origin_country column)."),
    "labels.no_value": ("la ligne {product} n'a pas de prix : la douane demande sa valeur.",
                        "line {product} has no price: customs needs its value."),
    "labels.account_problem": ("le compte étiquettes ne peut pas être utilisé : {reason}",
                               "the label account cannot be used: {reason}"),
    "labels.unexpected": ("erreur inattendue de Packstation (voir le journal).",
                          "unexpected Packstation error (see the log)."),
})

