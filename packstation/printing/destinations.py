"""Where a finished document goes: a system printer, or a folder of PDF files.

Every document is PDF bytes (see :mod:`packstation.documents`); a destination delivers
them and returns a :class:`Delivery` that says where they went. Delivering to a folder is
done when the call returns. Delivering to a printer only queues a CUPS job: the persisted
print queue follows it with :func:`packstation.printing.cups.job_state` and counts the
document as printed once CUPS says ``completed``.

Every failure is a :class:`PrintError` that names the printer or the folder and says what
to do, so the packer can fix it and the queue can retry.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Literal, Protocol

from packstation.core import i18n
from packstation.printing import cups
from packstation.printing.cups import PrintError

__all__ = [
    "Delivery", "Destination", "FolderDestination", "PrintError", "PrinterDestination",
    "cups_media",
]

Orientation = Literal["portrait", "landscape"]

i18n.register({
    "print.folder_unwritable": (
        "Impossible d'enregistrer le document dans le dossier « {folder} » ({reason}). "
        "Vérifiez que ce dossier existe et que vous avez le droit d'y écrire, ou "
        "choisissez un autre dossier dans les réglages d'impression.",
        "Cannot save the document in the folder '{folder}' ({reason}). Check that the "
        "folder exists and that you may write in it, or choose another folder in the "
        "print settings.",
    ),
    "print.folder_full": (
        "Le disque du dossier « {folder} » est plein : le document n'a pas été enregistré. "
        "Libérez de la place ou choisissez un autre dossier, puis relancez l'impression.",
        "The disk of the folder '{folder}' is full: the document was not saved. Free some "
        "space or choose another folder, then print again.",
    ),
    "print.unknown_media": (
        "Format de papier inconnu : « {media} ». Indiquez A4, A5, A6, Letter, Legal ou "
        "une taille comme 100x150mm ou 4x6in.",
        "Unknown paper size: '{media}'. Give A4, A5, A6, Letter, Legal or a size such as "
        "100x150mm or 4x6in.",
    ),
})


@dataclass(frozen=True, slots=True)
class Delivery:
    """Where one document went: a file written, or a CUPS job queued."""

    destination: str
    path: Path | None = None
    job_id: str | None = None

    @property
    def awaits_printer(self) -> bool:
        """True for a CUPS job, printed only once :func:`cups.job_state` says completed."""
        return self.job_id is not None


class Destination(Protocol):
    """Something that takes a finished PDF document."""

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        """Deliver the PDF ``document`` of ``kind`` ("label", "slip"...) for ``ref``."""
        ...


def _check_pdf(document: bytes) -> None:
    # A printer fed anything else prints pages of garbage: that is a bug upstream.
    if not document.startswith(b"%PDF-"):
        raise ValueError("a destination takes PDF bytes")


_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w.-]+")


def _file_name_part(text: str) -> str:
    """Shop references such as "#1001" or "WC/2024/12" made safe on every file system."""
    return _UNSAFE_IN_FILE_NAME.sub("_", text).strip("._") or "_"


def _local_now() -> datetime:
    return datetime.now().astimezone()


class FolderDestination:
    """Saves each document as ``{kind}-{ref}-{YYYYmmdd-HHMMSS}.pdf`` in a folder.

    The file appears whole or not at all (written beside, synced, then renamed), so a
    program watching the folder never picks up half a label. A second document with the
    same name in the same second gets a ``-2``, ``-3``... suffix instead of replacing
    the first. The folder is created when missing.
    """

    def __init__(self, folder: Path, *, clock: Callable[[], datetime] = _local_now) -> None:
        self.folder = Path(folder)
        self._clock = clock

    def __repr__(self) -> str:
        return f"FolderDestination({str(self.folder)!r})"

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        _check_pdf(document)
        stem = "-".join((
            _file_name_part(kind), _file_name_part(ref), self._clock().strftime("%Y%m%d-%H%M%S"),
        ))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self._write_atomically(document, stem)
        except OSError as error:
            raise self._error(error) from error
        return Delivery(destination=str(self.folder), path=path)

    def _write_atomically(self, document: bytes, stem: str) -> Path:
        descriptor, temporary = tempfile.mkstemp(
            dir=self.folder, prefix=f".{stem}.", suffix=".part",
        )
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(document)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from a print server
            path = self._free_path(stem)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path

    def _free_path(self, stem: str) -> Path:
        path = self.folder / f"{stem}.pdf"
        counter = 1
        while path.exists():
            counter += 1
            path = self.folder / f"{stem}-{counter}.pdf"
        return path

    def _error(self, error: OSError) -> PrintError:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return PrintError("print.folder_full", folder=str(self.folder))
        reason = error.strerror or str(error)
        return PrintError("print.folder_unwritable", folder=str(self.folder), reason=reason)


# Paper names that CUPS and printer drivers know by name; anything else is a custom size.
_NAMED_MEDIA = {name.lower(): name for name in ("A4", "A5", "A6", "Letter", "Legal")}
_CUSTOM_MEDIA = re.compile(r"^(\d+(?:\.\d+)?)\s*x\s*(\d+(?:\.\d+)?)\s*(mm|cm|in)$", re.IGNORECASE)


def cups_media(media: str) -> str:
    """The CUPS ``media`` value for a paper size: "100x150mm" -> "Custom.100x150mm".

    Raises PrintError for a size it cannot read (it comes from the user's settings).
    """
    text = media.strip()
    if named := _NAMED_MEDIA.get(text.lower()):
        return named
    if match := _CUSTOM_MEDIA.match(text):
        width, height, unit = match.groups()
        return f"Custom.{width}x{height}{unit.lower()}"
    raise PrintError("print.unknown_media", media=media)


class PrinterDestination:
    """Sends each document to a CUPS queue with ``lp``, silently, scaled to the media.

    ``media`` None keeps the queue's default paper. "portrait" leaves CUPS free to turn a
    page to fit the paper; "landscape" asks for the page to be turned.
    """

    def __init__(
        self,
        printer: str,
        media: str | None = None,
        orientation: Orientation = "portrait",
        copies: int = 1,
    ) -> None:
        if orientation not in ("portrait", "landscape"):
            raise ValueError(f"orientation must be portrait or landscape, not {orientation!r}")
        if not 1 <= copies <= 99:
            raise ValueError(f"copies must be between 1 and 99, not {copies}")
        self.printer = printer
        self.media = media
        self.orientation = orientation
        self.copies = copies
        self._options = self._lp_options()

    def __repr__(self) -> str:
        return (f"PrinterDestination({self.printer!r}, {self.media!r}, "
                f"{self.orientation!r}, copies={self.copies})")

    def _lp_options(self) -> list[str]:
        options = ["fit-to-page"]
        if self.media is not None:
            options.append(f"media={cups_media(self.media)}")
        if self.orientation == "landscape":
            options.append("orientation-requested=4")
        return options

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        _check_pdf(document)
        job_id = cups.submit(
            self.printer, document, title=f"{kind}-{ref}", options=self._options,
            copies=self.copies,
        )
        return Delivery(destination=self.printer, job_id=job_id)
