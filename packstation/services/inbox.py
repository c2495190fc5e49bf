"""The inbox folder: CSV files dropped there are imported while the station runs.

Each pass (the window calls :func:`process_inbox` from a timer) imports every CSV file
of the folder, oldest first, through the same importer as the menu and the CLI:

- an imported file moves to ``done/``;
- a rejected one (nothing of it was imported) moves to ``rejected/`` with a ``.txt``
  report beside it listing every reason, one ``FILE:LINE: reason`` a line;
- a file still being written (modified less than ``settle_seconds`` ago, or changing
  while it is read) is left for the next pass, and so is a file the database could
  not take (locked, connection lost): nothing is lost, the next pass tries again.

A name already taken in ``done/`` or ``rejected/`` gets a timestamp suffix, so that an
export dropped every morning under the same name never overwrites yesterday's.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import peewee

from packstation.core import i18n
from packstation.core.errors import DatabaseError, InputError, PackstationError
from packstation.io import parse
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE
from packstation.io.files import write_atomically
from packstation.services.importing import Importer, ImportReport

DONE_FOLDER = "done"
REJECTED_FOLDER = "rejected"
DEFAULT_SETTLE_SECONDS = 2.0

IMPORTED, REJECTED, RETRY = "imported", "rejected", "retry"


@dataclass(frozen=True)
class InboxResult:
    """What one pass did with one file."""

    source: Path                       # where the file was found
    outcome: str                       # IMPORTED, REJECTED or RETRY (left for the next pass)
    message: str                       # one sentence for the window, in the current language
    moved_to: Path | None = None       # its place in done/ or rejected/
    report_path: Path | None = None    # the .txt beside a rejected file
    report: ImportReport | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == IMPORTED


def process_inbox(folder: str | Path, importer: Importer, *, profiles: Iterable = (),
                  settle_seconds: float = DEFAULT_SETTLE_SECONDS,
                  now: float | None = None) -> list[InboxResult]:
    """Import the settled CSV files of ``folder``; one result per file acted on.

    Files left for the next pass because they are still being written get no result
    (they will have one when they are done). ``now`` is a ``time.time()``, for tests.
    Raises InputError if the folder does not exist.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("inbox.missing", folder=str(folder))
    now = time.time() if now is None else now
    profiles = list(profiles)
    results = []
    for path, first_look in _settled_files(folder, now, settle_seconds):
        result = _process_file(path, first_look, folder, importer, profiles)
        if result is not None:
            results.append(result)
    return results


def _settled_files(folder: Path, now: float, settle_seconds: float) -> list[tuple[Path, os.stat_result]]:
    """The CSV files not modified for ``settle_seconds``, oldest first, with their stat."""
    found = []
    for path in folder.iterdir():
        # Hidden files are other programs' temporary files (and ours: write_atomically).
        if path.name.startswith(".") or path.suffix.lower() != ".csv":
            continue
        try:
            look = path.stat()
        except FileNotFoundError:  # taken away by someone else meanwhile
            continue
        if path.is_file() and now - look.st_mtime >= settle_seconds:
            found.append((path, look))
    found.sort(key=lambda item: (item[1].st_mtime, item[0].name))
    return found


def _process_file(path: Path, first_look: os.stat_result, folder: Path, importer: Importer,
                  profiles: list) -> InboxResult | None:
    try:
        parsed = parse(str(path), profiles=profiles)
    except InputError as error:  # unreadable: no use trying again as it is
        if not path.exists():
            return None
        return _reject(path, folder, [f"{path.name}: {error.message}"], None)
    try:
        second_look = path.stat()
    except FileNotFoundError:
        return None
    if (second_look.st_size, second_look.st_mtime_ns) != (first_look.st_size, first_look.st_mtime_ns):
        return None  # written to while we read it: the next pass reads the whole of it
    try:
        report = importer.apply(parsed)
    except (DatabaseError, peewee.OperationalError, peewee.InterfaceError) as error:
        reason = error.message if isinstance(error, PackstationError) else str(error)
        return InboxResult(path, RETRY, i18n.tr("inbox.retry", name=path.name, reason=reason))
    if not report.ok:
        reasons = [f"{path.name}:{error.line}: {error.reason}" for error in report.errors]
        return _reject(path, folder, reasons, report)
    target = folder / DONE_FOLDER
    try:
        moved = _move(path, target)
    except OSError as error:
        # Imported already: reading it again next pass changes nothing (no duplicates).
        return InboxResult(path, IMPORTED, i18n.tr("inbox.not_moved", name=path.name, folder=str(target),
                                                   reason=error.strerror or str(error)),
                           report=report)
    return InboxResult(path, IMPORTED, i18n.tr("inbox.imported", summary=report.summary(),
                                               folder=DONE_FOLDER),
                       moved_to=moved, report=report)


def _reject(path: Path, folder: Path, reasons: list[str], report: ImportReport | None) -> InboxResult:
    target = folder / REJECTED_FOLDER
    try:
        moved = _move(path, target)
        report_path = moved.with_suffix(".txt")
        heading = i18n.tr("inbox.report_heading", name=path.name,
                          when=dt.datetime.now(SHOP_TIMEZONE).strftime("%d/%m/%Y %H:%M"))
        write_atomically(report_path, lambda stream: stream.write("\n".join([heading, "", *reasons, ""])))
    except OSError as error:
        return InboxResult(path, RETRY, i18n.tr("inbox.retry", name=path.name,
                                                reason=error.strerror or str(error)), report=report)
    return InboxResult(path, REJECTED, i18n.tr("inbox.rejected", name=path.name, count=len(reasons),
                                               report=f"{REJECTED_FOLDER}/{report_path.name}"),
                       moved_to=moved, report_path=report_path, report=report)


def _move(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder`` under a name that neither it nor its report takes."""
    folder.mkdir(exist_ok=True)
    target = free_name(folder, path.name)
    os.replace(path, target)
    return target


def free_name(folder: Path, name: str, when: dt.datetime | None = None) -> Path:
    """``folder/name``, or with a timestamp suffix (then a counter) if it, or the ``.txt``
    report of that name, is taken: ``orders.csv`` -> ``orders-20261125-093000.csv``."""
    def free(candidate: Path) -> bool:
        return not candidate.exists() and not candidate.with_suffix(".txt").exists()

    target = folder / name
    if free(target):
        return target
    stem, suffix = Path(name).stem, Path(name).suffix
    stamp = (when or dt.datetime.now(SHOP_TIMEZONE)).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}{suffix}"
    counter = 2
    while not free(target):
        target = folder / f"{stem}-{stamp}-{counter}{suffix}"
        counter += 1
    return target


i18n.register({
    "inbox.missing": ("Le dossier de dépôt {folder} n'existe pas : créez-le ou choisissez-en un autre "
                      "dans les réglages.",
                      "The inbox folder {folder} does not exist: create it or choose another one "
                      "in the settings."),
    "inbox.imported": ("Boîte de dépôt — {summary} Fichier rangé dans {folder}.",
                       "Inbox — {summary} File moved to {folder}."),
    "inbox.not_moved": ("Boîte de dépôt — {name} importé, mais impossible de le ranger dans {folder} "
                        "({reason}) : il sera relu sans doublon au prochain passage.",
                        "Inbox — {name} imported, but it cannot be moved to {folder} ({reason}): "
                        "it will be read again, without duplicates, on the next pass."),
    "inbox.rejected": ("Boîte de dépôt — {name} refusé ({count} erreur(s)), rien n'a été importé : "
                       "voir {report}.",
                       "Inbox — {name} rejected ({count} error(s)), nothing was imported: see {report}."),
    "inbox.retry": ("Boîte de dépôt — {name} n'a pas pu être importé ({reason}) : nouvel essai au "
                    "prochain passage.",
                    "Inbox — {name} could not be imported ({reason}): it will be tried again on the "
                    "next pass."),
    "inbox.report_heading": ("{name} refusé le {when} : rien n'a été importé. Corrigez ces lignes puis "
                             "déposez à nouveau le fichier.",
                             "{name} rejected on {when}: nothing was imported. Fix these lines, then "
                             "drop the file again."),
})
