"""``packstation``: the command line, one composition root of the program.

It builds the same services as the window and prints what they answer. Every command
exits 0 on success and non-zero with a one-line reason on standard error otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from packstation import __version__
from packstation.core import i18n
from packstation.core.errors import PackstationError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# At the end of `scan`, how long the station waits for its queued documents to go out.
DRAIN_SECONDS = 120.0
#: Longest scanner line read whole: longer ones are answered "unknown code" (the rest of
#: the line is skipped unread, so that 1 GB without a newline cannot fill the memory).
MAX_LINE_BYTES = 4096

log = logging.getLogger("packstation.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="packstation", description=i18n.tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"packstation {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help=i18n.tr("cli.db"))
    parser.add_argument("--config", metavar="FILE", help=i18n.tr("cli.config"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=i18n.tr("cli.lang"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help=i18n.tr("cli.demo"))
    demo.add_argument("--orders", type=int, default=50, metavar="N")
    demo.add_argument("--seed", type=int, default=None, metavar="S")
    demo.add_argument("--no-gui", action="store_true", help=i18n.tr("cli.no_gui"))
    demo.add_argument("--history", type=int, default=0, metavar="DAYS", help=i18n.tr("cli.history"))

    imp = commands.add_parser("import", help=i18n.tr("cli.import"))
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--format", default="auto",
                     help="auto|generic|shopify|woocommerce|prestashop|PROFILE")
    imp.add_argument("--dry-run", action="store_true", help=i18n.tr("cli.dry_run"))
    imp.add_argument("--json", action="store_true")

    orders = commands.add_parser("orders", help=i18n.tr("cli.orders"))
    orders.add_argument("--status", choices=("pending", "on_hold", "packing", "packed",
                                              "shipped", "cancelled"))
    orders.add_argument("--json", action="store_true")

    order = commands.add_parser("order", help=i18n.tr("cli.order"))
    order.add_argument("ref")
    order.add_argument("--json", action="store_true")

    scan = commands.add_parser("scan", help=i18n.tr("cli.scan"))
    scan.add_argument("--station", help=i18n.tr("cli.station"))
    scan.add_argument("--packer", default="")
    scan.add_argument("--json", action="store_true")
    scan.add_argument("--ask-weight", action="store_true", help=i18n.tr("cli.ask_weight"))
    scan.add_argument("--open-next", action="store_true", help=i18n.tr("cli.open_next"))

    pickups = commands.add_parser("pickups", help=i18n.tr("cli.pickups"))
    pickups.add_argument("--now", metavar="ISO8601")
    pickups.add_argument("--json", action="store_true")

    printing = commands.add_parser("print", help=i18n.tr("cli.print"))
    printing.add_argument("kind", metavar="KIND",
                          help="label|slip|picklist|manifest|product-labels|commands")
    printing.add_argument("refs", nargs="*", metavar="REF")
    target = printing.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE.pdf")
    target.add_argument("--printer", metavar="NAME")
    printing.add_argument("--layout", help=i18n.tr("cli.layout"))

    handover = commands.add_parser("handover", help=i18n.tr("cli.handover"))
    handover.add_argument("carrier", metavar="CARRIER")
    handover.add_argument("--packer", default="")

    for name in ("release", "hold", "cancel"):
        decision = commands.add_parser(name, help=i18n.tr(f"cli.{name}"))
        decision.add_argument("ref")
        decision.add_argument("--reason", required=True)
        decision.add_argument("--by", required=True, metavar="NAME")

    split = commands.add_parser("ship-available", help=i18n.tr("cli.ship_available"))
    split.add_argument("ref")
    split.add_argument("--by", required=True, metavar="NAME")

    retry = commands.add_parser("retry-prints", help=i18n.tr("cli.retry_prints"))
    retry.add_argument("--station", help=i18n.tr("cli.station"))

    shop = commands.add_parser("shop", help=i18n.tr("cli.shop"))
    shop.add_argument("--json", action="store_true")
    shop_commands = shop.add_subparsers(dest="shop_command", metavar="set")
    shop_set = shop_commands.add_parser("set", help=i18n.tr("cli.shop_set"))
    shop_set.add_argument("assignments", nargs="+", metavar="KEY=VALUE")

    packer = commands.add_parser("packer", help=i18n.tr("cli.packer"))
    packer_commands = packer.add_subparsers(dest="packer_command", metavar="ACTION", required=True)
    add = packer_commands.add_parser("add", help=i18n.tr("cli.packer_add"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--badge", metavar="CODE")
    listing = packer_commands.add_parser("list", help=i18n.tr("cli.packer_list"))
    listing.add_argument("--json", action="store_true")
    rename = packer_commands.add_parser("rename", help=i18n.tr("cli.packer_rename"))
    rename.add_argument("name", metavar="NAME_OR_BADGE")
    rename.add_argument("new_name", metavar="NEW_NAME")
    retire = packer_commands.add_parser("retire", help=i18n.tr("cli.packer_retire"))
    retire.add_argument("name", metavar="NAME_OR_BADGE")

    export = commands.add_parser("export-tracking", help=i18n.tr("cli.export"))
    export.add_argument("--format", required=True, choices=("shopify", "woocommerce", "generic"))
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--since", metavar="DATE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language must be known before the help texts are built.
    i18n.set_language(_early_lang(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    from packstation.logs import log_file, setup_logging

    setup_logging()
    log.info("packstation %s %s", __version__, args.command or "window")
    try:
        from packstation.services.context import load_config

        config = load_config(args.config)
        if not args.lang and config.language:
            i18n.set_language(config.language)
        if args.command is None:
            return _gui(args, config)
        handler = globals()["cmd_" + args.command.replace("-", "_")]
        return handler(args, config)
    except PackstationError as error:
        log.info("refused: %s", error.message)
        print(f"packstation: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 — one line for the user, the details in the log
        import peewee

        if isinstance(error, peewee.PeeweeException):
            from packstation.db.database import explain

            log.exception("database error")
            print(f"packstation: {explain(error).message}", file=sys.stderr)
            return EXIT_ERROR
        log.exception("unexpected error")
        print("packstation: " + i18n.tr("cli.unexpected", error=_one_line(error), log=log_file()),
              file=sys.stderr)
        return EXIT_ERROR


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def _early_lang(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in i18n.LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in i18n.LANGUAGES:
            return arg[7:]
    return None


def open_db(args, config):
    from packstation.services.shop import open_shop

    return open_shop(args.db, config)


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# -- commands ------------------------------------------------------------------------

def _gui(args, config, *, demo_report=None) -> int:
    from packstation.app import run_window

    return run_window(args, config)


def cmd_demo(args, config) -> int:
    from packstation.services.demo import fill_demo

    open_db(args, config)
    report = fill_demo(args.orders, args.seed, station=config.station)
    print(report.summary(), file=sys.stderr)
    if not report.ok:
        for error in report.errors:
            print(str(error), file=sys.stderr)
        return EXIT_ERROR
    if args.history > 0:
        from packstation.services.demo import fill_history

        print(fill_history(args.history, args.seed).summary(), file=sys.stderr)
    if args.no_gui:
        return EXIT_OK
    return _gui(args, config)


def cmd_import(args, config) -> int:
    from packstation.services.holds import hold_rules
    from packstation.services.importing import Importer

    open_db(args, config)
    importer = Importer(station=config.station, hold_rules=hold_rules())
    failed = False
    reports = []
    for path in args.files:
        if not Path(path).is_file():
            print(f"{path}: {i18n.tr('cli.no_such_file')}", file=sys.stderr)
            failed = True
            continue
        report = importer.import_file(path, format=args.format, dry_run=args.dry_run,
                                      profiles=_profiles(config))
        reports.append(report)
        for error in report.errors:
            print(str(error), file=sys.stderr)
        for warning in report.warnings:   # rows left out of a file that imports
            print(str(warning), file=sys.stderr)
        failed = failed or not report.ok
        if not args.json:
            stream = sys.stdout if report.ok else sys.stderr
            print(report.summary(), file=stream)
            if args.dry_run and report.ok:
                for label, refs in (("+", report.new), ("~", report.updated)):
                    for ref in refs:
                        print(f"  {label} {ref}")
                for ref, reason in report.skipped:
                    print(f"  = {ref}: {reason}")
    if args.json:
        _print_json([report.to_json() for report in reports])
    return EXIT_ERROR if failed else EXIT_OK


def _profiles(config):
    from packstation.services.profiles import load_all_profiles

    return load_all_profiles(config)


def cmd_orders(args, config) -> int:
    from packstation.services.orders import list_orders

    open_db(args, config)
    orders = list_orders(args.status)
    if args.json:
        _print_json(orders)
        return EXIT_OK
    for order in orders:
        done = sum(line["verified"] for line in order["lines"])
        total = sum(line["quantity"] for line in order["lines"])
        print(f"{order['ref']:<14} {i18n.tr('status.' + order['status']):<15} "
              f"{order['carrier'] or '-':<14} {done}/{total}  {order['customer_name']}, "
              f"{order['address']['city']} ({order['address']['country']})")
    return EXIT_OK


def cmd_order(args, config) -> int:
    from packstation.services.orders import get_order, order_detail

    open_db(args, config)
    detail = order_detail(get_order(args.ref))
    if args.json:
        _print_json(detail)
        return EXIT_OK
    print(f"{detail['ref']} — {i18n.tr('status.' + detail['status'])} — "
          f"{detail['carrier_name'] or detail['shipping_method']}")
    address = detail["address"]
    for part in (address["name"], address["company"], address["address1"], address["address2"],
                 f"{address['postcode']} {address['city']}", address["region"], address["country"]):
        if part and part.strip():
            print(f"  {part}")
    if detail["note"]:
        print(f"  « {detail['note']} »")
    for line in detail["lines"]:
        print(f"  [{line['verified']}/{line['quantity']}] {line['sku']:<16} {line['name']}  "
              f"({line['bin']})")
    if detail["shipment"]:
        shipment = detail["shipment"]
        print(f"  {i18n.tr('cli.tracking')}: {shipment['tracking']}  {shipment['weight_g']} g")
    for event in detail["events"]:
        print(f"  {event['at'][:19]} {event['kind']} {event['station']} {event['reason']}")
    return EXIT_OK


def cmd_scan(args, config) -> int:
    from packstation.app import install_system_printing
    from packstation.services.printing import start_print_worker
    from packstation.services.station import build_station

    from packstation.services.tables import TOUCH_INTERVAL

    open_db(args, config)
    install_system_printing(gui=False)
    name = args.station or config.station
    # Opening the next order by itself is the window's way; here it must be asked for
    # (--open-next, or open_next = true written in the station file): a script feeding
    # several tables scans each order's slip itself.
    open_next = args.open_next or (config.raw.get("station") or {}).get("open_next") is True
    # The station's print worker: it first delivers what this station had queued when it
    # last stopped, then every document completion queues, off the scan path.
    worker = start_print_worker(config, name)
    station = build_station(config, station=name, packer=args.packer,
                            ask_weight=args.ask_weight or config.ask_weight, open_next=open_next,
                            worker=worker)

    def idle() -> None:  # a sign of life while nobody scans, as the window gives
        news = station.heartbeat()
        if news is not None and news.outcome.code != "failed":
            _answer(news, args.json)

    try:
        resumed = station.resume()
        if resumed is not None:
            _answer(resumed, args.json)
        for raw in scanner_lines(sys.stdin, idle, TOUCH_INTERVAL.total_seconds()):
            for part in raw.split("\t") if "\t" in raw else [raw]:
                _answer(station.handle(part), args.json)
        # The scans are over: what was queued is delivered before the station stops.
        worker.drain(DRAIN_SECONDS)
    finally:
        worker.stop()
    return EXIT_OK


def scanner_lines(stream, on_idle, idle_seconds: float):
    """The lines of ``stream`` as text, whatever bytes come: not UTF-8 (a scanner set to
    Latin-1) is decoded with replacement characters, a line longer than MAX_LINE_BYTES is
    cut there (the station answers it "unknown code"), and ``on_idle`` runs each
    ``idle_seconds`` without input (where the platform can wait on a pipe)."""
    import select

    try:
        fd = stream.fileno()
        os.set_blocking(fd, True)
        select.select([fd], [], [], 0)
    except (AttributeError, OSError, ValueError, TypeError):
        fd = None  # not a real file (a test's StringIO), or a platform without select on pipes
    if fd is None:
        source = getattr(stream, "buffer", None)
        for line in (source if source is not None else stream):
            yield _decode(line if isinstance(line, bytes) else line.encode("utf-8", "replace"))
        return
    pending = b""
    skipping = False
    while True:
        ready, _, _ = select.select([fd], [], [], idle_seconds)
        if not ready:
            on_idle()
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            if pending and not skipping:
                yield _decode(pending)
            return
        pending += chunk
        while True:
            end = pending.find(b"\n")
            if end < 0:
                if len(pending) > MAX_LINE_BYTES:
                    if not skipping:
                        yield _decode(pending[:MAX_LINE_BYTES])
                    skipping, pending = True, b""
                break
            line, pending = pending[:end], pending[end + 1:]
            if skipping:
                skipping = False  # the end of an overlong line already answered
                continue
            yield _decode(line[:MAX_LINE_BYTES + 1])


def _decode(line: bytes) -> str:
    return line.rstrip(b"\r\n").decode("utf-8", errors="replace")


def _answer(answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
    else:
        mark = "✔" if answer.ok else "✘"
        print(f"{mark} {answer.message}", flush=True)
        for document in answer.documents:  # where the label and the slip went
            where = document.get("output") or document.get("error") or document.get("destination") or ""
            print("  " + i18n.tr("cli.document_line", document=i18n.tr("doc.kind." + document["kind"]),
                                 where=where), flush=True)
        if answer.following is not None:  # the next order, opened at once (--open-next)
            print(f"  → {answer.following.message}", flush=True)


def cmd_pickups(args, config) -> int:
    from packstation.services.pickups import carrier_projections

    open_db(args, config)
    now = _parse_now(args.now)
    projections = carrier_projections(now)
    if args.json:
        _print_json([item.to_json() for item in projections])
    else:
        for item in projections:
            print(item.summary)
    return EXIT_OK


def _parse_now(text: str | None) -> dt.datetime:
    """``--now``: ISO 8601 or dd/mm/yyyy HH:MM, Paris time without an offset."""
    from packstation.io.fields import parse_datetime

    return parse_datetime(text) if text else dt.datetime.now(dt.timezone.utc)


def cmd_print(args, config) -> int:
    from packstation.services.printing import print_documents

    open_db(args, config)
    result = print_documents(config, args.kind, args.refs, out=args.out, printer=args.printer,
                             layout=args.layout)
    print(result, file=sys.stderr)
    return EXIT_OK


def cmd_handover(args, config) -> int:
    from packstation.services.manifests import hand_over

    open_db(args, config)
    manifest = hand_over(args.carrier, station=config.station, packer=args.packer)
    print(i18n.tr("cli.handed_over", count=manifest.parcels, carrier=manifest.carrier.name))
    return EXIT_OK


def _decide(args, config, action) -> int:
    open_db(args, config)
    order = action(args.ref, reason=args.reason, by=args.by, station=config.station)
    print(f"{order.ref}: {i18n.tr('status.' + order.status)}")
    return EXIT_OK


def cmd_release(args, config) -> int:
    from packstation.services.holds import release

    return _decide(args, config, release)


def cmd_hold(args, config) -> int:
    from packstation.services.holds import hold

    return _decide(args, config, hold)


def cmd_cancel(args, config) -> int:
    from packstation.services.holds import cancel

    return _decide(args, config, cancel)


def cmd_ship_available(args, config) -> int:
    from packstation.services.backorders import ship_available

    open_db(args, config)
    print(ship_available(args.ref, by=args.by, station=config.station).message)
    return EXIT_OK


def cmd_packer(args, config) -> int:
    from packstation.services import packers

    open_db(args, config)
    if args.packer_command == "list":
        found = packers.list_packers()
        if args.json:
            print(json.dumps([packer.to_json() for packer in found], ensure_ascii=False, indent=2))
        for packer in found if not args.json else ():
            state = "" if packer.active else "  " + i18n.tr("cli.packer_retired")
            print(f"{packer.name}\t{packer.badge}{state}")
        return EXIT_OK
    if args.packer_command == "add":
        packer = packers.add_packer(args.name, args.badge, station=config.station)
    elif args.packer_command == "rename":
        packer = packers.rename_packer(args.name, args.new_name, station=config.station)
    else:
        packer = packers.retire_packer(args.name, station=config.station)
    said = {"add": "packers.added", "rename": "packers.renamed", "retire": "packers.retired"}
    print(i18n.tr(said[args.packer_command], name=packer.name, badge=packer.badge))
    return EXIT_OK


def cmd_retry_prints(args, config) -> int:
    from packstation.app import install_system_printing
    from packstation.db.models import Order
    from packstation.printing.queue import FAILED, STALE_DELIVERY, WAITING
    from packstation.services.printing import print_queue

    open_db(args, config)
    install_system_printing(gui=False)
    queue = print_queue(config, args.station)
    queue.refresh()
    # A station that stopped while it delivered left its job half-way: deliver it again.
    queue.recover(older_than=STALE_DELIVERY)
    queue.cleanup()
    jobs = queue.retry_failed()
    for job in jobs:
        tracking = ""
        if job.kind == "label" and job.order_id is not None:  # the carrier's number, once given
            number = Order.get_by_id(job.order_id).tracking
            tracking = i18n.tr("cli.job_tracking", tracking=number) if number else ""
        print(f"#{job.id} {job.kind} {'+'.join(job.refs or [])}: {job.status} {tracking}"
              f"{job.last_error}".rstrip())
    return EXIT_ERROR if any(job.status in (FAILED, WAITING) for job in jobs) else EXIT_OK


def cmd_shop(args, config) -> int:
    from packstation.services.shop import set_shop, shop_json

    open_db(args, config)
    data = set_shop(args.assignments, station=config.station) if args.shop_command == "set" \
        else shop_json()
    if args.json or args.shop_command != "set":
        _print_json(data)
    else:
        print(i18n.tr("cli.shop_saved"))
    return EXIT_OK


def cmd_export_tracking(args, config) -> int:
    from packstation.services.tracking import export_tracking

    open_db(args, config)
    count = export_tracking(args.format, args.out, since=args.since)
    print(i18n.tr("cli.exported", count=count, path=args.out), file=sys.stderr)
    return EXIT_OK


i18n.register({
    "cli.description": ("Poste d'emballage et d'expédition : scanner, vérifier, imprimer, expédier.",
                        "Packing and shipping station: scan, verify, print, ship."),
    "cli.db": ("fichier SQLite ou URL postgresql:// (sinon PACKSTATION_DB, sinon le dossier de données)",
               "SQLite file or postgresql:// URL (else PACKSTATION_DB, else the user data folder)"),
    "cli.config": ("fichier de configuration du poste (TOML)", "the station's configuration file (TOML)"),
    "cli.lang": ("langue de l'interface", "language of the interface"),
    "cli.demo": ("remplir la base avec une boutique de démonstration, puis ouvrir la fenêtre",
                 "fill the database with a demo shop, then open the window"),
    "cli.no_gui": ("ne pas ouvrir la fenêtre", "do not open the window"),
    "cli.history": ("ajouter DAYS jours passés de commandes emballées et expédiées (scans, événements)",
                    "add DAYS past days of packed and shipped orders (scans, events)"),
    "cli.import": ("importer des fichiers de commandes ou de produits (CSV)",
                   "import order or product files (CSV)"),
    "cli.dry_run": ("montrer ce qui changerait sans rien enregistrer", "show what would change, save nothing"),
    "cli.orders": ("lister les commandes", "list the orders"),
    "cli.order": ("une commande : lignes, scans, expédition, documents, événements",
                  "one order: lines, scans, shipment, documents, events"),
    "cli.scan": ("poste sans fenêtre : lit les scans sur l'entrée standard, un par ligne",
                 "headless station: reads scans from standard input, one per line"),
    "cli.station": ("nom du poste", "name of the station"),
    "cli.open_next": ("ouvrir la commande suivante dès qu'une commande est terminée, comme la fenêtre",
                      "open the next order as soon as one is complete, as the window does"),
    "cli.unexpected": ("erreur inattendue ({error}) — le détail est dans le journal {log}.",
                       "unexpected error ({error}) — the details are in the log {log}."),
    "cli.ask_weight": ("demander le poids avant de terminer une commande",
                       "ask for the weight before completing an order"),
    "cli.pickups": ("prochains passages des transporteurs et prévision", "next carrier pickups and projection"),
    "cli.print": ("imprimer des documents", "print documents"),
    "cli.layout": ("format (étiquettes : 100x150, 4x6, a6, a4x2, a4x4 ; bons : a4, letter)",
                   "layout (labels: 100x150, 4x6, a6, a4x2, a4x4; slips: a4, letter)"),
    "cli.export": ("exporter les numéros de suivi pour la boutique", "export tracking numbers for the shop"),
    "cli.handover": ("remettre au transporteur les colis emballés (valide le bordereau)",
                     "hand the packed parcels over to the carrier (confirms the manifest)"),
    "cli.handed_over": ("{count} colis remis à {carrier}.", "{count} parcel(s) handed over to {carrier}."),
    "cli.release": ("débloquer une commande bloquée (raison et nom obligatoires)",
                    "release an order on hold (reason and name required)"),
    "cli.hold": ("bloquer une commande (raison et nom obligatoires)",
                 "put an order on hold (reason and name required)"),
    "cli.cancel": ("annuler une commande (raison et nom obligatoires)",
                   "cancel an order (reason and name required)"),
    "cli.ship_available": ("expédier ce que le stock couvre d'une commande en rupture ; le reste "
                           "devient un reliquat", "ship what the stock covers of a short order; the "
                           "rest becomes a backorder"),
    "cli.retry_prints": ("imprimer les documents en attente, redemander aux transporteurs les étiquettes "
                         "attendues et relancer ce qui a échoué (de ce poste)",
                         "deliver the queued documents, ask the carriers again for waiting labels and "
                         "retry the failed ones (of this station)"),
    "cli.shop": ("la boutique (l'expéditeur) : shop --json, shop set CLÉ=VALEUR…",
                 "the shop (the sender): shop --json, shop set KEY=VALUE…"),
    "cli.shop_set": ("régler name, address1, address2, postcode, city, country, phone, email",
                     "set name, address1, address2, postcode, city, country, phone, email"),
    "cli.job_tracking": ("(suivi {tracking}) ", "(tracking {tracking}) "),
    "cli.shop_saved": ("Boutique enregistrée.", "Shop saved."),
    "cli.packer": ("les préparateurs de la boutique : add, list, rename, retire",
                   "the shop's packers: add, list, rename, retire"),
    "cli.packer_add": ("ajouter un préparateur (badge inventé si --badge manque)",
                       "add a packer (a badge code is made up without --badge)"),
    "cli.packer_list": ("lister les préparateurs et leurs badges", "list the packers and their badges"),
    "cli.packer_rename": ("renommer un préparateur", "rename a packer"),
    "cli.packer_retire": ("retirer un préparateur (son badge ne connecte plus)",
                          "retire a packer (their badge no longer logs in)"),
    "cli.packer_retired": ("(retiré)", "(retired)"),
    "cli.document_line": ("{document} : {where}", "{document}: {where}"),
    "cli.no_such_file": ("fichier introuvable", "no such file"),
    "cli.tracking": ("Suivi", "Tracking"),
    "cli.exported": ("{count} expédition(s) exportée(s) dans {path}.", "{count} shipment(s) exported to {path}."),
})
