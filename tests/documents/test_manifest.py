"""The carrier manifest: every parcel, the totals the driver checks, the signature boxes."""

from __future__ import annotations

import pytest

from packstation.documents import ManifestParcel, UnprintableTextError, render_manifest

from . import samples
from .pdfs import page_texts, pdf_text

PARCELS = [
    ManifestParcel("6A12345678901", "#1001", "Zofia Wójcik", "90-001", "Łódź", "PL", 850),
    ManifestParcel("6A12345678902", "#1002", "Γιώργος Παπαδόπουλος", "105 63", "Αθήνα", "GR", 1200),
    ManifestParcel("6A12345678903", "#1003", "Иван Петров", "125009", "Москва", "RU", 2405),
]


def test_every_parcel_and_the_totals():
    text = pdf_text(render_manifest(samples.manifest(PARCELS)))
    assert "BORDEREAU DE REMISE" in text
    assert "Transporteur : Colissimo" in text
    assert "Remise le 14/03/2025 15 h 00" in text
    for parcel in PARCELS:
        assert parcel.tracking in text and parcel.order_ref in text
        assert parcel.recipient_name in text and parcel.city in text
    assert "850 g" in text and "1,20 kg" in text and "2,41 kg" in text
    assert "Nombre de colis 3" in text
    assert "Poids total 4,46 kg" in text
    assert "L'expéditeur" in text and "Le chauffeur" in text
    assert text.count("Nom, date et signature") == 2


def test_in_english():
    text = pdf_text(render_manifest(samples.manifest(PARCELS, language="en")))
    assert "CARRIER MANIFEST" in text and "Number of parcels 3" in text
    assert "Total weight 4.46 kg" in text and "The driver" in text


def test_a_long_manifest_keeps_totals_and_signatures_together_on_the_last_page():
    parcels = [ManifestParcel(f"6A{number:011d}", f"#{number}", "Camille Durand", "69002", "Lyon",
                              "FR", 1000) for number in range(90)]
    pages = page_texts(render_manifest(samples.manifest(parcels)))
    assert len(pages) >= 3
    assert all(f"/{len(pages)}" in page for page in pages)
    assert "Nombre de colis" in pages[-1] and "Le chauffeur" in pages[-1]
    assert "Poids total 90,00 kg" in pdf_text(render_manifest(samples.manifest(parcels)))


def test_an_empty_pickup_still_gives_a_signed_zero():
    text = pdf_text(render_manifest(samples.manifest([])))
    assert "Nombre de colis 0" in text and "Poids total 0 g" in text


def test_an_unprintable_recipient_is_refused():
    parcels = [ManifestParcel("6A1", "#1", "Ilse \U00010000", "10115", "Berlin", "DE", 500)]
    with pytest.raises(UnprintableTextError) as caught:
        render_manifest(samples.manifest(parcels))
    assert "Bordereau Colissimo" in caught.value.message


def test_long_tracking_numbers_and_refs_are_never_broken_in_the_middle():
    parcels = [ManifestParcel("JJD000390007123456789", "#SHOP-2026-100234", "Zofia Wójcik", "90-001",
                              "Łódź", "PL", 850),
               ManifestParcel("XW123456789FR", "WC-99887766", "Иван Петров", "125009", "Москва", "RU", 2405)]
    text = pdf_text(render_manifest(samples.manifest(parcels)))
    for parcel in parcels:
        assert parcel.tracking in text and parcel.order_ref in text, text


@pytest.mark.parametrize("count", [23, 27, 31])
def test_the_totals_and_signatures_never_start_a_page_without_parcels(count):
    parcels = [ManifestParcel(f"6A{number:011d}", f"#{number}", "Camille Durand", "69002", "Lyon",
                              "FR", 1000) for number in range(count)]
    pages = page_texts(render_manifest(samples.manifest(parcels)))
    assert "Nombre de colis" in pages[-1] and f"6A{count - 1:011d}" in pages[-1]
    text = pdf_text(render_manifest(samples.manifest(parcels)))
    assert all(f"6A{number:011d}" in text for number in range(count))  # none lost, none twice
    assert sum(text.count(f"6A{number:011d}") for number in range(count)) == count
    assert f"Nombre de colis {count}" in text
