"""The order of the packing queue."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from packstation.core.priority import natural_key, queue_key, sort_queue

PARIS = ZoneInfo("Europe/Paris")
TODAY_15 = datetime(2026, 7, 1, 15, 0, tzinfo=PARIS)
TODAY_17 = datetime(2026, 7, 1, 17, 0, tzinfo=PARIS)
MORNING = datetime(2026, 7, 1, 8, 0, tzinfo=PARIS)
YESTERDAY = datetime(2026, 6, 30, 8, 0, tzinfo=PARIS)


@dataclass(frozen=True)
class Order:
    ref: str
    next_pickup: datetime | None = TODAY_15
    express: bool = False
    ordered_at: datetime = MORNING
    blocked: bool = False


def key(order: Order) -> tuple:
    return queue_key(order.next_pickup, order.express, order.ordered_at, order.blocked,
                     order.ref)


BASE = Order("#1000")

# (first, second, why): the first must be packed before the second.
BEFORE = [
    (BASE, replace(BASE, blocked=True), "packable before blocked"),
    (replace(BASE, next_pickup=None), replace(BASE, blocked=True, next_pickup=TODAY_15),
     "no carrier but packable before blocked"),
    (BASE, replace(BASE, next_pickup=TODAY_17, express=True, ordered_at=YESTERDAY),
     "earlier pickup beats express and age"),
    (replace(BASE, next_pickup=TODAY_17), replace(BASE, next_pickup=None),
     "no carrier comes last"),
    (replace(BASE, blocked=True), replace(BASE, blocked=True, next_pickup=None),
     "no carrier comes last among blocked too"),
    (replace(BASE, express=True), replace(BASE, ordered_at=YESTERDAY),
     "express beats age"),
    (replace(BASE, ordered_at=YESTERDAY), BASE, "oldest first"),
    (Order("#999"), Order("#1000"), "refs compared as numbers"),
    (Order("a-2"), Order("A-10"), "refs without case"),
    (Order("A1"), Order("a1"), "an exact tiebreak even for refs equal without case"),
    # 14:00 in Paris is 12:00 UTC: before 12:30 UTC, although "14:00" > "12:30".
    (replace(BASE, next_pickup=datetime(2026, 7, 1, 14, 0, tzinfo=PARIS)),
     replace(BASE, next_pickup=datetime(2026, 7, 1, 12, 30, tzinfo=timezone.utc)),
     "pickups in different zones compared as instants"),
    # 02:45 CEST (00:45 UTC) comes before 02:30 CET (01:30 UTC) on 25 October.
    (replace(BASE, next_pickup=datetime(2026, 10, 25, 2, 45, tzinfo=PARIS)),
     replace(BASE, next_pickup=datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=PARIS)),
     "the hour repeated in autumn"),
    (replace(BASE, ordered_at=datetime(2026, 10, 25, 2, 45, tzinfo=PARIS)),
     replace(BASE, ordered_at=datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=PARIS)),
     "orders placed in the repeated hour"),
]


@pytest.mark.parametrize("first, second, why", BEFORE, ids=[case[2] for case in BEFORE])
def test_queue_order(first, second, why):
    assert key(first) < key(second)
    assert sort_queue([second, first]) == [first, second]


def test_a_whole_queue_in_order():
    expected = [
        Order("#7", next_pickup=TODAY_15, express=True),
        Order("#3", next_pickup=TODAY_15, ordered_at=YESTERDAY),
        Order("#4", next_pickup=TODAY_15),
        Order("#12", next_pickup=TODAY_15),
        Order("#1", next_pickup=TODAY_17, express=True, ordered_at=YESTERDAY),
        Order("#2", next_pickup=None, express=True),
        Order("#5", next_pickup=None),
        Order("#6", next_pickup=TODAY_15, blocked=True),
        Order("#8", next_pickup=None, blocked=True),
    ]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert sort_queue(shuffled) == expected
    assert sort_queue(shuffled, key=key) == expected


def test_a_custom_key_reads_any_item():
    rows = [{"ref": "B", "pickup": TODAY_17}, {"ref": "A", "pickup": TODAY_15}]
    ordered = sort_queue(rows, key=lambda row: queue_key(row["pickup"], False, MORNING,
                                                          False, row["ref"]))
    assert [row["ref"] for row in ordered] == ["A", "B"]


@pytest.mark.parametrize("refs", [
    ["#2", "#10", "#100"],
    ["CMD-2026-9", "CMD-2026-10"],
    ["a", "A1", "a2", "b"],
    ["", "0", "00", "1"],
    ["A01", "a1", "A2"],        # "A01" and "a1" tie loosely; the exact text decides
])
def test_natural_key_sorts_references_as_a_person_would(refs):
    assert sorted(reversed(refs), key=natural_key) == refs


@pytest.mark.parametrize("pickup, ordered_at", [
    (datetime(2026, 7, 1, 15, 0), MORNING),
    (TODAY_15, datetime(2026, 7, 1, 8, 0)),
])
def test_naive_datetimes_are_bugs(pickup, ordered_at):
    with pytest.raises(ValueError):
        queue_key(pickup, False, ordered_at, False, "#1")
