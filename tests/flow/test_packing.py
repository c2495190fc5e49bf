"""The packing flow: every answer a scan can get, stored as it happens."""

import pytest

from packstation.core import i18n
from packstation.db.models import Event, Order, OrderLine, OrderStatus, Product, ScanRecord, Shipment
from packstation.services.packing import PackingStation
from tests.helpers import BISCUITS, BISCUITS_6, MUG, OTHER, TEA, import_rows, shop_rows

TO_AZERTY = str.maketrans("1234567890", '&é"\'(-è_çà')


@pytest.fixture
def shop(db, tmp_path):
    report = import_rows(tmp_path, shop_rows())
    assert report.ok
    Product.update(stock=50).execute()
    return db


@pytest.fixture
def station(shop):
    return PackingStation("Table 1", "Alice")


def outcomes(station, *scans):
    return [station.handle(scan).outcome.code for scan in scans]


def test_open_verify_and_complete(station):
    opened = station.handle("CMD-1")
    assert (opened.outcome.code, opened.order, opened.ok) == ("order_opened", "CMD-1", True)
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKING
    first = station.handle(MUG)
    assert (first.outcome.code, first.line.verified, first.line.quantity) == ("verified", 1, 2)
    assert "1/2" in first.message
    station.handle(MUG)
    done = station.handle(TEA)
    assert done.outcome.code == "order_complete" and done.tone.value == "complete"
    order = Order.get(Order.ref == "CMD-1")
    assert order.status == OrderStatus.PACKED
    shipment = Shipment.get(Shipment.order == order)
    assert shipment.tracking == done.tracking and shipment.packer == "Alice"
    assert shipment.weight_g == 150 + 100 + 2 * 320  # packaging + product weights
    assert {p.sku: p.stock for p in Product.select()}["MUG"] == 48
    assert not station.has_order


def test_every_scan_is_stored_with_its_outcome(station):
    outcomes(station, "CMD-1", MUG, OTHER, "5901234123458", MUG, MUG, TEA)
    stored = [s.outcome for s in ScanRecord.select().order_by(ScanRecord.id)]
    assert stored == ["order_opened", "verified", "wrong_item", "misread", "verified",
                      "too_many", "verified"]


@pytest.mark.parametrize("scan, outcome, words", [
    (OTHER, "wrong_item", "remettez"),
    ("2000000000015", "unknown_code", "inconnu"),
    ("5901234123458", "misread", "scannez à nouveau"),
    ("CMD-2", "other_order_open", "abandonnez-la (F8)"),
])
def test_errors_say_what_to_do(station, scan, outcome, words):
    station.handle("CMD-1")
    answer = station.handle(scan)
    assert answer.outcome.code == outcome
    assert not answer.ok and answer.tone.value in ("error", "info")
    assert words in answer.message
    assert all(line.verified == 0 for line in OrderLine.select().join(Order).where(Order.ref == "CMD-1"))


def test_scanning_the_open_order_again_is_harmless(station):
    station.handle("CMD-1")
    answer = station.handle("CMD-1")
    assert answer.outcome.code == "already_open" and "déjà ouverte" in answer.message


def test_too_many_refuses_the_extra_unit(station):
    station.handle("CMD-1")
    station.handle(MUG)
    station.handle(MUG)
    answer = station.handle(MUG)
    assert answer.outcome.code == "too_many"
    assert OrderLine.get(OrderLine.sku == "MUG").verified == 2


def test_no_order_open(station):
    answer = station.handle(TEA)
    assert answer.outcome.code == "no_order" and "scannez d'abord" in answer.message
    assert station.handle("NOPE-42").outcome.code == "order_not_found"


def test_azerty_scans(station):
    assert station.handle("CMD-1").ok
    answer = station.handle(MUG.translate(TO_AZERTY))
    assert answer.outcome.code == "verified"


def test_upc_a_equals_ean13(shop, tmp_path):
    from tests.helpers import row
    upc = "036000291452"
    import_rows(tmp_path, [row("UPC-1", "CEREAL", 1, ean="0" + upc)], name="upc.csv")
    station = PackingStation("Table 1")
    station.handle("UPC-1")
    assert station.handle(upc).outcome.code == "order_complete"


def test_multipack_counts_units_and_a_pack_too_many_is_refused(station):
    station.handle("CMD-2")              # 7 biscuits: one 6-pack and one unit
    pack = station.handle(BISCUITS_6)
    assert (pack.outcome.code, pack.units, pack.line.verified) == ("verified", 6, 6)
    second_pack = station.handle(BISCUITS_6)
    assert second_pack.outcome.code == "too_many" and "6" in second_pack.message
    assert station.handle(BISCUITS).outcome.code == "order_complete"


def test_fifth_unit_on_a_four_unit_line_is_refused(station):
    station.handle("CMD-3")              # 2 spoons without barcode, 4 teas
    for _ in range(4):
        assert station.handle(TEA).outcome.code == "verified"
    fifth = station.handle(TEA)
    assert fifth.outcome.code == "too_many"
    assert OrderLine.get(OrderLine.sku == "TEA", OrderLine.order == Order.get(Order.ref == "CMD-3")).verified == 4


def test_line_without_barcode_is_confirmed_and_logged(station):
    station.handle("CMD-3")
    for _ in range(4):
        station.handle(TEA)
    first = station.handle("PSC01")      # the command barcode
    assert first.outcome.code == "confirmed" and "sans code-barres" in first.message
    assert station.handle(":confirm").outcome.code == "order_complete"
    line = OrderLine.get(OrderLine.sku == "SPOON")
    assert line.confirmed_without_barcode == 2
    assert Event.select().where(Event.kind == "confirmed_without_barcode").count() == 2


def test_nothing_to_confirm(station):
    station.handle("CMD-1")
    assert station.handle("PSC01").outcome.code == "nothing_to_confirm"


def test_sku_scanned_as_text(station):
    station.handle("CMD-3")
    assert station.handle("spoon").outcome.code == "verified"


def test_abandon_needs_a_reason_and_keeps_the_scans(station):
    station.handle("CMD-1")
    station.handle(MUG)
    assert station.abandon("").outcome.code == "reason_needed"
    answer = station.handle(":abandon carton abîmé")
    assert answer.outcome.code == "abandoned" and "carton abîmé" in answer.message
    order = Order.get(Order.ref == "CMD-1")
    assert order.status == OrderStatus.PENDING and order.claimed_station is None
    assert ScanRecord.select().where(ScanRecord.order == order).count() == 2
    assert Event.get(Event.kind == "abandoned").reason == "carton abîmé"


def test_two_stations_never_hold_the_same_order(shop):
    one, two = PackingStation("Table 1"), PackingStation("Table 2")
    assert one.handle("CMD-1").outcome.code == "order_opened"
    taken = two.handle("CMD-1")
    assert taken.outcome.code == "order_taken" and "Table 1" in taken.message


def test_resume_after_restart(station):
    station.handle("CMD-1")
    station.handle(MUG)
    again = PackingStation("Table 1")
    resumed = again.resume()
    assert resumed.outcome.code == "order_resumed" and again.order_ref == "CMD-1"
    assert [line.verified for line in again.lines] == [0, 1]
    again.handle(MUG)
    assert again.handle(TEA).outcome.code == "order_complete"


def test_weight_prompt(shop):
    station = PackingStation("Table 1", ask_weight=True)
    station.handle("CMD-4")
    waiting = station.handle(OTHER)
    assert waiting.outcome.code == "awaiting_weight" and waiting.weight_g == 250
    assert station.handle("beaucoup").outcome.code == "bad_weight"
    # More than three times the computed weight: asked again, then taken when typed twice.
    assert station.handle("1,2 kg").outcome.code == "bad_weight" and station.has_order
    done = station.handle("1,2 kg")
    assert done.outcome.code == "order_complete" and Shipment.get().weight_g == 1200


def test_held_and_cancelled_orders_cannot_be_opened(station):
    Order.update(status=OrderStatus.ON_HOLD, hold_reason="fraude ?").where(Order.ref == "CMD-1").execute()
    Order.update(status=OrderStatus.CANCELLED).where(Order.ref == "CMD-2").execute()
    assert station.handle("CMD-1").outcome.code == "order_on_hold"
    assert station.handle("CMD-2").outcome.code == "order_cancelled"


def test_already_packed(station):
    outcomes(station, "CMD-4", OTHER)
    assert station.handle("CMD-4").outcome.code == "order_already_packed"


def test_next_order_from_the_queue(station):
    answer = station.handle("PSC05")
    assert answer.outcome.code == "order_opened" and answer.order == "CMD-1"


def test_messages_in_english(station):
    i18n.set_language("en")
    assert station.handle(TEA).message.startswith("No order open")
    station.handle("CMD-1")
    assert "put" in station.handle(OTHER).message
