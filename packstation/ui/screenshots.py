"""Screenshots of the window for the README: ``python -m packstation.ui.screenshots OUTDIR``.

Builds a demo shop in a temporary folder, opens an order with a customer's note,
verifies part of it, and saves ``window-fr.png`` and ``window-en.png`` at 1366x768;
then, in French, the back office: ``settings-fr.png`` (the station tab), ``carriers-fr.png``
(the carriers form),
``history-fr.png`` (a packed order's timeline) and ``statistics-fr.png`` (a day of two
packers, with a few mistakes caught).
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


def _pack_a_day(config: StationConfig) -> list[str]:
    """Two packers pack a morning's orders (with a few mistakes caught); their refs."""
    from packstation.services.packing import PackingStation

    clock = _Clock(NOW.replace(hour=7, minute=5))
    packers = [PackingStation("Table 1", "Alice", clock=clock), PackingStation("Table 2", "Bruno", clock=clock)]
    packed = []
    for number, order in enumerate(Order.select().where(Order.status == OrderStatus.PENDING)
                                   .order_by(Order.id).limit(14)):
        station = packers[number % 2]
        if station.handle(order.ref).outcome.code != "order_opened":
            continue
        if number % 4 == 1:
            clock.advance(20)
            station.handle(_foreign_code(station))  # a wrong item, caught
        for line in station.lines:
            codes = [code for code, units in line.codes.items() if units == 1]
            for _ in range(line.quantity - line.verified):
                clock.advance(15 + 7 * (number % 3))
                station.handle(codes[0] if codes else ":confirm")
        if station.has_order and station.awaiting_weight:
            station.complete(station.computed_weight())
        packed.append(order.ref)
        clock.advance(60 * (6 + number % 5))
    return packed


class _Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def shoot_back_office(folder: Path, app: QApplication) -> list[Path]:
    """The settings, history and statistics windows in French."""
    from packstation.ui.backoffice.history import HistoryWindow
    from packstation.ui.backoffice.settings import CARRIERS_TAB, STATION_TAB, SettingsDialog
    from packstation.ui.backoffice.statistics import StatisticsWindow

    i18n.set_language("fr")
    shots = []
    with tempfile.TemporaryDirectory() as scratch:
        open_shop(str(Path(scratch) / "demo.sqlite3"))
        fill_demo(60, seed=11, now=NOW - dt.timedelta(hours=3), station="Table 1")
        save_shop_settings(DEMO_SHOP)
        # Folders as a shop would name them (only shown: nothing is saved here).
        config = StationConfig(station="Table 1", output_dir="/home/boutique/Packstation/PDF", sounds=True,
                               inbox="/home/boutique/Packstation/Dépôt",
                               printers={"label": {"printer": "Zebra-GK420", "media": "100x150mm"}})
        packed = _pack_a_day(config)
        # The carriers form shows a Colissimo label account (set once the day is packed, so
        # that no carrier is asked for a label here).
        from packstation.shipping.accounts import parse_account

        config.label_accounts = {"colissimo": parse_account("colissimo", {
            "provider": "colissimo", "contract": "123456", "password": "env:COLISSIMO_PASSWORD",
            "format": "zpl", "dpi": 203})}
        windows = {
            "settings": SettingsDialog(config, station="Table 1", printers=["Zebra-GK420", "Bureau-A4"],
                                       tab=STATION_TAB),
            "carriers": SettingsDialog(config, station="Table 1", printers=["Zebra-GK420", "Bureau-A4"],
                                       tab=CARRIERS_TAB),
            "history": HistoryWindow(config, station="Table 1", packer="Alice"),
            "statistics": StatisticsWindow(now=lambda: NOW.replace(hour=11)),
        }
        history = windows["history"]
        history.search_field.setText(packed[1])
        history.search()
        for name, window in windows.items():
            window.resize(1366, 768)
            window.show()
            for _ in range(10):
                app.processEvents()
            path = folder / f"{name}-fr.png"
            window.grab().save(str(path))
            window.close()
            shots.append(path)
        close()
    return shots


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0] if argv else "resources/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for language in ("fr", "en"):
        print(shoot(folder, language, app))
    for path in shoot_back_office(folder, app):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
