"""The packers tab of the settings: add, rename, retire packers and print their badges."""

from __future__ import annotations

from packstation.db.models import Event, Packer
from packstation.ui.backoffice.settings import PACKERS_TAB, SettingsDialog
from tests.documents.pdfs import barcodes, pdf_text


def test_packers_are_added_renamed_retired_and_their_badges_printed(qtbot, shop, config, tmp_path):
    dialog = SettingsDialog(config, station="T1", printers=["PDF"], tab=PACKERS_TAB)
    qtbot.addWidget(dialog)
    tab = dialog.packers_tab
    assert dialog.tabs.tabText(PACKERS_TAB) == "Préparateurs"

    tab.name.setText("Chloé")
    tab.badge.setText("BADGE-CHLOE")
    assert tab.add()
    assert "Préparateur ajouté : Chloé, badge BADGE-CHLOE." in tab.message.text()
    assert tab.model.rows == [("Chloé", "BADGE-CHLOE", "actif")]

    tab.name.setText("Chloé")  # the same name again: refused with its reason, nothing added
    assert not tab.add() and "s'appelle déjà" in tab.message.text()
    assert Packer.select().count() == 1

    tab.table.selectRow(0)
    tab.name.setText("Chloé Martin")
    assert tab.rename()
    assert tab.model.rows == [("Chloé Martin", "BADGE-CHLOE", "actif")]

    assert tab.print_cards()
    cards = next((tmp_path / "out").glob("*.pdf")).read_bytes()
    assert "Chloé Martin" in pdf_text(cards)
    assert ("CODE-128", "BADGE-CHLOE") in barcodes(cards, tmp_path)

    tab.table.selectRow(0)
    assert tab.retire()
    assert tab.model.rows == [("Chloé Martin", "BADGE-CHLOE", "retiré")]
    assert [event.kind for event in Event.select().where(Event.kind.startswith("packer_"))
            .order_by(Event.id)] == ["packer_added", "packer_renamed", "packer_retired"]


def test_rename_without_a_choice_says_what_to_do(qtbot, shop, config):
    dialog = SettingsDialog(config, station="T1", printers=["PDF"], tab=PACKERS_TAB)
    qtbot.addWidget(dialog)
    assert not dialog.packers_tab.rename()
    assert "Choisissez d'abord un préparateur" in dialog.packers_tab.message.text()
