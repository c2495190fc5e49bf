"""Packing tables as real processes: ``packstation scan`` with a pipe on each side."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

ANSWER_TIMEOUT = 30  # seconds; a station that does not answer has hung, or died


def station_config(folder: Path, name: str) -> Path:
    """A station file that prints into ``folder`` (never into the user's documents)."""
    out = folder / f"out-{name.replace(' ', '_')}"
    path = folder / f"{name.replace(' ', '_')}.toml"
    path.write_text(f'[station]\nname = "{name}"\n[printing]\noutput_dir = "{out}"\n',
                    encoding="utf-8")
    return path


def packstation_command(target: str, *args: str, lang: str = "fr") -> list[str]:
    return [sys.executable, "-m", "packstation", "--db", target, "--lang", lang, *args]


def environment() -> dict[str, str]:
    return dict(os.environ, PYTHONUNBUFFERED="1")


class ScanProcess:
    """A ``packstation scan --json`` process: send a scan, get its answer as a dict."""

    def __init__(self, target: str, station: str, folder: Path, *, lang: str = "fr") -> None:
        config = station_config(folder, station)
        self.station = station
        self.process = subprocess.Popen(
            packstation_command(target, "--config", str(config), "scan", "--station", station,
                                "--json", lang=lang),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=environment())
        # A reader thread, so that a station that stops answering fails the test quickly
        # instead of blocking it on readline().
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stderr = ""

    def _read(self) -> None:
        for line in self.process.stdout:
            self._answers.put(line)
        self._answers.put(None)

    def write(self, scan: str) -> None:
        self.process.stdin.write(scan + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict:
        line = self._answers.get(timeout=ANSWER_TIMEOUT)
        if line is None:
            raise AssertionError(f"{self.station} ended: {self.process.stderr.read()}")
        return json.loads(line)

    def send(self, scan: str) -> dict:
        self.write(scan)
        return self.answer()

    def close(self) -> int:
        """End the input, wait for the process; its exit status (its errors in ``stderr``)."""
        if self.process.stdout.closed:  # closed already
            return self.process.returncode
        if not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        try:
            self.stderr = self.process.stderr.read()
            return self.process.wait(ANSWER_TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(ANSWER_TIMEOUT)
            self._reader.join(ANSWER_TIMEOUT)
            self.process.stdout.close()
            self.process.stderr.close()

    def __enter__(self) -> ScanProcess:
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process.poll() is None and exc_info[0] is not None:
            self.process.kill()  # the test failed: do not wait for a station that may hang
        self.close()
