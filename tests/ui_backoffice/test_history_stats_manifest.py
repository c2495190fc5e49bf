"""History (search, timeline, reprint, unpack, release), statistics from a known day of
packing, and the end of day (manifest printed, hand-over confirmed) from the window."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from packstation.db.models import Order, OrderStatus, PrintJob, Product, Shipment
from packstation.services.holds import hold_rules
from packstation.services.importing import Importer
from packstation.services.packing import PackingStation
from packstation.ui.backoffice.history import HistoryWindow
from packstation.ui.backoffice.manifest import EndOfDayDialog
from packstation.ui.backoffice.statistics import WEEK, StatisticsWindow
from tests.backoffice.conftest import Clock, pack, paris
from tests.backoffice.test_statistics import NOW, fill_known_week
from tests.helpers import TEA, row, write_csv
from tests.ui_backoffice.conftest import answer_dialog


@pytest.fixture
def keep():
    """Dialogs kept alive until the test's end (see test_importing's preview fixture)."""
    kept = []
    yield kept.append
    kept.clear()


@pytest.fixture
def history(qtbot, shop, config, keep):
    def open_history() -> HistoryWindow:
        window = HistoryWindow(config, station="Table 1", packer="Alice")
        qtbot.addWidget(window)
        keep(window)
        return window
    return open_history


@pytest.mark.parametrize("text, refs", [
    ("Wójcik", ["CMD-4", "CMD-1"]), ("wójcik", ["CMD-4", "CMD-1"]), ("Παπαδόπουλος", ["CMD-2"]), ("CMD-3", ["CMD-3"]), ("Петров", ["CMD-3"]),
    ("25/11/2026", ["CMD-4", "CMD-3", "CMD-2", "CMD-1"]), ("personne", []),
])
def test_history_search(history, text, refs):
    window = history()
    window.search_field.setText(text)
    window.search_field.returnPressed.emit()
    assert window.results_model.column(0) == refs
    assert f"{len(refs)} commande(s) trouvée(s)" in window.message.text()


def test_the_timeline_tells_the_packed_orders_story_and_a_label_is_reprinted(history, config, tmp_path):
    pack("CMD-1", extra_scans=("2000000000015",))
    window = history()
    window.search_field.setText("CMD-1")
    window.search()
    assert window.results_model.rows[0][4] == "emballée"
    assert window.order_title.text().startswith("CMD-1 — Zofia Wójcik — emballée")
    story = window.timeline_model.column(3)
    assert story[0].startswith("Importée depuis orders.csv (ligne 2)")
    assert any("code inconnu" in line for line in story)
    assert any(line.startswith("Emballée : ") for line in story)
    assert window.buttons["unpack"].isEnabled() and not window.buttons["release"].isEnabled()

    results = window.reprint("label")
    assert results[0]["status"] == "done", results
    output = Path(results[0]["output"])
    assert output.parent == Path(config.output_dir)
    assert "CMD-1" in "".join(page.extract_text() for page in PdfReader(output).pages)
    assert "Envoi à l'imprimante — Étiquette" in window.message.text()
    assert "réimpression demandée" in " ".join(window.timeline_model.column(3))


def test_unpack_from_the_history_puts_the_stock_back_and_the_order_pending(history):
    pack("CMD-1")
    assert Product.get(Product.sku == "MUG").stock == 48
    window = history()
    window.search_field.setText("CMD-1")
    window.search()

    def answer(dialog):
        dialog.reason.setText("Tasse fêlée")
        assert dialog.name.text() == "Alice"
        dialog.on_accept()

    shown = answer_dialog(answer)
    window.buttons["unpack"].click()

    assert shown and shown[0].windowTitle() == "Déballer CMD-1"
    order = Order.get(Order.ref == "CMD-1")
    assert order.status == OrderStatus.PENDING
    assert not Shipment.select().where(Shipment.order == order.id).exists()
    assert Product.get(Product.sku == "MUG").stock == 50 and Product.get(Product.sku == "TEA").stock == 50
    assert window.results_model.rows[0][4] == "en attente"
    assert any("Déballée : Tasse fêlée" in line for line in window.timeline_model.column(3))
    assert "déballée" in window.message.text()


def test_a_held_order_is_released_with_a_reason_and_a_name(history, tmp_path):
    path = write_csv(tmp_path / "risky.csv", [row("CMD-66", "TEA", 1, ean=TEA, risk="high")])
    assert Importer(station="test", hold_rules=hold_rules()).import_file(path).ok
    window = history()
    window.search_field.setText("CMD-66")
    window.search()
    assert window.results_model.rows[0][4] == "bloquée"
    assert "risque élevé" in window.order_title.text()
    assert window.buttons["release"].isEnabled() and not window.buttons["unpack"].isEnabled()

    def answer(dialog):
        dialog.name.clear()
        dialog.reason.setText("Client appelé")
        dialog.on_accept()                      # refused: no name
        assert "Indiquez votre nom" in dialog.error.text()
        dialog.name.setText("Bob")
        dialog.on_accept()

    answer_dialog(answer)
    window.buttons["release"].click()
    assert Order.get(Order.ref == "CMD-66").status == OrderStatus.PENDING
    assert any("Débloquée : Client appelé" in line for line in window.timeline_model.column(3))


@pytest.fixture
def statistics(qtbot, shop, keep):
    fill_known_week()
    window = StatisticsWindow(now=lambda: NOW)
    qtbot.addWidget(window)
    keep(window)
    return window


def test_statistics_of_today_from_a_known_day(statistics):
    window = statistics
    assert window.period_label.text() == "25/11/2026"
    assert [window.big[key].text() for key in ("parcels", "median", "mistakes")] == ["3", "1 min 30 s", "4"]
    assert window.packer_model.rows == [
        ("Alice", "2", "1 min 00 s", "2", "1", "1", "0", "0"),
        ("Bob", "1", "2 min 00 s", "2", "0", "0", "1", "1"),
    ]
    assert [(hour, parcels, mistakes) for hour, parcels, _, mistakes, *_ in window.time_model.rows] == [
        ("09 h", "2", "2"), ("10 h", "0", "0"), ("11 h", "0", "0"), ("12 h", "0", "0"), ("13 h", "0", "0"),
        ("14 h", "1", "2")]
    assert window.chart.bars[0] == ("09 h", 2, 2)
    headers = [window.packer_model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
               for c in range(window.packer_model.columnCount())]
    assert headers[:4] == ["Préparateur", "Colis", "Temps médian", "Erreurs évitées"]


def test_statistics_of_the_week_and_their_csv(statistics, tmp_path):
    window = statistics
    window.period.setCurrentIndex(window.period.findData(WEEK))
    assert window.period_label.text() == "du 19/11/2026 au 25/11/2026"
    assert [window.big[key].text() for key in ("parcels", "median")] == ["4", "1 min 15 s"]
    assert window.time_box.title() == "Par jour"
    assert [(day, parcels) for day, parcels, *_ in window.time_model.rows] == [
        ("19/11", "0"), ("20/11", "0"), ("21/11", "0"), ("22/11", "1"), ("23/11", "0"), ("24/11", "0"),
        ("25/11", "3")]

    written = window.export_csv(str(tmp_path / "stats.csv"))
    with open(written, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=";"))  # French Excel's separator
    assert table[0][:4] == ["Regroupement", "Nom", "Colis", "Temps médian (s)"]
    assert table[1][:4] == ["Période", "2026-11-19 – 2026-11-25", "4", "75"]
    assert "stats.csv" in window.message.text()


def test_end_of_day_prints_the_manifest_and_hands_the_parcels_over(qtbot, shop, config, keep):
    pack("CMD-1")
    pack("CMD-4")
    dialog = EndOfDayDialog(config, station="Table 1", packer="Alice")
    qtbot.addWidget(dialog)
    keep(dialog)
    assert [r[:2] for r in dialog.model.rows] == [("Colissimo", "2")] and dialog.model.rows[0][2].endswith(" kg")

    job = dialog.print_manifest()
    assert job.status == "done", job.last_error
    text = "".join(page.extract_text() for page in PdfReader(job.output).pages)
    assert "CMD-1" in text and "CMD-4" in text
    assert Path(job.output).parent == Path(config.output_dir)
    assert "Bordereau envoyé" in dialog.message.text()

    def refuse(box: QMessageBox):
        assert "Colissimo a pris les 2 colis" in box.text()
        assert box.button(QMessageBox.StandardButton.No).text() == "Non"
        box.button(QMessageBox.StandardButton.No).click()

    answer_dialog(refuse)
    assert dialog.confirm_hand_over() is False
    assert Shipment.select().where(Shipment.handed_over_at.is_null(False)).count() == 0

    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert dialog.confirm_hand_over() is True
    shipments = list(Shipment.select())
    assert len(shipments) == 2 and all(s.handed_over_at is not None and s.manifest for s in shipments)
    assert {o.status for o in Order.select().where(Order.ref.in_(["CMD-1", "CMD-4"]))} == {OrderStatus.SHIPPED}
    assert dialog.model.rowCount() == 0
    assert not dialog.print_button.isEnabled()
    assert "2 colis remis à Colissimo" in dialog.message.text()
