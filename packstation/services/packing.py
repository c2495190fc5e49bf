"""The packing flow of one station, shared by the window and ``packstation scan``.

A :class:`PackingStation` takes every scan (or command) and answers it at once with a
:class:`ScanAnswer`: what happened, a tone and a message saying what to do next. Every
scan is stored as it happens, in the same transaction as its effect, so a station that
crashes mid-order resumes it exactly where it stopped. An order is claimed for this
station atomically: two stations never hold the same order.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Protocol

import peewee

from packstation.core import i18n
from packstation.core.commands import Command, command_for
from packstation.core.errors import PackstationError
from packstation.core.packing import (
    DEFAULT_PACKAGING_G, LineState, Outcome, Tone, all_verified, match_item,
    next_line_without_barcode, parcel_weight, parse_weight,
)
from packstation.core.scan import Scan, ScanKind, normalise
from packstation.db import atomic
from packstation.db.models import (
    CarrierLabel, Order, OrderLine, OrderStatus, Packer, Parcel, Product, ScanRecord, Shipment,
    needs_label, utcnow,
)
from packstation.db.queries import find_order, line_states, log_event, product_for_code

log = logging.getLogger(__name__)
# The quantity key: a number typed, then "*" (the keypad's), e.g. "23*"; or ":qty 23".
_QUANTITY = re.compile(r"^(?:(?P<count>\d{1,4})\s*[*×]|:(?:qty|quantite|quantité)\s+(?P<typed>\S+))$",
                       re.IGNORECASE)

#: A scanner line longer than this is no barcode: it is answered "unknown code" unread.
MAX_SCAN_CHARS = 200


def guarded(action: Callable[..., ScanAnswer | None]) -> Callable[..., ScanAnswer | None]:
    """Make a public station action answer database errors instead of raising them.

    Only the outermost action guards (``handle`` calls ``open_order`` which may call
    ``complete``): the error ends its whole transaction, and the packer hears one answer.
    Each outermost action also gets a scan id before any transaction starts, stored with
    the scans it records, so that one whose answer was lost with the connection is
    recognised when the packer scans again (see :meth:`PackingStation._guarded`).
    """

    @functools.wraps(action)
    def run(self: "PackingStation", *args, **kwargs):
        if self._acting:
            return action(self, *args, **kwargs)
        self._acting = True
        try:
            raw = args[0] if args and isinstance(args[0], str) else action.__name__
            answer = self._guarded(raw, lambda: action(self, *args, **kwargs))
            return self._then_open_next(answer)
        finally:
            self._acting = False

    return run


class DocumentPrinter(Protocol):
    """What the station needs from the printing side (see services.printing)."""

    def queue_documents(self, order_id: int, kinds: tuple[str, ...], *, station: str,
                        reprint: bool = False) -> list[dict]:
        """Store the documents' print jobs inside the caller's transaction."""
        ...

    def wake(self) -> None:
        """The stored jobs are committed: deliver them (off the scan path)."""
        ...

    def print_order_documents(self, order_id: int, kinds: tuple[str, ...], *, station: str,
                              reprint: bool = False) -> list[dict]: ...

    # Optional: ``prepare(order_id)``, an order was opened (its documents may be drawn ahead).


@dataclass
class ScanAnswer:
    """The answer to one scan: enough for a beep, a colour and a sentence."""

    outcome: Outcome
    message: str
    order: str | None = None
    line: LineState | None = None
    units: int = 0
    tracking: str | None = None
    weight_g: int | None = None
    documents: list[dict] = field(default_factory=list)
    # After a completion: the answer of the next order opened at once (open_next).
    following: "ScanAnswer | None" = None

    @property
    def ok(self) -> bool:
        return self.outcome.ok

    @property
    def tone(self) -> Tone:
        return self.outcome.tone

    def to_json(self) -> dict:
        data: dict = {
            "ok": self.ok,
            "outcome": self.outcome.code,
            "tone": self.tone.value,
            "order": self.order,
            "message": self.message,
        }
        if self.line is not None:
            data["line"] = {"sku": self.line.sku, "name": self.line.name,
                            "verified": self.line.verified, "quantity": self.line.quantity}
        if self.units:
            data["units"] = self.units
        if self.tracking:
            data["tracking"] = self.tracking
        if self.weight_g is not None:
            data["weight_g"] = self.weight_g
        if self.documents:
            data["documents"] = self.documents
        if self.following is not None:
            data["next"] = self.following.to_json()
        return data


class PackingStation:
    """One packing table: its open order, its packer, and the flow between scans."""

    def __init__(self, station: str, packer: str = "", *, ask_weight: bool = False,
                 packaging_g: int = DEFAULT_PACKAGING_G, printer: DocumentPrinter | None = None,
                 clock: Callable[[], dt.datetime] = utcnow,
                 blocked_reason: Callable[[Order], str | None] | None = None,
                 open_next: bool = False, require_packer: bool = False) -> None:
        self.station = station
        self.packer = packer
        self.ask_weight = ask_weight
        self.packaging_g = packaging_g
        self.printer = printer
        self.clock = clock
        # Rules that keep a pending order from being opened (stock shortages), or None.
        self.blocked_reason = blocked_reason
        # The shop's setting: no order opens before a packer has logged in.
        self.require_packer = require_packer
        self.order_id: int | None = None
        self.last_unknown_code: str | None = None  # for ":link", a code nothing knows
        self.order_ref: str | None = None
        self.lines: list[LineState] = []
        self.awaiting_weight = False
        self.last_completed_id: int | None = None
        # Until the first item scan of the next order, "reprint" means the order just packed.
        self.just_completed = False
        # After PSC02 without a reason: the next reason code (or typed reason) abandons.
        self.abandon_pending = False
        # A typed weight far from the computed one, waiting to be typed again to confirm.
        self.weight_to_confirm: int | None = None
        # "23*" typed before a scan: that scan counts 23 units (a big order, one scan).
        self.quantity: int | None = None
        # Set when a change may or may not have reached the database (see handle()).
        self.memory_in_doubt = False
        # Open the most urgent ready order as soon as one is complete (the station file's
        # ``open_next``): the window and ``packstation scan`` then behave alike.
        self.open_next_after_completion = open_next
        self._acting = False           # inside a guarded action (see guarded())
        self._scan_id: str | None = None
        # The scan whose transaction failed at its commit (id, raw text): it may have
        # been stored; the next scan finds out before counting anything again.
        self._unsure_scan: tuple[str, str] | None = None
        # The order whose completion could not be stored: it stays open, and is not
        # completed again behind the packer's back at every scan (they retry with F4).
        self._completion_failed_id: int | None = None
        self._suggested_id: int | None = None  # opened by itself after a completion

    # -- state ---------------------------------------------------------------------

    @property
    def has_order(self) -> bool:
        return self.order_id is not None

    def computed_weight(self) -> int:
        """The computed weight of the parcel on the table: the whole order, or after a
        split (see :meth:`close_parcel`) the items not in a closed parcel."""
        lines = list(OrderLine.select(OrderLine.id, OrderLine.weight_g, OrderLine.quantity)
                     .where(OrderLine.order == self.order_id))
        packed = _packed_units(self.order_id)
        if not packed:
            return parcel_weight(lines, self.packaging_g)
        return self._units_weight(lines, {line.id: line.quantity - packed[line.id] for line in lines})

    def _units_weight(self, lines: list[OrderLine], units: dict[int, int]) -> int:
        return self.packaging_g + sum((line.weight_g or 0) * units.get(line.id, 0) for line in lines)

    def _load(self, order: Order) -> None:
        self.order_id, self.order_ref = order.id, order.ref
        self.lines = line_states(order.id)
        self.awaiting_weight = self.ask_weight and all_verified(self.lines)
        prepare = getattr(self.printer, "prepare", None)
        if prepare is not None:
            prepare(order.id)  # its documents drawn ahead while it is packed (off this thread)

    def _clear(self) -> None:
        self.order_id = self.order_ref = None
        self.last_unknown_code = None
        self.lines = []
        self.awaiting_weight = False
        self._suggested_id = None

    @guarded
    def resume(self) -> ScanAnswer | None:
        """Reopen the order this station was packing when it stopped, if any."""
        order = (Order.select().where((Order.status == OrderStatus.PACKING)
                                      & (Order.claimed_station == self.station))
                 .order_by(Order.claimed_at.desc()).first())
        if order is None:
            return None
        self._load(order)
        with atomic():
            log_event("resumed", at=self.clock(), order=order, station=self.station, packer=self.packer)
        if all_verified(self.lines) and not self.ask_weight:
            return self._complete(None)
        left = sum(line.remaining for line in self.lines)
        closed = Parcel.select().where(Parcel.order == order.id).count()
        if closed:  # split before the stop: its closed parcels are kept, the next goes on
            return self._answer(Outcome.ORDER_RESUMED, "pack.order_resumed_split", ref=order.ref,
                                left=left, closed=closed, current=closed + 1)
        return self._answer(Outcome.ORDER_RESUMED, "pack.order_resumed", ref=order.ref, left=left)

    # -- the one entry point for scans -----------------------------------------------

    @guarded
    def handle(self, raw: str) -> ScanAnswer:
        """Answer one scan or typed command. Never raises for a packer's mistake.

        The line is untrusted (a scanner in a wrong mode, a cat on the keyboard): control
        characters (NUL, escape sequences) never reach the database, and a line longer
        than any barcode is answered "unknown code" without being looked up.
        """
        raw = "".join(char for char in raw if char >= " " and char != "\x7f")
        if len(raw) > MAX_SCAN_CHARS:
            shown = raw.strip()[:40] + "…"
            with atomic():
                return self._record(Scan(raw[:500], ScanKind.TEXT, shown), Outcome.UNKNOWN_CODE,
                                    "pack.unknown_code", code=shown)
        return self._handle(raw)

    @guarded
    def heartbeat(self) -> ScanAnswer | None:
        """A sign of life while the table is idle (see services.tables.touch): its claim
        is not taken for abandoned. Returns an answer only when there is news: the open
        order was taken over by another table meanwhile."""
        from packstation.services import tables

        held = tables.touch(self.station, self.packer, now=self.clock())
        if self.has_order and self.order_ref not in held:
            # Said once now; the next scan finds the order gone and lets it go.
            return self._answer(Outcome.ORDER_TAKEN, "pack.taken_while_idle", ref=self.order_ref)
        return None

    def _guarded(self, raw: str, action: Callable[[], ScanAnswer | None]) -> ScanAnswer | None:
        """Run ``action``, turning errors a packer must see into a refusal.

        A database that is locked or gone refuses the scan as a whole: each change is one
        transaction, so it was either stored entirely or not at all — but this station's
        memory of the order may have moved on with it. The next scan therefore first
        reloads the order from the database (which reconnects), and believes only that;
        and when the refused scan had in fact been stored (only its answer was lost at
        the commit), the same scan again is answered with its count, not counted twice.
        """
        scan_id = uuid.uuid4().hex  # before any transaction: it names this scan's rows
        self._scan_id = scan_id
        try:
            # A heartbeat does not catch up: the packer's next scan must find the unsure one.
            if self.memory_in_doubt and raw != "heartbeat":
                caught_up = self._catch_up_after_connection_loss(raw)
                if caught_up is not None:
                    return caught_up
            return action()
        except PackstationError as error:
            return self._answer(Outcome.FAILED, "pack.failed", error=error.message)
        except peewee.IntegrityError as error:
            # A rule of the database refused the change (a tracking number already used...):
            # nothing was stored; say it once, keep the order open as the database has it.
            log.error("change refused by the database on %r: %s", raw, error)
            failed_completion = self.order_id if self.has_order and all_verified(self.lines) else None
            try:
                self._reload_after_refusal()
            except peewee.PeeweeException:  # gone meanwhile: the next scan reloads
                self.memory_in_doubt = True
            if failed_completion is not None and self.order_id == failed_completion:
                self._completion_failed_id = failed_completion
                return self._answer(Outcome.FAILED, "pack.completion_failed", ref=self.order_ref,
                                    reason=_first_line(error))
            return self._answer(Outcome.FAILED, "pack.failed",
                                error=i18n.tr("db.refused", reason=_first_line(error)))
        except (peewee.OperationalError, peewee.InterfaceError) as error:
            log.warning("database error on scan %r: %s", raw, error)
            self.memory_in_doubt = True
            self._unsure_scan = (scan_id, raw)
            # Contention (SQLite's lock, PostgreSQL's deadlock or lock timeout) is "busy";
            # anything else is a connection that is gone.
            busy = isinstance(error, peewee.OperationalError) and any(
                word in str(error).lower() for word in ("locked", "deadlock", "lock timeout"))
            key = "db.locked" if busy else _database_trouble(error)
            return self._answer(Outcome.FAILED, "pack.failed",
                                error=i18n.tr(key, reason=_first_line(error)))
        except peewee.DatabaseError as error:  # a damaged file, a failing disk
            log.error("database error on %r: %s", raw, error)
            self.memory_in_doubt = True
            return self._answer(Outcome.FAILED, "pack.failed",
                                error=i18n.tr("db.damaged_now", reason=_first_line(error)))
        except Exception:  # noqa: BLE001 — a bug must not end the station: log it, go on
            log.exception("unexpected error on %r", raw)
            self.memory_in_doubt = True
            return self._answer(Outcome.FAILED, "pack.failed", error=i18n.tr("pack.unexpected"))

    def _reload_after_refusal(self) -> None:
        """After a change the database refused (rolled back): believe the database again."""
        order = Order.get_or_none(Order.id == self.order_id) if self.order_id else None
        if order is None or order.status != OrderStatus.PACKING or order.claimed_station != self.station:
            self._clear()
        else:
            self._load(order)
            self.awaiting_weight = False

    def _then_open_next(self, answer: ScanAnswer | None) -> ScanAnswer | None:
        """After a completion, open the next ready order when the station file says so;
        its answer rides along (``answer.following``)."""
        if answer is None or answer.outcome is not Outcome.ORDER_COMPLETE \
                or not self.open_next_after_completion or self.has_order:
            return answer
        self._acting = False  # open_next is an action of its own, guarded on its own
        try:
            answer.following = self.open_next()
        finally:
            self._acting = True
        if answer.following is not None and answer.following.outcome is Outcome.ORDER_OPENED:
            self._suggested_id = self.order_id
        return answer

    def _catch_up_after_connection_loss(self, raw: str = "") -> ScanAnswer | None:
        """Reload the open order as the database has it; finish it if it only lacked that.

        Returns an answer when catching up is itself the news (the order completes now, or
        the scan ``raw`` repeats one that was stored although its answer was lost), else
        None and the scan is handled as usual.
        """
        unsure, self._unsure_scan = self._unsure_scan, None
        stored = None
        if unsure is not None:
            stored = (ScanRecord.select().where(ScanRecord.scan_id == unsure[0])
                      .order_by(ScanRecord.id.desc()).first())
        if self.order_id is not None:
            order = Order.get_or_none(Order.id == self.order_id)
        else:  # a claim may have been stored although its answer was lost
            order = (Order.select().where((Order.status == OrderStatus.PACKING)
                                          & (Order.claimed_station == self.station))
                     .order_by(Order.claimed_at.desc()).first())
        self.memory_in_doubt = False
        if order is None or order.status != OrderStatus.PACKING \
                or order.claimed_station != self.station:
            shipment = None
            if order is not None and order.status == OrderStatus.PACKED:
                shipment = Shipment.get_or_none((Shipment.order == order.id)
                                                & (Shipment.station == self.station))
            if shipment is not None:
                self.last_completed_id = order.id  # completed here; only the answer was lost
            self._clear()
            if shipment is not None and stored is not None and unsure is not None and unsure[1] == raw:
                return self._answer(Outcome.ORDER_COMPLETE, "pack.order_complete", ref=order.ref,
                                    tracking=shipment.tracking, weight=shipment.weight_g,
                                    order_ref=order.ref, weight_g=shipment.weight_g)
            return None
        self._load(order)
        if all_verified(self.lines) and not self.ask_weight \
                and self._completion_failed_id != order.id:
            # The last item was stored but not the completion: complete it now, once.
            return self._complete(None)
        if stored is not None and unsure is not None and unsure[1] == raw:
            return self._counted_before(stored)
        return None

    def _counted_before(self, stored: ScanRecord) -> ScanAnswer | None:
        """The answer to a scan repeated because the first one's answer was lost: it was
        stored, so it is not counted again — the packer hears its count."""
        if stored.outcome not in (Outcome.VERIFIED.code, Outcome.CONFIRMED.code):
            return None  # nothing was counted: handling it again is harmless
        line = next((line for line in self.lines if line.id == stored.line_id), None)
        if line is None:
            return None
        with atomic():
            ScanRecord.create(at=self.clock(), station=self.station, packer=self.packer,
                              order=self.order_id, line=line.id, raw=stored.raw, code=stored.code,
                              outcome="counted_before", units=0, scan_id=self._scan_id)
        return self._answer(Outcome.VERIFIED, "pack.counted_before", line=line, name=line.name,
                            verified=line.verified, quantity=line.quantity)

    def _handle(self, raw: str) -> ScanAnswer:
        text = raw.strip()
        quantity, self.quantity = self.quantity, None
        typed_quantity = _QUANTITY.match(text)
        if typed_quantity:
            return self.set_quantity(typed_quantity["count"] or typed_quantity["typed"])
        if text.startswith(":"):
            return self._typed_command(text[1:])
        scan = normalise(raw)
        if scan.kind is ScanKind.EMPTY:
            return self._answer(Outcome.EMPTY, "pack.empty")
        command = command_for(scan.candidates) if scan.kind is ScanKind.TEXT else None
        pending, self.abandon_pending = self.abandon_pending, False
        if command is not None:
            if command.reason is not None:
                return self.abandon(command.reason)
            return self.run_command(command)
        if pending and self.has_order and scan.kind is ScanKind.TEXT \
                and find_order(scan.candidates) is None and product_for_code(scan.candidates) is None \
                and not Packer.select().where(Packer.badge.in_(scan.candidates)).exists():
            return self.abandon(raw)  # the reason typed after PSC02
        if scan.kind is ScanKind.TEXT:
            packer = Packer.get_or_none((Packer.badge.in_(scan.candidates)) & (Packer.active == True))  # noqa: E712
            if packer is not None:
                return self.set_packer(packer.name, raw=raw)
        if self.awaiting_weight:
            grams = parse_weight(scan.text)
            if grams is None:
                return self._record(scan, Outcome.BAD_WEIGHT, "pack.bad_weight", text=scan.text)
            return self.complete(grams)
        if not self.has_order:
            return self.open_order(scan)
        return self._item(scan, quantity or 1)

    def set_quantity(self, text: str) -> ScanAnswer:
        """The quantity key: ``23*`` (or ``:qty 23``), then one scan of the item counts 23."""
        count = int(text) if text.isdigit() else 0
        if not self.has_order:
            return self._answer(Outcome.NO_ORDER, "pack.no_order")
        if not 2 <= count <= 999:
            return self._answer(Outcome.UNKNOWN_CODE, "pack.bad_quantity", text=text)
        self.quantity = count
        return self._answer(Outcome.QUANTITY_SET, "pack.quantity_set", count=count)

    def _typed_command(self, text: str) -> ScanAnswer:
        word, _, rest = text.strip().partition(" ")
        word = word.lower()
        rest = rest.strip()
        if word in ("confirm", "ok"):
            return self.confirm_without_barcode()
        if word == "link":
            return self.link_last_unknown_code(by=rest)
        if word == "abandon":
            return self.abandon(rest)
        if word == "takeover" and rest:
            # Typing the command is the confirmation: the packer named the order.
            return self.take_over(rest, confirm=True)
        if word in ("parcel", "colis"):
            if not rest:
                return self.close_parcel(None)
            grams = parse_weight(rest)
            if grams is None:
                return self._answer(Outcome.BAD_WEIGHT, "pack.bad_weight", text=rest)
            return self.close_parcel(grams)
        if word == "weight":
            grams = parse_weight(rest)
            if grams is None:
                return self._answer(Outcome.BAD_WEIGHT, "pack.bad_weight", text=rest)
            return self.complete(grams) if all_verified(self.lines) and self.has_order else \
                self._answer(Outcome.BAD_WEIGHT, "pack.bad_weight", text=rest)
        if word == "packer":
            return self.set_packer(rest) if rest else self.logout()
        if word == "logout":
            return self.logout()
        if word == "next":
            return self.open_next()
        if word == "reprint":
            return self.reprint("slip" if rest.lower().startswith(("slip", "bon")) else "label")
        return self._answer(Outcome.UNKNOWN_CODE, "pack.unknown_code", code=":" + text)

    @guarded
    def run_command(self, command: Command, reason: str = "") -> ScanAnswer:
        if command is Command.CONFIRM:
            return self.confirm_without_barcode()
        if command is Command.ABANDON:
            return self.abandon(reason)
        if command is Command.REPRINT_LABEL:
            return self.reprint("label")
        if command is Command.REPRINT_SLIP:
            return self.reprint("slip")
        if command is Command.NEXT:
            return self.open_next()
        if command is Command.LOGOUT:
            return self.logout()
        if command is Command.PARCEL:
            return self.close_parcel(None)
        if command is Command.WEIGHT_OK:
            if self.has_order and all_verified(self.lines):
                return self.complete(None)
            if not self.has_order:
                return self._answer(Outcome.NO_ORDER, "pack.no_order")
            return self._answer(Outcome.BAD_WEIGHT, "pack.weight_not_yet",
                                left=sum(line.remaining for line in self.lines))
        raise AssertionError(command)

    # -- opening an order ------------------------------------------------------------

    @guarded
    def open_order(self, scan: Scan | str) -> ScanAnswer:
        """Claim and open the order a scan names (its ref, in any form the scanner typed)."""
        if isinstance(scan, str):
            scan = normalise(scan)
        if self.require_packer and not self.packer and not self.has_order:
            return self._answer(Outcome.PACKER_NEEDED, "pack.packer_needed")
        forms = scan.candidates or (scan.code,)
        with atomic():
            order = find_order(forms)
            if order is None:
                outcome, key = Outcome.ORDER_NOT_FOUND, "pack.order_not_found"
                if product_for_code((scan.code, *forms)) is not None:
                    outcome, key = Outcome.NO_ORDER, "pack.no_order"
                return self._record(scan, outcome, key, ref=scan.text)
            if self.has_order and self._suggested_id == self.order_id \
                    and not any(line.verified for line in self.lines):
                # The order opened by itself after the last completion is a suggestion:
                # the packer scanning an order's slip chooses that one instead.
                if order.id == self.order_id:
                    self._suggested_id = None
                    return self._record(scan, Outcome.ORDER_OPENED, "pack.order_opened", order=order,
                                        ref=order.ref, items=sum(line.quantity for line in self.lines))
                self._release_suggestion()
            if self.has_order:
                if order.id == self.order_id:
                    return self._record(scan, Outcome.ALREADY_OPEN, "pack.already_open",
                                        order=order, ref=order.ref)
                return self._record(scan, Outcome.OTHER_ORDER_OPEN, "pack.other_order_open",
                                    order=order, ref=order.ref, current=self.order_ref)
            refusal = self._refusal(order)
            if refusal is not None:
                outcome, key, params = refusal
                return self._record(scan, outcome, key, order=order, **params)
            if order.status == OrderStatus.PACKING:  # this station's own, left open
                self._load(order)
                left = sum(line.remaining for line in self.lines)
                return self._record(scan, Outcome.ORDER_RESUMED, "pack.order_resumed",
                                    order=order, ref=order.ref, left=left)
            now = self.clock()
            claimed = (Order.update(status=OrderStatus.PACKING, claimed_station=self.station,
                                    claimed_packer=self.packer, claimed_at=now, heartbeat_at=now,
                                    updated_at=now)
                       .where((Order.id == order.id) & (Order.status == OrderStatus.PENDING))
                       .execute())
            if claimed != 1:
                order = Order.get_by_id(order.id)
                outcome, key, params = self._refusal(order) or (
                    Outcome.ORDER_TAKEN, "pack.order_taken",
                    {"ref": order.ref, "station": order.claimed_station})
                return self._record(scan, outcome, key, order=order, **params)
            log_event("claimed", at=self.clock(), order=order, station=self.station, packer=self.packer)
            self._load(order)
            answer = self._record(scan, Outcome.ORDER_OPENED, "pack.order_opened", order=order,
                                  ref=order.ref, items=sum(line.quantity for line in self.lines))
        if not self.lines:  # an order with nothing to pack completes at once
            return self._after_verification(answer)
        return answer

    def _release_suggestion(self) -> None:
        """Give back the order opened by itself, untouched (inside the caller's transaction)."""
        Order.update(status=OrderStatus.PENDING, claimed_station=None, claimed_packer=None,
                     claimed_at=None, heartbeat_at=None, updated_at=self.clock()) \
            .where((Order.id == self.order_id) & (Order.status == OrderStatus.PACKING)
                   & (Order.claimed_station == self.station)).execute()
        log_event("released", at=self.clock(), order=self.order_id, station=self.station,
                  packer=self.packer, reason="another order scanned")
        self._clear()

    def _refusal(self, order: Order) -> tuple[Outcome, str, dict] | None:
        status = order.status
        if status == OrderStatus.PACKING and order.claimed_station != self.station:
            from packstation.services.tables import claim_idle_text, claim_of

            claim = claim_of(order, self.clock())
            if claim.stale:  # that table seems to have stopped: say it can be taken over
                return Outcome.ORDER_TAKEN, "pack.order_taken_stale", {
                    "ref": order.ref, "station": order.claimed_station,
                    "idle": claim_idle_text(claim, self.clock())}
            return Outcome.ORDER_TAKEN, "pack.order_taken", {"ref": order.ref,
                                                              "station": order.claimed_station}
        if status == OrderStatus.ON_HOLD:
            from packstation.services.holds import hold_reason_text

            return Outcome.ORDER_ON_HOLD, "pack.order_on_hold", {"ref": order.ref,
                                                                  "reason": hold_reason_text(order) or "?"}
        if status in (OrderStatus.PACKED, OrderStatus.SHIPPED):
            return Outcome.ORDER_ALREADY_PACKED, "pack.order_already_packed", {
                "ref": order.ref, "status": i18n.tr(f"status.{status}")}
        if status == OrderStatus.CANCELLED:
            return Outcome.ORDER_CANCELLED, "pack.order_cancelled", {"ref": order.ref}
        if status == OrderStatus.PENDING and self.blocked_reason is not None:
            missing = self.blocked_reason(order)
            if missing:
                return Outcome.ORDER_SHORT, "pack.order_short", {"ref": order.ref, "missing": missing}
        return None

    @guarded
    def take_over(self, ref: str, *, confirm: bool) -> ScanAnswer:
        """Take over an order that a stopped table left (after the packer confirmed what
        :func:`packstation.services.tables.check_take_over` showed), and resume it here
        with its verified counts."""
        from packstation.services import tables

        if self.has_order:
            return self._answer(Outcome.OTHER_ORDER_OPEN, "pack.other_order_open",
                                ref=ref, current=self.order_ref)
        tables.take_over(ref, self.station, self.packer, confirm=confirm, now=self.clock())
        return self.open_order(ref)

    @guarded
    def open_next(self) -> ScanAnswer:
        """Open the most urgent ready order of the queue."""
        from packstation.services.queue import ready_orders

        if self.has_order:
            return self._answer(Outcome.OTHER_ORDER_OPEN, "pack.finish_first", current=self.order_ref)
        if self.require_packer and not self.packer:
            return self._answer(Outcome.PACKER_NEEDED, "pack.packer_needed")
        # Orders short of stock are passed over without a scan row each: nobody scanned them.
        for offset in range(0, 2000, 50):
            batch = ready_orders(limit=50, offset=offset)
            for order in batch:
                if self.blocked_reason is not None and self.blocked_reason(order):
                    continue
                answer = self.open_order(order.ref)
                if answer.outcome in (Outcome.ORDER_OPENED, Outcome.ORDER_COMPLETE,
                                      Outcome.AWAITING_WEIGHT):
                    return answer
            if len(batch) < 50:
                break
        return self._answer(Outcome.QUEUE_EMPTY, "pack.queue_empty")

    # -- items -----------------------------------------------------------------------

    def _item(self, scan: Scan, quantity: int = 1) -> ScanAnswer:
        match = match_item(self.lines, scan)
        if match is None:
            return self._not_in_order(scan)
        line = match.line
        assert line is not None
        if quantity > 1 and match.outcome is Outcome.VERIFIED:
            units = quantity * match.units
            if units > line.remaining:
                with atomic():
                    return self._record(scan, Outcome.TOO_MANY, "pack.quantity_too_many", line=line,
                                        count=quantity, name=line.name, left=line.remaining)
            return self._verify(scan, line, units, manual=False, quantity=quantity)
        if match.outcome is Outcome.TOO_MANY:
            if match.units > 1 and line.remaining > 0:
                return self._record(scan, Outcome.TOO_MANY, "pack.too_many_pack", line=line,
                                    pack=match.units, left=line.remaining, name=line.name)
            return self._record(scan, Outcome.TOO_MANY, "pack.too_many", line=line,
                                name=line.name, verified=line.verified, quantity=line.quantity)
        return self._verify(scan, line, match.units, manual=False)

    def _not_in_order(self, scan: Scan) -> ScanAnswer:
        forms = (scan.code, *scan.candidates)
        with atomic():
            other = find_order(scan.candidates) if scan.kind is not ScanKind.GTIN else None
            if other is not None:
                if other.id == self.order_id:
                    return self._record(scan, Outcome.ALREADY_OPEN, "pack.already_open", ref=other.ref)
                if self._suggested_id == self.order_id and not any(line.verified for line in self.lines):
                    return self.open_order(scan)  # it gives the suggested order back
                return self._record(scan, Outcome.OTHER_ORDER_OPEN, "pack.other_order_open",
                                    ref=other.ref, current=self.order_ref)
            product = product_for_code(forms)
            if product is not None:
                return self._record(scan, Outcome.WRONG_ITEM, "pack.wrong_item", name=product.name)
            if scan.kind is ScanKind.MISREAD:
                return self._record(scan, Outcome.MISREAD, "pack.misread", code=scan.code)
            self.last_unknown_code = scan.code or scan.text
            return self._record(scan, Outcome.UNKNOWN_CODE, "pack.unknown_code", code=scan.text)

    def link_last_unknown_code(self, *, by: str) -> ScanAnswer:
        """``:link NAME``: the last unknown code scanned becomes the barcode of the next
        line that has none (a manager, NAME, confirms it), and counts one unit of it."""
        from packstation.services.products import link_barcode

        code = self.last_unknown_code
        line = next_line_without_barcode(self.lines) if self.has_order else None
        if not self.has_order or code is None or line is None:
            return self._answer(Outcome.NOTHING_TO_CONFIRM, "pack.nothing_to_link")
        try:
            link_barcode(code, line.sku, by=by, station=self.station, packer=self.packer,
                         order=self.order_id)
        except PackstationError as error:
            return self._answer(Outcome.FAILED, "pack.failed", error=error.message)
        self.last_unknown_code = None
        self.lines = line_states(self.order_id)
        return self._item(normalise(code))


    @guarded
    def confirm_without_barcode(self) -> ScanAnswer:
        """Count one unit of the first unfinished line that has no barcode (and log it)."""
        scan = normalise(Command.CONFIRM.code)
        if not self.has_order:
            return self._record(scan, Outcome.NO_ORDER, "pack.no_order")
        line = next_line_without_barcode(self.lines)
        if line is None:
            return self._record(scan, Outcome.NOTHING_TO_CONFIRM, "pack.nothing_to_confirm")
        return self._verify(scan, line, 1, manual=True)

    def _verify(self, scan: Scan, line: LineState, units: int, *, manual: bool,
                quantity: int = 1) -> ScanAnswer:
        now = self.clock()
        with atomic():
            # The guards make a lost race or a takeover visible instead of counting twice.
            counted = (OrderLine.update(
                verified=OrderLine.verified + units,
                confirmed_without_barcode=OrderLine.confirmed_without_barcode + (units if manual else 0))
                .where((OrderLine.id == line.id) & (OrderLine.verified + units <= OrderLine.quantity)
                       & OrderLine.order.in_(Order.select(Order.id).where(
                           (Order.id == self.order_id) & (Order.status == OrderStatus.PACKING)
                           & (Order.claimed_station == self.station))))
                .execute())
            if counted != 1:
                return self._lost_order(scan)
            self.just_completed = False  # from now on, "reprint" means this open order
            Order.update(heartbeat_at=now).where(Order.id == self.order_id).execute()
            line.verified += units
            outcome = Outcome.CONFIRMED if manual else Outcome.VERIFIED
            if manual:
                key = "pack.confirmed"
                log_event("confirmed_without_barcode", at=self.clock(), order=self.order_id, station=self.station,
                          packer=self.packer, data={"sku": line.sku, "units": units})
            else:
                key = "pack.verified_line_done" if line.done else "pack.verified"
                if quantity > 1:
                    log_event("quantity_entered", at=self.clock(), order=self.order_id, station=self.station,
                              packer=self.packer, data={"sku": line.sku, "quantity": quantity, "units": units})
            answer = self._record(scan, outcome, key, line=line, units=units, name=line.name,
                                  verified=line.verified, quantity=line.quantity)
        return self._after_verification(answer)

    def _lost_order(self, scan: Scan) -> ScanAnswer:
        order = Order.get_or_none(Order.id == self.order_id)
        if order is not None and order.status == OrderStatus.PACKING \
                and order.claimed_station == self.station:
            # Our claim holds: the database counted this line further than we knew.
            self.lines = line_states(order.id)
            line = match_item(self.lines, scan)
            name = line.line.name if line and line.line else scan.text
            return self._record(scan, Outcome.TOO_MANY, "pack.too_many", name=name,
                                verified=line.line.verified if line and line.line else 0,
                                quantity=line.line.quantity if line and line.line else 0)
        ref = self.order_ref
        station = order.claimed_station if order is not None else "?"
        self._clear()
        return self._record(scan, Outcome.ORDER_TAKEN, "pack.order_taken", ref=ref, station=station)

    def _after_verification(self, answer: ScanAnswer) -> ScanAnswer:
        if not all_verified(self.lines):
            return answer
        if self.ask_weight:
            self.awaiting_weight = True
            weight = self.computed_weight()
            return self._answer(Outcome.AWAITING_WEIGHT, "pack.awaiting_weight", weight=weight,
                                line=answer.line, units=answer.units, weight_g=weight)
        return self.complete(None)

    # -- several parcels ---------------------------------------------------------------

    @guarded
    def close_parcel(self, weight_g: int | None) -> ScanAnswer:
        """Close the parcel on the table with the items verified since the previous one
        (its weight typed, or computed from its items); the items left go in the next
        parcel. Stored at once (a station that stops keeps its closed parcels). At the
        last item the order completes as usual and its last parcel closes with it; with
        every item verified already, closing the parcel is that completion."""
        if not self.has_order:
            return self._answer(Outcome.NO_ORDER, "pack.no_order")
        if all_verified(self.lines):
            return self.complete(weight_g)
        if CarrierLabel.select().where(CarrierLabel.order == self.order_id).exists():
            # Its label was bought for one parcel of the whole weight; a second is not asked.
            return self._answer(Outcome.FAILED, "pack.failed", error=i18n.tr(
                "pack.parcel_after_label", ref=self.order_ref))
        now = self.clock()
        with atomic():
            held = self._own_open_order()
            if held is None:
                return self._lost_order(normalise(""))
            order, lines = held
            packed = _packed_units(order.id)
            units = {line.id: line.verified - packed[line.id] for line in lines
                     if line.verified > packed[line.id]}
            if not units:
                return self._answer(Outcome.NOTHING_TO_CONFIRM, "pack.parcel_empty")
            computed = self._units_weight(lines, units)
            if weight_g is not None:
                refusal = self._check_weight(weight_g, computed=computed)
                if refusal is not None:
                    return refusal
            weight = weight_g or computed
            number = Parcel.select().where(Parcel.order == order.id).count() + 1
            Parcel.create(order=order, number=number, weight_g=weight,
                          units={str(line_id): count for line_id, count in units.items()},
                          closed_at=now, station=self.station, packer=self.packer)
            Order.update(heartbeat_at=now).where(Order.id == order.id).execute()
            log_event("parcel_closed", at=now, order=order, station=self.station, packer=self.packer,
                      data={"parcel": number, "weight_g": weight, "computed_weight_g": computed,
                            "units": sum(units.values())})
        self.just_completed = False
        return self._answer(Outcome.PARCEL_CLOSED, "pack.parcel_closed", number=number,
                            weight=weight, items=sum(units.values()), next=number + 1,
                            weight_g=weight)

    # -- completion --------------------------------------------------------------------

    @guarded
    def complete(self, weight_g: int | None) -> ScanAnswer:
        """Finish the open order: shipment, tracking, stock, then its label and slip."""
        if not self.has_order:
            return self._answer(Outcome.NO_ORDER, "pack.no_order")
        self._completion_failed_id = None  # the packer asks again: try again
        if weight_g is not None:
            refusal = self._check_weight(weight_g)
            if refusal is not None:
                return refusal
        return self._complete(weight_g)

    def _check_weight(self, weight_g: int, *, computed: int | None = None) -> ScanAnswer | None:
        """A typed weight the carrier refuses, or far from the computed one (a slip of the
        hand: 141 or 14100 for 1410), is asked again; the same weight typed twice stands."""
        from packstation.core.carriers import DEFAULT_MAX_WEIGHT_G
        from packstation.services.carriers import schedule_of

        order = Order.get_by_id(self.order_id)
        limit = schedule_of(order.carrier).max_weight_g if order.carrier_id else DEFAULT_MAX_WEIGHT_G
        carrier = order.carrier.name if order.carrier_id else "?"
        if weight_g > limit:
            self.weight_to_confirm = None
            return self._answer(Outcome.BAD_WEIGHT, "pack.weight_over_limit", weight=weight_g,
                                limit=limit, carrier=carrier)
        computed = computed if computed is not None else self.computed_weight()
        if computed / 3 <= weight_g <= computed * 3 or self.weight_to_confirm == weight_g:
            self.weight_to_confirm = None
            return None
        self.weight_to_confirm = weight_g
        return self._answer(Outcome.BAD_WEIGHT, "pack.weight_far", weight=weight_g, computed=computed)

    def _own_open_order(self) -> tuple[Order, list[OrderLine]] | None:
        """The open order as the database has it, with its lines; None when this station
        no longer holds it (taken over, released meanwhile)."""
        order = Order.get_by_id(self.order_id)
        if order.status != OrderStatus.PACKING or order.claimed_station != self.station:
            return None
        return order, list(OrderLine.select().where(OrderLine.order == order.id))

    def _complete(self, weight_g: int | None) -> ScanAnswer:
        now = self.clock()
        with atomic():
            held = self._own_open_order()
            if held is None:
                return self._lost_order(normalise(""))
            order, lines = held
            if any(line.verified < line.quantity for line in lines):
                self.lines = line_states(order.id)
                self.awaiting_weight = False
                return self._answer(Outcome.FAILED, "pack.failed", error="?")
            computed = parcel_weight(lines, self.packaging_g)
            weight = weight_g or computed
            split = self._close_last_parcel(order, lines, weight_g, now)
            if split:
                weight = sum(parcel.weight_g for parcel in split)
            # The carrier's number when its label was asked before packing (or imported);
            # otherwise none yet: the carrier's label service gives it (services.labels),
            # and an own label has none. Packstation never makes one up. A store pickup or
            # a local delivery waits at the counter: no tracking number at all.
            tracking = (order.tracking or None) if needs_label(order) else None
            started = order.claimed_at or now
            Shipment.delete().where(Shipment.order == order.id).execute()
            Shipment.create(order=order, tracking=tracking, weight_g=weight, parcels=len(split) or 1,
                            packer=self.packer,
                            station=self.station, packed_at=now,
                            packing_seconds=max(0.0, (now - started).total_seconds()))
            Order.update(status=OrderStatus.PACKED, tracking=tracking, updated_at=now,
                         claimed_station=None, heartbeat_at=None).where(Order.id == order.id).execute()
            per_product: Counter[int] = Counter()
            for line in lines:
                if line.product_id:
                    per_product[line.product_id] += line.quantity
            # In id order: two tables completing orders that share products then lock
            # the same rows in the same order, and never deadlock on PostgreSQL.
            for product_id, quantity in sorted(per_product.items()):
                Product.update(stock=Product.stock - quantity, updated_at=now) \
                    .where(Product.id == product_id).execute()
            log_event("completed", at=self.clock(), order=order, station=self.station, packer=self.packer,
                      data={"tracking": tracking, "weight_g": weight, "computed_weight_g": computed,
                            **({"parcels": len(split)} if split else {})})
            # The label and the slip are queued in this same transaction: a station that
            # stops now either did not pack the order or has its documents to print.
            label_due = needs_label(order)
            documents = (self.printer.queue_documents(order.id, ("label", "slip") if label_due
                                                      else ("slip",), station=self.station)
                         if self.printer is not None else [])
        self.last_completed_id = order.id
        self.just_completed = True
        ref = order.ref
        self._clear()
        if self.printer is not None:
            self.printer.wake()  # rendered and delivered by the print worker, not here
        customs = any(document.get("kind") == "customs" for document in documents)
        key = ("pack.order_complete_customs" if customs else
               "pack.order_complete" if tracking else
               "pack.order_complete_untracked" if label_due else "pack.order_at_counter")
        return self._answer(Outcome.ORDER_COMPLETE, key,
                            ref=ref, tracking=tracking, weight=weight, order_ref=ref,
                            weight_g=weight, documents=documents)

    def _close_last_parcel(self, order: Order, lines: list[OrderLine], weight_g: int | None,
                           now: dt.datetime) -> list[Parcel]:
        """At completion of a split order: its last parcel, the items not in a closed one
        (weighed as typed, or computed); returns all its parcels, none if never split."""
        packed = _packed_units(order.id)
        if not packed:
            return []
        units = {line.id: line.quantity - packed[line.id] for line in lines
                 if line.quantity > packed[line.id]}
        if units:
            number = Parcel.select().where(Parcel.order == order.id).count() + 1
            computed = self._units_weight(lines, units)
            Parcel.create(order=order, number=number, weight_g=weight_g or computed,
                          units={str(line_id): count for line_id, count in units.items()},
                          closed_at=now, station=self.station, packer=self.packer)
            log_event("parcel_closed", at=now, order=order, station=self.station, packer=self.packer,
                      data={"parcel": number, "weight_g": weight_g or computed,
                            "computed_weight_g": computed, "units": sum(units.values())})
        return list(Parcel.select().where(Parcel.order == order.id).order_by(Parcel.number))

    def _print(self, order_id: int, kinds: tuple[str, ...], *, reprint: bool) -> list[dict]:
        if self.printer is None:
            return []
        # Printing never makes packing fail: a failed job stays queued and visible.
        return self.printer.print_order_documents(order_id, kinds, station=self.station,
                                                  reprint=reprint)

    def reprint_target(self) -> int | None:
        """The order a reprint is for: the one on the table. Right after a completion that is
        the parcel just packed (even if the next order opened), until the first item scan of
        the next; then the open order; with nothing open, the last packed here."""
        if self.just_completed or not self.has_order:
            return self.last_completed_id
        return self.order_id

    @guarded
    def reprint(self, kind: str) -> ScanAnswer:
        order_id = self.reprint_target()
        if order_id is None:
            return self._answer(Outcome.NO_ORDER, "pack.no_order")
        order = Order.get_by_id(order_id)
        if kind == "label":
            from packstation.services.printing import check_label

            try:  # decided here, before any job: no label for an order on hold or not packed
                check_label(order, before_packing=False)
            except PackstationError as error:
                return self._answer(Outcome.FAILED, "pack.failed", error=error.message, order_ref=order.ref)
        documents = self._print(order_id, (kind,), reprint=True)
        refused = [document for document in documents if document.get("status") == "failed"]
        if refused:  # e.g. no label for an order not packed yet: said, with the order's ref
            return self._answer(Outcome.FAILED, "pack.failed", error=refused[0].get("error") or "?",
                                order_ref=order.ref, documents=documents)
        return self._answer(Outcome.REPRINTED, "pack.reprinted", ref=order.ref,
                            document=i18n.tr(f"doc.kind.{kind}"), order_ref=order.ref,
                            documents=documents)

    # -- leaving an order, packers -------------------------------------------------------

    @guarded
    def abandon(self, reason: str) -> ScanAnswer:
        """Release the open order with a reason; its scans stay in the log."""
        if not self.has_order:
            return self._answer(Outcome.NO_ORDER, "pack.no_order")
        reason = reason.strip()
        if not reason:
            self.abandon_pending = True
            return self._answer(Outcome.REASON_NEEDED, "pack.reason_needed")
        ref = self.order_ref
        with atomic():
            released = (Order.update(status=OrderStatus.PENDING, claimed_station=None,
                                     claimed_packer=None, claimed_at=None, heartbeat_at=None,
                                     updated_at=self.clock())
                        .where((Order.id == self.order_id) & (Order.status == OrderStatus.PACKING)
                               & (Order.claimed_station == self.station)).execute())
            if released:
                OrderLine.update(verified=0, confirmed_without_barcode=0) \
                    .where(OrderLine.order == self.order_id).execute()
                Parcel.delete().where(Parcel.order == self.order_id).execute()  # unpacked too
                log_event("abandoned", at=self.clock(), order=self.order_id, station=self.station,
                          packer=self.packer, reason=reason)
        self._clear()
        return self._answer(Outcome.ABANDONED, "pack.abandoned", ref=ref, reason=reason)

    @guarded
    def set_packer(self, name: str, raw: str = "") -> ScanAnswer:
        with atomic():
            self.packer = name
            log_event("packer_login", at=self.clock(), station=self.station, packer=name)
            if self.has_order:
                Order.update(claimed_packer=name).where(Order.id == self.order_id).execute()
        return self._answer(Outcome.PACKER_SET, "pack.packer_set", name=name)

    @guarded
    def logout(self) -> ScanAnswer:
        name = self.packer or "?"
        with atomic():
            log_event("packer_logout", at=self.clock(), station=self.station, packer=self.packer)
        self.packer = ""
        return self._answer(Outcome.PACKER_LOGGED_OUT, "pack.packer_logged_out", name=name)

    # -- answers ---------------------------------------------------------------------

    def _record(self, scan: Scan, outcome: Outcome, key: str, *, order: Order | int | None = None,
                line: LineState | None = None, units: int = 0, **params) -> ScanAnswer:
        """Store the scan with its outcome (inside the caller's transaction) and answer it."""
        order_id = order.id if isinstance(order, Order) else order
        if order_id is None:
            order_id = self.order_id
        ScanRecord.create(at=self.clock(), station=self.station, packer=self.packer,
                          order=order_id, line=line.id if line else None, raw=scan.raw[:500],
                          code=scan.code[:500], outcome=outcome.code, units=units,
                          scan_id=self._scan_id)
        ref = order.ref if isinstance(order, Order) else self.order_ref
        answer = self._answer(outcome, key, line=line, units=units, **params)
        answer.order = ref
        return answer

    def _answer(self, outcome: Outcome, key: str, *, line: LineState | None = None,
                units: int = 0, order_ref: str | None = None, weight_g: int | None = None,
                documents: list[dict] | None = None, **params) -> ScanAnswer:
        return ScanAnswer(outcome=outcome, message=i18n.tr(key, **params),
                          order=order_ref or self.order_ref, line=line, units=units,
                          tracking=params.get("tracking"), weight_g=weight_g,
                          documents=documents or [])


def _packed_units(order_id: int | None) -> Counter[int]:
    """Units of each order line already in a closed parcel of the order (split orders)."""
    packed: Counter[int] = Counter()
    for parcel in Parcel.select(Parcel.units).where(Parcel.order == order_id):
        for line_id, count in (parcel.units or {}).items():
            packed[int(line_id)] += count
    return packed


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _database_trouble(error: BaseException) -> str:
    """The message key for a database error that is not contention."""
    from packstation.db.database import engine

    text = str(error).lower()
    if "disk is full" in text or "disk full" in text or "no space" in text:
        return "db.disk_full"
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "db.read_only"
    if engine() == "sqlite":  # a file has no connection to lose: its disk failed
        return "db.damaged_now"
    return "db.connection_lost"


i18n.register({
    "pack.taken_while_idle": (
        "La commande {ref} a été reprise par une autre table pendant votre absence — "
        "remettez ses articles en place.",
        "Order {ref} was taken over by another table while you were away — put its items back.",
    ),
    "pack.counted_before": (
        "Déjà compté : {name} — {verified}/{quantity} (enregistré avant la coupure, ne le "
        "mettez pas deux fois dans le colis).",
        "Already counted: {name} — {verified}/{quantity} (stored before the connection "
        "was lost, do not put it in the parcel twice).",
    ),
    "pack.completion_failed": (
        "La commande {ref} n'a pas pu être terminée ({reason}) : elle reste ouverte. "
        "Réessayez avec F4 ou appelez un responsable.",
        "Order {ref} could not be completed ({reason}): it stays open. Try again with F4 "
        "or call a manager.",
    ),
    "pack.unexpected": (
        "Erreur inattendue, notée dans le journal — scannez à nouveau ; si elle revient, "
        "appelez un responsable.",
        "Unexpected error, written to the log — scan again; if it comes back, call a manager.",
    ),
    "pack.nothing_to_link": (
        "Rien à associer : scannez d'abord le code inconnu, avec une commande ouverte qui a "
        "un article sans code-barres.",
        "Nothing to link: first scan the unknown code, with an order open that has an item "
        "without barcode.",
    ),
    "pack.order_at_counter": (
        "Colis prêt : {ref} — {weight} g, retrait ou livraison par la boutique : pas "
        "d'étiquette, il attend au comptoir.",
        "Parcel ready: {ref} — {weight} g, collected or delivered by the shop: no label, "
        "it waits at the counter.",
    ),

    "pack.order_taken_stale": (
        "La commande {ref} est en cours sur {station}, sans activité depuis {idle} — si ce poste est "
        "arrêté, reprenez-la (avec confirmation).",
        "Order {ref} is being packed at {station}, no activity for {idle} — if that table has stopped, "
        "take it over (with confirmation).",
    ),
})
