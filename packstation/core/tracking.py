"""Tracking numbers the station assigns when the carrier gave none.

They follow the UPU S10 shape (two letters, eight digits, a check digit, a country
code: ``PS000012345FR``) so that they read like the parcel numbers packers know, and
they are unique because they derive from the order's database id.
"""

from __future__ import annotations

_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> str:
    if len(serial) != 8 or not serial.isdigit():
        raise ValueError(f"an S10 serial has 8 digits, not {serial!r}")
    remainder = 11 - sum(int(d) * w for d, w in zip(serial, _WEIGHTS)) % 11
    return {10: "0", 11: "5"}.get(remainder, str(remainder))


def station_tracking(order_id: int, carrier_code: str = "", country: str = "FR") -> str:
    """The station's own tracking number for the order with this database id."""
    prefix = (carrier_code[:2] or "PS").upper().ljust(2, "X")
    serial = f"{order_id % 100_000_000:08d}"
    return f"{prefix}{serial}{s10_check_digit(serial)}{(country or 'FR').upper()[:2]}"


def is_s10(number: str) -> bool:
    return (
        len(number) == 13 and number[:2].isalpha() and number[-2:].isalpha()
        and number[2:11].isdigit() and s10_check_digit(number[2:10]) == number[10]
    )
