"""Tracking numbers back to the shop, from packed orders, through the real command."""

import csv
import json
import os
import subprocess
import sys

from tests.helpers import MUG, OTHER, TEA, shop_rows, write_csv


def run(db, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "packstation", "--db", db, "--lang", "en", *args],
                          input=stdin, capture_output=True, text=True, timeout=120, env=dict(os.environ))


def test_export_tracking_shopify_and_woocommerce(tmp_path):
    db = str(tmp_path / "shop.sqlite3")
    assert run(db, "import", str(write_csv(tmp_path / "o.csv", shop_rows()))).returncode == 0
    out = tmp_path / "out"
    config = tmp_path / "station.toml"
    config.write_text(f'[printing]\noutput_dir = "{out}"\n')
    answers = run(db, "--config", str(config), "scan", "--json",
                  stdin=f"CMD-1\n{TEA}\n{MUG}\n{MUG}\nCMD-4\n{OTHER}\n")
    packed = [json.loads(line) for line in answers.stdout.splitlines()
              if json.loads(line)["outcome"] == "order_complete"]
    assert [answer["order"] for answer in packed] == ["CMD-1", "CMD-4"]

    shopify = tmp_path / "shopify.csv"
    assert run(db, "export-tracking", "--format", "shopify", "--out", str(shopify)).returncode == 0
    with open(shopify, newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["Name"] for r in table] == ["CMD-1", "CMD-4"]
    assert table[0]["Command"] == "UPDATE" and table[0]["Line: Type"] == "Fulfillment Line"
    # Own labels (no label account): fulfilled, no number made up, no customer notification.
    assert "tracking" not in packed[0]
    assert table[0]["Fulfillment: Status"] == "success"
    assert table[0]["Fulfillment: Tracking Number"] == table[0]["Fulfillment: Tracking Company"] == ""
    assert table[0]["Fulfillment: Send Receipt"] == "FALSE"

    woo = tmp_path / "woo.csv"
    assert run(db, "export-tracking", "--format", "woocommerce", "--out", str(woo)).returncode == 0
    with open(woo, newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["tracking_number"] for r in table] == ["", ""]
    assert table[0]["status_shipped"] == "1"
    day, month, year = table[0]["date_shipped"].split("-")
    assert len(day) == 2 and len(month) == 2 and len(year) == 4
