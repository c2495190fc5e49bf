"""Weights that cannot be wrong: the whole value shows, the carrier's maximum holds, a
weight far from the computed one is asked again, Enter and F4 accept the computed one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from packstation.core.packing import Outcome
from packstation.db.models import Order, OrderStatus, Shipment
from tests.helpers import MUG, TEA
from tests.ui.conftest import burst

COMPUTED = 100 + 2 * 320 + 150  # CMD-1: a tea, two mugs, the packaging


@pytest.fixture
def weighing(make_window, config):
    config.ask_weight = True
    return make_window(config)


def all_scanned(qtbot, window) -> None:
    burst(qtbot, window.scan_field, "CMD-1")
    for code in (TEA, MUG, MUG):
        burst(qtbot, window.scan_field, code)
    assert window.station.awaiting_weight and window.weight_panel.isVisible()


def type_weight(qtbot, window, text: str) -> None:
    field = window.weight_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text, delay=40)  # typed by a person
    qtbot.keyClick(field, Qt.Key.Key_Return)


def shipped_weight() -> int | None:
    order = Order.get(Order.ref == "CMD-1")
    shipment = Shipment.get_or_none(Shipment.order == order.id)
    return shipment.weight_g if order.status == OrderStatus.PACKED else None


def test_the_weight_field_shows_the_whole_value_at_1366x768(qtbot, weighing):
    all_scanned(qtbot, weighing)
    assert weighing.width() <= 1366
    field = weighing.weight_field
    for text in ("1410", "1 410 g", "30000"):
        field.setText(text)
        assert field.fontMetrics().horizontalAdvance(text) < field.contentsRect().width() - 8, text
    assert weighing.queue_view.width() >= 480  # the weight bar does not squash the queue


def test_a_weight_far_from_the_computed_one_is_asked_again(qtbot, weighing):
    all_scanned(qtbot, weighing)
    type_weight(qtbot, weighing, "8900")
    assert weighing.last_answer.outcome is Outcome.BAD_WEIGHT
    assert "8900 g, pour 890 g calculés" in weighing.answer_label.text()
    assert shipped_weight() is None and weighing.weight_field.text() == str(COMPUTED)
    type_weight(qtbot, weighing, "8900")  # weighed again: it is right
    assert shipped_weight() == 8900


def test_a_weight_over_the_carrier_s_maximum_is_refused(qtbot, weighing):
    all_scanned(qtbot, weighing)
    type_weight(qtbot, weighing, "31 kg")
    assert "plus que le maximum de Colissimo (30000 g)" in weighing.answer_label.text()
    type_weight(qtbot, weighing, "31 kg")  # typing it again does not make it right
    assert shipped_weight() is None


@pytest.mark.parametrize("typed, grams", [("1,25 kg", 1250), ("1250", 1250), ("1250 g", 1250),
                                          ("1 410 g", 1410)])
def test_typed_weights_parse(qtbot, weighing, typed, grams):
    all_scanned(qtbot, weighing)
    type_weight(qtbot, weighing, typed)
    assert shipped_weight() == grams


def test_enter_accepts_the_computed_weight(qtbot, weighing):
    all_scanned(qtbot, weighing)
    assert weighing.weight_field.text() == str(COMPUTED)
    qtbot.keyClick(weighing.weight_field, Qt.Key.Key_Return)
    assert shipped_weight() == COMPUTED


def test_f4_accepts_the_computed_weight_whatever_has_focus(qtbot, weighing):
    all_scanned(qtbot, weighing)
    qtbot.wait(20)
    qtbot.keyClick(weighing.queue_view, Qt.Key.Key_F4)
    assert shipped_weight() == COMPUTED
