"""Orders whose payment the shop still awaits: marked in the queue and the order view
(never a cash-on-delivery one); held instead when the shop's setting says so."""

from __future__ import annotations

import pytest

from packstation.core import i18n
from packstation.services.holds import hold_rules
from packstation.services.importing import Importer
from packstation.services.settings import HoldSettings, save_hold_settings
from packstation.ui.queue_model import AWAITING_PAYMENT_ROLE, Column
from tests.helpers import GENERIC_COLUMNS, TEA, row, write_csv
from tests.ui.conftest import burst


def import_payments(tmp_path, *, hold: bool = False) -> None:
    if hold:
        save_hold_settings(HoldSettings(hold_awaiting_payment=True))
    path = write_csv(tmp_path / "payments.csv", [
        row("PAY-1", "TEA", 1, ean=TEA, payment="pending"),
        row("PAY-2", "TEA", 1, ean=TEA, payment="cash on delivery"),
        row("PAY-3", "TEA", 1, ean=TEA, payment="paid"),
    ], columns=[*GENERIC_COLUMNS, "payment"])
    report = Importer(station="test", hold_rules=hold_rules()).import_file(path)
    assert report.ok, report.errors


def queue_states(window) -> dict[str, tuple[str, bool]]:
    model = window.queue_model
    model.reload()
    while model.canFetchMore():
        model.fetchMore()
    return {model.ref_at(r): (model.index(r, Column.STATE).data(),
                              model.index(r, Column.STATE).data(AWAITING_PAYMENT_ROLE))
            for r in range(model.rowCount())}


@pytest.mark.parametrize("language, ready, awaiting, panel", [
    ("fr", "prête", "prête · en attente de paiement", "En attente de paiement"),
    ("en", "ready", "ready · awaiting payment", "Awaiting payment"),
])
def test_an_order_awaiting_payment_is_marked_in_the_queue_and_the_order_view(
        qtbot, qapp, make_window, config, tmp_path, language, ready, awaiting, panel):
    from packstation.ui import texts

    i18n.set_language(language)
    try:
        import_payments(tmp_path)
        window = make_window(config)
        states = queue_states(window)
        assert states["PAY-1"] == (awaiting, True)
        assert states["PAY-2"] == (ready, False)       # cash on delivery: paid at the door
        assert states["PAY-3"] == (ready, False)

        burst(qtbot, window.scan_field, "PAY-1")
        assert window.order_panel.ref.text() == "PAY-1"
        assert window.order_panel.payment.isVisible()
        assert window.order_panel.payment.text() == panel

    finally:
        i18n.set_language("fr")
        texts.install_translator(qapp)


def test_a_cash_on_delivery_order_opens_without_the_mark(qtbot, make_window, config, tmp_path):
    import_payments(tmp_path)
    window = make_window(config)
    burst(qtbot, window.scan_field, "PAY-2")
    assert window.order_panel.ref.text() == "PAY-2"
    assert not window.order_panel.payment.isVisible()


def test_held_for_payment_when_the_shop_says_so_it_shows_as_held_with_its_reason(
        qtbot, make_window, config, tmp_path):
    import_payments(tmp_path, hold=True)
    window = make_window(config)
    states = queue_states(window)
    assert states["PAY-1"] == ("bloquée : paiement en attente selon la boutique", True)
    assert states["PAY-2"] == ("prête", False)
    burst(qtbot, window.scan_field, "PAY-1")
    assert window.station.order_ref != "PAY-1"     # a held order is not opened at the table
    assert "paiement en attente selon la boutique" in window.answer_label.text()
