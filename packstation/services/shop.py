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
    from packstation.services.importing import settle_imports

    settle_imports()   # a big import killed while it released its orders: finished
    # A [[carriers]] table holding only a code and a label account names the account of a
    # carrier whose pickups are kept in the shop's settings: it changes no schedule.
    schedules = [entry for entry in config.raw.get("carriers") or []
                 if not isinstance(entry, dict) or set(entry) - {"code", "label"}]
    if schedules:
        save_carriers(parse_carriers({"carriers": schedules}), station=config.station)
    else:
        ensure_carriers(station=config.station)
    return db


# -- the shop itself (the sender of every parcel) ---------------------------------------

#: What ``packstation shop set KEY=VALUE…`` may set, in the order ``shop --json`` shows.
SHOP_KEYS = ("name", "address1", "address2", "postcode", "city", "country", "phone", "email")


def shop_json() -> dict:
    """The shop as ``packstation shop --json`` shows it."""
    from packstation.services.settings import shop_settings

    settings = shop_settings()
    data = {key: getattr(settings, key) for key in SHOP_KEYS}
    data["configured"] = settings.configured
    return data


def set_shop(assignments: list[str], *, station: str = "") -> dict:
    """Set shop fields from ``KEY=VALUE`` texts, all or none; returns the shop."""
    from dataclasses import replace

    from packstation.core.errors import InputError
    from packstation.services.settings import save_shop_settings, shop_settings

    if not assignments:
        raise InputError("shop.nothing_to_set", keys=", ".join(SHOP_KEYS))
    changes: dict[str, str] = {}
    for assignment in assignments:
        key, equals, value = assignment.partition("=")
        key, value = key.strip(), value.strip()
        if not equals or key not in SHOP_KEYS:
            raise InputError("shop.bad_assignment", text=assignment, keys=", ".join(SHOP_KEYS))
        if key == "country":
            value = value.upper()
            if len(value) != 2 or not value.isalpha():
                raise InputError("shop.bad_country", value=value)
        if key == "email" and value and ("@" not in value or " " in value):
            raise InputError("shop.bad_email", value=value)
        if key == "name" and not value:
            raise InputError("shop.no_name")
        changes[key] = value
    save_shop_settings(replace(shop_settings(), **changes), station=station)
    return shop_json()


from packstation.core import i18n  # noqa: E402  (messages of the section above)

i18n.register({
    "shop.nothing_to_set": ("Donnez au moins un réglage CLÉ=VALEUR (clés : {keys}).",
                            "Give at least one KEY=VALUE setting (keys: {keys})."),
    "shop.bad_assignment": ("« {text} » : écrivez CLÉ=VALEUR avec une clé parmi {keys}.",
                            "“{text}”: write KEY=VALUE with a key among {keys}."),
    "shop.bad_country": ("Pays « {value} » refusé : donnez le code ISO à deux lettres (FR, BE…).",
                         "Country “{value}” refused: give the two-letter ISO code (FR, BE…)."),
    "shop.bad_email": ("Adresse e-mail « {value} » refusée : elle doit contenir un @ et aucune espace.",
                       "E-mail address “{value}” refused: it must hold an @ and no space."),
    "shop.no_name": ("Le nom de la boutique ne peut pas être vide.", "The shop's name cannot be empty."),
})
