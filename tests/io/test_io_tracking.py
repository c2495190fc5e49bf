"""Tracking exports, read back with the csv module as the shop platform would."""

from __future__ import annotations

import csv
from datetime import datetime, timezone

import pytest

from packstation.core.errors import InputError
from packstation.io.tracking import TrackingRow, neutralise_formula, write_tracking

ROWS = [
    TrackingRow(ref="#1001", external_id="5550001001", carrier_name="Colissimo",
                tracking="6A12345678901",
                tracking_url="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
                shipped_at=datetime(2026, 11, 25, 14, 5, 9, tzinfo=timezone.utc), weight_g=520),
    # Shipped late on the 25th in UTC: already the 26th in Paris.
    TrackingRow(ref="2203", external_id="", carrier_name="Chronopost",
                tracking="XY123456789FR", tracking_url="",
                shipped_at=datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc), weight_g=80),
]


def read_back(path):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_shopify_matrixify_fulfilments(tmp_path):
    path = write_tracking(ROWS, "shopify", tmp_path / "Orders-tracking.csv")
    assert read_back(path) == [
        {"Name": "#1001", "Command": "UPDATE", "Line: Type": "Fulfillment Line",
         "Fulfillment: Status": "success", "Fulfillment: Tracking Company": "Colissimo",
         "Fulfillment: Tracking Number": "6A12345678901",
         "Fulfillment: Tracking URL": ROWS[0].tracking_url, "Fulfillment: Send Receipt": "TRUE"},
        {"Name": "2203", "Command": "UPDATE", "Line: Type": "Fulfillment Line",
         "Fulfillment: Status": "success", "Fulfillment: Tracking Company": "Chronopost",
         "Fulfillment: Tracking Number": "XY123456789FR", "Fulfillment: Tracking URL": "",
         "Fulfillment: Send Receipt": "TRUE"},
    ]


def test_woocommerce_advanced_shipment_tracking(tmp_path):
    path = write_tracking(ROWS, "woocommerce", tmp_path / "tracking.csv")
    assert read_back(path) == [
        {"order_id": "5550001001", "tracking_provider": "Colissimo",
         "tracking_number": "6A12345678901", "date_shipped": "25-11-2026", "status_shipped": "1"},
        {"order_id": "2203", "tracking_provider": "Chronopost",
         "tracking_number": "XY123456789FR", "date_shipped": "26-11-2026", "status_shipped": "1"},
    ]


def test_generic_tracking(tmp_path):
    path = write_tracking(ROWS, "generic", tmp_path / "tracking.csv")
    assert read_back(path) == [
        {"order_ref": "#1001", "carrier": "Colissimo", "tracking": "6A12345678901",
         "tracking_url": ROWS[0].tracking_url, "shipped_at": "2026-11-25T14:05:09+00:00",
         "weight_g": "520"},
        {"order_ref": "2203", "carrier": "Chronopost", "tracking": "XY123456789FR",
         "tracking_url": "", "shipped_at": "2026-11-25T23:30:00+00:00", "weight_g": "80"},
    ]


def test_an_existing_export_is_replaced_whole(tmp_path):
    path = tmp_path / "tracking.csv"
    path.write_text("old,content\n" * 100, encoding="utf-8")
    write_tracking(ROWS[:1], "generic", path)
    assert len(read_back(path)) == 1
    assert [entry.name for entry in tmp_path.iterdir()] == ["tracking.csv"]


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
    ("+33601020304", "'+33601020304"),
    ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("6A12345678901", "6A12345678901"),
    ("a=b", "a=b"),
    ("", ""),
    (520, "520"),
    (None, ""),
])
def test_formula_guard(value, expected):
    assert neutralise_formula(value) == expected


@pytest.mark.parametrize("export_format", ["shopify", "woocommerce", "generic"])
def test_every_writer_neutralises_formulas(tmp_path, export_format):
    hostile = TrackingRow(ref="=cmd|' /C calc'!A0", external_id="", carrier_name="@Colissimo",
                          tracking="+123", tracking_url="-x", shipped_at=ROWS[0].shipped_at,
                          weight_g=10)
    path = write_tracking([hostile], export_format, tmp_path / "out.csv")
    [row] = read_back(path)
    cells = [cell for cell in row.values() if cell]
    assert cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert row.get("tracking_number", row.get("tracking", row.get(
        "Fulfillment: Tracking Number"))) == "'+123"


def test_unknown_format_and_unwritable_folder(tmp_path):
    with pytest.raises(InputError) as caught:
        write_tracking(ROWS, "magento", tmp_path / "x.csv")
    assert caught.value.key == "tracking.unknown_format"
    with pytest.raises(InputError) as caught:
        write_tracking(ROWS, "generic", tmp_path / "missing" / "x.csv")
    assert caught.value.key == "tracking.cannot_write"
    assert "missing" in caught.value.message


def test_a_naive_shipping_time_is_a_bug(tmp_path):
    naive = TrackingRow("#1", "", "DHL", "1", "", datetime(2026, 11, 25, 10), 1)
    with pytest.raises(ValueError):
        write_tracking([naive], "generic", tmp_path / "x.csv")
