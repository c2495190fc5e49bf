"""The persisted print queue: every document on its way, with its fate.

A job is stored before anything is sent, with the PDF spooled to a file, so that a
printer that is off, a full disk or a crash loses nothing: the job stays ``failed`` (or
``queued``) and is retried; any job can be reprinted from the order's history.
Statuses: ``queued`` (not delivered yet), ``sent`` (a CUPS job not completed yet),
``done`` (a file written, or CUPS says completed), ``failed`` (the last attempt raised:
``last_error`` says why and what to do).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from packstation.core import i18n, paths
from packstation.core.errors import PackstationError
from packstation.db import atomic
from packstation.db.models import PrintJob, utcnow
from packstation.db.queries import log_event
from packstation.printing import cups
from packstation.printing.destinations import Destination, FolderDestination, PrinterDestination

log = logging.getLogger(__name__)

QUEUED, SENT, DONE, FAILED = "queued", "sent", "done", "failed"


@dataclass(frozen=True)
class DestinationSpec:
    """Where a kind of document goes, as stored with each job (plain data, JSON-able)."""

    printer: str | None = None
    media: str | None = None
    orientation: str = "portrait"
    folder: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "DestinationSpec":
        return cls(printer=data.get("printer") or None, media=data.get("media") or None,
                   orientation=data.get("orientation") or "portrait",
                   folder=data.get("folder") or None)

    def to_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if value}

    def build(self) -> Destination:
        if self.printer:
            return PrinterDestination(self.printer, self.media, self.orientation)  # type: ignore[arg-type]
        return FolderDestination(Path(self.folder) if self.folder else paths.default_output_dir())

    def describe(self) -> str:
        if self.printer:
            return i18n.tr("queue.to_printer", printer=self.printer)
        return i18n.tr("queue.to_folder", folder=self.folder or str(paths.default_output_dir()))


class PrintQueue:
    """Stores, sends, follows and retries print jobs."""

    def __init__(self, spool_dir: Path | None = None, *, station: str = "",
                 on_change: Callable[[PrintJob], None] | None = None) -> None:
        self.spool_dir = spool_dir or paths.data_dir() / "spool"
        self.station = station
        self.on_change = on_change

    def submit(self, kind: str, refs: list[str], document: bytes, spec: DestinationSpec, *,
               order_id: int | None = None, reprint: bool = False) -> PrintJob:
        """Store the job, then try to deliver it at once. Never raises for a printer's fault."""
        with atomic():
            job = PrintJob.create(station=self.station, order=order_id, kind=kind, refs=refs,
                                  destination=spec.to_dict(), status=QUEUED)
            if reprint:
                log_event("reprinted", order=order_id, station=self.station, data={"kind": kind})
        try:
            self.spool_dir.mkdir(parents=True, exist_ok=True)
            spool = self.spool_dir / f"job-{job.id}.pdf"
            temporary = spool.with_suffix(".tmp")
            temporary.write_bytes(document)
            os.replace(temporary, spool)
            job.spool_path = str(spool)
        except OSError as error:
            # Not even spooled: keep the job with its reason; the caller can render again.
            return self._fail(job, i18n.tr("queue.spool_failed", folder=str(self.spool_dir),
                                           reason=error.strerror or str(error)))
        return self.deliver(job, document)

    def deliver(self, job: PrintJob, document: bytes | None = None) -> PrintJob:
        spec = DestinationSpec.from_dict(job.destination or {})
        ref = "+".join(job.refs or []) or str(job.id)
        try:
            if document is None:
                document = Path(job.spool_path).read_bytes()
            delivery = spec.build().deliver(document, kind=job.kind, ref=ref)
        except PackstationError as error:
            return self._fail(job, error.message)
        except OSError as error:
            return self._fail(job, i18n.tr("queue.spool_missing", path=job.spool_path,
                                           reason=error.strerror or str(error)))
        except ValueError as error:  # a destination set up with a value it cannot use
            return self._fail(job, i18n.tr("queue.bad_destination", reason=str(error)))
        job.attempts += 1
        job.last_error = ""
        job.updated_at = utcnow()
        if delivery.awaits_printer:
            job.status, job.output = SENT, delivery.job_id or ""
        else:
            job.status, job.output, job.printed_at = DONE, str(delivery.path), utcnow()
        with atomic():
            job.save()
            log_event("printed" if job.status == DONE else "print_sent", order=job.order_id,
                      station=self.station, data={"kind": job.kind, "output": job.output,
                                                  "job": job.id})
        self._changed(job)
        return job

    def _fail(self, job: PrintJob, message: str) -> PrintJob:
        job.attempts += 1
        job.status, job.last_error, job.updated_at = FAILED, message, utcnow()
        with atomic():
            job.save()
            log_event("print_failed", order=job.order_id, station=self.station, reason=message,
                      data={"kind": job.kind, "job": job.id})
        log.warning("print job %s failed: %s", job.id, message)
        self._changed(job)
        return job

    def refresh(self) -> list[PrintJob]:
        """Follow jobs handed to CUPS: completed ones become done; returns those that changed."""
        changed = []
        for job in PrintJob.select().where(PrintJob.status == SENT).order_by(PrintJob.id):
            try:
                state = cups.job_state(job.output)
            except PackstationError as error:
                log.info("cannot follow print job %s: %s", job.id, error)
                continue
            if state == "completed":
                job.status, job.printed_at, job.updated_at = DONE, utcnow(), utcnow()
            elif state in ("cancelled", "aborted"):
                job.status, job.updated_at = FAILED, utcnow()
                job.last_error = i18n.tr("queue.cups_gave_up", state=state)
            elif state == "unknown":
                # CUPS purged the job from its history: it left the queue, most likely
                # printed. Say so on the job rather than keep it "sent" for ever.
                job.status, job.printed_at, job.updated_at = DONE, utcnow(), utcnow()
                job.last_error = i18n.tr("queue.cups_forgot")
            else:
                continue
            job.save()
            changed.append(job)
            self._changed(job)
        return changed

    def retry(self, job: PrintJob) -> PrintJob:
        return self.deliver(job)

    def retry_failed(self) -> list[PrintJob]:
        return [self.retry(job) for job in
                PrintJob.select().where(PrintJob.status == FAILED).order_by(PrintJob.id)]

    def pending(self) -> Iterable[PrintJob]:
        return PrintJob.select().where(PrintJob.status.in_([QUEUED, SENT, FAILED])).order_by(PrintJob.id)

    def _changed(self, job: PrintJob) -> None:
        if self.on_change is not None:
            self.on_change(job)


def job_summary(job: PrintJob) -> dict:
    return {"job": job.id, "kind": job.kind, "status": job.status, "output": job.output or None,
            "error": job.last_error or None}


i18n.register({
    "queue.to_printer": ("imprimante {printer}", "printer {printer}"),
    "queue.to_folder": ("dossier {folder}", "folder {folder}"),
    "queue.spool_failed": ("Impossible de garder le document dans {folder} ({reason}) : libérez de la place "
                           "puis réimprimez depuis l'historique de la commande.",
                           "Cannot keep the document in {folder} ({reason}): free some space, then "
                           "reprint from the order's history."),
    "queue.spool_missing": ("Le document en attente {path} a disparu ({reason}) : réimprimez depuis "
                            "l'historique de la commande.",
                            "The waiting document {path} is gone ({reason}): reprint from the order's "
                            "history."),
    "queue.bad_destination": ("Destination d'impression mal réglée ({reason}) : corrigez les réglages "
                              "d'impression puis relancez.",
                              "Print destination set up wrong ({reason}): fix the print settings, "
                              "then retry."),
    "queue.cups_forgot": ("Le système d'impression n'a plus trace du travail : vérifiez qu'il est "
                          "sorti, sinon réimprimez.",
                          "The print system no longer knows the job: check it came out, else reprint."),
    "queue.cups_gave_up": ("Le système d'impression a abandonné le travail ({state}) : vérifiez "
                           "l'imprimante puis relancez.",
                           "The print system gave up the job ({state}): check the printer, then retry."),
})
