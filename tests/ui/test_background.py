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


def test_a_big_import_from_the_window_goes_on_beside_the_station_scanning(
        qtbot, pooled_window, tmp_path):
    """The preview reads the file off the UI thread, and "Importer" hands the import to
    the pool: the dialog closes at once, the station scans on while the file goes in,
    and the status bar says when it is in."""
    import time

    from packstation.db.models import OrderLine
    from tests.helpers import TEA, import_rows
    from tests.ui.conftest import burst

    window = pooled_window
    assert import_rows(tmp_path, [row("SCAN-1", "TEA", 1000, ean=TEA)]).ok
    burst(qtbot, window.scan_field, "SCAN-1")
    qtbot.waitUntil(lambda: window.station.has_order, timeout=5000)
    big = write_csv(tmp_path / "big.csv", [row(f"BIG-{n:04d}", "TEA", 1, ean=TEA)
                                           for n in range(1500)])
    dialog = window.backoffice.preview([big], show=False)
    assert "Lecture de 1 fichier(s)" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=60000)
    assert dialog.pages[0].models["new"].rowCount() == 1500

    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "Import de big.csv en cours" in window.notice_label.text()
    waits = []
    while "en cours" in window.notice_label.text():
        started = time.perf_counter()
        burst(qtbot, window.scan_field, TEA)
        waits.append(time.perf_counter() - started)
        qtbot.wait(20)   # the packer's pace; the pool's answers arrive meanwhile
        assert len(waits) < 900, "the import never said it was done"
    assert len(waits) >= 3 and max(waits) < 1.0, waits   # it scanned while the file went in
    qtbot.waitUntil(lambda: "1500" in window.notice_label.text(), timeout=60000)
    assert Order.select().where(Order.ref.startswith("BIG-") & (Order.status == "pending")) \
        .count() == 1500
    scanned = OrderLine.get(OrderLine.sku == "TEA", OrderLine.quantity == 1000).verified
    assert scanned == len(waits)
