"""The station's context: which database, which station, which language — built once by
the composition roots (cli, app) from the command line, the environment and the
station's configuration file."""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packstation.core import i18n, paths
from packstation.core.errors import InputError

CONFIG_ENV = "PACKSTATION_CONFIG"


@dataclass
class StationConfig:
    """The station's own settings (the TOML file); shop-wide ones live in the database."""

    path: Path | None = None
    station: str = field(default_factory=lambda: socket.gethostname() or "Table 1")
    database: str | None = None
    language: str | None = None
    ask_weight: bool = False
    packaging_g: int = 150
    open_next: bool = True
    output_dir: str | None = None
    label_layout: str = "100x150"
    printers: dict[str, dict] = field(default_factory=dict)  # kind -> {"printer"/"folder", "media"...}
    inbox: str | None = None
    sounds: bool = True
    raw: dict = field(default_factory=dict)


def load_config(path: str | os.PathLike | None = None) -> StationConfig:
    """Read the station file (``--config``, ``PACKSTATION_CONFIG`` or the default one).

    A missing default file is fine (defaults apply); a file named explicitly must exist.
    """
    explicit = path or os.environ.get(CONFIG_ENV)
    target = Path(explicit) if explicit else paths.default_config_file()
    if not target.exists():
        if explicit:
            raise InputError("config.missing", path=str(target))
        return StationConfig()
    try:
        document = tomllib.loads(target.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError("config.bad_toml", path=str(target), reason=str(error)) from None
    except OSError as error:
        raise InputError("config.unreadable", path=str(target), reason=error.strerror) from None
    station = document.get("station", {})
    printing = document.get("printing", {})
    config = StationConfig(path=target, raw=document)
    config.station = str(station.get("name") or config.station)
    config.database = station.get("database") or None
    config.language = station.get("language") or None
    config.ask_weight = bool(station.get("ask_weight", config.ask_weight))
    config.packaging_g = int(station.get("packaging_g", config.packaging_g))
    config.open_next = bool(station.get("open_next", config.open_next))
    config.sounds = bool(station.get("sounds", config.sounds))
    config.output_dir = printing.get("output_dir") or None
    config.label_layout = printing.get("label_layout", config.label_layout)
    config.printers = {kind: dict(value) for kind, value in printing.items() if isinstance(value, dict)}
    config.inbox = (document.get("import") or {}).get("inbox") or None
    return config


i18n.register({
    "config.missing": ("Fichier de configuration introuvable : {path}.",
                       "Configuration file not found: {path}."),
    "config.bad_toml": ("Fichier de configuration {path} illisible : {reason}. Corrigez-le ou supprimez-le.",
                        "Configuration file {path} cannot be read: {reason}. Fix it or remove it."),
    "config.unreadable": ("Impossible de lire {path} : {reason}.", "Cannot read {path}: {reason}."),
})
