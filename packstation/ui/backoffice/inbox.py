"""The inbox watcher: every few seconds, the CSV files dropped in the station's inbox
folder are imported (:func:`packstation.services.inbox.process_inbox`) off the UI
thread, and what happened to each comes back as one sentence.

Signals:
    processed(list): the InboxResult of each file acted on in a pass (never empty).
    failed(str): why a pass could not run (the folder vanished, a broken profile);
        said once until the next pass that works.
"""

from __future__ import annotations

import peewee
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from packstation.core import i18n
from packstation.core.errors import PackstationError
from packstation.services.context import StationConfig
from packstation.ui.background import Background

INBOX_MS = 5000


class InboxWatcher(QObject):
    processed = Signal(list)
    failed = Signal(str)

    def __init__(self, config: StationConfig, background: Background, *, station: str,
                 interval_ms: int = INBOX_MS, settle_seconds: float | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.background = background
        self.station = station
        self.settle_seconds = settle_seconds
        self._running = False
        self._last_failure: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Watch the configured folder; nothing when the station has no inbox."""
        if self.config.inbox:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    @Slot()
    def poll(self) -> None:
        if self._running or not self.config.inbox:
            return  # a slow pass is still at work: the next tick comes soon enough
        self._running = True
        folder, station, settle = self.config.inbox, self.station, self.settle_seconds
        config = self.config

        def work():
            from packstation.services.holds import hold_rules
            from packstation.services.importing import Importer
            from packstation.services.inbox import DEFAULT_SETTLE_SECONDS, process_inbox
            from packstation.services.profiles import load_all_profiles

            try:
                importer = Importer(station=station, hold_rules=hold_rules())
                return process_inbox(folder, importer, profiles=load_all_profiles(config),
                                     settle_seconds=DEFAULT_SETTLE_SECONDS if settle is None else settle)
            except PackstationError as error:
                return error

        self.background.submit(work, self.on_done, self.on_error)

    def on_error(self, error: BaseException) -> None:
        """The pass ended on an error (the database went away...): say it once; the next
        tick tries again, and its files are still in the folder."""
        from packstation.db.database import explain

        self.on_done(explain(error) if isinstance(error, peewee.PeeweeException)
                     else PackstationError("inbox.failed", reason=str(error).strip().splitlines()[0]
                                           if str(error).strip() else type(error).__name__))

    def on_done(self, outcome) -> None:
        self._running = False
        if isinstance(outcome, PackstationError):
            if outcome.message != self._last_failure:
                self._last_failure = outcome.message
                self.failed.emit(outcome.message)
            return
        self._last_failure = None
        if outcome:
            self.processed.emit(list(outcome))


i18n.register({
    "inbox.failed": ("Le dossier d'arrivée n'a pas pu être lu ({reason}) : nouvel essai dans "
                     "quelques secondes.",
                     "The inbox could not be read ({reason}): trying again in a few seconds."),
})
