"""Command barcodes: codes the packer scans instead of pressing a key.

Codes use only letters and digits that survive a US-layout scanner on an AZERTY
keyboard (P, S, C and the digit row), so they work on any station.
"""

from __future__ import annotations

import enum

from packstation.core import i18n


class Command(enum.Enum):
    CONFIRM = "PSC01"        # confirm one unit of a line that has no barcode
    ABANDON = "PSC02"        # abandon the open order (a reason is asked)
    REPRINT_LABEL = "PSC03"  # print the last label again
    REPRINT_SLIP = "PSC04"   # print the last packing slip again
    NEXT = "PSC05"           # open the most urgent order of the queue
    LOGOUT = "PSC06"         # the packer leaves the table
    WEIGHT_OK = "PSC07"      # accept the computed weight
    PARCEL = "PSC08"         # close this parcel with the items scanned so far; the rest go in the next
    # The reasons to abandon, scanned after PSC02 (or while the abandon dialog is open).
    REASON_DAMAGED = "PSC21"
    REASON_MISSING = "PSC22"
    REASON_CUSTOMER = "PSC23"
    REASON_OTHER = "PSC24"

    @property
    def code(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return i18n.tr(f"command.{self.name.lower()}")

    @property
    def reason(self) -> str | None:
        """The abandon reason this code stands for (in the current language), or None."""
        key = ABANDON_REASONS.get(self)
        return i18n.tr(f"abandon.reason.{key}") if key else None


BY_CODE = {command.value: command for command in Command}
#: The abandon reasons, in the order the dialog and the command sheet show them.
ABANDON_REASONS = {Command.REASON_DAMAGED: "damaged", Command.REASON_MISSING: "missing",
                   Command.REASON_CUSTOMER: "customer", Command.REASON_OTHER: "other"}


def command_for(candidates: tuple[str, ...]) -> Command | None:
    """The command a scan stands for, if any of its text forms is a command code."""
    for form in candidates:
        command = BY_CODE.get(form.upper())
        if command is not None:
            return command
    return None


i18n.register({
    "command.confirm": ("Valider un article sans code-barres", "Confirm an item without barcode"),
    "command.abandon": ("Abandonner la commande", "Abandon the order"),
    "command.reprint_label": ("Réimprimer l'étiquette", "Reprint the label"),
    "command.reprint_slip": ("Réimprimer le bon de livraison", "Reprint the packing slip"),
    "command.next": ("Commande suivante", "Next order"),
    "command.logout": ("Déconnexion du préparateur", "Packer log out"),
    "command.weight_ok": ("Accepter le poids calculé", "Accept the computed weight"),
    "command.parcel": ("Fermer le colis, continuer dans un autre", "Close the parcel, go on in another"),
    "command.reason_damaged": ("Motif d'abandon : article abîmé", "Abandon reason: damaged item"),
    "command.reason_missing": ("Motif d'abandon : article introuvable", "Abandon reason: item not found"),
    "command.reason_customer": ("Motif d'abandon : annulée par le client",
                                "Abandon reason: cancelled by the customer"),
    "command.reason_other": ("Motif d'abandon : autre", "Abandon reason: other"),
    "abandon.reason.damaged": ("Article abîmé", "Damaged item"),
    "abandon.reason.missing": ("Article introuvable en rayon", "Item not found on the shelf"),
    "abandon.reason.customer": ("Annulée par le client", "Cancelled by the customer"),
    "abandon.reason.other": ("Autre raison", "Other reason"),
})
