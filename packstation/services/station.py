"""Building a packing station from its configuration: the one place the window and the
``scan`` command get their :class:`PackingStation` from."""

from __future__ import annotations

from packstation.printing.worker import PrintWorker
from packstation.services.context import StationConfig
from packstation.services.packing import PackingStation
from packstation.services.printing import OrderPrinter
from packstation.services.stock import blocked_reason


def build_station(config: StationConfig, *, station: str | None = None, packer: str = "",
                  ask_weight: bool | None = None, open_next: bool | None = None,
                  worker: PrintWorker | None = None) -> PackingStation:
    """The station; ``worker`` is its print worker (the documents completion queues are
    delivered by it; without one they wait in the queue for the next worker).
    ``open_next`` None: as the station file says (the window's way, on by default).
    Without a packer named, the one still logged in here when it stopped."""
    from packstation.services.packers import last_packer

    name = station or config.station
    queue = worker.queue if worker is not None else None
    return PackingStation(
        name, packer or last_packer(name),
        ask_weight=config.ask_weight if ask_weight is None else ask_weight,
        packaging_g=config.packaging_g, printer=OrderPrinter(config, queue, worker),
        blocked_reason=blocked_reason, require_packer=config.require_packer,
        open_next=config.open_next if open_next is None else open_next)
