"""History: finding any order again, and telling its story.

:func:`search_orders` finds orders by what a merchant has at hand when a customer calls:
the ref, the customer's name, the tracking number, the e-mail, or a day
(``2026-11-25`` or ``25/11/2026``: ordered or packed that day, in the shop's time
zone). :func:`timeline` merges everything stored about one order — its events, every
scan with its outcome (mistakes included), its print jobs — into one list, oldest
first, each entry with a one-line text in the current language.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import re
from dataclasses import dataclass
from pathlib import PurePath

import peewee as pw

from packstation.core import i18n
from packstation.core.packing import Outcome
from packstation.core.scan import normalise
from packstation.db.models import Event, Order, PrintJob, ScanRecord, Shipment
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE

_ISO_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_FRENCH_DAY = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$")

#: Events that a print job row already tells (the job says where it went, or why not).
_PRINT_JOB_EVENTS = {"printed", "print_sent", "print_failed", "print_queued", "print_waiting"}
_OK_OUTCOMES = {outcome.code for outcome in Outcome if outcome.ok}


@dataclass(frozen=True)
class TimelineEntry:
    """One moment of an order's story."""

    at: dt.datetime       # aware
    kind: str             # an event kind ("claimed", "held"...), "scan", "scan_error" or "print"
    station: str
    packer: str
    text: str             # one line, in the current language


# -- search ----------------------------------------------------------------------------

def parse_day(text: str) -> dt.date | None:
    """The day ``text`` names ("2026-11-25" or "25/11/2026"), or None if it names none."""
    text = text.strip()
    match = _ISO_DAY.match(text) or _FRENCH_DAY.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:  # 31/02/2026: not a day, so an ordinary search text
        return None


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The shop's day as [start, end) aware datetimes (23 or 25 hours when the clocks change)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=SHOP_TIMEZONE)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=SHOP_TIMEZONE)
    return start, end


def search_orders(text: str, *, since: dt.date | dt.datetime | None = None,
                  until: dt.date | dt.datetime | None = None, limit: int = 100) -> list[Order]:
    """Orders matching ``text``, the most recent first.

    ``text`` is a day, or else a part of the ref, the customer's name or company or the
    e-mail, or a whole tracking number (of the shipment or imported with the order);
    empty matches every order. ``since`` and ``until`` keep orders ordered or packed in
    that period (a date counts as the whole day; ``until`` is inclusive for a date,
    exclusive for a datetime).
    """
    query = (Order.select(Order)
             .join(Shipment, pw.JOIN.LEFT_OUTER, on=(Shipment.order == Order.id)))
    text = text.strip()
    if text:
        day = parse_day(text)
        query = query.where(_active_between(*day_bounds(day)) if day else _matches(text))
    if since is not None or until is not None:
        start = _moment(since, end_of_day=False) if since is not None else None
        end = _moment(until, end_of_day=True) if until is not None else None
        query = query.where(_active_between(start, end))
    return list(query.order_by(Order.ordered_at.desc(), Order.id.desc()).limit(limit))


def _matches(text: str) -> pw.Expression:
    # SQLite compares case only for ASCII letters (and PostgreSQL as its locale says):
    # the usual capitalisations of the text find "Wójcik" or "Παπαδόπουλος" typed in
    # lower case on every engine.
    variants = dict.fromkeys((text, text.lower(), text.capitalize(), text.title(), text.upper()))
    # What a scanner types for a tracking barcode or an order ref (AZERTY digits...).
    exact = list(dict.fromkeys((*normalise(text).candidates, text, text.upper())))
    conditions = [Order.ref.in_(exact), Order.tracking.in_(exact), Shipment.tracking.in_(exact),
                  Order.email.contains(text)]
    for variant in variants:
        conditions += [Order.ref.contains(variant), Order.customer_name.contains(variant),
                       Order.company.contains(variant)]
    return functools.reduce(operator.or_, conditions)


def _active_between(start: dt.datetime | None, end: dt.datetime | None) -> pw.Expression:
    """Ordered or packed in [start, end); a missing bound is open (one at least is given)."""
    def within(column) -> pw.Expression:
        bounds = ([column >= start] if start is not None else []) \
            + ([column < end] if end is not None else [])
        return functools.reduce(operator.and_, bounds)

    # An order without shipment has a NULL packed_at: its comparisons are not true.
    return within(Order.ordered_at) | within(Shipment.packed_at)


def _moment(value: dt.date | dt.datetime, *, end_of_day: bool) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime given to search_orders: {value!r}")
        return value
    start, end = day_bounds(value)
    return end if end_of_day else start


# -- timeline --------------------------------------------------------------------------

def timeline(order: Order) -> list[TimelineEntry]:
    """Everything stored about ``order``, oldest first (three queries)."""
    entries: list[tuple[dt.datetime, int, int, TimelineEntry]] = []
    for event in Event.select().where(Event.order == order.id):
        data = event.data or {}
        if event.kind in _PRINT_JOB_EVENTS and "job" in data:
            continue
        entries.append((event.at, 1, event.id, TimelineEntry(
            event.at, event.kind, event.station, event.packer, _event_text(event.kind, event.reason, data))))
    for scan in ScanRecord.select().where(ScanRecord.order == order.id):
        ok = scan.outcome in _OK_OUTCOMES
        # A scan comes before the events it caused at the same instant (claim, completion).
        entries.append((scan.at, 0, scan.id, TimelineEntry(
            scan.at, "scan" if ok else "scan_error", scan.station, scan.packer,
            i18n.tr("history.scan", code=scan.code or scan.raw.strip(),
                    outcome=_outcome_label(scan.outcome)))))
    for job in _print_jobs(order):
        entries.append((job.created_at, 2, job.id, TimelineEntry(
            job.created_at, "print", job.station, "", _print_text(job))))
    entries.sort(key=lambda entry: entry[:3])
    return [entry for *_, entry in entries]


def _print_jobs(order: Order) -> pw.ModelSelect:
    """The order's own print jobs, and the batches (pick lists) that name it."""
    # refs is stored as JSON text: ["CMD-1", "CMD-2"]; the quoted ref finds it exactly.
    quoted = json.dumps(order.ref, ensure_ascii=False)
    escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    names_order = pw.Expression(PrintJob.refs, pw.OP.ILIKE, pw.NodeList((
        pw.Value(f"%{escaped}%", converter=False), pw.SQL("ESCAPE"), pw.Value("\\", converter=False))))
    return PrintJob.select().where((PrintJob.order == order.id)
                                   | (PrintJob.order.is_null() & names_order))


def _document(kind: str) -> str:
    key = f"history.document.{kind}"
    return i18n.tr(key) if key in _MESSAGES else kind


def _outcome_label(code: str) -> str:
    key = f"history.outcome.{code}"
    return i18n.tr(key) if key in _MESSAGES else code


def _print_text(job: PrintJob) -> str:
    status = job.status if job.status in ("queued", "sent", "done", "failed") else "queued"
    return i18n.tr(f"history.print.{status}", document=_document(job.kind), output=job.output,
                   attempts=job.attempts, error=job.last_error)


def _event_text(kind: str, reason: str, data: dict) -> str:
    def file_name():
        return PurePath(str(data.get("path") or "?")).name

    def units(counts) -> str:
        return ", ".join(f"{sku} × {count}" for sku, count in sorted((counts or {}).items())) or "—"

    from packstation.services.holds import event_reason_text

    reason = event_reason_text(kind, reason, data)  # a rule's hold in the reader's language
    params: dict[str, object] = {"reason": reason or "—"}
    if kind == "imported":
        params.update(file=file_name(), line=data.get("line", "?"))
    elif kind == "updated":
        params.update(file=file_name())
    elif kind == "confirmed_without_barcode":
        params.update(sku=data.get("sku", "?"), units=data.get("units", 1))
    elif kind == "completed":
        params.update(tracking=data.get("tracking") or "—", weight=data.get("weight_g", "?"))
        if not data.get("tracking"):
            kind = "completed_untracked"
    elif kind in ("label_received", "label_bought"):
        params.update(tracking=data.get("tracking") or "—", provider=data.get("provider", "?"))
    elif kind == "tracking_assigned":
        params.update(tracking=data.get("tracking", "?"))
    elif kind in ("printed", "print_sent", "print_failed", "reprinted", "print_queued", "print_waiting"):
        params.update(document=_document(str(data.get("kind", "?"))), output=data.get("output", ""))
    elif kind == "parcel_closed":
        params.update(parcel=data.get("parcel", "?"), weight=data.get("weight_g", "?"),
                      items=data.get("units", "?"))
    elif kind == "taken_over":
        params.update(previous=data.get("previous_station") or "?")
    elif kind == "handed_over":
        params.update(manifest=data.get("manifest", "?"), tracking=data.get("tracking", "?"))
    elif kind == "unpacked":
        shipment = data.get("shipment") or {}
        params.update(tracking=shipment.get("tracking") or "—", stock=units(data.get("stock_returned")))
    elif kind == "backorder_split":
        params.update(backorder=data.get("backorder", "?"), moved=units(data.get("moved")))
    elif kind == "backorder_created":
        params.update(original=data.get("backorder_of", "?"), lines=units(data.get("lines")))
    key = f"history.event.{kind}"
    if kind == "imported" and "line" not in data:  # a whole batch, such as the demo shop
        key = "history.event.imported_file"
    if key not in _MESSAGES:
        return i18n.tr("history.event.other", kind=kind, reason=reason or "—")
    return i18n.tr(key, **params)


_MESSAGES = {
    "history.scan": ("Scan « {code} » : {outcome}.", "Scan “{code}”: {outcome}."),
    # Events, by kind (see log_event calls across the services).
    "history.event.imported": ("Importée depuis {file} (ligne {line}).", "Imported from {file} (line {line})."),
    "history.event.imported_file": ("Importée depuis {file}.", "Imported from {file}."),
    "history.event.updated": ("Mise à jour par l'import de {file}.", "Updated by the import of {file}."),
    "history.event.cancelled": ("Annulée : {reason}.", "Cancelled: {reason}."),
    "history.event.held": ("Bloquée : {reason}.", "Put on hold: {reason}."),
    "history.event.released": ("Débloquée : {reason}.", "Released: {reason}."),
    "history.event.claimed": ("Ouverte à la table.", "Opened at the table."),
    "history.event.resumed": ("Reprise après un arrêt de la table.", "Resumed after the table stopped."),
    "history.event.taken_over": ("Reprise de {previous}, restée sans activité.",
                                 "Taken over from {previous}, left idle."),
    "history.event.abandoned": ("Abandonnée : {reason}.", "Abandoned: {reason}."),
    "history.event.quantity_entered": ("{sku} : quantité {quantity} saisie pour un seul scan ({units} unités).",
                                       "{sku}: quantity {quantity} entered for one scan ({units} units)."),
    "history.event.parcel_closed": ("Colis {parcel} fermé : {items} article(s), {weight} g.",
                                    "Parcel {parcel} closed: {items} item(s), {weight} g."),
    "history.event.confirmed_without_barcode": ("{sku} validé sans code-barres ({units}).",
                                                "{sku} confirmed without a barcode ({units})."),
    "history.event.completed": ("Emballée : suivi {tracking}, {weight} g.",
                                "Packed: tracking {tracking}, {weight} g."),
    "history.event.completed_untracked": ("Emballée : {weight} g.", "Packed: {weight} g."),
    "history.event.label_received": ("Étiquette du transporteur reçue ({provider}) : suivi {tracking}.",
                                     "Carrier's label received ({provider}): tracking {tracking}."),
    "history.event.label_bought": ("Étiquette achetée chez {provider} (suivi {tracking}), "
                                   "à télécharger.", "Label bought from {provider} (tracking "
                                   "{tracking}), to download."),
    "history.event.label_waiting": ("Étiquette en attente : {reason}", "Label waiting: {reason}"),
    "history.event.manifest_fallback": ("Bordereau du transporteur indisponible, le nôtre est "
                                        "imprimé : {reason}", "The carrier's manifest is unavailable, "
                                        "ours is printed: {reason}"),
    "history.event.barcode_linked": ("Code {code} associé à {sku}, confirmé par {by}.",
                                     "Code {code} linked to {sku}, confirmed by {by}."),
    "history.event.tracking_assigned": ("Numéro de suivi attribué : {tracking}.",
                                        "Tracking number assigned: {tracking}."),
    "history.event.printed": ("Impression — {document} : {output}.", "{document} printed: {output}."),
    "history.event.print_sent": ("Envoi à l'imprimante — {document}.", "{document} sent to the printer."),
    "history.event.print_failed": ("Impression impossible — {document} : {reason}", "{document} not printed: {reason}"),
    "history.event.reprinted": ("{document} : réimpression demandée.", "{document}: reprint requested."),
    "history.event.print_queued": ("{document} en attente d'impression.", "{document} waiting to print."),
    "history.event.print_waiting": ("{document} pas encore prêt(e) : {reason}", "{document} not ready yet: {reason}"),
    "history.event.print_jobs_moved": ("Impressions reprises par ce poste renommé.",
                                       "Print jobs kept by this renamed station."),
    "history.event.handed_over": ("Remise au transporteur (bordereau n° {manifest}, suivi {tracking}).",
                                  "Handed to the carrier (manifest no. {manifest}, tracking {tracking})."),
    "history.event.unpacked": ("Déballée : {reason}. Colis {tracking} annulé, remis en stock : {stock}.",
                               "Unpacked: {reason}. Parcel {tracking} cancelled, back in stock: {stock}."),
    "history.event.backorder_split": ("Expédiée en partie ; le reste ({moved}) passe dans {backorder}.",
                                      "Shipped in part; the rest ({moved}) moves to {backorder}."),
    "history.event.backorder_created": ("Reliquat de {original} : {lines}.", "Backorder of {original}: {lines}."),
    "history.event.other": ("Événement « {kind} » ({reason}).", "Event “{kind}” ({reason})."),
    # Print jobs, by status.
    "history.print.queued": ("{document} en attente d'impression.", "{document} waiting to print."),
    "history.print.sent": ("Envoi à l'imprimante — {document} (travail {output}).",
                           "{document} sent to the printer (job {output})."),
    "history.print.done": ("Impression — {document} : {output}.", "{document} printed: {output}."),
    "history.print.failed": ("Impression impossible — {document}, essais : {attempts} : {error}",
                             "{document} not printed, attempts: {attempts}: {error}"),
    # Documents, by print kind (services.printing.KINDS).
    "history.document.label": ("Étiquette", "Label"),
    "history.document.slip": ("Bon de livraison", "Packing slip"),
    "history.document.customs": ("Déclaration en douane (CN23)", "Customs declaration (CN23)"),
    "history.document.picklist": ("Liste de préparation", "Pick list"),
    "history.document.manifest": ("Bordereau", "Manifest"),
    "history.document.product-labels": ("Étiquettes produits", "Product labels"),
    "history.document.commands": ("Feuille des codes de commande", "Command barcode sheet"),
    # Scan outcomes (core.packing.Outcome), as the timeline names them.
    "history.outcome.order_opened": ("commande ouverte", "order opened"),
    "history.outcome.order_resumed": ("commande reprise", "order resumed"),
    "history.outcome.verified": ("article vérifié", "item verified"),
    "history.outcome.confirmed": ("article validé sans code-barres", "item confirmed without a barcode"),
    "history.outcome.order_complete": ("commande terminée", "order complete"),
    "history.outcome.awaiting_weight": ("en attente du poids", "waiting for the weight"),
    "history.outcome.weight_set": ("poids enregistré", "weight recorded"),
    "history.outcome.abandoned": ("commande abandonnée", "order abandoned"),
    "history.outcome.packer_set": ("préparateur identifié", "packer signed in"),
    "history.outcome.packer_logged_out": ("préparateur déconnecté", "packer signed out"),
    "history.outcome.reprinted": ("réimpression", "reprint"),
    "history.outcome.already_open": ("commande déjà ouverte", "order already open"),
    "history.outcome.wrong_item": ("mauvais article", "wrong item"),
    "history.outcome.too_many": ("article en trop", "one too many"),
    "history.outcome.unknown_code": ("code inconnu", "unknown code"),
    "history.outcome.misread": ("mauvaise lecture (clé de contrôle fausse)", "misread (bad check digit)"),
    "history.outcome.no_order": ("aucune commande ouverte", "no order open"),
    "history.outcome.order_not_found": ("commande introuvable", "order not found"),
    "history.outcome.order_taken": ("commande prise par une autre table", "order taken by another table"),
    "history.outcome.order_on_hold": ("commande bloquée", "order on hold"),
    "history.outcome.order_short": ("stock insuffisant", "short of stock"),
    "history.outcome.order_already_packed": ("commande déjà emballée", "order already packed"),
    "history.outcome.order_cancelled": ("commande annulée", "order cancelled"),
    "history.outcome.other_order_open": ("une autre commande est ouverte", "another order is open"),
    "history.outcome.nothing_to_confirm": ("rien à valider sans code-barres", "nothing to confirm"),
    "history.outcome.queue_empty": ("file vide", "queue empty"),
    "history.outcome.bad_weight": ("poids incompris", "weight not understood"),
    "history.outcome.reason_needed": ("raison demandée", "reason needed"),
    "history.outcome.packer_needed": ("préparateur demandé", "packer needed"),
    "history.outcome.quantity_set": ("quantité saisie", "quantity entered"),
    "history.outcome.parcel_closed": ("colis fermé", "parcel closed"),
    "history.outcome.empty": ("scan vide", "empty scan"),
    "history.outcome.failed": ("échec", "failed"),
}
i18n.register(_MESSAGES)
