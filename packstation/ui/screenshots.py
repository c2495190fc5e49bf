"""Screenshots of the window for the README: ``python -m packstation.ui.screenshots OUTDIR``.

Builds a demo shop in a temporary folder, opens an order with a customer's note,
verifies part of it, and saves ``window-fr.png`` and ``window-en.png`` at 1366x768.
Run it under a real display (Xvfb): ``Xvfb :99 -screen 0 1366x768x24 &`` then
``DISPLAY=:99 QT_QPA_PLATFORM=xcb python -m packstation.ui.screenshots resources/screenshots``.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from packstation.core import i18n
from packstation.db import close
from packstation.db.models import Order, OrderLine, OrderStatus
from packstation.services.context import StationConfig
from packstation.services.demo import fill_demo
from packstation.services.settings import DEMO_SHOP, save_shop_settings
from packstation.services.shop import open_shop
from packstation.services.station import build_station
from packstation.ui.background import Background
from packstation.ui.window import StationWindow

# A fixed morning, so the countdown shows a working day whatever the date of the run.
NOW = dt.datetime(2026, 11, 25, 9, 20, tzinfo=dt.timezone.utc)


def _showcase_order() -> str:
    """A pending order with a note and at least three lines (the richest to look at)."""
    for order in Order.select().where((Order.status == OrderStatus.PENDING) & (Order.note != ""))\
            .order_by(Order.id):
        if OrderLine.select().where(OrderLine.order == order).count() >= 3:
            return order.ref
    return Order.select().where(Order.status == OrderStatus.PENDING).first().ref


def _foreign_code(station) -> str:
    """A product code that the open order does not contain."""
    from packstation.db.models import Barcode

    own = {code for line in station.lines for code in line.codes}
    return next(b.code for b in Barcode.select().order_by(Barcode.id) if b.code not in own)


def shoot(folder: Path, language: str, app: QApplication) -> Path:
    i18n.set_language(language)
    with tempfile.TemporaryDirectory() as scratch:
        open_shop(str(Path(scratch) / "demo.sqlite3"))
        fill_demo(60, seed=11, now=NOW - dt.timedelta(hours=1), station="Table 1")
        save_shop_settings(DEMO_SHOP)
        config = StationConfig(station="Table 1", output_dir=str(Path(scratch) / "out"), sounds=False)
        station = build_station(config, packer="Alice")
        window = StationWindow(station, config, clock=lambda: NOW,
                               background=Background(synchronous=True))
        window.resize(1366, 768)
        window.show()
        window.start()
        window.scan(_showcase_order())
        first = station.lines[0]
        for code, units in first.codes.items():
            if units == 1:
                for _ in range(first.quantity):
                    window.scan(code)
                break
        second = next((line for line in station.lines[1:] if line.codes and not line.done), None)
        if second is not None:
            window.scan(next(iter(second.codes)))
        window.scan(_foreign_code(station))  # a product of another order: the red answer
        if second is not None and not second.done:
            window.scan(next(code for code, units in second.codes.items() if units == 1))
        for _ in range(10):
            app.processEvents()
        path = folder / f"window-{language}.png"
        window.grab().save(str(path))
        window.close()
        close()
    return path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0] if argv else "resources/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for language in ("fr", "en"):
        print(shoot(folder, language, app))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
