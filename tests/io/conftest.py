"""Helpers for the importer and exporter tests: sample files and the message language."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from packstation.core import i18n

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def _speaking(language: str):
    previous = i18n.language()
    i18n.set_language(language)
    yield
    i18n.set_language(previous)


@pytest.fixture
def english():
    """Messages in English for the duration of a test (then the previous language)."""
    yield from _speaking("en")


@pytest.fixture
def french():
    yield from _speaking("fr")


@pytest.fixture
def write_csv(tmp_path):
    """Write rows as a real CSV file: write_csv(name, header, rows, encoding=, delimiter=)."""

    def write(name: str, header: list[str], rows: list[list[str]] | list[dict], *,
              encoding: str = "utf-8", delimiter: str = ",") -> Path:
        path = tmp_path / name
        with open(path, "w", encoding=encoding, newline="") as stream:
            writer = csv.writer(stream, delimiter=delimiter)
            writer.writerow(header)
            for row in rows:
                writer.writerow([row.get(column, "") for column in header]
                                if isinstance(row, dict) else row)
        return path

    return write
