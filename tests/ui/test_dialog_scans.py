"""A scan never answers a dialog: a scanner burst while a dialog is open is routed to the
packing flow (a reason code, a badge) or refused with the error sound — never typed into a
field, never taken for the dialog's Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from packstation.core.commands import Command
from packstation.core.packing import Outcome
from packstation.db.models import Event, Order, OrderStatus
from packstation.services.packers import add_packer
from tests.helpers import MUG, TEA
from tests.ui.conftest import burst


def during_dialog(qtbot, trigger, inside) -> list:
    """Run ``inside(dialog)`` while the dialog that ``trigger()`` opens is on screen."""
    seen = []

    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        seen.append(inside(dialog))
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)
    trigger()
    return seen


def test_a_product_scan_in_the_abandon_dialog_is_refused_and_a_reason_code_answers_it(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")

    def scan_twice(dialog):
        before = dialog.reason.currentText()
        burst(qtbot, dialog.reason.lineEdit(), MUG)
        refused = (dialog.isVisible(), dialog.reason.currentText() == before,
                   window.sounds.last_played, MUG in window.answer_label.text())
        burst(qtbot, dialog.reason.lineEdit(), Command.REASON_CUSTOMER.code)
        return refused, dialog.isVisible()

    [(refused, still_open)] = during_dialog(
        qtbot, lambda: qtbot.keyClick(window.scan_field, Qt.Key.Key_F8), scan_twice)
    assert refused == (True, True, "error", True)
    assert not still_open
    assert window.last_answer.outcome is Outcome.ABANDONED
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PENDING
    event = Event.select().where(Event.kind == "abandoned").get()
    assert event.reason == "Annulée par le client"
    assert MUG not in event.reason


def test_psc02_then_a_reason_code_abandons_with_the_scanner_alone(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")
    burst(qtbot, window.queue_view, Command.ABANDON.code)
    assert window.last_answer.outcome is Outcome.REASON_NEEDED
    assert window.station.order_ref == "CMD-1"
    burst(qtbot, window.queue_view, Command.REASON_DAMAGED.code)
    assert window.last_answer.outcome is Outcome.ABANDONED
    assert Event.select().where(Event.kind == "abandoned").get().reason == "Article abîmé"


def test_psc02_then_a_typed_reason_abandons(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")
    burst(qtbot, window.scan_field, Command.ABANDON.code)
    window.scan_field.setFocus()
    qtbot.keyClicks(window.scan_field, "Carton trop petit", delay=60)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)
    assert window.last_answer.outcome is Outcome.ABANDONED
    assert Event.select().where(Event.kind == "abandoned").get().reason == "Carton trop petit"


def test_psc02_then_an_item_keeps_the_order(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")
    burst(qtbot, window.scan_field, Command.ABANDON.code)
    burst(qtbot, window.scan_field, TEA)
    assert window.last_answer.outcome is Outcome.VERIFIED
    assert window.station.order_ref == "CMD-1"


def test_the_packer_dialog_takes_a_badge_and_refuses_any_other_scan(qtbot, window):
    add_packer("Chloé", "BADGE-CHLOE")

    def scan(dialog):
        burst(qtbot, dialog.name, MUG)
        refused = (dialog.isVisible(), dialog.name.text(), window.sounds.last_played)
        burst(qtbot, dialog.name, "BADGE-CHLOE")
        return refused

    [refused] = during_dialog(qtbot, lambda: qtbot.keyClick(window.queue_view, Qt.Key.Key_F7), scan)
    assert refused == (True, "", "error")
    assert window.station.packer == "Chloé"


def test_a_scan_does_not_press_save_in_the_shop_settings(qtbot, window):
    def scan(dialog):
        field = dialog.edits["name"]
        field.setText("Ma boutique")
        burst(qtbot, field, "CMD-2")
        return dialog.isVisible(), field.text()

    seen = during_dialog(qtbot, window.edit_shop_settings, scan)
    assert seen == [(True, "Ma boutique")]
    assert window.station.order_ref is None  # refused, not taken as a scan either
    assert "CMD-2" in window.answer_label.text() and window.sounds.last_played == "error"


@pytest.mark.parametrize("dialog_name", ["settings", "end_of_day", "export_tracking"])
def test_a_scan_in_a_back_office_dialog_is_refused(qtbot, window, dialog_name):
    from packstation.ui.backoffice.manifest import EndOfDayDialog
    from packstation.ui.backoffice.menu import ExportTrackingDialog
    from packstation.ui.backoffice.settings import SettingsDialog

    build = {
        "settings": lambda: SettingsDialog(window.config, station="Table 1", printers=["PDF"],
                                           parent=window),
        "end_of_day": lambda: EndOfDayDialog(window.config, station="Table 1", parent=window),
        "export_tracking": lambda: ExportTrackingDialog(window),
    }[dialog_name]

    def scan(dialog):
        target = QApplication.focusWidget() or dialog
        texts = {edit: edit.text() for edit in dialog.findChildren(QLineEdit)}
        burst(qtbot, target, "CMD-2")
        return dialog.isVisible(), all(edit.text() == text for edit, text in texts.items())

    seen = during_dialog(qtbot, lambda: build().exec(), scan)
    assert seen == [(True, True)]
    assert window.sounds.last_played == "error"
    assert window.station.order_ref is None


def test_a_scan_does_not_say_yes_to_a_question(qtbot, window):
    from packstation.ui.backoffice.common import confirm

    answers = []

    def scan(box):
        box.setDefaultButton(QMessageBox.StandardButton.Yes)  # the worst case: Enter says yes
        burst(qtbot, QApplication.focusWidget() or box, "CMD-2")
        return box.isVisible()

    seen = during_dialog(qtbot, lambda: answers.append(confirm(window, "?", "Sûr ?")), scan)
    assert seen == [True] and answers == [False]
    assert window.sounds.last_played == "error"


def test_typing_by_hand_in_a_dialog_still_works(qtbot, window):
    def type_slowly(dialog):
        qtbot.keyClicks(dialog.name, "Alice", delay=40)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        return dialog.isVisible()

    seen = during_dialog(qtbot, lambda: qtbot.keyClick(window.queue_view, Qt.Key.Key_F7), type_slowly)
    assert seen == [False]  # Enter typed by a person accepts the dialog
    assert window.station.packer == "Alice"
