"""When the carrier comes next, and whether the remaining orders fit before it.

This module owns three rules:

* **Pickup times** (:func:`next_pickup`, :func:`pickups_between`): a carrier's weekly
  local times, except on public holidays of its country and on the shop's closed
  dates, plus one-off extra pickups, which count on any day. Times are wall-clock
  times in the carrier's zone, so a 15:00 pickup stays 15:00 across DST changes.
  A pickup is missed once ``now >= pickup``: at 15:00:00 the 15:00 van has gone.
* **Pace** (:func:`pace_seconds`): how long an order takes at this table, from the
  recent packing durations.
* **Projection** (:func:`project`, :func:`describe`): with that pace, when the work
  would be finished, whether that is before the pickup, and how many orders would
  miss it — in French and in English for the banner and the CLI.

Every datetime is aware; a naive one is a bug and raises ``ValueError``.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import islice
from typing import Iterator, Literal, Sequence

from packstation.core import i18n
from packstation.core.carriers import CarrierSchedule, local_datetime

# How far ahead to look for a pickup: longer than any closure a shop would enter,
# short enough that a carrier with no pickup days answers at once.
SEARCH_DAYS = 400

# Pace: the median of the newest PACE_WINDOW plausible durations. A duration over
# PACE_MAX_SECONDS is an order left open (lunch, end of the day), not packing; zero or
# negative ones come from clock changes. Below PACE_MIN_SAMPLES durations the median
# says more about one packer's first order than about the table: use the default.
PACE_WINDOW = 30
PACE_MIN_SAMPLES = 3
PACE_MAX_SECONDS = 2 * 3600.0
DEFAULT_PACE_SECONDS = 120.0

# A projection on track is "tight" when its margin is under TIGHT_MARGIN_SECONDS or
# under TIGHT_MARGIN_SHARE of the work left: one interruption of ten minutes, or a
# packer ten per cent slower than the median, would make it miss the pickup.
TIGHT_MARGIN_SECONDS = 600.0
TIGHT_MARGIN_SHARE = 0.10

State = Literal["on_track", "tight", "behind", "none_left", "no_pickup"]


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {moment!r}")


def _instant(moment: datetime) -> datetime:
    """The same moment in UTC, for comparing and subtracting.

    Python compares and subtracts two datetimes of the same tzinfo by their wall
    clocks, ignoring the offset: across a DST change, or in the hour repeated in
    autumn, that is an hour off. In UTC there is no such hour.
    """
    return moment.astimezone(timezone.utc)


# -- pickup times ----------------------------------------------------------------------

def is_pickup_day(schedule: CarrierSchedule, day: date) -> bool:
    """Whether the carrier's weekly pickups happen on ``day`` (a local date).

    Extra pickups are not weekly ones: they happen even when this is False.
    """
    return (day.weekday() in schedule.pickups
            and day not in schedule.closed
            and not schedule.is_holiday(day))


def pickups_on(schedule: CarrierSchedule, day: date) -> list[datetime]:
    """Every pickup on a local date, in order, as aware datetimes in the carrier's zone."""
    zone = schedule.zone
    moments = [moment for moment in schedule.extra if moment.date() == day]
    if is_pickup_day(schedule, day):
        moments += [local_datetime(day, wall_time, zone)
                    for wall_time in schedule.pickups[day.weekday()]]
    # Keyed and ordered by instant: an extra pickup at a weekly time is one pickup.
    by_instant = {_instant(moment): moment for moment in moments}
    return [by_instant[instant] for instant in sorted(by_instant)]


def iter_pickups(schedule: CarrierSchedule, after: datetime,
                 days: int = SEARCH_DAYS) -> Iterator[datetime]:
    """Pickups strictly after ``after``, in order, over the next ``days`` local dates."""
    _require_aware(after, "after")
    after = _instant(after)
    first_day = after.astimezone(schedule.zone).date()
    for offset in range(days + 1):
        for moment in pickups_on(schedule, first_day + timedelta(days=offset)):
            if _instant(moment) > after:
                yield moment


def next_pickup(schedule: CarrierSchedule, now: datetime) -> datetime | None:
    """The first pickup strictly after ``now``, in the carrier's zone; None if the
    carrier has no pickup within :data:`SEARCH_DAYS` days.

    A pickup at exactly ``now`` has been missed: the next one is returned.
    """
    _require_aware(now, "now")
    if not schedule.has_pickups:
        return None
    return next(iter_pickups(schedule, now), None)


def pickups_between(schedule: CarrierSchedule, start: datetime,
                    end: datetime) -> list[datetime]:
    """Every pickup with ``start <= pickup < end``, in order, in the carrier's zone."""
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end <= start:
        return []
    zone = schedule.zone
    start, end = _instant(start), _instant(end)
    first_day = start.astimezone(zone).date()
    last_day = end.astimezone(zone).date()
    found = []
    for offset in range((last_day - first_day).days + 1):
        found += [moment for moment in pickups_on(schedule, first_day + timedelta(days=offset))
                  if start <= _instant(moment) < end]
    return found


# -- pace ------------------------------------------------------------------------------

def pace_seconds(durations_seconds: Sequence[float],
                 default: float = DEFAULT_PACE_SECONDS) -> float:
    """Seconds one order takes at this pace: the median of recent packing durations.

    ``durations_seconds`` come newest first. Durations that are not positive or that
    exceed two hours are skipped (not counted in the window); the median is taken over
    the newest 30 that remain. With fewer than 3 of them, ``default``.
    """
    plausible = (float(seconds) for seconds in durations_seconds
                 if 0 < seconds <= PACE_MAX_SECONDS)  # NaN fails both comparisons
    window = list(islice(plausible, PACE_WINDOW))
    if len(window) < PACE_MIN_SAMPLES:
        return float(default)
    return float(statistics.median(window))


# -- projection ------------------------------------------------------------------------

@dataclass(frozen=True)
class Projection:
    """The remaining work of one carrier against its next pickup.

    ``orders_left`` are the orders still to pack that can be packed; ``blocked`` are
    the carrier's orders that cannot be until someone acts (short of stock, on hold):
    they are shown, not counted in the work. ``packers`` share the work equally.
    With no pickup (``next_pickup`` None), ``seconds_left`` is None, nothing can miss
    it, and ``state`` is "no_pickup" (or "none_left" when nothing is left to pack).
    """

    carrier_code: str
    now: datetime
    next_pickup: datetime | None
    seconds_left: float | None
    orders_left: int
    blocked: int
    pace_seconds: float
    packers: int
    work_seconds: float
    projected_finish: datetime
    on_track: bool
    orders_missing: int
    state: State

    @property
    def margin_seconds(self) -> float | None:
        """Time to spare at this pace; negative when behind."""
        if self.seconds_left is None:
            return None
        return self.seconds_left - self.work_seconds

    @property
    def later_day(self) -> bool:
        """Whether the next pickup falls on a later local date than ``now``."""
        if self.next_pickup is None:
            return False
        return self.now.astimezone(self.next_pickup.tzinfo).date() != self.next_pickup.date()


def project(schedule_or_next_pickup: CarrierSchedule | datetime | None, now: datetime,
            orders_left: int, blocked: int, pace_seconds: float, packers: int = 1,
            *, carrier_code: str = "") -> Projection:
    """Whether ``orders_left`` orders at ``pace_seconds`` each fit before the pickup.

    Give a schedule (its next pickup after ``now`` is used) or the pickup itself
    (then ``carrier_code`` names the carrier). A pickup already past leaves no time.
    """
    _require_aware(now, "now")
    if orders_left < 0 or blocked < 0:
        raise ValueError("orders_left and blocked cannot be negative")
    if packers < 1:
        raise ValueError("at least one packer packs")
    if not pace_seconds > 0:
        raise ValueError(f"pace_seconds must be positive, got {pace_seconds!r}")
    if isinstance(schedule_or_next_pickup, CarrierSchedule):
        carrier_code = schedule_or_next_pickup.code
        pickup = next_pickup(schedule_or_next_pickup, now)
    else:
        pickup = schedule_or_next_pickup
        if pickup is not None:
            _require_aware(pickup, "next_pickup")

    work_seconds = orders_left * pace_seconds / packers
    finish = (_instant(now) + timedelta(seconds=work_seconds)).astimezone(now.tzinfo)
    if pickup is None:
        seconds_left = None
        missing = 0
    else:
        seconds_left = max(0.0, (_instant(pickup) - _instant(now)).total_seconds())
        # The epsilon keeps 3600 s / 120 s at 30 orders despite binary floating point.
        fitting = math.floor(seconds_left * packers / pace_seconds + 1e-9)
        missing = max(0, orders_left - fitting)
    on_track = missing == 0

    state: State
    if orders_left == 0:
        state = "none_left"
    elif seconds_left is None:
        state = "no_pickup"
    elif not on_track:
        state = "behind"
    elif seconds_left - work_seconds < max(TIGHT_MARGIN_SECONDS,
                                           TIGHT_MARGIN_SHARE * work_seconds):
        state = "tight"
    else:
        state = "on_track"
    return Projection(
        carrier_code=carrier_code, now=now, next_pickup=pickup, seconds_left=seconds_left,
        orders_left=orders_left, blocked=blocked, pace_seconds=float(pace_seconds),
        packers=packers, work_seconds=work_seconds, projected_finish=finish,
        on_track=on_track, orders_missing=missing, state=state,
    )


# -- words -----------------------------------------------------------------------------

def format_duration(seconds: float, language: str | None = None, *,
                    round_up: bool = False) -> str:
    """A duration as a packer reads it: "1 h 12 min", "45 min", "2 j 3 h" / "2 d 3 h".

    Minutes are truncated, so that a countdown never shows more time than is left;
    ``round_up`` rounds up instead, for an estimate of work that must not look shorter
    than it is. Under a minute reads "< 1 min"; a negative duration counts as none.
    Two days and more drop the minutes: "2 j 3 h".
    """
    seconds = max(0.0, float(seconds))
    minutes = math.ceil(seconds / 60 - 1e-9) if round_up else math.floor(seconds / 60)
    if minutes == 0:
        return i18n.tr("pickups.duration.under_minute", language)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        key = "pickups.duration.days_hours" if hours else "pickups.duration.days"
        return i18n.tr(key, language, days=days, hours=hours)
    if hours:
        key = "pickups.duration.hours_minutes" if minutes else "pickups.duration.hours"
        return i18n.tr(key, language, hours=hours, minutes=minutes)
    return i18n.tr("pickups.duration.minutes", language, minutes=minutes)


def describe(projection: Projection, carrier_name: str, language: str | None = None) -> str:
    """One line for the banner and the CLI, e.g.
    "Colissimo dans 1 h 12 min — 23 commandes restantes, ~39 min à votre rythme :
    dans les temps" / "Colissimo in 1 h 12 min — 23 orders left, ~39 min at your pace:
    on track". A pickup on a later day is named: "prochain passage lundi 15:00".
    """
    p = projection
    if p.next_pickup is None:
        when = i18n.tr("pickups.when.none", language, carrier=carrier_name)
    elif p.later_day:
        when = i18n.tr("pickups.when.later_day", language, carrier=carrier_name,
                       day=_day_name(p.next_pickup.date(), p.now, p.next_pickup, language),
                       time=p.next_pickup.strftime("%H:%M"),
                       left=format_duration(p.seconds_left or 0, language))
    else:
        when = i18n.tr("pickups.when.today", language, carrier=carrier_name,
                       left=format_duration(p.seconds_left or 0, language))

    if p.state == "none_left":
        work = i18n.tr("pickups.work.none_left", language)
    else:
        count_key = "pickups.work.one" if p.orders_left == 1 else "pickups.work.many"
        work = i18n.tr(count_key, language, count=p.orders_left,
                       work=format_duration(p.work_seconds, language, round_up=True))
        if p.state == "behind":
            key = "pickups.state.behind_one" if p.orders_missing == 1 \
                else "pickups.state.behind_many"
            verdict = i18n.tr(key, language, missing=p.orders_missing)
        elif p.state == "tight":
            verdict = i18n.tr("pickups.state.tight", language, margin=format_duration(
                p.margin_seconds or 0, language))
        elif p.state == "no_pickup":
            verdict = ""
        else:
            verdict = i18n.tr("pickups.state.on_track", language)
        if verdict:
            work = i18n.tr("pickups.work.verdict", language, work=work, verdict=verdict)
    text = i18n.tr("pickups.line", language, when=when, work=work)
    if p.blocked:
        key = "pickups.blocked.one" if p.blocked == 1 else "pickups.blocked.many"
        text += i18n.tr(key, language, count=p.blocked)
    return text


def _day_name(day: date, now: datetime, pickup: datetime, language: str | None) -> str:
    """"demain", "lundi", or "lundi 28 décembre" beyond a week, in the pickup's zone."""
    today = now.astimezone(pickup.tzinfo).date()
    weekday = i18n.tr(f"pickups.weekday.{day.weekday()}", language)
    ahead = (day - today).days
    if ahead == 1:
        return i18n.tr("pickups.tomorrow", language)
    if ahead < 7:
        return weekday
    month = i18n.tr(f"pickups.month.{day.month}", language)
    return i18n.tr("pickups.full_date", language, weekday=weekday, day=day.day, month=month)


_WEEKDAYS = (
    ("lundi", "Monday"), ("mardi", "Tuesday"), ("mercredi", "Wednesday"),
    ("jeudi", "Thursday"), ("vendredi", "Friday"), ("samedi", "Saturday"),
    ("dimanche", "Sunday"),
)
_MONTHS = (
    ("janvier", "January"), ("février", "February"), ("mars", "March"),
    ("avril", "April"), ("mai", "May"), ("juin", "June"), ("juillet", "July"),
    ("août", "August"), ("septembre", "September"), ("octobre", "October"),
    ("novembre", "November"), ("décembre", "December"),
)

i18n.register({
    **{f"pickups.weekday.{number}": names for number, names in enumerate(_WEEKDAYS)},
    **{f"pickups.month.{number}": names for number, names in enumerate(_MONTHS, start=1)},
    "pickups.tomorrow": ("demain", "tomorrow"),
    "pickups.full_date": ("{weekday} {day} {month}", "{weekday} {day} {month}"),
    "pickups.duration.under_minute": ("< 1 min", "< 1 min"),
    "pickups.duration.minutes": ("{minutes} min", "{minutes} min"),
    "pickups.duration.hours": ("{hours} h", "{hours} h"),
    "pickups.duration.hours_minutes": ("{hours} h {minutes} min", "{hours} h {minutes} min"),
    "pickups.duration.days": ("{days} j", "{days} d"),
    "pickups.duration.days_hours": ("{days} j {hours} h", "{days} d {hours} h"),
    "pickups.when.today": ("{carrier} dans {left}", "{carrier} in {left}"),
    "pickups.when.later_day": (
        "{carrier} : prochain passage {day} {time} (dans {left})",
        "{carrier}: next pickup {day} {time} (in {left})",
    ),
    "pickups.when.none": ("{carrier} : aucun passage prévu", "{carrier}: no pickup scheduled"),
    "pickups.line": ("{when} — {work}", "{when} — {work}"),
    "pickups.work.none_left": ("aucune commande restante", "no orders left"),
    "pickups.work.one": (
        "{count} commande restante, ~{work} à votre rythme",
        "{count} order left, ~{work} at your pace",
    ),
    "pickups.work.many": (
        "{count} commandes restantes, ~{work} à votre rythme",
        "{count} orders left, ~{work} at your pace",
    ),
    "pickups.work.verdict": ("{work} : {verdict}", "{work}: {verdict}"),
    "pickups.state.on_track": ("dans les temps", "on track"),
    "pickups.state.tight": (
        "dans les temps, mais juste ({margin} de marge)",
        "on track, but tight ({margin} to spare)",
    ),
    "pickups.state.behind_one": (
        "en retard, 1 commande le manquera",
        "behind: 1 order will miss it",
    ),
    "pickups.state.behind_many": (
        "en retard, {missing} commandes le manqueront",
        "behind: {missing} orders will miss it",
    ),
    "pickups.blocked.one": (" (+ {count} commande bloquée)", " (+ {count} blocked order)"),
    "pickups.blocked.many": (" (+ {count} commandes bloquées)", " (+ {count} blocked orders)"),
})
