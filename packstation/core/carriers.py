"""Carriers and their pickup calendars: what a shop tells Packstation about who collects
its parcels, and when.

A :class:`CarrierSchedule` says on which weekdays and at what local times a carrier
comes, in which time zone, which country's public holidays it observes, on which dates
the shop is closed, which one-off pickups were arranged, which of the shop's
shipping-method names mean this carrier, and which services count as express.

This module owns the schedule as data: parsing it from a TOML document (already read
into a mapping: no file I/O here), writing it back (:func:`to_document` for JSON,
:func:`to_toml` for a configuration file), recognising a carrier from an order's
shipping method (:func:`match_carrier`) and a sensible French default set
(:func:`default_carriers`). When pickups happen is computed in
:mod:`packstation.core.pickups`.

The TOML form, one ``[[carriers]]`` table per carrier::

    [[carriers]]
    code = "colissimo"
    name = "Colissimo"
    timezone = "Europe/Paris"             # default: Europe/Paris
    holidays = "FR"                        # public holidays of this country; "" for none
    holidays_subdivision = "57"            # optional: Moselle also rests on 26 Dec
    pickup = { mon = "15:00", tue = "15:00", wed = "15:00", thu = "15:00", fri = "15:00" }
    # a day may hold a list: sat = ["10:00"], mon = ["12:00", "17:00"]
    closed = ["2026-08-14"]                # no pickup on these dates
    extra = ["2026-12-19T11:00"]           # local time unless an offset is given
    match = ["Colissimo*", "La Poste*"]    # shop shipping-method names meaning this carrier
    express_services = ["express"]         # services (patterns) treated as express
    label = { provider = "colissimo", … }   # the label account (packstation.shipping.accounts)
    max_weight_g = 30000                   # heaviest parcel the carrier takes (default 30 kg)
"""

from __future__ import annotations

import fnmatch
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from packstation.core import i18n
from packstation.core.errors import InputError

DEFAULT_TIMEZONE = "Europe/Paris"

# Weekday numbers as datetime.weekday() gives them: 0 is Monday.
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_BY_NAME = {
    **{key: number for number, key in enumerate(WEEKDAY_KEYS)},
    **{name: number for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
}

_FIELDS = (
    "code", "name", "timezone", "holidays", "holidays_subdivision", "pickup", "closed",
    "extra", "match", "express_services", "max_weight_g",
    "label",  # the carrier's label account: read by shipping.accounts, not part of a schedule
)
#: Colissimo, Chronopost, DPD and Mondial Relay all take parcels up to 30 kg.
DEFAULT_MAX_WEIGHT_G = 30_000

# "15:00", "9:05", "15:00:30", and the French "15h00", "15 h 00", "15h".
_TIME = re.compile(
    r"^(?P<hour>\d{1,2})\s*(?:(?::\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?)"
    r"|(?:[hH]\s*(?P<minute_h>\d{2})?))$"
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class CarrierSchedule:
    """When one carrier collects parcels from the shop.

    ``pickups`` maps a weekday (0 = Monday) to its local pickup times; weekdays without
    pickups are absent. ``closed`` dates have no pickup (the shop or the carrier is
    closed); ``extra`` pickups are one-off aware datetimes that count even on a holiday,
    a weekend or a closed date. ``match`` and ``express_services`` are shell-style
    patterns (``*``, ``?``) compared without regard to case or accents.
    ``holidays_subdivision`` narrows the country's holidays to a region, as the
    ``holidays`` package names it (for France, "57" for Moselle, "6AE" for Alsace).
    """

    code: str
    name: str
    timezone: str
    holidays_country: str | None
    pickups: Mapping[int, tuple[time, ...]] = field(hash=False)
    closed: frozenset[date] = frozenset()
    extra: tuple[datetime, ...] = ()
    match: tuple[str, ...] = ()
    express_services: tuple[str, ...] = ("express",)
    holidays_subdivision: str | None = None
    max_weight_g: int = DEFAULT_MAX_WEIGHT_G

    def __post_init__(self) -> None:
        # Programming errors, not user input: parse_carriers reports bad input first.
        zone = ZoneInfo(self.timezone)
        pickups: dict[int, tuple[time, ...]] = {}
        for weekday, times in self.pickups.items():
            if weekday not in range(7):
                raise ValueError(f"weekday {weekday!r} is not 0 (Monday) to 6 (Sunday)")
            if isinstance(times, time):
                times = (times,)
            if any(moment.tzinfo is not None for moment in times):
                raise ValueError("pickup times are local wall-clock times: give naive times")
            if times:
                pickups[weekday] = tuple(sorted(set(times)))
        for moment in self.extra:
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise ValueError(f"extra pickup {moment!r} must be an aware datetime")
        # Extras are kept in the carrier's zone, so that they print as its local time;
        # keyed by UTC instant, because same-zone datetimes compare by wall clock.
        extra = {moment.astimezone(timezone.utc): moment.astimezone(zone)
                 for moment in self.extra}
        object.__setattr__(self, "pickups", MappingProxyType(dict(sorted(pickups.items()))))
        object.__setattr__(self, "closed", frozenset(self.closed))
        object.__setattr__(self, "extra", tuple(extra[instant] for instant in sorted(extra)))
        object.__setattr__(self, "match", tuple(self.match))
        object.__setattr__(self, "express_services", tuple(self.express_services))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def has_pickups(self) -> bool:
        """Whether this carrier ever comes: a weekly pickup or a one-off one."""
        return bool(self.pickups) or bool(self.extra)

    def is_holiday(self, day: date) -> bool:
        """Whether ``day`` is a public holiday where this carrier works."""
        if self.holidays_country is None:
            return False
        return day in holiday_calendar(self.holidays_country, self.holidays_subdivision)

    def is_express(self, service: str) -> bool:
        """Whether an order's shipping service is express with this carrier."""
        wanted = fold(service)
        return any(fnmatch.fnmatchcase(wanted, fold(pattern))
                   for pattern in self.express_services)


@functools.lru_cache(maxsize=None)
def holiday_calendar(country: str, subdivision: str | None = None) -> holidays.HolidayBase:
    """The public holidays of a country (and region), from the ``holidays`` package.

    Cached: building a calendar costs far more than a lookup, and a calendar fills in
    each year the first time a date of that year is asked about.
    Raises ``NotImplementedError`` for a country or region the package does not know.
    """
    return holidays.country_holidays(country, subdiv=subdivision)


def fold(text: str) -> str:
    """Text compared loosely: no accents, no case, single spaces ("Chronopost  Relais" ~
    "chronopost relais", "Livraison Express" ~ "livraison express")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def match_carrier(schedules: Iterable[CarrierSchedule],
                  shipping_method: str) -> CarrierSchedule | None:
    """The carrier a shop's shipping-method name means, or None.

    Compared without case or accents. A carrier whose code or name is exactly the
    method wins over any pattern; otherwise the first carrier (in the given order)
    with a matching ``match`` pattern. Exact names go first so that a broad pattern of
    one carrier ("La Poste*") cannot capture the name of another ("La Poste Lettre
    suivie", if it is a carrier of its own).
    """
    wanted = fold(shipping_method)
    if not wanted:
        return None
    candidates = list(schedules)
    for schedule in candidates:
        if wanted in (fold(schedule.code), fold(schedule.name)):
            return schedule
    for schedule in candidates:
        if any(fnmatch.fnmatchcase(wanted, fold(pattern)) for pattern in schedule.match):
            return schedule
    return None


def default_carriers() -> list[CarrierSchedule]:
    """A French shop's usual carriers, for a first start and for the demo.

    Every carrier observes French public holidays. Chronopost is express whatever the
    service; the others only for a service named "express".
    """
    weekdays = range(0, 5)

    def every(days: Iterable[int], at: str) -> dict[int, tuple[time, ...]]:
        return {day: (time.fromisoformat(at),) for day in days}

    return [
        CarrierSchedule(
            code="colissimo", name="Colissimo", timezone=DEFAULT_TIMEZONE,
            holidays_country="FR", pickups=every(weekdays, "15:00"),
            match=("Colissimo*", "So Colissimo*", "La Poste*"),
        ),
        CarrierSchedule(
            code="chronopost", name="Chronopost", timezone=DEFAULT_TIMEZONE,
            holidays_country="FR", pickups=every(weekdays, "17:00"),
            match=("Chronopost*", "Chrono *"), express_services=("*",),
        ),
        CarrierSchedule(
            code="dpd", name="DPD", timezone=DEFAULT_TIMEZONE,
            holidays_country="FR", pickups=every(weekdays, "14:00"),
            match=("DPD*", "Predict*"),
        ),
        CarrierSchedule(
            code="mondial_relay", name="Mondial Relay", timezone=DEFAULT_TIMEZONE,
            holidays_country="FR", pickups=every(range(0, 6), "11:00"),
            match=("Mondial Relay*", "Mondial*"),
        ),
    ]


# -- reading ---------------------------------------------------------------------------

def parse_carriers(doc: Mapping[str, Any]) -> list[CarrierSchedule]:
    """The carriers of a parsed TOML (or JSON) document, in the document's order.

    A document without a ``carriers`` list has no carriers. Raises :class:`InputError`
    naming the carrier and the field for anything it cannot use: a missing or repeated
    code, an unknown field, weekday, time zone or holiday country, a time such as
    "25:00", a date that does not exist.
    """
    entries = doc.get("carriers", [])
    if not isinstance(entries, list) or not all(isinstance(e, Mapping) for e in entries):
        raise InputError("carriers.not_a_list")
    schedules = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        schedule = _parse_carrier(entry, position)
        if fold(schedule.code) in seen:
            raise InputError("carriers.duplicate_code", carrier=schedule.code)
        seen.add(fold(schedule.code))
        schedules.append(schedule)
    return schedules


def _parse_carrier(entry: Mapping[str, Any], position: int) -> CarrierSchedule:
    code = entry.get("code")
    if not isinstance(code, str) or not code.strip():
        raise InputError("carriers.missing_code", position=position)
    reader = _FieldReader(code.strip())
    for key in entry:
        if key not in _FIELDS:
            raise InputError("carriers.unknown_field", carrier=reader.carrier, field=key,
                             known=", ".join(_FIELDS))
    zone_name = reader.read_text(entry, "timezone", DEFAULT_TIMEZONE)
    zone = reader.read_zone(zone_name)
    country = reader.read_text(entry, "holidays", "").upper() or None
    subdivision = reader.read_text(entry, "holidays_subdivision", "") or None
    reader.check_holidays(country, subdivision)
    return CarrierSchedule(
        code=reader.carrier,
        name=reader.read_text(entry, "name", reader.carrier) or reader.carrier,
        timezone=zone_name,
        holidays_country=country,
        holidays_subdivision=subdivision,
        pickups=reader.read_pickups(entry.get("pickup", {})),
        closed=frozenset(reader.read_date(value, f"closed[{index}]")
                         for index, value in enumerate(reader.read_list(entry, "closed"))),
        extra=tuple(reader.read_moment(value, f"extra[{index}]", zone)
                    for index, value in enumerate(reader.read_list(entry, "extra"))),
        match=tuple(reader.read_texts(entry, "match")),
        express_services=tuple(reader.read_texts(entry, "express_services", ("express",))),
        max_weight_g=reader.read_max_weight(entry),
    )


class _FieldReader:
    """Reads the fields of one carrier, raising errors that name it and the field."""

    def __init__(self, carrier: str) -> None:
        self.carrier = carrier

    def fail(self, key: str, field_name: str, value: object) -> InputError:
        shown = value.isoformat() if isinstance(value, (date, time)) else value
        return InputError(key, carrier=self.carrier, field=field_name, value=shown)

    def read_max_weight(self, entry: Mapping[str, Any]) -> int:
        value = entry.get("max_weight_g", DEFAULT_MAX_WEIGHT_G)
        if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 1_000_000:
            raise self.fail("carriers.bad_max_weight", "max_weight_g", value)
        return value

    def read_text(self, entry: Mapping[str, Any], name: str, default: str) -> str:
        value = entry.get(name, default)
        if not isinstance(value, str):
            raise self.fail("carriers.not_text", name, value)
        return value.strip()

    def read_list(self, entry: Mapping[str, Any], name: str,
             default: Sequence[object] = ()) -> Sequence[object]:
        value = entry.get(name, default)
        if isinstance(value, (str, Mapping)) or not isinstance(value, Sequence):
            raise self.fail("carriers.not_a_list_field", name, value)
        return value

    def read_texts(self, entry: Mapping[str, Any], name: str,
              default: Sequence[str] = ()) -> list[str]:
        values = self.read_list(entry, name, default)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail("carriers.not_text", f"{name}[{index}]", value)
        return [value.strip() for value in values]  # type: ignore[union-attr]

    def read_zone(self, name: str) -> ZoneInfo:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail("carriers.bad_timezone", "timezone", name) from None

    def check_holidays(self, country: str | None, subdivision: str | None) -> None:
        if country is None:
            if subdivision is not None:
                raise self.fail("carriers.subdivision_without_country",
                                "holidays_subdivision", subdivision)
            return
        if country not in holidays.list_supported_countries():
            raise self.fail("carriers.bad_holidays", "holidays", country)
        try:
            holiday_calendar(country, subdivision)
        except NotImplementedError:
            raise self.fail("carriers.bad_subdivision", "holidays_subdivision",
                            subdivision) from None

    def read_pickups(self, table: object) -> dict[int, tuple[time, ...]]:
        if not isinstance(table, Mapping):
            raise self.fail("carriers.not_a_table", "pickup", table)
        pickups: dict[int, list[time]] = {}
        for day, value in table.items():
            weekday = _WEEKDAY_BY_NAME.get(str(day).strip().lower())
            if weekday is None:
                raise self.fail("carriers.bad_weekday", "pickup", day)
            values = value if isinstance(value, list) else [value]
            moments = pickups.setdefault(weekday, [])
            for index, item in enumerate(values):
                name = f"pickup.{day}" + (f"[{index}]" if isinstance(value, list) else "")
                moments.append(self.read_time(item, name))
        return {weekday: tuple(moments) for weekday, moments in pickups.items()}

    def read_time(self, value: object, name: str) -> time:
        if isinstance(value, time):  # TOML's own local time: 15:00:00
            if value.tzinfo is not None:
                raise self.fail("carriers.bad_time", name, value)
            return value
        if isinstance(value, str):
            found = _TIME.match(value.strip())
            if found:
                minute = found["minute"] or found["minute_h"] or "0"
                try:
                    return time(int(found["hour"]), int(minute), int(found["second"] or 0))
                except ValueError:
                    pass
        raise self.fail("carriers.bad_time", name, value)

    def read_date(self, value: object, name: str) -> date:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str) and _ISO_DATE.match(value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail("carriers.bad_date", name, value)

    def read_moment(self, value: object, name: str, zone: ZoneInfo) -> datetime:
        parsed: datetime | None = None
        if isinstance(value, datetime):
            parsed = value
        elif isinstance(value, str):
            text = value.strip()
            # A date alone would silently mean midnight: a pickup needs its hour.
            if len(text) > 10 and text[10] in "Tt ":
                try:
                    parsed = datetime.fromisoformat(text)
                except ValueError:
                    parsed = None
        if parsed is None:
            raise self.fail("carriers.bad_datetime", name, value)
        if parsed.tzinfo is None:
            return local_datetime(parsed.date(), parsed.time(), zone)
        return parsed.astimezone(zone)


def local_datetime(day: date, wall_time: time, zone: ZoneInfo) -> datetime:
    """``day`` at ``wall_time`` on the clocks of ``zone``, as an aware datetime.

    A wall time skipped by the spring DST change (02:30 on the last Sunday of March in
    Paris) does not exist: it becomes the same instant as the clocks show it, 03:30.
    A time repeated in autumn is its first occurrence.
    """
    naive = datetime.combine(day, wall_time.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=zone).astimezone(timezone.utc).astimezone(zone)


# -- writing ---------------------------------------------------------------------------

def to_document(schedule: CarrierSchedule) -> dict[str, Any]:
    """The schedule as plain JSON-ready data, in the form :func:`parse_carriers` reads.

    ``parse_carriers({"carriers": [to_document(s)]}) == [s]``.
    """
    document: dict[str, Any] = {
        "code": schedule.code,
        "name": schedule.name,
        "timezone": schedule.timezone,
        "holidays": schedule.holidays_country or "",
    }
    if schedule.holidays_subdivision:
        document["holidays_subdivision"] = schedule.holidays_subdivision
    pickup: dict[str, Any] = {}
    for weekday, times in schedule.pickups.items():
        texts = [_time_text(moment) for moment in times]
        pickup[WEEKDAY_KEYS[weekday]] = texts[0] if len(texts) == 1 else texts
    document["pickup"] = pickup
    document["closed"] = [day.isoformat() for day in sorted(schedule.closed)]
    document["extra"] = [_moment_text(moment, schedule.zone) for moment in schedule.extra]
    document["match"] = list(schedule.match)
    document["express_services"] = list(schedule.express_services)
    if schedule.max_weight_g != DEFAULT_MAX_WEIGHT_G:
        document["max_weight_g"] = schedule.max_weight_g
    return document


def to_toml(schedules: Iterable[CarrierSchedule]) -> str:
    """The schedules as a TOML text of ``[[carriers]]`` tables, read back by tomllib.

    Strings are written as JSON strings: every JSON string escape is also a TOML one.
    """
    def value(item: Any) -> str:
        if isinstance(item, str):
            return json.dumps(item, ensure_ascii=False)
        if isinstance(item, int) and not isinstance(item, bool):
            return str(item)
        if isinstance(item, list):
            return "[" + ", ".join(value(element) for element in item) + "]"
        if isinstance(item, dict) and not item:
            return "{}"
        if isinstance(item, dict):
            return "{ " + ", ".join(f"{key} = {value(element)}"
                                    for key, element in item.items()) + " }"
        raise TypeError(f"no TOML form for {item!r}")

    blocks = []
    for schedule in schedules:
        lines = ["[[carriers]]"]
        lines += [f"{key} = {value(item)}" for key, item in to_document(schedule).items()]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _time_text(moment: time) -> str:
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")


def _moment_text(moment: datetime, zone: ZoneInfo) -> str:
    """Local time without an offset when reading it back gives the same instant;
    with its offset in the hour the autumn DST change repeats."""
    local = moment.astimezone(zone)
    timespec = "seconds" if local.second else "minutes"
    plain = local.replace(tzinfo=None)
    if local_datetime(plain.date(), plain.time(), zone).timestamp() == local.timestamp():
        return plain.isoformat(timespec=timespec)
    return local.isoformat(timespec=timespec)


i18n.register({
    "carriers.not_a_list": (
        "Transporteurs : « carriers » doit être une liste de tables [[carriers]].",
        "Carriers: “carriers” must be a list of [[carriers]] tables.",
    ),
    "carriers.missing_code": (
        "Transporteur n° {position} : le champ « code » manque ou est vide.",
        "Carrier no. {position}: the “code” field is missing or empty.",
    ),
    "carriers.duplicate_code": (
        "Transporteur « {carrier} » : ce code est déjà utilisé par un autre transporteur.",
        "Carrier “{carrier}”: this code is already used by another carrier.",
    ),
    "carriers.unknown_field": (
        "Transporteur « {carrier} », champ « {field} » : ce champ n'existe pas "
        "(champs possibles : {known}).",
        "Carrier “{carrier}”, field “{field}”: no such field (known fields: {known}).",
    ),
    "carriers.bad_max_weight": (
        "Transporteur « {carrier} », champ « {field} » : « {value} » n'est pas un poids en grammes "
        "(un nombre entier de 100 à 1000000, par exemple 30000 pour 30 kg).",
        "Carrier “{carrier}”, field “{field}”: “{value}” is not a weight in grams "
        "(a whole number from 100 to 1000000, e.g. 30000 for 30 kg).",
    ),
    "carriers.not_text": (
        "Transporteur « {carrier} », champ « {field} » : « {value} » doit être un texte.",
        "Carrier “{carrier}”, field “{field}”: “{value}” must be a text.",
    ),
    "carriers.not_a_list_field": (
        "Transporteur « {carrier} », champ « {field} » : une liste est attendue, "
        "par exemple [\"…\", \"…\"], et non « {value} ».",
        "Carrier “{carrier}”, field “{field}”: a list is expected, "
        "for example [\"…\", \"…\"], not “{value}”.",
    ),
    "carriers.not_a_table": (
        "Transporteur « {carrier} », champ « {field} » : une table est attendue, "
        "par exemple {{ mon = \"15:00\" }}, et non « {value} ».",
        "Carrier “{carrier}”, field “{field}”: a table is expected, "
        "for example {{ mon = \"15:00\" }}, not “{value}”.",
    ),
    "carriers.bad_weekday": (
        "Transporteur « {carrier} », champ « {field} » : jour inconnu « {value} » "
        "(jours possibles : mon, tue, wed, thu, fri, sat, sun).",
        "Carrier “{carrier}”, field “{field}”: unknown weekday “{value}” "
        "(weekdays: mon, tue, wed, thu, fri, sat, sun).",
    ),
    "carriers.bad_time": (
        "Transporteur « {carrier} », champ « {field} » : heure invalide « {value} » "
        "(format HH:MM, par exemple 15:00).",
        "Carrier “{carrier}”, field “{field}”: invalid time “{value}” "
        "(format HH:MM, for example 15:00).",
    ),
    "carriers.bad_timezone": (
        "Transporteur « {carrier} », champ « {field} » : fuseau horaire inconnu « {value} » "
        "(par exemple Europe/Paris).",
        "Carrier “{carrier}”, field “{field}”: unknown time zone “{value}” "
        "(for example Europe/Paris).",
    ),
    "carriers.bad_holidays": (
        "Transporteur « {carrier} », champ « {field} » : pays inconnu « {value} » pour les "
        "jours fériés (code ISO à deux lettres, par exemple FR).",
        "Carrier “{carrier}”, field “{field}”: unknown country “{value}” for public "
        "holidays (two-letter ISO code, for example FR).",
    ),
    "carriers.bad_subdivision": (
        "Transporteur « {carrier} », champ « {field} » : région inconnue « {value} » pour "
        "les jours fériés de ce pays.",
        "Carrier “{carrier}”, field “{field}”: unknown region “{value}” for this "
        "country's public holidays.",
    ),
    "carriers.subdivision_without_country": (
        "Transporteur « {carrier} », champ « {field} » : « {value} » demande aussi le pays "
        "des jours fériés (champ « holidays »).",
        "Carrier “{carrier}”, field “{field}”: “{value}” also needs the country of the "
        "public holidays (the “holidays” field).",
    ),
    "carriers.bad_date": (
        "Transporteur « {carrier} », champ « {field} » : date invalide « {value} » "
        "(format AAAA-MM-JJ, par exemple 2026-08-14).",
        "Carrier “{carrier}”, field “{field}”: invalid date “{value}” "
        "(format YYYY-MM-DD, for example 2026-08-14).",
    ),
    "carriers.bad_datetime": (
        "Transporteur « {carrier} », champ « {field} » : date et heure invalides "
        "« {value} » (format AAAA-MM-JJTHH:MM, par exemple 2026-12-19T11:00).",
        "Carrier “{carrier}”, field “{field}”: invalid date and time “{value}” "
        "(format YYYY-MM-DDTHH:MM, for example 2026-12-19T11:00).",
    ),
})
