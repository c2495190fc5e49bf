"""Real outside services for the tests: a private PostgreSQL cluster and a CUPS PDF queue.

A pytest plugin (``pytest_plugins = ["tests.services"]`` in ``tests/conftest.py``), so a
plain ``python3 -m pytest`` starts what the tests need, on a developer's machine as in CI:

- ``postgres_server`` (session): a throw-away cluster made with ``initdb`` in a temporary
  folder, listening on 127.0.0.1 on a free port; it can be stopped and started again in
  the middle of a test, and hands out fresh empty databases.
- ``postgres_url`` (session): the URL of its ``packstation_test`` database.
- ``postgres_database`` (function): the URL of a fresh empty database for one test.
- ``cups_pdf_queue`` (session): the ``PDF`` queue of cups-pdf and the folder where its
  PDFs land. Started with ``.ci/start-cups.sh`` when we are root and it is not running.

When a service cannot be had, its tests are skipped, unless
``PACKSTATION_REQUIRE_SERVICES=1`` (set by ``.ci/run``) makes that a failure: CI must
never go green by skipping what it was meant to test. Tests that use these fixtures get
the ``postgres`` or ``cups`` marker automatically, so ``-m "not cups"`` leaves them out.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_CUPS_SCRIPT = PROJECT_ROOT / ".ci" / "start-cups.sh"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
PDF_QUEUE = "PDF"
TEST_DATABASE = "packstation_test"


def services_required() -> bool:
    return os.environ.get("PACKSTATION_REQUIRE_SERVICES") == "1"


def require_or_skip(reason: str) -> None:
    """Skip the test for want of a service, or fail it when services are required (CI)."""
    if services_required():
        pytest.fail(f"required service missing: {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"postgres_server", "postgres_url", "postgres_database"}:
            item.add_marker(pytest.mark.postgres)
        if "cups_pdf_queue" in fixtures:
            item.add_marker(pytest.mark.cups)


# --------------------------------------------------------------------------- PostgreSQL

def find_postgres_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: Debian's newest version, else the PATH."""
    debian = [Path(path).parent for path in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    debian = [folder for folder in debian if folder.parent.name.isdigit()]
    if debian:
        return max(debian, key=lambda folder: int(folder.parent.name))
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl", path=str(Path(initdb).parent)):
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_DATABASE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass
class PostgresServer:
    """A private PostgreSQL cluster: one folder, one port, trust authentication.

    Running as root, the folder belongs to the ``postgres`` user and every server
    command runs as that user (PostgreSQL refuses to run as root).
    """

    bin_dir: Path
    data_dir: Path
    port: int
    run_as: str | None = None
    running: bool = field(default=False, init=False)

    @property
    def socket_dir(self) -> Path:
        return self.data_dir

    @property
    def log_file(self) -> Path:
        return self.data_dir.parent / "server.log"

    @property
    def url(self) -> str:
        """The URL of the session's ``packstation_test`` database."""
        return self.url_for(TEST_DATABASE)

    def url_for(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, arguments: Sequence[str], timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / arguments[0]), *arguments[1:]]
        if self.run_as:
            command = (["runuser", "-u", self.run_as, "--", *command] if shutil.which("runuser")
                       else ["su", self.run_as, "-c", shlex.join(command)])
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"}, cwd="/",
        )
        if result.returncode != 0:
            log = self.log_file.read_text(errors="replace")[-2000:] if self.log_file.exists() else ""
            raise RuntimeError(
                f"{' '.join(arguments[:2])} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}\n{log}"
            )
        return result

    def initialise(self) -> None:
        # No fsync: a test cluster is thrown away, and initdb is three times faster.
        self._run(["initdb", "-D", str(self.data_dir), "-U", "postgres", "--auth=trust",
                   "-E", "UTF8", "--locale=C", "--no-sync"])

    def start(self) -> None:
        """Start (again) on the same port and folder; returns when it takes connections."""
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socket_dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(["pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file),
                   "-o", options, "-w", "-t", "60", "start"])
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: "fast" ends the sessions cleanly, "immediate" is a crash."""
        self._run(["pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "-t", "60", "stop"])
        self.running = False

    def ensure_running(self) -> None:
        if not self.running:
            self.start()

    @contextlib.contextmanager
    def stopped(self, mode: str = "fast") -> Iterator[None]:
        """Stop the server for the block, and start it again however the block ends."""
        self.stop(mode)
        try:
            yield
        finally:
            self.start()

    def new_database(self, name: str) -> str:
        """A fresh empty database (dropped first if it exists); returns its URL."""
        import psycopg2
        from psycopg2 import sql

        if not _DATABASE_NAME.match(name):
            raise ValueError(f"not a plain database name: {name!r}")
        self.ensure_running()
        connection = psycopg2.connect(self.url_for("postgres"))
        try:
            connection.autocommit = True  # CREATE DATABASE cannot run in a transaction
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)))
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        finally:
            connection.close()
        return self.url_for(name)


def _start_postgres() -> tuple[PostgresServer, Path]:
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        require_or_skip("PostgreSQL is not installed (no initdb; Debian: postgresql)")
    run_as = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            require_or_skip("running as root, but there is no 'postgres' user to run the server")
        run_as = "postgres"
    # Not under pytest's tmp_path: its root-only parent would lock the postgres user out.
    base = Path(tempfile.mkdtemp(prefix="packstation-pg-"))
    if run_as:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    last_error: Exception | None = None
    for _attempt in range(3):  # another program may take the free port before we do
        server = PostgresServer(bin_dir, base / "data", _free_port(), run_as)
        try:
            if not server.data_dir.exists():
                server.initialise()
            server.start()
            return server, base
        except RuntimeError as error:
            last_error = error
    shutil.rmtree(base, ignore_errors=True)
    pytest.fail(f"the private PostgreSQL server did not start: {last_error}", pytrace=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A private PostgreSQL server for the whole session, with its ``packstation_test``."""
    server, base = _start_postgres()
    try:
        server.new_database(TEST_DATABASE)
        yield server
    finally:
        if server.running:
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                server.stop("fast")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """``postgresql://postgres@127.0.0.1:PORT/packstation_test``."""
    return postgres_server.url


@pytest.fixture
def postgres_database(postgres_server: PostgresServer, request: pytest.FixtureRequest) -> str:
    """The URL of a fresh empty database for this test alone (the server is running)."""
    name = re.sub(r"[^a-z0-9_]+", "_", request.node.name.lower())[:40].strip("_")
    return postgres_server.new_database(f"t_{name}")


# --------------------------------------------------------------------------- CUPS

def run_lpstat(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["lpstat", *arguments], capture_output=True, text=True, timeout=30, check=False,
        env={**os.environ, "LC_ALL": "C", "LANG": "C"},
    )


def _queue_ready() -> bool:
    return shutil.which("lpstat") is not None and run_lpstat("-p", PDF_QUEUE).returncode == 0


def cups_pdf_output_dir() -> Path:
    """Where cups-pdf writes: $PACKSTATION_CUPS_PDF_DIR, else its configured Out, else ~/PDF."""
    if folder := os.environ.get("PACKSTATION_CUPS_PDF_DIR"):
        return Path(folder)
    try:
        configuration = CUPS_PDF_CONF.read_text()
    except OSError:
        configuration = ""
    if match := re.search(r"^Out\s+(\S.*?)\s*$", configuration, re.MULTILINE):
        user = pwd.getpwuid(os.geteuid())
        return Path(match[1].replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))
    return Path.home() / "PDF"


@dataclass(frozen=True)
class CupsPdfQueue:
    """The cups-pdf queue: print to ``name``, find the PDFs in ``output_dir``."""

    name: str
    output_dir: Path

    def pdfs_since(self, since: float) -> list[Path]:
        """Finished PDFs written at or after ``since`` (a ``time.time()``), oldest first."""
        if not self.output_dir.is_dir():
            return []
        # File times come from the kernel's coarse clock, which may lag time.time() by a
        # tick: allow 10 ms so that a file written just after `since` is not missed.
        found = [
            (path.stat().st_mtime, path) for path in self.output_dir.glob("*.pdf")
            if path.stat().st_mtime >= since - 0.01
        ]
        return [path for _, path in sorted(found) if _is_complete_pdf(path)]

    def wait_for_new_pdf(self, since: float, timeout: float = 30) -> Path:
        """The first PDF that cups-pdf finished writing at or after ``since``."""
        deadline = time.monotonic() + timeout
        while True:
            if found := self.pdfs_since(since):
                return found[0]
            if time.monotonic() > deadline:
                listing = sorted(path.name for path in self.output_dir.glob("*"))[-10:] \
                    if self.output_dir.is_dir() else "missing"
                raise AssertionError(
                    f"no new PDF in {self.output_dir} after {timeout} s (last files: {listing})"
                )
            time.sleep(0.1)

    @contextlib.contextmanager
    def disabled(self) -> Iterator[None]:
        """Stop the queue (it still accepts jobs, and holds them) for the block."""
        subprocess.run(["cupsdisable", self.name], check=True, capture_output=True)
        try:
            yield
        finally:
            subprocess.run(["cupsenable", self.name], check=True, capture_output=True)


def _is_complete_pdf(path: Path) -> bool:
    """cups-pdf writes the file in place: wait until its trailer is there."""
    try:
        with path.open("rb") as file:
            file.seek(max(0, path.stat().st_size - 1024))
            return b"%%EOF" in file.read()
    except OSError:
        return False


def _start_cups() -> Path | None:
    """Run .ci/start-cups.sh when we may (root, CUPS installed); its output folder."""
    if os.geteuid() != 0 or not START_CUPS_SCRIPT.exists() or not Path("/usr/sbin/cupsd").exists():
        return None
    # The script puts the output in $PACKSTATION_CUPS_PDF_DIR when it is set.
    result = subprocess.run(
        ["bash", str(START_CUPS_SCRIPT)], capture_output=True, text=True, timeout=120,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"{START_CUPS_SCRIPT.name} failed:\n{result.stderr}", pytrace=False)
    return Path(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def cups_pdf_queue() -> CupsPdfQueue:
    """The running CUPS ``PDF`` queue of cups-pdf, started here if needed and allowed."""
    output_dir = None
    if not _queue_ready():
        output_dir = _start_cups()
    if not _queue_ready():
        require_or_skip(
            f"no CUPS queue named {PDF_QUEUE} (run .ci/start-cups.sh as root; Debian: cups "
            "printer-driver-cups-pdf)"
        )
    return CupsPdfQueue(PDF_QUEUE, output_dir or cups_pdf_output_dir())
