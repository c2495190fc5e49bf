"""The plain data that documents are made from.

Renderers take these frozen dataclasses and nothing else: no database rows, no Qt
objects. Services build them from the database; tests build them by hand. Text fields
hold the user's text as written (any script, any characters): the renderers check,
escape and lay it out. Weights are integer grams; datetimes should be aware and are
shown in their own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Sequence

from packstation.core.i18n import LANGUAGES

SERVICES = ("standard", "express")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown document language {language!r}: choose one of {LANGUAGES}")


def _check_service(service: str) -> None:
    if service not in SERVICES:
        raise ValueError(f"unknown service {service!r}: choose one of {SERVICES}")


@dataclass(frozen=True)
class Address:
    """A postal address. ``country`` is an ISO 3166 alpha-2 code (``"FR"``)."""

    name: str
    company: str = ""
    line1: str = ""
    line2: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Shop:
    """The merchant: printed on slips, pick lists and manifests.

    ``logo`` holds the bytes of a PNG or JPEG image; ``language`` is the default
    language of the shop's documents.
    """

    name: str
    address: Address
    logo: bytes | None = field(default=None, repr=False)
    return_instructions: str = ""
    language: str = "fr"

    def __post_init__(self) -> None:
        _check_language(self.language)


@dataclass(frozen=True)
class LabelData:
    """One shipping label: one parcel of an order."""

    order_ref: str
    tracking: str
    carrier_name: str
    service: str  # one of SERVICES
    weight_g: int
    sender: Address
    recipient: Address
    shipped_on: date
    parcel_index: int = 1
    parcel_count: int = 1
    language: str = "fr"

    def __post_init__(self) -> None:
        _check_language(self.language)
        _check_service(self.service)
        if not 1 <= self.parcel_index <= self.parcel_count:
            raise ValueError(
                f"parcel {self.parcel_index} of {self.parcel_count}: index out of range"
            )
        if self.weight_g < 0:
            raise ValueError(f"negative weight: {self.weight_g} g")


@dataclass(frozen=True)
class SlipLine:
    """One order line as the packer sees it: where to take it, and how many."""

    sku: str
    name: str
    bin: str
    quantity: int
    ean: str = ""


@dataclass(frozen=True)
class SlipData:
    """A packing slip: what goes in the parcel, for the packer and the customer."""

    shop: Shop
    order_ref: str
    order_date: datetime
    recipient: Address
    carrier_name: str
    service: str
    lines: Sequence[SlipLine]
    note: str = ""
    language: str = "fr"
    pickup_point: str = ""   # the relay point the customer chose, as the shop wrote it
    held: bool = False  # on hold: printed "BLOQUÉE", never to ship as it is

    def __post_init__(self) -> None:
        _check_language(self.language)
        _check_service(self.service)


@dataclass(frozen=True)
class PickOrder:
    """One order of a pick list batch."""

    ref: str
    carrier_name: str
    lines: Sequence[SlipLine]
    held: bool = False  # on hold: the card says "BLOQUÉE"


@dataclass(frozen=True)
class PickListData:
    """A batch of orders to pick in one walk through the stock."""

    shop: Shop
    orders: Sequence[PickOrder]
    printed_at: datetime
    language: str = "fr"
    # Orders the queue has among these but short of stock: (ref, what is missing).
    left_out: Sequence[tuple[str, str]] = ()

    def __post_init__(self) -> None:
        _check_language(self.language)


@dataclass(frozen=True)
class ManifestParcel:
    """One parcel handed over to the carrier."""

    tracking: str
    order_ref: str
    recipient_name: str
    postcode: str
    city: str
    country: str
    weight_g: int


@dataclass(frozen=True)
class ManifestData:
    """The carrier manifest (bordereau de remise) signed at pickup."""

    shop: Shop
    carrier_name: str
    pickup_at: datetime
    parcels: Sequence[ManifestParcel]
    language: str = "fr"

    def __post_init__(self) -> None:
        _check_language(self.language)


@dataclass(frozen=True)
class ProductLabel:
    """A shelf or product sticker. ``code`` is a GTIN (EAN-13, UPC-A, EAN-8) or any text."""

    sku: str
    name: str
    code: str
