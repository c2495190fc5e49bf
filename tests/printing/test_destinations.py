"""FolderDestination writes whole files with clear names, and says clearly when it cannot."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from packstation.core import i18n
from packstation.printing.destinations import (
    Delivery, FolderDestination, PrintError, PrinterDestination, cups_media,
)

# The smallest document a destination will take; its bytes must come back unchanged.
PDF = b"%PDF-1.4\n% Packstation test document\n%%EOF\n"
NOON = datetime(2026, 11, 26, 12, 0, 5, tzinfo=timezone.utc)


def folder_at_noon(folder: Path) -> FolderDestination:
    return FolderDestination(folder, clock=lambda: NOON)


def test_writes_the_document_under_kind_ref_and_time(tmp_path: Path) -> None:
    delivery = folder_at_noon(tmp_path).deliver(PDF, kind="label", ref="A-1001")

    assert delivery == Delivery(destination=str(tmp_path), path=tmp_path / "label-A-1001-20261126-120005.pdf")
    assert not delivery.awaits_printer
    assert delivery.path.read_bytes() == PDF
    assert delivery.path.stat().st_mode & 0o777 == 0o644
    assert os.listdir(tmp_path) == [delivery.path.name]  # no temporary file left over


def test_same_name_in_the_same_second_gets_a_suffix(tmp_path: Path) -> None:
    destination = folder_at_noon(tmp_path)
    paths = [destination.deliver(PDF + bytes([n]), kind="slip", ref="A-7").path for n in range(3)]

    assert [path.name for path in paths] == [
        "slip-A-7-20261126-120005.pdf", "slip-A-7-20261126-120005-2.pdf",
        "slip-A-7-20261126-120005-3.pdf",
    ]
    assert [path.read_bytes()[-1] for path in paths] == [0, 1, 2]


@pytest.mark.parametrize(("ref", "file_name"), [
    ("#1001", "label-1001-20261126-120005.pdf"),
    ("WC/2024/12", "label-WC_2024_12-20261126-120005.pdf"),
    ("../../etc/passwd", "label-etc_passwd-20261126-120005.pdf"),
    ("Zürich 7", "label-Zürich_7-20261126-120005.pdf"),
])
def test_shop_references_become_safe_file_names(tmp_path: Path, ref: str, file_name: str) -> None:
    path = folder_at_noon(tmp_path).deliver(PDF, kind="label", ref=ref).path
    assert path == tmp_path / file_name
    assert path.read_bytes() == PDF


def test_the_folder_is_created_when_missing(tmp_path: Path) -> None:
    folder = tmp_path / "documents" / "labels"
    path = folder_at_noon(folder).deliver(PDF, kind="label", ref="A-1").path
    assert path.parent == folder and path.read_bytes() == PDF


def test_default_clock_is_local_time(tmp_path: Path) -> None:
    before = datetime.now().astimezone().replace(microsecond=0)
    path = FolderDestination(tmp_path).deliver(PDF, kind="manifest", ref="colissimo").path
    stamp = datetime.strptime(path.stem.removeprefix("manifest-colissimo-"), "%Y%m%d-%H%M%S")
    assert before.replace(tzinfo=None) <= stamp <= datetime.now()


@pytest.mark.parametrize("language, words", [
    ("fr", "Impossible d'enregistrer le document dans le dossier"),
    ("en", "Cannot save the document in the folder"),
])
def test_unwritable_folder_names_the_folder(tmp_path: Path, language: str, words: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    folder = blocker / "labels"

    with pytest.raises(PrintError) as caught:
        FolderDestination(folder).deliver(PDF, kind="label", ref="A-1")

    message = i18n.tr(caught.value.key, language, **caught.value.params)
    assert caught.value.key == "print.folder_unwritable"
    assert words in message and str(folder) in message
    assert "Not a directory" in message  # the system's reason, for whoever fixes it


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 32 KiB file system: real 'No space left on device' errors (needs root)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(mount_point)],
        capture_output=True, check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_full_disk_says_so_and_leaves_nothing_behind(tiny_disk: Path) -> None:
    destination = FolderDestination(tiny_disk)
    destination.deliver(PDF, kind="label", ref="fits")
    too_big = PDF + b"x" * 200_000

    with pytest.raises(PrintError) as caught:
        destination.deliver(too_big, kind="label", ref="too-big")

    assert caught.value.key == "print.folder_full"
    assert str(tiny_disk) in i18n.tr(caught.value.key, "en", **caught.value.params)
    assert "plein" in i18n.tr(caught.value.key, "fr", **caught.value.params)
    # The first label is intact and no half-written file is left for a watcher to take.
    assert [path.name.split("-")[1] for path in tiny_disk.iterdir()] == ["fits"]


@pytest.mark.parametrize("destination", [
    FolderDestination(Path("/nonexistent")), PrinterDestination("PDF"),
], ids=repr)
def test_only_pdf_documents_are_taken(destination) -> None:
    with pytest.raises(ValueError, match="PDF"):
        destination.deliver(b"<html>not a pdf</html>", kind="label", ref="A-1")


@pytest.mark.parametrize(("media", "expected"), [
    ("100x150mm", "Custom.100x150mm"),
    ("4x6in", "Custom.4x6in"),
    ("4 x 6 IN", "Custom.4x6in"),
    ("101.6x152.4mm", "Custom.101.6x152.4mm"),
    ("A4", "A4"),
    ("a6", "A6"),
    ("letter", "Letter"),
])
def test_media_names_become_cups_media(media: str, expected: str) -> None:
    assert cups_media(media) == expected


@pytest.mark.parametrize("media", ["", "B52", "100x150", "100mmx150mm", "tall"])
def test_unknown_media_is_a_settings_error(media: str) -> None:
    with pytest.raises(PrintError) as caught:
        PrinterDestination("PDF", media)
    assert caught.value.key == "print.unknown_media"
    assert "100x150mm" in caught.value.message


@pytest.mark.parametrize("arguments", [
    {"orientation": "sideways"}, {"copies": 0}, {"copies": 100},
])
def test_printer_settings_are_checked(arguments: dict) -> None:
    with pytest.raises(ValueError):
        PrinterDestination("PDF", "A6", **arguments)
