"""Background work always reports back, on the real thread pool: a failed task gives its
error to the caller, whose "running" flag resets, so the next pass works — the banner's
counts and the inbox recover from one failure instead of freezing until a restart.

The faults are real: a table of the SQLite file renamed away by another connection while
the worker reads it, then given back.
"""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from packstation.db.models import Order
from packstation.ui.background import Background
from tests.helpers import row, write_csv


def rename_table(path: str, old: str, new: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(f'ALTER TABLE "{old}" RENAME TO "{new}"')


def test_a_failed_task_reports_its_error_and_the_pool_goes_on(qtbot):
    background = Background()
    results, errors = [], []

    def fail():
        raise OSError("the disk went away")

    background.submit(fail, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], OSError) and results == []
    background.submit(lambda: 42, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [42] and len(errors) == 1
    assert background.wait()


@pytest.fixture
def pooled_window(qtbot, shop, config):
    """The window with the real thread pool (not the tests' synchronous one)."""
    from packstation.services.station import build_station
    from packstation.ui.window import StationWindow

    window = StationWindow(build_station(config), config, background=Background(),
                           poll_ms=3_600_000)
    qtbot.addWidget(window)
    window.start(None)
    qtbot.waitUntil(lambda: not window._snapshot_running, timeout=10000)
    yield window
    window.close()


def test_the_banner_recovers_after_a_failed_count(qtbot, pooled_window, sqlite_path):
    window = pooled_window
    first = window._snapshot
    assert first is not None

    rename_table(sqlite_path, "carrier", "carrier_away")
    window.refresh_projections()
    assert window._snapshot_running
    qtbot.waitUntil(lambda: not window._snapshot_running, timeout=10000)
    assert window._snapshot is first  # the last counts stay shown
    assert "décompte" in window.notice_label.text()

    rename_table(sqlite_path, "carrier_away", "carrier")
    window.refresh_projections()  # not stuck "running": it counts again
    qtbot.waitUntil(lambda: window._snapshot is not first, timeout=10000)
    assert window._snapshot.projections


def test_the_inbox_recovers_after_a_failed_pass(qtbot, shop, config, sqlite_path, tmp_path):
    from packstation.ui.backoffice.inbox import InboxWatcher

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config.inbox = str(inbox)
    watcher = InboxWatcher(config, Background(), station="Table 1", settle_seconds=0)
    write_csv(inbox / "morning.csv", [row("CMD-9", "TEA", 1, ean="")])

    rename_table(sqlite_path, "setting", "setting_away")  # the import's rules cannot be read
    with qtbot.waitSignal(watcher.failed, timeout=10000) as failure:
        watcher.poll()
    assert "setting" in failure.args[0]
    assert (inbox / "morning.csv").exists()  # nothing lost: still there for the next pass

    rename_table(sqlite_path, "setting_away", "setting")
    with qtbot.waitSignal(watcher.processed, timeout=10000) as done:
        watcher.poll()  # not stuck "running"
    assert done.args[0][0].ok
    assert Order.select().where(Order.ref == "CMD-9").exists()
    watcher.background.wait()


def test_an_unexpected_error_in_the_window_is_logged_and_shown_with_the_log_s_place(
        qtbot, window, tmp_path, monkeypatch):
    from packstation.logs import log_file, setup_logging
    from packstation.ui.crash import CrashReporter

    monkeypatch.setenv("PACKSTATION_LOG_DIR", str(tmp_path / "logs"))
    setup_logging()
    reporter = CrashReporter(window)
    try:
        raise ZeroDivisionError("a bug in a slot")
    except ZeroDivisionError:
        reporter(*sys.exc_info())
    dialog = reporter.dialog
    assert isinstance(dialog, QMessageBox) and dialog.isVisible() and not dialog.isModal()
    assert str(log_file()) in dialog.text()
    text = log_file().read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug in a slot" in text and "Traceback" in text
    dialog.close()
    # The station goes on.
    assert window.scan("CMD-1").outcome.code == "order_opened"


def test_a_locked_database_is_an_answer_in_the_window_never_an_exception(qtbot, window, sqlite_path):
    """pytest-qt fails a test on any exception escaping a slot: the keys below must not."""
    from PySide6.QtCore import Qt

    from packstation.db.database import database

    database.execute_sql("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClick(window, Qt.Key.Key_F2)  # the claim cannot be written
        assert not window.last_answer.ok and "occupée" in window.answer_label.text()
        for key in (Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F8):  # nothing open: said so
            qtbot.keyClick(window, key)
            assert not window.last_answer.ok
    finally:
        holder.rollback()
        holder.close()
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.last_answer.outcome.code == "order_opened"
