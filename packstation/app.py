"""The window's composition root: ``packstation`` with no command, and ``packstation demo``.

It opens the shop, builds the station and its window, resumes the order the station
was packing when it last stopped, and runs Qt until the window closes.
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


def run_window(args, config: StationConfig) -> int:
    """Open the station window on ``args.db`` (or the configured database); the exit code."""
    from PySide6.QtWidgets import QApplication

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
    station = build_station(config)
    resumed = station.resume()  # a crash mid-order: back where it stopped (never raises)
    window = StationWindow(station, config)
    reporter.parent = window
    window.resize(1366, 768)
    window.show()
    window.start(resumed)
    return app.exec()
