"""The secret never appears in output, logs or the database; the whole path through the
real command: scan to completion, the carrier's label printed, retry, export."""

from __future__ import annotations

import csv
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from packstation.services.labels import obtain_label
from packstation.shipping.accounts import parse_account
from packstation.core.errors import InputError
from tests.helpers import MUG, TEA, write_csv
from tests.shipping import standins
from tests.shipping.conftest import default_rows, order, station_toml

SECRETS = (standins.COLISSIMO_PASSWORD, standins.SENDCLOUD_SECRET, standins.MR_KEY)


def database_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in folder.glob("shop.sqlite3*"))


def assert_no_secret(*texts: str | bytes) -> None:
    for text in texts:
        data = text.encode() if isinstance(text, str) else text
        for secret in SECRETS:
            assert secret.encode() not in data


def test_no_secret_in_logs_messages_or_the_database(make_shop, colissimo, sendcloud, mondial_relay,
                                                    tmp_path, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    config = make_shop(colissimo_url=colissimo.url, sendcloud_url=sendcloud.url,
                       mondial_relay_url=mondial_relay.url,
                       mondial_relay_label_url=mondial_relay.stand_in.url)
    from packstation.db.models import Order

    Order.update(pickup_point="066974").where(Order.ref == "M-RELAY").execute()
    texts = []
    for ref in ("C-HOME", "S-HOME", "M-RELAY"):
        texts.append(obtain_label(order(ref).id, config=config).status)
    assert texts == ["ready"] * 3
    monkeypatch.setenv("COLISSIMO_PASSWORD", "wrong-" + standins.COLISSIMO_PASSWORD)
    Order.update(tracking=None).where(Order.ref == "C-CH").execute()
    from packstation.db.models import Product

    Product.update(hs_code="090210", origin_country="CN").execute()
    refused = obtain_label(order("C-CH").id, config=config)
    assert refused.status == "waiting"
    assert_no_secret(caplog.text, refused.carrier_message, refused.what_to_do,
                     database_bytes(tmp_path))


def test_a_secret_written_in_clear_is_refused_without_being_repeated():
    with pytest.raises(InputError) as refused:
        parse_account("colissimo", {"provider": "colissimo", "contract": "1",
                                    "password": "hunter2-in-clear"})
    assert "hunter2" not in refused.value.message and "env:" in refused.value.message


def test_a_missing_environment_variable_is_named_not_guessed(make_shop, colissimo, monkeypatch):
    config = make_shop(colissimo_url=colissimo.url)
    monkeypatch.delenv("COLISSIMO_PASSWORD")
    row = obtain_label(order("C-HOME").id, config=config)
    assert row.status == "waiting" and "COLISSIMO_PASSWORD" in row.carrier_message
    assert colissimo.received == []


def run(tmp_path, *args, stdin=None):
    env = dict(os.environ, COLISSIMO_PASSWORD=standins.COLISSIMO_PASSWORD,
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.run([sys.executable, "-m", "packstation", "--db", str(tmp_path / "shop.sqlite3"),
                           "--config", str(tmp_path / "station.toml"), "--lang", "en", *args],
                          input=stdin, capture_output=True, text=True, timeout=120, env=env)


def test_the_command_line_from_scan_to_export_with_the_carriers_label(tmp_path, colissimo):
    out = tmp_path / "labels"
    out.mkdir()
    (tmp_path / "station.toml").write_text(
        station_toml(colissimo_url=colissimo.url)
        + f'\n[printing]\noutput_dir = "{out}"\n', encoding="utf-8")
    rows = [r for r in default_rows() if r["order_ref"] in ("C-HOME", "H-1")]
    rows[0]["ean"], rows[1]["ean"] = TEA, MUG
    outputs = [run(tmp_path, "import", str(write_csv(tmp_path / "orders.csv", rows)))]
    assert outputs[-1].returncode == 0, outputs[-1].stderr
    # No sender yet: the label waits, with where to set the shop's address.
    outputs.append(run(tmp_path, "scan", "--json", stdin=f"C-HOME\n{TEA}\n{TEA}\n"))
    answers = [json.loads(line) for line in outputs[-1].stdout.splitlines()]
    assert answers[-1]["outcome"] == "order_complete" and "tracking" not in answers[-1]
    assert colissimo.received == []
    outputs.append(run(tmp_path, "retry-prints"))
    assert outputs[-1].returncode == 1 and "shop set" in outputs[-1].stdout

    outputs.append(run(tmp_path, "shop", "set", "name=Le Comptoir", "address1=8 rue de la Paix",
                       "postcode=69002", "city=Lyon", "country=FR", "email=bonjour@comptoir.example"))
    assert outputs[-1].returncode == 0, outputs[-1].stderr
    outputs.append(run(tmp_path, "retry-prints"))
    assert outputs[-1].returncode == 0, outputs[-1].stdout + outputs[-1].stderr
    assert "6A12345678901" in outputs[-1].stdout
    printed = list(out.rglob("*.pdf"))
    assert any(path.read_bytes() == standins.PDF for path in printed)  # unchanged

    outputs.append(run(tmp_path, "scan", "--json", stdin=f"H-1\n{MUG}\n"))  # own label
    outputs.append(run(tmp_path, "order", "C-HOME", "--json"))
    detail = json.loads(outputs[-1].stdout)
    assert detail["shipment"]["tracking"] == "6A12345678901"
    assert detail["carrier_label"]["status"] == "ready"
    outputs.append(run(tmp_path, "export-tracking", "--format", "shopify", "--out",
                       str(tmp_path / "shopify.csv")))
    with open(tmp_path / "shopify.csv", newline="", encoding="utf-8") as handle:
        table = {r["Name"]: r for r in csv.DictReader(handle)}
    assert table["C-HOME"]["Fulfillment: Tracking Number"] == "6A12345678901"
    assert table["C-HOME"]["Fulfillment: Tracking Company"] == "Colissimo"
    assert table["C-HOME"]["Fulfillment: Tracking URL"].endswith("code=6A12345678901")
    assert table["C-HOME"]["Fulfillment: Send Receipt"] == "TRUE"
    own = table["H-1"]
    assert (own["Fulfillment: Status"], own["Fulfillment: Tracking Number"],
            own["Fulfillment: Send Receipt"]) == ("success", "", "FALSE")
    assert len(colissimo.received) == 1  # one label bought, for one parcel
    assert_no_secret(*(o.stdout + o.stderr for o in outputs), database_bytes(tmp_path),
                     *(path.read_bytes() for path in printed))


def test_an_account_is_checked_key_by_key():
    base = {"provider": "colissimo", "contract": "1", "password": "env:X"}
    for change, words in (({"url": "http://ws.colissimo.fr/sls"}, "https://"),
                          ({"format": "png"}, "png"), ({"format": "zpl", "dpi": 600}, "600"),
                          ({"provider": "ups"}, "ups"), ({"colour": "red"}, "colour"),
                          ({"password": ""}, "env:"),
                          ({"password": "env:MY PASSWORD"}, "variable d'environnement"),
                          ({"password": "env:1PASS"}, "variable d'environnement"),
                          ({"password": "env:"}, "env:NOM"),
                          ({"password": "keyring:packstation"}, "keyring:SERVICE/UTILISATEUR")):
        with pytest.raises(InputError) as refused:
            parse_account("colissimo", {**base, **change})
        assert words in refused.value.message, refused.value.message
    with pytest.raises(InputError):
        parse_account("mondial_relay", {"provider": "mondial_relay", "enseigne": "X",
                                        "private_key": "env:K", "format": "zpl"})
    assert parse_account("hand", {}).is_own
    dpd = {"provider": "dpd", "login": "L", "password": "env:DPD_PASSWORD"}
    with pytest.raises(InputError) as refused:
        parse_account("dpd", {**dpd, "customer": "12345"})
    assert "12345" in refused.value.message and "250/77/12345" in refused.value.message
    assert parse_account("dpd", {**dpd, "customer": "250/77/12345"}).options == {"customer": "250/77/12345"}
    assert parse_account("colissimo", {**base, "password": "env:_Colissimo_2"}).secret == "env:_Colissimo_2"


def test_a_secret_goes_to_the_keyring_under_its_reference_or_is_refused_without_one(tmp_path):
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    from packstation.shipping.accounts import keyring_available, store_in_keyring

    before = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        assert not keyring_available()
        with pytest.raises(InputError) as refused:
            store_in_keyring("colissimo", "keyring:packstation/colissimo", "hunter2-secret")
        assert "env:" in refused.value.message and "hunter2" not in refused.value.message
        file_backend = pytest.importorskip("keyrings.alt.file")
        ring = file_backend.PlaintextKeyring()  # a file in clear is not a system keyring
        ring.file_path = str(tmp_path / "keyring.cfg")
        keyring.set_keyring(ring)
        assert not keyring_available()
        with pytest.raises(InputError):
            store_in_keyring("colissimo", "keyring:packstation/colissimo", "hunter2-secret")
        assert not (tmp_path / "keyring.cfg").exists()

        class SystemLikeKeyring(file_backend.PlaintextKeyring):
            priority = 1  # stands in for the operating system's keyring

        ring = SystemLikeKeyring()
        ring.file_path = str(tmp_path / "keyring.cfg")
        keyring.set_keyring(ring)
        store_in_keyring("colissimo", "keyring:packstation/colissimo", "hunter2-secret")
        assert keyring.get_password("packstation", "colissimo") == "hunter2-secret"
    finally:
        keyring.set_keyring(before)


def test_each_provider_has_its_production_service():
    from packstation.shipping import PROVIDERS, default_url
    from packstation.shipping.colissimo import DEFAULT_URL

    assert default_url("own") == ""
    assert default_url("colissimo") == DEFAULT_URL
    assert all(default_url(provider).startswith("https://") for provider in PROVIDERS[1:])
