"""Statistics of the packing tables: what was packed, how fast, and what scanning caught.

For a period of the shop's days (today, the last 7 days): parcels packed (shipments,
so an unpacked parcel no longer counts), the median packing time (from opening the
order to its completion), and the mistakes the scanner caught before they left
(wrong item, one too many, unknown code, misread) — in total, per packer, per hour of
the day and per day. Plain dataclasses that the window charts, and a CSV export.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.core.packing import Outcome
from packstation.db.models import ScanRecord, Shipment, utcnow
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE
from packstation.io.files import write_atomically
from packstation.io.tracking import neutralise_formula

#: The scan outcomes that are a packer's mistake caught by the scanner, in report order.
MISTAKES = (Outcome.WRONG_ITEM.code, Outcome.TOO_MANY.code, Outcome.UNKNOWN_CODE.code,
            Outcome.MISREAD.code)


@dataclass(frozen=True)
class Period:
    """Whole days of the shop: from the start of ``first_day`` to the end of ``last_day``."""

    first_day: dt.date
    last_day: dt.date

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.first_day, dt.time(0), tzinfo=SHOP_TIMEZONE)

    @property
    def end(self) -> dt.datetime:
        """Exclusive: midnight after ``last_day`` (a day has 23 or 25 hours when clocks change)."""
        return dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time(0), tzinfo=SHOP_TIMEZONE)

    def days(self) -> list[dt.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=offset) for offset in range(count)]


def today(now: dt.datetime | None = None) -> Period:
    day = (now or utcnow()).astimezone(SHOP_TIMEZONE).date()
    return Period(day, day)


def last_days(count: int, now: dt.datetime | None = None) -> Period:
    """Today and the ``count - 1`` days before it."""
    day = (now or utcnow()).astimezone(SHOP_TIMEZONE).date()
    return Period(day - dt.timedelta(days=count - 1), day)


def last_7_days(now: dt.datetime | None = None) -> Period:
    return last_days(7, now)


@dataclass(frozen=True)
class Figures:
    """The figures of one group: everything, a packer, an hour ("09") or a day ("2026-11-25")."""

    key: str
    parcels: int = 0
    median_seconds: float | None = None       # None when no parcel has a packing time
    mistakes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MISTAKES, 0))

    @property
    def mistakes_total(self) -> int:
        return sum(self.mistakes.values())


@dataclass(frozen=True)
class Statistics:
    period: Period
    total: Figures
    per_packer: list[Figures]   # most parcels first; key "" for scans and parcels without a packer
    per_hour: list[Figures]     # from the first to the last hour with activity, none missing
    per_day: list[Figures]      # every day of the period


class _Group:
    """Figures being counted."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.parcels = 0
        self.mistakes: Counter[str] = Counter()

    def figures(self, key: str) -> Figures:
        return Figures(key=key, parcels=self.parcels,
                       median_seconds=median(self.seconds) if self.seconds else None,
                       mistakes={outcome: self.mistakes[outcome] for outcome in MISTAKES})


def statistics_for(period: Period) -> Statistics:
    """The figures of ``period`` (two queries: its shipments and its mistaken scans)."""
    total = _Group()
    groups: dict[str, dict[str, _Group]] = {"packer": defaultdict(_Group), "hour": defaultdict(_Group),
                                            "day": defaultdict(_Group)}

    def groups_of(packer: str, moment: dt.datetime) -> list[_Group]:
        local = moment.astimezone(SHOP_TIMEZONE)
        return [total, groups["packer"][packer], groups["hour"][f"{local.hour:02d}"],
                groups["day"][local.date().isoformat()]]

    shipments = (Shipment.select(Shipment.packer, Shipment.packed_at, Shipment.packing_seconds)
                 .where((Shipment.packed_at >= period.start) & (Shipment.packed_at < period.end))
                 .tuples())
    for packer, packed_at, seconds in shipments:
        for group in groups_of(packer or "", packed_at):
            group.parcels += 1
            if seconds is not None:
                group.seconds.append(seconds)
    scans = (ScanRecord.select(ScanRecord.packer, ScanRecord.at, ScanRecord.outcome)
             .where((ScanRecord.at >= period.start) & (ScanRecord.at < period.end)
                    & ScanRecord.outcome.in_(list(MISTAKES)))
             .tuples())
    for packer, at, outcome in scans:
        for group in groups_of(packer or "", at):
            group.mistakes[outcome] += 1

    per_packer = sorted((group.figures(name) for name, group in groups["packer"].items()),
                        key=lambda figures: (-figures.parcels, figures.key.casefold()))
    hours = sorted(int(hour) for hour in groups["hour"])
    per_hour = [groups["hour"][f"{hour:02d}"].figures(f"{hour:02d}")
                for hour in range(hours[0], hours[-1] + 1)] if hours else []
    per_day = [groups["day"][day.isoformat()].figures(day.isoformat()) for day in period.days()]
    return Statistics(period, total.figures(""), per_packer, per_hour, per_day)


# -- export ----------------------------------------------------------------------------

def to_csv(stats: Statistics, path: str | Path, *, delimiter: str | None = None) -> Path:
    """Write the figures as one table a spreadsheet opens: a row for the period, then
    one per packer, per hour and per day. Headers in the current language; UTF-8 with a
    byte-order mark, without which Excel misreads accents; in French, ``;`` between cells
    and a decimal comma, as a French Excel expects (``,`` and a point in English). Every
    cell is guarded against running as a formula (a packer's name comes from a badge file).
    """
    french = i18n.language() == "fr"
    delimiter = delimiter or (";" if french else ",")
    header = [i18n.tr(f"stats.csv.{column}") for column in ("group", "name", "parcels", "median",
                                                            "median_minutes")]
    header += [i18n.tr("stats.csv.mistakes")] + [i18n.tr(f"stats.mistake.{kind}") for kind in MISTAKES]
    period_name = f"{stats.period.first_day.isoformat()} – {stats.period.last_day.isoformat()}"
    rows = [_row(i18n.tr("stats.csv.total"), period_name, stats.total, french)]
    rows += [_row(i18n.tr("stats.csv.packer"), figures.key or i18n.tr("stats.no_packer"), figures, french)
             for figures in stats.per_packer]
    rows += [_row(i18n.tr("stats.csv.hour"), i18n.tr("stats.hour", hour=figures.key), figures, french)
             for figures in stats.per_hour]
    rows += [_row(i18n.tr("stats.csv.day"), figures.key, figures, french) for figures in stats.per_day]
    table = [[neutralise_formula(cell) for cell in row] for row in [header, *rows]]

    def write(stream) -> None:
        stream.write("\ufeff")
        csv.writer(stream, delimiter=delimiter).writerows(table)

    try:
        return write_atomically(path, write, newline="")
    except OSError as error:
        raise InputError("stats.cannot_write", path=str(path), reason=error.strerror or str(error)) from None


def _row(group: str, name: str, figures: Figures, decimal_comma: bool) -> list[object]:
    seconds = "" if figures.median_seconds is None else round(figures.median_seconds)
    minutes = "" if figures.median_seconds is None else f"{figures.median_seconds / 60:.1f}"
    if decimal_comma:
        minutes = minutes.replace(".", ",")
    return [group, name, figures.parcels, seconds, minutes, figures.mistakes_total,
            *(figures.mistakes[kind] for kind in MISTAKES)]


i18n.register({
    "stats.csv.group": ("Regroupement", "Group"),
    "stats.csv.name": ("Nom", "Name"),
    "stats.csv.parcels": ("Colis", "Parcels"),
    "stats.csv.median": ("Temps médian (s)", "Median time (s)"),
    "stats.csv.median_minutes": ("Temps médian (min)", "Median time (min)"),
    "stats.csv.mistakes": ("Erreurs évitées", "Mistakes caught"),
    "stats.csv.total": ("Période", "Period"),
    "stats.csv.packer": ("Préparateur", "Packer"),
    "stats.csv.hour": ("Heure", "Hour"),
    "stats.csv.day": ("Jour", "Day"),
    "stats.hour": ("{hour} h", "{hour}:00"),
    "stats.no_packer": ("(sans nom)", "(no name)"),
    "stats.mistake.wrong_item": ("Mauvais article", "Wrong item"),
    "stats.mistake.too_many": ("Article en trop", "One too many"),
    "stats.mistake.unknown_code": ("Code inconnu", "Unknown code"),
    "stats.mistake.misread": ("Mauvaise lecture", "Misread"),
    "stats.cannot_write": ("Impossible d'écrire {path} : {reason}.", "Cannot write {path}: {reason}."),
})
