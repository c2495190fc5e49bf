"""Two tables on one PostgreSQL server: each retries its own print jobs, at the same time."""

from __future__ import annotations

import subprocess

from packstation.db.models import PrintJob
from packstation.services.context import StationConfig
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter, print_queue
from tests.helpers import MUG, OTHER, TEA, import_rows, shop_rows
from tests.multi.stations import environment, packstation_command, station_config


def test_two_stations_on_one_postgresql_server_retry_each_their_own_jobs(postgres_database, tmp_path):
    from packstation.db import close
    from packstation.services.shop import open_shop

    open_shop(postgres_database)
    try:
        assert import_rows(tmp_path, shop_rows()).ok
        scans = {"Table 1": ["CMD-4", OTHER], "Table 2": ["CMD-1", MUG, MUG, TEA]}
        for name, codes in scans.items():
            out = tmp_path / f"out-{name.replace(' ', '_')}"
            config = StationConfig(station=name, output_dir=str(out))
            station = PackingStation(name, printer=OrderPrinter(config, print_queue(config)))
            for code in codes:
                station.handle(code)
        # Every printer was off: the four jobs failed, two per table.
        PrintJob.update(status="failed", last_error="off").execute()
        close()
        processes = {name: subprocess.Popen(
            packstation_command(postgres_database, "--config", str(station_config(tmp_path, name)),
                                "retry-prints"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment())
            for name in scans}
        outputs = {}
        for name, process in processes.items():
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, out + err
            outputs[name] = out
        open_shop(postgres_database)
        assert "CMD-4" in outputs["Table 1"] and "CMD-1" not in outputs["Table 1"]
        assert "CMD-1" in outputs["Table 2"] and "CMD-4" not in outputs["Table 2"]
        for name, ref in (("Table 1", "CMD-4"), ("Table 2", "CMD-1")):
            folder = tmp_path / f"out-{name.replace(' ', '_')}"
            assert sorted(path.name.split("-")[0] for path in folder.iterdir()) == ["label", "slip"]
            assert all(f"-{ref}-" in path.name for path in folder.iterdir())
        assert {job.status for job in PrintJob.select()} == {"done"}
    finally:
        close()
