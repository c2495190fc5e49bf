"""The order of the packing queue: which order the packer should take next.

The rule, most significant first:

1. orders that can be packed before blocked ones (short of stock, on hold);
2. the order whose carrier comes first (an order with no known carrier last);
3. express before standard;
4. the oldest order first;
5. the order reference, compared naturally ("#999" before "#1000"), so that the
   queue never changes order between two refreshes.

:func:`queue_key` turns one order's facts into a sortable tuple; :func:`sort_queue`
sorts anything that carries those facts.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Protocol, TypeVar

# An order without a carrier sorts after every real pickup.
_NO_PICKUP = datetime.max.replace(tzinfo=timezone.utc)
_DIGITS = re.compile(r"(\d+)")

QueueKey = tuple[bool, datetime, bool, datetime, tuple[tuple[Any, ...], str]]


class Queueable(Protocol):
    """What :func:`sort_queue` reads from an item when no key is given."""

    next_pickup: datetime | None
    express: bool
    ordered_at: datetime
    blocked: bool
    ref: str


def queue_key(next_pickup: datetime | None, express: bool, ordered_at: datetime,
              blocked: bool, ref: str) -> QueueKey:
    """A tuple that sorts orders most urgent first (see the module's rule)."""
    for name, moment in (("next_pickup", next_pickup), ("ordered_at", ordered_at)):
        if moment is not None and (moment.tzinfo is None or moment.utcoffset() is None):
            raise ValueError(f"{name} must be an aware datetime, got {moment!r}")
    # In UTC: datetimes of one zone compare by wall clock, an hour off around DST.
    pickup = _NO_PICKUP if next_pickup is None else next_pickup.astimezone(timezone.utc)
    return (bool(blocked), pickup, not express, ordered_at.astimezone(timezone.utc),
            natural_key(ref))


def natural_key(ref: str) -> tuple[tuple[Any, ...], str]:
    """A reference sorted as a person would: digit runs as numbers, text without case.

    Pieces alternate text and number, always starting with text, so two keys compare
    text with text and number with number.
    """
    pieces = _DIGITS.split(ref.casefold())
    loose = tuple(int(piece) if index % 2 else piece for index, piece in enumerate(pieces))
    return (loose, ref)  # the exact ref breaks ties: "A01" and "a1" still have an order


T = TypeVar("T")


def item_key(item: Queueable) -> QueueKey:
    """The queue key of an object with the :class:`Queueable` attributes."""
    return queue_key(item.next_pickup, item.express, item.ordered_at, item.blocked, item.ref)


def sort_queue(items: Iterable[T], key: Callable[[T], QueueKey] | None = None) -> list[T]:
    """The items most urgent first. ``key`` maps an item to :func:`queue_key`'s tuple;
    by default the item's own ``next_pickup``, ``express``, ``ordered_at``, ``blocked``
    and ``ref`` attributes are read."""
    return sorted(items, key=key or item_key)  # type: ignore[arg-type]
