"""The real window on a real SQLite shop, for the pytest-qt tests of the station window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from packstation.services.context import StationConfig
from tests.helpers import import_rows, shop_rows

# A Wednesday morning in Paris (UTC+1 in November): every carrier comes later today.
WEDNESDAY_9H = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def shop(sqlite_db, tmp_path):
    """The three test orders of tests.helpers (and CMD-4), imported from a real CSV."""
    report = import_rows(tmp_path, shop_rows())
    assert report.ok, report.errors
    return sqlite_db


@pytest.fixture
def config(tmp_path):
    return StationConfig(station="Table 1", output_dir=str(tmp_path / "out"), open_next=False)


@pytest.fixture
def make_window(qtbot, shop):
    """Builds the window around a fresh station; closes it (and its filter) afterwards."""
    from packstation.services.station import build_station
    from packstation.ui.background import Background
    from packstation.ui.window import StationWindow

    windows = []

    def make(config: StationConfig, *, resume: bool = False, clock=None, print_worker=None):
        station = build_station(config, worker=print_worker)
        resumed = station.resume() if resume else None
        kwargs = {"clock": clock} if clock else {}
        window = StationWindow(station, config, background=Background(synchronous=True),
                               poll_ms=3_600_000, print_worker=print_worker, **kwargs)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.start(resumed)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window, config):
    return make_window(config)


def burst(qtbot, widget, text: str, terminator=Qt.Key.Key_Return) -> None:
    """What a keyboard-wedge scanner does: the characters at once, then Enter (or Tab)."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, terminator)
