"""The queue as a Qt item model: pages of orders, most urgent first, with their state.

:class:`QueueModel` pages the query of :func:`packstation.services.queue.queue` with
``canFetchMore``/``fetchMore``, so that a shop with 100,000 pending orders shows its
first page at once and the view asks for more as it scrolls. Each row's display values
are computed when its page arrives; ``data()`` is one lookup.

Which pending orders are short of stock takes a walk over the whole queue: the window
computes it off the UI thread and hands the set in with :meth:`QueueModel.set_short`.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Callable

import peewee as pw
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from packstation.db.models import Carrier, Order, OrderLine, OrderStatus, awaits_payment, utcnow
from packstation.services.holds import reason_text
from packstation.services.queue import QUEUE_STATUSES, queue
from packstation.ui.formats import datetime_text
from packstation.ui.texts import tr

PAGE_SIZE = 200
REF_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
AWAITING_PAYMENT_ROLE = Qt.ItemDataRole.UserRole + 3


class StateFilter(enum.Enum):
    ALL = "all"
    READY = "ready"
    SHORT = "short"
    ON_HOLD = "on_hold"
    PACKING = "packing"

    @property
    def label(self) -> str:
        return tr(f"ui.queue.filter.{self.value}")


class Column(enum.IntEnum):
    REF = 0
    CUSTOMER = 1
    CARRIER = 2
    ITEMS = 3
    ORDERED = 4
    STATE = 5

    @property
    def title(self) -> str:
        return tr(f"ui.queue.column.{self.name.lower()}")


@dataclass
class QueueRow:
    """One order as the queue shows it: its id, its state and its ready-made texts."""

    order_id: int
    ref: str
    status: str
    express: bool
    state: str  # ready | short | on_hold | packing
    station: str = ""  # the table packing it
    hold_reason: str = ""
    hold_messages: list | None = None  # a rule's reasons, shown in the window's language
    awaiting_payment: bool = False  # marked beside the state, unless held (its reason says why)
    display: list[str] = field(default_factory=list)
    tooltip: str = ""


_STATE_COLOURS = {
    "ready": None,
    "short": ("#fde2c4", "#6b3a00"),
    "on_hold": ("#f7d4d4", "#7a1010"),
    "packing": ("#dfe6ee", "#4a5563"),
}


class QueueModel(QAbstractTableModel):
    """The packing queue, paged lazily; filters by carrier, state and search text."""

    def __init__(self, clock: Callable[[], dt.datetime] = utcnow, page_size: int = PAGE_SIZE,
                 parent=None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.page_size = page_size
        self.carrier_id: int | None = None
        self.state_filter = StateFilter.ALL
        self.search = ""
        self.short_ids: set[int] | None = None  # None until computed
        self.total = 0
        self._rows: list[QueueRow] = []
        self._carriers: dict[int, str] = {}
        self._query: pw.ModelSelect | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {state: (QBrush(QColor(colours[0])), QBrush(QColor(colours[1])))
                         for state, colours in _STATE_COLOURS.items() if colours}

    # -- what the window calls ---------------------------------------------------------

    def set_filter(self, *, carrier_id: int | None = None, state: StateFilter = StateFilter.ALL,
                   search: str = "") -> None:
        self.carrier_id, self.state_filter, self.search = carrier_id, state, search.strip()
        self.reload()

    def set_short(self, short_ids: set[int]) -> None:
        """Mark the orders short of stock (computed elsewhere, off the UI thread)."""
        changed = short_ids != self.short_ids
        self.short_ids = set(short_ids)
        if not changed:
            return
        if self.state_filter in (StateFilter.READY, StateFilter.SHORT):
            self.reload()  # which rows belong depends on the set
            return
        for number, row in enumerate(self._rows):
            state = self._state(row.order_id, row.status)
            if state != row.state:
                row.state = state
                row.display[Column.STATE] = self._state_text(state, row)
                index = self.index(number, Column.STATE)
                self.dataChanged.emit(index.siblingAtColumn(0), index)

    def reload(self) -> None:
        """Query again from the first page (after an import, a filter change, a refresh)."""
        self.beginResetModel()
        self._carriers = dict(Carrier.select(Carrier.id, Carrier.name).tuples())
        self._query = self._build_query()
        self.total = self._query.count() if self._query is not None else 0
        self._rows = self._read_page(0, self.page_size)
        if len(self._rows) < self.page_size:
            self.total = len(self._rows)  # rows may have left since the count
        self.endResetModel()

    def ref_at(self, row: int) -> str | None:
        return self._rows[row].ref if 0 <= row < len(self._rows) else None

    def row_of(self, ref: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.ref == ref:
                return number
        return None

    def retranslate(self) -> None:
        for row in self._rows:
            row.display[Column.STATE] = self._state_text(row.state, row)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # -- the query -----------------------------------------------------------------------

    def _build_query(self) -> pw.ModelSelect | None:
        statuses = QUEUE_STATUSES
        state = self.state_filter
        if state in (StateFilter.READY, StateFilter.SHORT):
            statuses = (OrderStatus.PENDING,)
        elif state is StateFilter.ON_HOLD:
            statuses = (OrderStatus.ON_HOLD,)
        elif state is StateFilter.PACKING:
            statuses = (OrderStatus.PACKING,)
        query = queue(self.clock(), statuses=statuses, carrier_id=self.carrier_id, search=self.search,
                      short=self.short_ids or frozenset())
        short = list(self.short_ids or ())
        if state is StateFilter.SHORT:
            if not short:
                return None
            query = query.where(Order.id.in_(short))
        elif state is StateFilter.READY and short:
            query = query.where(Order.id.not_in(short))
        return query.select(Order.id, Order.ref, Order.status, Order.customer_name, Order.city,
                            Order.country, Order.carrier, Order.shipping_method, Order.express,
                            Order.ordered_at, Order.claimed_station, Order.hold_reason, Order.hold_messages, Order.note,
                            Order.payment)

    def _read_page(self, offset: int, count: int) -> list[QueueRow]:
        if self._query is None:
            return []
        orders = list(self._query.limit(count).offset(offset))
        if not orders:
            return []
        ids = [order.id for order in orders]
        items = dict(OrderLine.select(OrderLine.order, pw.fn.SUM(OrderLine.quantity))
                     .where(OrderLine.order.in_(ids)).group_by(OrderLine.order).tuples())
        return [self._row(order, items.get(order.id, 0)) for order in orders]

    def _row(self, order: Order, items: int) -> QueueRow:
        carrier = self._carriers.get(order.carrier_id) or order.shipping_method or "—"
        if order.express:
            carrier = f"{carrier} · {tr('ui.express')}"
        ordered = datetime_text(order.ordered_at, year=False)
        customer = order.customer_name + (f" — {order.city}" if order.city else "")
        row = QueueRow(order.id, order.ref, order.status, order.express,
                       self._state(order.id, order.status), station=order.claimed_station or "",
                       hold_reason=order.hold_reason, hold_messages=order.hold_messages,
                       tooltip=order.note,
                       awaiting_payment=awaits_payment(order))
        row.display = [order.ref, customer, carrier, str(items), ordered, ""]
        row.display[Column.STATE] = self._state_text(row.state, row)
        return row

    def _state(self, order_id: int, status: str) -> str:
        if status == OrderStatus.ON_HOLD:
            return "on_hold"
        if status == OrderStatus.PACKING:
            return "packing"
        if self.short_ids and order_id in self.short_ids:
            return "short"
        return "ready"

    @staticmethod
    def _state_text(state: str, row: QueueRow) -> str:
        if state == "on_hold":
            return tr("ui.queue.state.on_hold",
                      reason=reason_text(row.hold_reason, row.hold_messages) or "?")
        if state == "packing":
            text = tr("ui.queue.state.packing", station=row.station or "?")
        else:
            text = tr(f"ui.queue.state.{state}")
        if row.awaiting_payment:
            text += " · " + tr("ui.queue.mark.awaiting_payment")
        return text

    # -- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._query is None:
            return
        wanted = min(self.page_size, self.total - len(self._rows))
        if wanted <= 0:
            return
        # The rows are read before beginInsertRows so that the count announced is exact.
        start = len(self._rows)
        rows = self._read_page(start, wanted)
        if len(rows) < wanted:
            self.total = start + len(rows)  # orders left the queue since the count
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[index.column()]
        if role == REF_ROLE:
            return row.ref
        if role == STATE_ROLE:
            return row.state
        if role == AWAITING_PAYMENT_ROLE:
            return row.awaiting_payment
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == Qt.ItemDataRole.FontRole and row.express and index.column() == Column.CARRIER:
            return self._bold
        brushes = self._brushes.get(row.state)
        if brushes is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return brushes[0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return brushes[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == Column.ITEMS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return Column(section).title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
