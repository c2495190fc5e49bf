"""Holds against card fraud, set at import from the shop's rules.

Each rule looks at an imported order and says why it must wait for a person, or None:
its reason is a message (:class:`~packstation.core.i18n.Message`) kept as key and
parameters in ``Order.hold_messages``, so that :func:`hold_reason_text` shows it in the
reader's language; ``hold_reason`` keeps the text of the import as well, and a hold typed
by a person (and every hold before schema 6) is that text only, shown as written.
A held order has status ``on_hold``; it cannot be opened at the
table; releasing or cancelling it needs a reason and a name, and leaves an event.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from peewee import fn

from packstation.core import i18n
from packstation.core.carriers import CarrierSchedule, fold, match_carrier
from packstation.core.errors import InputError, StateError
from packstation.core.i18n import Message
from packstation.db import atomic
from packstation.db.models import Order, OrderStatus, utcnow
from packstation.db.queries import log_event
from packstation.io.model import PAYMENT_AWAITING, ImportedOrder
from packstation.services.carriers import load_schedules
from packstation.services.importing import HoldRule
from packstation.services.settings import HoldSettings, hold_settings

_NOT_WORD = re.compile(r"[\W_]+")


def hold_rules(settings: HoldSettings | None = None) -> list[HoldRule]:
    """The fraud checks the Importer runs on each new or updated order.

    ``settings`` defaults to the shop's stored ones. Raises :class:`InputError` for a
    setting that cannot be applied (a hold amount that is no amount).
    """
    settings = settings or hold_settings()
    rules: list[HoldRule] = []
    levels = {level.strip().lower() for level in settings.hold_risk_levels if level.strip()}
    if levels:
        rules.append(lambda order, previous: Message("hold.risk", level=_risk_level(order.risk))
                     if order.risk.lower() in levels else None)
    if settings.hold_country_mismatch:
        rules.append(lambda order, previous: Message(
            "hold.country", billing=order.billing_country, shipping=order.address.country)
            if order.billing_country and order.address.country
            and order.billing_country.upper() != order.address.country.upper() else None)
    if str(settings.hold_total_above or "").strip():
        limit = _total_limit(settings.hold_total_above)
        currency = (settings.hold_total_currency or "EUR").strip().upper()
        # Only orders in the limit's currency are compared: no exchange rate is guessed.
        rules.append(lambda order, previous: Message(
            "hold.total", total=str(order.total), limit=str(limit), currency=currency)
            if order.total is not None and (order.currency or "EUR").upper() == currency
            and order.total > limit else None)
    if settings.hold_awaiting_payment:
        rules.append(lambda order, previous: Message("hold.awaiting_payment")
                     if order.payment == PAYMENT_AWAITING else None)
    if settings.hold_first_order_express:
        rules.append(_FirstOrderExpress())
    denied_emails = {email.strip().lower() for email in settings.deny_emails if email.strip()}
    if denied_emails:
        rules.append(lambda order, previous: Message("hold.deny_email", email=order.address.email)
                     if order.address.email.strip().lower() in denied_emails else None)
    denied_addresses = [_fold(address) for address in settings.deny_addresses if address.strip()]
    if denied_addresses:
        rules.append(lambda order, previous: Message("hold.deny_address")
                     if any(denied in _fold(f"{order.address.address1} {order.address.address2} "
                                            f"{order.address.postcode} {order.address.city}")
                            for denied in denied_addresses) else None)
    return rules


def _fold(text: str) -> str:
    """An address compared loosely: no case, accents or punctuation ("12, Rue de l'Église"
    ~ "12 rue de l eglise"), so that a deny-list entry matches however it was typed."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def _total_limit(value: object) -> Decimal:
    """The amount above which an order is held; a limit that is no amount is refused
    rather than ignored, which would let every order through unchecked."""
    try:
        limit = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise InputError("hold.bad_total_limit", value=value) from None
    if not limit.is_finite() or limit < 0:
        raise InputError("hold.bad_total_limit", value=value)
    return limit


class _FirstOrderExpress:
    """A customer's first order (by e-mail, any case), with express shipping.

    A customer is known by an order placed before this one and not cancelled. "Before"
    is the order date, not the import: the orders of one file are all in the database
    when the rules run, and the older of two new orders from one customer is the first.
    Express is what the import decides: the service named "express", or a carrier that
    is express whatever the service (Chronopost), through the carriers' matching rules.
    The carriers are read once, at the first order that needs them.
    """

    def __init__(self) -> None:
        self._schedules: list[CarrierSchedule] | None = None

    def __call__(self, order: ImportedOrder, previous: Order | None) -> Message | None:
        email = order.address.email.strip().lower()
        if previous is not None or not email or not self._express(order):
            return None
        earlier = Order.select().where(
            (fn.LOWER(Order.email) == email) & (Order.ref != order.ref)
            & (Order.ordered_at < order.ordered_at) & (Order.status != OrderStatus.CANCELLED)).exists()
        return None if earlier else Message("hold.first_express")

    def _express(self, order: ImportedOrder) -> bool:
        service = (order.service or "standard").lower()
        if service == "express":
            return True
        if self._schedules is None:
            self._schedules = list(load_schedules().values())
        schedule = match_carrier(self._schedules, order.carrier) if order.carrier else None
        return bool(schedule and schedule.is_express(service))


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
                                hold_reason=reason if kind == "held" else "", hold_messages=None)
                   .where((Order.id == order.id) & Order.status.in_(list(allowed))).execute())
        if not changed:
            raise StateError("hold.not_allowed", ref=order.ref,
                             status=i18n.tr(f"status.{Order.get_by_id(order.id).status}"))
        log_event(kind, order=order, station=station, packer=by, reason=reason)
    return Order.get_by_id(order.id)


def risk_level_text(level: str) -> str:
    """A shop's risk level in the current language ("high" reads "élevé"); unknown ones as given."""
    return str(_risk_level(level))


def _risk_level(level: str) -> Message | str:
    known = level.strip().lower()
    return Message(f"hold.risk_level.{known}") if known in _RISK_LEVELS else level


def hold_reason_text(order: Order, lang: str | None = None) -> str:
    """Why the order is held, in ``lang`` (default: the current language)."""
    return reason_text(order.hold_reason, order.hold_messages, lang)


def reason_text(text: str, messages: list | None, lang: str | None = None) -> str:
    """A hold reason from its stored parts: the rules' messages in ``lang`` when there are
    some, else the text as it was written (a person's words, a hold before schema 6, or a
    message this version does not know)."""
    if messages:
        try:
            return "; ".join(Message.from_json(message).text(lang) for message in messages)
        except (KeyError, TypeError, ValueError, IndexError):
            pass
    return text or ""


def event_reason_text(kind: str, reason: str, data: dict | None, lang: str | None = None) -> str:
    """An event's reason for a reader: a rule's hold (its messages in the event's data) in
    ``lang``; any other reason as it was written."""
    if kind == "held" and data and data.get("hold_messages"):
        return reason_text(reason, data["hold_messages"], lang)
    return reason


def hold_reason_keys(order: Order) -> list[str]:
    """The message keys of a rule's hold, for scripts (``order --json``); none for a person's."""
    return [message.get("key", "") for message in order.hold_messages or () if isinstance(message, dict)]


_RISK_LEVELS = {"low", "medium", "high", "elevated"}


i18n.register({
    "hold.risk_level.low": ("faible", "low"),
    "hold.risk_level.medium": ("moyen", "medium"),
    "hold.risk_level.high": ("élevé", "high"),
    "hold.risk_level.elevated": ("élevé", "elevated"),
    "hold.risk": ("risque {level} selon la boutique", "{level} risk according to the shop"),
    "hold.country": ("pays de facturation {billing} différent du pays de livraison {shipping}",
                     "billing country {billing} differs from shipping country {shipping}"),
    "hold.total": ("montant {total} {currency} au-dessus de {limit} {currency}",
                   "total {total} {currency} above {limit} {currency}"),
    "hold.awaiting_payment": ("paiement en attente selon la boutique",
                              "payment awaited according to the shop"),
    "hold.first_express": ("première commande du client, en express", "customer's first order, express"),
    "hold.deny_email": ("adresse e-mail {email} sur la liste noire", "e-mail {email} on the deny list"),
    "hold.deny_address": ("adresse de livraison sur la liste noire", "shipping address on the deny list"),
    "hold.bad_total_limit": ("Montant de blocage « {value} » invalide dans les réglages anti-fraude : "
                             "indiquez un montant, par exemple 500.",
                             "Hold amount “{value}” in the fraud settings is not an amount: "
                             "give one, for example 500."),
    "hold.reason_needed": ("Indiquez une raison.", "Give a reason."),
    "hold.name_needed": ("Indiquez votre nom.", "Give your name."),
    "hold.not_allowed": ("La commande {ref} est {status} : impossible ici.",
                         "Order {ref} is {status}: not possible here."),
})
