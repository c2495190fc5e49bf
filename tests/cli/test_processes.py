"""Real processes: a station killed mid-order, and two stations racing for one order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from packstation.db.models import Order, OrderLine, OrderStatus, ScanRecord, Shipment
from tests.helpers import MUG, TEA, import_rows, shop_rows


_started: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _reap_processes():
    """Every station process is ended and its pipes closed, whatever the test did."""
    yield
    while _started:
        process = _started.pop()
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def packstation(db_path: str, *args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "packstation", "--db", db_path, "--lang", "en", *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kwargs)
    _started.append(process)
    return process


def send(process: subprocess.Popen, line: str) -> dict:
    process.stdin.write(line + "\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())


def test_kill_9_mid_order_then_resume_loses_and_doubles_nothing(sqlite_db, sqlite_path, tmp_path):
    import_rows(tmp_path, shop_rows())
    out = str(tmp_path / "out")
    config = tmp_path / "station.toml"
    config.write_text(f'[station]\nname = "Table 1"\n[printing]\noutput_dir = "{out}"\n')
    first = packstation(sqlite_path, "--config", str(config), "scan", "--json")
    assert send(first, "CMD-1")["outcome"] == "order_opened"
    assert send(first, MUG)["line"]["verified"] == 1
    os.kill(first.pid, signal.SIGKILL)
    first.wait(10)

    second = packstation(sqlite_path, "--config", str(config), "scan", "--json")
    resumed = json.loads(second.stdout.readline())  # answered before any input
    assert resumed["outcome"] == "order_resumed" and resumed["order"] == "CMD-1"
    assert send(second, MUG)["line"]["verified"] == 2
    assert send(second, MUG)["outcome"] == "too_many"
    done = send(second, TEA)
    second.communicate(timeout=10)
    assert second.returncode == 0
    assert done["outcome"] == "order_complete"
    order = Order.get(Order.ref == "CMD-1")
    assert order.status == OrderStatus.PACKED
    assert [l.verified for l in order.lines.order_by(OrderLine.position)] == [1, 2]
    assert Shipment.select().where(Shipment.order == order).count() == 1
    verified = ScanRecord.select().where((ScanRecord.order == order) & (ScanRecord.outcome == "verified"))
    assert verified.count() == 3


def test_two_processes_racing_for_one_order_on_one_sqlite_file(sqlite_db, sqlite_path, tmp_path):
    import_rows(tmp_path, shop_rows())
    stations = [packstation(sqlite_path, "scan", "--station", f"Table {n}", "--json") for n in (1, 2)]
    # Both wait on the same start line, then claim at once.
    answers = [None, None]
    for process in stations:
        process.stdin.write("CMD-2\n")
    for process in stations:
        process.stdin.flush()
    for index, process in enumerate(stations):
        answers[index] = json.loads(process.stdout.readline())
        process.communicate(timeout=10)
        assert process.returncode == 0
    assert sorted(answer["outcome"] for answer in answers) == ["order_opened", "order_taken"]
    winner = "Table 1" if answers[0]["outcome"] == "order_opened" else "Table 2"
    assert Order.get(Order.ref == "CMD-2").claimed_station == winner
