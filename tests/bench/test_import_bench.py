"""Big imports: a 1,000,000-line file in bounded memory, and how long a 200,000-line import
makes a packing table's scan wait.

Run on demand (they take minutes and write files of 40 to 200 MB):

    python3 -m pytest tests/bench -o addopts="" --benchmark-enable -k import -s

Each import runs as the ``packstation import`` command in its own process, so that its
peak memory is its own (``getrusage(RUSAGE_CHILDREN)``) and the table scanning meanwhile is
another process, as at a real shop.
"""

from __future__ import annotations

import csv
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from packstation.core import gtin
from tests.helpers import GENERIC_COLUMNS, TEA, import_rows, row
from tests.multi.stations import environment, packstation_command

MEMORY_TARGET_MB = 500    # the target for a million lines (154 MB measured, 202 MB on an earlier step)
MEMORY_LIMIT_MB = MEMORY_TARGET_MB   # asserted (it was 4.3 GB, then 550 MB)
SCAN_WAIT_TARGET_S = 1.0   # the target for the longest wait of a scan (asserted)


def _code(index: int) -> str:
    body = f"377{index:09d}"
    return body + gtin.check_digit(body)


def write_big_file(path: Path, lines: int, *, prefix: str = "BIG") -> Path:
    """A generic file of ``lines`` rows: orders of three lines, 500 products."""
    codes = [_code(index) for index in range(500)]
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(GENERIC_COLUMNS)
        for index in range(lines):
            order, product = index // 3, (index * 7) % 500
            writer.writerow([
                f"{prefix}-{order:07d}", "2026-11-25 09:30", "Colissimo Domicile", "standard",
                f"Client {order}", "", f"{order % 200} rue de la République", "", "69002", "Lyon",
                "", "FR", "0601020304", f"client{order}@example.fr", f"SKU-{product:05d}",
                codes[product], f"Produit {product}", str(1 + index % 3), "9.90", "EUR", "250",
                f"A-{product % 40:02d}", "", ""])
    return path


def _import(target: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(packstation_command(target, "import", str(path)), capture_output=True,
                          text=True, env=environment(), timeout=3600)


@pytest.mark.timeout(3600)
def test_import_a_million_lines_in_bounded_memory(benchmark, tmp_path):
    path = write_big_file(tmp_path / "million.csv", 1_000_000)
    target = str(tmp_path / "shop.sqlite3")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {}

    def run():
        started = time.perf_counter()
        result["done"] = _import(target, path)
        result["seconds"] = time.perf_counter() - started

    benchmark.pedantic(run, rounds=1, iterations=1)
    done = result["done"]
    assert done.returncode == 0, done.stderr[-2000:]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert before < peak_mb * 1024  # this import is the child that set the peak
    benchmark.extra_info.update(lines=1_000_000, seconds=round(result["seconds"], 1),
                                peak_memory_mb=round(peak_mb),
                                meets_target=peak_mb < MEMORY_TARGET_MB)
    print(f"\n1,000,000 lines: {result['seconds']:.0f} s, peak memory {peak_mb:.0f} MB "
          f"(target {MEMORY_TARGET_MB} MB, guard {MEMORY_LIMIT_MB} MB)")
    assert peak_mb < MEMORY_LIMIT_MB


def write_products_export(path: Path, variants: int, *, grams: int = 250) -> Path:
    """A Shopify products export of ``variants`` products, each with its barcode and stock."""
    from tests.io.test_io_platforms import SHOPIFY_PRODUCTS_HEADER

    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, SHOPIFY_PRODUCTS_HEADER, extrasaction="ignore")
        writer.writeheader()
        for index in range(variants):
            writer.writerow({"Handle": f"produit-{index}", "Title": f"Produit {index}",
                             "Variant SKU": f"VAR-{index:06d}", "Variant Grams": str(grams),
                             "Variant Barcode": _code(100_000 + index),
                             "Variant Inventory Qty": "5", "Variant Weight Unit": "g",
                             "Variant Requires Shipping": "TRUE"})
    return path


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("orders", ["new", "changed"])
def test_a_200000_line_import_next_to_a_table_scanning(benchmark, tmp_path, orders):
    """A table scans (each scan is stored: a write) while the import runs; the longest
    wait of a scan is the figure. ``new``: 66,667 orders the shop did not have;
    ``changed``: the same orders imported again, every one with a new phone number."""
    path = write_big_file(tmp_path / "200k.csv", 200_000)
    changed = None
    if orders == "changed":
        changed = tmp_path / "200k-changed.csv"
        changed.write_text(path.read_text(encoding="utf-8").replace("0601020304", "0611223344"),
                           encoding="utf-8")
    _scan_beside_an_import(benchmark, tmp_path, changed or path, before=path if changed else None,
                           what=f"200,000 lines ({orders} orders)", lines=200_000, orders=orders)


@pytest.mark.timeout(1800)
def test_a_20000_variant_products_export_next_to_a_table_scanning(benchmark, tmp_path):
    """A big catalogue's products export (each variant a product, its barcode and its
    stock), imported again with every weight changed, beside a table scanning."""
    first = write_products_export(tmp_path / "products_export_1.csv", 20_000)
    again = write_products_export(tmp_path / "products_export_2.csv", 20_000, grams=300)
    _scan_beside_an_import(benchmark, tmp_path, again, before=first,
                           what="20,000 variants (weights changed)", lines=20_000)


def _scan_beside_an_import(benchmark, tmp_path, path: Path, *, before: Path | None, what: str,
                           **info) -> None:
    """Import ``path`` (after ``before``, not timed) while a table scans; report and assert
    the scans' waits."""
    from packstation.db import close
    from packstation.services.packing import PackingStation
    from packstation.services.shop import open_shop

    target = str(tmp_path / "shop.sqlite3")
    open_shop(target)
    assert import_rows(tmp_path, [row("SCAN-1", "TEA", 1_000_000, ean=TEA)]).ok
    if before is not None:
        assert _import(target, before).returncode == 0
    station = PackingStation("Table 1", "Alice")
    station.handle("SCAN-1")
    waits: list[float] = []
    outcomes: set[str] = set()
    stop = threading.Event()

    def scan_until_stopped():
        while not stop.is_set():
            started = time.perf_counter()
            answer = station.handle(TEA)
            waits.append(time.perf_counter() - started)
            outcomes.add(answer.outcome.code)
            time.sleep(0.05)

    result = {}

    def run():
        scanner = threading.Thread(target=scan_until_stopped)
        scanner.start()
        started = time.perf_counter()
        try:
            result["done"] = _import(target, path)
        finally:
            result["seconds"] = time.perf_counter() - started
            stop.set()
            scanner.join()

    try:
        benchmark.pedantic(run, rounds=1, iterations=1)
    finally:
        close()
    assert result["done"].returncode == 0, result["done"].stderr[-2000:]
    assert outcomes == {"verified"}, outcomes     # no scan failed on a locked database
    longest = max(waits)
    slow = sum(1 for wait in waits if wait >= SCAN_WAIT_TARGET_S)
    ranked = sorted(waits)
    median, p99 = ranked[len(ranked) // 2], ranked[int(len(ranked) * 0.99)]
    benchmark.extra_info.update(info, import_seconds=round(result["seconds"], 1),
                                scans=len(waits), longest_scan_wait_s=round(longest, 3),
                                median_scan_wait_s=round(median, 4), p99_scan_wait_s=round(p99, 3),
                                scans_over_target=slow)
    print(f"\n{what} imported in {result['seconds']:.0f} s; {len(waits)} scans meanwhile: "
          f"median {median * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, the longest {longest:.2f} s; "
          f"{slow} waited {SCAN_WAIT_TARGET_S} s or more (target: none)", file=sys.stderr)
    assert longest < SCAN_WAIT_TARGET_S
