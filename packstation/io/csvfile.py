"""Reading a CSV file as a shop or a spreadsheet wrote it.

This module owns the file-level rules every importer shares:

- Encoding: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"),
  and otherwise Windows-1252 as French Excel writes it. The rule is deliberately simple:
  UTF-8 if the bytes decode strictly as UTF-8, else cp1252; a statistical guesser would
  sometimes take a short cp1252 file for another code page, this rule never does.
- Delimiter: ``,``, ``;`` or tab, sniffed from the header line (or an Excel
  ``sep=;`` first line).
- Header names compared trimmed, case-insensitively and without a BOM.
- Each record keeps the physical line where it starts, even after quoted fields that
  span several lines, so an error message points at the line a text editor shows.
- Blank lines, and rows whose cells are all empty (Excel writes ``;;;;``), are skipped.

Problems with the content (an unknown encoding, an unclosed quote, a row with more cells
than the header) are returned as :class:`RowError` in :attr:`CsvTable.errors`; only a
file that cannot be opened raises.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io.model import RowError

DELIMITERS = (",", ";", "\t")
_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')
_EXCEL_SEPARATOR_LINE = re.compile(r"^sep=(.)$", re.IGNORECASE)


def header_key(name: str) -> str:
    """The form header names are compared in: no BOM, trimmed, single spaces, case-folded."""
    return " ".join(name.replace("\ufeff", "").split()).casefold()


@dataclass(frozen=True)
class CsvRecord:
    """One data row: its first physical line and its cells by header key."""

    line: int
    values: dict[str, str]

    def get(self, header: str, default: str = "") -> str:
        return self.values.get(header_key(header), default)


@dataclass
class CsvTable:
    path: str
    encoding: str
    delimiter: str
    headers: list[str]              # as written, BOM-free and trimmed
    header_line: int = 1
    records: list[CsvRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    duplicate_headers: list[str] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {header_key(name) for name in self.headers}

    def has(self, header: str) -> bool:
        return header_key(header) in self.keys


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read with.

    Raises UnicodeDecodeError when neither rule fits (bytes that cp1252 leaves
    undefined are not found in a text file written by Excel).
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        # UTF-16 without a BOM decodes "successfully" as UTF-8 full of NULs: refuse it.
        raise UnicodeDecodeError("utf-8", data, data.index(b"\x00"), data.index(b"\x00") + 1,
                                 "NUL byte in a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "cp1252"


def sniff_delimiter(header_line: str) -> str:
    """The delimiter used most often in the header line, quoted names set aside."""
    unquoted = _QUOTED.sub("", header_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts.values())
    if best == 0:
        return ","
    # On a tie, prefer the delimiter least likely to appear inside a value.
    for delimiter in ("\t", ";", ","):
        if counts[delimiter] == best:
            return delimiter
    raise AssertionError("unreachable")


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError("csv.unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc


def read_table(path: str | Path, *, delimiter: str | None = None) -> CsvTable:
    """Read a whole CSV file. ``delimiter`` forces one instead of sniffing it."""
    path = str(path)
    data = read_bytes(path)
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as exc:
        table = CsvTable(path, "", delimiter or ",", [])
        table.errors.append(RowError(path, 1, "csv.bad_encoding", {"offset": exc.start}))
        return table
    return parse_text(text, path=path, encoding=encoding, delimiter=delimiter)


def parse_text(text: str, *, path: str, encoding: str = "utf-8",
               delimiter: str | None = None) -> CsvTable:
    """Split decoded text into a header and records with their physical line numbers."""
    if "\x00" in text:
        # No database stores a NUL character in a text (PostgreSQL refuses it).
        line = text.count("\n", 0, text.index("\x00")) + 1
        table = CsvTable(path, encoding, delimiter or ",", [])
        table.errors.append(RowError(path, line, "csv.nul_character"))
        return table
    lines = io.StringIO(text, newline="")
    line_number = 0
    first = ""
    for first in lines:
        line_number += 1
        if first.strip():
            break
    else:
        table = CsvTable(path, encoding, delimiter or ",", [])
        table.errors.append(RowError(path, 1, "csv.empty"))
        return table

    declared = _EXCEL_SEPARATOR_LINE.match(first.strip("\r\n"))
    if declared:
        # Excel's "sep=;" line names the delimiter and precedes the header.
        delimiter = delimiter or declared.group(1)
        first = ""
        for first in lines:
            line_number += 1
            if first.strip():
                break
    header_line = line_number
    delimiter = delimiter or sniff_delimiter(first.strip("\r\n"))

    # Hand the reader the header line again, then the rest, counting physical lines.
    remainder = io.StringIO(first + lines.read(), newline="")
    reader = csv.reader(remainder, delimiter=delimiter, strict=True)
    table = CsvTable(path, encoding, delimiter, [])
    offset = header_line - 1
    try:
        header_cells = next(reader)
    except StopIteration:                # nothing after Excel's "sep=" line
        table.errors.append(RowError(path, header_line, "csv.empty"))
        return table
    except csv.Error as exc:
        table.errors.append(RowError(path, header_line, "csv.malformed", {"detail": str(exc)}))
        return table
    table.headers = [" ".join(cell.replace("\ufeff", "").split()) for cell in header_cells]
    table.header_line = header_line
    keys = [header_key(name) for name in table.headers]
    # Each named column and its cell index; of duplicate columns the first one wins.
    columns: list[tuple[str, int]] = []
    seen: set[str] = set()
    for index, (name, key) in enumerate(zip(table.headers, keys)):
        if key in seen:
            table.duplicate_headers.append(name)
        elif key:
            columns.append((key, index))
        seen.add(key)

    previous_end = offset + reader.line_num
    while True:
        start = previous_end + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # The reader cannot resynchronise after a broken quote: stop at this record.
            table.errors.append(RowError(path, start, "csv.malformed", {"detail": str(exc)}))
            break
        previous_end = offset + reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(keys) and any(cell.strip() for cell in cells[len(keys):]):
            # Usually an unquoted delimiter inside a value: every later cell has shifted.
            table.errors.append(RowError(path, start, "csv.too_many_cells",
                                         {"count": len(cells), "expected": len(keys)}))
            continue
        table.records.append(CsvRecord(start, {
            key: _clean_cell(cells[index]) for key, index in columns if index < len(cells)}))
    return table


def _clean_cell(cell: str) -> str:
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell.strip()


i18n.register({
    "csv.unreadable": (
        "Impossible de lire le fichier {path} : {reason}.",
        "Cannot read the file {path}: {reason}.",
    ),
    "csv.bad_encoding": (
        "Encodage du fichier non reconnu (octet {offset}) : enregistrez-le en CSV UTF-8 "
        "ou en CSV Windows.",
        "Unrecognised file encoding (byte {offset}): save it as CSV UTF-8 or Windows CSV.",
    ),
    "csv.nul_character": (
        "Caractère NUL dans le fichier : ce n'est pas un texte CSV (enregistrez-le de "
        "nouveau en CSV depuis le tableur).",
        "NUL character in the file: this is not CSV text (save it again as CSV from the "
        "spreadsheet).",
    ),
    "csv.empty": (
        "Le fichier est vide : aucune ligne d'en-tête.",
        "The file is empty: no header line.",
    ),
    "csv.malformed": (
        "Ligne CSV mal formée (guillemet non fermé ou mal placé ?) : {detail}.",
        "Malformed CSV line (a quote left open or misplaced?): {detail}.",
    ),
    "csv.too_many_cells": (
        "La ligne a {count} cellules pour {expected} colonnes : une valeur contient "
        "sans doute le séparateur sans guillemets.",
        "The row has {count} cells for {expected} columns: a value probably contains "
        "the delimiter without quotes.",
    ),
})
