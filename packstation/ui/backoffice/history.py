"""The history window: any order found again, its story, and what can still be done.

A search field takes a ref, a customer's name, a tracking number, an e-mail or a day
(``25/11/2026``); the results list the newest first. The selected order's timeline
(imports, claims, every scan and mistake, prints, holds, hand-over) comes from
:func:`packstation.services.history.timeline`. The buttons reprint its label or slip,
unpack it (a reason and a name, the stock goes back), or release / cancel it when held.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from packstation.core import i18n
from packstation.core.errors import PackstationError
from packstation.db.models import Order, OrderStatus, Shipment
from packstation.services.context import StationConfig
from packstation.ui.backoffice.common import (
    ReasonDialog, RowsModel, local_time, make_table, mark_shop_data, show_error,
)
from packstation.ui.texts import tr

#: Where each action makes sense (the services refuse the others with their reason too).
REPRINTABLE = {OrderStatus.PENDING, OrderStatus.ON_HOLD, OrderStatus.PACKING, OrderStatus.PACKED,
               OrderStatus.SHIPPED}


class HistoryWindow(QDialog):
    """Search, results, the selected order's timeline and its actions."""

    def __init__(self, config: StationConfig, *, station: str, packer: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.station = station
        self.packer = packer
        self.setWindowTitle(tr("ui.history.title"))
        self.resize(1180, 700)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(tr("ui.history.search"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self.search)
        self.search_button = QPushButton(tr("ui.history.search_button"))
        self.search_button.clicked.connect(self.search)
        row.addWidget(self.search_field, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.results_model = RowsModel([tr(f"ui.history.column.{key}") for key in
                                        ("ref", "ordered", "customer", "carrier", "status", "tracking",
                                         "packed")], self)
        self.results_view = make_table(self.results_model, stretch=2)
        self.results_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        splitter.addWidget(self.results_view)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.order_title = QLabel(objectName="sectionTitle")
        mark_shop_data(self.order_title)
        lower_layout.addWidget(self.order_title)
        self.timeline_model = RowsModel([tr(f"ui.history.column.{key}") for key in
                                         ("when", "station", "packer", "what")], self)
        self.timeline_view = make_table(self.timeline_model, stretch=3)
        lower_layout.addWidget(self.timeline_view, 1)
        splitter.addWidget(lower)
        splitter.setSizes([300, 340])
        layout.addWidget(splitter, 1)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, handler in (("reprint_label", lambda: self.reprint("label")),
                              ("reprint_slip", lambda: self.reprint("slip")),
                              ("unpack", self.unpack), ("release", self.release),
                              ("cancel", self.cancel_order)):
            button = QPushButton(tr(f"ui.history.action.{name}"))
            button.clicked.connect(handler)
            button.setEnabled(False)
            self.buttons[name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.search()

    # -- searching --------------------------------------------------------------------

    @Slot()
    def search(self) -> None:
        from packstation.services.history import search_orders

        orders = search_orders(self.search_field.text())
        shipments = {s.order_id: s for s in Shipment.select().where(
            Shipment.order.in_([order.id for order in orders]))} if orders else {}
        rows = []
        for order in orders:
            shipment = shipments.get(order.id)
            rows.append((order.ref, local_time(order.ordered_at), order.customer_name,
                         order.carrier.name if order.carrier_id else order.shipping_method,
                         i18n.tr(f"status.{order.status}"),
                         (shipment.tracking if shipment else order.tracking) or "",
                         local_time(shipment.packed_at) if shipment else ""))
        self.results_model.set_rows(rows, [order.id for order in orders])
        self.message.setText(tr("ui.history.found", count=len(orders)))
        if orders:
            self.results_view.selectRow(0)
        self.show_selected()

    def select_ref(self, ref: str) -> bool:
        """Select the result row of ``ref`` (after a search); False if it is not listed."""
        refs = self.results_model.column(0)
        if ref not in refs:
            return False
        self.results_view.selectRow(refs.index(ref))
        self.show_selected()
        return True

    def selected_order(self) -> Order | None:
        row = self.results_view.currentIndex().row()
        order_id = self.results_model.payload(row)
        return Order.get_or_none(Order.id == order_id) if order_id is not None else None

    @Slot()
    def show_selected(self) -> None:
        from packstation.services.history import timeline
        from packstation.services.holds import hold_reason_text

        order = self.selected_order()
        if order is None:
            self.order_title.setText("")
            self.timeline_model.set_rows([])
        else:
            self.order_title.setText(tr("ui.history.order_title", ref=order.ref,
                                             customer=order.customer_name,
                                             status=i18n.tr(f"status.{order.status}"))
                                     + (f" — {reason}" if (reason := hold_reason_text(order)) else ""))
            self.timeline_model.set_rows([(local_time(entry.at, seconds=True), entry.station,
                                           entry.packer, entry.text) for entry in timeline(order)])
        status = order.status if order else None
        self.buttons["reprint_label"].setEnabled(status in REPRINTABLE)
        self.buttons["reprint_slip"].setEnabled(status in REPRINTABLE)
        self.buttons["unpack"].setEnabled(status == OrderStatus.PACKED)
        self.buttons["release"].setEnabled(status == OrderStatus.ON_HOLD)
        self.buttons["cancel"].setEnabled(status in (OrderStatus.ON_HOLD, OrderStatus.PENDING))

    def _after_change(self, text: str) -> None:
        ref = self.selected_order().ref if self.selected_order() else None
        self.search()
        if ref:
            self.select_ref(ref)
        self.message.setText(text)

    # -- actions ----------------------------------------------------------------------

    def reprint(self, kind: str) -> list[dict]:
        from packstation.services.printing import OrderPrinter

        order = self.selected_order()
        if order is None:
            return []
        # Through the station's print worker when the window has one: never on this thread.
        printer = OrderPrinter(self.config, worker=getattr(self, "print_worker", None))
        results = printer.print_order_documents(order.id, (kind,), station=self.station, reprint=True)
        texts = []
        for result in results:
            document = i18n.tr(f"history.document.{result['kind']}")
            if result.get("status") == "failed":
                texts.append(tr("ui.history.print_failed", document=document,
                                     error=result.get("error", "")))
            else:
                texts.append(tr("ui.history.printed", document=document,
                                     output=result.get("output") or result.get("destination") or ""))
        self._after_change(" ".join(texts))
        return results

    def _ask(self, action: str, order: Order) -> tuple[str, str] | None:
        dialog = ReasonDialog(tr(f"ui.history.{action}.title", ref=order.ref),
                              tr(f"ui.history.{action}.prompt", ref=order.ref),
                              name=self.packer, ok_text=tr(f"ui.history.action.{action}"),
                              parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def _decide(self, action: str, function, done_key: str) -> None:
        order = self.selected_order()
        if order is None:
            return
        answer = self._ask(action, order)
        if answer is None:
            return
        reason, by = answer
        try:
            function(order.ref, reason=reason, by=by, station=self.station)
        except PackstationError as error:
            show_error(self, error)
            return
        self._after_change(tr(done_key, ref=order.ref))

    @Slot()
    def unpack(self) -> None:
        from packstation.services.unpack import unpack

        self._decide("unpack", unpack, "ui.history.unpacked")

    @Slot()
    def release(self) -> None:
        from packstation.services.holds import release

        self._decide("release", release, "ui.history.released")

    @Slot()
    def cancel_order(self) -> None:
        from packstation.services.holds import cancel

        self._decide("cancel", cancel, "ui.history.cancelled")
