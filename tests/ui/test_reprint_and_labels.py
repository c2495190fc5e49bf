"""Reprint means the order on the table, and no label prints for an order not packed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from packstation.core.packing import Outcome
from packstation.db.models import PrintJob
from tests.helpers import MUG, TEA
from tests.ui.conftest import burst


def pack_cmd_1(qtbot, window) -> None:
    burst(qtbot, window.scan_field, "CMD-1")
    for code in (TEA, MUG, MUG):
        burst(qtbot, window.scan_field, code)


def press(qtbot, window, key) -> None:
    """A key of the window; the events of the last scan (the queue's refresh) first, as a
    packer's hand is never faster than that (offscreen, a shortcut right after is lost)."""
    qtbot.wait(20)
    qtbot.keyClick(window.queue_view, key)


def last_job(kind: str) -> PrintJob:
    return PrintJob.select().where(PrintJob.kind == kind).order_by(PrintJob.id.desc()).first()


def test_reprint_after_a_completion_that_opened_the_next_order(qtbot, make_window, config):
    config.open_next = True
    window = make_window(config)
    pack_cmd_1(qtbot, window)
    following = window.station.order_ref
    assert following not in (None, "CMD-1")  # the next order is open on the table

    press(qtbot, window, Qt.Key.Key_F6)
    assert window.last_answer.outcome is Outcome.REPRINTED
    assert "CMD-1" in window.answer_label.text()
    assert last_job("slip").refs == ["CMD-1"]
    press(qtbot, window, Qt.Key.Key_F5)
    assert last_job("label").refs == ["CMD-1"]
    assert "CMD-1" in window.answer_label.text()

    # The first item scan of the next order: from now on, reprint is that order.
    line = next(line for line in window.station.lines if line.quantity > 1)
    code = next((code for code, units in line.codes.items() if units == 1), None)
    if code is None:
        press(qtbot, window, Qt.Key.Key_F3)
    else:
        burst(qtbot, window.scan_field, code)
    assert window.station.order_ref == following
    assert window.station.just_completed is False
    press(qtbot, window, Qt.Key.Key_F6)
    assert last_job("slip").refs == [following]
    assert following in window.answer_label.text()

    # Its label is not printed before it is packed: said, with its ref.
    labels = PrintJob.select().where(PrintJob.kind == "label").count()
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.last_answer.outcome is Outcome.FAILED
    assert f"{following} n'est pas encore emballée" in window.answer_label.text()
    assert PrintJob.select().where(PrintJob.kind == "label").count() == labels


def test_typed_reprint_names_the_order(qtbot, window):
    pack_cmd_1(qtbot, window)
    window.scan(":reprint slip")
    assert window.last_answer.message == "Commande CMD-1 : nouvelle impression — Bon de livraison."
