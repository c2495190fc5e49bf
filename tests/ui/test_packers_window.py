"""The shop's packers at the table: a packer required before the first order, remembered
across a restart, and Ctrl+Q asks before leaving an open order."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from packstation.core.packing import Outcome
from packstation.db.models import Order, OrderStatus
from packstation.services.packers import add_packer, retire_packer
from tests.ui.conftest import burst


def test_a_packer_is_required_before_the_first_order(qtbot, make_window, config):
    config.require_packer = True
    add_packer("Chloé", "BADGE-CHLOE")
    window = make_window(config)
    burst(qtbot, window.scan_field, "CMD-1")
    assert window.last_answer.outcome is Outcome.PACKER_NEEDED
    assert "Scannez d'abord votre badge" in window.answer_label.text()
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PENDING
    window.next_order()
    assert window.last_answer.outcome is Outcome.PACKER_NEEDED and window.station.order_ref is None
    burst(qtbot, window.scan_field, "BADGE-CHLOE")
    burst(qtbot, window.scan_field, "CMD-1")
    assert window.station.order_ref == "CMD-1"
    assert Order.get(Order.ref == "CMD-1").claimed_packer == "Chloé"


def test_the_packer_is_remembered_across_a_restart(qtbot, make_window, config):
    add_packer("Chloé", "BADGE-CHLOE")
    first = make_window(config)
    burst(qtbot, first.scan_field, "BADGE-CHLOE")
    first.close()
    second = make_window(config)
    assert second.station.packer == "Chloé" and "Chloé" in second.packer_label.text()
    second.station.logout()
    second.close()
    assert make_window(config).station.packer == ""


def test_a_retired_packer_is_not_remembered(qtbot, make_window, config):
    add_packer("Chloé", "BADGE-CHLOE")
    burst(qtbot, make_window(config).scan_field, "BADGE-CHLOE")
    retire_packer("Chloé")
    assert make_window(config).station.packer == ""


def test_ctrl_q_with_an_order_open_asks_first(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")
    asked = []

    def answer(button):
        def run():
            box = QApplication.activeModalWidget()
            asked.append(box.text())
            box.button(button).click()
        QTimer.singleShot(0, run)

    quit_action = window.backoffice.actions["quit"]
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    answer(QMessageBox.StandardButton.No)
    quit_action.trigger()
    assert asked and "CMD-1" in asked[0]
    assert window.isVisible()
    answer(QMessageBox.StandardButton.Yes)
    quit_action.trigger()
    assert not window.isVisible()
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKING  # resumed at the next start


def test_ctrl_q_without_an_order_quits_at_once(qtbot, window):
    window.backoffice.actions["quit"].trigger()
    assert not window.isVisible()
