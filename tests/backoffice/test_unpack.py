"""Unpacking a packed order: back to pending, stock back, the shipment kept in the log."""

from __future__ import annotations

import pytest

from packstation.core.errors import InputError, NotFoundError, StateError
from packstation.db.models import Event, Order, OrderLine, OrderStatus, Product, Shipment
from packstation.services.manifests import hand_over
from packstation.services.unpack import unpack
from tests.backoffice.conftest import pack


def stock() -> dict[str, int]:
    return {product.sku: product.stock for product in Product.select()}


def test_unpack_puts_the_order_back_in_the_queue(shop):
    packed = pack("CMD-1")
    assert stock()["TEA"] == 49 and stock()["MUG"] == 48
    shipment = Shipment.get(Shipment.order == Order.get(Order.ref == "CMD-1"))

    order = unpack("CMD-1", reason="carton abîmé", by="Bob", station="Table 2")

    assert order.status == OrderStatus.PENDING
    assert (order.claimed_station, order.claimed_packer, order.claimed_at) == (None, None, None)
    assert Shipment.select().where(Shipment.order == order).count() == 0
    assert [(line.verified, line.confirmed_without_barcode) for line in order.lines] == [(0, 0), (0, 0)]
    assert stock()["TEA"] == 50 and stock()["MUG"] == 50
    event = Event.get((Event.order == order) & (Event.kind == "unpacked"))
    assert (event.packer, event.station, event.reason) == ("Bob", "Table 2", "carton abîmé")
    assert event.data["shipment"]["tracking"] == packed.tracking == shipment.tracking
    assert event.data["shipment"]["weight_g"] == shipment.weight_g
    assert event.data["shipment"]["packer"] == "Alice"
    assert event.data["stock_returned"] == {"MUG": 2, "TEA": 1}


def test_an_unpacked_order_packs_again_with_the_same_tracking(sqlite_shop):
    first = pack("CMD-1")
    unpack("CMD-1", reason="mauvais carton", by="Bob")
    again = pack("CMD-1")
    assert again.tracking == first.tracking
    assert Shipment.get(Shipment.tracking == first.tracking).order.ref == "CMD-1"
    assert stock()["MUG"] == 48


def test_a_line_confirmed_without_barcode_is_reset_too(sqlite_shop):
    pack("CMD-3")
    spoon = OrderLine.get(OrderLine.sku == "SPOON")
    assert spoon.confirmed_without_barcode == 2
    unpack("CMD-3", reason="cuillère cassée", by="Bob")
    spoon = OrderLine.get(OrderLine.sku == "SPOON")
    assert (spoon.verified, spoon.confirmed_without_barcode) == (0, 0)


@pytest.mark.parametrize("reason, by, words", [
    ("", "Bob", "pourquoi"),
    ("   ", "Bob", "pourquoi"),
    ("carton abîmé", "", "votre nom"),
])
def test_a_reason_and_a_name_are_required(sqlite_shop, reason, by, words):
    pack("CMD-1")
    with pytest.raises(InputError) as caught:
        unpack("CMD-1", reason=reason, by=by)
    assert words in caught.value.message
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKED
    assert Shipment.select().count() == 1


def test_a_shipped_order_is_refused_with_a_clear_message(shop):
    pack("CMD-1")
    hand_over("colissimo", station="Table 1")
    with pytest.raises(StateError) as caught:
        unpack("CMD-1", reason="erreur", by="Bob")
    assert "remise au transporteur" in caught.value.message
    assert "retour" in caught.value.message
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.SHIPPED
    assert Shipment.select().count() == 1 and stock()["MUG"] == 48
    assert not Event.select().where(Event.kind == "unpacked").exists()


@pytest.mark.parametrize("ref, error, words", [
    ("CMD-2", StateError, "en attente"),
    ("CMD-404", NotFoundError, "introuvable"),
])
def test_only_a_packed_order_can_be_unpacked(sqlite_shop, ref, error, words):
    with pytest.raises(error) as caught:
        unpack(ref, reason="erreur", by="Bob")
    assert words in caught.value.message
    assert stock()["BISC"] == 50
