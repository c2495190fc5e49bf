"""The command line on hostile input, as real processes: scanner lines that are no text,
damaged or unwritable databases, malformed URLs and URLs carrying secrets. Each gets an
answer or one line on standard error with a non-zero exit status — never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from packstation.db import close
from tests.helpers import MUG, TEA, import_rows, shop_rows


def run(target: str, *args: str, stdin: bytes = b"", lang: str = "en",
        env: dict | None = None) -> subprocess.CompletedProcess:
    variables = dict(os.environ, PYTHONUNBUFFERED="1", **(env or {}))
    return subprocess.run([sys.executable, "-m", "packstation", "--db", target, "--lang", lang, *args],
                          input=stdin, capture_output=True, env=variables, timeout=120)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The one line on standard error of a command that failed as it should."""
    errors = result.stderr.decode("utf-8")
    assert result.returncode != 0, errors
    assert "Traceback" not in errors
    assert errors.startswith("packstation: ") and errors.strip().count("\n") == 0, errors
    return errors.strip()


@pytest.fixture
def small_shop(db_target, tmp_path):
    from packstation.services.shop import open_shop

    open_shop(db_target)
    assert import_rows(tmp_path, shop_rows()).ok
    close()
    return db_target


# -- 4. the scanner line is untrusted input ------------------------------------------------

def test_scan_answers_every_hostile_line_and_goes_on(small_shop, tmp_path):
    config = tmp_path / "station.toml"
    config.write_text(f'[station]\nname = "Table 1"\n[printing]\noutput_dir = "{tmp_path / "out"}"\n')
    hostile = [
        "CMD-1".encode() ,
        b"caf\xe9",                       # Latin-1, not UTF-8
        b"37600\x0000002",                 # a NUL (PostgreSQL refuses it in a string)
        b"\x1b[A\x1b[2J",                  # escape sequences, as a terminal sends them
        b"\xff\xfe\x00\x00",               # no text at all
        b"9" * 1_000_000,                  # 1 MB without a break
        MUG.encode(),
    ]
    result = run(small_shop, "--config", str(config), "scan", "--json",
                 stdin=b"\n".join(hostile) + b"\n")
    assert result.returncode == 0, result.stderr.decode()
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [answer["outcome"] for answer in answers] == [
        "order_opened", "unknown_code", "unknown_code", "unknown_code", "unknown_code",
        "unknown_code", "verified"]
    assert answers[-1]["line"]["verified"] == 1
    assert all(len(answer["message"]) < 300 for answer in answers)


def test_scan_reads_a_line_longer_than_its_buffer_as_one_unknown_code(sqlite_path, tmp_path):
    from packstation.cli import MAX_LINE_BYTES

    from packstation.services.shop import open_shop

    open_shop(sqlite_path)
    close()
    result = run(sqlite_path, "scan", "--json",
                 stdin=b"x" * (3 * MAX_LINE_BYTES + 17) + b"\n" + b":next\n")
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [answer["outcome"] for answer in answers] == ["unknown_code", "queue_empty"]


# -- 6. damaged and unwritable databases get one line --------------------------------------

def make_shop(path: Path, tmp_path: Path) -> None:
    from packstation.services.shop import open_shop

    open_shop(str(path))
    assert import_rows(tmp_path, shop_rows()).ok
    close()


def test_an_empty_file_is_refused_not_opened_as_a_new_shop(tmp_path):
    target = tmp_path / "shop.sqlite3"
    target.write_bytes(b"")
    error = one_line_error(run(str(target), "orders"))
    assert str(target) in error and "empty" in error
    assert target.stat().st_size == 0  # left as it was


def test_a_file_that_is_no_database_is_named_and_refused(tmp_path):
    target = tmp_path / "shop.sqlite3"
    target.write_bytes(b"order_ref,sku\nCMD-1,TEA\n" * 100)
    error = one_line_error(run(str(target), "orders"))
    assert str(target) in error and "damaged" in error


def test_a_truncated_database_is_named_and_refused(tmp_path):
    target = tmp_path / "shop.sqlite3"
    make_shop(target, tmp_path)
    with sqlite3.connect(target) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=delete")
    size = target.stat().st_size
    with open(target, "r+b") as handle:
        handle.truncate(size // 2)
    result = run(str(target), "orders", "--json")
    error = one_line_error(result)
    assert str(target) in error and ("damaged" in error or "incomplete" in error)


def test_a_missing_table_is_named_at_the_start(tmp_path):
    target = tmp_path / "shop.sqlite3"
    make_shop(target, tmp_path)
    with sqlite3.connect(target) as connection:
        connection.execute("DROP TABLE print_job")
    error = one_line_error(run(str(target), "orders"))
    assert str(target) in error and "print_job" in error


@contextlib.contextmanager
def small_file_system(size: str = "2m"):
    """A tmpfs of its own (as root), unmounted afterwards; skipped where it cannot be had."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a file system needs root")
    folder = Path(tempfile.mkdtemp(prefix="packstation-fs-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)


def test_a_read_only_database_is_said_in_one_line_and_works_again_when_writable(tmp_path):
    with small_file_system() as folder:
        target = folder / "shop.sqlite3"
        make_shop(target, tmp_path)
        remount(folder, "ro")
        error = one_line_error(run(str(target), "import", str(tmp_path / "orders.csv")))
        assert str(target) in error and "cannot be written" in error
        remount(folder, "rw")
        result = run(str(target), "orders", "--json")
        assert result.returncode == 0, result.stderr.decode()
        assert len(json.loads(result.stdout)) == 4


def test_a_full_disk_is_said_in_one_line_and_the_shop_works_once_there_is_room(tmp_path):
    import_rows_file = tmp_path / "big.csv"
    from tests.helpers import row, write_csv

    write_csv(import_rows_file, [row(f"BIG-{n}", f"SKU-{n}", 1, ean="", note="x" * 400)
                                 for n in range(3000)])
    with small_file_system("1m") as folder:
        target = folder / "shop.sqlite3"
        make_shop(target, tmp_path)
        filler = folder / "filler"
        handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while True:  # until the disk is full
                os.write(handle, b"\0" * 4096)
        os.close(handle)
        error = one_line_error(run(str(target), "import", str(import_rows_file)))
        assert str(target) in error and "full" in error
        filler.unlink()
        result = run(str(target), "orders", "--json")
        assert result.returncode == 0, result.stderr.decode()
        assert len(json.loads(result.stdout)) == 4  # the failed import left nothing behind


# -- 7. secrets and malformed URLs ---------------------------------------------------------

@pytest.mark.parametrize("url", [
    "postgresql://someone:S3cr3t-pw@127.0.0.1:1/shop",
    "postgresql://someone@127.0.0.1:1/shop?password=S3cr3t-pw",
    "postgresql://someone@127.0.0.1:1/shop?sslmode=disable&password=S3cr3t-pw&connect_timeout=2",
    "postgresql://someone:S3cr3t-pw@127.0.0.1:notaport/shop",
    "postgresql://someone:S3cr3t-pw@[::1/shop",
])
def test_no_secret_of_a_url_is_ever_printed_and_a_bad_url_gets_one_line(url, tmp_path):
    result = run(url, "orders", env={"PACKSTATION_LOG_DIR": str(tmp_path / "log")})
    error = one_line_error(result)
    assert "S3cr3t-pw" not in error and "S3cr3t-pw" not in result.stdout.decode()
    assert "***" in error
    log = tmp_path / "log" / "packstation.log"
    assert not log.exists() or "S3cr3t-pw" not in log.read_text()


# -- 9. the log ------------------------------------------------------------------------------

def test_the_command_line_logs_to_the_user_log_folder(tmp_path):
    target = tmp_path / "shop.sqlite3"
    target.write_bytes(b"")
    run(str(target), "orders", env={"XDG_STATE_HOME": str(tmp_path / "state")})
    log = tmp_path / "state" / "packstation" / "log" / "packstation.log"
    assert log.is_file()
    text = log.read_text()
    assert "orders" in text and "empty" in text


def test_scan_with_open_next_opens_the_next_order_as_the_window_does(small_shop, tmp_path):
    result = run(small_shop, "scan", "--json", "--open-next",
                 stdin="\n".join(["CMD-1", TEA, MUG, MUG, "CMD-4"]).encode() + b"\n")
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    done = answers[3]
    assert done["outcome"] == "order_complete" and done["next"]["outcome"] == "order_opened"
    # The order opened by itself is only a suggestion: scanning another slip takes that one.
    assert answers[4]["outcome"] == "order_opened" and answers[4]["order"] == "CMD-4"


def test_the_scan_loop_gives_a_sign_of_life_while_nobody_scans():
    """``packstation scan`` waits on its input as the window waits on the scanner: while
    nothing comes, the station's heartbeat runs (every tables.TOUCH_INTERVAL there)."""
    import threading
    import time

    from packstation.cli import scanner_lines

    read_end, write_end = os.pipe()
    idle: list[float] = []
    with os.fdopen(read_end, "rb") as stream:
        def scanner():
            time.sleep(0.3)
            os.write(write_end, b"CMD-1\ncaf\xe9\n")
            os.close(write_end)

        threading.Thread(target=scanner).start()
        lines = list(scanner_lines(stream, lambda: idle.append(time.monotonic()), 0.05))
    assert lines == ["CMD-1", "caf\ufffd"]
    assert len(idle) >= 3


# -- 8. the station file is validated when it is read ----------------------------------------

@pytest.mark.parametrize("text, field", [
    ('[station]\npackaging_g = "150 g"\n', "station.packaging_g"),
    ('[station]\nask_weight = "false"\n', "station.ask_weight"),
    ('[station]\nopen_next = 1\n', "station.open_next"),
    ('[station]\npackaging_g = true\n', "station.packaging_g"),
    ('[station]\nname = 7\n', "station.name"),
    ('station = "Table 1"\n', "station"),
    ('[printing.label]\nprinter = 9100\n', "printing.label.printer"),
    ('[import]\ninbox = ["a", "b"]\n', "import.inbox"),
])
def test_a_value_of_the_wrong_type_is_refused_naming_its_field(text, field, tmp_path):
    from packstation.core.errors import InputError
    from packstation.services.context import load_config

    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_config(path)
    assert field in refused.value.message and str(path) in refused.value.message


def test_a_wrong_type_in_the_station_file_is_one_line_on_the_command_line(tmp_path):
    path = tmp_path / "station.toml"
    path.write_text('[station]\nname = "Table 1"\npackaging_g = "150 g"\n', encoding="utf-8")
    error = one_line_error(run(str(tmp_path / "shop.sqlite3"), "--config", str(path), "orders"))
    assert "station.packaging_g" in error and "150 g" in error


def test_a_well_typed_station_file_reads_as_before(tmp_path):
    from packstation.services.context import load_config

    path = tmp_path / "station.toml"
    path.write_text('[station]\nname = "Table 2"\nask_weight = true\npackaging_g = 200\n'
                    '[printing]\nlabel_layout = "a6"\n[printing.label]\nprinter = "Zebra"\n'
                    '[[carriers]]\ncode = "colissimo"\npickup = { mon = "15:00" }\n', encoding="utf-8")
    config = load_config(path)
    assert (config.station, config.ask_weight, config.packaging_g, config.label_layout) == \
        ("Table 2", True, 200, "a6")
    assert config.printers == {"label": {"printer": "Zebra"}}


def test_a_station_on_a_full_disk_refuses_the_scan_and_counts_it_once_there_is_room(tmp_path):
    from packstation.db.database import database
    from packstation.services.packing import PackingStation
    from packstation.services.shop import open_shop

    with small_file_system("1m") as folder:
        target = folder / "shop.sqlite3"
        open_shop(str(target))
        assert import_rows(tmp_path, shop_rows()).ok
        station = PackingStation("Table 1")
        assert station.handle("CMD-1").outcome.code == "order_opened"
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = folder / "filler"
        handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while True:
                os.write(handle, b"\0" * 4096)
        os.close(handle)
        refused = [station.handle(MUG) for _ in range(3)]
        assert [answer.message for answer in refused] == [
            "Disque plein : ce scan n'est pas enregistré. Libérez de la place, puis scannez à nouveau."] * 3
        filler.unlink()
        answer = station.handle(MUG)  # counted once, as the packer was told
        assert answer.ok and answer.message.endswith("1/2"), answer.message
        close()


def test_the_window_on_an_empty_file_says_so_in_one_line(tmp_path):
    target = tmp_path / "shop.sqlite3"
    target.write_bytes(b"")
    error = one_line_error(run(str(target), env={"QT_QPA_PLATFORM": "offscreen"}))
    assert str(target) in error and "empty" in error
