"""Where a customs declaration is needed; the relay point on the packing slip."""

from __future__ import annotations

import pytest

from packstation.shipping.customs import needs_customs


@pytest.mark.parametrize("country, postcode, needed", [
    ("FR", "75011", False), ("BE", "1000", False), ("DE", "10115", False), ("MC", "98000", False),
    ("CH", "8001", True), ("GB", "SW1A 1AA", True), ("NO", "0150", True), ("US", "10001", True),
    ("AD", "AD500", True),
    ("ES", "28001", False), ("ES", "35001", True), ("ES", "38001", True),   # Canary Islands
    ("FR", "97100", True), ("FR", "97400", True), ("FR", "976 00", True),  # overseas departments
    ("GP", "97100", True), ("RE", "97400", True),
    ("DE", "27498", True),   # Heligoland
])
def test_the_eu_customs_territory(country, postcode, needed):
    assert needs_customs(country, postcode) is needed


def test_from_outside_the_customs_territory_everything_else_needs_one():
    assert needs_customs("FR", "75011", origin="CH") is True
    assert needs_customs("CH", "8001", origin="CH") is False


def test_the_relay_point_is_shown_on_the_slip(make_shop):
    from packstation.db.models import Order
    from packstation.services.printing import render
    from tests.documents.pdfs import pdf_text

    config = make_shop()
    Order.update(pickup_point="066974").where(Order.ref == "M-RELAY").execute()
    document, _ = render("slip", ["M-RELAY"], config=config)
    assert "Point relais : 066974" in pdf_text(document)
    document, _ = render("slip", ["C-HOME"], config=config)
    assert "Point relais" not in pdf_text(document)
