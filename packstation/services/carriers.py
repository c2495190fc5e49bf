"""Carriers are shop-wide: stored in the database, shared by every table, declared
by the configuration file or the settings, and read back as schedules."""

from __future__ import annotations

from typing import Iterable

from packstation.core.carriers import CarrierSchedule, default_carriers, parse_carriers, to_document
from packstation.db import atomic
from packstation.db.models import Carrier, utcnow
from packstation.db.queries import log_event


def save_carriers(schedules: Iterable[CarrierSchedule], *, station: str = "") -> list[Carrier]:
    """Add or update carriers by code (one transaction, one event)."""
    saved = []
    with atomic():
        for schedule in schedules:
            document = to_document(schedule)
            carrier = Carrier.get_or_none(Carrier.code == schedule.code)
            if carrier is None:
                carrier = Carrier.create(code=schedule.code, name=schedule.name, definition=document)
            elif carrier.definition != document or carrier.name != schedule.name:
                carrier.name, carrier.definition, carrier.updated_at = schedule.name, document, utcnow()
                carrier.save()
            else:
                saved.append(carrier)
                continue
            log_event("carrier_saved", station=station, data={"code": schedule.code})
            saved.append(carrier)
    return saved


def ensure_carriers(*, station: str = "") -> None:
    """A new shop starts with the usual French carriers; an existing one is left alone."""
    if not Carrier.select().exists():
        save_carriers(default_carriers(), station=station)


def schedule_of(carrier: Carrier) -> CarrierSchedule:
    return parse_carriers({"carriers": [carrier.definition]})[0]


def load_schedules() -> dict[int, CarrierSchedule]:
    """Every carrier's schedule by database id."""
    return {carrier.id: schedule_of(carrier) for carrier in Carrier.select().order_by(Carrier.id)}
