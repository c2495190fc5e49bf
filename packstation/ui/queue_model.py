"""The queue as a Qt item model: pages of orders, most urgent first, with their state.

:class:`QueueModel` pages the query of :func:`packstation.services.queue.queue` with
``canFetchMore``/``fetchMore``, so that a shop with 100,000 pending orders shows its
first page at once and the view asks for more as it scrolls. Each row's display values
are computed when its page arrives; ``data()`` is one lookup.

Reading a page is a :class:`QueueReader`'s work, which touches no Qt object: given a
``submit`` (the window's :meth:`~packstation.ui.background.Background.submit`), the model
has its first page read on the thread pool and applies it in one batch on the UI thread,
so that the refresh after every scan never holds up the next scan or a repaint. The
first pages come from the index (:func:`packstation.services.queue.queue_ids`), not from
a sort of every pending order.

Which pending orders are short of stock takes a walk over the whole queue: the window
computes it off the UI thread and hands the set in with :meth:`QueueModel.set_short`.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Callable

import peewee as pw
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from packstation.db.models import Carrier, Order, OrderLine, OrderStatus, awaits_payment, utcnow
from packstation.services.holds import reason_text
from packstation.services.queue import QUEUE_STATUSES, queue, queue_ids
from packstation.ui.formats import datetime_text
from packstation.ui.texts import tr

PAGE_SIZE = 200
#: Pages starting above this row come from the index (services.queue.queue_ids); deeper
#: ones from the sorted query, which costs the same wherever the page starts.
INDEX_READ_ROWS = 2000
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

_COLUMNS = (Order.id, Order.ref, Order.status, Order.customer_name, Order.city, Order.country,
            Order.carrier, Order.shipping_method, Order.express, Order.ordered_at,
            Order.claimed_station, Order.hold_reason, Order.hold_messages, Order.note,
            Order.payment)


def row_state(order_id: int, status: str, short_ids: set[int] | frozenset[int] | None) -> str:
    if status == OrderStatus.ON_HOLD:
        return "on_hold"
    if status == OrderStatus.PACKING:
        return "packing"
    if short_ids and order_id in short_ids:
        return "short"
    return "ready"


def state_text(state: str, row: QueueRow) -> str:
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


class QueueReader:
    """One reading of the queue — a filter, the orders short of stock, a time — as plain
    rows with their display texts ready. No Qt object: it runs on a worker thread as well
    as on the UI thread (each thread has its own database connection)."""

    def __init__(self, now: dt.datetime, *, carrier_id: int | None = None,
                 state: StateFilter = StateFilter.ALL, search: str = "",
                 short_ids: set[int] | frozenset[int] | None = None) -> None:
        self.now, self.carrier_id, self.state, self.search = now, carrier_id, state, search
        self.short_ids = frozenset(short_ids) if short_ids is not None else None
        short = self.short_ids or frozenset()
        self.carriers = dict(Carrier.select(Carrier.id, Carrier.name).tuples())
        statuses = QUEUE_STATUSES
        if state in (StateFilter.READY, StateFilter.SHORT):
            statuses = (OrderStatus.PENDING,)
        elif state is StateFilter.ON_HOLD:
            statuses = (OrderStatus.ON_HOLD,)
        elif state is StateFilter.PACKING:
            statuses = (OrderStatus.PACKING,)
        self.statuses = statuses
        self.empty = state is StateFilter.SHORT and not short
        query = queue(now, statuses=statuses, carrier_id=carrier_id, search=search, short=short)
        if state is StateFilter.SHORT:
            query = query.where(Order.id.in_(sorted(short)))
        elif state is StateFilter.READY and short:
            query = query.where(Order.id.not_in(sorted(short)))
        self.query = query.select(*_COLUMNS)

    def count(self) -> int:
        return 0 if self.empty else self.query.count()

    def page(self, offset: int, count: int) -> list[QueueRow]:
        if self.empty or count <= 0:
            return []
        ids = self._ids_from_index(offset, count)
        if ids is None:
            orders = list(self.query.limit(count).offset(offset))
        else:
            by_id = {order.id: order for order in
                     Order.select(*_COLUMNS).where(Order.id.in_(ids))} if ids else {}
            orders = [by_id[order_id] for order_id in ids if order_id in by_id]
        if not orders:
            return []
        items = dict(OrderLine.select(OrderLine.order, pw.fn.SUM(OrderLine.quantity))
                     .where(OrderLine.order.in_([order.id for order in orders]))
                     .group_by(OrderLine.order).tuples())
        return [self._row(order, items.get(order.id, 0)) for order in orders]

    def _ids_from_index(self, offset: int, count: int) -> list[int] | None:
        """The page's ids in the queue's order from the index, or None where the sorted
        query does better (a search, a deep page) or must decide (the short filters)."""
        if self.search or offset >= INDEX_READ_ROWS or self.state is StateFilter.SHORT:
            return None
        short = self.short_ids or frozenset()
        if self.state is StateFilter.READY and short:
            # Ready: the pending ones that are not short, which is what the index stream
            # gives when the short ones are sorted apart; otherwise let SQL leave them out.
            from packstation.services.queue import MAX_SHORT_SORTED

            if len(short) > MAX_SHORT_SORTED:
                return None
            wanted = queue_ids(self.now, statuses=self.statuses, carrier_id=self.carrier_id,
                               short=short, offset=offset, limit=count)
            return [order_id for order_id in wanted if order_id not in short]
        return queue_ids(self.now, statuses=self.statuses, carrier_id=self.carrier_id,
                         short=short, offset=offset, limit=count)

    def _row(self, order: Order, items: int) -> QueueRow:
        carrier = self.carriers.get(order.carrier_id) or order.shipping_method or "—"
        if order.express:
            carrier = f"{carrier} · {tr('ui.express')}"
        ordered = datetime_text(order.ordered_at, year=False)
        customer = order.customer_name + (f" — {order.city}" if order.city else "")
        row = QueueRow(order.id, order.ref, order.status, order.express,
                       row_state(order.id, order.status, self.short_ids),
                       station=order.claimed_station or "", hold_reason=order.hold_reason,
                       hold_messages=order.hold_messages, tooltip=order.note,
                       awaiting_payment=awaits_payment(order))
        row.display = [order.ref, customer, carrier, str(items), ordered, ""]
        row.display[Column.STATE] = state_text(row.state, row)
        return row


@dataclass
class QueuePage:
    """What a reading brought back: the reader (for the next pages), the count, the first
    rows, and which request it answers."""

    generation: int
    reader: QueueReader
    total: int
    rows: list[QueueRow]


def read_first_page(generation: int, reader_args: dict, page_size: int) -> QueuePage:
    """The queue's count and first page (run on a worker thread, or at once)."""
    reader = QueueReader(**reader_args)
    total = reader.count()
    rows = reader.page(0, page_size)
    if len(rows) < page_size:
        total = len(rows)  # rows may have left since the count
    return QueuePage(generation, reader, total, rows)


class QueueModel(QAbstractTableModel):
    """The packing queue, paged lazily; filters by carrier, state and search text.

    ``submit`` (``Background.submit``) has each reload's reading done off the UI thread;
    without it, the model reads at once. :meth:`reload` with ``now=True`` always does.

    Signals:
        loaded(): a reload was applied (the count may have changed).
    """

    loaded = Signal()

    def __init__(self, clock: Callable[[], dt.datetime] = utcnow, page_size: int = PAGE_SIZE,
                 parent=None, *, submit: Callable | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.page_size = page_size
        self._submit = submit  # not "submit": QAbstractItemModel.submit() is a virtual slot
        self.carrier_id: int | None = None
        self.state_filter = StateFilter.ALL
        self.search = ""
        self.short_ids: set[int] | None = None  # None until computed
        self.total = 0
        self._rows: list[QueueRow] = []
        self._reader: QueueReader | None = None
        self._generation = 0  # the last reload asked for: older answers are dropped
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {state: (QBrush(QColor(colours[0])), QBrush(QColor(colours[1])))
                         for state, colours in _STATE_COLOURS.items() if colours}

    # -- what the window calls ---------------------------------------------------------

    def set_filter(self, *, carrier_id: int | None = None, state: StateFilter = StateFilter.ALL,
                   search: str = "", now: bool = False) -> None:
        self.carrier_id, self.state_filter, self.search = carrier_id, state, search.strip()
        self.reload(now=now)

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
            state = row_state(row.order_id, row.status, self.short_ids)
            if state != row.state:
                row.state = state
                row.display[Column.STATE] = state_text(state, row)
                index = self.index(number, Column.STATE)
                self.dataChanged.emit(index.siblingAtColumn(0), index)

    def reload(self, *, now: bool = False) -> None:
        """Read again from the first page (after an import, a filter change, a refresh):
        on the pool when the model has a ``submit`` and ``now`` is not asked, else at once.
        The rows shown stay until the new ones are applied, in one batch."""
        self._generation += 1
        generation = self._generation
        args = {"now": self.clock(), "carrier_id": self.carrier_id, "state": self.state_filter,
                "search": self.search,
                "short_ids": frozenset(self.short_ids) if self.short_ids is not None else None}
        if self._submit is None or now:
            self.apply_page(read_first_page(generation, args, self.page_size))
            return
        self._submit(lambda: read_first_page(generation, args, self.page_size), self.apply_page,
                    self._on_read_failed)

    def _on_read_failed(self, error: BaseException) -> None:
        # Logged by the pool; the rows shown stay, and the next refresh reads again.
        pass

    def apply_page(self, page: QueuePage) -> None:
        """Show a reading's first page (on the UI thread): nothing moves when nothing
        changed, changed texts are repainted in place, anything else resets the view."""
        if page.generation != self._generation:
            return  # a newer reload is on its way
        self._reader = page.reader
        rows, old = page.rows, self._rows
        if rows == old and page.total == self.total:
            self.loaded.emit()
            return
        if [row.order_id for row in rows] == [row.order_id for row in old]:
            self.total = page.total
            self._rows = rows
            changed = [number for number, (new, was) in enumerate(zip(rows, old)) if new != was]
            for number in changed:
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))
            self.loaded.emit()
            return
        self.beginResetModel()
        self.total = page.total
        self._rows = rows
        self.endResetModel()
        self.loaded.emit()

    def ref_at(self, row: int) -> str | None:
        return self._rows[row].ref if 0 <= row < len(self._rows) else None

    def row_of(self, ref: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.ref == ref:
                return number
        return None

    def retranslate(self) -> None:
        for row in self._rows:
            row.display[Column.STATE] = state_text(row.state, row)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # -- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._reader is None:
            return
        wanted = min(self.page_size, self.total - len(self._rows))
        if wanted <= 0:
            return
        # The rows are read before beginInsertRows so that the count announced is exact.
        start = len(self._rows)
        rows = self._reader.page(start, wanted)
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
