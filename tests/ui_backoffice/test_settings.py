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
from packstation.shipping import PROVIDERS
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


def fill_account(tab, code, *, provider, login="", env="", secret="", format="pdf_203", url="", customer=""):
    """Type a label account into the carriers tab, as a user would, for carrier ``code``."""
    tab.carrier_list.setCurrentRow(tab.carrier_index(code))
    tab.provider.setCurrentIndex(tab.provider.findData(provider))
    tab.url.setText(url)
    tab.login.setText(login)
    tab.customer.setText(customer)
    tab.secret_mode.setCurrentIndex(tab.secret_mode.findData("keyring" if secret else "env"))
    tab.env_name.setText(env)
    tab.secret.setText(secret)
    tab.label_format.setCurrentIndex(tab.label_format.findData(format))


def test_a_label_account_is_saved_to_the_station_file_with_its_secret_reference_only(dialog, config):
    tab = dialog.carriers_tab
    fill_account(tab, "colissimo", provider="colissimo", login="123456", env="COLISSIMO_PASSWORD",
                 format="zpl_300")
    # Each field is named as the carrier names it; an empty address is its production one.
    assert tab.login_caption.text() == "Numéro de contrat"
    assert tab.secret_caption.text() == "Mot de passe"
    assert "https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0" in tab.url.placeholderText()
    assert "SLS" in tab.provider_help.text() and "numéro de contrat" in tab.provider_help.text()
    assert dialog.save() is True, dialog.summary.text()

    account = load_config(config.path).label_accounts["colissimo"]
    assert (account.provider, account.url, account.login, account.secret, account.format, account.dpi) == (
        "colissimo", "", "123456", "env:COLISSIMO_PASSWORD", "zpl", 300)
    # A table with only the code and the account changes none of the carrier's pickups.
    assert tomllib.loads(config.path.read_text())["carriers"] == [
        {"code": "colissimo", "label": {"provider": "colissimo", "contract": "123456",
                                        "password": "env:COLISSIMO_PASSWORD", "format": "zpl",
                                        "dpi": 300}}]


def test_each_provider_names_its_login_and_secret_as_the_station_file_does(dialog, config):
    dialog.tabs.setCurrentIndex(CARRIERS_TAB)
    tab = dialog.carriers_tab
    fill_account(tab, "mondial_relay", provider="mondial_relay", login="BDTEST13", env="MR_KEY",
                 url="https://api.example.test/mr")
    assert (tab.login_caption.text(), tab.secret_caption.text()) == ("Enseigne", "Clé privée")
    assert not tab.customer_box.isVisibleTo(dialog)  # Mondial Relay asks for no customer account
    fill_account(tab, "chronopost", provider="sendcloud", login="pk-1", env="SENDCLOUD_SECRET")
    assert (tab.login_caption.text(), tab.secret_caption.text()) == ("Clé publique", "Clé secrète")
    fill_account(tab, "dpd", provider="dpd", login="GeoLabelTestFR", env="DPD_PASSWORD",
                 customer="250/77/12345", format="zpl_203")
    assert tab.customer_box.isVisibleTo(dialog) and tab.customer_caption.text() == "Compte client DPD"
    assert dialog.save() is True, dialog.summary.text()
    tables = {entry["code"]: entry["label"] for entry in tomllib.loads(config.path.read_text())["carriers"]}
    assert tables.pop("dpd") == {"provider": "dpd", "login": "GeoLabelTestFR", "password": "env:DPD_PASSWORD",
                                 "format": "zpl", "dpi": 203, "customer": "250/77/12345"}
    assert tables == {
        "mondial_relay": {"provider": "mondial_relay", "url": "https://api.example.test/mr",
                          "enseigne": "BDTEST13", "private_key": "env:MR_KEY", "format": "pdf"},
        "chronopost": {"provider": "sendcloud", "public_key": "pk-1",
                       "secret_key": "env:SENDCLOUD_SECRET", "format": "pdf"}}
    assert load_config(config.path).label_accounts["chronopost"].secret == "env:SENDCLOUD_SECRET"


def env_with_a_space(tab):
    fill_account(tab, "colissimo", provider="colissimo", login="1", env="COLISSIMO PASSWORD")
    return "secret", ["colissimo", "variable d'environnement"]


def env_starting_with_a_digit(tab):
    fill_account(tab, "colissimo", provider="colissimo", login="1", env="1PASS")
    return "secret", ["variable d'environnement"]


def password_typed_as_a_name(tab):
    fill_account(tab, "colissimo", provider="colissimo", login="1", env="hunter2!")
    return "secret", ["variable d'environnement"]


def no_secret(tab):
    fill_account(tab, "colissimo", provider="colissimo", login="1")
    return "secret", ["mot de passe"]


def no_login(tab):
    fill_account(tab, "dpd", provider="dpd", env="DPD_PASSWORD")
    return "login", ["identifiant"]


def service_in_clear(tab):
    fill_account(tab, "colissimo", provider="colissimo", login="1", env="P", url="http://ws.example.com/sls")
    return "url", ["http://ws.example.com/sls", "https://"]


def dpd_customer_without_its_center(tab):
    fill_account(tab, "dpd", provider="dpd", login="GeoLabelTestFR", env="DPD_PASSWORD", customer="12345")
    return "customer", ["12345", "250/77/12345"]


def zpl_from_mondial_relay(tab):
    fill_account(tab, "mondial_relay", provider="mondial_relay", login="BDTEST13", env="MR_KEY",
                 format="zpl_203")
    return "format", ["PDF"]


@pytest.mark.parametrize("spoil", [env_with_a_space, env_starting_with_a_digit, password_typed_as_a_name,
                                   no_secret, no_login, service_in_clear, dpd_customer_without_its_center,
                                   zpl_from_mondial_relay])
def test_a_bad_label_account_is_refused_next_to_its_field_and_nothing_is_saved(dialog, config, spoil):
    carriers_before = {s.code: s for s in load_schedules().values()}
    tab = dialog.carriers_tab
    field, words = spoil(tab)
    spoiled = tab.carrier_list.currentRow()
    tab.carrier_list.setCurrentRow(0 if spoiled else 1)  # saving goes back to the carrier refused

    assert dialog.save() is False
    assert dialog.tabs.currentIndex() == CARRIERS_TAB and tab.carrier_list.currentRow() == spoiled
    label = tab.account_error_labels[field]
    assert label.isVisibleTo(dialog) and label.text()
    for word in words:
        assert word in label.text(), label.text()
    assert [key for key, other in tab.account_error_labels.items() if other.isVisibleTo(dialog)] == [field]
    assert "hunter2" not in label.text() + dialog.summary.text()
    assert "Rien n'a été enregistré" in dialog.summary.text()
    nothing_saved(config, carriers_before)


def test_switching_carriers_keeps_what_was_typed(dialog):
    tab = dialog.carriers_tab
    fill_account(tab, "colissimo", provider="colissimo", login="123456", secret="typed-once",
                 format="zpl_203")
    fill_account(tab, "chronopost", provider="chronopost", login="19869502", env="CHRONO_PASSWORD")
    tab.carrier_list.setCurrentRow(tab.carrier_index("dpd"))
    assert (tab.provider.currentData(), tab.login.text(), tab.env_name.text()) == ("own", "", "")
    assert not tab.login.isEnabled()  # the station's own label asks for nothing
    tab.carrier_list.setCurrentRow(tab.carrier_index("colissimo"))
    assert (tab.provider.currentData(), tab.login.text(), tab.secret_mode.currentData(), tab.secret.text(),
            tab.label_format.currentData()) == ("colissimo", "123456", "keyring", "typed-once", "zpl_203")
    assert tab.secret.echoMode() == tab.secret.EchoMode.Password
    tab.carrier_list.setCurrentRow(tab.carrier_index("chronopost"))
    assert (tab.provider.currentData(), tab.login.text(), tab.env_name.text(), tab.login_caption.text()) == (
        "chronopost", "19869502", "CHRONO_PASSWORD", "Numéro de compte")


def test_an_account_of_the_station_file_is_shown_and_kept_with_its_options(qtbot, shop, config):
    from packstation.shipping.accounts import parse_account

    config.label_accounts = {"colissimo": parse_account("colissimo", {
        "provider": "colissimo", "url": "https://ws.example.test/sls", "contract": "654321",
        "password": "env:COLISSIMO_PASSWORD", "format": "zpl", "dpi": 300, "product_home": "DOS"})}
    save_config(config)
    dialog = SettingsDialog(load_config(config.path), station="Table 1", printers=PRINTERS, tab=CARRIERS_TAB)
    qtbot.addWidget(dialog)
    tab = dialog.carriers_tab
    tab.carrier_list.setCurrentRow(tab.carrier_index("colissimo"))
    assert (tab.provider.currentData(), tab.url.text(), tab.login.text(), tab.secret_mode.currentData(),
            tab.env_name.text(), tab.label_format.currentData()) == (
        "colissimo", "https://ws.example.test/sls", "654321", "env", "COLISSIMO_PASSWORD", "zpl_300")
    before = tomllib.loads(config.path.read_text())["carriers"]
    assert dialog.save() is True, dialog.summary.text()
    assert tomllib.loads(config.path.read_text())["carriers"] == before
    assert load_config(config.path).label_accounts["colissimo"].options == {"product_home": "DOS"}


@pytest.fixture
def file_keyring(tmp_path):
    """A real keyring backend (keyrings.alt's file keyring) standing in for the system's:
    as a file keyring it is not one the station accepts, so it is promoted to one here."""
    keyring = pytest.importorskip("keyring")
    file_backend = pytest.importorskip("keyrings.alt.file")

    class SystemLikeKeyring(file_backend.PlaintextKeyring):
        priority = 1

    before = keyring.get_keyring()
    ring = SystemLikeKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


SECRET = "Tr0ub4dor&3-colissimo"


def test_a_secret_typed_once_goes_to_the_keyring_and_only_its_reference_to_the_station_file(
        qtbot, dialog, config, file_keyring):
    import keyring

    tab = dialog.carriers_tab
    fill_account(tab, "colissimo", provider="colissimo", login="123456", secret=SECRET)
    assert "keyring:packstation/" in tab.secret_note.text()
    assert dialog.save() is True, dialog.summary.text()

    assert keyring.get_password("packstation", "colissimo") == SECRET
    text = config.path.read_text()
    assert SECRET not in text
    assert load_config(config.path).label_accounts["colissimo"].secret == "keyring:packstation/colissimo"
    assert load_config(config.path).label_accounts["colissimo"].password() == SECRET

    # Opened again: the secret is not shown, it is said to be kept; saving keeps it.
    again = SettingsDialog(load_config(config.path), station="Table 1", printers=PRINTERS, tab=CARRIERS_TAB)
    qtbot.addWidget(again)
    tab = again.carriers_tab
    tab.carrier_list.setCurrentRow(tab.carrier_index("colissimo"))
    assert (tab.secret_mode.currentData(), tab.secret.text()) == ("keyring", "")
    assert "keyring:packstation/colissimo" in tab.secret_note.text()
    assert again.save() is True, again.summary.text()
    assert config.path.read_text() == text
    assert keyring.get_password("packstation", "colissimo") == SECRET


def test_without_a_keyring_the_secret_is_refused_and_env_is_suggested(dialog, config):
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        tab = dialog.carriers_tab
        fill_account(tab, "colissimo", provider="colissimo", login="123456", secret=SECRET)
        assert "Aucun trousseau" in tab.secret_note.text()
        assert dialog.save() is False
    finally:
        keyring.set_keyring(before)
    error = tab.account_error_labels["secret"]
    assert error.isVisibleTo(dialog) and "env:" in error.text()
    assert SECRET not in error.text() + dialog.summary.text() + tab.secret_note.text()
    assert not config.path.exists()


def test_the_carriers_are_a_form_not_a_text(qtbot, shop, config):
    import datetime as dt

    dialog = SettingsDialog(config, station="T1", printers=["PDF"], tab=CARRIERS_TAB)
    qtbot.addWidget(dialog)
    tab = dialog.carriers_tab
    assert tab.label_group.title() == "Compte d'étiquettes du transporteur"
    assert [tab.provider.itemData(row) for row in range(tab.provider.count())] == list(PROVIDERS)
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
