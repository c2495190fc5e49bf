"""Where a finished document goes: a system printer, a label printer, or a folder.

A document is bytes: a PDF (see :mod:`packstation.documents`) or a label in a printer's
own language (ZPL, :mod:`packstation.documents.zpl`, or a carrier's label as it came). A
destination delivers them and returns a :class:`Delivery` that says where they went.

- :class:`FolderDestination` writes a file (``.pdf``, or ``.zpl``): done when it returns.
- :class:`PrinterDestination` queues a PDF on a CUPS queue (``lp``), and
  :class:`RawCupsDestination` queues bytes that CUPS passes untouched (``lp -o raw``, a
  thermal printer's raw queue): the persisted print queue follows the CUPS job with
  :func:`packstation.printing.cups.job_state` and counts it printed once CUPS says
  ``completed``.
- :class:`SocketDestination` sends the bytes to a network label printer's raw port
  (``socket://HOST:9100``, "JetDirect"): done once the printer has taken them all.
- :class:`WindowsRawDestination` hands them to the Windows spooler as ``RAW`` data (a USB
  label printer on Windows).

Which system printer path a station uses is a :class:`SystemPrinting`:
:class:`CupsPrinting` on Linux (and macOS without the window), Qt's print support on
Windows and macOS, which the window provides (:mod:`packstation.ui.qtprint`) through
:func:`set_system_printing` — this layer never imports Qt.

Every failure is a :class:`PrintError` that names the printer or the folder and says what
to do, so the packer can fix it and the queue can retry.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import sys
import tempfile
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Literal, Protocol

from packstation.core import i18n
from packstation.printing import cups
from packstation.printing.cups import PrintError

__all__ = [
    "CupsPrinting", "Delivery", "Destination", "FolderDestination", "PrintError",
    "PrinterDestination", "RawCupsDestination", "SocketDestination", "SystemPrinting",
    "WindowsRawDestination", "cups_media", "document_format", "is_whole", "parse_socket_url",
    "remove_stale_temporary_files", "set_system_printing", "system_printing",
]

Orientation = Literal["portrait", "landscape"]
SOCKET_TIMEOUT_SECONDS = 10.0
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
    # A PDF printer fed anything else prints pages of garbage: that is a bug upstream.
    if not document.startswith(b"%PDF-"):
        raise ValueError("a PDF destination takes PDF bytes")


def is_whole(document: bytes) -> bool:
    """Whether a PDF or a ZPL label is complete (not cut by a crash while it was written)."""
    fmt = document_format(document)
    if fmt == "pdf":
        return document.rstrip().endswith(b"%%EOF")
    if fmt == "zpl":
        return document.rstrip().endswith(b"^XZ")
    return bool(document)


def document_format(document: bytes) -> str:
    """``pdf`` or ``zpl`` from the bytes themselves (a carrier's label says what it is)."""
    if document.startswith(b"%PDF-"):
        return "pdf"
    return "zpl" if b"^XA" in document[:4096] else "raw"


_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w.-]+")


def _file_name_part(text: str) -> str:
    """Shop references such as "#1001" or "WC/2024/12" made safe on every file system."""
    return _UNSAFE_IN_FILE_NAME.sub("_", text).strip("._") or "_"


def _local_now() -> datetime:
    return datetime.now().astimezone()


# A file being written is ".{stem}.{pid}.{random}.part" beside its final name; one whose
# process is gone (killed while writing) is removed by the next writer of that folder.
_TEMPORARY = re.compile(r"^\..*\.(?P<pid>\d+)\.[^.]+\.part$")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporary_files(folder: Path) -> list[Path]:
    """Remove what a writer killed half-way left in ``folder``; returns what was removed."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match and not _process_alive(int(match["pid"])):
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def write_whole(path: Path, document: bytes, *, sync: bool = True) -> None:
    """Write ``path`` whole or not at all: a temporary file beside it, synced, renamed.

    ``sync`` False skips the fsync (a spool file, checked whole when it is read back).
    """
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}.{os.getpid()}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(document)
            if sync:
                file.flush()
                os.fsync(file.fileno())
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from a print server
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class FolderDestination:
    """Saves each document as ``{kind}-{ref}-{YYYYmmdd-HHMMSS}.pdf`` (``.zpl``) in a folder.

    The file appears whole or not at all (written beside, synced, then renamed), so a
    program watching the folder never picks up half a label; what a writer killed
    half-way left is removed by the next one. A second document with the same name in the
    same second gets a ``-2``, ``-3``... suffix instead of replacing the first. The
    folder is created when missing.
    """

    def __init__(self, folder: Path, *, clock: Callable[[], datetime] = _local_now) -> None:
        self.folder = Path(folder)
        self._clock = clock

    def __repr__(self) -> str:
        return f"FolderDestination({str(self.folder)!r})"

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        extension = document_format(document)
        if extension == "raw":  # neither a PDF nor a label: a bug upstream
            raise ValueError("a folder takes PDF or ZPL documents")
        stem = "-".join((
            _file_name_part(kind), _file_name_part(ref), self._clock().strftime("%Y%m%d-%H%M%S"),
        ))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            remove_stale_temporary_files(self.folder)
            path = self._write_atomically(document, stem, extension)
        except OSError as error:
            raise self._error(error) from error
        return Delivery(destination=str(self.folder), path=path)

    def _write_atomically(self, document: bytes, stem: str, extension: str) -> Path:
        descriptor, temporary = tempfile.mkstemp(
            dir=self.folder, prefix=f".{stem}.{os.getpid()}.", suffix=".part",
        )
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(document)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from a print server
            path = self._free_path(stem, extension)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path

    def _free_path(self, stem: str, extension: str) -> Path:
        path = self.folder / f"{stem}.{extension}"
        counter = 1
        while path.exists():
            counter += 1
            path = self.folder / f"{stem}-{counter}.{extension}"
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


class RawCupsDestination:
    """Sends bytes that CUPS must not touch (ZPL) to a raw queue with ``lp -o raw``."""

    def __init__(self, printer: str, copies: int = 1) -> None:
        self.printer = printer
        self.copies = copies

    def __repr__(self) -> str:
        return f"RawCupsDestination({self.printer!r})"

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        job_id = cups.submit(self.printer, document, title=f"{kind}-{ref}", options=["raw"],
                             copies=self.copies)
        return Delivery(destination=self.printer, job_id=job_id)


def parse_socket_url(url: str) -> tuple[str, int]:
    """``socket://HOST[:PORT]`` (port 9100 by default) -> (host, port). ValueError if not."""
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme.lower() != "socket" or not parsed.hostname:
        raise ValueError(f"not a socket://HOST:PORT address: {url!r}")
    try:
        port = parsed.port or 9100
    except ValueError:
        raise ValueError(f"not a port number in {url!r}") from None
    return parsed.hostname, port


class SocketDestination:
    """A network label printer's raw port: connect, send every byte, close.

    Connecting and each send wait at most ``timeout`` seconds, so a printer that is off
    or unplugged fails the job with a message instead of holding the worker. Done once
    the printer's socket took the last byte and the connection closed cleanly.
    """

    def __init__(self, url: str, *, timeout: float = SOCKET_TIMEOUT_SECONDS) -> None:
        self.url = url
        self.host, self.port = parse_socket_url(url)
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"SocketDestination({self.url!r})"

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        where = f"{self.host}:{self.port}"
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as link:
                link.settimeout(self.timeout)
                link.sendall(document)
                link.shutdown(socket.SHUT_WR)
        except socket.timeout:
            raise PrintError("print.socket_timeout", printer=where,
                             seconds=f"{self.timeout:g}") from None
        except ConnectionRefusedError:
            raise PrintError("print.socket_refused", printer=where) from None
        except socket.gaierror as error:
            raise PrintError("print.socket_unknown_host", printer=where,
                             reason=error.strerror or str(error)) from None
        except OSError as error:
            raise PrintError("print.socket_failed", printer=where,
                             reason=error.strerror or str(error)) from None
        return Delivery(destination=self.url)


class WindowsRawDestination:
    """A printer of the Windows spooler fed ``RAW`` data (a USB label printer's ZPL).

    Through the spooler's own functions (winspool.drv, by ctypes): OpenPrinter,
    StartDocPrinter with the ``RAW`` data type, WritePrinter, EndDocPrinter. Only on
    Windows; the spooler owns the job from there, so it is done when the call returns.
    """

    def __init__(self, printer: str) -> None:
        self.printer = printer

    def __repr__(self) -> str:
        return f"WindowsRawDestination({self.printer!r})"

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        if sys.platform != "win32":
            raise PrintError("print.windows_only", printer=self.printer)
        import ctypes
        from ctypes import wintypes

        class DocInfo1(ctypes.Structure):
            _fields_ = [("pDocName", wintypes.LPWSTR), ("pOutputFile", wintypes.LPWSTR),
                        ("pDatatype", wintypes.LPWSTR)]

        spooler = ctypes.WinDLL("winspool.drv", use_last_error=True)  # type: ignore[attr-defined]
        handle = wintypes.HANDLE()
        if not spooler.OpenPrinterW(self.printer, ctypes.byref(handle), None):
            raise PrintError("print.printer_unknown", printer=self.printer,
                             known=i18n.tr("print.no_printer_known"))
        try:
            info = DocInfo1(f"{kind}-{ref}", None, "RAW")
            if not spooler.StartDocPrinterW(handle, 1, ctypes.byref(info)):
                raise self._error(ctypes.get_last_error())  # type: ignore[attr-defined]
            try:
                spooler.StartPagePrinter(handle)
                written = wintypes.DWORD()
                buffer = ctypes.create_string_buffer(document, len(document))
                if not spooler.WritePrinter(handle, buffer, len(document), ctypes.byref(written)) \
                        or written.value != len(document):
                    raise self._error(ctypes.get_last_error())  # type: ignore[attr-defined]
                spooler.EndPagePrinter(handle)
            finally:
                spooler.EndDocPrinter(handle)
        finally:
            spooler.ClosePrinter(handle)
        return Delivery(destination=self.printer)

    def _error(self, code: int) -> PrintError:
        import ctypes

        return PrintError("print.printer_failed", printer=self.printer,
                          detail=ctypes.FormatError(code).strip())  # type: ignore[attr-defined]


class SystemPrinting(Protocol):
    """The system's printers: the names to choose from and the destinations on them."""

    name: str

    def printer_names(self) -> list[str]:
        """The printers of this computer (raises PrintError when they cannot be listed)."""
        ...

    def pdf_destination(self, printer: str, media: str | None, orientation: Orientation,
                        copies: int) -> Destination:
        """A destination printing PDF pages on ``printer``, at ``media`` or the page's size."""
        ...

    def raw_destination(self, printer: str) -> Destination:
        """A destination passing bytes (ZPL) to ``printer`` untouched."""
        ...


class CupsPrinting:
    """CUPS, through its command-line tools (Linux; macOS without the window)."""

    name = "cups"

    def printer_names(self) -> list[str]:
        return [printer.name for printer in cups.list_printers()]

    def pdf_destination(self, printer: str, media: str | None, orientation: Orientation,
                        copies: int) -> Destination:
        return PrinterDestination(printer, media, orientation, copies)

    def raw_destination(self, printer: str) -> Destination:
        if sys.platform == "win32":
            return WindowsRawDestination(printer)
        return RawCupsDestination(printer)


class _NoPdfPrinting(CupsPrinting):
    """Windows before the window installed Qt's print path: raw printing only."""

    name = "windows"

    def printer_names(self) -> list[str]:
        raise PrintError("print.needs_window")

    def pdf_destination(self, printer: str, media: str | None, orientation: Orientation,
                        copies: int) -> Destination:
        raise PrintError("print.needs_window")


_system: SystemPrinting | None = None


def set_system_printing(printing: SystemPrinting | None) -> None:
    """Choose the system print path (the composition roots do; None: the platform's)."""
    global _system
    _system = printing


def system_printing() -> SystemPrinting:
    if _system is not None:
        return _system
    return _NoPdfPrinting() if sys.platform == "win32" else CupsPrinting()


i18n.register({
    "print.socket_refused": (
        "L'imprimante d'étiquettes {printer} ne répond pas (connexion refusée) : allumez-la "
        "et vérifiez son câble réseau, puis relancez les impressions (F9).",
        "The label printer {printer} is not answering (connection refused): switch it on "
        "and check its network cable, then retry the prints (F9).",
    ),
    "print.socket_timeout": (
        "L'imprimante d'étiquettes {printer} n'a pas répondu en {seconds} s : allumez-la et "
        "vérifiez son adresse et son câble réseau, puis relancez les impressions (F9).",
        "The label printer {printer} did not answer within {seconds} s: switch it on and "
        "check its address and network cable, then retry the prints (F9).",
    ),
    "print.socket_unknown_host": (
        "L'adresse de l'imprimante d'étiquettes {printer} est inconnue ({reason}) : "
        "corrigez-la dans les réglages d'impression, puis relancez les impressions (F9).",
        "The label printer's address {printer} is unknown ({reason}): fix it in the print "
        "settings, then retry the prints (F9).",
    ),
    "print.socket_failed": (
        "L'envoi à l'imprimante d'étiquettes {printer} a échoué ({reason}) : vérifiez "
        "qu'elle est allumée et prête, puis relancez les impressions (F9).",
        "Sending to the label printer {printer} failed ({reason}): check that it is on and "
        "ready, then retry the prints (F9).",
    ),
    "print.windows_only": (
        "L'imprimante « {printer} » passe par le spouleur de Windows, absent de cet "
        "ordinateur : choisissez une imprimante de ce système.",
        "The printer '{printer}' goes through the Windows spooler, which this computer does "
        "not have: choose a printer of this system.",
    ),
    "print.needs_window": (
        "Sous Windows, les PDF s'impriment par la fenêtre du poste : ouvrez Packstation "
        "(sans commande) pour imprimer, ou enregistrez les documents dans un dossier.",
        "On Windows, PDFs print through the station window: open Packstation (without a "
        "command) to print, or save the documents in a folder.",
    ),
})
