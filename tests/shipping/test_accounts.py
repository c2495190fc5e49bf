"""Label accounts live in the station file only: the shared database never holds them."""

from __future__ import annotations

import datetime as dt

from packstation.db import close
from packstation.db.models import Carrier
from packstation.services.carriers import load_schedules
from packstation.services.context import load_config, save_config
from packstation.services.shop import open_shop


def test_an_account_only_table_changes_no_pickups_and_no_account_reaches_the_database(tmp_path, monkeypatch):
    station = tmp_path / "station.toml"
    station.write_text(
        '[[carriers]]\ncode = "colissimo"\n'
        'label = { provider = "colissimo", contract = "123456", password = "env:COLISSIMO_PASSWORD" }\n',
        encoding="utf-8")
    config = load_config(station)
    open_shop(str(tmp_path / "shop.sqlite3"), config)
    try:
        colissimo = next(s for s in load_schedules().values() if s.code == "colissimo")
        assert colissimo.pickups[0] == (dt.time(15, 0),)  # the default carriers' pickups, kept
        assert all("label" not in carrier.definition for carrier in Carrier.select())
        assert config.label_accounts["colissimo"].login == "123456"
        save_config(config)  # written back as it was read
        assert load_config(station).label_accounts == config.label_accounts
    finally:
        close()


def test_the_station_file_form_of_the_readme_is_read_as_written(tmp_path):
    """The documented form: an inline table over two lines (TOML 1.1), with the printing
    section of the thermal printer."""
    station = tmp_path / "station.toml"
    station.write_text(
        '[[carriers]]\ncode = "colissimo"\n'
        'label = { provider = "colissimo", url = "https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0",\n'
        '          contract = "123456", password = "env:COLISSIMO_PASSWORD", format = "pdf" }\n'
        '[printing]\n'
        'label = { printer = "socket://192.168.1.50:9100", format = "zpl", dpi = 203 }\n'
        'slip = { printer = "Bureau", media = "A4" }\n', encoding="utf-8")
    config = load_config(station)
    account = config.label_accounts["colissimo"]
    assert (account.provider, account.login, account.secret, account.format) == (
        "colissimo", "123456", "env:COLISSIMO_PASSWORD", "pdf")
    assert account.url == "https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0"
    assert config.printers["label"] == {"printer": "socket://192.168.1.50:9100", "format": "zpl",
                                        "dpi": 203}
