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
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

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
    # A list, or (read_table(stream=True)) a one-pass iterable read as it goes.
    records: Iterable[CsvRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    duplicate_headers: list[str] = field(default_factory=list)
    _reader: object = field(default=None, repr=False, compare=False)

    def close(self) -> None:
        """Close the file a streamed table reads from (its records are then exhausted)."""
        close = getattr(self.records, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> "CsvTable":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def row_count(self) -> int:
        """Data rows read so far (all of them once the records have been iterated)."""
        records = self.records
        return len(records) if isinstance(records, list) else records.count

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


def read_table(path: str | Path, *, delimiter: str | None = None,
               stream: bool = False) -> CsvTable:
    """Read a CSV file. ``delimiter`` forces one instead of sniffing it.

    With ``stream``, the records are read as they are iterated (once), so that a file of
    a million lines never sits in memory: :attr:`CsvTable.records` is then a one-pass
    iterable, and :attr:`CsvTable.errors` and :attr:`CsvTable.row_count` are complete once
    it has been read to the end.
    """
    path = str(path)
    try:
        encoding = sniff_encoding(path)
    except UnicodeDecodeError as exc:
        table = CsvTable(path, "", delimiter or ",", [])
        table.errors.append(RowError(path, 1, "csv.bad_encoding", {"offset": exc.start}))
        return table
    if not stream:
        return parse_text(decode(read_bytes(path))[0], path=path, encoding=encoding,
                          delimiter=delimiter)
    try:
        handle = open(path, encoding=encoding, newline="")
    except OSError as exc:
        raise InputError("csv.unreadable", path=path, reason=exc.strerror or str(exc)) from exc
    try:
        table = _start_table(handle, path=path, encoding=encoding, delimiter=delimiter)
    except BaseException:
        handle.close()
        raise
    if table.headers:
        table.records = _RecordStream(table, handle)
    else:
        handle.close()
    return table


_CHUNK = 1 << 20


def sniff_encoding(path: str) -> str:
    """The encoding :func:`decode` would choose, read a chunk at a time (any file size).

    Raises UnicodeDecodeError when neither rule fits (or for a NUL byte outside UTF-16).
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            if head.startswith(codecs.BOM_UTF8):
                encodings = ["utf-8-sig"]
            elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16"
            else:
                encodings = ["utf-8", "cp1252"]
            handle.seek(0)
            decoders = {name: codecs.getincrementaldecoder(name)() for name in encodings}
            offset = 0
            while True:
                chunk = handle.read(_CHUNK)
                final = not chunk
                if b"\x00" in chunk:
                    # UTF-16 without a BOM would "decode" as UTF-8 full of NULs: refuse it.
                    at = chunk.index(b"\x00")
                    raise UnicodeDecodeError("utf-8", chunk, offset + at, offset + at + 1,
                                             "NUL byte in a text file")
                for name in list(decoders):
                    try:
                        decoders[name].decode(chunk, final)
                    except UnicodeDecodeError as exc:
                        if len(decoders) == 1:
                            raise UnicodeDecodeError(exc.encoding, exc.object,
                                                     offset + exc.start, offset + exc.end,
                                                     exc.reason) from None
                        del decoders[name]
                if final:
                    return next(iter(decoders))
                offset += len(chunk)
    except OSError as exc:
        raise InputError("csv.unreadable", path=path, reason=exc.strerror or str(exc)) from exc


def parse_text(text: str, *, path: str, encoding: str = "utf-8",
               delimiter: str | None = None) -> CsvTable:
    """Split decoded text into a header and records with their physical line numbers."""
    if "\x00" in text:
        # No database stores a NUL character in a text (PostgreSQL refuses it).
        line = text.count("\n", 0, text.index("\x00")) + 1
        table = CsvTable(path, encoding, delimiter or ",", [])
        table.errors.append(RowError(path, line, "csv.nul_character"))
        return table
    table = _start_table(io.StringIO(text, newline=""), path=path, encoding=encoding,
                         delimiter=delimiter)
    if table.headers:
        stream = _RecordStream(table, None)
        table.records = list(stream)
    return table


def _start_table(lines, *, path: str, encoding: str, delimiter: str | None) -> CsvTable:
    """Read up to the header (skipping blank lines and Excel's "sep=" line)."""
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
    table = CsvTable(path, encoding, delimiter, [])
    if not first.strip():                # nothing after Excel's "sep=" line
        table.errors.append(RowError(path, header_line, "csv.empty"))
        return table
    # The reader gets the header line again, then the rest, as the file goes.
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
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
    table._reader = reader
    return table


class _RecordStream:
    """The records of a table, read from its reader as they are iterated (once)."""

    def __init__(self, table: CsvTable, handle) -> None:
        self.table = table
        self.handle = handle
        self.count = 0

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()

    def __iter__(self):
        table, path = self.table, self.table.path
        reader = table._reader
        if reader is None:
            return
        table._reader = None
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
        offset = table.header_line - 1
        previous_end = offset + reader.line_num
        utf16 = table.encoding == "utf-16"   # the only way a NUL gets past sniff_encoding
        try:
            while True:
                start = previous_end + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    # The reader cannot resynchronise after a broken quote: stop here.
                    table.errors.append(RowError(path, start, "csv.malformed",
                                                 {"detail": str(exc)}))
                    break
                previous_end = offset + reader.line_num
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(keys) and any(cell.strip() for cell in cells[len(keys):]):
                    # Usually an unquoted delimiter inside a value: every later cell shifted.
                    table.errors.append(RowError(path, start, "csv.too_many_cells",
                                                 {"count": len(cells), "expected": len(keys)}))
                    continue
                if utf16 and any("\x00" in cell for cell in cells):
                    # No database stores a NUL character in a text (PostgreSQL refuses it).
                    table.errors.append(RowError(path, start, "csv.nul_character"))
                    continue
                self.count += 1
                yield CsvRecord(start, {key: _clean_cell(cells[index])
                                        for key, index in columns if index < len(cells)})
        except UnicodeDecodeError as exc:   # UTF-16 is decoded as it is read
            table.errors.append(RowError(path, previous_end + 1, "csv.bad_encoding",
                                         {"offset": exc.start}))
        finally:
            if self.handle is not None:
                self.handle.close()


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
