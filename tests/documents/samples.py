"""Realistic document data for the tests: a Lyon shop and customers across Europe and beyond."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from zoneinfo import ZoneInfo

from packstation.documents.model import (
    Address, LabelData, ManifestData, ManifestParcel, PickListData, PickOrder, Shop, SlipData,
    SlipLine,
)

PARIS = ZoneInfo("Europe/Paris")

SENDER = Address("Atelier Lumière", line1="12 rue des Lilas", postcode="69003", city="Lyon",
                 country="FR", phone="+33 4 78 00 00 00", email="bonjour@atelier-lumiere.fr")

SHOP = Shop("Atelier Lumière", SENDER,
            return_instructions="Retours gratuits sous 30 jours : glissez ce bon dans le colis.")

#: Addresses as customers write them, each in its own script.
RECIPIENTS = {
    "polish": Address("Zofia Wójcik", line1="ul. Piotrkowska 104", postcode="90-001",
                      city="Łódź", country="PL"),
    "greek": Address("Γιώργος Παπαδόπουλος", line1="Οδός Ερμού 25", postcode="105 63",
                     city="Αθήνα", region="Ελλάδα", country="GR"),
    "russian": Address("Иван Петров", line1="ул. Тверская, д. 7", postcode="125009",
                       city="Москва", country="RU"),
    "swiss": Address("Jürg Müller", line1="Bahnhofstrasse 1", postcode="8001", city="Zürich",
                     country="CH"),
    "brazilian": Address("João Conceição", line1="Avenida Paulista, 1578", postcode="01310-200",
                         city="São Paulo", region="SP", country="BR"),
    "bulgarian": Address("Мария Иванова", line1="бул. Витоша 15", postcode="1000", city="София",
                         country="BG"),
}

#: The text of each address that must come out of the PDF as written.
MUST_READ = {
    "polish": ["Zofia Wójcik", "90-001 Łódź"],
    "greek": ["Γιώργος Παπαδόπουλος", "Οδός Ερμού 25", "105 63 Αθήνα", "Ελλάδα"],
    "russian": ["Иван Петров", "ул. Тверская, д. 7", "125009 Москва"],
    "swiss": ["Jürg Müller", "8001 Zürich"],
    "brazilian": ["João Conceição", "01310-200 São Paulo"],
    "bulgarian": ["Мария Иванова", "бул. Витоша 15", "1000 София"],
}

DOMESTIC = Address("Camille Durand", company="<b>Ltd & Co</b>", line1="5 place Bellecour",
                   postcode="69002", city="Lyon", country="FR", phone="06 12 34 56 78")


def label(recipient: Address = DOMESTIC, **changes) -> LabelData:
    data = LabelData(order_ref="#1042", tracking="6A12345678901", carrier_name="Colissimo",
                     service="standard", weight_g=1250, sender=SENDER, recipient=recipient,
                     shipped_on=date(2025, 3, 14))
    return dataclasses.replace(data, **changes)


def slip_lines(count: int) -> list[SlipLine]:
    """``count`` lines whose bins are not in order (the slip must sort them)."""
    return [SlipLine(sku=f"SKU-{number:03d}", name=f"Bougie parfumée n°{number}",
                     bin=f"{'CAB'[number % 3]}{(number * 7) % 13 + 1}", quantity=1 + number % 3)
            for number in range(count)]


def slip(lines: list[SlipLine] | None = None, **changes) -> SlipData:
    data = SlipData(shop=SHOP, order_ref="#1042", order_date=datetime(2025, 3, 14, 9, 30, tzinfo=PARIS),
                    recipient=RECIPIENTS["polish"], carrier_name="Colissimo", service="standard",
                    lines=lines if lines is not None else slip_lines(10),
                    note="Merci de ne pas plier !")
    return dataclasses.replace(data, **changes)


def pick_list(orders: list[PickOrder], **changes) -> PickListData:
    data = PickListData(shop=SHOP, orders=orders,
                        printed_at=datetime(2025, 3, 14, 8, 5, tzinfo=PARIS))
    return dataclasses.replace(data, **changes)


def manifest(parcels: list[ManifestParcel], **changes) -> ManifestData:
    data = ManifestData(shop=SHOP, carrier_name="Colissimo", parcels=parcels,
                        pickup_at=datetime(2025, 3, 14, 15, 0, tzinfo=PARIS))
    return dataclasses.replace(data, **changes)
