"""The import preview (a dry run per file, all or nothing), the column-mapping dialog on
an unknown shop export, drag and drop, and the inbox folder watched by the window."""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from packstation.db.models import Order, OrderLine
from packstation.services.importing import Importer
from packstation.services.profiles import profiles_dir
from packstation.ui.backoffice.importing import ImportPreviewDialog, MappingDialog
from packstation.ui.backoffice.inbox import InboxWatcher
from packstation.ui.background import Background
from tests.helpers import MUG, TEA, line_row, row, write_csv
from tests.ui_backoffice.conftest import answer_dialog


def texts(model) -> list[tuple[str, ...]]:
    return list(model.rows)


@pytest.fixture
def preview(qtbot, shop, config):
    dialogs = []

    def open_preview(*paths) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(paths, Importer(station="Table 1"), config)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        return dialog
    yield open_preview
    dialogs.clear()


def good_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "morning.csv", [
        row("CMD-1", "TEA", 3, ean=TEA, product_name="Thé Earl Grey"),    # line 2: quantity 1 -> 3
        line_row("CMD-1", "MUG", 2, ean=MUG, product_name="Tasse en grès"),
        row("CMD-9", "MUG", 1, ean=MUG, product_name="Tasse en grès", customer_name="Léa Martin",
            address1="3 rue Neuve", postcode="75011", city="Paris", country="FR"),   # line 4
    ])


def bad_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "broken.csv", [
        row("CMD-10", "TEA", 1, ean=TEA),
        row("CMD-11", "TEA", "deux", ean=TEA),        # line 3: not a quantity
        row("CMD-12", "MUG", 1, ean=MUG, country="Narnia"),   # line 4: not a country
    ])


def test_the_preview_shows_new_and_updated_orders_with_their_lines_and_changes_nothing(preview, tmp_path):
    dialog = preview(good_file(tmp_path))
    page = dialog.pages[0]
    assert texts(page.models["new"]) == [("4", "CMD-9", "")]
    assert texts(page.models["updated"]) == [("2", "CMD-1", "mise à jour (encore en attente)")]
    assert page.models["rejected"].rowCount() == 0
    assert dialog.import_button.isEnabled()
    assert "(CSV Packstation)" in page.summary.text() and "generic" not in page.summary.text()
    assert [page.sections.tabText(i) for i in range(4)] == [
        "Nouvelles (1)", "Mises à jour (1)", "Ignorées (0)", "Refusées (0)"]
    # A dry run: nothing changed yet.
    assert not Order.select().where(Order.ref == "CMD-9").exists()
    assert OrderLine.get((OrderLine.sku == "TEA") & (OrderLine.order == Order.get(Order.ref == "CMD-1"))).quantity == 1

    dialog.cancel_button.click()
    assert not Order.select().where(Order.ref == "CMD-9").exists()


def test_importer_applies_the_files(preview, tmp_path):
    dialog = preview(good_file(tmp_path))
    dialog.import_button.click()

    assert dialog.result() == 1
    assert Order.get(Order.ref == "CMD-9").customer_name == "Léa Martin"
    assert OrderLine.get((OrderLine.sku == "TEA") & (OrderLine.order == Order.get(Order.ref == "CMD-1"))).quantity == 3
    assert "1" in dialog.summary()


def test_a_file_with_rejected_rows_cannot_be_imported(preview, tmp_path):
    dialog = preview(good_file(tmp_path), bad_file(tmp_path))
    rejected = texts(dialog.pages[1].models["rejected"])
    assert [line for line, _, _ in rejected] == ["3", "4"]
    assert "deux" in rejected[0][2] and "Narnia" in rejected[1][2]
    assert dialog.pages[1].sections.currentIndex() == 3   # the rejected rows are shown first
    assert not dialog.import_button.isEnabled()
    assert "un fichier s'importe en entier ou pas du tout" in dialog.status.text()

    dialog.apply()   # even forced, nothing happens
    assert dialog.result() == 0
    assert not Order.select().where(Order.ref.in_(["CMD-9", "CMD-10"])).exists()


WOO_HEADERS = ["N° commande", "Date", "Livraison", "Prénom", "Nom", "Adresse", "CP", "Ville", "Pays",
               "Courriel", "Réf. article", "Article", "Qté"]


def woo_like_file(tmp_path: Path) -> Path:
    path = tmp_path / "boutique-export.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(WOO_HEADERS)
        writer.writerow(["W-501", "2026-11-24 18:02:00", "Colissimo", "Léa", "Martin", "3 rue Neuve", "75011",
                         "Paris", "FR", "lea@example.com", "TEA", "Thé Earl Grey", "2"])
        writer.writerow(["W-501", "", "", "", "", "", "", "", "", "", "MUG", "Tasse en grès", "1"])
        writer.writerow(["W-502", "2026-11-24 19:40:00", "DPD", "Jan", "Kowalski", "ul. Długa 5", "00-238",
                         "Warszawa", "PL", "jan@example.com", "MUG", "Tasse en grès", "4"])
    return path


def test_an_unknown_csv_is_mapped_saved_as_a_profile_and_then_imported(qtbot, preview, config, tmp_path):
    path = woo_like_file(tmp_path)
    dialog = preview(path)
    page = dialog.pages[0]
    assert page.preview.unknown_format and not dialog.import_button.isEnabled()
    assert "Format de fichier non reconnu" in page.models["rejected"].rows[0][2]

    mapping = MappingDialog(path, config, dialog)
    qtbot.addWidget(mapping)
    assert mapping.combos["order_ref"][0].itemText(0) == "(aucune)"
    for name, headers in (("order_ref", ["N° commande"]), ("order_date", ["Date"]), ("carrier", ["Livraison"]),
                          ("customer_name", ["Prénom", "Nom"]), ("address1", ["Adresse"]), ("postcode", ["CP"]),
                          ("city", ["Ville"]), ("country", ["Pays"]), ("email", ["Courriel"]),
                          ("sku", ["Réf. article"]), ("product_name", ["Article"]), ("quantity", ["Qté"])):
        mapping.choose(name, *headers)
    mapping.name.setText("ma-boutique")
    assert mapping.save() is True

    saved = profiles_dir(config) / "ma-boutique.toml"
    assert mapping.saved_path == saved and saved.exists()
    assert 'customer_name = ["Prénom", "Nom"]' in saved.read_text(encoding="utf-8")

    dialog.refresh()
    page = dialog.pages[0]
    assert texts(page.models["new"]) == [("2", "W-501", ""), ("4", "W-502", "")]
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    order = Order.get(Order.ref == "W-501")
    assert (order.customer_name, order.city, order.source) == ("Léa Martin", "Paris", "ma-boutique")
    assert Order.get(Order.ref == "W-502").carrier.code == "dpd"


def test_the_mapping_dialog_refuses_a_profile_without_quantity(qtbot, shop, config, tmp_path):
    mapping = MappingDialog(woo_like_file(tmp_path), config)
    qtbot.addWidget(mapping)
    mapping.choose("order_ref", "N° commande")
    mapping.choose("quantity", "(aucune)")
    mapping.combos["quantity"][0].setCurrentIndex(0)
    assert mapping.save() is False
    assert "quantity" in mapping.error.text()
    assert not profiles_dir(config).exists() or not list(profiles_dir(config).iterdir())


def test_a_csv_dropped_on_the_window_opens_the_preview(qtbot, window, tmp_path):
    path = good_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "photo.jpg"))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    shown = answer_dialog(lambda dialog: dialog.import_button.click())
    window.dropEvent(event)

    assert [d.paths for d in shown] == [[path]]
    assert Order.select().where(Order.ref == "CMD-9").exists()
    assert "CMD-9" in [window.queue_model.ref_at(r) for r in range(window.queue_model.rowCount())]
    assert "morning.csv" in window.notice_label.text()


def age(path: Path, seconds: float = 60) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_the_inbox_imports_good_files_and_rejects_bad_ones_with_a_report(qtbot, make_window, config, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config.inbox = str(inbox)
    window = make_window(config)
    assert window.backoffice.inbox.active
    age(good_file(inbox))
    age(bad_file(inbox))

    window.backoffice.inbox.poll()   # the window's Background runs it at once in tests

    assert (inbox / "done" / "morning.csv").exists()
    assert (inbox / "rejected" / "broken.csv").exists()
    report = (inbox / "rejected" / "broken.txt").read_text(encoding="utf-8")
    assert "broken.csv:3:" in report and "broken.csv:4:" in report and "Narnia" in report
    assert not list(inbox.glob("*.csv"))
    assert Order.select().where(Order.ref == "CMD-9").exists()
    assert not Order.select().where(Order.ref == "CMD-10").exists()
    notice = window.notice_label.text()
    assert "Boîte de dépôt" in notice and "broken.csv refusé (2 erreur(s))" in notice and "done" in notice


def test_the_inbox_says_once_that_its_folder_is_gone(qtbot, shop, config, tmp_path):
    config.inbox = str(tmp_path / "gone")
    watcher = InboxWatcher(config, Background(synchronous=True), station="Table 1")
    with qtbot.waitSignal(watcher.failed) as blocker:
        watcher.poll()
    assert "n'existe pas" in blocker.args[0]
    with qtbot.assertNotEmitted(watcher.failed):
        watcher.poll()
