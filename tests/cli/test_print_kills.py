"""A real station process killed (kill -9) at many points around completion: after it
starts again, every packed order has its label and its slip, and no partial file is left.

Each trial starts ``packstation scan``, feeds it the scans of the next orders, reads a
random number of answers, waits a random few milliseconds and kills it — before the
completion's commit, just after it, while the worker renders or writes a document. The
next trial's station is the one that starts again (it resumes the order it held and
delivers what it had queued); at the end one more start with no scans, and
``retry-prints``, finish the work.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from packstation.db import close
from packstation.db.models import Order, OrderStatus, PrintJob
from packstation.services.shop import open_shop
from tests.helpers import OTHER, import_rows, row

ORDERS = 40


def station(target: str, config: Path, *, stdin=subprocess.PIPE) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "packstation", "--db", target, "--config", str(config),
                             "--lang", "en", "scan", "--json"], stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)


def pending_refs(limit: int) -> list[str]:
    return [order.ref for order in Order.select().where(Order.status == OrderStatus.PENDING)
            .order_by(Order.ref).limit(limit)]


@pytest.mark.slow
@pytest.mark.parametrize("engine,trials", [("sqlite", 20), ("postgresql", 6)])
def test_kill_9_around_completion_never_loses_a_label_or_a_slip(engine, trials, tmp_path, request):
    target = (str(tmp_path / "shop.sqlite3") if engine == "sqlite"
              else request.getfixturevalue("postgres_database"))
    open_shop(target)
    try:
        assert import_rows(tmp_path, [row(f"K-{number:03d}", "OTHER", 1, ean=OTHER,
                                          product_name="Boîte à thé")
                                      for number in range(ORDERS)]).ok
        out = tmp_path / "out"
        config = tmp_path / "station.toml"
        config.write_text(f'[station]\nname = "Table 1"\n[printing]\noutput_dir = "{out}"\n')
        chance = random.Random(1305)
        for _trial in range(trials):
            refs = pending_refs(2)
            process = station(target, config)
            try:
                for ref in refs:
                    process.stdin.write(f"{ref}\n{OTHER}\n")
                process.stdin.flush()
                for _ in range(chance.randint(0, 4)):  # some answers, then a while, then kill
                    if not process.stdout.readline():
                        break
                time.sleep(chance.uniform(0, 0.15))
            finally:
                os.kill(process.pid, signal.SIGKILL)
                process.communicate(timeout=30)
        # The station starts again with nothing to scan: it resumes and delivers.
        final = station(target, config, stdin=subprocess.DEVNULL)
        final.communicate(timeout=180)
        assert final.returncode == 0
        retry = subprocess.run([sys.executable, "-m", "packstation", "--db", target, "--config",
                                str(config), "retry-prints"], capture_output=True, text=True, timeout=180)
        assert retry.returncode == 0, retry.stdout + retry.stderr

        packed = {order.ref: order.id for order in Order.select().where(Order.status == OrderStatus.PACKED)}
        assert len(packed) >= trials  # the trials did pack orders
        files = sorted(out.iterdir())
        assert [file.name for file in files if not file.name.endswith(".pdf")] == []  # no .part
        for file in files:
            assert file.read_bytes().rstrip().endswith(b"%%EOF")
            assert len(PdfReader(file).pages) >= 1
        for ref, order_id in packed.items():
            for kind in ("label", "slip"):
                assert any(file.name.startswith(f"{kind}-{ref}-") for file in files), (kind, ref)
                jobs = PrintJob.select().where((PrintJob.kind == kind) & (PrintJob.order == order_id))
                assert "done" in {job.status for job in jobs}, (kind, ref)
        assert PrintJob.select().where(PrintJob.status != "done").count() == 0
        spool = list(Path(os.environ["XDG_DATA_HOME"]).rglob("*.part"))
        assert spool == []
    finally:
        close()
