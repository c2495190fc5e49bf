"""The packing rules: what an item scan means for the order being packed.

Pure functions over plain line states; the service stores the outcome. Every outcome
has a tone (what the packer hears and the colour they see) and a message saying what
to do next.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from packstation.core import i18n
from packstation.core.scan import Scan, ScanKind


class Tone(enum.Enum):
    OK = "ok"            # verified: a short high beep, green
    COMPLETE = "complete"  # the order is done: a rising chime, green
    ERROR = "error"      # stop and look: a low buzz, red
    INFO = "info"        # nothing went wrong, nothing counted: blue
    WARNING = "warning"  # amber: waiting for something (weight, a reason)


class Outcome(enum.Enum):
    ORDER_OPENED = ("order_opened", Tone.INFO, True)
    ORDER_RESUMED = ("order_resumed", Tone.INFO, True)
    VERIFIED = ("verified", Tone.OK, True)
    CONFIRMED = ("confirmed", Tone.OK, True)
    ORDER_COMPLETE = ("order_complete", Tone.COMPLETE, True)
    AWAITING_WEIGHT = ("awaiting_weight", Tone.WARNING, True)
    WEIGHT_SET = ("weight_set", Tone.INFO, True)
    ABANDONED = ("abandoned", Tone.INFO, True)
    PACKER_SET = ("packer_set", Tone.INFO, True)
    PACKER_LOGGED_OUT = ("packer_logged_out", Tone.INFO, True)
    REPRINTED = ("reprinted", Tone.INFO, True)
    ALREADY_OPEN = ("already_open", Tone.INFO, True)
    WRONG_ITEM = ("wrong_item", Tone.ERROR, False)
    TOO_MANY = ("too_many", Tone.ERROR, False)
    UNKNOWN_CODE = ("unknown_code", Tone.ERROR, False)
    MISREAD = ("misread", Tone.ERROR, False)
    NO_ORDER = ("no_order", Tone.ERROR, False)
    ORDER_NOT_FOUND = ("order_not_found", Tone.ERROR, False)
    ORDER_TAKEN = ("order_taken", Tone.ERROR, False)
    ORDER_ON_HOLD = ("order_on_hold", Tone.ERROR, False)
    ORDER_SHORT = ("order_short", Tone.ERROR, False)
    ORDER_ALREADY_PACKED = ("order_already_packed", Tone.ERROR, False)
    ORDER_CANCELLED = ("order_cancelled", Tone.ERROR, False)
    OTHER_ORDER_OPEN = ("other_order_open", Tone.ERROR, False)
    NOTHING_TO_CONFIRM = ("nothing_to_confirm", Tone.ERROR, False)
    QUEUE_EMPTY = ("queue_empty", Tone.INFO, False)
    BAD_WEIGHT = ("bad_weight", Tone.ERROR, False)
    REASON_NEEDED = ("reason_needed", Tone.WARNING, False)
    PACKER_NEEDED = ("packer_needed", Tone.WARNING, False)
    QUANTITY_SET = ("quantity_set", Tone.INFO, True)
    PARCEL_CLOSED = ("parcel_closed", Tone.INFO, True)
    EMPTY = ("empty", Tone.INFO, False)
    FAILED = ("failed", Tone.ERROR, False)

    def __init__(self, code: str, tone: Tone, ok: bool) -> None:
        self.code = code
        self.tone = tone
        self.ok = ok


@dataclass
class LineState:
    """One order line as the packing rules see it."""

    id: int
    sku: str
    name: str
    quantity: int
    verified: int
    bin: str = ""
    codes: dict[str, int] = field(default_factory=dict)  # canonical code -> units

    @property
    def remaining(self) -> int:
        return self.quantity - self.verified

    @property
    def done(self) -> bool:
        return self.verified >= self.quantity

    @property
    def has_barcode(self) -> bool:
        return bool(self.codes)


@dataclass(frozen=True)
class ItemMatch:
    outcome: Outcome
    line: LineState | None = None
    units: int = 0


def match_item(lines: list[LineState], scan: Scan) -> ItemMatch | None:
    """What ``scan`` does to these lines; None when it names none of them.

    A GTIN matches a line whose product carries that code (a multipack counts its
    units); text matches a line by SKU or by an internal code. A scan that would count
    past a line's quantity is refused whole: a 6-pack on a line missing 3 is "too many".
    """
    candidates: list[tuple[LineState, int]] = []
    if scan.kind is ScanKind.GTIN:
        candidates = [(line, line.codes[scan.code]) for line in lines if scan.code in line.codes]
    if not candidates and scan.kind in (ScanKind.TEXT, ScanKind.MISREAD, ScanKind.GTIN):
        forms = set(scan.candidates) | {scan.code}
        upper = {form.upper() for form in forms}
        for line in lines:
            if line.sku.upper() in upper:
                candidates.append((line, 1))
            else:
                for code, units in line.codes.items():
                    if code in forms or code.upper() in upper:
                        candidates.append((line, units))
                        break
    if not candidates:
        return None
    for line, units in candidates:
        if units <= line.remaining:
            return ItemMatch(Outcome.VERIFIED, line, units)
    line, units = candidates[0]
    return ItemMatch(Outcome.TOO_MANY, line, units)


def next_line_without_barcode(lines: list[LineState]) -> LineState | None:
    """The line a "confirm without barcode" applies to: the first unfinished one with no code."""
    for line in lines:
        if not line.done and not line.has_barcode:
            return line
    return None


def all_verified(lines: list[LineState]) -> bool:
    return all(line.done for line in lines)


#: Grams of box and filling added to the products' weights when nothing is weighed.
DEFAULT_PACKAGING_G = 150


def parcel_weight(lines, packaging_g: int = DEFAULT_PACKAGING_G) -> int:
    """The computed weight of a parcel: each line's unit weight times its quantity, plus
    the packaging. ``lines`` carry ``weight_g`` (None: unknown, counted as 0) and ``quantity``."""
    return packaging_g + sum((line.weight_g or 0) * line.quantity for line in lines)


_WEIGHT = re.compile(r"^\s*(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>kg|g)?\s*$", re.IGNORECASE)


def parse_weight(text: str) -> int | None:
    """Grams from a typed or scanned weight: ``1250``, ``1250 g``, ``1,25 kg``, ``1.25kg``.

    A bare number with a decimal separator is kilograms; a bare whole number is grams.
    Returns None when the text is not a weight or is not positive.
    """
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)  # "1 410 g"
    match = _WEIGHT.match(text)
    if not match:
        return None
    value = float(match["value"].replace(",", "."))
    unit = (match["unit"] or "").lower()
    if unit == "kg" or (not unit and ("," in match["value"] or "." in match["value"])):
        value *= 1000
    grams = round(value)
    return grams if 0 < grams <= 1_000_000 else None


i18n.register({
    "pack.order_opened": ("Commande {ref} ouverte — {items} article(s) à scanner.",
                          "Order {ref} open — {items} item(s) to scan."),
    "pack.order_resumed": ("Commande {ref} reprise là où elle s'était arrêtée — {left} article(s) restant(s).",
                           "Order {ref} resumed where it stopped — {left} item(s) left."),
    "pack.order_resumed_split": ("Commande {ref} reprise là où elle s'était arrêtée — {closed} colis "
                                 "fermé(s), {left} article(s) restant(s) pour le colis {current}.",
                                 "Order {ref} resumed where it stopped — {closed} parcel(s) closed, "
                                 "{left} item(s) left for parcel {current}."),
    "pack.verified": ("OK {name} — {verified}/{quantity}", "OK {name} — {verified}/{quantity}"),
    "pack.verified_line_done": ("OK {name} — {verified}/{quantity}, ligne complète",
                                "OK {name} — {verified}/{quantity}, line complete"),
    "pack.confirmed": ("{name} validé sans code-barres — {verified}/{quantity}",
                       "{name} confirmed without barcode — {verified}/{quantity}"),
    "pack.order_complete": ("Colis prêt : {ref} — suivi {tracking}, {weight} g.",
                            "Parcel ready: {ref} — tracking {tracking}, {weight} g."),
    "pack.order_complete_untracked": ("Colis prêt : {ref} — {weight} g.",
                                      "Parcel ready: {ref} — {weight} g."),
    "pack.order_complete_customs": (
        "Colis prêt : {ref} — {weight} g. Sa déclaration en douane (CN23) sort avec les bons : "
        "glissez-la dans la pochette du colis.",
        "Parcel ready: {ref} — {weight} g. Its customs declaration (CN23) prints with the "
        "slips: slip it into the parcel's pouch."),
    "pack.awaiting_weight": ("Tout est vérifié : pesez le colis ({weight} g calculés).",
                             "Everything verified: weigh the parcel ({weight} g computed)."),
    "pack.weight_set": ("Poids enregistré : {weight} g.", "Weight recorded: {weight} g."),
    "pack.abandoned": ("Commande {ref} abandonnée ({reason}) : remettez les articles en place.",
                       "Order {ref} abandoned ({reason}): put the items back."),
    "pack.packer_set": ("Bonjour {name} !", "Hello {name}!"),
    "pack.packer_logged_out": ("Au revoir {name}.", "Goodbye {name}."),
    "pack.reprinted": ("Commande {ref} : nouvelle impression — {document}.",
                       "Order {ref}: printing again — {document}."),
    "pack.already_open": ("La commande {ref} est déjà ouverte : scannez ses articles.",
                          "Order {ref} is already open: scan its items."),
    "pack.wrong_item": ("Pas dans cette commande — remettez {name} en place.",
                        "Not in this order — put {name} back."),
    "pack.too_many": ("Trop d'articles : {name} est déjà complet ({verified}/{quantity}) — remettez-le en place.",
                      "Too many: {name} is already complete ({verified}/{quantity}) — put it back."),
    "pack.too_many_pack": ("Trop d'articles : ce lot compte {pack} unités, il n'en manque que {left} "
                           "pour {name} — scannez les unités séparément.",
                           "Too many: this pack counts {pack} units, only {left} missing for {name} "
                           "— scan single units instead."),
    "pack.unknown_code": ("Code inconnu « {code} » — vérifiez l'article ou demandez un responsable.",
                          "Unknown code “{code}” — check the item or ask a manager."),
    "pack.misread": ("Lecture incorrecte ({code}) — scannez à nouveau.",
                     "Misread ({code}) — scan again."),
    "pack.no_order": ("Aucune commande ouverte — scannez d'abord le bon de la commande.",
                      "No order open — scan the order's slip first."),
    "pack.order_not_found": ("Commande « {ref} » introuvable — vérifiez le bon ou importez les commandes.",
                             "Order “{ref}” not found — check the slip or import the orders."),
    "pack.order_taken": ("La commande {ref} est en cours sur {station} — prenez-en une autre.",
                         "Order {ref} is being packed at {station} — take another one."),
    "pack.order_on_hold": ("La commande {ref} est bloquée ({reason}) — mettez-la de côté.",
                           "Order {ref} is on hold ({reason}) — put it aside."),
    "pack.order_short": ("Stock insuffisant pour {ref} ({missing}) — mettez-la de côté.",
                         "Not enough stock for {ref} ({missing}) — put it aside."),
    "pack.order_already_packed": ("La commande {ref} est déjà {status} — ne l'expédiez pas deux fois.",
                                  "Order {ref} is already {status} — do not ship it twice."),
    "pack.order_cancelled": ("La commande {ref} est annulée — ne l'emballez pas.",
                             "Order {ref} is cancelled — do not pack it."),
    "pack.finish_first": ("La commande {current} est encore ouverte — terminez-la ou abandonnez-la (F8) "
                          "avant d'en ouvrir une autre.",
                          "Order {current} is still open — finish or abandon it (F8) before opening another."),
    "pack.other_order_open": ("La commande {current} est encore ouverte — terminez-la ou abandonnez-la "
                              "(F8) avant d'ouvrir {ref}.",
                              "Order {current} is still open — finish or abandon it (F8) "
                              "before opening {ref}."),
    "pack.nothing_to_confirm": ("Aucun article sans code-barres à valider dans cette commande — scannez l'article.",
                                "No item without barcode left to confirm in this order — scan the item."),
    "pack.queue_empty": ("Plus aucune commande prête dans la file.", "No order ready in the queue."),
    "pack.bad_weight": ("Poids « {text} » incompris — tapez par exemple 1250 ou 1,25 kg.",
                        "Weight “{text}” not understood — type for example 1250 or 1.25 kg."),
    "pack.weight_over_limit": ("{weight} g : plus que le maximum de {carrier} ({limit} g). Pesez à nouveau ; "
                               "un colis plus lourd doit être partagé.",
                               "{weight} g: more than {carrier}'s maximum ({limit} g). Weigh again; a "
                               "heavier parcel must be split."),
    "pack.quantity_set": ("Quantité {count} : scannez l'article une fois.",
                          "Quantity {count}: scan the item once."),
    "pack.quantity_too_many": ("{count} × {name} : il n'en reste que {left} à scanner — rien n'est compté.",
                               "{count} × {name}: only {left} left to scan — nothing counted."),
    "pack.bad_quantity": ("Quantité « {text} » refusée : de 2 à 999, puis « * », puis scannez l'article.",
                          "Quantity “{text}” refused: 2 to 999, then “*”, then scan the item."),
    "pack.packer_needed": ("Scannez d'abord votre badge (ou F7 pour votre nom) : cette table demande un "
                           "préparateur avant la première commande.",
                           "Scan your badge first (or F7 for your name): this table asks for a packer "
                           "before the first order."),
    "pack.weight_not_yet": ("Pas encore de poids : {left} article(s) restent à scanner.",
                            "No weight yet: {left} item(s) still to scan."),
    "pack.weight_far": ("{weight} g, pour {computed} g calculés : trop loin. Pesez à nouveau et retapez le "
                        "poids pour le confirmer — ou Entrée/F4 pour le poids calculé.",
                        "{weight} g, against {computed} g computed: too far off. Weigh again and type the "
                        "weight again to confirm it — or Enter/F4 for the computed weight."),
    "pack.reason_needed": ("Pourquoi abandonner ? Scannez un motif de la feuille de commandes (abîmé, "
                           "introuvable, annulée par le client, autre) ou tapez la raison puis Entrée.",
                           "Why abandon? Scan a reason from the command sheet (damaged, not found, "
                           "cancelled by the customer, other) or type the reason, then Enter."),
    "pack.empty": ("Scan vide ignoré.", "Empty scan ignored."),
    "pack.parcel_closed": ("Colis {number} fermé ({weight} g, {items} article(s)) : mettez les articles "
                           "suivants dans le colis {next}.",
                           "Parcel {number} closed ({weight} g, {items} item(s)): put the next items "
                           "in parcel {next}."),
    "pack.parcel_empty": ("Rien à mettre dans ce colis : scannez d'abord ses articles.",
                          "Nothing to put in this parcel: scan its items first."),
    "pack.parcel_after_label": ("La commande {ref} a déjà son étiquette transporteur (imprimée avant "
                                "l'emballage) : elle part en un seul colis.",
                                "Order {ref} already has its carrier label (printed before packing): "
                                "it ships as one parcel."),
    "pack.failed": ("{error}", "{error}"),
    "doc.kind.label": ("Étiquette", "Label"),
    "doc.kind.slip": ("Bon de livraison", "Packing slip"),
    "doc.kind.customs": ("Déclaration en douane (CN23)", "Customs declaration (CN23)"),
})
