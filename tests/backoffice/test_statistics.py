"""Statistics from a known day of packing: parcels, median times, mistakes caught."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from packstation.core import i18n
from packstation.services.packing import PackingStation
from packstation.services.statistics import (
    MISTAKES, Figures, Period, Statistics, last_7_days, statistics_for, to_csv, today,
)
from packstation.services.unpack import unpack
from tests.backoffice.conftest import Clock, paris
from tests.helpers import BISCUITS, BISCUITS_6, MUG, OTHER, TEA

NOW = paris("2026-11-25 18:00")   # a Wednesday
UNKNOWN = "2000000000015"         # a valid EAN that no product has
MISREAD = "5901234123458"         # a bad check digit


def work(station: PackingStation, clock: Clock, start: str, scans: list[str], seconds: float) -> None:
    """Open at ``start`` (Paris), scan ``scans`` evenly, the last one ``seconds`` later."""
    clock.now = paris(start)
    for position, scan in enumerate(scans):
        if position:
            clock.now = paris(start) + dt.timedelta(seconds=seconds * position / (len(scans) - 1))
        station.handle(scan)


def fill_known_week() -> None:
    """Alice packs CMD-1 (90 s, one item too many) and CMD-2 (30 s, a wrong item) at 9 h;
    Bob packs CMD-3 at 14 h (120 s, an unknown code and a misread) and CMD-4 on Sunday
    the 22nd (60 s). A wrong scan on the 26th is outside every period asked."""
    clock = Clock(NOW)
    alice = PackingStation("Table 1", "Alice", clock=clock)
    bob = PackingStation("Table 2", "Bob", clock=clock)
    work(bob, clock, "2026-11-22 10:00", ["CMD-4", OTHER], 60)
    work(alice, clock, "2026-11-25 09:00", ["CMD-1", TEA, TEA, MUG, MUG], 90)
    work(alice, clock, "2026-11-25 09:10", ["CMD-2", MUG, BISCUITS_6, BISCUITS], 30)
    work(bob, clock, "2026-11-25 14:00",
         ["CMD-3", UNKNOWN, MISREAD, ":confirm", ":confirm", TEA, TEA, TEA, TEA], 120)
    work(bob, clock, "2026-11-26 08:00", [":packer", "Bob", UNKNOWN], 1)


@pytest.fixture
def known_week(shop):
    fill_known_week()


@pytest.fixture
def sqlite_known_week(sqlite_shop):
    fill_known_week()


def mistakes(**counts: int) -> dict[str, int]:
    return {kind: counts.get(kind, 0) for kind in MISTAKES}


def test_today(known_week):
    stats = statistics_for(today(NOW))
    assert stats.period == Period(dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    assert stats.total == Figures("", 3, 90.0, mistakes(too_many=1, wrong_item=1, unknown_code=1, misread=1))
    assert stats.total.mistakes_total == 4
    assert stats.per_packer == [
        Figures("Alice", 2, 60.0, mistakes(too_many=1, wrong_item=1)),
        Figures("Bob", 1, 120.0, mistakes(unknown_code=1, misread=1)),
    ]
    assert [(f.key, f.parcels, f.mistakes_total) for f in stats.per_hour] == [
        ("09", 2, 2), ("10", 0, 0), ("11", 0, 0), ("12", 0, 0), ("13", 0, 0), ("14", 1, 2)]
    assert [(f.key, f.parcels) for f in stats.per_day] == [("2026-11-25", 3)]


def test_last_7_days(known_week):
    stats = statistics_for(last_7_days(NOW))
    assert (stats.period.first_day, stats.period.last_day) == (dt.date(2026, 11, 19), dt.date(2026, 11, 25))
    assert (stats.total.parcels, stats.total.median_seconds) == (4, 75.0)   # 30, 60, 90, 120
    assert [(f.key, f.parcels, f.median_seconds) for f in stats.per_packer] == [
        ("Alice", 2, 60.0), ("Bob", 2, 90.0)]
    assert [(f.key, f.parcels) for f in stats.per_day] == [
        ("2026-11-19", 0), ("2026-11-20", 0), ("2026-11-21", 0), ("2026-11-22", 1),
        ("2026-11-23", 0), ("2026-11-24", 0), ("2026-11-25", 3)]
    assert [f.key for f in stats.per_hour] == [f"{hour:02d}" for hour in range(9, 15)]


def test_an_unpacked_parcel_no_longer_counts(sqlite_known_week):
    unpack("CMD-2", reason="sablés écrasés", by="Alice")
    stats = statistics_for(today(NOW))
    assert (stats.total.parcels, stats.total.median_seconds) == (2, 105.0)
    assert stats.total.mistakes["wrong_item"] == 1   # the mistake was caught all the same


def test_an_empty_period(sqlite_db):
    stats = statistics_for(today(NOW))
    assert stats.total == Figures("", 0, None, mistakes())
    assert (stats.per_packer, stats.per_hour) == ([], [])
    assert [(f.key, f.parcels) for f in stats.per_day] == [("2026-11-25", 0)]


@pytest.mark.parametrize("day, hours", [
    (dt.date(2026, 3, 29), 23),     # clocks go forward in France
    (dt.date(2026, 10, 25), 25),    # and back
    (dt.date(2026, 11, 25), 24),
])
def test_a_day_is_the_shops_day(day, hours):
    period = Period(day, day)
    utc = dt.timezone.utc
    assert period.end.astimezone(utc) - period.start.astimezone(utc) == dt.timedelta(hours=hours)
    assert period.start.astimezone(dt.timezone.utc).hour in (22, 23)   # midnight in Paris


def read_csv(path, delimiter: str = ",") -> list[list[str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


@pytest.mark.parametrize("language, header, groups, hour, delimiter, one_and_a_half", [
    ("fr", ["Regroupement", "Nom", "Colis", "Temps médian (s)", "Temps médian (min)", "Erreurs évitées",
            "Mauvais article", "Article en trop", "Code inconnu", "Mauvaise lecture"],
     ("Période", "Préparateur", "Heure", "Jour"), "09 h", ";", "1,5"),
    ("en", ["Group", "Name", "Parcels", "Median time (s)", "Median time (min)", "Mistakes caught",
            "Wrong item", "One too many", "Unknown code", "Misread"],
     ("Period", "Packer", "Hour", "Day"), "09:00", ",", "1.5"),
])
def test_csv_export_reads_back(sqlite_known_week, tmp_path, language, header, groups, hour, delimiter,
                               one_and_a_half):
    """French Excel opens it as it is: ``;``, a decimal comma, UTF-8 with a BOM."""
    i18n.set_language(language)
    period, packer, hour_group, day = groups
    path = to_csv(statistics_for(today(NOW)), tmp_path / "stats.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")    # Excel reads the accents right
    rows = read_csv(path, delimiter)
    assert rows[0] == header
    assert rows[1] == [period, "2026-11-25 – 2026-11-25", "3", "90", one_and_a_half, "4", "1", "1", "1", "1"]
    assert rows[2] == [packer, "Alice", "2", "60", "1" + one_and_a_half[1] + "0", "2", "1", "1", "0", "0"]
    assert rows[3] == [packer, "Bob", "1", "120", "2" + one_and_a_half[1] + "0", "2", "0", "0", "1", "1"]
    assert rows[4] == [hour_group, hour, "2", "60", "1" + one_and_a_half[1] + "0", "2", "1", "1", "0", "0"]
    assert [row[0] for row in rows[4:10]] == [hour_group] * 6
    assert rows[10] == [day, "2026-11-25", "3", "90", one_and_a_half, "4", "1", "1", "1", "1"]
    assert len(rows) == 11


def test_csv_cells_never_run_as_formulas(tmp_path):
    period = Period(dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    stats = Statistics(period, Figures("", 1), [Figures('=HYPERLINK("http://x","clic")', 1),
                                                Figures("", 0)], [], [])
    rows = read_csv(to_csv(stats, tmp_path / "stats.csv", delimiter=";"), delimiter=";")
    assert rows[2][1] == '\'=HYPERLINK("http://x","clic")'
    assert rows[3][1] == "(sans nom)"
    assert rows[1][3] == rows[1][4] == ""                 # no packing time known


def test_csv_to_a_folder_that_does_not_exist(tmp_path):
    from packstation.core.errors import InputError

    stats = Statistics(Period(dt.date(2026, 11, 25), dt.date(2026, 11, 25)), Figures(""), [], [], [])
    with pytest.raises(InputError, match="Impossible d'écrire"):
        to_csv(stats, tmp_path / "missing" / "stats.csv")
