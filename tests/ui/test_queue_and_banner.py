"""The queue model (paging, filters, states) and the countdown banner's colours."""

from __future__ import annotations

import datetime as dt

import pytest

from packstation.db.models import Order, OrderStatus, Product
from tests.ui.conftest import WEDNESDAY_9H


@pytest.fixture
def model(shop):
    from packstation.ui.queue_model import QueueModel

    model = QueueModel(lambda: WEDNESDAY_9H, page_size=2)
    model.reload()
    return model


def all_refs(model) -> list[str]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.ref_at(row) for row in range(model.rowCount())]


def test_the_queue_model_passes_the_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)


def test_the_queue_pages_lazily(model):
    assert model.total == 4
    assert model.rowCount() == 2
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 4
    assert not model.canFetchMore()


def test_rows_show_ready_made_texts(model):
    from packstation.ui.queue_model import Column

    row = all_refs(model).index("CMD-2")
    values = [model.index(row, column).data() for column in Column]
    assert values[Column.REF] == "CMD-2"
    assert values[Column.CUSTOMER] == "Γιώργος Παπαδόπουλος — Αθήνα"
    assert values[Column.CARRIER] == "Colissimo"
    assert values[Column.ITEMS] == "7"
    assert values[Column.STATE] == "prête"


@pytest.mark.parametrize("state, expected", [
    ("all", {"CMD-1", "CMD-2", "CMD-3", "CMD-4"}),
    ("ready", {"CMD-1", "CMD-4"}),
    ("short", {"CMD-2"}),
    ("on_hold", {"CMD-3"}),
    ("packing", set()),
])
def test_filters_by_state(model, state, expected):
    from packstation.services.stock import short_orders
    from packstation.ui.queue_model import StateFilter

    Order.update(status=OrderStatus.ON_HOLD, hold_reason="risque élevé") \
        .where(Order.ref == "CMD-3").execute()
    Product.update(stock=0).where(Product.sku == "BISC").execute()
    Product.update(stock=100).where(Product.sku != "BISC").execute()
    model.set_short(short_orders(WEDNESDAY_9H))
    model.set_filter(state=StateFilter(state))
    assert set(all_refs(model)) == expected
    if state == "all":
        states = {model.ref_at(r): model.index(r, 5).data() for r in range(model.rowCount())}
        assert states["CMD-2"] == "stock insuffisant"
        assert states["CMD-3"] == "bloquée : risque élevé"


def test_filters_by_carrier_and_search(model, tmp_path):
    from packstation.db.models import Carrier
    from tests.helpers import TEA, import_rows, row

    import_rows(tmp_path, [row("CMD-7", "TEA", 1, ean=TEA, carrier="DPD Predict",
                               customer_name="Lukas Müller", city="Zürich")], name="dpd.csv")
    dpd = Carrier.get(Carrier.code == "dpd")
    model.set_filter(carrier_id=dpd.id)
    assert all_refs(model) == ["CMD-7"]
    model.set_filter(search="zürich")
    assert all_refs(model) == ["CMD-7"]
    model.set_filter(search="CMD-2")
    assert all_refs(model) == ["CMD-2"]


def test_another_table_packing_an_order_is_shown(model):
    from packstation.ui.queue_model import StateFilter

    Order.update(status=OrderStatus.PACKING, claimed_station="Table 2").where(Order.ref == "CMD-4").execute()
    model.set_filter(state=StateFilter.PACKING)
    assert all_refs(model) == ["CMD-4"]
    assert model.index(0, 5).data() == "en cours sur Table 2"


# -- the countdown ------------------------------------------------------------------------

PARIS_OFFSET = dt.timedelta(hours=1)  # November


def paris(hour: int, minute: int = 0, day: int = 25) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=dt.timezone.utc) - PARIS_OFFSET


@pytest.mark.parametrize("now, state, big, detail", [
    # Four Colissimo orders at the default pace of 2 min: 8 min of work before 15:00.
    (paris(9), "on_track", "6 h", "4 commandes restantes, ~8 min à votre rythme — dans les temps"),
    (paris(14, 45), "tight", "15 min", "— dans les temps, mais juste (7 min de marge)"),
    (paris(14, 55), "behind", "5 min", "— en retard, 2 commandes le manqueront"),
    # The evening: the next pickup and its projection, not "missed" all evening.
    (paris(15, 30), "on_track", "demain 15:00", "4 commandes restantes, ~8 min à votre rythme — dans les temps"),
    (paris(16, 0, day=27), "on_track", "lundi 15:00", "4 commandes restantes"),
])
def test_the_countdown_colours_follow_the_projection(qtbot, shop, now, state, big, detail):
    from packstation.services.carriers import load_schedules
    from packstation.services.pickups import carrier_projections
    from packstation.ui import theme
    from packstation.ui.banner import CountdownBanner

    banner = CountdownBanner()
    qtbot.addWidget(banner)
    schedules = {s.code: s for s in load_schedules().values()}
    banner.show_projections(carrier_projections(now), schedules)
    tile = next(t for t in banner.tiles if t.text.title.startswith("Colissimo"))
    assert tile.text.state == state
    assert tile.big.text() == big
    assert detail in tile.detail.text()
    assert theme.BANNER_SWATCHES[state].background in tile.styleSheet()
    others = [t.text.state for t in banner.tiles if t is not tile]
    assert set(others) <= {"none_left"}  # the other carriers have no order


def test_the_window_banner_uses_the_injected_clock(qtbot, make_window, config):
    window = make_window(config, clock=lambda: paris(14, 55))
    assert "behind" in window.banner.states()


def test_the_evening_banner_shows_the_next_pickup_and_counts_the_evening_orders(qtbot, make_window, config,
                                                                                tmp_path):
    from tests.helpers import import_rows, row

    # An order placed at 18:00, after today's 15:00 pickup, counts for tomorrow's.
    assert import_rows(tmp_path, [row("CMD-9", "TEA", 1, ean="", order_date="2026-11-25 18:00",
                                      carrier="Colissimo")], name="evening.csv").ok
    window = make_window(config, clock=lambda: paris(19))
    tile = next(t for t in window.banner.tiles if t.text.title.startswith("Colissimo"))
    assert tile.title.text() == "Colissimo — prochain passage"
    assert tile.big.text() == "demain 15:00"
    assert tile.detail.text().startswith("5 commandes restantes")
    assert tile.text.state == "on_track" and "Manqué" not in tile.detail.text()


def test_the_tiles_keep_their_height_whatever_their_verdict_says(qtbot, make_window, config):
    window = make_window(config, clock=lambda: paris(9))
    qtbot.wait(20)  # the tiles laid out
    height = window.banner.height()
    assert len({tile.height() for tile in window.banner.tiles}) == 1
    # Nothing left to pack anywhere: every verdict is one short line.
    Order.update(status=OrderStatus.CANCELLED).execute()
    window.refresh_projections()
    qtbot.wait(20)
    assert set(window.banner.states()) == {"none_left"}
    assert window.banner.height() == height
