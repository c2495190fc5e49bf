"""Shop-wide settings, stored in the database and shared by every table."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from packstation.db import atomic
from packstation.db.models import Setting, utcnow
from packstation.db.queries import log_event

SHOP_KEY = "shop"
HOLDS_KEY = "holds"


@dataclass
class ShopSettings:
    name: str = "Ma Boutique"
    address1: str = ""
    address2: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    return_instructions: str = ""
    document_language: str = "fr"
    # Customs (CN23) for a product the products import gave no HS code / origin: "" none.
    default_hs_code: str = ""
    default_origin_country: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.address1 and self.postcode and self.city)

    def logo(self) -> bytes | None:
        if not self.logo_path:
            return None
        try:
            return Path(self.logo_path).read_bytes()
        except OSError:
            return None


DEMO_SHOP = ShopSettings(
    name="Le Comptoir des Thés", address1="8 rue de la Paix", postcode="69002", city="Lyon",
    country="FR", phone="+33 4 72 00 00 00", email="bonjour@comptoir-des-thes.example",
    return_instructions="Retours sous 30 jours : glissez ce bon dans le colis et renvoyez-le à "
                        "l'adresse ci-dessus. Remboursement sous 14 jours.",
)


@dataclass
class HoldSettings:
    """The fraud rules applied at import (see services.holds).

    Out of the box an order is held only when the platform flags it high risk or it is
    on a deny list: the other rules are the merchant's choice. The amount rule compares
    orders in its own currency only (1 500 BDT is no 1 500 EUR).
    """

    hold_risk_levels: list[str] = field(default_factory=lambda: ["high"])
    hold_country_mismatch: bool = False
    hold_total_above: str | None = None
    hold_total_currency: str = "EUR"
    hold_first_order_express: bool = False
    # Orders the shop says are not paid yet (pending, authorised): marked in the queue;
    # held as well when this is on. Cash on delivery is never held for payment.
    hold_awaiting_payment: bool = False
    deny_emails: list[str] = field(default_factory=list)
    deny_addresses: list[str] = field(default_factory=list)


def get_setting(key: str, default=None):
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def set_setting(key: str, value, *, station: str = "", packer: str = "") -> None:
    with atomic():
        updated = Setting.update(value=value, updated_at=utcnow()).where(Setting.key == key).execute()
        if not updated:
            Setting.create(key=key, value=value)
        log_event("setting_changed", station=station, packer=packer, data={"key": key})


def shop_settings() -> ShopSettings:
    stored = get_setting(SHOP_KEY) or {}
    known = ShopSettings.__dataclass_fields__
    return ShopSettings(**{key: value for key, value in stored.items() if key in known})


def save_shop_settings(settings: ShopSettings, *, station: str = "") -> None:
    set_setting(SHOP_KEY, asdict(settings), station=station)


def hold_settings() -> HoldSettings:
    stored = get_setting(HOLDS_KEY)
    if stored is None:
        return HoldSettings()
    known = HoldSettings.__dataclass_fields__
    return HoldSettings(**{key: value for key, value in stored.items() if key in known})


def save_hold_settings(settings: HoldSettings, *, station: str = "") -> None:
    set_setting(HOLDS_KEY, asdict(settings), station=station)
