"""Work that must not freeze the window (the stock walk, the pickup projections, CUPS)
runs on a thread pool; its result comes back to the UI thread through a signal.

Workers never touch widgets: they return plain data, and the callback given to
:meth:`Background.submit` runs on the UI thread. A task *always* reports back, as
Picard's thread helper does: with its result, or with the exception that ended it (to
``on_error``), so that a caller's "running" flag is reset either way and one failed
refresh never freezes what it refreshes. Each task closes its thread's database
connection when done (peewee keeps one per thread). Tests pass ``synchronous=True``
to run each task at once, in order, on the calling thread.

Signals:
    finished(object, object): internal — a callback and the result to give it.
    failed(object, object): internal — an error callback and the exception to give it.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from packstation.db import database

log = logging.getLogger(__name__)


ErrorCallback = Callable[[BaseException], None]


def _log_only(error: BaseException) -> None:
    log.error("background task failed: %s", error)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], callback: Callable[[Any], None],
                 on_error: ErrorCallback, relay: "Background") -> None:
        super().__init__()
        self.function, self.callback, self.on_error, self.relay = function, callback, on_error, relay

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # noqa: BLE001 — reported back; the window goes on
            log.exception("background task failed")
            self._report(self.relay.failed, self.on_error, error)
            return
        finally:
            try:
                database.close()
            except Exception:  # noqa: BLE001 — nothing open on this thread
                pass
        self._report(self.relay.finished, self.callback, result)

    @staticmethod
    def _report(signal, callback, value) -> None:
        try:
            signal.emit(callback, value)
        except RuntimeError:  # the window closed meanwhile: nobody is waiting any more
            pass


class Background(QObject):
    """A small pool for the window's slow reads."""

    finished = Signal(object, object)
    failed = Signal(object, object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.finished.connect(self.on_finished)
        self.failed.connect(self.on_failed)

    def submit(self, function: Callable[[], Any], callback: Callable[[Any], None],
               on_error: ErrorCallback | None = None) -> None:
        """Run ``function`` on the pool; then, on the UI thread, ``callback(result)`` — or
        ``on_error(exception)`` when it raised (logged either way)."""
        on_error = on_error or _log_only
        if self.synchronous:
            try:
                result = function()
            except Exception as error:  # noqa: BLE001 — as the pool does
                log.exception("background task failed")
                on_error(error)
                return
            callback(result)
            return
        self.pool.start(_Task(function, callback, on_error, self))

    @Slot(object, object)
    def on_finished(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)

    @Slot(object, object)
    def on_failed(self, on_error: ErrorCallback, error: BaseException) -> None:
        on_error(error)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
