"""The persisted print queue: every document on its way, with its fate.

A job is a row before it is anything else: completion stores its label and slip jobs in
the same transaction that packs the order, so a station killed at any moment either did
not pack the order or has its documents queued. A :class:`~packstation.printing.worker.
PrintWorker` renders and delivers the jobs of its station, in order, off the scan path.

Statuses (``PrintJob.status``):

- ``queued``: stored, not delivered yet; the station's worker takes it next.
- ``waiting``: the document cannot be made yet — a carrier's label that the carrier has
  not given (yet). The renderer says so by raising :class:`DocumentNotReady`; the job
  keeps its reason in ``last_error``, the worker asks again every
  :data:`WAITING_RETRY_SECONDS`, and ``retry-prints`` at once.
- ``delivering``: a worker took it (rendering, sending). A station that starts again puts
  its own ``delivering`` jobs back to ``queued``: it died in the middle of one.
- ``sent``: handed to CUPS; followed (:meth:`PrintQueue.refresh`) until CUPS says
  ``completed`` (``done``) or gave up (``failed``).
- ``done``: a file written, the bytes taken by a network printer or a system spooler, or
  CUPS says completed.
- ``failed``: the last attempt failed; ``last_error`` says why and what to do. Retried by
  ``retry-prints`` (or F9 in the window); a printer that was off or not answering
  (:data:`TRANSIENT_FAILURES`) is also tried again by the worker itself, every minute, up
  to :data:`AUTO_RETRIES` attempts. A CUPS job that CUPS aborted or cancelled, whose
  queue was removed, or that CUPS no longer knows, is failed — never done.

Jobs belong to a station (``PrintJob.station``, its name): counts, follow-ups and retries
are per station; renaming a station moves its jobs with it (:func:`rename_station`). The
document's bytes are spooled to ``<spool>/<database id>/job-<id>.<pdf|zpl>`` — the
database id is a random one kept in the database itself, so two shops (two databases)
of one user never share a spool file; a spool file that is gone is rendered again.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Callable, Iterable, Sequence

from packstation.core import i18n, paths
from packstation.core.errors import PackstationError
from packstation.db import atomic
from packstation.db.models import PrintJob, Setting, utcnow
from packstation.db.queries import log_event
from packstation.printing import cups
from packstation.printing.destinations import (
    Destination, FolderDestination, SocketDestination, document_format, is_whole,
    remove_stale_temporary_files, system_printing, write_whole,
)

log = logging.getLogger(__name__)

QUEUED, WAITING, DELIVERING, SENT, DONE, FAILED = (
    "queued", "waiting", "delivering", "sent", "done", "failed")
#: Not finished: counted as "in progress" by the window.
ACTIVE = (QUEUED, WAITING, DELIVERING, SENT)
#: How often a worker asks again for a document that was not ready.
WAITING_RETRY_SECONDS = 30.0
#: Failures of a printer that is off, unplugged or not answering: nothing was printed, and
#: the station's worker tries again by itself (see PrintWorker.retry_seconds).
TRANSIENT_FAILURES = frozenset({
    "print.socket_refused", "print.socket_timeout", "print.socket_failed",
    "print.cups_unreachable", "print.printer_rejecting",
})
#: How many times a worker retries such a job by itself; then F9 or ``retry-prints``.
AUTO_RETRIES = 10
#: A ``delivering`` job untouched this long belongs to a station that stopped.
STALE_DELIVERY = timedelta(minutes=2)
FORMATS = ("pdf", "zpl")

DATABASE_ID_KEY = "printing.database_id"


class DocumentNotReady(PackstationError):
    """A document that cannot be made yet (a carrier's label not given yet): the job waits."""


@dataclass(frozen=True)
class DestinationSpec:
    """Where a kind of document goes and in what form, stored with each job (JSON-able).

    ``printer`` is a system printer's name or ``socket://HOST:PORT``; ``format`` is
    ``pdf`` or ``zpl`` (``dpi`` and ``font`` for ZPL); ``layout`` and ``packaging_g`` are
    what the document was rendered with, so that a job can be rendered again the same.
    """

    printer: str | None = None
    media: str | None = None
    orientation: str = "portrait"
    folder: str | None = None
    format: str = "pdf"
    dpi: int | None = None
    font: str | None = None
    layout: str | None = None
    packaging_g: int | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "DestinationSpec":
        return cls(printer=data.get("printer") or None, media=data.get("media") or None,
                   orientation=data.get("orientation") or "portrait",
                   folder=data.get("folder") or None, format=data.get("format") or "pdf",
                   dpi=data.get("dpi") or None, font=data.get("font") or None,
                   layout=data.get("layout") or None, packaging_g=data.get("packaging_g"))

    def to_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items()
                if value not in (None, "") and not (key == "format" and value == "pdf")
                and not (key == "orientation" and value == "portrait")}

    @property
    def network(self) -> bool:
        return bool(self.printer and self.printer.lower().startswith("socket://"))

    def build(self) -> Destination:
        """The destination object. ValueError for a value it cannot use."""
        if self.network:
            return SocketDestination(self.printer or "")
        if self.printer:
            system = system_printing()
            if self.format == "zpl":
                return system.raw_destination(self.printer)
            return system.pdf_destination(self.printer, self.media, self.orientation,  # type: ignore[arg-type]
                                          1)
        return FolderDestination(Path(self.folder) if self.folder else paths.default_output_dir())

    def describe(self) -> str:
        if self.printer:
            return i18n.tr("queue.to_printer", printer=self.printer)
        return i18n.tr("queue.to_folder", folder=self.folder or str(paths.default_output_dir()))


def database_id() -> str:
    """This database's own random id, made once and kept in it (spool file names)."""
    row = Setting.get_or_none(Setting.key == DATABASE_ID_KEY)
    if row is not None:
        return str(row.value)
    with atomic():
        Setting.insert(key=DATABASE_ID_KEY, value=uuid.uuid4().hex).on_conflict_ignore().execute()
    return str(Setting.get(Setting.key == DATABASE_ID_KEY).value)


def rename_station(old: str, new: str) -> int:
    """Move a station's print jobs to its new name, in one transaction; how many moved."""
    if old == new:
        return 0
    with atomic():
        moved = PrintJob.update(station=new).where(PrintJob.station == old).execute()
        if moved:
            log_event("print_jobs_moved", station=new, data={"from": old, "jobs": moved})
    return moved


Renderer = Callable[[PrintJob], bytes]


class PrintQueue:
    """Stores, sends, follows and retries the print jobs of one station.

    ``render`` makes a job's document from the database when it has no spool file (a
    job queued by completion, a spool file that is gone); see
    :func:`packstation.services.printing.render_job`.
    """

    def __init__(self, spool_dir: Path | None = None, *, station: str = "",
                 on_change: Callable[[PrintJob], None] | None = None,
                 render: Renderer | None = None) -> None:
        self.base_spool_dir = spool_dir or paths.data_dir() / "spool"
        self.station = station
        self.on_change = on_change
        self.render = render
        self._spool_dir: Path | None = None
        #: Jobs that failed here for a printer that is off: retried by the worker.
        self.transient_failures: set[int] = set()

    @property
    def spool_dir(self) -> Path:
        """This database's own spool folder."""
        if self._spool_dir is None:
            self._spool_dir = self.base_spool_dir / database_id()
        return self._spool_dir

    def jobs(self) -> "PrintJob":
        return PrintJob.select().where(PrintJob.station == self.station)

    # -- adding ------------------------------------------------------------------------

    def add(self, kind: str, refs: Sequence[str], spec: DestinationSpec, *,
            order_id: int | None = None, reprint: bool = False,
            parcel: int | None = None) -> PrintJob:
        """Store a job to render and deliver later (inside the caller's transaction);
        ``parcel``: the label of one parcel of a split order."""
        with atomic():
            job = PrintJob.create(station=self.station, order=order_id, kind=kind,
                                  refs=list(refs), destination=spec.to_dict(), status=QUEUED,
                                  parcel=parcel)
            data = {"kind": kind, "job": job.id}
            if parcel is not None:
                data["parcel"] = parcel
            log_event("reprinted" if reprint else "print_queued", order=order_id,
                      station=self.station, data=data)
        return job

    def submit(self, kind: str, refs: list[str], document: bytes, spec: DestinationSpec, *,
               order_id: int | None = None, reprint: bool = False) -> PrintJob:
        """Store the job with its document, then deliver it now, on this thread.

        For documents someone asked for and waits for (a pick list, a manifest, the
        ``print`` command). Never raises for a printer's fault: the job says it.
        """
        job = self.add(kind, refs, spec, order_id=order_id, reprint=reprint)
        if not self.take(job):
            return PrintJob.get_by_id(job.id)
        try:
            self._spool(job, document)
        except OSError as error:
            return self._fail(job, i18n.tr("queue.spool_failed", folder=str(self.spool_dir),
                                           reason=error.strerror or str(error)))
        return self.deliver(job, document)

    # -- delivering ----------------------------------------------------------------------

    def next_queued(self) -> PrintJob | None:
        return (self.jobs().where(PrintJob.status == QUEUED).order_by(PrintJob.id).first())

    def take(self, job: PrintJob) -> bool:
        """Mark a queued job as being delivered by us; False when someone else took it."""
        with atomic():
            taken = (PrintJob.update(status=DELIVERING, updated_at=utcnow())
                     .where((PrintJob.id == job.id) & (PrintJob.status == QUEUED)).execute())
        if taken:
            job.status = DELIVERING
        return bool(taken)

    def _spool_path(self, job: PrintJob, document: bytes) -> Path:
        extension = "pdf" if document_format(document) == "pdf" else "zpl"
        return self.spool_dir / f"job-{job.id}.{extension}"

    def _spool(self, job: PrintJob, document: bytes) -> None:
        """Keep the bytes for a reprint; stored on the job with its delivery's outcome.

        Not synced: a spool file cut by a crash is seen when read back, and rendered again.
        """
        self.spool_dir.mkdir(parents=True, exist_ok=True)
        path = self._spool_path(job, document)
        write_whole(path, document, sync=False)
        job.spool_path = str(path)

    def _document(self, job: PrintJob) -> bytes:
        """The job's bytes: its spool file, else rendered (and spooled) now."""
        if job.spool_path:
            try:
                document = Path(job.spool_path).read_bytes()
                if is_whole(document):
                    return document
                raise FileNotFoundError(f"{job.spool_path} is incomplete")
            except OSError as error:
                if self.render is None:
                    raise _SpoolGone(error) from error
                log.info("spool file of job %s is gone (%s): rendering again", job.id, error)
        if self.render is None:
            raise _SpoolGone(FileNotFoundError(job.spool_path or "-"))
        document = self.render(job)
        self._spool(job, document)
        return document

    def deliver(self, job: PrintJob, document: bytes | None = None) -> PrintJob:
        """Render if needed, then hand the document to its destination (job taken)."""
        spec = DestinationSpec.from_dict(job.destination or {})
        ref = "+".join(job.refs or []) or str(job.id)
        try:
            if document is None:
                document = self._document(job)
            destination = spec.build()
            delivery = destination.deliver(document, kind=job.kind, ref=ref)
        except DocumentNotReady as error:
            return self._wait(job, error.message)
        except PackstationError as error:
            if error.key in TRANSIENT_FAILURES and job.attempts + 1 < AUTO_RETRIES:
                self.transient_failures.add(job.id)
            return self._fail(job, error.message)
        except _SpoolGone as gone:
            error = gone.error
            return self._fail(job, i18n.tr("queue.spool_missing", path=job.spool_path or "-",
                                           reason=getattr(error, "strerror", None) or str(error)))
        except OSError as error:
            return self._fail(job, i18n.tr("queue.spool_failed", folder=str(self.spool_dir),
                                           reason=error.strerror or str(error)))
        except ValueError as error:  # a destination set up with a value it cannot use
            return self._fail(job, i18n.tr("queue.bad_destination", reason=str(error)))
        job.attempts += 1
        job.last_error = ""
        job.updated_at = utcnow()
        if delivery.awaits_printer:
            job.status, job.output = SENT, delivery.job_id or ""
        else:
            job.status = DONE
            job.output = str(delivery.path) if delivery.path else delivery.destination
            job.printed_at = utcnow()
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

    def _wait(self, job: PrintJob, message: str) -> PrintJob:
        # Asked again every half minute: the event says when it started waiting, or why
        # it now waits for something else, not every time it is still not ready.
        news = job.last_error != message
        job.status, job.last_error, job.updated_at = WAITING, message, utcnow()
        with atomic():
            job.save()
            if news:
                log_event("print_waiting", order=job.order_id, station=self.station,
                          reason=message, data={"kind": job.kind, "job": job.id})
        self._changed(job)
        return job

    # -- following CUPS ---------------------------------------------------------------------

    def refresh(self) -> list[PrintJob]:
        """Follow this station's jobs handed to CUPS; returns those that changed.

        ``completed`` is done. Cancelled, aborted, a queue that was removed, and a job CUPS
        no longer knows are failed, each with what to do: none of them is a printed page.
        """
        changed = []
        sent = list(self.jobs().where(PrintJob.status == SENT).order_by(PrintJob.id))
        if not sent:
            return changed
        try:
            queues = {printer.name for printer in cups.list_printers()}
        except PackstationError as error:
            log.info("cannot follow print jobs: %s", error)
            return changed
        for job in sent:
            printer = DestinationSpec.from_dict(job.destination or {}).printer or ""
            try:
                state = cups.job_state(job.output)
            except PackstationError as error:
                log.info("cannot follow print job %s: %s", job.id, error)
                continue
            except ValueError:  # not a CUPS job id: nothing to follow
                state = "unknown"
            if state == "completed":
                job.status, job.printed_at, job.last_error = DONE, utcnow(), ""
            elif state in ("cancelled", "aborted") and printer not in queues:
                job.status = FAILED
                job.last_error = i18n.tr("queue.cups_queue_removed", printer=printer)
            elif state in ("cancelled", "aborted"):
                job.status = FAILED
                job.last_error = i18n.tr("queue.cups_gave_up", state=state, printer=printer)
            elif state == "unknown":
                job.status = FAILED
                job.last_error = (i18n.tr("queue.cups_queue_removed", printer=printer)
                                  if printer not in queues else i18n.tr("queue.cups_forgot"))
            else:
                continue
            job.updated_at = utcnow()
            with atomic():
                job.save()
                if job.status == DONE:
                    log_event("printed", order=job.order_id, station=self.station,
                              data={"kind": job.kind, "output": job.output, "job": job.id})
                else:
                    log_event("print_failed", order=job.order_id, station=self.station,
                              reason=job.last_error, data={"kind": job.kind, "job": job.id})
            changed.append(job)
            self._changed(job)
        return changed

    # -- retrying ---------------------------------------------------------------------------

    def recover(self, *, older_than: timedelta | None = None) -> int:
        """Put this station's jobs a stopped worker was delivering back in the queue."""
        condition = (PrintJob.station == self.station) & (PrintJob.status == DELIVERING)
        if older_than is not None:
            condition &= PrintJob.updated_at < utcnow() - older_than
        with atomic():
            return PrintJob.update(status=QUEUED, updated_at=utcnow()).where(condition).execute()

    def requeue(self, statuses: Iterable[str] = (FAILED, WAITING)) -> list[int]:
        """Put this station's failed (and waiting) jobs back in the queue; their ids."""
        with atomic():
            ids = [job.id for job in self.jobs().where(PrintJob.status.in_(list(statuses)))
                   .order_by(PrintJob.id)]
            if ids:
                PrintJob.update(status=QUEUED, updated_at=utcnow()).where(
                    PrintJob.id.in_(ids) & PrintJob.status.in_(list(statuses))).execute()
        return ids

    def requeue_transient(self) -> list[int]:
        """Put back in the queue the jobs that failed for a printer that was off."""
        ids, self.transient_failures = sorted(self.transient_failures), set()
        if ids:
            with atomic():
                PrintJob.update(status=QUEUED, updated_at=utcnow()).where(
                    PrintJob.id.in_(ids) & (PrintJob.status == FAILED)
                    & (PrintJob.station == self.station)).execute()
        return ids

    def retry(self, job: PrintJob) -> PrintJob:
        """Deliver one job again now, on this thread."""
        with atomic():
            PrintJob.update(status=QUEUED).where(PrintJob.id == job.id).execute()
        job = PrintJob.get_by_id(job.id)
        if not self.take(job):
            return PrintJob.get_by_id(job.id)
        return self.deliver(job)

    def deliver_queued(self, *, stop: Callable[[], bool] = lambda: False) -> list[PrintJob]:
        """Deliver every queued job of this station, in order, on this thread."""
        delivered = []
        while not stop():
            job = self.next_queued()
            if job is None:
                break
            if self.take(job):
                delivered.append(self.deliver(job))
        return delivered

    def retry_failed(self) -> list[PrintJob]:
        """Deliver again, now, this station's failed and waiting jobs (and queued ones)."""
        self.requeue()
        return self.deliver_queued()

    def cleanup(self) -> None:
        """Remove spool files a writer killed half-way left."""
        remove_stale_temporary_files(self.spool_dir)

    # -- reading --------------------------------------------------------------------------------

    def pending(self) -> Iterable[PrintJob]:
        return self.jobs().where(PrintJob.status.in_([*ACTIVE, FAILED])).order_by(PrintJob.id)

    def counts(self) -> dict[str, int]:
        """How many jobs of this station are in each status."""
        import peewee as pw

        rows = (PrintJob.select(PrintJob.status, pw.fn.COUNT(PrintJob.id))
                .where(PrintJob.station == self.station).group_by(PrintJob.status).tuples())
        return {status: count for status, count in rows}

    def last_failure(self) -> PrintJob | None:
        return (self.jobs().where(PrintJob.status == FAILED).order_by(PrintJob.id.desc()).first())

    def _changed(self, job: PrintJob) -> None:
        if self.on_change is not None:
            try:
                self.on_change(job)
            except Exception:  # noqa: BLE001 — a listener's bug must not lose the job
                log.exception("print queue listener failed")


class _SpoolGone(Exception):
    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def job_summary(job: PrintJob) -> dict:
    spec = DestinationSpec.from_dict(job.destination or {})
    return {"job": job.id, "kind": job.kind, "status": job.status, "output": job.output or None,
            "destination": spec.describe(), "error": job.last_error or None}


i18n.register({
    "queue.to_printer": ("imprimante {printer}", "printer {printer}"),
    "queue.to_folder": ("dossier {folder}", "folder {folder}"),
    "queue.spool_failed": ("Impossible de garder le document dans {folder} ({reason}) : libérez de la place "
                           "puis relancez les impressions (F9).",
                           "Cannot keep the document in {folder} ({reason}): free some space, then "
                           "retry the prints (F9)."),
    "queue.spool_missing": ("Le document en attente {path} a disparu ({reason}) : réimprimez depuis "
                            "l'historique de la commande.",
                            "The waiting document {path} is gone ({reason}): reprint from the order's "
                            "history."),
    "queue.bad_destination": ("Destination d'impression mal réglée ({reason}) : corrigez les réglages "
                              "d'impression puis relancez.",
                              "Print destination set up wrong ({reason}): fix the print settings, "
                              "then retry."),
    "queue.cups_forgot": ("Le système d'impression n'a plus trace du travail : vérifiez s'il est "
                          "sorti ; sinon relancez les impressions (F9).",
                          "The print system no longer knows the job: check whether it came out; "
                          "if not, retry the prints (F9)."),
    "queue.cups_gave_up": ("Le système d'impression a abandonné le travail sur « {printer} » ({state}) : "
                           "vérifiez l'imprimante (papier, capot, câble) puis relancez les impressions (F9).",
                           "The print system gave up the job on '{printer}' ({state}): check the "
                           "printer (paper, cover, cable), then retry the prints (F9)."),
    "queue.cups_queue_removed": ("L'imprimante « {printer} » a été retirée du système avant d'imprimer "
                                 "le travail : choisissez une imprimante installée dans les réglages, "
                                 "puis relancez les impressions (F9).",
                                 "The printer '{printer}' was removed from the system before it printed "
                                 "the job: choose an installed printer in the settings, then retry "
                                 "the prints (F9)."),
})
