"""The window's composition root: ``packstation`` with no command, and ``packstation demo``.

It opens the shop, builds the station and its window, resumes the order the station
was packing when it last stopped, and runs Qt until the window closes.
"""

from __future__ import annotations

import sys

from packstation.core import i18n
from packstation.services.context import StationConfig


def run_window(args, config: StationConfig) -> int:
    """Open the station window on ``args.db`` (or the configured database); the exit code."""
    from PySide6.QtWidgets import QApplication

    from packstation.services.shop import open_shop
    from packstation.services.station import build_station
    from packstation.ui.window import StationWindow

    if getattr(args, "lang", None):
        i18n.set_language(args.lang)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Packstation")
    open_shop(getattr(args, "db", None), config)
    station = build_station(config)
    resumed = station.resume()  # a crash mid-order: back where it stopped
    window = StationWindow(station, config)
    window.resize(1366, 768)
    window.show()
    window.start(resumed)
    return app.exec()
