"""Pieces every back-office window shares: a read-only table model, a folder field with
its browse button, a field's error line, a reason-and-name dialog, confirmations and
error boxes whose texts come from our catalogue.

Widgets that show the shop's own data (customer names, file headers, paths) carry the
``shop_data`` property, so that the translation test knows their text is not ours.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from packstation.core import i18n
from packstation.core.errors import PackstationError
# The services register the names of documents (history.document.*) and the fraud
# messages (hold.*) that these windows show too.
from packstation.services import history as _history_texts, holds as _hold_texts  # noqa: F401
from packstation.ui.formats import datetime_text
from packstation.ui.dialogs import dialog_buttons
from packstation.ui.texts import tr

ERROR_CSS = "color: #b71c1c; font-weight: bold;"
SHOP_DATA = "shop_data"


def mark_shop_data(widget: QWidget) -> QWidget:
    """Say that ``widget`` shows the shop's data, not a text of ours (see the module doc)."""
    widget.setProperty(SHOP_DATA, True)
    return widget


def local_time(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """A moment on the shop's clock, written the way the current language writes it."""
    return datetime_text(moment, seconds=seconds)


def duration(seconds: float | None) -> str:
    """A packing time: "1 min 05 s", "45 s", or "—" when unknown."""
    if seconds is None:
        return "—"
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if minutes:
        return tr("ui.bo.duration_min", minutes=minutes, seconds=f"{rest:02d}")
    return tr("ui.bo.duration_s", seconds=rest)


class RowsModel(QAbstractTableModel):
    """A table of precomputed display texts (``data()`` is one lookup), with a payload per
    row (an order, a carrier...) for the actions of the window."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *,
                 numeric: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.numeric = set(numeric)
        self.rows: list[tuple[str, ...]] = []
        self.payloads: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[object]], payloads: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self.rows = [tuple("" if cell is None else str(cell) for cell in row) for row in rows]
        self.payloads = list(payloads) if payloads is not None else [None] * len(self.rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def payload(self, row: int) -> Any:
        return self.payloads[row] if 0 <= row < len(self.payloads) else None

    def column(self, column: int) -> list[str]:
        return [row[column] for row in self.rows]


def make_table(model: RowsModel, *, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    # The view owns its model: Qt deletes a parent's children after the parent's own
    # destructor, so no view (nor its header's pending resize) outlives its model.
    model.setParent(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def error_label() -> QLabel:
    """The line under a field that says why its value was refused (hidden when fine)."""
    label = QLabel()
    label.setStyleSheet(ERROR_CSS)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def set_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


class FolderField(QWidget):
    """A folder path typed or chosen with a browse button, and its error line."""

    def __init__(self, value: str | None = "", *, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        self.edit = QLineEdit(value or "")
        self.edit.setPlaceholderText(placeholder)
        self.browse = QPushButton(tr("ui.bo.browse"))
        self.browse.clicked.connect(self.choose)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("ui.bo.choose_folder"), self.edit.text(),
                                                  FILE_DIALOG_OPTIONS | QFileDialog.Option.ShowDirsOnly)
        if folder:
            self.edit.setText(folder)

    def value(self) -> str | None:
        return self.edit.text().strip() or None


def show_error(parent: QWidget | None, error: PackstationError | str) -> None:
    """A domain error in a box: what went wrong and what to do (never a traceback)."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("ui.bo.error_title"),
                      error.message if isinstance(error, PackstationError) else error,
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()


#: Qt's own file dialog, not the desktop's: it speaks the window's language (qtbase_fr),
#: where a desktop's dialog speaks the system's, often English on a shop's PC.
FILE_DIALOG_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(tr("ui.bo.yes"))
    box.button(QMessageBox.StandardButton.No).setText(tr("ui.bo.no"))
    box.setDefaultButton(QMessageBox.StandardButton.No)  # a hand-over is not undone
    return box.exec() == QMessageBox.StandardButton.Yes


class ReasonDialog(QDialog):
    """A reason and the name of who decides: unpacking, releasing or cancelling an order
    leaves an event that says why and who."""

    def __init__(self, title: str, prompt: str, *, name: str = "", ok_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("ui.bo.reason_placeholder"))
        self.name = QLineEdit(name)
        form.addRow(tr("ui.bo.reason"), self.reason)
        form.addRow(tr("ui.bo.name"), self.name)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = dialog_buttons(self, ok_text or tr("ui.bo.ok"), on_accept=self.on_accept)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        # The services refuse an empty reason or name too; asking here keeps the dialog open.
        if not self.reason.text().strip():
            set_error(self.error, i18n.tr("hold.reason_needed"))
            self.reason.setFocus()
        elif not self.name.text().strip():
            set_error(self.error, i18n.tr("hold.name_needed"))
            self.name.setFocus()
        else:
            self.accept()

    def values(self) -> tuple[str, str]:
        return self.reason.text().strip(), self.name.text().strip()
