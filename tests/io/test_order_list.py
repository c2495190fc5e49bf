"""A big file's orders kept compact (OrderList): it reads and builds as a list would."""

from __future__ import annotations

import pytest

from packstation.io import generic, parse
from packstation.io.model import OrderList, editing_orders
from tests.helpers import line_row, row, shop_rows, write_csv


@pytest.fixture
def compact(monkeypatch):
    monkeypatch.setattr(generic, "_COMPACT_ABOVE", 1)
    monkeypatch.setattr(OrderList, "BLOCK", 2)


def _rows() -> list[dict]:
    rows = shop_rows()
    rows += [row(f"MORE-{index}", "TEA", 1 + index) for index in range(7)]
    rows.append(line_row("CMD-1", "SPOON", 3))          # comes back to a built order
    rows.append(line_row("MORE-2", "MUG", 1, unit_price="x"))  # refuses a built order
    rows.append(line_row("MORE-4", "MUG", 2))
    return rows


def test_a_compact_parse_gives_the_orders_and_errors_of_a_plain_one(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "orders.csv", _rows())
    plain = parse(path)
    assert isinstance(plain.orders, list)
    monkeypatch.setattr(generic, "_COMPACT_ABOVE", 1)
    monkeypatch.setattr(OrderList, "BLOCK", 2)
    compact = parse(path)
    assert isinstance(compact.orders, OrderList)
    assert compact.orders == plain.orders and list(compact.orders) == plain.orders
    assert [error.line for error in compact.errors] == [error.line for error in plain.errors]
    assert "MORE-2" not in [order.ref for order in compact.orders]
    cmd1 = next(order for order in compact.orders if order.ref == "CMD-1")
    assert [line.sku for line in cmd1.lines] == ["TEA", "MUG", "SPOON"]
    assert [order.ref for order in compact.orders[2:5]] == [order.ref for order in plain.orders[2:5]]
    assert compact.orders[-1] == plain.orders[-1]


def test_an_order_list_keeps_what_is_written_back(compact):
    orders = parse_orders_for_test()
    store = OrderList(orders)
    assert len(store) == len(orders) and store == orders
    for order in editing_orders(store):
        order.note = f"seen {order.ref}"
    assert [order.note for order in store] == [f"seen {order.ref}" for order in orders]
    first = store[0]
    first.note = "changed"
    store[0] = first
    store[1] = None
    assert store[0].note == "changed" and store[1] is None
    assert len(store.compacted()) == len(orders) - 1
    with pytest.raises(IndexError):
        store[len(store)]


def parse_orders_for_test():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return list(parse(write_csv(Path(folder) / "o.csv", _rows())).orders)
