"""The outside contract of DESIGN.md, through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import MUG, TEA, shop_rows, write_csv


def run(db: str, *args: str, stdin: str | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "packstation", "--db", db, "--lang", lang, *args],
                          input=stdin, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ))


@pytest.fixture
def db_file(tmp_path):
    return str(tmp_path / "shop.sqlite3")


def test_demo_fills_a_realistic_repeatable_shop(db_file, tmp_path):
    assert run(db_file, "demo", "--orders", "30", "--seed", "7", "--no-gui").returncode == 0
    orders = json.loads(run(db_file, "orders", "--json").stdout)
    assert len(orders) == 30
    countries = {order["address"]["country"] for order in orders}
    assert {"PL", "GR", "BG"} <= countries or len(countries) >= 5
    assert len({order["carrier"] for order in orders}) >= 2
    for order in orders:
        assert set(order) >= {"ref", "status", "carrier", "lines"}
        for line in order["lines"]:
            assert set(line) >= {"sku", "ean", "name", "quantity", "verified"}
    other = str(tmp_path / "other.sqlite3")
    run(other, "demo", "--orders", "30", "--seed", "7", "--no-gui")
    strip = lambda items: [(o["ref"], o["customer_name"], [l["sku"] for l in o["lines"]]) for o in items]
    assert strip(json.loads(run(other, "orders", "--json").stdout)) == strip(orders)


def test_demo_has_polish_greek_and_bulgarian_addresses(db_file):
    run(db_file, "demo", "--orders", "50", "--seed", "1", "--no-gui")
    countries = {order["address"]["country"] for order in json.loads(run(db_file, "orders", "--json").stdout)}
    assert {"PL", "GR", "BG"} <= countries


def test_import_then_scan_json_then_order_json(db_file, tmp_path):
    path = write_csv(tmp_path / "orders.csv", shop_rows())
    imported = run(db_file, "import", str(path))
    assert imported.returncode == 0, imported.stderr
    answers = run(db_file, "scan", "--station", "Table 1", "--packer", "Alice", "--json",
                  stdin=f"CMD-1\n{MUG}\n{TEA}\nnope\n{MUG}\n")
    assert answers.returncode == 0, answers.stderr
    lines = [json.loads(line) for line in answers.stdout.splitlines()]
    assert len(lines) == 5  # exactly one answer per input line
    for answer in lines:
        assert {"ok", "order", "message"} <= set(answer)
    assert [a["ok"] for a in lines] == [True, True, True, False, True]
    assert lines[-1]["outcome"] == "order_complete" and lines[-1]["order"] == "CMD-1"
    detail = json.loads(run(db_file, "order", "CMD-1", "--json").stdout)
    assert detail["status"] == "packed"
    # An own label (no label account): no tracking number is made up.
    assert detail["shipment"]["tracking"] is None and "tracking" not in lines[-1]
    assert detail["shipment"]["packer"] == "Alice"
    assert [(l["sku"], l["verified"], l["quantity"]) for l in detail["lines"]] == [("TEA", 1, 1), ("MUG", 2, 2)]
    assert [s["outcome"] for s in detail["scans"]] == ["order_opened", "verified", "verified",
                                                       "unknown_code", "verified"]


def test_rejected_file_reports_file_line_reason_and_exits_non_zero(db_file, tmp_path):
    rows = shop_rows()
    rows[2]["quantity"] = "0"
    path = write_csv(tmp_path / "bad.csv", rows)
    result = run(db_file, "import", str(path))
    assert result.returncode != 0
    assert f"{path}:4: " in result.stderr
    assert json.loads(run(db_file, "orders", "--json").stdout) == []


def test_dry_run_shows_and_saves_nothing(db_file, tmp_path):
    path = write_csv(tmp_path / "orders.csv", shop_rows())
    result = run(db_file, "import", str(path), "--dry-run")
    assert result.returncode == 0 and "+ CMD-1" in result.stdout
    assert json.loads(run(db_file, "orders", "--json").stdout) == []


def test_unknown_order_is_a_one_line_error(db_file):
    result = run(db_file, "order", "NOPE", "--json")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "NOPE" in result.stderr


def test_newer_database_is_refused_with_a_clear_message(db_file):
    from packstation.db import close, open_database
    from packstation.db.models import SchemaInfo

    open_database(db_file)
    SchemaInfo.update(version=999).execute()
    close()
    result = run(db_file, "orders", lang="fr")
    assert result.returncode != 0
    assert "version plus récente" in result.stderr and "999" in result.stderr


def test_french_by_default_and_english_on_request(db_file):
    result = subprocess.run([sys.executable, "-m", "packstation", "--db", db_file, "order", "X"],
                            capture_output=True, text=True, env=dict(os.environ, LANG="C"))
    assert "introuvable" in result.stderr
    assert "not found" in run(db_file, "order", "X", lang="en").stderr


def test_carriers_declared_in_the_configuration_file(db_file, tmp_path):
    config = tmp_path / "station.toml"
    config.write_text('''
[[carriers]]
code = "colissimo"
name = "Colissimo"
timezone = "Europe/Paris"
holidays = "FR"
pickup = { mon = "16:30", tue = "16:30", wed = "16:30", thu = "16:30", fri = "16:30" }
extra = ["2026-11-28T11:00"]
match = ["Colissimo*"]
''', encoding="utf-8")
    # Friday 27 November 2026 at 17:00: next is the extra Saturday pickup at 11:00.
    result = run(db_file, "--config", str(config), "pickups", "--now", "2026-11-27T17:00+01:00", "--json")
    assert result.returncode == 0, result.stderr
    colissimo = next(item for item in json.loads(result.stdout) if item["carrier"] == "colissimo")
    assert colissimo["next_pickup"] == "2026-11-28T11:00:00+01:00"
    config.write_text(config.read_text().replace("16:30", "bientôt"), encoding="utf-8")
    bad = run(db_file, "--config", str(config), "pickups", lang="fr")
    assert bad.returncode != 0 and "colissimo" in bad.stderr.lower() and "bientôt" in bad.stderr


def test_short_order_shortages_and_ship_available(db_file, tmp_path):
    from packstation.db import close, open_database
    from packstation.db.models import Product
    from tests.helpers import row

    path = write_csv(tmp_path / "o.csv", [row("S-1", "TEA", 3, ean=TEA), row("S-2", "TEA", 2, ean=TEA,
                                                                           order_date="2026-11-25 10:00")])
    assert run(db_file, "import", str(path)).returncode == 0
    open_database(db_file)
    Product.update(stock=4).where(Product.sku == "TEA").execute()
    close()
    # S-1 (older) takes 3; S-2 wants 2 and gets 1: short by 1
    detail = json.loads(run(db_file, "order", "S-2", "--json").stdout)
    assert detail["shortages"] == [{"sku": "TEA", "missing": 1}]
    refused = json.loads(run(db_file, "scan", "--json", stdin="S-2\n").stdout.splitlines()[0])
    assert refused["outcome"] == "order_short"
    split = run(db_file, "ship-available", "S-2", "--by", "Alice")
    assert split.returncode == 0, split.stderr
    orders = {o["ref"]: o for o in json.loads(run(db_file, "orders", "--json").stdout)}
    assert orders["S-2"]["lines"][0]["quantity"] == 1
    backorder = next(o for ref, o in orders.items() if ref.startswith("S-2-"))
    assert backorder["status"] == "pending" and backorder["lines"][0]["quantity"] == 1
    assert json.loads(run(db_file, "scan", "--json", stdin="S-2\n").stdout.splitlines()[0])["ok"]


def test_orders_json_shows_each_shipment_with_its_documents(db_file, tmp_path):
    path = write_csv(tmp_path / "orders.csv", shop_rows())
    assert run(db_file, "import", str(path)).returncode == 0
    config = tmp_path / "station.toml"
    config.write_text(f'[printing]\noutput_dir = "{tmp_path / "out"}"\n', encoding="utf-8")
    run(db_file, "--config", str(config), "scan", stdin=f"CMD-1\n{MUG}\n{MUG}\n{TEA}\n")
    listed = {o["ref"]: o for o in json.loads(run(db_file, "orders", "--json").stdout)}
    shipment = listed["CMD-1"]["shipment"]
    assert shipment == json.loads(run(db_file, "order", "CMD-1", "--json").stdout)["shipment"]
    assert sorted(doc["kind"] for doc in shipment["documents"]) == ["label", "slip"]
    assert listed["CMD-2"]["shipment"] is None


@pytest.mark.parametrize("now", ["2026-11-27T17:00+01:00", "27/11/2026 17:00"])
def test_pickups_now_in_iso_or_french_form_and_a_bad_one(db_file, now):
    result = run(db_file, "pickups", "--now", now, "--json")
    assert result.returncode == 0, result.stderr
    colissimo = next(i for i in json.loads(result.stdout) if i["carrier"] == "colissimo")
    assert colissimo["next_pickup"] == "2026-11-30T15:00:00+01:00"  # Friday evening: Monday
    bad = run(db_file, "pickups", "--now", "demain", lang="fr")
    assert bad.returncode != 0 and "demain" in bad.stderr and bad.stderr.count("\n") == 1
