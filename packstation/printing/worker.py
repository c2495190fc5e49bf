"""The print worker: one station's documents rendered and delivered off the scan path.

A :class:`PrintWorker` is a plain thread (no Qt) that the window and ``packstation
scan`` both start. It takes its station's ``queued`` jobs in order (the order they were
stored in), renders each one (:func:`packstation.services.printing.render_job`, given as
the queue's ``render``), and hands it to its destination. Completion only stores the
jobs and calls :meth:`PrintWorker.wake`: the packer's answer never waits for a renderer
or a printer. While idle, it draws ahead the documents of the order being packed
(:meth:`PrintWorker.prepare`), so that they are ready when the last item is scanned.

Besides delivering, the worker follows the jobs CUPS holds (every
:attr:`follow_seconds`) until they are done or failed, asks again for documents that
were not ready (``waiting``, every :data:`~packstation.printing.queue.WAITING_RETRY_SECONDS`),
and tries again, every :attr:`retry_seconds`, the jobs that failed on a printer that was
off or not answering.
When it starts, it puts back in the queue the jobs its station was delivering when it
stopped, and removes the half-written spool files it left.

The worker thread has its own database connection (peewee keeps one per thread) and
closes it when it stops. Listeners (``on_change`` of the queue) are called on the
worker's thread: a window must pass the news to its own thread (a Qt signal does).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import Callable

import peewee

from packstation.db import database
from packstation.printing.queue import DELIVERING, QUEUED, WAITING, WAITING_RETRY_SECONDS, PrintQueue

log = logging.getLogger(__name__)

#: The longest wait between two looks at the jobs CUPS holds.
MAX_FOLLOW_SECONDS = 30.0


class PrintWorker:
    """Delivers one station's print jobs on a thread of its own."""

    def __init__(self, queue: PrintQueue, *, follow_seconds: float = 2.0,
                 waiting_seconds: float = WAITING_RETRY_SECONDS,
                 retry_seconds: float = 60.0) -> None:
        self.queue = queue
        self.follow_seconds = follow_seconds
        self.waiting_seconds = waiting_seconds
        self.retry_seconds = retry_seconds
        self._follow_interval = follow_seconds
        self._next_retry = time.monotonic() + retry_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Condition()
        self._asked = 0      # wake-ups asked for
        self._served = 0     # wake-ups answered by a pass that found nothing left to do
        self._busy = False
        self._thread: threading.Thread | None = None
        self._next_follow = 0.0
        self._next_waiting = time.monotonic() + waiting_seconds
        self._retry_asked = False
        self._prepared: deque[tuple[float, Callable[[], None]]] = deque(maxlen=4)
        self._preparing = False

    @property
    def station(self) -> str:
        return self.queue.station

    @station.setter
    def station(self, name: str) -> None:
        self.queue.station = name

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- control ------------------------------------------------------------------------

    def start(self) -> "PrintWorker":
        if self.running:
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"print-worker-{self.station}",
                                        daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """Something was queued (or should be followed): look now, not at the next tick."""
        with self._lock:
            self._asked += 1
        self._wake.set()

    def prepare(self, task: Callable[[], None], *, delay: float = 0.0) -> None:
        """Work to do ahead when idle (drawing an open order's documents), not before
        ``delay`` seconds: run after every queued job, never delaying one; the newest few
        are kept. Not waited for by :meth:`drain` (:meth:`idle` does); a failure is only
        logged (the real job will say it)."""
        with self._lock:
            self._prepared.append((time.monotonic() + delay, task))
        self._wake.set()

    def retry(self) -> None:
        """Deliver again this station's failed and waiting jobs, on the worker's thread."""
        with self._lock:
            self._retry_asked = True
        self.wake()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the job in hand; True when the thread ended within ``timeout``."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def drain(self, timeout: float = 60.0) -> bool:
        """Wait until every job queued so far was delivered (or failed, or waits).

        Jobs handed to CUPS are not waited for: CUPS has them. True when drained.
        """
        if not self.running:
            return False
        self.wake()
        with self._lock:
            target = self._asked
            return self._lock.wait_for(lambda: self._served >= target or not self.running,
                                       timeout) and self._served >= target

    def idle(self, timeout: float = 60.0) -> bool:
        """:meth:`drain`, then wait until the work ahead (:meth:`prepare`) is done too."""
        if not self.drain(timeout):
            return False
        with self._lock:
            return self._lock.wait_for(
                lambda: not (self._prepared or self._preparing) or not self.running, timeout)

    # -- the thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._recover()
            while not self._stop.is_set():
                with self._lock:
                    asked = self._asked
                    retry, self._retry_asked = self._retry_asked, False
                try:
                    if retry:
                        self.queue.requeue()
                    worked = self._pass()
                except (peewee.PeeweeException, OSError) as error:
                    # The database is locked or gone for a moment: the jobs stay stored.
                    log.warning("print worker of %s: %s", self.station, error)
                    self._close_connection()
                    self._stop.wait(1.0)
                    continue
                except Exception:  # noqa: BLE001 — a bug in one job must not stop printing
                    log.exception("print worker of %s failed", self.station)
                    self._stop.wait(1.0)
                    continue
                if worked:
                    continue  # look again at once: more may have been queued meanwhile
                with self._lock:
                    self._served = max(self._served, asked)
                    self._lock.notify_all()
                    task = None
                    if self._prepared and self._prepared[0][0] <= time.monotonic():
                        task = self._prepared.popleft()[1]
                    self._preparing = task is not None
                if task is not None:
                    self._run_prepared(task)
                    with self._lock:
                        self._preparing = False
                        self._lock.notify_all()
                    continue  # then look at the queue again at once
                self._wake.wait(self._sleep_seconds())
                self._wake.clear()
        finally:
            self._close_connection()
            with self._lock:
                self._lock.notify_all()

    def _run_prepared(self, task: Callable[[], None]) -> None:
        try:
            task()
        except Exception:  # noqa: BLE001 — ahead-of-time work only: the job renders anew
            log.info("print worker of %s: could not prepare documents ahead", self.station,
                     exc_info=True)

    def _recover(self) -> None:
        for attempt in range(30):
            try:
                self.queue.recover()
                self.queue.cleanup()
                return
            except peewee.PeeweeException as error:
                log.warning("print worker of %s cannot start yet: %s", self.station, error)
                self._close_connection()
                if self._stop.wait(1.0):
                    return

    def _pass(self) -> bool:
        """Deliver the next queued job, follow CUPS, ask again for waiting documents.

        True when a job was delivered (there may be another one).
        """
        now = time.monotonic()
        if now >= self._next_waiting:
            self._next_waiting = now + self.waiting_seconds
            self.queue.requeue((WAITING,))
        if now >= self._next_retry:
            self._next_retry = now + self.retry_seconds
            self.queue.requeue_transient()  # the printer may be on again
        job = self.queue.next_queued()
        if job is not None:
            if self.queue.take(job):
                self.queue.deliver(job)
                self._follow_interval = self.follow_seconds  # a CUPS job to follow closely
                self._next_follow = min(self._next_follow, now + self.follow_seconds)
            return True
        if now >= self._next_follow:
            # Every follow_seconds while CUPS moves; less often while nothing changes (a
            # stopped queue holding jobs for hours), never less than twice a minute.
            changed = self.queue.refresh()
            self._follow_interval = (self.follow_seconds if changed
                                     else min(MAX_FOLLOW_SECONDS, self._follow_interval * 1.5))
            self._next_follow = now + self._follow_interval
        return False

    def _sleep_seconds(self) -> float:
        now = time.monotonic()
        wake_at = min(self._next_follow, self._next_waiting, self._next_retry)
        with self._lock:
            if self._prepared:
                return max(0.0, min(wake_at, self._prepared[0][0]) - now)
        return max(0.05, wake_at - now)

    @staticmethod
    def _close_connection() -> None:
        try:
            database.close()
        except Exception:  # noqa: BLE001 — nothing open on this thread
            pass


__all__ = ["DELIVERING", "PrintWorker", "QUEUED"]
