"""Next pickups on fixed clocks in Europe/Paris, the pace, and the projection against
the pickup in both languages."""

from __future__ import annotations

import math
import textwrap
import tomllib
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays
import pytest

from packstation.core import i18n
from packstation.core.carriers import default_carriers, parse_carriers
from packstation.core.pickups import (
    describe,
    format_duration,
    next_pickup,
    pace_seconds,
    pickups_between,
    project,
)

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc

CARRIERS_TOML = """
[[carriers]]
code = "colissimo"
name = "Colissimo"
holidays = "FR"
pickup = { mon = "15:00", tue = "15:00", wed = "15:00", thu = "15:00", fri = "15:00" }
closed = ["2026-08-14"]
extra = ["2026-12-19T11:00", "2026-12-25T10:00"]

[[carriers]]
code = "twice"
name = "Twice a day"
holidays = "FR"
pickup = { mon = ["17:00", "12:00"], tue = ["12:00", "17:00"] }

[[carriers]]
code = "night"
name = "Night run"
pickup = { tue = "00:30", sun = "02:30" }

[[carriers]]
code = "relay_fr"
name = "Relay, all of France"
holidays = "FR"
pickup = { mon = "11:00", tue = "11:00", wed = "11:00", thu = "11:00", fri = "11:00", sat = "11:00" }

[[carriers]]
code = "relay_moselle"
name = "Relay, Moselle"
holidays = "FR"
holidays_subdivision = "57"
pickup = { mon = "11:00", tue = "11:00", wed = "11:00", thu = "11:00", fri = "11:00", sat = "11:00" }

[[carriers]]
code = "summer"
name = "Closed for the summer"
holidays = "FR"
pickup = { mon = "15:00", tue = "15:00", wed = "15:00", thu = "15:00", fri = "15:00" }
closed = ["2026-08-03", "2026-08-04", "2026-08-05", "2026-08-06", "2026-08-07",
          "2026-08-10", "2026-08-11", "2026-08-12", "2026-08-13", "2026-08-14"]

[[carriers]]
code = "never"
name = "Never comes"
pickup = {}

[[carriers]]
code = "once"
name = "One-off only"
extra = ["2026-07-01T10:00"]
"""
CARRIERS = {schedule.code: schedule
            for schedule in parse_carriers(tomllib.loads(textwrap.dedent(CARRIERS_TOML)))}


def paris(*fields: int, fold: int = 0) -> datetime:
    return datetime(*fields, tzinfo=PARIS, fold=fold)


# (carrier, now, expected pickup in Paris time, why)
NEXT_PICKUPS = [
    ("colissimo", paris(2026, 7, 1, 14, 0), paris(2026, 7, 1, 15, 0), "an hour before"),
    ("colissimo", paris(2026, 7, 1, 14, 59, 59), paris(2026, 7, 1, 15, 0), "a second before"),
    ("colissimo", paris(2026, 7, 1, 15, 0), paris(2026, 7, 2, 15, 0), "at 15:00 it has gone"),
    ("colissimo", paris(2026, 7, 1, 15, 0, 1), paris(2026, 7, 2, 15, 0), "just after"),
    ("colissimo", paris(2026, 7, 3, 18, 0), paris(2026, 7, 6, 15, 0), "Friday evening"),
    ("colissimo", paris(2026, 7, 4, 9, 0), paris(2026, 7, 6, 15, 0), "Saturday morning"),
    ("colissimo", paris(2026, 7, 7, 23, 59, 59), paris(2026, 7, 8, 15, 0), "before midnight"),
    ("colissimo", paris(2026, 7, 8, 0, 0), paris(2026, 7, 8, 15, 0), "at midnight"),
    # 25 Dec is a holiday; 26 Dec is not in France (only in Alsace-Moselle) but is a
    # Saturday in 2026, and the extra Christmas-morning pickup counts despite the holiday.
    ("colissimo", paris(2026, 12, 24, 16, 0), paris(2026, 12, 25, 10, 0), "extra on Christmas"),
    ("colissimo", paris(2026, 12, 25, 10, 0), paris(2026, 12, 28, 15, 0), "after Christmas"),
    ("colissimo", paris(2026, 12, 31, 16, 0), paris(2027, 1, 4, 15, 0), "year end, 1 Jan off"),
    # Both DST changes of 2026: Sunday 29 March and Sunday 25 October.
    ("colissimo", paris(2026, 3, 27, 16, 0), paris(2026, 3, 30, 15, 0), "spring DST"),
    ("colissimo", paris(2026, 10, 23, 16, 0), paris(2026, 10, 26, 15, 0), "autumn DST"),
    # 1 May 2026 is a Friday: Thursday after the pickup, the next is Monday 4 May.
    ("colissimo", paris(2026, 4, 30, 16, 0), paris(2026, 5, 4, 15, 0), "May Day"),
    ("colissimo", paris(2026, 5, 1, 9, 0), paris(2026, 5, 4, 15, 0), "on May Day"),
    # Closed Friday 14 Aug, Assumption on Saturday 15: Monday 17.
    ("colissimo", paris(2026, 8, 13, 16, 0), paris(2026, 8, 17, 15, 0), "closure date"),
    ("colissimo", paris(2026, 12, 18, 16, 0), paris(2026, 12, 19, 11, 0), "extra Saturday"),
    ("colissimo", paris(2026, 12, 19, 11, 0), paris(2026, 12, 21, 15, 0), "after the extra"),
    ("twice", paris(2026, 7, 6, 11, 0), paris(2026, 7, 6, 12, 0), "before the first"),
    ("twice", paris(2026, 7, 6, 12, 0), paris(2026, 7, 6, 17, 0), "between the two"),
    ("twice", paris(2026, 7, 6, 17, 30), paris(2026, 7, 7, 12, 0), "after both"),
    ("twice", paris(2026, 7, 7, 17, 30), paris(2026, 7, 13, 12, 0), "next week"),
    ("twice", paris(2026, 7, 10, 9, 0), paris(2026, 7, 13, 12, 0), "no Friday pickups"),
    ("night", paris(2026, 7, 6, 23, 50), paris(2026, 7, 7, 0, 30), "across midnight"),
    # 02:30 does not exist on 29 March: the clocks show 03:30 at that instant.
    ("night", paris(2026, 3, 28, 12, 0), paris(2026, 3, 29, 3, 30), "skipped hour"),
    # 02:30 happens twice on 25 October; the pickup is the first one. At 02:15 of the
    # second pass (fold=1), wall clocks say it is still to come; in fact it has gone.
    ("night", paris(2026, 10, 25, 2, 15, fold=0), paris(2026, 10, 25, 2, 30),
     "repeated hour, first pass"),
    ("night", paris(2026, 10, 25, 2, 15, fold=1), paris(2026, 10, 27, 0, 30),
     "repeated hour, second pass"),
    ("relay_fr", paris(2026, 12, 24, 12, 0), paris(2026, 12, 26, 11, 0), "26 Dec in France"),
    ("relay_moselle", paris(2026, 12, 24, 12, 0), paris(2026, 12, 28, 11, 0),
     "26 Dec in Moselle"),
    ("once", paris(2026, 6, 30, 12, 0), paris(2026, 7, 1, 10, 0), "one-off only"),
]


@pytest.mark.parametrize("code, now, expected, why", NEXT_PICKUPS,
                         ids=[case[3] for case in NEXT_PICKUPS])
def test_next_pickup(code, now, expected, why):
    found = next_pickup(CARRIERS[code], now)
    assert found is not None
    assert found.astimezone(UTC) == expected.astimezone(UTC)
    assert found.utcoffset() == expected.utcoffset()  # in the carrier's zone, fold and all
    assert (found.hour, found.minute) == (expected.hour, expected.minute)


def test_what_the_holidays_package_says_about_christmas_in_france():
    french = holidays.country_holidays("FR", years=2026)
    assert date(2026, 12, 25) in french
    assert date(2026, 12, 26) not in french
    assert date(2026, 12, 26) in holidays.country_holidays("FR", subdiv="57", years=2026)
    assert date(2026, 5, 1) in french and date(2026, 5, 1).weekday() == 4


@pytest.mark.parametrize("now, utc_hour", [
    (paris(2026, 3, 27, 16, 0), 13),   # after the spring change: CEST, UTC+2
    (paris(2026, 10, 23, 16, 0), 14),  # after the autumn change: CET, UTC+1
])
def test_a_monday_pickup_after_a_dst_change_keeps_its_local_time(now, utc_hour):
    pickup = next_pickup(CARRIERS["colissimo"], now)
    assert pickup.astimezone(UTC).hour == utc_hour
    assert pickup.weekday() == 0 and pickup.hour == 15


@pytest.mark.parametrize("now", [
    paris(2026, 7, 1, 14, 0),
    datetime(2026, 7, 1, 12, 0, tzinfo=UTC),
    datetime(2026, 7, 1, 8, 0, tzinfo=ZoneInfo("America/New_York")),
], ids=["paris", "utc", "new york"])
def test_now_may_be_given_in_any_zone(now):
    assert next_pickup(CARRIERS["colissimo"], now) == paris(2026, 7, 1, 15, 0)


def test_a_carrier_that_never_comes_has_no_next_pickup():
    assert next_pickup(CARRIERS["never"], paris(2026, 7, 1, 12, 0)) is None
    assert next_pickup(CARRIERS["once"], paris(2026, 7, 1, 10, 0)) is None


def test_a_naive_now_is_a_bug():
    with pytest.raises(ValueError):
        next_pickup(CARRIERS["colissimo"], datetime(2026, 7, 1, 12, 0))


def test_pickups_between_is_half_open_and_skips_holidays():
    week = pickups_between(CARRIERS["colissimo"], paris(2026, 7, 13, 15, 0),
                           paris(2026, 7, 20, 15, 0))
    # Monday 13 at 15:00 counts (start included), 14 July is a holiday, Monday 20 does
    # not (end excluded).
    assert week == [paris(2026, 7, day, 15, 0) for day in (13, 15, 16, 17)]
    assert pickups_between(CARRIERS["twice"], paris(2026, 7, 6, 0, 0),
                           paris(2026, 7, 8, 0, 0)) == [
        paris(2026, 7, 6, 12), paris(2026, 7, 6, 17), paris(2026, 7, 7, 12),
        paris(2026, 7, 7, 17)]
    assert pickups_between(CARRIERS["colissimo"], paris(2026, 7, 2), paris(2026, 7, 1)) == []


def test_every_pickup_of_a_year_is_at_local_15_00_on_a_working_weekday():
    year = pickups_between(default_carriers()[0], paris(2026, 1, 1), paris(2027, 1, 1))
    french = holidays.country_holidays("FR", years=2026)
    working_days = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    working_days = [day for day in working_days if day.weekday() < 5 and day not in french]
    assert [pickup.date() for pickup in year] == working_days
    assert {(pickup.hour, pickup.minute) for pickup in year} == {(15, 0)}
    assert {pickup.utcoffset() for pickup in year} == {timedelta(hours=1), timedelta(hours=2)}


# -- pace ------------------------------------------------------------------------------

@pytest.mark.parametrize("durations, expected", [
    ([], 120.0),
    ([60.0, 90.0], 120.0),                        # fewer than 3: the default
    ([60.0, 90.0, 300.0], 90.0),                  # 3 are enough: the median
    ([60.0, 90.0, 100.0, 300.0], 95.0),           # even count: mean of the middle two
    ([60.0, 9000.0, 90.0], 120.0),                # over 2 h is skipped: 2 left
    ([60.0, 0.0, -5.0, float("nan"), 90.0, 7200.0], 90.0),  # 7200 s exactly is kept
    ([45.0] * 30 + [600.0] * 100, 45.0),           # only the newest 30
    # A skipped duration does not take a place in the window: 15 and 15, not 15 and 14.
    ([45.0] * 15 + [9999.0] + [600.0] * 100, 322.5),
])
def test_pace_is_the_median_of_the_newest_plausible_durations(durations, expected):
    assert pace_seconds(durations) == expected


def test_pace_default_is_the_callers():
    assert pace_seconds([30.0], default=75.0) == 75.0
    assert pace_seconds(iter([30.0, 40.0, 50.0])) == 40.0


# -- projection ------------------------------------------------------------------------

def test_projection_with_time_to_spare():
    now = paris(2026, 7, 1, 13, 48)
    projection = project(CARRIERS["colissimo"], now, orders_left=23, blocked=0,
                         pace_seconds=100.0)
    assert projection.carrier_code == "colissimo"
    assert projection.next_pickup == paris(2026, 7, 1, 15, 0)
    assert projection.seconds_left == 72 * 60
    assert projection.work_seconds == 2300
    assert projection.projected_finish == paris(2026, 7, 1, 14, 26, 20)
    assert projection.on_track and projection.orders_missing == 0
    assert projection.state == "on_track"
    assert describe(projection, "Colissimo", "fr") == (
        "Colissimo dans 1 h 12 min — 23 commandes restantes, ~39 min à votre rythme : "
        "dans les temps")
    assert describe(projection, "Colissimo", "en") == (
        "Colissimo in 1 h 12 min — 23 orders left, ~39 min at your pace: on track")


def test_projection_behind_counts_the_orders_that_miss_the_pickup():
    projection = project(paris(2026, 7, 1, 15, 0), paris(2026, 7, 1, 14, 0), orders_left=36,
                         blocked=2, pace_seconds=120.0, carrier_code="colissimo")
    assert projection.carrier_code == "colissimo"
    assert projection.work_seconds == 36 * 120
    assert not projection.on_track
    assert projection.orders_missing == 6   # 3600 s at 120 s: 30 fit
    assert projection.state == "behind"
    assert projection.margin_seconds == -720
    assert describe(projection, "Colissimo", "fr") == (
        "Colissimo dans 1 h — 36 commandes restantes, ~1 h 12 min à votre rythme : "
        "en retard, 6 commandes le manqueront (+ 2 commandes bloquées)")
    assert describe(projection, "Colissimo", "en") == (
        "Colissimo in 1 h — 36 orders left, ~1 h 12 min at your pace: "
        "behind: 6 orders will miss it (+ 2 blocked orders)")


@pytest.mark.parametrize("seconds_left, orders_left, pace, packers, missing, state", [
    (3600, 30, 120.0, 1, 0, "tight"),       # exactly fits, no margin at all
    (3600, 31, 120.0, 1, 1, "behind"),
    (3600, 60, 120.0, 2, 0, "tight"),       # two packers share the work
    (3600, 70, 120.0, 2, 10, "behind"),
    (180.6, 6, 30.1, 1, 0, "tight"),        # 180.6 / 30.1 is 5.999… in floating point
    (10000, 95, 100.0, 1, 0, "tight"),      # 500 s to spare: under 10 min
    (10000, 93, 100.0, 1, 0, "tight"),      # 700 s to spare: under 10 % of 9300 s
    (10000, 85, 100.0, 1, 0, "on_track"),   # 1500 s to spare: over 10 % of 8500 s
    (1000, 3, 100.0, 1, 0, "on_track"),     # 700 s to spare, over 10 min
    (0, 5, 100.0, 1, 5, "behind"),          # the pickup is now: everything misses it
    (3600, 0, 100.0, 1, 0, "none_left"),
])
def test_projection_figures(seconds_left, orders_left, pace, packers, missing, state):
    now = paris(2026, 7, 1, 9, 0)
    projection = project(now + timedelta(seconds=seconds_left), now, orders_left, 0, pace,
                         packers)
    assert projection.seconds_left == seconds_left
    assert projection.orders_missing == missing
    assert projection.on_track is (missing == 0)
    assert projection.state == state
    assert projection.orders_missing == max(
        0, orders_left - math.floor(seconds_left * packers / pace + 1e-9))
    assert projection.projected_finish.timestamp() - now.timestamp() == pytest.approx(
        orders_left * pace / packers)


def test_a_pickup_already_gone_leaves_no_time():
    now = paris(2026, 7, 1, 15, 30)
    projection = project(paris(2026, 7, 1, 15, 0), now, 4, 0, 60.0)
    assert projection.seconds_left == 0
    assert projection.orders_missing == 4 and projection.state == "behind"


def test_time_left_across_the_autumn_dst_change_is_real_time():
    # Friday 16:00 CEST to Monday 15:00 CET is 71 h on the wall clock, but 72 h pass.
    now = paris(2026, 10, 23, 16, 0)
    projection = project(CARRIERS["colissimo"], now, 10, 0, 120.0)
    assert projection.seconds_left == 72 * 3600
    spring = project(CARRIERS["colissimo"], paris(2026, 3, 27, 16, 0), 10, 0, 120.0)
    assert spring.seconds_left == 70 * 3600


def test_the_projected_finish_is_real_time_across_a_dst_change():
    now = paris(2026, 10, 25, 1, 30)  # CEST; at 03:00 CEST the clocks go back to 02:00
    projection = project(paris(2026, 10, 26, 15, 0), now, 30, 0, 240.0)  # two hours
    assert projection.projected_finish.astimezone(UTC) == datetime(
        2026, 10, 25, 1, 30, tzinfo=UTC)
    assert projection.projected_finish.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize("now, french, english", [
    (paris(2026, 7, 3, 18, 0),
     "Colissimo : prochain passage lundi 15:00 (dans 2 j 21 h) — ",
     "Colissimo: next pickup Monday 15:00 (in 2 d 21 h) — "),
    (paris(2026, 7, 1, 16, 0),
     "Colissimo : prochain passage demain 15:00 (dans 23 h) — ",
     "Colissimo: next pickup tomorrow 15:00 (in 23 h) — "),
    (paris(2026, 7, 31, 16, 0),
     "Colissimo : prochain passage lundi 17 août 15:00 (dans 16 j 23 h) — ",
     "Colissimo: next pickup Monday 17 August 15:00 (in 16 d 23 h) — "),
])
def test_a_pickup_on_a_later_day_is_named(now, french, english):
    projection = project(CARRIERS["summer"], now, 1, 1, 90.0)
    assert projection.later_day
    assert describe(projection, "Colissimo", "fr") == french + (
        "1 commande restante, ~2 min à votre rythme : dans les temps"
        " (+ 1 commande bloquée)")
    assert describe(projection, "Colissimo", "en") == english + (
        "1 order left, ~2 min at your pace: on track (+ 1 blocked order)")


@pytest.mark.parametrize("code, orders_left, french, english", [
    ("colissimo", 0, "Colissimo dans 1 h — aucune commande restante",
     "Colissimo in 1 h — no orders left"),
    ("colissimo", 31, "Colissimo dans 1 h — 31 commandes restantes, ~1 h 2 min à votre "
     "rythme : en retard, 1 commande le manquera",
     "Colissimo in 1 h — 31 orders left, ~1 h 2 min at your pace: behind: 1 order will "
     "miss it"),
    ("colissimo", 28, "Colissimo dans 1 h — 28 commandes restantes, ~56 min à votre "
     "rythme : dans les temps, mais juste (4 min de marge)",
     "Colissimo in 1 h — 28 orders left, ~56 min at your pace: on track, but tight "
     "(4 min to spare)"),
    ("never", 3, "Colissimo : aucun passage prévu — 3 commandes restantes, ~6 min à "
     "votre rythme", "Colissimo: no pickup scheduled — 3 orders left, ~6 min at your pace"),
])
def test_describe_in_both_languages(code, orders_left, french, english):
    projection = project(CARRIERS[code], paris(2026, 7, 1, 14, 0), orders_left, 0, 120.0)
    assert describe(projection, "Colissimo", "fr") == french
    assert describe(projection, "Colissimo", "en") == english


def test_no_pickup_means_nothing_can_miss_it():
    projection = project(CARRIERS["never"], paris(2026, 7, 1, 14, 0), 3, 0, 120.0)
    assert projection.next_pickup is None and projection.seconds_left is None
    assert projection.state == "no_pickup" and projection.on_track
    assert projection.orders_missing == 0


def test_describe_follows_the_current_language():
    projection = project(CARRIERS["colissimo"], paris(2026, 7, 1, 14, 0), 0, 0, 120.0)
    previous = i18n.language()
    try:
        i18n.set_language("en")
        assert describe(projection, "Colissimo") == "Colissimo in 1 h — no orders left"
        i18n.set_language("fr")
        assert describe(projection, "Colissimo") == "Colissimo dans 1 h — aucune commande restante"
    finally:
        i18n.set_language(previous)


@pytest.mark.parametrize("arguments", [
    {"orders_left": -1},
    {"blocked": -1},
    {"packers": 0},
    {"pace_seconds": 0.0},
    {"pace_seconds": float("nan")},
    {"now": datetime(2026, 7, 1, 14, 0)},
])
def test_impossible_projections_are_bugs(arguments):
    values = {"now": paris(2026, 7, 1, 14, 0), "orders_left": 3, "blocked": 0,
              "pace_seconds": 120.0, "packers": 1, **arguments}
    with pytest.raises(ValueError):
        project(CARRIERS["colissimo"], **values)


@pytest.mark.parametrize("seconds, french, english", [
    (0, "< 1 min", "< 1 min"),
    (59.9, "< 1 min", "< 1 min"),
    (-30, "< 1 min", "< 1 min"),
    (60, "1 min", "1 min"),
    (45 * 60 + 59, "45 min", "45 min"),
    (3600, "1 h", "1 h"),
    (72 * 60 + 59, "1 h 12 min", "1 h 12 min"),
    (23 * 3600 + 59 * 60, "23 h 59 min", "23 h 59 min"),
    (86400, "1 j", "1 d"),
    (2 * 86400 + 3 * 3600 + 59 * 60, "2 j 3 h", "2 d 3 h"),
])
def test_format_duration_truncates(seconds, french, english):
    assert format_duration(seconds, "fr") == french
    assert format_duration(seconds, "en") == english


@pytest.mark.parametrize("seconds, expected", [
    (0, "< 1 min"), (1, "1 min"), (60, "1 min"), (61, "2 min"), (2300, "39 min"),
    (3599, "1 h"), (0.1 * 3 * 200, "1 min"),
])
def test_format_duration_rounds_estimates_up(seconds, expected):
    assert format_duration(seconds, "en", round_up=True) == expected


def test_every_pickup_message_has_the_same_placeholders_in_both_languages():
    messages = {key: pair for key, pair in i18n.catalogue().items()
                if key.startswith("pickups.")}
    assert len(messages) >= 19 + 12  # weekdays, months and the sentences
    for key, (french, english) in messages.items():
        assert i18n.placeholders(french) == i18n.placeholders(english), key
