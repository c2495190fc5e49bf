"""The back-office windows on a real SQLite shop with stock, real files and real dialogs.

Modal dialogs are answered the way a user answers them: :func:`answer_dialog` waits for
the dialog to appear, fills it and presses its button, while the code under test runs
its ``exec()``.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from packstation.db.models import Product
from packstation.services.context import StationConfig
from tests.helpers import import_rows, shop_rows
from tests.ui.conftest import make_window, window  # noqa: F401 (fixtures)

# A Wednesday morning in Paris, as in tests/ui.
WEDNESDAY_9H = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def shop(sqlite_db, tmp_path):
    """The four orders of tests.helpers imported from a real CSV, 50 of every product."""
    report = import_rows(tmp_path, shop_rows())
    assert report.ok, report.errors
    Product.update(stock=50).execute()
    return sqlite_db


@pytest.fixture
def config(tmp_path):
    (tmp_path / "out").mkdir()
    return StationConfig(station="Table 1", output_dir=str(tmp_path / "out"), open_next=False,
                         sounds=False, path=tmp_path / "station.toml")


def answer_dialog(fill: Callable[[QWidget], None], *, timeout_ms: int = 5000) -> list[QWidget]:
    """Answer the next modal dialog with ``fill(dialog)``; returns a list that receives it."""
    seen: list[QWidget] = []
    waited = [0]

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            waited[0] += 10
            if waited[0] > timeout_ms:
                raise AssertionError("no dialog appeared")
            QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, handle)
    return seen
