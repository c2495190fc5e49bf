"""End of day: each carrier's waiting parcels, its manifest printed, the hand-over confirmed.

One row per carrier with parcels packed and not yet handed over (count and weight).
"Imprimer le bordereau" renders the manifest and sends it through the print queue to
the station's manifest destination; "Confirmer la remise" (after a confirmation) marks
those parcels handed over and their orders shipped, and the row goes away.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from packstation.core.errors import PackstationError
from packstation.db.models import Carrier, PrintJob
from packstation.services.context import StationConfig
from packstation.ui.backoffice.common import RowsModel, confirm, make_table, show_error
from packstation.ui.formats import kilograms_text
from packstation.ui.texts import tr


def _kilograms(grams: int) -> str:
    return kilograms_text(grams)


class EndOfDayDialog(QDialog):
    """The carriers' waiting parcels, their manifests and the hand-over."""

    def __init__(self, config: StationConfig, *, station: str, packer: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.station = station
        self.packer = packer
        self.setWindowTitle(tr("ui.eod.title"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("ui.eod.intro"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsModel([tr(f"ui.eod.column.{key}") for key in ("carrier", "parcels", "weight")],
                               self, numeric=(1, 2))
        self.view = make_table(self.model, stretch=0)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._sync_buttons())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(tr("ui.eod.print"))
        self.print_button.clicked.connect(self.print_manifest)
        self.hand_over_button = QPushButton(tr("ui.eod.hand_over"))
        self.hand_over_button.clicked.connect(self.confirm_hand_over)
        close = QPushButton(tr("ui.bo.close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.print_button)
        row.addWidget(self.hand_over_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        from packstation.services.manifests import waiting_totals

        rows, payloads = [], []
        for carrier in Carrier.select().order_by(Carrier.name):
            parcels, grams = waiting_totals(carrier)  # as the manifest counts them
            if parcels:
                rows.append((carrier.name, parcels, _kilograms(grams)))
                payloads.append(carrier.code)
        self.model.set_rows(rows, payloads)
        if rows:
            self.view.selectRow(0)
        else:
            self.message.setText(tr("ui.eod.nothing"))
        self._sync_buttons()

    def select_carrier(self, code: str) -> bool:
        if code not in self.model.payloads:
            return False
        self.view.selectRow(self.model.payloads.index(code))
        return True

    def selected_carrier(self) -> str | None:
        return self.model.payload(self.view.currentIndex().row())

    def _sync_buttons(self) -> None:
        chosen = self.selected_carrier() is not None
        self.print_button.setEnabled(chosen)
        self.hand_over_button.setEnabled(chosen)

    @Slot()
    def print_manifest(self) -> PrintJob | None:
        from packstation.printing.queue import PrintQueue
        from packstation.services.printing import destination_for, render

        code = self.selected_carrier()
        if code is None:
            return None
        try:
            document, _ = render("manifest", [code], config=self.config)
        except PackstationError as error:
            show_error(self, error)
            return None
        job = PrintQueue(station=self.station).submit("manifest", [code], document,
                                                      destination_for("manifest", self.config))
        if job.status == "failed":
            self.message.setText(tr("ui.eod.print_failed", error=job.last_error or ""))
        else:
            self.message.setText(tr("ui.eod.printed", output=job.output or ""))
        return job

    @Slot()
    def confirm_hand_over(self) -> bool:
        from packstation.services.manifests import hand_over

        code = self.selected_carrier()
        if code is None:
            return False
        row = self.model.payloads.index(code)
        name, count = self.model.rows[row][0], self.model.rows[row][1]
        if not confirm(self, tr("ui.eod.confirm_title"),
                       tr("ui.eod.confirm", carrier=name, count=count)):
            return False
        try:
            manifest = hand_over(code, station=self.station, packer=self.packer)
        except PackstationError as error:
            show_error(self, error)
            return False
        self.refresh()
        self.message.setText(tr("ui.eod.handed_over", carrier=name, count=manifest.parcels))
        return True
