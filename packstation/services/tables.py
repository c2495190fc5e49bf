"""Several packing tables on one database: who holds which order, and taking over.

An order is claimed by one table atomically when it is opened (see
:class:`~packstation.services.packing.PackingStation`); the claim carries the table's
name and a heartbeat, refreshed by every counted item and, while a table sits idle, by
:func:`touch` (the window calls it every :data:`TOUCH_INTERVAL`). A claim whose heartbeat
is older than :data:`STALE_AFTER` belongs to a table that stopped — crashed, switched
off, cut from the network. Such an order is not released by itself (the parcel may be
half packed on that table); a packer takes it over explicitly with :func:`take_over`,
after confirming what :func:`check_take_over` describes, and then opens it as usual: it
resumes where the other table left it. The other tables show who packs what with
:func:`claims` and :func:`claim_text`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import peewee

from packstation.core import i18n
from packstation.core.errors import StateError
from packstation.core.pickups import format_duration
from packstation.db import atomic
from packstation.db.database import database
from packstation.db.models import Order, OrderStatus, Station, utcnow
from packstation.db.queries import log_event
from packstation.services.orders import get_order

#: A claim whose heartbeat is older than this may be taken over by another table.
STALE_AFTER = dt.timedelta(minutes=5)
#: How often an idle table should call :func:`touch` (well under :data:`STALE_AFTER`).
TOUCH_INTERVAL = dt.timedelta(seconds=30)


class Claim(NamedTuple):
    """Which table holds an order being packed, its last sign of life, and whether that
    is so old that the order may be taken over."""

    station: str
    heartbeat_at: dt.datetime | None
    stale: bool


@dataclass(frozen=True)
class TakeOver:
    """An order a table stopped packing, as the confirmation shows it and the log keeps it."""

    ref: str
    order_id: int
    previous_station: str
    previous_packer: str
    idle: dt.timedelta | None  # None: the claim never gave a sign of life

    def idle_text(self) -> str:
        return format_duration(self.idle.total_seconds()) if self.idle is not None else "?"


def is_stale(heartbeat_at: dt.datetime | None, now: dt.datetime,
             stale_after: dt.timedelta = STALE_AFTER) -> bool:
    """Whether a claim last seen at ``heartbeat_at`` counts as abandoned at ``now``."""
    return heartbeat_at is None or now - heartbeat_at > stale_after


def _last_sign_of_life(order: Order) -> dt.datetime | None:
    # Claims made before heartbeats existed carry only their claim time.
    return order.heartbeat_at or order.claimed_at


def claims(now: dt.datetime | None = None, *,
           stale_after: dt.timedelta = STALE_AFTER) -> dict[int, Claim]:
    """Every order being packed: order id -> (station, heartbeat, stale)."""
    now = now or utcnow()
    query = (Order.select(Order.id, Order.claimed_station, Order.claimed_at, Order.heartbeat_at)
             .where(Order.status == OrderStatus.PACKING))
    return {order.id: claim_of(order, now, stale_after) for order in query}


def claim_of(order: Order, now: dt.datetime | None = None,
             stale_after: dt.timedelta = STALE_AFTER) -> Claim:
    """The claim on one order being packed."""
    heartbeat = _last_sign_of_life(order)
    return Claim(order.claimed_station or "?", heartbeat,
                 is_stale(heartbeat, now or utcnow(), stale_after))


def claim_idle_text(claim: Claim, now: dt.datetime | None = None) -> str:
    """How long the claiming table has been silent, as a packer reads it ("12 min")."""
    if claim.heartbeat_at is None:
        return "?"
    return format_duration(((now or utcnow()) - claim.heartbeat_at).total_seconds())


def claim_text(claim: Claim, now: dt.datetime | None = None) -> str:
    """What another table shows for an order: "en préparation à Table 2", and for a
    stale claim "… — aucune activité depuis 12 min"."""
    if not claim.stale:
        return i18n.tr("tables.packing_at", station=claim.station)
    return i18n.tr("tables.packing_at_stale", station=claim.station,
                   idle=claim_idle_text(claim, now))


def touch(station: str, packer: str = "", *, now: dt.datetime | None = None) -> list[str]:
    """A sign of life from an idle table: its ``Station`` row and the heartbeat of the
    orders it holds. Returns the refs it holds, so that a window whose order was taken
    over while it was away can tell (its open order is no longer in the list).
    """
    now = now or utcnow()
    with atomic():
        (Station.insert(name=station, last_seen=now, packer=packer)
         .on_conflict(conflict_target=[Station.name],
                      update={Station.last_seen: now, Station.packer: packer})
         .execute())
        held = [ref for (ref,) in Order.select(Order.ref).where(
            (Order.status == OrderStatus.PACKING) & (Order.claimed_station == station)).tuples()]
        # Only when there is something to refresh: an empty UPDATE would still tell every
        # other table (statement triggers) that the orders changed.
        if held:
            Order.update(heartbeat_at=now).where(
                (Order.status == OrderStatus.PACKING) & (Order.claimed_station == station)).execute()
    return held


def check_take_over(ref: str, station: str, *, now: dt.datetime | None = None,
                    stale_after: dt.timedelta = STALE_AFTER) -> TakeOver:
    """What taking ``ref`` over would do, for the confirmation; raises when it may not.

    Refused: an order nobody packs, one this table already holds, and one whose table
    gave a sign of life within ``stale_after`` (its packer is probably at it).
    """
    now = now or utcnow()
    return _takeable(get_order(ref), station, now, stale_after)


def take_over(ref: str, station: str, packer: str = "", *, confirm: bool = False,
              now: dt.datetime | None = None, stale_after: dt.timedelta = STALE_AFTER) -> TakeOver:
    """Move a stale claim to ``station`` in one transaction and log "taken_over".

    ``confirm`` must be True: the packer has seen what :func:`check_take_over` returned
    and agreed. The verified counts stay; open the order afterwards to resume it. If the
    old table comes back, its next scan is refused ("being packed at …").
    """
    now = now or utcnow()
    with atomic():
        order = get_order(ref)
        plan = _takeable(order, station, now, stale_after)
        if not confirm:
            raise StateError("tables.confirm_take_over", ref=plan.ref, station=plan.previous_station,
                             idle=plan.idle_text())
        # The guard repeats the check in the statement itself, so that of two tables
        # taking over at once, or of a taker and a table coming back to life, one wins.
        cutoff = now - stale_after
        silent = (Order.heartbeat_at.is_null()
                  & (Order.claimed_at.is_null() | (Order.claimed_at < cutoff))) \
            | (Order.heartbeat_at < cutoff)
        moved = (Order.update(claimed_station=station, claimed_packer=packer, claimed_at=now,
                              heartbeat_at=now, updated_at=now)
                 .where((Order.id == order.id) & (Order.status == OrderStatus.PACKING)
                        & (Order.claimed_station == plan.previous_station) & silent)
                 .execute())
        if moved != 1:
            current = Order.get_by_id(order.id)
            raise StateError("tables.claim_moved", ref=plan.ref,
                             station=current.claimed_station or i18n.tr(f"status.{current.status}"))
        log_event("taken_over", order=order, station=station, packer=packer,
                  reason=i18n.tr("tables.taken_over_reason", station=plan.previous_station),
                  data={"previous_station": plan.previous_station,
                        "previous_packer": plan.previous_packer,
                        "idle_seconds": round(plan.idle.total_seconds()) if plan.idle else None})
    return plan


def _takeable(order: Order, station: str, now: dt.datetime,
              stale_after: dt.timedelta) -> TakeOver:
    if order.status != OrderStatus.PACKING:
        raise StateError("tables.not_packing", ref=order.ref, status=i18n.tr(f"status.{order.status}"))
    if order.claimed_station == station:
        raise StateError("tables.already_yours", ref=order.ref)
    last_seen = _last_sign_of_life(order)
    idle = now - last_seen if last_seen else None
    if not is_stale(last_seen, now, stale_after):
        raise StateError("tables.claim_fresh", ref=order.ref, station=order.claimed_station,
                         idle=format_duration(idle.total_seconds()),
                         limit=format_duration(stale_after.total_seconds()))
    return TakeOver(ref=order.ref, order_id=order.id, previous_station=order.claimed_station or "",
                    previous_packer=order.claimed_packer or "", idle=idle)


def check_connection() -> bool:
    """Whether the database answers now: for the window's "connection lost" banner,
    which retries with this until it comes back (the next query reconnects)."""
    try:
        database.execute_sql("SELECT 1").fetchone()
    except (peewee.OperationalError, peewee.InterfaceError):
        return False
    return True


i18n.register({
    "tables.packing_at": ("en préparation à {station}", "packing at {station}"),
    "tables.packing_at_stale": ("en préparation à {station} — aucune activité depuis {idle}",
                                "packing at {station} — no activity for {idle}"),
    "tables.not_packing": ("La commande {ref} n'est en préparation sur aucun poste ({status}) : "
                           "il n'y a rien à reprendre.",
                           "Order {ref} is not being packed at any table ({status}): "
                           "there is nothing to take over."),
    "tables.already_yours": ("La commande {ref} est déjà à ce poste : scannez-la pour la reprendre.",
                             "Order {ref} is already at this table: scan it to resume."),
    "tables.claim_fresh": ("La commande {ref} est en préparation à {station}, dernière activité il y a "
                           "{idle} : on ne reprend qu'une commande sans activité depuis plus de "
                           "{limit}. Voyez avec ce poste.",
                           "Order {ref} is being packed at {station}, last active {idle} ago: only an "
                           "order with no activity for more than {limit} can be taken over. "
                           "Check with that table."),
    "tables.confirm_take_over": ("Confirmez la reprise de {ref}, sans activité à {station} depuis {idle}.",
                                 "Confirm taking over {ref}, with no activity at {station} for {idle}."),
    "tables.claim_moved": ("La commande {ref} vient de changer de main ({station}) : rien n'a été repris.",
                           "Order {ref} has just changed hands ({station}): nothing was taken over."),
    "tables.taken_over_reason": ("reprise de {station}, sans activité",
                                  "taken over from {station}, no activity"),
})
