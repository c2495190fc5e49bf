"""The system's print service (CUPS), through its own command-line tools.

This module owns every conversation with CUPS: sending a PDF to a queue (``lp``),
listing the queues (``lpstat``), following a job until the printer has taken it
(``ipptool``, ``lpstat``) and cancelling one (``cancel``). It also owns
:class:`PrintError`, the error of the whole printing layer, so that a printer that is
off and a folder that is full reach the packer the same way.

The command-line tools are used rather than a binding because they exist wherever CUPS
does (Linux, macOS), follow the user's own client configuration (``CUPS_SERVER``,
``~/.cups/client.conf``) and need nothing compiled. They run with ``LC_ALL=C`` so that
their English answers can be parsed whatever the desktop language is.

What CUPS does with a job, as observed with a cups-pdf queue (CUPS 2.4):

- ``cupsdisable`` stops a queue but it still *accepts* jobs: they wait as ``pending``
  (IPP reasons "none") and nothing is printed; ``cupsenable`` prints them in order
  (``processing`` then ``completed``). Only a job that CUPS reports ``completed`` has
  been handed to the printer.
- ``cupsreject`` makes ``lp`` fail at once ("not accepting jobs").
- A job held with ``-H hold`` is ``held``; a cancelled one is ``cancelled``.
- ``lpstat`` lists finished jobs without saying whether they completed or were
  cancelled or aborted; ``ipptool`` asks the scheduler for the job's IPP state, so
  :func:`job_state` uses it and falls back to ``lpstat`` only where it is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.parse
from dataclasses import dataclass
from typing import Literal, Sequence

from packstation.core import i18n
from packstation.core.errors import PackstationError

PrinterState = Literal["idle", "printing", "stopped"]
JobState = Literal[
    "pending", "held", "processing", "stopped", "completed", "cancelled", "aborted", "unknown"
]

# A stuck scheduler must not freeze the packing table: every command gets this long.
COMMAND_TIMEOUT_SECONDS = 30.0

# Job states that will not change any more.
FINISHED_STATES: frozenset[JobState] = frozenset({"completed", "cancelled", "aborted"})


class PrintError(PackstationError):
    """A document could not be delivered: printer unknown, stopped or refusing, CUPS
    missing or not answering, folder unwritable or full."""


i18n.register({
    "print.command_missing": (
        "La commande « {command} » est introuvable : le service d'impression du système "
        "(CUPS) n'est pas installé. Installez-le, ou choisissez d'enregistrer les "
        "documents dans un dossier.",
        "The command '{command}' was not found: the system's print service (CUPS) is not "
        "installed. Install it, or choose to save the documents in a folder.",
    ),
    "print.cups_unreachable": (
        "Le service d'impression du système (CUPS) ne répond pas. Démarrez-le (ou "
        "redémarrez l'ordinateur), puis relancez l'impression.",
        "The system's print service (CUPS) is not answering. Start it (or restart the "
        "computer), then print again.",
    ),
    "print.printer_unknown": (
        "L'imprimante « {printer} » n'existe pas sur cet ordinateur. Choisissez une "
        "imprimante installée dans les réglages d'impression (installées : {known}).",
        "The printer '{printer}' does not exist on this computer. Choose an installed "
        "printer in the print settings (installed: {known}).",
    ),
    "print.printer_rejecting": (
        "L'imprimante « {printer} » refuse les nouveaux travaux. Réactivez-la dans les "
        "réglages des imprimantes du système (commande : cupsaccept {printer}), puis "
        "relancez l'impression.",
        "The printer '{printer}' is refusing new jobs. Re-enable it in the system's "
        "printer settings (command: cupsaccept {printer}), then print again.",
    ),
    "print.printer_failed": (
        "L'imprimante « {printer} » n'a pas accepté le document : {detail}",
        "The printer '{printer}' did not accept the document: {detail}",
    ),
    "print.no_printer_known": ("aucune", "none"),
    "print.job_unknown": (
        "Le travail d'impression {job} est inconnu du service d'impression.",
        "The print job {job} is unknown to the print service.",
    ),
    "print.cups_failed": (
        "Le service d'impression a répondu par une erreur : {detail}",
        "The print service answered with an error: {detail}",
    ),
})


@dataclass(frozen=True, slots=True)
class PrinterInfo:
    """One CUPS queue as ``lpstat`` describes it."""

    name: str
    state: PrinterState
    accepting: bool
    default: bool


@dataclass(frozen=True, slots=True)
class _Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def detail(self) -> str:
        """The tool's own complaint, on one line, without the ``lp:`` prefix."""
        text = " ".join((self.stderr or self.stdout).split())
        return re.sub(r"^\w+:\s*(Error\s*-\s*)?", "", text) or f"exit status {self.returncode}"


def run_tool(arguments: Sequence[str], *, stdin: bytes | None = None) -> _Result:
    """Run one CUPS command in the C locale. Raises PrintError when it is missing or hangs."""
    command = arguments[0]
    if shutil.which(command) is None:
        raise PrintError("print.command_missing", command=command)
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    environment.pop("LANGUAGE", None)
    try:
        completed = subprocess.run(
            list(arguments), input=stdin if stdin is not None else b"", capture_output=True,
            env=environment, timeout=COMMAND_TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired:
        raise PrintError("print.cups_unreachable") from None
    return _Result(
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )


def scheduler_running() -> bool:
    """Whether the CUPS scheduler answers (``lpstat -r``)."""
    result = run_tool(["lpstat", "-r"])
    return "scheduler is running" in result.stdout


def _unreachable(result: _Result) -> bool:
    text = result.stdout + result.stderr
    return any(sign in text for sign in (
        "Scheduler is not running", "Unable to connect", "Connection refused",
        "No such file or directory",
    ))


# --------------------------------------------------------------------------- printers

_PRINTER_LINE = re.compile(r"^printer (?P<name>\S+) (?P<rest>.*)$")
_ACCEPTING_LINE = re.compile(r"^(?P<name>\S+) (?P<not>not )?accepting requests\b")
_DEFAULT_LINE = re.compile(r"^system default destination: (?P<name>[^/\s]+)")


def parse_printers(lpstat_output: str) -> list[PrinterInfo]:
    """The queues described by ``LC_ALL=C lpstat -p -a -d``, in the order it lists them."""
    states: dict[str, PrinterState] = {}
    accepting: dict[str, bool] = {}
    default = None
    for line in lpstat_output.splitlines():
        if match := _PRINTER_LINE.match(line):
            rest = match["rest"]
            if rest.startswith("disabled"):
                state: PrinterState = "stopped"
            elif rest.startswith("now printing"):
                state = "printing"
            else:
                state = "idle"
            states[match["name"]] = state
        elif match := _ACCEPTING_LINE.match(line):
            accepting[match["name"]] = match["not"] is None
        elif match := _DEFAULT_LINE.match(line):
            default = match["name"]
    return [
        PrinterInfo(name, state, accepting.get(name, False), name == default)
        for name, state in states.items()
    ]


def list_printers() -> list[PrinterInfo]:
    """Every CUPS queue: its state, whether it accepts jobs, whether it is the default.

    Raises PrintError when CUPS is not installed or not running; a CUPS without any
    queue gives an empty list.
    """
    result = run_tool(["lpstat", "-p", "-a", "-d"])
    if _unreachable(result):
        raise PrintError("print.cups_unreachable")
    # "lpstat: No destinations added." comes with a non-zero status: not an error here.
    if result.returncode != 0 and "No destinations added" not in result.stderr:
        raise PrintError("print.cups_failed", detail=result.detail)
    return parse_printers(result.stdout)


# --------------------------------------------------------------------------- jobs

_REQUEST_ID = re.compile(r"request id is (?P<job>\S+)")


def submit(
    printer: str, document: bytes, *, title: str, options: Sequence[str] = (), copies: int = 1,
) -> str:
    """Queue ``document`` on ``printer`` silently; return the CUPS job id ("PDF-12").

    ``options`` are ``name=value`` strings, each passed with ``-o``. The job is only
    queued: it is printed when :func:`job_state` says ``completed``.
    """
    arguments = ["lp", "-d", printer, "-t", title, "-n", str(copies)]
    for option in options:
        arguments += ["-o", option]
    arguments.append("-")  # the document on standard input: no temporary file to leak
    result = run_tool(arguments, stdin=document)
    if result.returncode == 0 and (match := _REQUEST_ID.search(result.stdout)):
        return match["job"]
    text = result.stdout + result.stderr
    if "not accepting jobs" in text:
        raise PrintError("print.printer_rejecting", printer=printer)
    if "does not exist" in text or "Unknown destination" in text:
        # lp says so too when it cannot reach the scheduler to look the printer up.
        if not scheduler_running():
            raise PrintError("print.cups_unreachable")
        raise PrintError("print.printer_unknown", printer=printer, known=_known_printer_names())
    if _unreachable(result):
        raise PrintError("print.cups_unreachable")
    raise PrintError("print.printer_failed", printer=printer, detail=result.detail)


def _known_printer_names() -> str:
    try:
        names = [printer.name for printer in list_printers()]
    except PrintError:
        names = []
    return ", ".join(names) or i18n.tr("print.no_printer_known")


def job_number(job_id: str | int) -> int:
    """The scheduler-wide number of a job: "PDF-12" -> 12."""
    if isinstance(job_id, int):
        return job_id
    match = re.search(r"(\d+)$", job_id)
    if match is None:
        raise ValueError(f"not a CUPS job id: {job_id!r}")
    return int(match[1])


# IPP's enum names (RFC 8011 section 5.3.7) as ipptool prints them, to ours.
_IPP_JOB_STATES: dict[str, JobState] = {
    "pending": "pending",
    "pending-held": "held",
    "processing": "processing",
    "processing-stopped": "stopped",
    "canceled": "cancelled",
    "aborted": "aborted",
    "completed": "completed",
}

_IPP_GET_JOB_STATE = b"""{
    NAME "packstation job state"
    OPERATION Get-Job-Attributes
    GROUP operation-attributes-tag
    ATTR charset attributes-charset utf-8
    ATTR naturalLanguage attributes-natural-language en
    ATTR uri job-uri $uri
    ATTR name requesting-user-name $user
    ATTR keyword requested-attributes job-state
    STATUS successful-ok
    DISPLAY job-state
}
"""


def _scheduler_uri(path: str) -> str:
    """An ipp: URI on the scheduler the CUPS tools use (a host, or a local socket)."""
    server = run_tool(["lpstat", "-H"]).stdout.strip() or "localhost"
    if server.startswith("/"):
        server = urllib.parse.quote(server, safe="")
    return f"ipp://{server}{path}"


def job_state(job_id: str | int) -> JobState:
    """Where the job is: ``completed`` means CUPS handed it to the printer.

    ``unknown`` when the scheduler does not know the job (it forgets old jobs, see
    ``MaxJobs`` and ``PreserveJobHistory`` in cupsd.conf). Without ``ipptool`` the state
    comes from ``lpstat``, which cannot tell a completed job from a cancelled or aborted
    one: such a finished job is then ``unknown``, never a false ``completed``.
    """
    number = job_number(job_id)
    if shutil.which("ipptool") is not None:
        result = run_tool(
            ["ipptool", "-c", _scheduler_uri(f"/jobs/{number}"), "/dev/stdin"],
            stdin=_IPP_GET_JOB_STATE,
        )
        if result.returncode == 0:
            lines = result.stdout.split()
            if len(lines) >= 2 and lines[0] == "job-state":
                return _IPP_JOB_STATES.get(lines[1].strip('"'), "unknown")
        if "does not exist" in result.stdout + result.stderr:
            return "unknown"
        if _unreachable(result):
            raise PrintError("print.cups_unreachable")
        raise PrintError("print.cups_failed", detail=result.detail)
    return _job_state_from_lpstat(number)


def _job_state_from_lpstat(number: int) -> JobState:
    def listed(which: str) -> bool:
        result = run_tool(["lpstat", "-W", which, "-o"])
        if _unreachable(result):
            raise PrintError("print.cups_unreachable")
        return any(
            re.match(rf"^\S+-{number}\s", line) for line in result.stdout.splitlines()
        )

    if listed("not-completed"):
        return "pending"
    return "unknown"


def cancel(job_id: str | int) -> bool:
    """Cancel a job that has not finished. False when it had already finished.

    Raises PrintError when the scheduler does not know the job.
    """
    number = job_number(job_id)
    result = run_tool(["cancel", str(number)])
    if result.returncode == 0:
        return True
    text = result.stdout + result.stderr
    if "already" in text:  # "Job #12 is already completed - can't cancel."
        return False
    if "does not exist" in text:
        raise PrintError("print.job_unknown", job=str(job_id))
    if _unreachable(result):
        raise PrintError("print.cups_unreachable")
    raise PrintError("print.cups_failed", detail=result.detail)
