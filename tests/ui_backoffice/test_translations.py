"""Every window and dialog of the program, opened in French, shows no untranslated text.

Each one is built twice, in French and in English, and every text a user can read is
collected in the same order (labels, buttons, check boxes, actions, menu titles, group
box titles, tab texts, table headers, placeholders, combo box items, window titles). A
text that is the same in both languages was not translated — unless it is a name or a
code that every language writes the same (the allow-list below), or it sits in a widget
marked as showing the shop's own data (file headers, customer names).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QTabBar, QTableView, QWidget,
)

from packstation.core import i18n
from packstation.services.settings import shop_settings
from packstation.ui.backoffice.common import SHOP_DATA
from packstation.ui.backoffice.history import HistoryWindow
from packstation.ui.backoffice.importing import ImportPreviewDialog, MappingDialog
from packstation.ui.backoffice.manifest import EndOfDayDialog
from packstation.ui.backoffice.menu import ExportTrackingDialog
from packstation.ui.backoffice.settings import SettingsDialog
from packstation.ui.backoffice.statistics import StatisticsWindow
from packstation.ui.dialogs import AbandonDialog, PackerDialog, ShopSettingsDialog
from packstation.services.importing import Importer
from tests.backoffice.conftest import pack
from tests.helpers import OTHER
from tests.ui_backoffice.conftest import WEDNESDAY_9H
from tests.ui_backoffice.test_importing import bad_file, good_file, woo_like_file

# Words every language writes the same: carriers, platforms, codes, units, our name.
ALLOWED_WORDS = {
    "Colissimo", "Chronopost", "DPD", "Mondial", "Relay", "Packstation", "Shopify", "WooCommerce",
    "PrestaShop", "Matrixify", "Sendcloud", "GLS", "France", "SKU", "EAN", "OK", "PDF", "CSV", "TOML", "ISO", "g", "kg", "min", "s", "h",
    "mm", "in", "A4", "A5", "A6", "Letter", "Zebra",
}
# Whole texts that are names: a plugin's name, a language's own name, a station name.
ALLOWED_TEXTS = {
    "WooCommerce (Advanced Shipment Tracking)", "Shopify (Matrixify)",
}


def allowed(text: str) -> bool:
    if text in ALLOWED_TEXTS:
        return True
    # A token with a digit is a code, a size or a number: "CMD-4", "100x150mm", "A4", "F2".
    return all(word in ALLOWED_WORDS or any(char.isdigit() for char in word)
               for word in re.findall(r"[\w./-]+", text))


def readable_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of ``root`` a user can read, in a stable order."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]

    def add(where: str, text: str | None, widget=None) -> None:
        if widget is not None and widget.property(SHOP_DATA):
            return
        text = (text or "").replace("&", "").strip()
        if text:
            found.append((where, text))

    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        if isinstance(widget, QLabel):
            add(kind, widget.text(), widget)
        elif isinstance(widget, QAbstractButton):
            add(kind, widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            add(kind, widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(kind, widget.tabText(index), widget)
        elif isinstance(widget, QLineEdit):
            add("placeholder", widget.placeholderText(), widget)
        elif isinstance(widget, QComboBox) and not widget.property(SHOP_DATA):
            for index in range(widget.count()):
                add(kind, widget.itemText(index), widget)
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add("header", model.headerData(column, Qt.Orientation.Horizontal), widget)
        elif isinstance(widget, QMenu):
            add("menu", widget.title(), widget)
    for action in root.findChildren(QAction):
        add("action", action.text())
    return found


def untranslated(build) -> list[tuple[str, str]]:
    texts = {}
    for language in ("fr", "en"):
        i18n.set_language(language)
        widget = build()
        texts[language] = readable_texts(widget)
        widget.close()
        widget.deleteLater()
    i18n.set_language("fr")
    french, english = texts["fr"], texts["en"]
    assert [where for where, _ in french] == [where for where, _ in english], "the two builds differ"
    assert len(french) > 3
    return [(where, text) for (where, text), (_, other) in zip(french, english)
            if text == other and not allowed(text)]


@pytest.fixture
def built(qtbot, shop, config, tmp_path, make_window):
    """Builders of every window and dialog, on a shop with packed, held and pending orders."""
    pack("CMD-1")
    kept = []

    def keep(widget):
        qtbot.addWidget(widget)
        kept.append(widget)
        return widget

    def station_window():
        config.ask_weight, config.station = True, "T1"
        window = make_window(config, clock=lambda: WEDNESDAY_9H)
        window.scan("Alice")
        window.scan("CMD-4")
        window.scan(OTHER)   # its only item: the weight is asked
        # The open order's heading shows the shop's data (recipient, carrier and service).
        for label in (window.order_panel.carrier, window.order_panel.recipient, window.order_panel.note):
            label.setProperty(SHOP_DATA, True)
        return window

    def history():
        window = keep(HistoryWindow(config, station="T1", packer="Alice"))
        window.search_field.setText("CMD-1")
        window.search()
        return window

    files = (good_file(tmp_path), bad_file(tmp_path), woo_like_file(tmp_path))
    builders = {
        "station window": station_window,
        "settings": lambda: keep(SettingsDialog(config, station="T1", printers=["PDF"])),
        "import preview": lambda: keep(ImportPreviewDialog(files, Importer(station="T1"), config)),
        "mapping": lambda: keep(MappingDialog(files[2], config)),
        "history": history,
        "statistics": lambda: keep(StatisticsWindow(now=lambda: WEDNESDAY_9H)),
        "end of day": lambda: keep(EndOfDayDialog(config, station="T1")),
        "export tracking": lambda: keep(ExportTrackingDialog()),
        "abandon": lambda: keep(AbandonDialog("CMD-2")),
        "packer": lambda: keep(PackerDialog("Alice")),
        "shop settings": lambda: keep(ShopSettingsDialog(shop_settings())),
    }
    yield builders
    kept.clear()


WINDOWS = ["station window", "settings", "import preview", "mapping", "history", "statistics",
           "end of day", "export tracking", "abandon", "packer", "shop settings"]


@pytest.mark.parametrize("name", WINDOWS)
def test_every_text_is_french(built, name):
    found = untranslated(built[name])
    assert found == [], "\n".join(map(repr, found))


def test_the_walk_sees_the_menus_tabs_and_headers(built):
    i18n.set_language("fr")
    window = built["station window"]()
    texts = [text for _, text in readable_texts(window)]
    for expected in ("Fichier", "Boutique", "Historique", "Statistiques", "Fin de journée", "Aide",
                     "Importer des commandes…", "Réglages…", "Transporteurs…"):
        assert expected in texts
    assert window.weight_panel.isVisibleTo(window)   # the weight prompt is part of the walk
    settings = built["settings"]()
    tabs = [text for where, text in readable_texts(settings) if where == "QTabBar"]
    assert tabs[:4] == ["Boutique", "Transporteurs", "Anti-fraude", "Ce poste"]


def test_the_walk_would_catch_an_english_text(qtbot, shop):
    def build():
        widget = QWidget()
        widget.setWindowTitle(i18n.tr("ui.stats.title"))
        for text in ("Packing slip", i18n.tr("ui.history.search_button"), "Colissimo", "CMD-4"):
            QLabel(text, widget)   # the first does not go through the catalogue
        qtbot.addWidget(widget)
        return widget
    assert untranslated(build) == [("QLabel", "Packing slip")]
