"""The window among several tables: others' work shows within 2 s, a stopped table's
order can be taken over, a lost database is said and waited for."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from packstation.core.packing import Outcome
from packstation.db.models import Event, Order, utcnow
from packstation.services.packing import PackingStation
from tests.helpers import MUG, row, write_csv
from tests.ui.conftest import burst


def queue_refs(window) -> list[str]:
    model = window.queue_model
    return [model.ref_at(index) for index in range(model.rowCount())]


def test_an_import_by_another_process_shows_within_two_seconds(qtbot, make_window, config,
                                                               sqlite_path, tmp_path):
    from packstation.services.station import build_station
    from packstation.ui.background import Background
    from packstation.ui.window import StationWindow

    window = StationWindow(build_station(config), config, background=Background(synchronous=True),
                           poll_ms=500)
    qtbot.addWidget(window)
    window.start(None)
    assert "NEW-1" not in queue_refs(window)
    path = write_csv(tmp_path / "more.csv", [row("NEW-1", "TEA", 1)])
    result = subprocess.run([sys.executable, "-m", "packstation", "--db", sqlite_path, "import", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: "NEW-1" in queue_refs(window), timeout=2000)
    window.close()


def test_an_order_left_by_a_stopped_table_is_taken_over_after_confirmation(qtbot, window):
    other = PackingStation("Table 2", "Benoît")
    other.handle("CMD-1")
    other.handle(MUG)
    Order.update(heartbeat_at=utcnow() - dt.timedelta(minutes=12)).where(Order.ref == "CMD-1").execute()

    def accept_the_question():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Table 2" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, accept_the_question)
    burst(qtbot, window.queue_view, "CMD-1")
    qtbot.waitUntil(lambda: window.station.order_ref == "CMD-1", timeout=3000)
    assert [line.verified for line in window.station.lines] == [0, 1]
    assert Event.get(Event.kind == "taken_over").station == "Table 1"
    assert window.last_answer.outcome in (Outcome.ORDER_OPENED, Outcome.ORDER_RESUMED)


def test_a_live_table_keeps_its_order(qtbot, window):
    PackingStation("Table 2").handle("CMD-1")
    burst(qtbot, window.queue_view, "CMD-1")
    qtbot.wait(100)
    assert window.last_answer.outcome is Outcome.ORDER_TAKEN
    assert "Table 2" in window.answer_label.text()
    assert QApplication.activeModalWidget() is None
    assert not window.station.has_order


def test_a_lost_database_is_said_and_waited_for(qtbot, postgres_server, tmp_path):
    from packstation.db import close
    from packstation.services.context import StationConfig
    from packstation.services.shop import open_shop
    from packstation.services.station import build_station
    from packstation.ui.background import Background
    from packstation.ui.window import StationWindow
    from tests.helpers import import_rows, shop_rows

    open_shop(postgres_server.new_database("t_window_lost"))
    assert import_rows(tmp_path, shop_rows()).ok
    config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"), open_next=False)
    window = StationWindow(build_station(config), config, background=Background(synchronous=True),
                           poll_ms=3_600_000)
    qtbot.addWidget(window)
    window.start(None)
    try:
        with postgres_server.stopped():
            window.poll()
            assert window.db_lost and window.db_banner.isVisibleTo(window)
            answer = window.scan("CMD-1")
            assert not answer.ok and "scannez à nouveau" in answer.message
        qtbot.waitUntil(lambda: (window.poll(), not window.db_lost)[1], timeout=10000)
        assert not window.db_banner.isVisibleTo(window)
        assert window.scan("CMD-1").outcome is Outcome.ORDER_OPENED
    finally:
        window.close()
        close()


def test_a_short_order_can_ship_what_is_there(qtbot, window):
    from packstation.db.models import Product
    from tests.helpers import TEA

    # CMD-1 (one tea) comes first in the queue; CMD-3 wants 4 teas and gets the other one.
    Product.update(stock=2).where(Product.sku == "TEA").execute()

    def accept_the_question():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "TEA" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, accept_the_question)
    burst(qtbot, window.queue_view, "CMD-3")
    qtbot.waitUntil(lambda: window.station.order_ref == "CMD-3", timeout=3000)
    tea = next(line for line in window.station.lines if line.sku == "TEA")
    assert tea.quantity == 1
    backorder = Order.get(Order.backorder_of == "CMD-3")
    assert [(l.sku, l.quantity) for l in backorder.lines] == [("TEA", 3)]
    assert window.station.handle(TEA).ok
