"""History: each order's timeline, merged from events, scans and print jobs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from packstation.core import i18n
from packstation.core.packing import Outcome
from packstation.db.models import Order
from packstation.services.context import StationConfig
from packstation.services.history import TimelineEntry, timeline
from packstation.services.holds import hold, release
from packstation.services.station import build_station
from packstation.services.unpack import unpack
from tests.backoffice.conftest import pack
from tests.helpers import OTHER

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def station_with_printer(shop, tmp_path):
    config = StationConfig(station="Table 1", output_dir=str(tmp_path / "out"))
    return build_station(config, packer="Alice")


def test_timeline_tells_the_whole_story_in_order(station_with_printer):
    station = station_with_printer
    assert station.handle("CMD-2").outcome is Outcome.ORDER_OPENED
    assert station.handle(OTHER).outcome is Outcome.WRONG_ITEM
    assert station.handle("5901234123458").outcome is Outcome.MISREAD
    assert station.handle(":abandon boîte trop petite").outcome is Outcome.ABANDONED
    pack("CMD-2", station=station)
    station.printer.queue.deliver_queued()  # what the station's print worker does
    unpack("CMD-2", reason="sablés écrasés", by="Bob", station="Table 2")

    entries = timeline(Order.get(Order.ref == "CMD-2"))

    assert all(isinstance(entry, TimelineEntry) for entry in entries)
    assert [entry.at for entry in entries] == sorted(entry.at for entry in entries)
    kinds = [entry.kind for entry in entries]
    assert kinds == ["imported", "claimed", "scan", "scan_error", "scan_error", "abandoned",
                     "claimed", "scan", "scan", "scan", "completed", "print", "print", "unpacked"]
    texts = [entry.text for entry in entries]
    assert texts[0] == "Importée depuis orders.csv (ligne 4)."
    assert texts[3] == f"Scan « {OTHER} » : mauvais article."
    assert "mauvaise lecture" in texts[4]
    assert texts[5] == "Abandonnée : boîte trop petite."
    assert re.fullmatch(r"Emballée : \d+ g\.", texts[10])  # an own label: no number made up
    label, slip = entries[11], entries[12]
    assert label.text.startswith("Impression — Étiquette : ") and "Bon de livraison" in slip.text
    assert Path(label.text.split(" : ", 1)[1].rstrip(".")).is_file()    # the PDF really written
    assert texts[13].startswith("Déballée : sablés écrasés. Colis — annulé")  # own label: no number
    assert texts[13].endswith("remis en stock : BISC × 7.")
    assert (entries[1].station, entries[1].packer) == ("Table 1", "Alice")
    assert (entries[13].station, entries[13].packer) == ("Table 2", "Bob")


def test_timeline_shows_holds_and_speaks_english(sqlite_shop):
    hold("CMD-3", reason="adresse suspecte", by="Claire", station="Bureau")
    release("CMD-3", reason="client rappelé", by="Claire", station="Bureau")
    entries = timeline(Order.get(Order.ref == "CMD-3"))
    assert [(entry.kind, entry.packer, entry.text) for entry in entries[1:]] == [
        ("held", "Claire", "Bloquée : adresse suspecte."),
        ("released", "Claire", "Débloquée : client rappelé."),
    ]
    i18n.set_language("en")
    assert [entry.text for entry in timeline(Order.get(Order.ref == "CMD-3"))] == [
        "Imported from orders.csv (line 5).", "Put on hold: adresse suspecte.",
        "Released: client rappelé."]


def test_a_failed_print_shows_why(sqlite_shop, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    station = build_station(StationConfig(station="Table 1", output_dir=str(blocker)), packer="Alice")
    pack("CMD-4", station=station)
    station.printer.queue.deliver_queued()  # what the station's print worker does
    prints = [entry for entry in timeline(Order.get(Order.ref == "CMD-4")) if entry.kind == "print"]
    assert len(prints) == 2
    assert all(entry.text.startswith("Impression impossible — Étiquette, essais : 1 : ") or
               entry.text.startswith("Impression impossible — Bon de livraison, essais : 1 : ") for entry in prints)


def test_every_scan_outcome_and_order_event_has_a_text():
    catalogue = i18n.catalogue()
    assert [outcome.code for outcome in Outcome
            if f"history.outcome.{outcome.code}" not in catalogue] == []
    # Every kind of event a service logs for an order reads as a sentence, not a code.
    logged = set()
    for source in (PROJECT / "packstation").rglob("*.py"):
        logged |= set(re.findall(r'log_event\(\s*"(\w+)"', source.read_text(encoding="utf-8")))
    logged |= {"released", "cancelled", "held", "print_sent"}     # kinds passed as variables
    not_about_an_order = {"packer_login", "packer_logout", "carrier_saved", "setting_changed",
                          "barcode_assigned", "packer_added", "packer_renamed", "packer_retired"}
    assert sorted(kind for kind in logged - not_about_an_order
                  if f"history.event.{kind}" not in catalogue) == []
