"""Settings: a bad value is refused with its reason next to its field and nothing is
saved; good values are saved to the database and to the station's TOML file."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from packstation.core.carriers import default_carriers, to_toml as carriers_toml
from packstation.services.carriers import load_schedules
from packstation.services.context import (
    StationConfig, config_document, load_config, save_config, to_toml, validate_config,
)
from packstation.services.settings import hold_settings, shop_settings
from packstation.ui.backoffice.settings import CARRIERS_TAB, HOLDS_TAB, SHOP_TAB, STATION_TAB, SettingsDialog

PRINTERS = ["PDF", "Zebra"]


@pytest.fixture
def dialog(qtbot, shop, config):
    dialog = SettingsDialog(config, station="Table 1", printers=PRINTERS)
    qtbot.addWidget(dialog)
    return dialog


def nothing_saved(config: StationConfig, carriers_before: dict) -> None:
    assert not config.path.exists()
    assert shop_settings().name == "Ma Boutique"
    assert {s.code: s for s in load_schedules().values()} == carriers_before


def bad_carrier_time(dialog, tmp_path):
    tab = dialog.carriers_tab
    tab.carrier_list.setCurrentRow(tab.carrier_index("colissimo"))
    tab.fields["pickup.mon"].setText("25:00")
    return CARRIERS_TAB, dialog.carriers_tab.error, ["colissimo", "25:00"]


def unknown_media(dialog, tmp_path):
    row = dialog.station_tab.rows["label"]
    row.destination.setCurrentIndex(row.destination.findData("Zebra"))
    row.media.setCurrentText("B7x")
    return STATION_TAB, row.error, ["B7x", "Format de papier inconnu"]


def missing_inbox(dialog, tmp_path):
    dialog.station_tab.inbox.edit.setText(str(tmp_path / "nowhere"))
    return STATION_TAB, dialog.station_tab.inbox.error, ["nowhere", "n'existe pas"]


def missing_output_folder(dialog, tmp_path):
    dialog.station_tab.output_dir.edit.setText(str(tmp_path / "gone"))
    return STATION_TAB, dialog.station_tab.output_dir.error, ["gone", "n'existe pas"]


def bad_country(dialog, tmp_path):
    dialog.shop_tab.edits["country"].setText("France")
    return SHOP_TAB, dialog.shop_tab.errors["country"], ["FRANCE", "code ISO"]


def missing_logo(dialog, tmp_path):
    dialog.shop_tab.logo.setText(str(tmp_path / "logo.png"))
    return SHOP_TAB, dialog.shop_tab.errors["logo_path"], ["logo.png", "introuvable"]


def bad_hold_amount(dialog, tmp_path):
    dialog.holds_tab.total_above.setText("beaucoup")
    return HOLDS_TAB, dialog.holds_tab.total_error, ["beaucoup", "montant"]


def empty_station_name(dialog, tmp_path):
    dialog.station_tab.name.setText("  ")
    return STATION_TAB, dialog.station_tab.name_error, ["nom"]


@pytest.mark.parametrize("spoil", [bad_carrier_time, unknown_media, missing_inbox, missing_output_folder,
                                   bad_country, missing_logo, bad_hold_amount, empty_station_name])
def test_a_bad_value_is_refused_with_its_reason_and_nothing_is_saved(dialog, config, tmp_path, spoil):
    carriers_before = {s.code: s for s in load_schedules().values()}
    dialog.shop_tab.edits["name"].setText("Le Comptoir")  # a good change, not saved either
    tab, label, words = spoil(dialog, tmp_path)

    assert dialog.save() is False
    assert dialog.result() == 0 and dialog.saved == []
    assert label.isVisibleTo(dialog) and label.text()
    for word in words:
        assert word in label.text(), label.text()
    assert dialog.tabs.currentIndex() == tab
    assert "Rien n'a été enregistré" in dialog.summary.text()
    nothing_saved(config, carriers_before)


def test_good_values_are_saved_to_the_database_and_the_station_file(dialog, config, tmp_path):
    inbox, slips = tmp_path / "inbox", tmp_path / "slips"
    inbox.mkdir(), slips.mkdir()
    shop_tab = dialog.shop_tab
    for name, value in (("name", "Le Comptoir des Thés"), ("address1", "8 rue de la Paix"),
                        ("postcode", "69002"), ("city", "Lyon"), ("country", "fr")):
        shop_tab.edits[name].setText(value)
    shop_tab.returns.setPlainText("Retours sous 30 jours.")
    shop_tab.language.setCurrentIndex(shop_tab.language.findData("en"))
    carriers = dialog.carriers_tab
    carriers.carrier_list.setCurrentRow(carriers.carrier_index("colissimo"))
    carriers.fields["pickup.mon"].setText("16h30")
    dialog.holds_tab.total_above.setText("300,50")
    dialog.holds_tab.deny_emails.setPlainText("fraud@example.com\n\n")
    station = dialog.station_tab
    station.name.setText("Table 2")
    station.inbox.edit.setText(str(inbox))
    station.sounds.setChecked(False)
    station.ask_weight.setChecked(True)
    station.layout_combo.setCurrentIndex(station.layout_combo.findData("a4x2"))
    label = station.rows["label"]
    label.destination.setCurrentIndex(label.destination.findData("Zebra"))
    label.media.setCurrentText("100x150mm")
    station.rows["slip"].folder.edit.setText(str(slips))

    assert dialog.save() is True, dialog.summary.text()

    saved_shop = shop_settings()
    assert (saved_shop.name, saved_shop.city, saved_shop.country, saved_shop.document_language,
            saved_shop.return_instructions) == ("Le Comptoir des Thés", "Lyon", "FR", "en",
                                                "Retours sous 30 jours.")
    colissimo = next(s for s in load_schedules().values() if s.code == "colissimo")
    assert colissimo.pickups[0] == (dt.time(16, 30),)
    holds = hold_settings()
    assert (holds.hold_total_above, holds.deny_emails) == ("300.50", ["fraud@example.com"])

    read = load_config(config.path)
    assert (read.station, read.inbox, read.sounds, read.ask_weight, read.label_layout) == (
        "Table 2", str(inbox), False, True, "a4x2")
    assert read.printers == {"label": {"printer": "Zebra", "media": "100x150mm"},
                             "slip": {"folder": str(slips)}}
    assert read.output_dir == config.output_dir


def test_sections_the_settings_do_not_own_are_kept(shop, tmp_path):
    path = tmp_path / "station.toml"
    path.write_text('[station]\nname = "Table 1"\ndatabase = "postgresql://shop"\n\n'
                    '[import]\nprofiles = "/srv/profiles"\n\n'
                    + carriers_toml(default_carriers()), encoding="utf-8")
    config = load_config(path)
    config.station, config.inbox = "Table 3", str(tmp_path)
    save_config(config)

    document = tomllib.loads(path.read_text(encoding="utf-8"))
    assert document["station"]["name"] == "Table 3"
    assert document["station"]["database"] == "postgresql://shop"
    assert document["import"] == {"profiles": "/srv/profiles", "inbox": str(tmp_path)}
    assert [c["code"] for c in document["carriers"]] == ["colissimo", "chronopost", "dpd", "mondial_relay"]
    assert document["carriers"][0]["pickup"]["mon"] == "15:00"


@pytest.mark.parametrize("document", [
    {"station": {"name": 'Quote " and \\ back', "packaging_g": 0, "sounds": True}},
    {"a": {"b": {"c": [1, 2.5, "x"]}}, "list": [[1, 2], ["é"]], "top": dt.date(2026, 11, 25)},
    {"carriers": [{"code": "c", "pickup": {"mon": ["09:00", "15:00"]}}, {"code": "d", "extra": []}]},
    {"odd key": {"with.dot": "yes"}, "when": dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)},
])
def test_the_toml_writer_is_read_back_as_written(document):
    assert tomllib.loads(to_toml(document)) == document


def test_validation_names_each_field(tmp_path):
    config = StationConfig(station="", packaging_g=-5, label_layout="a3", inbox=str(tmp_path / "x"),
                           printers={"label": {"printer": "Ghost", "media": "B7x"},
                                     "slip": {"printer": "PDF", "folder": str(tmp_path)}})
    fields = [problem.field for problem in validate_config(config, printers=["PDF"])]
    assert fields == ["station.name", "station.packaging_g", "printing.label_layout",
                      "printing.label.printer", "printing.label.media", "printing.slip", "import.inbox"]
    with pytest.raises(Exception) as raised:
        save_config(config, tmp_path / "station.toml")
    assert "nom" in str(raised.value)
    assert not (tmp_path / "station.toml").exists()
    assert validate_config(StationConfig(station="T", output_dir=str(tmp_path))) == []
    assert "output_dir" in config_document(StationConfig(output_dir="/x"))["printing"]


def test_a_label_account_is_saved_to_the_station_file_with_its_secret_reference_only(dialog, config):
    from packstation.services.shop import open_shop  # noqa: F401  (the shop is open)

    station = dialog.station_tab
    station.label_accounts.setPlainText(
        '[colissimo]\nprovider = "colissimo"\ncontract = "123456"\n'
        'password = "env:COLISSIMO_PASSWORD"\nformat = "zpl"\ndpi = 300\n')
    assert dialog.save() is True, dialog.summary.text()
    read = load_config(config.path)
    account = read.label_accounts["colissimo"]
    assert (account.provider, account.login, account.secret, account.format, account.dpi) == (
        "colissimo", "123456", "env:COLISSIMO_PASSWORD", "zpl", 300)
    # A table with only the code and the account changes none of the carrier's pickups.
    assert tomllib.loads(config.path.read_text())["carriers"] == [
        {"code": "colissimo", "label": {"provider": "colissimo", "contract": "123456",
                                        "password": "env:COLISSIMO_PASSWORD", "format": "zpl",
                                        "dpi": 300}}]


def test_a_secret_typed_in_clear_is_refused_next_to_the_accounts(dialog, config):
    station = dialog.station_tab
    station.label_accounts.setPlainText(
        '[colissimo]\nprovider = "colissimo"\ncontract = "1"\npassword = "hunter2"\n')
    assert dialog.save() is False
    assert "env:" in station.label_accounts_error.text()
    assert "hunter2" not in station.label_accounts_error.text() + dialog.summary.text()
    assert not config.path.exists()


def test_the_carriers_are_a_form_not_a_text(qtbot, shop, config):
    import datetime as dt

    dialog = SettingsDialog(config, station="T1", printers=["PDF"], tab=CARRIERS_TAB)
    qtbot.addWidget(dialog)
    tab = dialog.carriers_tab
    assert tab.label_group.title() == "Compte d'étiquettes du transporteur"
    tab.carrier_list.setCurrentRow(tab.carrier_index("mondial_relay"))
    assert tab.fields["pickup.sat"].text() == "11:00"
    tab.fields["pickup.sat"].clear()
    tab.fields["pickup.mon"].setText("12:00, 17h00")
    tab.fields["closed"].setText("2026-12-24")
    tab.max_weight.setValue(20000)
    tab.carrier_list.setCurrentRow(tab.carrier_index("colissimo"))  # what was typed is kept
    tab.fields["closed"].setText("2026-02-30")
    assert not dialog.save()
    assert "colissimo" in tab.error.text() and "2026-02-30" in tab.error.text()
    tab.fields["closed"].clear()
    assert dialog.save()
    relay = next(s for s in load_schedules().values() if s.code == "mondial_relay")
    assert 5 not in relay.pickups and relay.pickups[0] == (dt.time(12), dt.time(17))
    assert relay.closed == frozenset({dt.date(2026, 12, 24)}) and relay.max_weight_g == 20000
