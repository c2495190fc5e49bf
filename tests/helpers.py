"""Test data written as real files: generic order CSVs and valid EANs."""

from __future__ import annotations

import csv
from pathlib import Path

from packstation.core import gtin

GENERIC_COLUMNS = [
    "order_ref", "order_date", "carrier", "service", "customer_name", "company", "address1",
    "address2", "postcode", "city", "region", "country", "phone", "email", "sku", "ean",
    "product_name", "quantity", "unit_price", "currency", "weight_g", "bin", "note", "risk",
]


def ean(body: str) -> str:
    """A valid EAN-13 from 12 digits."""
    return body + gtin.check_digit(body)


TEA = ean("376000000001")
MUG = ean("376000000002")
BISCUITS = ean("376000000003")
BISCUITS_6 = ean("376000000004")
OTHER = ean("376000000099")  # a product of the shop that is in no test order


def row(ref: str, sku: str, quantity: int, **values) -> dict:
    base = {
        "order_ref": ref, "order_date": "2026-11-25 09:30", "carrier": "Colissimo Domicile",
        "service": "standard", "customer_name": "Zofia Wójcik", "address1": "ul. Piotrkowska 104",
        "postcode": "90-006", "city": "Łódź", "country": "PL", "email": "zofia@example.com",
        "sku": sku, "quantity": str(quantity), "unit_price": "9.90", "currency": "EUR",
        "weight_g": "100", "bin": "A-01",
    }
    base.update(values)
    return base


def line_row(ref: str, sku: str, quantity: int, **values) -> dict:
    """A later row of an order: the order columns left empty, as the format allows."""
    base = {"order_ref": ref, "sku": sku, "quantity": str(quantity), "unit_price": "9.90",
            "weight_g": "100"}
    base.update(values)
    return base


def shop_rows() -> list[dict]:
    """Three orders: a tea and mugs; biscuits by the unit and by the 6-pack; a spoon without barcode."""
    return [
        row("CMD-1", "TEA", 1, ean=TEA, product_name="Thé Earl Grey", bin="A-01"),
        line_row("CMD-1", "MUG", 2, ean=MUG, product_name="Tasse en grès", bin="B-02", weight_g="320"),
        row("CMD-2", "BISC", 7, ean=f"{BISCUITS}|{BISCUITS_6}*6", product_name="Sablés",
            bin="C-01", customer_name="Γιώργος Παπαδόπουλος", address1="Οδός Ερμού 25",
            postcode="105 63", city="Αθήνα", country="GR", email="g@example.com"),
        row("CMD-3", "SPOON", 2, ean="", product_name="Cuillère en bois", bin="D-04",
            customer_name="Иван Петров", city="София", postcode="1000", country="BG",
            email="ivan@example.com", note="Cadeau : pas de facture"),
        line_row("CMD-3", "TEA", 4, ean=TEA, product_name="Thé Earl Grey", bin="A-01"),
        row("CMD-4", "OTHER", 1, ean=OTHER, product_name="Boîte à thé", bin="E-01"),
    ]


def write_csv(path: Path, rows: list[dict], *, delimiter: str = ",", encoding: str = "utf-8",
              columns: list[str] = GENERIC_COLUMNS) -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=delimiter,
                                extrasaction="ignore")
        writer.writeheader()
        for values in rows:
            writer.writerow({column: values.get(column, "") for column in columns})
    return path


def import_rows(tmp_path: Path, rows: list[dict], name: str = "orders.csv", **kwargs):
    """Import rows through the real importer; returns its report."""
    from packstation.services.importing import Importer

    path = write_csv(tmp_path / name, rows)
    return Importer(station="test").import_file(path, **kwargs)
