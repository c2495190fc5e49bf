"""The window's composition root: ``packstation`` with no command, and ``packstation demo``.

It opens the shop, chooses the system print path, starts the station's print worker,
builds the station and its window, resumes the order the station was packing when it
last stopped, and runs Qt until the window closes.
"""

from __future__ import annotations

import os
import sys

from packstation.core import i18n
from packstation.services.context import StationConfig


def install_qt_translator(app, language: str | None = None):
    """Qt's own texts (QMessageBox and QFileDialog buttons, context menus) in French when
    the language is French: ``qtbase_fr.qm`` from the PySide6 wheel. The window's own texts
    have their translator too (``packstation.ui.texts.install_translator``). Returns the
    translator, or None when none applies or the file is missing (Qt then speaks English,
    nothing breaks)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    language = language or i18n.language()
    if language != "fr":
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", folder):
        return None
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    return translator


#: ``qt`` or ``cups``: the system print path, to try Qt's on Linux (tests do).
PRINT_SYSTEM_ENV = "PACKSTATION_PRINT_SYSTEM"


def install_system_printing(*, gui: bool) -> str:
    """Choose how PDFs reach the system's printers; returns ``qt`` or ``cups``.

    Linux keeps CUPS (its command-line tools); Windows and macOS print through Qt
    (:mod:`packstation.ui.qtprint`). ``PACKSTATION_PRINT_SYSTEM`` overrides the choice.
    Without the window (``gui`` False, the command line) Qt's path needs a
    QGuiApplication, made here when needed (it shows nothing).
    """
    from packstation.printing.destinations import set_system_printing

    choice = os.environ.get(PRINT_SYSTEM_ENV) or ("cups" if sys.platform.startswith("linux") else "qt")
    if choice != "qt":
        set_system_printing(None)
        return "cups"
    from PySide6.QtGui import QGuiApplication

    from packstation.ui.qtprint import QtPrinting

    if not gui and QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                     or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs no screen
        global _print_application
        _print_application = QGuiApplication(sys.argv[:1])
    set_system_printing(QtPrinting())
    return "qt"


_print_application = None


def run_window(args, config: StationConfig) -> int:
    """Open the station window on ``args.db`` (or the configured database); the exit code."""
    from PySide6.QtWidgets import QApplication

    from packstation.services.printing import start_print_worker
    from packstation.services.shop import open_shop
    from packstation.services.station import build_station
    from packstation.ui.texts import install_translator
    from packstation.ui.window import StationWindow

    if getattr(args, "lang", None):
        i18n.set_language(args.lang)
    # QtMultimedia lists every audio library it looks for on a machine without sound; the
    # window says once, in its status bar, that it stays silent. Keep the terminal quiet.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Packstation")
    install_qt_translator(app)
    install_translator(app)   # the window's texts: resources/i18n/packstation_<lang>.qm
    from packstation.logs import setup_logging
    from packstation.ui.crash import install_excepthook

    setup_logging()  # before the first window: an error is never only on a terminal
    reporter = install_excepthook()
    open_shop(getattr(args, "db", None), config)
    install_system_printing(gui=True)
    # The print worker first delivers what this station had queued when it stopped.
    worker = start_print_worker(config)
    station = build_station(config, worker=worker)
    resumed = station.resume()  # a crash mid-order: back where it stopped (never raises)
    window = StationWindow(station, config, print_worker=worker)
    reporter.parent = window
    window.resize(1366, 768)
    window.show()
    window.start(resumed)
    try:
        return app.exec()
    finally:
        worker.stop()
