"""The refresh after a scan never holds up the packer: the change poll's queue reading
runs on the pool (the UI thread only applies its result), and the queue's first page is
read from the index, with no query that sorts every order in the queue."""

from __future__ import annotations

import pytest
from playhouse.test_utils import count_queries

from packstation.db.models import Order, OrderStatus
from packstation.ui.background import Background
from packstation.ui.queue_model import STATE_ROLE
from tests.helpers import MUG


class DeferredPool(Background):
    """A pool whose tasks wait until the test runs them (then in order, on this thread)."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.tasks: list = []

    def submit(self, function, callback, on_error=None) -> None:
        self.tasks.append((function, callback))

    def run_all(self) -> list:
        done, self.tasks = self.tasks, []
        results = []
        for function, callback in done:
            result = function()
            results.append(result)
            callback(result)
        return results


@pytest.fixture
def deferred_window(qtbot, shop, config):
    from packstation.services.station import build_station
    from packstation.ui.window import StationWindow

    pool = DeferredPool()
    window = StationWindow(build_station(config), config, background=pool, poll_ms=3_600_000)
    qtbot.addWidget(window)
    window.start(None)
    pool.run_all()
    yield window, pool
    window.close()


def _sorting_queue_queries(queries) -> list[str]:
    """The queries that sort the pending orders by the queue's CASE over carriers (which
    reads and sorts every one of them; the few on hold may be sorted so)."""
    return [query.msg[0] for query in queries
            if "ORDER BY CASE" in query.msg[0] and "pending" in list(query.msg[1] or ())]


def test_the_window_opens_with_its_first_page_read_from_the_index(qtbot, shop, config):
    from packstation.services.station import build_station
    from packstation.ui.window import StationWindow

    pool = DeferredPool()
    with count_queries() as counted:
        window = StationWindow(build_station(config), config, background=pool, poll_ms=3_600_000)
        qtbot.addWidget(window)
        window.start(None)
    assert window.queue_model.rowCount() == 4  # there at once, before any pool task
    assert _sorting_queue_queries(counted.get_queries()) == []
    window.close()


def test_the_poll_after_a_scan_reads_the_queue_on_the_pool_without_sorting_it(deferred_window):
    window, pool = deferred_window
    model = window.queue_model
    row = model.row_of("CMD-1")
    assert model.index(row, 0).data(STATE_ROLE) == "ready"

    window.scan("CMD-1")
    window.scan(MUG)
    assert window.last_answer.ok
    with count_queries() as on_ui_thread:
        window.poll()  # the scans changed the database: the poll refreshes
        window.refresh_all()
    assert pool.tasks, "the queue's reading was handed to the pool"
    assert not any("orders" in query.msg[0] and "LIMIT" in query.msg[0]
                   for query in on_ui_thread.get_queries()), "no page of the queue read on the UI thread"
    assert model.index(row, 0).data(STATE_ROLE) == "ready"  # unchanged until the reading is back

    with count_queries() as on_pool:
        pool.run_all()
    assert _sorting_queue_queries(on_pool.get_queries()) == []
    assert model.row_of("CMD-1") == row  # a packing order keeps its place
    assert model.index(row, 0).data(STATE_ROLE) == "packing"  # applied in one batch on this thread
    assert Order.get(Order.ref == "CMD-1").status == OrderStatus.PACKING


def test_an_older_reading_coming_back_late_is_dropped(deferred_window):
    window, pool = deferred_window
    model = window.queue_model
    window.refresh_all()  # reading 1
    window.scan("CMD-1")
    window.refresh_all()  # reading 2, after CMD-1 was opened
    readings = [task for task in pool.tasks if task[1] == model.apply_page]
    assert len(readings) == 2
    first, second = readings
    pool.tasks = []
    newer = second[0]()
    older = first[0]()
    second[1](newer)
    first[1](older)  # late: ignored
    assert model.index(model.row_of("CMD-1"), 0).data(STATE_ROLE) == "packing"
