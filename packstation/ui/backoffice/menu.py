"""The station window's menu bar and the back-office actions behind it.

:class:`BackOffice` builds the menus (French first) — Fichier, Boutique, Historique,
Statistiques, Fin de journée, Aide — opens each back-office window on the station's
configuration, runs the inbox watcher, and takes CSV files dropped on the window to the
import preview. The station window only creates it and forwards its drag-and-drop events.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QDate, QObject, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog,
    QFormLayout, QHBoxLayout, QLineEdit, QMenuBar, QPushButton, QWidget,
)

from packstation.core import i18n
from packstation.core.errors import PackstationError
from packstation.services.context import StationConfig
from packstation.ui.backoffice.common import FILE_DIALOG_OPTIONS, error_label, set_error, show_error
from packstation.ui.backoffice.inbox import InboxWatcher
from packstation.ui.dialogs import dialog_buttons
from packstation.ui.texts import tr

if TYPE_CHECKING:
    from packstation.ui.window import StationWindow

IMPORTABLE_SUFFIXES = (".csv", ".txt")
TRACKING_FORMATS = ("shopify", "woocommerce", "generic")


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local CSV files of a drag, in the order given."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in files if path.suffix.lower() in IMPORTABLE_SUFFIXES and path.is_file()]


class ExportTrackingDialog(QDialog):
    """Where and in which shop's format to write the tracking numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.tracking.title"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.format = QComboBox()
        for name in TRACKING_FORMATS:
            self.format.addItem(tr(f"ui.tracking.format.{name}"), name)
        form.addRow(tr("ui.tracking.format"), self.format)
        row = QHBoxLayout()
        self.since_enabled = QCheckBox(tr("ui.tracking.since"))
        self.since = QDateEdit(QDate.currentDate())
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd/MM/yyyy" if i18n.language() == "fr" else "yyyy-MM-dd")
        self.since.setEnabled(False)
        self.since_enabled.toggled.connect(self.since.setEnabled)
        row.addWidget(self.since_enabled)
        row.addWidget(self.since, 1)
        form.addRow(row)
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("ui.tracking.file_placeholder"))
        browse = QPushButton(tr("ui.bo.browse"))
        browse.clicked.connect(self.choose)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(tr("ui.tracking.file"), path_row)
        self.error = error_label()
        form.addRow(self.error)
        buttons = dialog_buttons(self, tr("ui.tracking.export"), on_accept=self.export)
        form.addRow(buttons)
        self.count = 0

    def choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("ui.tracking.title"),
                                              self.path.text() or "suivis.csv", tr("ui.stats.csv_filter"),
                                              options=FILE_DIALOG_OPTIONS)
        if path:
            self.path.setText(path)

    def export(self) -> bool:
        from packstation.services.tracking import export_tracking

        out = self.path.text().strip()
        if not out:
            set_error(self.error, tr("ui.tracking.no_file"))
            return False
        since = self.since.date().toString("yyyy-MM-dd") if self.since_enabled.isChecked() else None
        try:
            self.count = export_tracking(self.format.currentData(), out, since=since)
        except PackstationError as error:
            set_error(self.error, error.message)
            return False
        self.accept()
        return True


#: How many orders a pick list gathers: one walk through the stock.
PICK_LIST_BATCH = 20


class BackOffice(QObject):
    """The back office of one station window: menus, windows, inbox, drops."""

    def __init__(self, window: "StationWindow") -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.inbox = InboxWatcher(window.config, window.background, station=window.station.station,
                                  parent=self)
        self.inbox.processed.connect(self.on_inbox_processed)
        self.inbox.failed.connect(lambda text: window.notify(text, 30000))
        self.last_preview = None  # the last import preview, for the window's tests

    @property
    def config(self) -> StationConfig:
        return self.window.config

    # -- menus ------------------------------------------------------------------------

    def build_menu_bar(self) -> QMenuBar:
        bar = QMenuBar(self.window)
        menus = (
            ("file", (("import", "Ctrl+I", self.import_files), ("export_tracking", None, self.export_tracking),
                      None, ("quit", "Ctrl+Q", self.window.ask_to_quit))),
            ("shop", (("settings", None, self.open_settings), ("carriers", None, self.open_carriers))),
            ("history", (("history", "Ctrl+H", self.open_history),)),
            ("statistics", (("statistics", None, self.open_statistics),)),
            ("end_of_day", (("end_of_day", None, self.open_end_of_day),)),
            ("print", (("pick_list", "Ctrl+P", self.print_pick_list),
                       ("product_labels", None, self.print_product_labels))),
            ("help", (("command_sheet", None, self.print_command_sheet),)),
        )
        for menu_name, entries in menus:
            menu = bar.addMenu(tr(f"ui.menu.{menu_name}"))
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                    continue
                name, key, handler = entry
                action = QAction(tr(f"ui.menu.action.{name}"), self.window)
                if key:
                    action.setShortcut(QKeySequence(key))
                action.triggered.connect(handler)
                menu.addAction(action)
                self.actions[name] = action
        return bar

    # -- importing --------------------------------------------------------------------

    def importer(self):
        from packstation.services.holds import hold_rules
        from packstation.services.importing import Importer

        return Importer(station=self.window.station.station, hold_rules=hold_rules())

    @Slot()
    def import_files(self, paths: Sequence[str | Path] | None = None) -> None:
        if not paths:
            chosen, _ = QFileDialog.getOpenFileNames(self.window, tr("ui.menu.action.import"), "",
                                                     tr("ui.import.filter"), options=FILE_DIALOG_OPTIONS)
            paths = chosen
        if not paths:
            return
        self.preview(paths)

    def preview(self, paths: Sequence[str | Path], *, show: bool = True):
        """The import preview of ``paths``; run modally unless ``show`` is False (tests)."""
        from packstation.ui.backoffice.importing import ImportPreviewDialog

        try:
            dialog = ImportPreviewDialog(paths, self.importer(), self.config, self.window,
                                         background=self.window.background)
        except PackstationError as error:
            show_error(self.window, error)
            return None
        dialog.accepted.connect(lambda: self._import(dialog))
        self.last_preview = dialog
        if show:
            dialog.exec()
        return dialog

    def _import(self, dialog) -> None:
        """Import what the preview accepted, on the window's pool: the station scans on
        meanwhile, and the status bar says when the files are in."""
        paths, profiles = dialog.handed_over
        importer = self.importer()
        self.window.notify(tr("ui.import.running", files=", ".join(path.name for path in paths)),
                           3_600_000)

        def run() -> list:
            return [importer.import_file(path, profiles=profiles) for path in paths]

        self.window.background.submit(run, self._imported, self._import_failed)

    def _imported(self, reports: list) -> None:
        failed = [report for report in reports if not report.ok]
        if failed:   # a file changed since its preview: nothing of it is in
            self.window.notify(tr("ui.import.refused_now", summary=" ".join(
                report.summary() for report in failed)), 60000)
        else:
            self.window.notify(" ".join(report.summary() for report in reports), 15000)
        self.window.refresh_all()

    def _import_failed(self, error: BaseException) -> None:
        self.window.notify(error.message if isinstance(error, PackstationError)
                           else tr("ui.import.read_failed", detail=str(error)), 60000)
        self.window.refresh_all()

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    @Slot(list)
    def on_inbox_processed(self, results: list) -> None:
        self.window.notify(" ".join(result.message for result in results), 30000)
        self.window.refresh_all()

    @Slot()
    def export_tracking(self) -> None:
        dialog = ExportTrackingDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.notify(tr("ui.tracking.done", count=dialog.count, path=dialog.path.text()), 15000)

    # -- settings ---------------------------------------------------------------------

    def settings_dialog(self, tab: int = 0):
        from packstation.ui.backoffice.settings import SettingsDialog, system_printers

        printers, reason = system_printers()
        return SettingsDialog(self.config, station=self.window.station.station, parent=self.window,
                              printers=printers, printers_error=reason, tab=tab)

    @Slot()
    def open_settings(self, tab: int = 0) -> None:
        dialog = self.settings_dialog(tab)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.saved_config)

    @Slot()
    def open_carriers(self) -> None:
        from packstation.ui.backoffice.settings import CARRIERS_TAB

        self.open_settings(CARRIERS_TAB)

    def apply_settings(self, saved: StationConfig | None) -> None:
        """The window follows the saved station settings at once (the same config object)."""
        if saved is not None:
            sounds_changed = saved.sounds != self.config.sounds
            for name, value in vars(copy.deepcopy(saved)).items():
                setattr(self.config, name, value)
            station = self.window.station
            station.ask_weight = self.config.ask_weight
            station.packaging_g = self.config.packaging_g
            if not station.has_order:  # a name change never splits an order between two names
                if station.station != self.config.station:
                    from packstation.printing.queue import rename_station

                    # The station's print jobs keep their station: counts and retries follow.
                    rename_station(station.station, self.config.station)
                    if self.window.print_worker is not None:
                        self.window.print_worker.station = self.config.station
                station.station = self.config.station
            if sounds_changed:
                from packstation.ui.sounds import SoundPlayer

                self.window.sounds = SoundPlayer(self.config.sounds, parent=self.window)
            self.inbox.station = station.station
            self.inbox.start()
        self.window.notify(tr("ui.settings.saved"), 10000)
        self.window.refresh_all()

    # -- windows ----------------------------------------------------------------------

    def history_window(self):
        from packstation.ui.backoffice.history import HistoryWindow

        history = HistoryWindow(self.config, station=self.window.station.station,
                                packer=self.window.station.packer, parent=self.window)
        history.print_worker = self.window.print_worker  # reprints go through the worker
        return history

    @Slot()
    def open_history(self) -> None:
        _run(self.history_window())
        self.window.refresh_all()

    def statistics_window(self):
        from packstation.ui.backoffice.statistics import StatisticsWindow

        return StatisticsWindow(now=self.window.clock, parent=self.window)

    @Slot()
    def open_statistics(self) -> None:
        _run(self.statistics_window())

    def end_of_day_dialog(self):
        from packstation.ui.backoffice.manifest import EndOfDayDialog

        return EndOfDayDialog(self.config, station=self.window.station.station,
                              packer=self.window.station.packer, parent=self.window)

    @Slot()
    def open_end_of_day(self) -> None:
        _run(self.end_of_day_dialog())
        self.window.refresh_all()

    @Slot()
    def print_command_sheet(self):
        return self._print("commands", [])

    @Slot()
    def print_pick_list(self):
        """The pick list of the next batch: the most urgent ready orders, sorted by bin."""
        from packstation.services.queue import pickable_orders
        from packstation.services.stock import shortage_text

        ready, apart = pickable_orders(PICK_LIST_BATCH, now=self.window.clock())
        refs = [order.ref for order in ready]
        if not refs:
            self.window.notify(tr("ui.menu.nothing_to_pick"), 15000)
            return None
        return self._print("picklist", refs,
                           left_out=[(order.ref, shortage_text(missing)) for order, missing in apart])

    @Slot()
    def print_product_labels(self):
        """Stickers for the products without a barcode (each gets an in-store EAN-13)."""
        from packstation.db.models import Barcode, Product

        with_code = Barcode.select(Barcode.product).where(Barcode.units == 1)
        skus = [sku for (sku,) in Product.select(Product.sku).where(Product.id.not_in(with_code))
                .order_by(Product.bin, Product.sku).tuples()]
        if not skus:
            self.window.notify(tr("ui.menu.no_product_without_code"), 15000)
            return None
        return self._print("product-labels", skus)

    def _print(self, kind: str, refs: list[str], **render_args):
        """Render a document and send it where this kind of document goes; say where."""
        from packstation.core.errors import PackstationError
        from packstation.printing.queue import PrintQueue
        from packstation.services.printing import destination_for, render

        name = kind.replace("-", "_")
        document_name = tr(f"ui.menu.document.{name}")
        try:
            document, _ = render(kind, refs, **render_args)
        except PackstationError as error:
            self.window.notify(tr("ui.menu.print_failed", document=document_name, error=error.message),
                               30000)
            return None
        job = PrintQueue(station=self.window.station.station).submit(
            kind, refs, document, destination_for(kind, self.config))
        text = (tr("ui.menu.print_failed", document=document_name, error=job.last_error or "")
                if job.status == "failed"
                else tr("ui.menu.print_sent", document=document_name, output=job.output or ""))
        self.window.notify(text, 15000)
        self.window.refresh_all()
        return job


def _run(dialog: QDialog) -> int:
    """Run a dialog of the window, then let Qt delete it (its parent would keep it)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
