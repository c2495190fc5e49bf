"""The station window: what the packer sees all day at the table.

:class:`StationWindow` wires the widgets to one :class:`PackingStation`. Every scan —
from the scanner (whatever has focus, see :mod:`packstation.ui.scanner`), the scan
field, a key or a button — goes to the station, and its answer comes back as a colour,
a sound and words. The window holds no packing rule: it shows what the services say.

Layout (1366x768 and up): the countdown banner across the top; the queue on the left
(filters, search); the open order on the right under the last answer in large coloured
text; the scan field and the actions with their keys at the bottom; station, packer,
printers and print queue in the status bar.

Refresh: a timer polls one cheap value (the newest event id) every few seconds; when it
moved (an import, another table claiming an order, a print failing), the queue is read
again, and the stock walk and the pickup projections are recomputed off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Callable

import peewee as pw
from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMainWindow, QPushButton, QSizePolicy, QSplitter, QStatusBar, QTableView, QVBoxLayout, QWidget,
)

from packstation.core import pickups as pickup_rules
from packstation.core.carriers import CarrierSchedule
from packstation.core.commands import Command
from packstation.core.packing import Outcome, Tone, parse_weight
from packstation.db.models import Carrier, Event, Order, PrintJob, utcnow
from packstation.printing.queue import ACTIVE, FAILED, WAITING
from packstation.printing.worker import PrintWorker
from packstation.services.context import StationConfig
from packstation.services.packing import PackingStation, ScanAnswer
from packstation.db.changes import ChangeWatcher
from packstation.services import tables
from packstation.services.pickups import CarrierProjection
from packstation.ui import theme
from packstation.ui.background import Background
from packstation.ui.banner import CountdownBanner
from packstation.ui.dialogs import AbandonDialog, PackerDialog, ShopSettingsDialog
from packstation.ui.order_panel import OrderHeading, OrderPanel
from packstation.ui.queue_model import Column, QueueModel, StateFilter
from packstation.ui.scanner import ScannerCapture
from packstation.ui.sounds import SoundPlayer
from packstation.ui.texts import tr

log = logging.getLogger(__name__)

POLL_MS = 1000          # the change check: no query on PostgreSQL, one PRAGMA on SQLite
COUNTDOWN_MS = 30000    # the countdown moves even when nothing changes
SEARCH_DELAY_MS = 250   # the queue is searched once the packer stops typing

# What each action does, its key and its command barcode (None: no barcode).
ACTIONS: list[tuple[str, str, Command | None]] = [
    ("next", "F2", Command.NEXT),
    ("confirm", "F3", Command.CONFIRM),
    ("weight", "F4", Command.WEIGHT_OK),
    ("reprint_label", "F5", Command.REPRINT_LABEL),
    ("reprint_slip", "F6", Command.REPRINT_SLIP),
    ("packer", "F7", Command.LOGOUT),
    ("abandon", "F8", Command.ABANDON),
    ("retry_prints", "F9", None),
    ("parcel", "F10", Command.PARCEL),
    ("search", "Ctrl+F", None),
    ("scan_field", "Ctrl+L", None),
    ("refresh", "Ctrl+R", None),
    ("shop_settings", "Ctrl+,", None),
]


# The stock walk behind the banner grows with the queue (about 10 s for 100,000 pending
# orders): when it is slow, it runs at most once every SNAPSHOT_SPACING times its cost,
# and the countdown moves in between by projecting the last counts again (pure, cheap).
SLOW_SNAPSHOT_S = 0.5
SNAPSHOT_SPACING = 10


@dataclass
class Snapshot:
    """What the banner and the queue's states need, read together on a worker thread."""

    projections: list[CarrierProjection]
    schedules: dict[str, CarrierSchedule]
    short: set[int]
    seconds: float = 0.0


def projections_snapshot(now: dt.datetime) -> Snapshot:
    from packstation.services.carriers import load_schedules
    from packstation.services.pickups import carrier_projections
    from packstation.services.stock import short_orders

    started = time.monotonic()
    short = short_orders(now)
    projections = carrier_projections(now, short=short)
    schedules = {schedule.code: schedule for schedule in load_schedules().values()}
    return Snapshot(projections, schedules, short, time.monotonic() - started)


def reproject(snapshot: Snapshot, now: dt.datetime) -> list[CarrierProjection]:
    """The last projections moved to ``now`` with the same counts and pace."""
    moved = []
    for item in snapshot.projections:
        schedule = snapshot.schedules.get(item.carrier)
        p = item.projection
        if schedule is None:
            moved.append(item)
            continue
        projection = pickup_rules.project(schedule, now.astimezone(schedule.zone), p.orders_left,
                                          p.blocked, p.pace_seconds, p.packers)
        moved.append(CarrierProjection(item.carrier, item.name, projection,
                                       pickup_rules.describe(projection, item.name)))
    return moved


class PrintNews(QObject):
    """The print worker's news, carried from its thread to the window's.

    Signals:
        changed(int, str, str): a job's id, its new status and its error (if any).
    """

    changed = Signal(int, str, str)

    def relay(self, job: PrintJob) -> None:  # called on the worker's thread
        try:
            self.changed.emit(job.id, job.status, job.last_error or "")
        except RuntimeError:  # the window is gone
            pass


class StationWindow(QMainWindow):
    """The packing table's window around one :class:`PackingStation`.

    ``print_worker`` is the station's :class:`PrintWorker` (the app starts it): the
    window shows its jobs' fate in the status bar, and F9 asks it to retry.
    """

    def __init__(self, station: PackingStation, config: StationConfig, *,
                 clock: Callable[[], dt.datetime] = utcnow, background: Background | None = None,
                 sounds: SoundPlayer | None = None, capture: ScannerCapture | None = None,
                 poll_ms: int = POLL_MS, print_worker: PrintWorker | None = None) -> None:
        super().__init__()
        self.station = station
        self.print_worker = print_worker
        self.print_news = PrintNews(self)
        self.print_news.changed.connect(self.on_print_changed)
        if print_worker is not None:
            print_worker.queue.on_change = self.print_news.relay
        self.config = config
        station.open_next_after_completion = config.open_next
        self.clock = clock
        self.background = background or Background(self)
        self.sounds = sounds or SoundPlayer(config.sounds, parent=self)
        self.capture = capture or ScannerCapture(self)
        self.last_answer: ScanAnswer | None = None
        self.answers: list[ScanAnswer] = []  # this session's answers, newest last
        self._shown_order_id: int | None = None
        self._last_event_id: int | None = None
        self._sound_notice_shown = False
        self.answer_tone: Tone | None = None
        self.setWindowTitle(tr("ui.window.title", station=station.station))
        self.setMinimumSize(1280, 720)
        self.setStyleSheet(theme.STYLESHEET)
        self._build()
        self._build_actions()
        self._build_back_office()
        self.capture.scanned.connect(self.on_scanned)
        self.capture.dialog_scanned.connect(self.on_dialog_scanned)
        self.capture.install()

        # Other tables' work shows within two seconds: LISTEN/NOTIFY on PostgreSQL, the
        # file's data version on SQLite (see db.changes); a lost server shows a banner.
        self.watcher = ChangeWatcher()
        self.db_lost = False
        self._poll_timer = QTimer(self)
        self._poll_timer.timeout.connect(self.poll)
        self._poll_timer.start(poll_ms)
        # A sign of life while the table is idle, so that its claim is not taken for
        # abandoned; and the news if its order was taken over while it was away.
        self._touch_timer = QTimer(self)
        self._touch_timer.timeout.connect(self.touch)
        self._touch_timer.start(int(tables.TOUCH_INTERVAL.total_seconds() * 1000))
        self._countdown_timer = QTimer(self)
        self._countdown_timer.timeout.connect(self.tick_countdown)
        self._countdown_timer.start(COUNTDOWN_MS)
        self._snapshot: Snapshot | None = None
        self._snapshot_running = False
        self._snapshot_started = 0.0
        self._snapshot_timer = QTimer(self)  # a refresh asked for too soon after the last
        self._snapshot_timer.setSingleShot(True)
        self._snapshot_timer.timeout.connect(self.refresh_projections)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.apply_filters)

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(objectName="central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.setSpacing(6)

        self.db_banner = QLabel(tr("ui.db.lost"))
        self.db_banner.setWordWrap(True)
        self.db_banner.setStyleSheet(theme.swatch_css(theme.TONE_SWATCHES[Tone.ERROR])
                                     + " border-radius: 4px; padding: 6px 10px; font-size: 13pt;"
                                     " font-weight: bold;")
        outer.addWidget(self.db_banner)
        self.db_banner.hide()

        self.settings_banner = QFrame()
        self.settings_banner.setStyleSheet(theme.swatch_css(theme.SETTINGS_BANNER)
                                           + " border-radius: 4px;")
        row = QHBoxLayout(self.settings_banner)
        row.setContentsMargins(10, 4, 10, 4)
        self.settings_label = QLabel(tr("ui.settings.missing"))
        self.settings_label.setStyleSheet("font-size: 11pt; background: transparent;")
        row.addWidget(self.settings_label, 1)
        self.settings_button = QPushButton(tr("ui.settings.fill"))
        self.settings_button.clicked.connect(self.edit_shop_settings)
        row.addWidget(self.settings_button)
        outer.addWidget(self.settings_banner)
        self.settings_banner.hide()

        # A print that failed: said where the packer looks, with what to do and the retry.
        self.print_banner = QFrame(objectName="printBanner")
        self.print_banner.setStyleSheet(theme.swatch_css(theme.TONE_SWATCHES[Tone.ERROR])
                                        + " border-radius: 4px;")
        row = QHBoxLayout(self.print_banner)
        row.setContentsMargins(10, 4, 10, 4)
        self.print_banner_label = QLabel()
        self.print_banner_label.setWordWrap(True)
        self.print_banner_label.setStyleSheet("font-size: 11pt; font-weight: bold; background: transparent;")
        row.addWidget(self.print_banner_label, 1)
        self.print_banner_button = QPushButton(tr("ui.status.retry"))
        self.print_banner_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_banner_button.clicked.connect(self.retry_prints)
        row.addWidget(self.print_banner_button)
        outer.addWidget(self.print_banner)
        self.print_banner.hide()

        self.banner = CountdownBanner()
        outer.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_queue())
        splitter.addWidget(self._build_order())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([640, 726])
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        outer.addWidget(self._build_bottom())
        self.setCentralWidget(central)
        self._build_status()

    def _build_queue(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.queue_title = QLabel(objectName="sectionTitle")
        layout.addWidget(self.queue_title)
        filters = QHBoxLayout()
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(tr("ui.queue.search"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _: self._search_timer.start(SEARCH_DELAY_MS))
        self.search_field.returnPressed.connect(self.apply_filters)
        filters.addWidget(self.search_field, 2)
        self.carrier_filter = QComboBox()
        self.carrier_filter.addItem(tr("ui.queue.all_carriers"), None)
        for carrier_id, name in Carrier.select(Carrier.id, Carrier.name).order_by(Carrier.name).tuples():
            self.carrier_filter.addItem(name, carrier_id)
        self.carrier_filter.currentIndexChanged.connect(self.apply_filters)
        filters.addWidget(self.carrier_filter, 1)
        self.state_filter = QComboBox()
        for state in StateFilter:
            self.state_filter.addItem(state.label, state)
        self.state_filter.currentIndexChanged.connect(self.apply_filters)
        filters.addWidget(self.state_filter, 1)
        layout.addLayout(filters)

        # The queue's reads after each change run on the pool: a scan never waits for them.
        self.queue_model = QueueModel(self.clock, parent=self, submit=self.background.submit)
        self.queue_model.loaded.connect(self._update_queue_title)
        self.queue_view = QTableView()
        self.queue_view.setObjectName("queueView")
        self.queue_view.setModel(self.queue_model)
        self.queue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue_view.setAlternatingRowColors(True)
        self.queue_view.verticalHeader().setVisible(False)
        self.queue_view.verticalHeader().setDefaultSectionSize(28)
        self.queue_view.setWordWrap(False)
        header = self.queue_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.REF, 84), (Column.CARRIER, 112), (Column.ITEMS, 56),
                              (Column.ORDERED, 96), (Column.STATE, 96)):
            header.resizeSection(column, width)
        self.queue_view.activated.connect(self.on_queue_activated)
        layout.addWidget(self.queue_view, 1)
        return box

    def _build_order(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(6)
        self.answer_box = QFrame()
        self.answer_box.setObjectName("answerBox")
        answer_layout = QVBoxLayout(self.answer_box)
        answer_layout.setContentsMargins(14, 8, 14, 10)
        answer_layout.setSpacing(2)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 30pt; font-weight: bold; background: transparent;")
        self.answer_label = QLabel()
        self.answer_label.setObjectName("answer")
        self.answer_label.setWordWrap(True)
        self.answer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_label.setMinimumHeight(60)
        self.answer_label.setStyleSheet(f"font-size: {theme.ANSWER_PT - 4}pt; font-weight: bold;"
                                        " background: transparent;")
        answer_layout.addWidget(self.headline)
        answer_layout.addWidget(self.answer_label)
        layout.addWidget(self.answer_box)

        self.weight_panel = QFrame()
        self.weight_panel.setStyleSheet(theme.swatch_css(theme.TONE_SWATCHES[Tone.WARNING])
                                        + " border-radius: 4px;")
        weight_row = QHBoxLayout(self.weight_panel)
        weight_row.setContentsMargins(10, 6, 10, 6)
        self.weight_prompt = QLabel()
        self.weight_prompt.setStyleSheet("font-size: 14pt; font-weight: bold; background: transparent;")
        weight_row.addWidget(self.weight_prompt, 1)
        self.weight_field = QLineEdit()
        self.weight_field.setObjectName("weightField")
        self.weight_field.setStyleSheet("font-size: 16pt; background: white; color: black;")
        # The whole of the largest weight a carrier takes ("30000 g", or "1 410 g" typed)
        # shows, whatever squeezes the row: the prompt wraps instead.
        self.weight_field.ensurePolished()
        self.weight_field.setMinimumWidth(self.weight_field.fontMetrics().horizontalAdvance("00 000 kg") + 24)
        self.weight_field.setMaximumWidth(self.weight_field.minimumWidth() + 40)
        self.weight_prompt.setWordWrap(True)
        self.weight_field.returnPressed.connect(self.submit_weight)
        weight_row.addWidget(self.weight_field)
        self.weight_button = QPushButton(tr("ui.weight.ok"))
        self.weight_button.clicked.connect(self.submit_weight)
        weight_row.addWidget(self.weight_button)
        layout.addWidget(self.weight_panel)
        self.weight_panel.hide()

        self.order_panel = OrderPanel()
        layout.addWidget(self.order_panel, 1)
        self._show_answer_text(Tone.INFO, "", tr("ui.answer.ready"))
        return box

    def _build_bottom(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(tr("ui.scan.label"))
        label.setStyleSheet("font-weight: bold;")
        layout.addWidget(label)
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(tr("ui.scan.placeholder"))
        self.scan_field.returnPressed.connect(self.on_scan_field)
        self.scan_field.setMinimumWidth(240)
        layout.addWidget(self.scan_field, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, key, _ in ACTIONS[:7]:
            button = QPushButton(f"{key}  {tr(f'ui.action.{name}.short')}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays where the packer left it
            self.buttons[name] = button
            layout.addWidget(button)
        return box

    def _build_status(self) -> None:
        bar = QStatusBar()
        self.station_label = QLabel()
        self.packer_label = QLabel()
        self.printers_label = QLabel()
        self.print_queue_label = QLabel()
        self.retry_button = QPushButton(tr("ui.status.retry"))
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retry_button.hide()
        # Notices get their own place: a temporary status message would cover the labels.
        self.notice_label = QLabel()
        self.notice_label.setStyleSheet("color: #7a4b00; font-weight: bold;")
        # A long notice wraps rather than widening the window past the screen (and being
        # cut there); while it shows, the printers' names (in the settings anyway) give way.
        self.notice_label.setWordWrap(True)
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.notice_label.setMinimumWidth(200)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.clear_notice)
        for widget in (self.station_label, self.packer_label, self.printers_label,
                       self.print_queue_label):
            widget.setObjectName("statusItem")
            bar.addWidget(widget)
        bar.addPermanentWidget(self.notice_label)
        bar.addPermanentWidget(self.retry_button)
        self.setStatusBar(bar)

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        handlers = {
            "next": self.next_order, "confirm": self.confirm_without_barcode,
            "weight": self.focus_weight, "reprint_label": lambda: self.reprint("label"),
            "reprint_slip": lambda: self.reprint("slip"), "packer": self.change_packer,
            "abandon": self.abandon, "retry_prints": self.retry_prints,
            "parcel": self.close_parcel,
            "search": self.focus_search, "scan_field": self.scan_field.setFocus,
            "refresh": self.refresh_all, "shop_settings": self.edit_shop_settings,
        }
        for name, key, command in ACTIONS:
            action = QAction(tr(f"ui.action.{name}"), self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            tip = f"{tr(f'ui.action.{name}')} ({key})"
            if command is not None:
                tip += " — " + tr("ui.action.barcode", code=command.code)
            action.setToolTip(tip)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.actions_by_name[name] = action
            button = self.buttons.get(name)
            if button is not None:
                button.setToolTip(tip)
                button.clicked.connect(action.trigger)
        self.retry_button.clicked.connect(self.actions_by_name["retry_prints"].trigger)

    def _build_back_office(self) -> None:
        """The menu bar (import, settings, history, statistics, end of day...), the inbox
        watcher and CSV files dropped on the window: see packstation.ui.backoffice."""
        from packstation.ui.backoffice.menu import BackOffice

        self.backoffice = BackOffice(self)
        self.setMenuBar(self.backoffice.build_menu_bar())
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        self.backoffice.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self.backoffice.drop(event)

    # -- starting -------------------------------------------------------------------------

    def start(self, resumed: ScanAnswer | None = None) -> None:
        """Fill everything once (after ``station.resume()``), then follow the database."""
        self._refresh(queue_now=True)  # the first page is there when the window shows
        if resumed is not None:
            self.show_answer(resumed)
        else:
            self._sync_order(None)
        self._update_status()
        self.backoffice.inbox.start()
        self.scan_field.setFocus()

    @Slot()
    def refresh_all(self) -> None:
        """Everything again after a change: the queue's reading and the projections on the
        pool (applied when back), the cheap counts of the status bar at once."""
        self._refresh(queue_now=False)

    def _refresh(self, *, queue_now: bool) -> None:
        self._last_event_id = self._newest_event_id()
        self._update_settings_banner()
        self._apply_filters(now=queue_now)
        self.refresh_projections()
        self._update_status()

    # -- scans --------------------------------------------------------------------------

    @Slot(str)
    def on_scanned(self, text: str) -> None:
        self.scan(text)

    @Slot(str)
    def on_dialog_scanned(self, text: str) -> None:
        """A scan while a dialog is open: the dialog's if it expects one, else refused."""
        from PySide6.QtWidgets import QApplication, QToolTip

        dialog = QApplication.activeModalWidget()
        take_scan = getattr(dialog, "take_scan", None)
        if take_scan is not None and take_scan(text):
            return
        title = dialog.windowTitle() if dialog is not None else ""
        message = tr("ui.scan.dialog_open", code=text, title=title)
        self.sounds.play(Tone.ERROR)
        self._show_answer_text(Tone.ERROR, tr(f"ui.headline.{Tone.ERROR.value}"), message)
        self.notify(message, 15000)
        if dialog is not None:
            QToolTip.showText(dialog.mapToGlobal(dialog.rect().topLeft()), message, dialog)

    @Slot()
    def on_scan_field(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.scan(text)

    def scan(self, text: str) -> ScanAnswer:
        """One scan or typed command through the station; the answer is shown at once."""
        return self.show_answer(self.station.handle(text))

    def show_answer(self, answer: ScanAnswer) -> ScanAnswer:
        message = answer.message
        self.last_answer = answer
        self.answers.append(answer)
        following = answer.following  # the station opened the next order (open_next)
        if following is not None:
            # "Parcel ready" stays the headline; the next order is said below it.
            self.answers.append(following)
            message = f"{answer.message}\n{following.message}"
        self.station.open_next_after_completion = self.config.open_next  # settings may change it
        self.sounds.play(answer.tone)
        headline = "" if answer.tone is Tone.INFO else tr(f"ui.headline.{answer.tone.value}")
        self._show_answer_text(answer.tone, headline, message)
        self._sync_order(answer)
        if answer.outcome in _QUEUE_CHANGING:
            # The queue and the countdown move with this answer: after the paint.
            QTimer.singleShot(0, self.refresh_all)
        elif answer.outcome in (Outcome.PACKER_SET, Outcome.PACKER_LOGGED_OUT, Outcome.REPRINTED):
            self._update_status()
        if not self.sounds.available and not self._sound_notice_shown:
            self._sound_notice_shown = True
            self.notify(self.sounds.unavailable_reason or "", 30000)
        if answer.outcome is Outcome.ORDER_TAKEN and answer.order and not self.station.has_order:
            QTimer.singleShot(0, lambda ref=answer.order: self.offer_take_over(ref))
        elif answer.outcome is Outcome.ORDER_SHORT and answer.order and not self.station.has_order:
            QTimer.singleShot(0, lambda ref=answer.order, why=answer.message:
                              self.offer_ship_available(ref, why))
        return answer

    def notify(self, text: str, msecs: int) -> None:
        """A passing notice in the status bar (no sound, no printer, a retry's result)."""
        self.printers_label.hide()
        self.notice_label.setText(text)
        self._notice_timer.start(msecs)

    @Slot()
    def clear_notice(self) -> None:
        self.notice_label.clear()
        self.printers_label.show()

    def _show_answer_text(self, tone: Tone, headline: str, message: str) -> None:
        if tone is not self.answer_tone:  # restyling costs most of a frame: only on change
            self._style_answer(tone)
        self.headline.setText(headline)
        self.headline.setVisible(bool(headline))
        self.answer_label.setText(message)

    def _style_answer(self, tone: Tone) -> None:
        swatch = theme.TONE_SWATCHES[tone]
        self.answer_box.setStyleSheet(f"QFrame#answerBox {{ {theme.swatch_css(swatch)} border-radius: 8px; }}"
                                      f" QLabel {{ color: {swatch.foreground}; }}")
        self.answer_tone = tone

    def _sync_order(self, answer: ScanAnswer | None) -> None:
        station = self.station
        highlight = answer.line.id if answer is not None and answer.line is not None else None
        if station.order_id != self._shown_order_id:
            self._shown_order_id = station.order_id
            heading = None
            if station.order_id is not None:
                heading = OrderHeading.of(Order.get_by_id(station.order_id))
            self.order_panel.show_order(heading, station.lines, highlight)
        elif station.order_id is not None:
            self.order_panel.update_lines(station.lines, highlight)
        self._sync_weight(answer)

    def _sync_weight(self, answer: ScanAnswer | None) -> None:
        waiting = self.station.awaiting_weight and self.station.has_order
        was_waiting = self.weight_panel.isVisible()
        self.weight_panel.setVisible(waiting)
        if waiting and not was_waiting:
            computed = answer.weight_g if answer is not None and answer.weight_g else \
                self.station.computed_weight()
            self.weight_prompt.setText(tr("ui.weight.prompt", weight=computed))
            self.weight_field.setText(str(computed))
            self.weight_field.selectAll()

    # -- actions --------------------------------------------------------------------------

    @Slot()
    def next_order(self) -> None:
        self.show_answer(self.station.open_next())

    @Slot()
    def confirm_without_barcode(self) -> None:
        self.show_answer(self.station.confirm_without_barcode())

    @Slot()
    def close_parcel(self) -> None:
        """F10: close this parcel with its computed weight, the rest go in the next (as
        PSC08 does; ``:parcel 1,2 kg`` typed in the scan field gives its weight)."""
        self.show_answer(self.station.run_command(Command.PARCEL))

    @Slot()
    def focus_weight(self) -> None:
        """F4: accept the computed weight, as the prompt says (as PSC07 does)."""
        self.show_answer(self.station.run_command(Command.WEIGHT_OK))

    @Slot()
    def submit_weight(self) -> None:
        text = self.weight_field.text().strip()
        grams = parse_weight(text) if text else None
        if grams is None:
            self.show_answer(self.station.handle(text or "?"))  # the station says why
            return
        self.show_answer(self.station.complete(grams))
        if self.station.awaiting_weight:
            # Asked again: the computed weight is back in the field, Enter accepts it.
            self.weight_field.setText(str(self.station.computed_weight()))
            self.weight_field.setFocus()
            self.weight_field.selectAll()
            return
        self.scan_field.setFocus()

    def reprint(self, kind: str) -> None:
        self.show_answer(self.station.reprint(kind))

    @Slot()
    def abandon(self) -> None:
        if not self.station.has_order:
            self.show_answer(self.station.abandon(""))
            return
        dialog = AbandonDialog(self.station.order_ref or "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_answer(self.station.abandon(dialog.reason_text()))

    @Slot()
    def change_packer(self) -> None:
        dialog = PackerDialog(self.station.packer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.packer_name()
        # A badge typed or scanned into the dialog logs that packer in, like a scan.
        answer = self.station.handle(name) if name and _is_badge(name) else (
            self.station.set_packer(name) if name else self.station.logout())
        self.show_answer(answer)

    @Slot()
    def retry_prints(self) -> None:
        """Deliver again this station's failed and waiting prints (by its worker)."""
        from packstation.services.printing import print_queue

        if self.print_worker is not None:
            again = (PrintJob.select().where((PrintJob.station == self.station.station)
                                             & PrintJob.status.in_([FAILED, WAITING])).count())
            self.print_worker.station = self.station.station
            self.print_worker.retry()
            self.notify(tr("ui.status.retrying", count=again), 10000)
            self._update_status()
            return
        jobs = print_queue(self.config, self.station.station).retry_failed()
        failed = sum(1 for job in jobs if job.status == FAILED)
        self.notify(tr("ui.status.retried", count=len(jobs), failed=failed), 10000)
        self._update_status()

    @Slot(int, str, str)
    def on_print_changed(self, job_id: int, status: str, error: str) -> None:
        """A job of this station moved on: the counts, and a failure's banner with its remedy."""
        self._update_status()

    @Slot()
    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    @Slot()
    def edit_shop_settings(self) -> None:
        from packstation.services.settings import save_shop_settings, shop_settings

        dialog = ShopSettingsDialog(shop_settings(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            save_shop_settings(dialog.edited(), station=self.station.station)
            self._update_settings_banner()

    @Slot(QModelIndex)
    def on_queue_activated(self, index: QModelIndex) -> None:
        ref = self.queue_model.ref_at(index.row())
        if ref is not None:
            self.show_answer(self.station.open_order(ref))

    # -- the queue, the countdown, the status bar -----------------------------------------

    @Slot()
    def apply_filters(self) -> None:
        self._apply_filters(now=False)

    def _apply_filters(self, *, now: bool) -> None:
        """The queue with the filters as set; read on the pool unless ``now``."""
        self.queue_model.set_filter(carrier_id=self.carrier_filter.currentData(),
                                    state=self.state_filter.currentData() or StateFilter.ALL,
                                    search=self.search_field.text(), now=now)

    def _update_queue_title(self) -> None:
        self.queue_title.setText(tr("ui.queue.title", count=self.queue_model.total).upper())

    @Slot()
    def refresh_projections(self) -> None:
        """Recompute the banner and the short orders off the UI thread (throttled if slow)."""
        if self._snapshot_running:
            self._snapshot_timer.start(POLL_MS)  # once this one is back
            return
        cost = self._snapshot.seconds if self._snapshot else 0.0
        if cost > SLOW_SNAPSHOT_S:
            wait = self._snapshot_started + SNAPSHOT_SPACING * cost - time.monotonic()
            if wait > 0:
                if not self._snapshot_timer.isActive():
                    self._snapshot_timer.start(int(wait * 1000))
                return
        self._snapshot_running = True
        self._snapshot_started = time.monotonic()
        now = self.clock()
        self.background.submit(lambda: projections_snapshot(now), self.on_projections,
                               self.on_projections_failed)

    def on_projections_failed(self, error: BaseException) -> None:
        """The count failed (the database went away mid-walk): the banner keeps its last
        counts, moving with the clock, and the next tick counts again."""
        self._snapshot_running = False
        self.notify(tr("ui.banner.refresh_failed"), 10000)

    def on_projections(self, snapshot: Snapshot) -> None:
        self._snapshot_running = False
        self._snapshot = snapshot
        self.banner.show_projections(snapshot.projections, snapshot.schedules)
        self.queue_model.set_short(snapshot.short)
        self._update_queue_title()

    @Slot()
    def tick_countdown(self) -> None:
        """The time moved on: move the countdown now, recount when allowed."""
        if self._snapshot is not None:
            self.banner.show_projections(reproject(self._snapshot, self.clock()),
                                         self._snapshot.schedules)
        self.refresh_projections()

    @staticmethod
    def _newest_event_id() -> int | None:
        return Event.select(pw.fn.MAX(Event.id)).scalar()

    @Slot()
    def poll(self) -> None:
        """Follow imports and the other tables: a cheap check, then the work if needed."""
        try:
            if self.db_lost:
                if not tables.check_connection():
                    return
                self.set_db_lost(False)
                self.refresh_all()
                return
            changed = self.watcher.changed()
            if not self.watcher.connected and not tables.check_connection():
                self.set_db_lost(True)
                return
        except pw.PeeweeException:
            self.set_db_lost(True)
            return
        if changed:
            self.refresh_all()

    def set_db_lost(self, lost: bool) -> None:
        """The banner that says the database is gone and that scans wait for it."""
        self.db_lost = lost
        self.db_banner.setVisible(lost)
        if not lost:
            self.notify(tr("ui.db.back"), 8000)

    @Slot()
    def touch(self) -> None:
        if self.db_lost:
            return
        news = self.station.heartbeat()  # the service's, as `packstation scan` does it
        if news is None:
            return
        if news.outcome is Outcome.FAILED:
            self.set_db_lost(True)
        elif news.outcome is Outcome.ORDER_TAKEN:
            self.notify(tr("ui.tables.taken_from_us", ref=news.order), 30000)
        else:
            self.show_answer(news)

    def offer_take_over(self, ref: str) -> ScanAnswer | None:
        """When a scanned order is held by a table that stopped: offer to take it over."""
        from packstation.core.errors import PackstationError
        from packstation.ui.backoffice.common import confirm

        try:
            plan = tables.check_take_over(ref, self.station.station, now=self.clock())
        except PackstationError:
            return None  # its table is alive, or it is not being packed: nothing to offer
        text = tr("ui.tables.take_over_question", ref=plan.ref, station=plan.previous_station,
                       idle=plan.idle_text())
        if not confirm(self, tr("ui.tables.take_over_title"), text):
            return None
        return self.show_answer(self.station.take_over(plan.ref, confirm=True))

    def offer_ship_available(self, ref: str, why: str) -> ScanAnswer | None:
        """When a scanned order is short of stock: offer to ship what is there, the rest
        becoming a backorder that stays in the queue."""
        from packstation.core.errors import PackstationError
        from packstation.services.backorders import ship_available
        from packstation.ui.backoffice.common import confirm

        if not confirm(self, tr("ui.stock.ship_title"), tr("ui.stock.ship_question", why=why)):
            return None
        try:
            split = ship_available(ref, by=self.station.packer or self.station.station,
                                   station=self.station.station)
        except PackstationError as error:
            self.notify(error.message, 15000)
            return None
        self.notify(split.message, 15000)
        return self.show_answer(self.station.open_order(ref))

    def _update_settings_banner(self) -> None:
        from packstation.services.settings import shop_settings

        self.settings_banner.setVisible(not shop_settings().configured)

    def _update_status(self) -> None:
        from packstation.services.printing import destination_for

        self.station_label.setText(tr("ui.status.station", station=self.station.station))
        packer = self.station.packer
        self.packer_label.setText(tr("ui.status.packer", packer=packer) if packer
                                  else tr("ui.status.no_packer"))
        label = destination_for("label", self.config).describe()
        slip = destination_for("slip", self.config).describe()
        self.printers_label.setText(tr("ui.status.printers", label=label, slip=slip))
        self.printers_label.setToolTip(self.printers_label.text())
        mine = PrintJob.station == self.station.station
        failed = PrintJob.select().where(mine & (PrintJob.status == FAILED)).count()
        waiting = PrintJob.select().where(mine & PrintJob.status.in_(list(ACTIVE))).count()
        # The carriers' labels not received yet, with the carrier's last words: read in
        # one go, since the print worker may deliver one between two queries.
        labels = [job.last_error for job in PrintJob.select(PrintJob.last_error)
                  .where(mine & (PrintJob.status == WAITING) & (PrintJob.kind == "label"))
                  .order_by(PrintJob.id.desc())]
        if labels and not failed:
            self.print_queue_label.setText(tr("ui.status.labels_waiting", count=len(labels)))
            self.print_queue_label.setToolTip(labels[0])
            self.print_queue_label.setStyleSheet("color: black; background: #ffb300; padding: 1px 6px;"
                                                 " font-weight: bold;")
        elif failed:
            last = (PrintJob.select(PrintJob.last_error).where(mine & (PrintJob.status == FAILED))
                    .order_by(PrintJob.id.desc()).first())
            self.print_queue_label.setText(tr("ui.status.prints_failed", count=failed))
            self.print_queue_label.setToolTip(last.last_error if last else "")
            self.print_banner_label.setText(tr("ui.status.print_failed_now",
                                               error=last.last_error if last else ""))
            self.print_queue_label.setStyleSheet("color: white; background: #c62828; padding: 1px 6px;"
                                                 " font-weight: bold;")
        else:
            self.print_queue_label.setText(tr("ui.status.prints_ok", waiting=waiting))
            self.print_queue_label.setToolTip("")
            self.print_queue_label.setStyleSheet("")
        self.print_banner.setVisible(bool(failed))
        self.retry_button.setVisible(bool(failed or labels))

    # -- closing --------------------------------------------------------------------------

    @Slot()
    def ask_to_quit(self) -> bool:
        """Ctrl+Q: with an order open, ask first (it stays this table's, resumed at restart)."""
        from packstation.ui.backoffice.common import confirm

        if self.station.has_order and not confirm(
                self, tr("ui.quit.title"), tr("ui.quit.question", ref=self.station.order_ref or "")):
            return False
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._poll_timer.stop()
        self._touch_timer.stop()
        self.watcher.close()
        self._countdown_timer.stop()
        self._snapshot_timer.stop()
        self.backoffice.inbox.stop()
        self.capture.uninstall()
        self.background.wait()
        super().closeEvent(event)


def _is_badge(text: str) -> bool:
    from packstation.services.packers import badge_packer

    return badge_packer(text) is not None


_QUEUE_CHANGING = {Outcome.ORDER_OPENED, Outcome.ORDER_COMPLETE, Outcome.ABANDONED,
                   Outcome.ORDER_TAKEN}
