"""Opening the shop: the database, brought up to date, with its carriers in place.

The CLI, the window and the tests all start here, so that they see the same shop.
"""

from __future__ import annotations

import peewee

from packstation.core.carriers import parse_carriers
from packstation.db import open_database
from packstation.services.carriers import ensure_carriers, save_carriers
from packstation.services.context import StationConfig


def open_shop(target: str | None = None, config: StationConfig | None = None) -> peewee.Database:
    """Open (creating if needed) the shop's database; declare the configured carriers."""
    config = config or StationConfig()
    db = open_database(target or config.database)
    if config.raw.get("carriers"):
        save_carriers(parse_carriers(config.raw), station=config.station)
    else:
        ensure_carriers(station=config.station)
    return db
