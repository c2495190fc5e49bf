"""The station's context: which database, which station, which language — built once by
the composition roots (cli, app) from the command line, the environment and the
station's configuration file.

This module owns the station file both ways: :func:`load_config` reads it,
:func:`validate_config` says what is wrong with a :class:`StationConfig` (each problem
tied to the field it concerns, so the settings window can show it next to that field),
and :func:`save_config` writes a valid one back as TOML that ``tomllib`` reads, keeping
the sections it does not own (``[[carriers]]``, ``[import] profiles``...) intact.

The file, as written::

    [station]
    name = "Table 1"
    ask_weight = false
    packaging_g = 150
    open_next = true
    require_packer = false   # true: no order opens before a packer scanned their badge
    sounds = true

    [printing]
    output_dir = "/home/shop/Packstation"
    label_layout = "100x150"

    [printing.label]
    printer = "socket://192.168.1.50:9100"   # or a system printer's name
    format = "zpl"                           # pdf (default) or zpl, for labels
    dpi = 203                                # ZPL: 203 or 300

    [printing.slip]
    printer = "Bureau"
    media = "A4"

    [import]
    inbox = "/home/shop/inbox"
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import socket
import tomli as tomllib  # TOML 1.1: the station file contract writes inline tables over several lines
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from packstation.core import i18n, paths
from packstation.core.errors import InputError, PackstationError
from packstation.core.packing import DEFAULT_PACKAGING_G

CONFIG_ENV = "PACKSTATION_CONFIG"


@dataclass
class StationConfig:
    """The station's own settings (the TOML file); shop-wide ones live in the database."""

    path: Path | None = None
    station: str = field(default_factory=lambda: socket.gethostname() or "Table 1")
    database: str | None = None
    language: str | None = None
    ask_weight: bool = False
    packaging_g: int = DEFAULT_PACKAGING_G
    open_next: bool = True
    require_packer: bool = False
    output_dir: str | None = None
    label_layout: str = "100x150"
    printers: dict[str, dict] = field(default_factory=dict)  # kind -> {"printer"/"folder", "media"...}
    inbox: str | None = None
    sounds: bool = True
    # carrier code -> its label account (``label = {...}`` in [[carriers]]); none: own labels
    label_accounts: dict[str, Any] = field(default_factory=dict)
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
    check_types(document, target)
    station = document.get("station", {})
    printing = document.get("printing", {})
    config = StationConfig(path=target, raw=document)
    config.station = str(station.get("name") or config.station)
    config.database = station.get("database") or None
    config.language = station.get("language") or None
    config.ask_weight = station.get("ask_weight", config.ask_weight)
    config.packaging_g = station.get("packaging_g", config.packaging_g)
    config.open_next = station.get("open_next", config.open_next)
    config.sounds = station.get("sounds", config.sounds)
    config.require_packer = station.get("require_packer", config.require_packer)
    config.output_dir = printing.get("output_dir") or None
    config.label_layout = printing.get("label_layout", config.label_layout)
    config.printers = {kind: dict(value) for kind, value in printing.items() if isinstance(value, dict)}
    config.inbox = (document.get("import") or {}).get("inbox") or None
    from packstation.shipping.accounts import parse_accounts

    config.label_accounts = parse_accounts(document)
    return config


#: The type of each value of the station file, by its dotted place; "printing.*" is any
#: document kind's table. A value of another type is refused when the file is read,
#: naming its field: ``ask_weight = "false"`` would otherwise mean true.
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "station": (dict,),
    "station.name": (str,),
    "station.database": (str,),
    "station.language": (str,),
    "station.ask_weight": (bool,),
    "station.packaging_g": (int,),
    "station.open_next": (bool,),
    "station.sounds": (bool,),
    "station.require_packer": (bool,),
    "printing": (dict,),
    "printing.output_dir": (str,),
    "printing.label_layout": (str,),
    "printing.*.printer": (str,),
    "printing.*.folder": (str,),
    "printing.*.media": (str,),
    "printing.*.orientation": (str,),
    "printing.*.format": (str,),
    "printing.*.dpi": (int,),
    "printing.*.font": (str,),
    "import": (dict,),
    "import.inbox": (str,),
}
_TYPE_WORDS = {bool: ("vrai ou faux (true/false, sans guillemets)", "true or false (without quotes)"),
               int: ("un nombre entier (sans unité ni guillemets)", "a whole number (no unit, no quotes)"),
               str: ("un texte entre guillemets", "a text in quotes"),
               dict: ("une section [..]", "a [..] section")}


def check_types(document: Mapping[str, Any], path: Path | None = None) -> None:
    """Refuse the first value of ``document`` whose type is not the one of FIELD_TYPES
    (keys it does not list are left to their owners: carriers, profiles...)."""
    def expected(place: str) -> tuple[type, ...] | None:
        if place in FIELD_TYPES:
            return FIELD_TYPES[place]
        parts = place.split(".")
        if len(parts) == 3 and parts[0] == "printing":
            return FIELD_TYPES.get(f"printing.*.{parts[2]}")
        return None

    def walk(table: Mapping[str, Any], prefix: str) -> None:
        for key, value in table.items():
            place = f"{prefix}{key}"
            types = expected(place)
            if types is not None:
                # bool is an int in Python: 1 is no "true", and true is no weight.
                wrong = not isinstance(value, types) or (isinstance(value, bool) and bool not in types)
                if wrong:
                    french, english = _TYPE_WORDS[types[0]]
                    raise InputError("config.bad_type", path=str(path or "?"), field=place,
                                     value=_shown(value),
                                     expected=french if i18n.language() == "fr" else english)
            if isinstance(value, Mapping) and place.count(".") < 2 and (
                    types is not None or place.startswith("printing.")):
                walk(value, place + ".")

    walk(document, "")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


# -- validating ----------------------------------------------------------------------

#: The documents a station sends somewhere (services.printing.KINDS), in settings order.
PRINT_KINDS = ("label", "slip", "picklist", "manifest", "product-labels", "commands")
#: And the carrier's customs declaration (CN23), printed where the slips print unless the
#: station file gives it a printer of its own (``[printing.customs]``).
CONFIGURABLE_KINDS = (*PRINT_KINDS, "customs")
ORIENTATIONS = ("portrait", "landscape")
MAX_PACKAGING_G = 30000


@dataclass(frozen=True)
class ConfigProblem:
    """One refused value: the field it belongs to ("station.name", "printing.label.media"...)
    and the error that says why."""

    field: str
    error: PackstationError

    @property
    def message(self) -> str:
        return self.error.message


def validate_config(config: StationConfig, *, printers: list[str] | None = None) -> list[ConfigProblem]:
    """Every problem of ``config``, in the order of the settings window; empty when valid.

    ``printers`` is the list of the system's queues when it is known: a printer name
    outside it is refused. Folders must exist (a typing mistake would otherwise send the
    documents nowhere anyone looks).
    """
    from packstation.documents.labels import LAYOUTS
    from packstation.printing.destinations import PrintError, cups_media

    problems: list[ConfigProblem] = []

    def refuse(field_name: str, key: str, **params: object) -> None:
        problems.append(ConfigProblem(field_name, InputError(key, **params)))

    def check_folder(field_name: str, folder: str | None) -> None:
        if folder and not Path(folder).expanduser().is_dir():
            refuse(field_name, "config.no_folder", folder=folder)

    if not config.station.strip():
        refuse("station.name", "config.no_station_name")
    if not isinstance(config.packaging_g, int) or isinstance(config.packaging_g, bool) \
            or not 0 <= config.packaging_g <= MAX_PACKAGING_G:
        refuse("station.packaging_g", "config.bad_packaging", value=config.packaging_g,
               maximum=MAX_PACKAGING_G)
    if config.language not in (None, *i18n.LANGUAGES):
        refuse("station.language", "config.bad_language", value=config.language,
               languages=", ".join(i18n.LANGUAGES))
    check_folder("printing.output_dir", config.output_dir)
    if config.label_layout not in LAYOUTS:
        refuse("printing.label_layout", "config.bad_layout", value=config.label_layout,
               layouts=", ".join(LAYOUTS))
    for kind, entry in config.printers.items():
        where = f"printing.{kind}"
        if kind not in CONFIGURABLE_KINDS:
            refuse(where, "config.bad_kind", kind=kind, kinds=", ".join(CONFIGURABLE_KINDS))
            continue
        printer, folder = entry.get("printer"), entry.get("folder")
        if printer and folder:
            refuse(where, "config.printer_and_folder", document=kind)
        _check_print_format(kind, entry, where, refuse)
        network = isinstance(printer, str) and printer.strip().lower().startswith("socket://")
        if network:
            from packstation.printing.destinations import parse_socket_url

            try:
                parse_socket_url(printer)
            except ValueError:
                refuse(f"{where}.printer", "config.bad_socket", value=printer)
        elif printer:
            if printers is not None and printer not in printers:
                refuse(f"{where}.printer", "config.unknown_printer", printer=printer,
                       printers=", ".join(printers) or "—")
            media = entry.get("media")
            if media:
                try:
                    cups_media(str(media))
                except PrintError as error:
                    problems.append(ConfigProblem(f"{where}.media", error))
            if entry.get("orientation", "portrait") not in ORIENTATIONS:
                refuse(f"{where}.orientation", "config.bad_orientation",
                       value=entry.get("orientation"))
        check_folder(f"{where}.folder", folder)
    check_folder("import.inbox", config.inbox)
    return problems


PRINT_FORMATS = ("pdf", "zpl")
ZPL_DPIS = (203, 300)


def _check_print_format(kind: str, entry: dict, where: str, refuse) -> None:
    """``format`` (pdf, or zpl for labels) and, for ZPL, ``dpi`` 203 or 300."""
    fmt = entry.get("format", "pdf")
    if fmt not in PRINT_FORMATS:
        refuse(f"{where}.format", "config.bad_format", value=fmt, formats=", ".join(PRINT_FORMATS))
        return
    if fmt == "zpl" and kind != "label":
        refuse(f"{where}.format", "config.zpl_labels_only", document=kind)
    dpi = entry.get("dpi")
    if dpi is not None and (fmt != "zpl" or isinstance(dpi, bool) or dpi not in ZPL_DPIS):
        refuse(f"{where}.dpi", "config.bad_dpi", value=dpi)


# -- writing ---------------------------------------------------------------------------

def config_document(config: StationConfig) -> dict[str, Any]:
    """The TOML document of ``config``: what it read (``raw``) with its own values over it.

    Sections and keys the station settings do not own are kept as they were; a value
    set back to "nothing" (no inbox, no output folder) is removed rather than written
    empty.
    """
    document = _deep_copy(config.raw)
    station = document.setdefault("station", {})
    station["name"] = config.station
    for key in ("database", "language"):
        value = getattr(config, key)
        if value:
            station[key] = value
        else:
            station.pop(key, None)
    station.update(ask_weight=config.ask_weight, packaging_g=config.packaging_g,
                   open_next=config.open_next, require_packer=config.require_packer,
                   sounds=config.sounds)
    printing = document.setdefault("printing", {})
    for kind in [key for key, value in printing.items() if isinstance(value, dict)]:
        del printing[kind]  # replaced whole by config.printers below
    if config.output_dir:
        printing["output_dir"] = config.output_dir
    else:
        printing.pop("output_dir", None)
    printing["label_layout"] = config.label_layout
    for kind, entry in config.printers.items():
        cleaned = {key: value for key, value in entry.items() if value not in (None, "")}
        if cleaned:
            printing[kind] = cleaned
    _write_label_accounts(document, config.label_accounts)
    section = document.setdefault("import", {})
    if config.inbox:
        section["inbox"] = config.inbox
    else:
        section.pop("inbox", None)
    if not section:
        del document["import"]
    return document


def _write_label_accounts(document: dict[str, Any], accounts: Mapping[str, Any]) -> None:
    """Each carrier's ``label = {...}`` in its [[carriers]] table; a carrier not in the file
    gets a table with only its code and account (which changes none of its pickups)."""
    from packstation.shipping.accounts import account_document

    entries = [entry for entry in document.get("carriers") or [] if isinstance(entry, dict)]
    seen = set()
    for entry in entries:
        code = str(entry.get("code", "")).strip()
        seen.add(code)
        if code in accounts:
            entry["label"] = account_document(accounts[code])
        else:
            entry.pop("label", None)
    entries = [entry for entry in entries if set(entry) - {"code"}]
    entries += [{"code": code, "label": account_document(account)}
                for code, account in accounts.items() if code not in seen]
    if entries:
        document["carriers"] = entries
    else:
        document.pop("carriers", None)


def save_config(config: StationConfig, path: str | os.PathLike | None = None, *,
                printers: list[str] | None = None) -> Path:
    """Validate ``config`` and write it to ``path`` (default: where it was read, else the
    default station file); returns the path and sets ``config.path`` and ``config.raw``.

    Raises the first problem of :func:`validate_config` as an InputError, and writes
    nothing then; InputError too when the file cannot be written.
    """
    problems = validate_config(config, printers=printers)
    if problems:
        raise problems[0].error
    target = Path(path) if path else (config.path or paths.default_config_file())
    document = config_document(config)
    text = to_toml(document)
    from packstation.io.files import write_atomically

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, lambda stream: stream.write(text), newline="\n")
    except OSError as error:
        raise InputError("config.cannot_write", path=str(target),
                         reason=error.strerror or str(error)) from None
    config.path, config.raw = target, document
    return target


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _deep_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_deep_copy(item) for item in value]
    return value


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def to_toml(document: Mapping[str, Any]) -> str:
    """A TOML text that ``tomllib.loads`` reads back as ``document``.

    Plain values first, then tables (``[a.b]``) and arrays of tables (``[[carriers]]``),
    depth first, so every key lands in the table it came from. Strings are written as
    JSON strings: every JSON escape is also a TOML one.
    """
    lines: list[str] = []
    _write_table(document, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _write_table(table: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    plain = [(key, value) for key, value in table.items()
             if not isinstance(value, Mapping) and not _is_table_array(value)]
    for key, value in plain:
        lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        if isinstance(value, Mapping):
            name = ".".join(_key(part) for part in [*path, key])
            lines += ["", f"[{name}]"]
            _write_table(value, [*path, key], lines)
        elif _is_table_array(value):
            name = ".".join(_key(part) for part in [*path, key])
            for item in value:
                lines += ["", f"[[{name}]]"]
                _write_table(item, [*path, key], lines)


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):  # inside an array: an inline table
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {value!r}")


i18n.register({
    "config.no_station_name": ("Donnez un nom à ce poste (par exemple « Table 1 »).",
                               "Give this station a name (for example “Table 1”)."),
    "config.bad_packaging": ("Poids de l'emballage « {value} » refusé : indiquez un nombre entier de "
                             "grammes entre 0 et {maximum}.",
                             "Packaging weight “{value}” refused: give a whole number of grams "
                             "between 0 and {maximum}."),
    "config.bad_language": ("Langue « {value} » inconnue : choisissez parmi {languages}.",
                            "Unknown language “{value}”: choose one of {languages}."),
    "config.no_folder": ("Le dossier « {folder} » n'existe pas : créez-le ou choisissez-en un autre.",
                         "The folder “{folder}” does not exist: create it or choose another one."),
    "config.bad_layout": ("Format d'étiquette « {value} » inconnu : choisissez parmi {layouts}.",
                          "Unknown label format “{value}”: choose one of {layouts}."),
    "config.bad_kind": ("Document « {kind} » inconnu dans [printing] : choisissez parmi {kinds}.",
                        "Unknown document “{kind}” in [printing]: choose one of {kinds}."),
    "config.printer_and_folder": ("{document} : choisissez une imprimante ou un dossier, pas les deux.",
                                  "{document}: choose a printer or a folder, not both."),
    "config.unknown_printer": ("Imprimante « {printer} » inconnue du système (imprimantes : {printers}).",
                               "Printer “{printer}” unknown to the system (printers: {printers})."),
    "config.bad_orientation": ("Orientation « {value} » inconnue : portrait ou landscape.",
                               "Unknown orientation “{value}”: portrait or landscape."),
    "config.bad_socket": ("Adresse d'imprimante réseau « {value} » illisible : écrivez socket://ADRESSE:PORT "
                          "(par exemple socket://192.168.1.50:9100).",
                          "Network printer address “{value}” cannot be read: write socket://ADDRESS:PORT "
                          "(for example socket://192.168.1.50:9100)."),
    "config.bad_format": ("Format d'impression « {value} » inconnu : choisissez parmi {formats}.",
                          "Unknown print format “{value}”: choose one of {formats}."),
    "config.zpl_labels_only": ("{document} : seules les étiquettes s'impriment en ZPL ; gardez format = \"pdf\".",
                               "{document}: only labels print in ZPL; keep format = \"pdf\"."),
    "config.bad_dpi": ("Résolution « {value} » refusée : une imprimante thermique ZPL imprime à 203 ou 300 dpi "
                       "(et dpi ne vaut que pour format = \"zpl\").",
                       "Resolution “{value}” refused: a ZPL thermal printer prints at 203 or 300 dpi "
                       "(and dpi applies to format = \"zpl\" only)."),
    "config.cannot_write": ("Impossible d'enregistrer {path} : {reason}.", "Cannot save {path}: {reason}."),
    "config.bad_type": ("{path} : {field} = {value} refusé — attendu : {expected}.",
                        "{path}: {field} = {value} refused — expected: {expected}."),
    "config.missing": ("Fichier de configuration introuvable : {path}.",
                       "Configuration file not found: {path}."),
    "config.bad_toml": ("Fichier de configuration {path} illisible : {reason}. Corrigez-le ou supprimez-le.",
                        "Configuration file {path} cannot be read: {reason}. Fix it or remove it."),
    "config.unreadable": ("Impossible de lire {path} : {reason}.", "Cannot read {path}: {reason}."),
})
