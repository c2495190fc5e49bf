"""Where Packstation keeps its files by default: the user's data, configuration and
documents folders of the platform (platformdirs). Nothing is created here."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import platformdirs

APP = "packstation"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_database() -> Path:
    return data_dir() / "packstation.sqlite3"


def default_config_file() -> Path:
    return config_dir() / "station.toml"


def default_output_dir(day: dt.date | None = None) -> Path:
    """A dated folder in the user's documents for PDFs when no printer is configured."""
    day = day or dt.date.today()
    return Path(platformdirs.user_documents_dir()) / "Packstation" / day.isoformat()


def resources_dir() -> Path:
    """The bundled fonts, sounds and screenshots: beside the package in a checkout (and an
    editable install), under ``share/packstation`` of the environment in a wheel install."""
    beside = Path(__file__).resolve().parent.parent.parent / "resources"
    installed = Path(sys.prefix) / "share" / "packstation" / "resources"
    return beside if beside.is_dir() or not installed.is_dir() else installed
