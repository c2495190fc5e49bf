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

    @property
    def code(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return i18n.tr(f"command.{self.name.lower()}")


BY_CODE = {command.value: command for command in Command}


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
})
