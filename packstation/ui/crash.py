"""An unexpected error in the window: logged, said in a dialog, and the station goes on.

:func:`install_excepthook` replaces ``sys.excepthook`` before the first window (as
novelWriter does): an exception escaping a slot is written to the log file with its
traceback, and a dialog (not modal: scans keep coming) says where that log is. A burst
of the same error shows one dialog, not a hundred.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from packstation.logs import log_file
from packstation.ui.texts import tr

log = logging.getLogger("packstation.crash")


class CrashReporter:
    """The excepthook of the window: log, then one dialog at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.dialog: QMessageBox | None = None
        self.count = 0
        self.previous = sys.excepthook

    def __call__(self, kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, trace)
            return
        self.count += 1
        log.error("unexpected error in the window:\n%s",
                  "".join(traceback.format_exception(kind, error, trace)).rstrip())
        if QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog says it; the log has every occurrence
        self.dialog = QMessageBox(QMessageBox.Icon.Critical, tr("ui.crash.title"),
                                  tr("ui.crash.text", log=str(self.log_path())),
                                  QMessageBox.StandardButton.Ok, self.parent)
        self.dialog.setObjectName("crashDialog")
        self.dialog.setDetailedText(f"{kind.__name__}: {error}")
        self.dialog.setModal(False)
        self.dialog.show()

    @staticmethod
    def log_path() -> Path:
        return log_file()


def install_excepthook(parent: QWidget | None = None) -> CrashReporter:
    reporter = CrashReporter(parent)
    sys.excepthook = reporter
    return reporter
