"""The station window driven like a packer drives it: a scanner typing bursts into
whatever has focus, keys for every action, a dialog now and then."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from packstation.core.packing import Outcome, Tone
from packstation.db.models import Order, OrderStatus, ScanRecord
from tests.helpers import BISCUITS, BISCUITS_6, MUG, OTHER, TEA
from tests.ui.conftest import burst


def focus_target(window, name: str):
    return {"queue": window.queue_view, "search": window.search_field,
            "scan": window.scan_field, "window": window}[name]


@pytest.mark.parametrize("focused", ["queue", "search", "scan", "window"])
def test_an_order_barcode_opens_the_order_whatever_has_focus(qtbot, window, focused):
    target = focus_target(window, focused)
    window.search_field.setText("" if focused != "search" else "Zof")
    burst(qtbot, target, "CMD-1")

    assert window.station.order_ref == "CMD-1"
    assert window.last_answer.outcome is Outcome.ORDER_OPENED
    assert window.order_panel.ref.text() == "CMD-1"
    assert "Commande CMD-1 ouverte" in window.answer_label.text()
    assert window.order_panel.lines_model.rowCount() == 2
    # Nothing of the scan stayed in a field.
    assert window.scan_field.text() == ""
    assert window.search_field.text() == ("" if focused != "search" else "Zof")


def test_verified_items_count_up_and_the_last_completes_the_order(qtbot, window, tmp_path):
    burst(qtbot, window.queue_view, "CMD-1")
    burst(qtbot, window.search_field, TEA)
    assert window.last_answer.outcome is Outcome.VERIFIED
    assert window.answer_tone is Tone.OK
    assert window.answer_label.text() == "OK Thé Earl Grey — 1/1, ligne complète"
    assert window.sounds.last_played == "verified"
    model = window.order_panel.lines_model
    assert [model.index(row, 3).data() for row in range(2)] == ["1 / 1", "0 / 2"]
    assert model.index(0, 0).data() == "✔"  # the done line is ticked

    burst(qtbot, window.scan_field, MUG)
    assert model.index(1, 3).data() == "1 / 2"
    burst(qtbot, window.queue_view, MUG)

    assert window.last_answer.outcome is Outcome.ORDER_COMPLETE
    assert window.headline.text() == "Colis prêt"
    assert window.sounds.last_played == "complete"
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKED
    assert window.order_panel.heading is None  # open_next is off: the next one is awaited


@pytest.fixture
def print_worker(config, shop):
    from packstation.services.printing import start_print_worker

    worker = start_print_worker(config)
    yield worker
    assert worker.stop()


def test_completion_prints_label_and_slip_to_the_folder(qtbot, make_window, config, print_worker,
                                                        tmp_path):
    from pypdf import PdfReader

    from packstation.db.models import PrintJob

    window = make_window(config, print_worker=print_worker)
    for code in ("CMD-1", TEA, MUG, MUG):
        burst(qtbot, window.scan_field, code)
    assert window.last_answer.outcome is Outcome.ORDER_COMPLETE
    kinds = {doc["kind"]: doc for doc in window.last_answer.documents}
    assert set(kinds) == {"label", "slip"}, window.last_answer.documents
    # The answer came before the documents: the worker prints them, the status bar follows.
    qtbot.waitUntil(lambda: PrintJob.select().where(PrintJob.status == "done").count() == 2,
                    timeout=30000)
    qtbot.waitUntil(lambda: window.print_queue_label.text() == "Impressions : 0 en cours",
                    timeout=10000)
    for job in PrintJob.select():
        path = Path(job.output)
        assert path.is_relative_to(tmp_path / "out") and path.exists()
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        assert "CMD-1" in text, job.kind


def test_a_failed_print_is_shown_with_what_to_do_and_f9_retries_it(qtbot, make_window, tmp_path,
                                                                   shop):
    import socket

    from packstation.db.models import PrintJob
    from packstation.services.context import StationConfig
    from packstation.services.printing import start_print_worker

    with socket.socket() as probe:  # a port where no printer listens: the printer is off
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"), open_next=False,
                           printers={"label": {"printer": f"socket://127.0.0.1:{port}",
                                               "format": "zpl"}})
    worker = start_print_worker(config)
    try:
        window = make_window(config, print_worker=worker)
        for code in ("CMD-1", TEA, MUG, MUG):
            burst(qtbot, window.scan_field, code)
        assert window.last_answer.outcome is Outcome.ORDER_COMPLETE
        qtbot.waitUntil(lambda: window.print_queue_label.text() == "1 impression(s) en échec",
                        timeout=30000)
        assert "allumez-la" in window.print_queue_label.toolTip()
        # Said where the packer looks, with what to do.
        assert window.print_banner.isVisibleTo(window)
        assert "allumez-la" in window.print_banner_label.text()
        assert window.retry_button.isVisibleTo(window)
        received = []
        with socket.create_server(("127.0.0.1", port)) as printer:  # switched on
            printer.settimeout(20)
            window.actions_by_name["retry_prints"].trigger()
            link, _ = printer.accept()
            with link:
                link.settimeout(10)
                while chunk := link.recv(65536):
                    received.append(chunk)
        qtbot.waitUntil(lambda: PrintJob.get(PrintJob.kind == "label").status == "done", timeout=20000)
        qtbot.waitUntil(lambda: not window.retry_button.isVisibleTo(window), timeout=10000)
        assert not window.print_banner.isVisibleTo(window)
        assert b"^BC" in b"".join(received)
    finally:
        assert worker.stop()


def test_a_wrong_item_is_refused_in_red_with_what_to_do(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")
    burst(qtbot, window.queue_view, OTHER)

    assert window.last_answer.outcome is Outcome.WRONG_ITEM
    assert window.answer_tone is Tone.ERROR
    assert window.answer_label.text() == "Pas dans cette commande — remettez Boîte à thé en place."
    assert window.headline.text() == "✖ Attention"
    assert window.sounds.last_played == "error"
    assert "#c62828" in window.answer_box.styleSheet()
    model = window.order_panel.lines_model
    assert [model.index(row, 3).data() for row in range(2)] == ["0 / 1", "0 / 2"]


def test_a_multipack_counts_its_units_and_refuses_to_overshoot(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-2")
    burst(qtbot, window.scan_field, BISCUITS_6)
    assert window.order_panel.lines_model.index(0, 3).data() == "6 / 7"

    burst(qtbot, window.scan_field, BISCUITS_6)
    assert window.last_answer.outcome is Outcome.TOO_MANY
    assert "ce lot compte 6 unités" in window.answer_label.text()

    burst(qtbot, window.scan_field, BISCUITS)
    assert window.last_answer.outcome is Outcome.ORDER_COMPLETE


def test_a_line_without_barcode_is_confirmed_with_its_key(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-3")
    assert window.order_panel.note.isVisible()
    assert window.order_panel.note.text() == "Note du client : Cadeau : pas de facture"

    qtbot.keyClick(window.queue_view, Qt.Key.Key_F3)
    assert window.last_answer.outcome is Outcome.CONFIRMED
    assert window.answer_label.text() == "Cuillère en bois validé sans code-barres — 1/2"
    burst(qtbot, window.scan_field, "PSC01")  # the command barcode does the same
    assert window.order_panel.lines_model.index(0, 3).data() == "2 / 2"
    assert ScanRecord.select().where(ScanRecord.outcome == "confirmed").count() == 2


def test_slow_typing_in_the_search_field_stays_there_and_filters(qtbot, window):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "CMD-2", delay=60)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)

    assert window.search_field.text() == "CMD-2"
    assert window.station.order_ref is None
    assert window.last_answer is None
    assert window.queue_model.rowCount() == 1
    assert window.queue_model.ref_at(0) == "CMD-2"


def test_a_scan_into_a_search_field_leaves_what_was_typed(qtbot, window):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Zo", delay=60)
    burst(qtbot, window.search_field, "CMD-3")
    assert window.search_field.text() == "Zo"
    assert window.station.order_ref == "CMD-3"


def test_scans_reach_the_station_right_after_a_dialog_closes(qtbot, window):
    typed = []

    def fill_the_dialog():
        dialog = QApplication.activeModalWidget()
        # While the dialog is open, what a person types is the dialog's.
        qtbot.keyClicks(dialog.name, "Alice", delay=40)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        typed.append(dialog.name.text())

    QTimer.singleShot(0, fill_the_dialog)
    qtbot.keyClick(window.queue_view, Qt.Key.Key_F7)
    assert typed == ["Alice"]
    assert window.station.packer == "Alice"
    assert "Alice" in window.packer_label.text()

    receiver = QApplication.focusWidget() or window
    burst(qtbot, receiver, "CMD-1")
    assert window.station.order_ref == "CMD-1"


def test_abandon_asks_a_reason_and_releases_the_order(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-1")

    def answer_the_dialog():
        dialog = QApplication.activeModalWidget()
        dialog.reason.setEditText("Mug fêlé")
        dialog.accept()

    QTimer.singleShot(0, answer_the_dialog)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F8)
    assert window.last_answer.outcome is Outcome.ABANDONED
    assert "Mug fêlé" in window.answer_label.text()
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PENDING
    burst(qtbot, window.queue_view, "CMD-2")  # and the station takes scans again at once
    assert window.station.order_ref == "CMD-2"


def test_every_action_has_a_key_and_the_next_order_opens_on_f2(qtbot, window):
    keys = {name: action.shortcut().toString() for name, action in window.actions_by_name.items()}
    assert all(keys.values()), keys
    assert len(set(keys.values())) == len(keys)
    qtbot.keyClick(window.queue_view, Qt.Key.Key_F2)
    assert window.last_answer.outcome is Outcome.ORDER_OPENED
    assert window.station.order_ref == window.order_panel.ref.text()


def test_the_next_order_opens_after_completion_when_configured(qtbot, make_window, config):
    config.open_next = True
    window = make_window(config)
    for code in ("CMD-1", TEA, MUG, MUG):
        burst(qtbot, window.scan_field, code)
    assert window.headline.text() == "Colis prêt"
    assert window.station.order_ref not in (None, "CMD-1")
    assert window.order_panel.ref.text() == window.station.order_ref
    assert window.station.order_ref in window.answer_label.text()


@pytest.mark.parametrize("how", ["scanned", "typed"])
def test_the_weight_prompt_takes_a_scanned_or_typed_weight(qtbot, make_window, config, how):
    config.ask_weight = True
    window = make_window(config)
    for code in ("CMD-1", TEA, MUG, MUG):
        burst(qtbot, window.scan_field, code)
    assert window.last_answer.outcome is Outcome.AWAITING_WEIGHT
    assert window.weight_panel.isVisible()
    assert window.weight_field.text() == "890"  # 100 + 2 x 320 + 150 of packaging
    if how == "scanned":
        burst(qtbot, window.queue_view, "1,2 kg")
    else:
        window.weight_field.setFocus()
        window.weight_field.clear()
        qtbot.keyClicks(window.weight_field, "1200", delay=60)
        qtbot.keyClick(window.weight_field, Qt.Key.Key_Return)
    assert window.last_answer.outcome is Outcome.ORDER_COMPLETE
    assert window.last_answer.weight_g == 1200
    assert not window.weight_panel.isVisible()


def test_a_badge_scan_logs_the_packer_in(qtbot, window):
    from packstation.db.models import Packer

    Packer.create(badge="BADGE-ZOE", name="Zoé")
    burst(qtbot, window.queue_view, "BADGE-ZOE")
    assert window.station.packer == "Zoé"
    assert window.packer_label.text() == "Préparateur : Zoé"
    burst(qtbot, window.queue_view, "PSC06")
    assert window.station.packer == ""


def test_the_order_left_open_is_resumed_when_the_window_opens(qtbot, make_window, config):
    from packstation.services.station import build_station

    station = build_station(config)
    station.handle("CMD-1")
    station.handle(TEA)  # and then the table "crashed"
    window = make_window(config, resume=True)
    assert window.station.order_ref == "CMD-1"
    assert window.order_panel.ref.text() == "CMD-1"
    assert window.order_panel.lines_model.index(0, 3).data() == "1 / 1"
    assert "reprise" in window.answer_label.text()


def test_no_audio_output_is_said_once(qtbot, window):
    if window.sounds.available:
        pytest.skip("this machine has an audio output")
    burst(qtbot, window.scan_field, "CMD-1")
    assert window.notice_label.text() == "Pas de sortie audio : la station reste silencieuse."
    window.notice_label.clear()
    burst(qtbot, window.scan_field, TEA)
    assert window.notice_label.text() == ""


def test_missing_shop_address_is_a_banner_with_a_button(qtbot, window):
    from packstation.services.settings import shop_settings

    assert window.settings_banner.isVisible()

    def fill():
        dialog = QApplication.activeModalWidget()
        for name, value in {"address1": "8 rue de la Paix", "postcode": "69002", "city": "Lyon"}.items():
            dialog.edits[name].setText(value)
        dialog.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    assert shop_settings().configured
    assert not window.settings_banner.isVisible()


def test_the_queue_follows_an_import_from_elsewhere(qtbot, window, tmp_path):
    from tests.helpers import import_rows, row

    assert window.queue_model.total == 4
    import_rows(tmp_path, [row("CMD-9", "TEA", 1, ean=TEA, product_name="Thé Earl Grey")],
                name="more.csv")
    window.poll()
    assert window.queue_model.total == 5
    assert window.queue_model.row_of("CMD-9") is not None
    assert "5" in window.queue_title.text()


def test_a_carriers_label_waiting_is_shown_and_the_retry_asks_again(qtbot, make_window, tmp_path,
                                                                  monkeypatch):
    from packstation.db.models import PrintJob
    from packstation.services.context import StationConfig
    from packstation.services.printing import start_print_worker
    from packstation.services.settings import ShopSettings, save_shop_settings
    from packstation.shipping.accounts import parse_account
    from tests.shipping import standins

    colissimo = standins.ColissimoSLS()
    worker = None
    try:
        monkeypatch.setenv("COLISSIMO_PASSWORD", standins.COLISSIMO_PASSWORD)
        config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"), open_next=False)
        config.label_accounts = {"colissimo": parse_account("colissimo", {
            "provider": "colissimo", "url": colissimo.url, "contract": standins.COLISSIMO_CONTRACT,
            "password": "env:COLISSIMO_PASSWORD"})}
        worker = start_print_worker(config)
        window = make_window(config, print_worker=worker)
        for code in ("CMD-1", TEA, MUG, MUG):  # the shop has no address yet: not asked
            burst(qtbot, window.scan_field, code)
        assert window.last_answer.outcome is Outcome.ORDER_COMPLETE
        qtbot.waitUntil(lambda: "en attente du transporteur" in window.print_queue_label.text(),
                        timeout=20000)
        assert "shop set" in window.print_queue_label.toolTip()
        assert window.retry_button.isVisibleTo(window)

        save_shop_settings(ShopSettings(name="Le Comptoir", address1="8 rue de la Paix",
                                        postcode="69002", city="Lyon"))
        window.retry_prints()  # F9: the worker asks the carrier again
        qtbot.waitUntil(lambda: PrintJob.get(PrintJob.kind == "label").status == "done", timeout=20000)
        qtbot.waitUntil(lambda: "en attente" not in window.print_queue_label.text(), timeout=10000)
        assert any(path.read_bytes() == standins.PDF for path in (tmp_path / "out").rglob("*.pdf"))
        assert colissimo.issued == 1
    finally:
        if worker is not None:
            assert worker.stop()
        colissimo.close()


def test_the_quantity_key_then_one_scan(qtbot, window):
    burst(qtbot, window.scan_field, "CMD-2")  # 7 biscuits
    window.scan_field.setFocus()
    qtbot.keyClicks(window.scan_field, "5*", delay=60)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)
    assert window.last_answer.outcome is Outcome.QUANTITY_SET
    assert "Quantité 5 : scannez l'article une fois." in window.answer_label.text()
    burst(qtbot, window.queue_view, BISCUITS)
    assert window.last_answer.units == 5
    assert window.order_panel.lines_model.index(0, 3).data() == "5 / 7"


def test_a_long_status_notice_wraps_instead_of_widening_the_window(qtbot, window):
    text = ("Scan 3760000000028 refusé : la fenêtre « Abandonner CMD-1001 » est ouverte. "
            "Terminez-la ou fermez-la (Échap), puis scannez à nouveau.")
    window.notify(text, 30000)
    qtbot.wait(20)
    assert window.width() <= 1366 and window.statusBar().width() <= 1366
    label = window.notice_label
    assert label.text() == text
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shows
    window.clear_notice()
    assert window.printers_label.isVisible()


def test_f10_closes_the_parcel_and_the_rest_go_in_the_next(qtbot, window):
    from packstation.db.models import Parcel

    burst(qtbot, window.scan_field, "CMD-1")
    burst(qtbot, window.scan_field, TEA)
    qtbot.keyClick(window.queue_view, Qt.Key.Key_F10)
    assert window.last_answer.outcome is Outcome.PARCEL_CLOSED
    assert window.answer_label.text().startswith("Colis 1 fermé")
    burst(qtbot, window.scan_field, MUG)
    burst(qtbot, window.scan_field, MUG)
    assert window.last_answer.outcome is Outcome.ORDER_COMPLETE
    assert [(p.number, sum(p.units.values())) for p in Parcel.select().order_by(Parcel.number)] == [
        (1, 1), (2, 2)]
