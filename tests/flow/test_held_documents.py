"""No label for an order on hold or not packed (but the batch before packing); a held
order's slip and pick list say it is held."""

from __future__ import annotations

import subprocess
import sys

import pytest

from packstation.core.errors import StateError
from packstation.services.holds import hold
from packstation.services.printing import render
from tests.documents.pdfs import pdf_text
from tests.helpers import import_rows, shop_rows


@pytest.fixture
def shop(sqlite_db, tmp_path):
    assert import_rows(tmp_path, shop_rows()).ok
    hold("CMD-2", reason="Adresse de facturation suspecte", by="Alice")
    return sqlite_db


def test_no_label_for_an_order_not_packed_from_the_menus_and_history(shop):
    with pytest.raises(StateError, match="CMD-1 n'est pas encore emballée"):
        render("label", ["CMD-1"])


def test_the_batch_before_packing_prints_labels_but_not_for_a_held_order(shop):
    pdf, _ = render("label", ["CMD-1"], before_packing=True)
    assert "CMD-1" in pdf_text(pdf)
    with pytest.raises(StateError, match="CMD-2 est bloquée"):
        render("label", ["CMD-1", "CMD-2"], before_packing=True)


def test_a_held_order_s_slip_and_pick_list_say_so(shop):
    slip, _ = render("slip", ["CMD-2"])
    assert "COMMANDE BLOQUÉE — NE PAS EXPÉDIER" in pdf_text(slip)
    assert "BLOQUÉE" not in pdf_text(render("slip", ["CMD-1"])[0])
    picklist, _ = render("picklist", ["CMD-1", "CMD-2"])
    assert pdf_text(picklist).count("BLOQUÉE") == 1


def test_print_label_refuses_a_held_order(shop, sqlite_path, tmp_path):
    out = tmp_path / "labels.pdf"
    done = subprocess.run([sys.executable, "-m", "packstation", "--db", str(sqlite_path), "--lang", "en",
                           "print", "label", "CMD-2", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "Order CMD-2 is on hold: no label until it is released" in done.stderr
    assert not out.exists()


def test_the_manifest_s_hand_over_date_is_the_day_it_is_confirmed(shop):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from packstation.services.manifests import manifest_data
    from packstation.services.printing import shop_document

    # Friday 27 November 2026, 19:00 in Paris: Colissimo's next pickup is on Monday.
    evening = dt.datetime(2026, 11, 27, 19, 0, tzinfo=ZoneInfo("Europe/Paris"))
    data = manifest_data(["colissimo"], shop_document(), language="fr", now=evening)
    assert data.pickup_at == evening
