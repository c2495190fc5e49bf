"""Column-mapping profiles: reading other shops' order CSVs as the generic format.

WooCommerce and PrestaShop export plugins each name their columns their own way. A
profile is a small TOML file that says which column of such a file holds each field of
the generic format; the rows are then renamed and built by the generic order builder,
so they are validated exactly like a generic file::

    name = "woocommerce"
    description = "Advanced Order Export, one row per product"
    detect = ["Order Number", "Order Date", "Shipping Method Title"]

    [columns]
    order_ref = "Order Number"
    customer_name = ["Shipping First Name", "Shipping Last Name"]   # joined by a space
    ...

    [options]
    date_format = "%Y-%m-%d %H:%M:%S"   # strptime; ISO and dd/mm/yyyy are always accepted
    decimal = ","                        # the decimal mark, when it is not obvious
    delimiter = ";"                      # instead of sniffing it
    timezone = "Europe/Paris"            # for times written without an offset
    weight_unit = "kg"                   # "g" (default) or "kg"

    [defaults]
    currency = "EUR"                     # a value for a field the file has no column for

    optional = ["company", "note"]       # fields whose column an export may leave out
    sent_when_filled = "Date Shipped"    # a filled cell there: the order is already sent

    [fallback]
    sku = ["Listing ID", "Variations"]   # read when the mapped column is empty

    [values.service]                     # the file's words -> the generic ones
    Expedited = "express"
    [values.status]
    "Pending payment" = "unpaid"

``detect`` lists headers that must all be present for the profile to be chosen
automatically; without it, every mapped column that is not optional must be present.
Value maps compare words without case or accents; a word the map does not name is
kept as written. Example profiles ship in ``packstation/io/profiles/``; a shop keeps its
own in the ``profiles`` folder of its configuration folder (``[import] profiles`` in the
station file names another).
"""

from __future__ import annotations

import json
import re
import tomli as tomllib  # TOML 1.1, as the station file (inline tables over several lines)
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io import generic
from packstation.io.csvfile import CsvRecord, CsvTable, header_key, read_table
from packstation.io.fields import CellReadOptions, fold
from packstation.io.files import write_atomically
from packstation.io.model import ParsedFile, RowError

#: Format names a profile cannot take: they name the built-in formats.
RESERVED_NAMES = {"auto", "generic", "shopify", "shopify-orders", "shopify-products",
                  "unknown"}
#: Fields a profile must map for its rows to make orders (plus ``sku`` or ``ean``).
REQUIRED_MAPPINGS = ("order_ref", "order_date", "quantity")
_WEIGHT_UNITS = ("g", "kg")
_DECIMAL_MARKS = (",", ".")
_DELIMITERS = (",", ";", "\t")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ProfileOptions:
    date_format: str | None = None
    decimal: str | None = None
    delimiter: str | None = None
    timezone: str = "Europe/Paris"
    weight_unit: str = "g"

    def cell_options(self) -> CellReadOptions:
        return CellReadOptions(date_format=self.date_format, decimal_mark=self.decimal,
                               timezone=ZoneInfo(self.timezone), weight_unit=self.weight_unit)


@dataclass
class Profile:
    name: str
    columns: dict[str, list[str]]          # generic field -> header(s) joined by a space
    detect: list[str] = field(default_factory=list)
    options: ProfileOptions = field(default_factory=ProfileOptions)
    defaults: dict[str, str] = field(default_factory=dict)
    description: str = ""
    origin: str = ""                       # the file it was read from, for messages
    optional: list[str] = field(default_factory=list)     # fields whose column may be absent
    fallback: dict[str, list[str]] = field(default_factory=dict)  # when the column is empty
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> word -> word
    sent_when_filled: str = ""             # a header: filled means the order is already sent

    def __post_init__(self) -> None:
        self.columns = {name: [headers] if isinstance(headers, str) else list(headers)
                        for name, headers in self.columns.items()}
        self.fallback = {name: [headers] if isinstance(headers, str) else list(headers)
                         for name, headers in self.fallback.items()}
        self._maps = {name: {fold(word): value for word, value in words.items()}
                      for name, words in self.values.items()}
        _validate(self)

    @property
    def mapped_headers(self) -> list[str]:
        return [header for headers in self.columns.values() for header in headers]

    @property
    def required_headers(self) -> list[str]:
        """The mapped columns a file must have: those of fields that are not optional."""
        return [header for name, headers in self.columns.items() if name not in self.optional
                for header in headers]

    def matches(self, headers: Iterable[str]) -> bool:
        """Whether a file with these headers is one this profile reads."""
        present = {header_key(header) for header in headers}
        wanted = self.detect or self.required_headers
        return all(header_key(header) in present for header in wanted)

    def missing_columns(self, headers: Iterable[str]) -> list[str]:
        present = {header_key(header) for header in headers}
        return [header for header in self.required_headers if header_key(header) not in present]

    def label(self, field_name: str) -> str:
        """The file's own name for a generic field, for messages."""
        headers = self.columns.get(field_name)
        return " + ".join(headers) if headers else field_name

    def remap(self, record: CsvRecord) -> generic.FieldRecord:
        values: dict[str, str] = {}
        for name, headers in self.columns.items():
            parts = (record.get(header) for header in headers)
            values[name] = " ".join(part for part in parts if part)
        for name, headers in self.fallback.items():
            if not values.get(name):
                parts = (record.get(header) for header in headers)
                values[name] = " ".join(part for part in parts if part)
        for name, value in self.defaults.items():
            if not values.get(name):
                values[name] = value
        for name, words in self._maps.items():
            value = values.get(name)
            if value:
                values[name] = words.get(fold(value), value)
        if self.sent_when_filled and record.get(self.sent_when_filled):
            values["status"] = "fulfilled"
        return generic.FieldRecord(record.line, values)

    def to_toml(self) -> str:
        lines = [f"name = {_toml_string(self.name)}"]
        if self.description:
            lines.append(f"description = {_toml_string(self.description)}")
        if self.detect:
            lines.append(f"detect = {_toml_list(self.detect)}")
        if self.optional:
            lines.append(f"optional = {_toml_list(self.optional)}")
        if self.sent_when_filled:
            lines.append(f"sent_when_filled = {_toml_string(self.sent_when_filled)}")
        lines += ["", "[columns]"]
        for name, headers in self.columns.items():
            value = _toml_string(headers[0]) if len(headers) == 1 else _toml_list(headers)
            lines.append(f"{_toml_key(name)} = {value}")
        options = [(key, getattr(self.options, key)) for key in
                   ("date_format", "decimal", "delimiter", "timezone", "weight_unit")]
        defaults = ProfileOptions()
        options = [(key, value) for key, value in options if value != getattr(defaults, key)]
        if options:
            lines += ["", "[options]"]
            lines += [f"{key} = {_toml_string(value)}" for key, value in options]
        if self.defaults:
            lines += ["", "[defaults]"]
            lines += [f"{_toml_key(name)} = {_toml_string(value)}"
                      for name, value in self.defaults.items()]
        if self.fallback:
            lines += ["", "[fallback]"]
            lines += [f"{_toml_key(name)} = {_toml_list(headers)}"
                      for name, headers in self.fallback.items()]
        for name, words in self.values.items():
            lines += ["", f"[values.{_toml_key(name)}]"]
            lines += [f"{_toml_key(word)} = {_toml_string(value)}" for word, value in words.items()]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], origin: str = "") -> "Profile":
        """A profile from parsed TOML; raises InputError naming what is wrong."""
        where = origin or "?"
        known = {"name", "description", "detect", "columns", "options", "defaults", "optional",
                 "fallback", "values", "sent_when_filled"}
        for key in data:
            if key not in known:
                raise InputError("profile.unknown_key", path=where, key=key)
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError("profile.missing_name", path=where)
        columns = data.get("columns", {})
        if not isinstance(columns, dict):
            raise InputError("profile.bad_value", path=where, key="columns", value=columns)
        for field_name, headers in columns.items():
            if not (isinstance(headers, str) and headers.strip()) and not (
                    isinstance(headers, list) and headers
                    and all(isinstance(h, str) and h.strip() for h in headers)):
                raise InputError("profile.bad_value", path=where,
                                 key=f"columns.{field_name}", value=headers)
        detect = data.get("detect", [])
        if not isinstance(detect, list) or not all(isinstance(h, str) for h in detect):
            raise InputError("profile.bad_value", path=where, key="detect", value=detect)
        options = data.get("options", {})
        if not isinstance(options, dict):
            raise InputError("profile.bad_value", path=where, key="options", value=options)
        allowed_options = set(ProfileOptions.__dataclass_fields__)
        for key, value in options.items():
            if key not in allowed_options:
                raise InputError("profile.unknown_key", path=where, key=f"options.{key}")
            if not isinstance(value, str):
                raise InputError("profile.bad_value", path=where, key=f"options.{key}",
                                 value=value)
        defaults = data.get("defaults", {})
        if not isinstance(defaults, dict) or not all(
                isinstance(value, str) for value in defaults.values()):
            raise InputError("profile.bad_value", path=where, key="defaults", value=defaults)
        description = data.get("description", "")
        if not isinstance(description, str):
            raise InputError("profile.bad_value", path=where, key="description",
                             value=description)
        optional = data.get("optional", [])
        if not isinstance(optional, list) or not all(isinstance(n, str) for n in optional):
            raise InputError("profile.bad_value", path=where, key="optional", value=optional)
        fallback = data.get("fallback", {})
        if not isinstance(fallback, dict) or not all(
                (isinstance(h, str) and h.strip()) or (isinstance(h, list) and h and all(
                    isinstance(part, str) and part.strip() for part in h))
                for h in fallback.values()):
            raise InputError("profile.bad_value", path=where, key="fallback", value=fallback)
        values = data.get("values", {})
        if not isinstance(values, dict) or not all(
                isinstance(words, dict) and all(isinstance(v, str) for v in words.values())
                for words in values.values()):
            raise InputError("profile.bad_value", path=where, key="values", value=values)
        sent = data.get("sent_when_filled", "")
        if not isinstance(sent, str):
            raise InputError("profile.bad_value", path=where, key="sent_when_filled", value=sent)
        return cls(name=name.strip(), columns=dict(columns), detect=list(detect),
                   options=ProfileOptions(**options), defaults=dict(defaults),
                   description=description, origin=origin, optional=list(optional),
                   fallback=dict(fallback), values={k: dict(v) for k, v in values.items()},
                   sent_when_filled=sent.strip())


def _validate(profile: Profile) -> None:
    where = profile.origin or profile.name
    if profile.name.casefold() in RESERVED_NAMES:
        raise InputError("profile.reserved_name", path=where, name=profile.name)
    for name in (list(profile.columns) + list(profile.defaults) + list(profile.optional)
                 + list(profile.fallback) + list(profile.values)):
        if name not in generic.FIELDS:
            raise InputError("profile.unknown_field", path=where, field=name,
                             fields=", ".join(generic.FIELDS))
    provided = set(profile.columns) | set(profile.defaults) | set(profile.fallback)
    missing = [name for name in REQUIRED_MAPPINGS if name not in profile.columns]
    if not provided & set(generic.IDENTITY_COLUMNS):
        missing.append("sku / ean")
    if missing:
        raise InputError("profile.missing_fields", path=where, fields=", ".join(missing))
    options = profile.options
    checks = (
        ("decimal", options.decimal, options.decimal in (None, *_DECIMAL_MARKS)),
        ("delimiter", options.delimiter, options.delimiter in (None, *_DELIMITERS)),
        ("weight_unit", options.weight_unit, options.weight_unit in _WEIGHT_UNITS),
        ("date_format", options.date_format,
         options.date_format is None or "%" in options.date_format),
    )
    for key, value, ok in checks:
        if not ok:
            raise InputError("profile.bad_value", path=where, key=f"options.{key}", value=value)
    try:
        ZoneInfo(options.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError("profile.bad_value", path=where, key="options.timezone",
                         value=options.timezone) from None


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes, \uXXXX for controls).
    return json.dumps(value, ensure_ascii=False)


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_string(value) for value in values) + "]"


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key)


def profile_from_toml(text: str, origin: str = "") -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("profile.bad_toml", path=origin or "?", detail=str(exc)) from None
    return Profile.from_mapping(data, origin)


def load_profile(path: str | Path) -> Profile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("profile.unreadable", path=str(path), reason=str(exc)) from None
    return profile_from_toml(text, str(path))


def load_profiles(folder: str | Path) -> list[Profile]:
    """Every ``*.toml`` profile of a folder, by file name. A missing folder has none.

    A broken profile raises InputError naming its file rather than being skipped:
    a profile that silently stops applying would send orders to the wrong columns.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    profiles: list[Profile] = []
    names: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        profile = load_profile(path)
        key = profile.name.casefold()
        if key in names:
            raise InputError("profile.duplicate_name", name=profile.name,
                             first=names[key], second=str(path))
        names[key] = str(path)
        profiles.append(profile)
    return profiles


def save_profile(profile: Profile, folder: str | Path) -> Path:
    """Write a profile as ``<name>.toml`` in ``folder`` (atomically); returns the path."""
    folder = Path(folder)
    file_name = _FILE_NAME_UNSAFE.sub("-", profile.name).strip(".-") or "profile"
    target = folder / f"{file_name}.toml"
    text = profile.to_toml()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(target, lambda stream: stream.write(text), newline="\n")
    except OSError as exc:
        raise InputError("profile.cannot_save", path=str(target),
                         reason=exc.strerror or str(exc)) from None
    return target


def builtin_profiles() -> list[Profile]:
    """The example profiles shipped with Packstation (WooCommerce, PrestaShop)."""
    folder = resources.files("packstation.io") / "profiles"
    profiles = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            profiles.append(profile_from_toml(entry.read_text(encoding="utf-8"),
                                              f"packstation/io/profiles/{entry.name}"))
    return profiles


def parse_with_profile(source: str | Path | CsvTable, profile: Profile) -> ParsedFile:
    """Read an order file through a profile. Raises InputError only for an unreadable file."""
    if not isinstance(source, CsvTable):
        with read_table(source, delimiter=profile.options.delimiter, stream=True) as table:
            return parse_with_profile(table, profile)
    table = source
    parsed = ParsedFile(table.path, profile.name, table.encoding, table.delimiter,
                        errors=list(table.errors))
    if not table.headers:
        return parsed
    missing = profile.missing_columns(table.headers)
    if missing:
        parsed.errors.append(RowError(table.path, table.header_line, "profile.missing_columns",
                                      {"profile": profile.name, "columns": ", ".join(missing)}))
        return parsed
    orders, errors = generic.build_orders(
        (profile.remap(record) for record in table.records),
        path=table.path, source=profile.name, options=profile.options.cell_options(),
        label=profile.label,
    )
    parsed.orders = orders
    parsed.rows = table.row_count
    parsed.errors = sorted(table.errors + errors, key=lambda error: error.line)
    return parsed


i18n.register({
    "profile.bad_toml": (
        "Profil {path} illisible : {detail}.",
        "Profile {path} cannot be read: {detail}.",
    ),
    "profile.unreadable": (
        "Impossible de lire le profil {path} : {reason}.",
        "Cannot read the profile {path}: {reason}.",
    ),
    "profile.missing_name": (
        "Le profil {path} n'a pas de nom (name = \"...\").",
        "The profile {path} has no name (name = \"...\").",
    ),
    "profile.reserved_name": (
        "Le profil {path} ne peut pas s'appeler « {name} » : ce nom désigne un format "
        "intégré.",
        "The profile {path} cannot be called \"{name}\": that name is a built-in format.",
    ),
    "profile.unknown_key": (
        "Profil {path} : clé inconnue « {key} ».",
        "Profile {path}: unknown key \"{key}\".",
    ),
    "profile.unknown_field": (
        "Profil {path} : champ inconnu « {field} » (champs possibles : {fields}).",
        "Profile {path}: unknown field \"{field}\" (possible fields: {fields}).",
    ),
    "profile.missing_fields": (
        "Profil {path} : il faut indiquer la colonne de : {fields}.",
        "Profile {path}: the column of these fields must be given: {fields}.",
    ),
    "profile.bad_value": (
        "Profil {path} : valeur invalide pour {key} : « {value} ».",
        "Profile {path}: invalid value for {key}: \"{value}\".",
    ),
    "profile.duplicate_name": (
        "Deux profils s'appellent « {name} » : {first} et {second}.",
        "Two profiles are called \"{name}\": {first} and {second}.",
    ),
    "profile.cannot_save": (
        "Impossible d'enregistrer le profil {path} : {reason}.",
        "Cannot save the profile {path}: {reason}.",
    ),
    "profile.missing_columns": (
        "Le fichier n'a pas les colonnes attendues par le profil {profile} : {columns}.",
        "The file lacks columns the profile {profile} expects: {columns}.",
    ),
})
