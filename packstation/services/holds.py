"""Holds against card fraud, set at import from the shop's rules.

Each rule looks at an imported order and says why it must wait for a person, or None.
A held order has status ``on_hold`` and a ``hold_reason``; it cannot be opened at the
table; releasing or cancelling it needs a reason and a name, and leaves an event.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from packstation.core import i18n
from packstation.core.errors import InputError, StateError
from packstation.db import atomic
from packstation.db.models import Order, OrderStatus, utcnow
from packstation.db.queries import log_event
from packstation.io.model import ImportedOrder
from packstation.services.importing import HoldRule
from packstation.services.settings import HoldSettings, hold_settings


def hold_rules(settings: HoldSettings | None = None) -> list[HoldRule]:
    settings = settings or hold_settings()
    rules: list[HoldRule] = []
    levels = {level.lower() for level in settings.hold_risk_levels}
    if levels:
        rules.append(lambda order, previous: i18n.tr("hold.risk", level=order.risk)
                     if order.risk.lower() in levels else None)
    if settings.hold_country_mismatch:
        rules.append(lambda order, previous: i18n.tr(
            "hold.country", billing=order.billing_country, shipping=order.address.country)
            if order.billing_country and order.address.country
            and order.billing_country.upper() != order.address.country.upper() else None)
    if settings.hold_total_above:
        try:
            limit = Decimal(str(settings.hold_total_above))
        except InvalidOperation:
            limit = None
        if limit is not None:
            rules.append(lambda order, previous: i18n.tr(
                "hold.total", total=order.total, limit=limit, currency=order.currency or "EUR")
                if order.total is not None and order.total > limit else None)
    if settings.hold_first_order_express:
        rules.append(_first_order_express)
    denied_emails = {email.strip().lower() for email in settings.deny_emails if email.strip()}
    if denied_emails:
        rules.append(lambda order, previous: i18n.tr("hold.deny_email", email=order.address.email)
                     if order.address.email.strip().lower() in denied_emails else None)
    denied_addresses = [_fold(address) for address in settings.deny_addresses if address.strip()]
    if denied_addresses:
        rules.append(lambda order, previous: i18n.tr("hold.deny_address")
                     if any(denied in _fold(f"{order.address.address1} {order.address.address2} "
                                            f"{order.address.postcode} {order.address.city}")
                            for denied in denied_addresses) else None)
    return rules


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _first_order_express(order: ImportedOrder, previous: Order | None) -> str | None:
    if previous is not None or order.service.lower() != "express" or not order.address.email:
        return None
    email = order.address.email.strip().lower()
    earlier = Order.select().where((Order.email == email) & (Order.ref != order.ref)).exists() \
        or Order.select().where((Order.email == order.address.email) & (Order.ref != order.ref)).exists()
    return None if earlier else i18n.tr("hold.first_express")


def release(ref: str, *, reason: str, by: str, station: str = "") -> Order:
    """Put a held order back in the queue."""
    return _decide(ref, reason=reason, by=by, station=station, status=OrderStatus.PENDING,
                   kind="released")


def cancel(ref: str, *, reason: str, by: str, station: str = "") -> Order:
    """Cancel a held (or pending) order."""
    return _decide(ref, reason=reason, by=by, station=station, status=OrderStatus.CANCELLED,
                   kind="cancelled")


def hold(ref: str, *, reason: str, by: str, station: str = "") -> Order:
    """Put a pending order on hold by hand."""
    return _decide(ref, reason=reason, by=by, station=station, status=OrderStatus.ON_HOLD,
                   kind="held")


def _decide(ref: str, *, reason: str, by: str, station: str, status: str, kind: str) -> Order:
    from packstation.services.orders import get_order

    if not reason.strip():
        raise InputError("hold.reason_needed")
    if not by.strip():
        raise InputError("hold.name_needed")
    order = get_order(ref)
    allowed = {"released": (OrderStatus.ON_HOLD,),
               "cancelled": (OrderStatus.ON_HOLD, OrderStatus.PENDING),
               "held": (OrderStatus.PENDING,)}[kind]
    with atomic():
        changed = (Order.update(status=status, updated_at=utcnow(),
                                hold_reason=reason if kind == "held" else "")
                   .where((Order.id == order.id) & Order.status.in_(list(allowed))).execute())
        if not changed:
            raise StateError("hold.not_allowed", ref=order.ref,
                             status=i18n.tr(f"status.{Order.get_by_id(order.id).status}"))
        log_event(kind, order=order, station=station, packer=by, reason=reason)
    return Order.get_by_id(order.id)


i18n.register({
    "hold.risk": ("risque {level} selon la boutique", "risk {level} according to the shop"),
    "hold.country": ("pays de facturation {billing} différent du pays de livraison {shipping}",
                     "billing country {billing} differs from shipping country {shipping}"),
    "hold.total": ("montant {total} {currency} au-dessus de {limit} {currency}",
                   "total {total} {currency} above {limit} {currency}"),
    "hold.first_express": ("première commande du client, en express", "customer's first order, express"),
    "hold.deny_email": ("adresse e-mail {email} sur la liste noire", "e-mail {email} on the deny list"),
    "hold.deny_address": ("adresse de livraison sur la liste noire", "shipping address on the deny list"),
    "hold.reason_needed": ("Indiquez une raison.", "Give a reason."),
    "hold.name_needed": ("Indiquez votre nom.", "Give your name."),
    "hold.not_allowed": ("La commande {ref} est {status} : impossible ici.",
                         "Order {ref} is {status}: not possible here."),
})
