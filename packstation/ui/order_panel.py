"""The order being packed: who it goes to, how, the customer's note, and its lines.

:class:`OrderPanel` shows the station's open order; :class:`LinesModel` holds its lines
as large rows (what to take, from which bin, how many verified out of how many), done
lines greyed and ticked. The panel reads the order once when it opens; a scan only
updates the lines it already has (no query on the way from a scan to the screen).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

from packstation.core.packing import LineState
from packstation.db.models import Order, awaits_payment
from packstation.ui import theme
from packstation.ui.texts import tr

TICK = "✔"


class LinesModel(QAbstractTableModel):
    """The open order's lines: tick, product, bin, verified / quantity."""

    COLUMNS = ("done", "product", "bin", "count")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[LineState] = []
        self.highlight_id: int | None = None
        self._font = QFont()
        self._font.setPointSize(theme.LINE_PT)
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._done = QBrush(QColor(theme.DONE_LINE))
        self._highlight = QBrush(QColor("#e3f1e4"))

    def set_lines(self, lines: list[LineState], highlight_id: int | None = None) -> None:
        self.beginResetModel()
        # Copies: the station changes its LineStates in place as scans arrive.
        self._lines = [LineState(line.id, line.sku, line.name, line.quantity, line.verified,
                                 line.bin, line.codes) for line in lines]
        self.highlight_id = highlight_id
        self.endResetModel()

    def line(self, row: int) -> LineState:
        return self._lines[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "done":
                return TICK if line.done else ""
            if column == "product":
                suffix = "" if line.has_barcode else "  " + tr("ui.lines.no_barcode")
                return f"{line.name}\n{line.sku}{suffix}"
            if column == "bin":
                return line.bin or "—"
            return f"{line.verified} / {line.quantity}"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == "count" and not line.done else self._font
        if role == Qt.ItemDataRole.ForegroundRole and line.done:
            return self._done
        if role == Qt.ItemDataRole.BackgroundRole and line.id == self.highlight_id:
            return self._highlight
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("done", "count", "bin"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            column = self.COLUMNS[section]
            return "" if column == "done" else tr(f"ui.lines.{column}")
        return None


@dataclass(frozen=True)
class OrderHeading:
    """The open order's fixed texts, read once when it opens."""

    ref: str
    recipient: str
    carrier: str
    note: str
    awaiting_payment: bool = False

    @classmethod
    def of(cls, order: Order) -> "OrderHeading":
        carrier = order.carrier.name if order.carrier_id else (order.shipping_method or "—")
        service = tr("ui.express") if order.express else tr("ui.standard")
        lines = [order.customer_name, order.company, order.address1, order.address2,
                 " ".join(part for part in (order.postcode, order.city) if part),
                 " ".join(part for part in (order.region, order.country) if part)]
        return cls(order.ref, "\n".join(line for line in lines if line),
                   f"{carrier} · {service}", order.note.strip(), awaits_payment(order))


class OrderPanel(QWidget):
    """The open order, or a word saying what to scan when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading: OrderHeading | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        left = QVBoxLayout()
        self.ref = QLabel()
        self.ref.setStyleSheet(f"font-size: {theme.ORDER_REF_PT}pt; font-weight: bold;")
        self.carrier = QLabel()
        self.carrier.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1c5fa8;")
        left.addWidget(self.ref)
        left.addWidget(self.carrier)
        left.addStretch(1)
        top.addLayout(left, 1)
        self.recipient = QLabel()
        self.recipient.setStyleSheet("font-size: 12pt;")
        self.recipient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipient.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.recipient, 1)
        layout.addLayout(top)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"{theme.swatch_css(theme.NOTE)} font-size: 14pt; font-weight: bold;"
                                " padding: 6px 10px; border: 2px solid #e0b400; border-radius: 4px;")
        layout.addWidget(self.note)

        self.payment = QLabel()
        self.payment.setObjectName("awaitingPayment")
        self.payment.setStyleSheet("font-size: 14pt; font-weight: bold; color: #7a1010; background: #f7d4d4;"
                                   " padding: 4px 10px; border-radius: 4px;")
        layout.addWidget(self.payment)

        self.lines_model = LinesModel(self)
        self.lines_view = QTableView()
        self.lines_view.setObjectName("linesView")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.verticalHeader().setVisible(False)
        self.lines_view.verticalHeader().setDefaultSectionSize(58)
        self.lines_view.setWordWrap(True)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 44)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 110)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(3, 110)
        layout.addWidget(self.lines_view, 1)

        self.idle = QLabel()
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        self.idle.setStyleSheet("font-size: 16pt; color: #5b6673;")
        self.idle.setFrameShape(QFrame.Shape.StyledPanel)
        layout.addWidget(self.idle, 1)
        self.show_order(None, [])

    def show_order(self, heading: OrderHeading | None, lines: list[LineState],
                   highlight_id: int | None = None) -> None:
        self.heading = heading
        has_order = heading is not None
        for widget in (self.ref, self.carrier, self.recipient, self.lines_view):
            widget.setVisible(has_order)
        self.idle.setVisible(not has_order)
        if heading is None:
            self.idle.setText(tr("ui.order.idle"))
            self.note.hide()
            self.payment.hide()
            self.lines_model.set_lines([])
            return
        self.ref.setText(heading.ref)
        self.carrier.setText(heading.carrier)
        self.recipient.setText(heading.recipient)
        self.note.setText(tr("ui.order.note", note=heading.note))
        self.note.setVisible(bool(heading.note))
        self.payment.setText(tr("ui.order.awaiting_payment"))
        self.payment.setVisible(heading.awaiting_payment)
        self.lines_model.set_lines(lines, highlight_id)

    def update_lines(self, lines: list[LineState], highlight_id: int | None = None) -> None:
        self.lines_model.set_lines(lines, highlight_id)
        if highlight_id is not None:
            for row in range(self.lines_model.rowCount()):
                if self.lines_model.line(row).id == highlight_id:
                    self.lines_view.scrollTo(self.lines_model.index(row, 1))
                    break
