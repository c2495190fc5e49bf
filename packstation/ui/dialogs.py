"""The window's few dialogs: a reason to abandon, the packer's name, the shop's address.

Each one only asks; the window passes the answer to the services.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from packstation.core.commands import ABANDON_REASONS, command_for
from packstation.services.settings import ShopSettings
from packstation.ui.texts import tr


def dialog_buttons(dialog: QDialog, accept_text: str | None = None, *, on_accept=None,
                   save: bool = False) -> QDialogButtonBox:
    """The accept / cancel pair of a dialog, in the window's language.

    ``save`` shows a Save button (with its icon) rather than OK; ``accept_text`` names the
    accept button (Qt's own translated word when None); ``on_accept`` runs instead of
    accepting at once (to validate first and keep the dialog open on an error).
    """
    main = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(main | QDialogButtonBox.StandardButton.Cancel)
    if accept_text is not None:
        buttons.button(main).setText(accept_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel"))
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AbandonDialog(QDialog):
    """Why the order is abandoned: a common reason, or the packer's own words.

    A scan while it is open (see :meth:`take_scan`) is a reason code of the command sheet,
    which answers the dialog, or is refused: it never becomes the reason's text.
    """

    def __init__(self, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.abandon.title", ref=ref))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        prompt = QLabel(tr("ui.abandon.prompt", ref=ref))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([command.reason for command in ABANDON_REASONS])
        self.reason.setCurrentIndex(0)
        layout.addWidget(self.reason)
        buttons = dialog_buttons(self, tr("ui.abandon.ok"))
        layout.addWidget(buttons)

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def take_scan(self, code: str) -> bool:
        """A scanned reason code answers the dialog; any other scan is not for it."""
        command = command_for((code.strip(),))
        if command is None or command.reason is None:
            return False
        self.reason.setEditText(command.reason)
        self.accept()
        return True


class PackerDialog(QDialog):
    """The packer's name (or badge) typed by hand; empty logs the packer out."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.packer.title"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("ui.packer.prompt")))
        self.name = QLineEdit(current)
        self.name.selectAll()
        layout.addWidget(self.name)
        buttons = dialog_buttons(self)
        layout.addWidget(buttons)

    def packer_name(self) -> str:
        return self.name.text().strip()

    def take_scan(self, code: str) -> bool:
        """A badge scanned while the dialog is open answers it, as the prompt says."""
        from packstation.services.packers import badge_packer

        if badge_packer(code) is None:
            return False
        self.name.setText(code.strip())
        self.accept()
        return True


_SHOP_FIELDS = ("name", "address1", "address2", "postcode", "city", "country", "phone", "email",
                "return_instructions")


class ShopSettingsDialog(QDialog):
    """The shop's name and address as printed on labels and slips (no wizard: one form)."""

    def __init__(self, settings: ShopSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.shop.title"))
        self.settings = settings
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name in _SHOP_FIELDS:
            edit = QLineEdit(str(getattr(settings, name) or ""))
            self.edits[name] = edit
            form.addRow(tr(f"ui.shop.{name}"), edit)
        buttons = dialog_buttons(self, tr("ui.save"), save=True)
        form.addRow(buttons)

    def edited(self) -> ShopSettings:
        values = {field.name: getattr(self.settings, field.name) for field in fields(ShopSettings)}
        values.update({name: edit.text().strip() for name, edit in self.edits.items()})
        values["country"] = (values["country"] or "FR").upper()[:2]
        return ShopSettings(**values)
