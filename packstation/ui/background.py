"""Work that must not freeze the window (the stock walk, the pickup projections, CUPS)
runs on a thread pool; its result comes back to the UI thread through a signal.

Workers never touch widgets: they return plain data, and the callback given to
:meth:`Background.submit` runs on the UI thread. Each task closes its thread's database
connection when done (peewee keeps one per thread). Tests pass ``synchronous=True``
to run each task at once, in order, on the calling thread.

Signals:
    finished(object, object): internal — a callback and the result to give it.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from packstation.db import database

log = logging.getLogger(__name__)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], callback: Callable[[Any], None],
                 relay: "Background") -> None:
        super().__init__()
        self.function, self.callback, self.relay = function, callback, relay

    def run(self) -> None:
        try:
            result = self.function()
        except Exception:  # noqa: BLE001 — a failed refresh is logged, the window goes on
            log.exception("background task failed")
            return
        finally:
            try:
                database.close()
            except Exception:  # noqa: BLE001 — nothing open on this thread
                pass
        try:
            self.relay.finished.emit(self.callback, result)
        except RuntimeError:  # the window closed meanwhile: nobody is waiting any more
            pass


class Background(QObject):
    """A small pool for the window's slow reads."""

    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.finished.connect(self.on_finished)

    def submit(self, function: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        if self.synchronous:
            callback(function())
            return
        self.pool.start(_Task(function, callback, self))

    @Slot(object, object)
    def on_finished(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
