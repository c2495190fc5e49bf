"""Applying parsed order and product files to the database.

A file is imported whole or not at all: it is parsed and checked first (every rejected
row reported with its line number), then applied in one transaction; a big file's new
orders are staged out of sight in short transactions first and the import decided by one
row (see ``Importer._apply_staged``), so that no packing table waits for it. Re-importing
never duplicates: a known order is updated only while it is still pending; once packing has
begun it is left alone and reported. ``dry_run`` compares the file with the database
and writes nothing (it takes no lock): the report says what the import would change.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import secrets
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

import peewee
from peewee import fn

from packstation.core import gtin, i18n
from packstation.core.errors import DatabaseError
from packstation.core.carriers import CarrierSchedule, match_carrier
from packstation.db import atomic
from packstation.db.database import database
from packstation.db.models import (
    Barcode, Carrier, Event, ImportBatch, ImportChange, Order, OrderLine, OrderStatus, Product,
    Shipment, utcnow,
)
from packstation.db.queries import bulk_insert, log_event, select_in
from packstation.io.model import (
    SKIP_NO_SHIPPING, ImportedOrder, ImportedProduct, ParsedFile, RowError, editing_orders,
)
from packstation.services.carriers import load_schedules


class _Rollback(Exception):
    """Raised inside the transaction of a dry run to undo it."""


@dataclass
class ImportReport:
    """What one file did (or would do, for a dry run)."""

    path: str
    format: str = ""
    dry_run: bool = False
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (ref, reason)
    products_new: list[str] = field(default_factory=list)
    products_updated: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # rows left out; the file imports
    profiles_folder: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        key = "import.summary_dry" if self.dry_run else "import.summary"
        if not self.ok:
            if self.format == "unknown":
                # Nothing is wrong with the rows: the columns are not known yet.
                return i18n.tr("import.not_recognised", path=self.path,
                               folder=self.profiles_folder or "profiles")
            if len(self.errors) == 1 and self.errors[0].key in _FILE_LEVEL_ERRORS:
                # The file as a whole, not its rows: say why rather than "fix the rows".
                return i18n.tr("import.file_refused", path=self.path,
                               reason=self.errors[0].reason)
            return i18n.tr("import.rejected", path=self.path, count=len(self.errors))
        return i18n.tr(key, path=self.path, new=len(self.new), updated=len(self.updated),
                       unchanged=len(self.unchanged), skipped=len(self.skipped) + len(self.cancelled),
                       products=len(self.products_new) + len(self.products_updated))

    def to_json(self) -> dict:
        return {
            "path": self.path, "format": self.format, "dry_run": self.dry_run, "ok": self.ok,
            "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
            "cancelled": self.cancelled,
            "skipped": [{"ref": ref, "reason": reason} for ref, reason in self.skipped],
            "products_new": self.products_new, "products_updated": self.products_updated,
            "errors": [{"line": error.line, "reason": error.reason} for error in self.errors],
            "warnings": [{"line": warning.line, "reason": warning.reason}
                         for warning in self.warnings],
        }


_FILE_LEVEL_ERRORS = {
    "import.prestashop_order_list", "csv.empty", "csv.bad_encoding", "csv.nul_character",
    "shopify.not_orders", "shopify.not_products", "profile.missing_columns",
    "csv.missing_columns", "csv.unknown_header", "csv.duplicate_columns",
}

HoldRule = Callable[[ImportedOrder, Order | None], i18n.Message | str | None]


class Importer:
    """Applies parsed files; the hold rules (fraud checks) are given by the caller."""

    def __init__(self, *, station: str = "", hold_rules: Sequence[HoldRule] = (),
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.station = station
        self.hold_rules = hold_rules
        self.clock = clock
        self._staging: str | None = None   # the token of the staged import under way
        # Its changes to the orders the shop already had, written down (ImportChange) a
        # chunk of the file at a time and applied after its decision; None: applied at once.
        self._changes: list[dict] | None = None
        self._planned = 0   # the updates it planned (the report lists those applied)
        self._dry = False   # a dry run: what would be written is only reported
        # The orders it staged, each ref to itself: the report keeps these very strings.
        self._staged_refs: dict[str, str] = {}

    def import_file(self, path: str | Path, *, format: str = "auto", dry_run: bool = False,
                    profiles: Iterable = (), profiles_folder: str | Path | None = None
                    ) -> ImportReport:
        from packstation.io import parse
        from packstation.services.profiles import profiles_dir

        parsed = parse(str(path), format=format, profiles=list(profiles))
        report = self.apply(parsed, dry_run=dry_run)
        report.profiles_folder = str(profiles_folder or profiles_dir())
        return report

    def apply(self, parsed: ParsedFile, *, dry_run: bool = False) -> ImportReport:
        """Check the parsed file, then write it in one transaction (or roll it back).

        Everything that reads the file (parsing, validation, the limits) happens before
        the transaction, which holds the database only for the look-ups and the writing.
        A dry run (the import dialog's preview) only reads: it takes no lock, however big
        the file. Two imports at once may collide (the same new product, a deadlock between two
        PostgreSQL transactions): the loser is rolled back whole and tried again, and
        after the last attempt the user is told to import the file again.
        """
        errors = list(parsed.errors)
        if not errors:
            errors.extend(check_limits(parsed))
        for attempt in range(1, _ATTEMPTS + 1):
            report = ImportReport(path=parsed.path, format=parsed.format, dry_run=dry_run,
                                  errors=list(errors), warnings=list(parsed.warnings))
            if report.errors:
                return report
            if dry_run:
                self._dry_run(parsed, report)
                return report
            try:
                if max(len(parsed.orders), len(parsed.products)) > _STAGE_ABOVE:
                    self._apply_staged(parsed, report)
                    return report
                with atomic():
                    self._apply(parsed, report)
                    if report.errors:
                        raise _Rollback
                    log_event("imported", station=self.station, data={
                        "path": parsed.path, "format": parsed.format, "new": len(report.new),
                        "updated": len(report.updated), "products": len(report.products_new)
                        + len(report.products_updated)})
            except _Rollback:
                pass
            except _COLLISIONS as exc:
                if attempt < _ATTEMPTS:
                    time.sleep(0.2 * attempt)
                    continue
                raise DatabaseError("import.collided", path=parsed.path,
                                    detail=str(exc).splitlines()[0] if str(exc) else "") from exc
            return report
        raise AssertionError("unreachable")

    # -- the work, inside the transaction ------------------------------------------------

    def _apply(self, parsed: ParsedFile, report: ImportReport) -> None:
        products = self._products(parsed, report)
        if report.errors:
            return
        if parsed.orders:
            self._orders(parsed, products, report)

    def _dry_run(self, parsed: ParsedFile, report: ImportReport) -> None:
        """What the file would do, read from the database and written nowhere."""
        self._dry = True
        try:
            self._apply(parsed, report)
        finally:
            self._dry = False

    def _apply_staged(self, parsed: ParsedFile, report: ImportReport) -> None:
        """A big file, written so that a packing table never waits long for the database.

        The products first, checked whole: the new ones written a few hundred per short
        transaction, the changes to known ones written down (ImportChange); then the new
        orders a chunk at a time (short transactions), with their holds, invisible to the
        tables (status ``importing``, this import's token in ``import_batch``), and the
        changes to known orders written down; then one short transaction decides the
        import: it marks the import published (one row, whatever the file's size). Its
        changes and new orders are then carried out a chunk at a time (:func:`_release`).
        If anything fails before the decision, what it wrote is deleted again (its staged
        orders, its changes, the products it created): the file is all or nothing. After
        it, nothing is undone: a release cut short (the program killed) is finished by the
        next program that opens the shop (:func:`settle_imports`), and an import killed
        before it is undone an hour on.
        """
        token = secrets.token_hex(8)
        settle_imports(self.clock())
        self._staging = token
        try:
            with atomic():
                ImportBatch.create(token=token, path=parsed.path, station=self.station,
                                   started_at=self.clock())
            products = self._products(parsed, report)
            if report.errors:
                raise _Rollback
            self._stage(parsed, products, token)
            # Compared with the database outside any transaction (reads only), the changes
            # to known orders written down beside the staged ones; then the decision, one
            # row in one short transaction, whatever the file's size.
            self._changes = []
            self._planned = 0
            self._orders(parsed, products, report)
            report.new.extend(self._staged_refs.values())
            with atomic():
                ImportBatch.update(published_at=self.clock()) \
                    .where(ImportBatch.token == token).execute()
                log_event("imported", station=self.station, data={
                    "path": parsed.path, "format": parsed.format, "new": len(report.new),
                    "updated": self._planned, "products": len(report.products_new)
                    + len(report.products_updated)})
        except _Rollback:
            _unstage(token, [])
            return
        except BaseException:
            _unstage(token, report.products_new)   # the products it created so far
            raise
        finally:
            self._staging = None
            self._changes = None
            self._staged_refs = {}
        _release(token, self.clock(), self.station, report)

    def _stage(self, parsed: ParsedFile, products: dict[str, Product], token: str) -> None:
        """Insert the file's new orders as ``importing``, a short transaction a chunk,
        each with its holds (the rules only read): held orders are released held."""
        schedules = load_schedules()
        carriers = {carrier.code: carrier for carrier in Carrier.select()}
        matched: dict[str, CarrierSchedule | None] = {}
        now = self.clock()
        for start in range(0, len(parsed.orders), _STAGE_CHUNK):
            chunk = [imported for imported in parsed.orders[start:start + _STAGE_CHUNK]
                     if not imported.skip_reason
                     and any(line.requires_shipping for line in imported.lines)]
            known = {order.ref for order in select_in(Order.select(Order.ref), Order.ref,
                                                      [imported.ref for imported in chunk])}
            fresh = []
            for imported in chunk:
                if imported.ref in known:
                    continue
                if imported.carrier not in matched:
                    matched[imported.carrier] = (match_carrier(schedules.values(), imported.carrier)
                                                 if imported.carrier else None)
                schedule = matched[imported.carrier]
                fields = self._order_fields(imported, schedule,
                                            carriers.get(schedule.code) if schedule else None)
                reason, messages = _hold_columns(self._hold_reasons(imported, None))
                fields.update(status=_IMPORTING, import_batch=token, hold_reason=reason,
                              hold_messages=messages)
                fresh.append((imported, [line for line in imported.lines
                                         if line.requires_shipping], fields))
            def write(fresh=fresh) -> None:
                ids = self._insert_new(fresh, products, parsed.path, now)
                bulk_insert(Event, [self._held_event(ids[imported.ref], fields, now)
                                    for imported, _, fields in fresh if fields["hold_reason"]])

            _short_transaction(write)
            self._staged_refs.update((imported.ref, imported.ref) for imported, _, _ in fresh)

    def _wanted(self, parsed: ParsedFile) -> dict[str, dict]:
        """The products the file names, by SKU: name, weight, bin, customs and codes
        (the lines without SKU are given one first)."""
        self._name_unnamed_lines(parsed)
        wanted: dict[str, dict] = {}
        for order in parsed.orders:
            for line in order.lines:
                if not line.sku:
                    continue    # a gift card, a tip, a service without SKU: never packed
                entry = wanted.setdefault(line.sku, {"line": line.line, "codes": {}})
                entry["name"] = entry.get("name") or line.name
                for name in ("weight_g", "bin", "hs_code", "origin_country"):
                    if getattr(line, name) not in (None, ""):
                        entry[name] = getattr(line, name)
                for code in line.codes:
                    entry["codes"][code.code] = (code.units, line.line)
        for product in parsed.products:
            entry = wanted.setdefault(product.sku, {"line": product.line, "codes": {}})
            entry["line"] = product.line
            if product.name:
                entry["name"] = product.name
            if product.weight_g is not None:
                entry["weight_g"] = product.weight_g
            for name in ("bin", "hs_code", "origin_country"):
                if getattr(product, name):
                    entry[name] = getattr(product, name)
            for code in product.codes:
                entry["codes"][code.code] = (code.units, product.line)
        return wanted

    def _products(self, parsed: ParsedFile, report: ImportReport,
                  wanted: dict[str, dict] | None = None) -> dict[str, Product]:
        """Create or update every product the file names, codes and stock included.

        Everything is read and checked first (a code another product has is an error,
        and then nothing is written); then written in the caller's transaction. A big
        file (a staged import) writes its new products a few hundred per short
        transaction and writes down the rest, applied after its decision. A dry run
        writes nothing. ``wanted``: what :meth:`_wanted` read of the file, if it was.
        """
        if wanted is None:
            wanted = self._wanted(parsed)
        known = {product.sku: product for product in
                 select_in(Product, Product.sku, list(wanted))}
        owners = {barcode.code: barcode for barcode in select_in(
            Barcode.select(Barcode, Product.sku).join(Product), Barcode.code,
            [code for entry in wanted.values() for code in entry["codes"]])}
        # In SKU order: two imports that create or update the same products lock their
        # rows in the same order and wait for each other rather than deadlock.
        fresh = sorted(sku for sku in wanted if sku not in known)
        changes: list[tuple[str, dict]] = []
        given: dict[str, str] = {}                   # code -> the SKU this file gives it to
        new_codes: list[tuple[str, str, int]] = []   # (code, SKU, units)
        units_changed: list[tuple[int, int]] = []    # (barcode id, units)
        for sku, entry in sorted(wanted.items()):
            product = known.get(sku)
            change = {name: entry[name] for name in ("name", "weight_g", "bin", "hs_code",
                                                     "origin_country")
                      if product is not None and entry.get(name) not in (None, "")
                      and getattr(product, name) != entry[name]}
            if change:
                changes.append((sku, change))
            for code, (units, line) in entry["codes"].items():
                owner = owners.get(code)
                owner_sku = owner.product.sku if owner is not None else given.get(code)
                if owner_sku is None:
                    given[code] = sku
                    new_codes.append((code, sku, units))
                elif owner_sku != sku:
                    report.errors.append(RowError(parsed.path, line, "import.code_taken",
                                                  {"code": code, "sku": owner_sku}))
                elif owner is not None and owner.units != units:
                    units_changed.append((owner.id, units))
        if report.errors:
            return known
        now = self.clock()

        def insert(part: list[str]) -> None:
            bulk_insert(Product, [_new_product(sku, wanted[sku], now) for sku in part])
            known.update((product.sku, product) for product in select_in(Product, Product.sku, part))
            report.products_new.extend(part)   # so far: what a failure deletes again
            if self._staging:   # and what a killed import's undoing deletes again
                bulk_insert(ImportChange, [{"batch": self._staging, "kind": "created",
                                            "order": None,
                                            "change": _pack({"kind": "created", "sku": sku})}
                                           for sku in part])

        stock = [(imported.sku, imported.stock) for imported in parsed.products
                 if imported.stock is not None
                 and (known[imported.sku].stock if imported.sku in known else None) != imported.stock]
        if self._dry:   # the products as they would be, without ids
            known.update((sku, Product(**_new_product(sku, wanted[sku], now))) for sku in fresh)
            report.products_new.extend(fresh)
        else:
            # The new products first, in the caller's transaction or, for a big file, a few
            # hundred per transaction (its staged orders name them); then the rest, the
            # changes _apply_change() makes: now, or for a big file after its decision.
            size = _PRODUCT_CHUNK if self._staging else max(1, len(fresh))
            for start in range(0, len(fresh), size):
                part = fresh[start:start + size]
                if self._staging:
                    _short_transaction(functools.partial(insert, part))
                else:
                    insert(part)
            fields: dict[str, dict] = {sku: dict(change) for sku, change in changes}
            for sku, count in stock:
                fields.setdefault(sku, {})["stock"] = count
            later = ([{"kind": "product", "product": known[sku].id, "fields": values}
                      for sku, values in fields.items()]
                     + [{"kind": "units", "barcode": barcode, "units": count}
                        for barcode, count in units_changed])
            codes = [{"code": code, "product": known[sku].id, "units": count}
                     for code, sku, count in new_codes]
            if self._staging:
                self._write_down(later + [{"kind": "code", **code} for code in codes])
            else:
                for change in later:
                    _apply_change(change, self.station, now, None)
                # At once, a code another import took meanwhile collides: tried again whole.
                bulk_insert(Barcode, codes)
        for sku, change in changes:
            for name, value in change.items():
                setattr(known[sku], name, value)
        for sku, count in stock:
            known[sku].stock = count
        new = set(report.products_new)
        report.products_updated.extend(dict.fromkeys(
            [sku for sku, _ in changes] + [sku for sku, _ in stock if sku not in new]))
        return known

    @staticmethod
    def _name_unnamed_lines(parsed: ParsedFile) -> None:
        """Give a SKU to each packed line that has none.

        A line named by barcode only gets that product's SKU (or the code). A line named
        by its product name only (Shopify without SKUs) gets the SKU of the product of
        that name (from this file's products or the database), else its name becomes the
        SKU of a product without barcode: packed by confirming it, or by a barcode the
        packer links to it at the table (:func:`packstation.services.products.link_barcode`).
        """
        codes: list[str] = []
        names: list[str] = []
        for order in parsed.orders:   # read once: the lines are not kept (a big file)
            for line in order.lines:
                if not line.sku and line.requires_shipping:
                    if line.codes:
                        codes.append(line.codes[0].code)
                    elif line.name:
                        names.append(line.name)
        if not codes and not names:
            return
        owners = {barcode.code: barcode.product.sku for barcode in
                  select_in(Barcode.select(Barcode, Product).join(Product), Barcode.code, codes)}
        by_name: dict[str, str] = {}
        for product in parsed.products:
            for name in (product.name, *product.aliases):
                by_name.setdefault(_name_key(name), product.sku)
        if names:
            forms = {form for name in names for form in _name_forms(name)}
            for product in select_in(Product.select(Product.sku, Product.name), Product.name,
                                     list(forms)):
                by_name.setdefault(_name_key(product.name), product.sku)
        for order in editing_orders(parsed.orders):
            for line in order.lines:
                if line.sku or not line.requires_shipping:
                    continue
                if line.codes:
                    code = line.codes[0].code
                    line.sku = owners.get(code) or gtin.display(code)
                elif line.name:
                    line.sku = by_name.get(_name_key(line.name)) or line.name.strip()[:_SKU_LENGTH]

    def _orders(self, parsed: ParsedFile, products: dict[str, Product], report: ImportReport) -> None:
        """Create new orders in batches; update known pending ones; report the others.

        A chunk of the file's orders at a time, so that what is read of the database
        (the known orders and their lines) and what is built for it stays small.
        """
        schedules = load_schedules()
        carriers = {carrier.code: carrier for carrier in Carrier.select()}
        matched: dict[str, CarrierSchedule | None] = {}
        for start in range(0, len(parsed.orders), _CHUNK):
            self._orders_chunk(parsed, parsed.orders[start:start + _CHUNK], products, report,
                               schedules, carriers, matched)

    def _orders_chunk(self, parsed: ParsedFile, chunk: list[ImportedOrder],
                      products: dict[str, Product], report: ImportReport, schedules, carriers,
                      matched: dict[str, CarrierSchedule | None]) -> None:
        existing = {order.ref: order for order in
                    select_in(Order, Order.ref, [order.ref for order in chunk])
                    if not (self._staging and order.import_batch == self._staging)}
        split = {order.backorder_of for order in
                 select_in(Order.select(Order.backorder_of), Order.backorder_of, list(existing))}
        known_lines: dict[int, list[tuple]] = {}
        for line in select_in(OrderLine.select().order_by(OrderLine.position), OrderLine.order,
                                    [order.id for order in existing.values()]):
            known_lines.setdefault(line.order_id, []).append(_line_key(line.__data__))
        now = self.clock()
        fresh: list[tuple[ImportedOrder, list, dict]] = []
        for imported in chunk:
            known = existing.get(imported.ref)
            lines = [line for line in imported.lines if line.requires_shipping]
            if imported.skip_reason:
                if imported.skip_reason == "cancelled" and known is not None \
                        and known.status in (OrderStatus.PENDING, OrderStatus.ON_HOLD):
                    self._change({"kind": "cancel", "order": known.id, "ref": imported.ref},
                                 now, report)
                else:
                    report.skipped.append((imported.ref, i18n.tr(f"import.skip.{imported.skip_reason}")))
                continue
            if not lines:
                report.skipped.append((imported.ref, i18n.tr(f"import.skip.{SKIP_NO_SHIPPING}")))
                continue
            if known is not None and known.status != OrderStatus.PENDING:
                report.skipped.append((imported.ref, i18n.tr(
                    "import.skip.not_pending", status=i18n.tr(f"status.{known.status}"))))
                continue
            if known is not None and known.ref in split:
                # Its lines were shared with a backorder: the shop's full lines would
                # ship the backordered units twice.
                report.skipped.append((imported.ref, i18n.tr("import.skip.split")))
                continue
            if imported.carrier not in matched:  # a file names few shipping methods
                matched[imported.carrier] = (match_carrier(schedules.values(), imported.carrier)
                                             if imported.carrier else None)
            schedule = matched[imported.carrier]
            carrier = carriers.get(schedule.code) if schedule else None
            fields = self._order_fields(imported, schedule, carrier)
            if known is None:
                if not self._staging:      # a staged order is written already
                    fresh.append((imported, lines, fields))
                continue
            line_rows = [_line_key(row) for row in self._line_rows([(known.id, lines)], products)]
            changed = {name: value for name, value in fields.items()
                       if _comparable(getattr(known, name if name != "carrier" else "carrier_id"))
                       != _comparable(value.id if isinstance(value, Carrier) else value)}
            lines_changed = line_rows != known_lines.get(known.id, [])
            if not changed and not lines_changed:
                report.unchanged.append(imported.ref)
                continue
            hold = self._hold_reasons(imported, known)   # the rules only read
            self._change({"kind": "update", "order": known.id, "ref": imported.ref,
                          "path": parsed.path,
                          "fields": {name: value.id if isinstance(value, Carrier) else value
                                     for name, value in changed.items()},
                          "lines": (self._line_rows([(known.id, lines)], products)
                                    if lines_changed else None),
                          "hold": list(_hold_columns(hold)) if hold else None}, now, report)
        if self._staging:
            self._write_down(self._changes)
        elif self._dry:
            report.new.extend(imported.ref for imported, _, _ in fresh)
        else:
            self._create(fresh, products, parsed.path, now, report)

    def _change(self, change: dict, now: dt.datetime, report: ImportReport) -> None:
        """A change to an order the shop already had: applied now, or (a staged import)
        written down, to be applied after the import's decision."""
        if self._dry:
            (report.updated if change["kind"] == "update" else report.cancelled).append(
                change["ref"])
        elif self._changes is None:
            _apply_change(change, self.station, now, report)
        else:
            self._changes.append(change)
            self._planned += change["kind"] == "update"

    def _write_down(self, changes: list[dict]) -> None:
        """Changes to known orders and products, kept with the staged import (short
        transactions), so that its decision needs only one row."""
        for start in range(0, len(changes), _PRODUCT_CHUNK):
            rows = [{"batch": self._staging, "kind": change["kind"],
                     "order": change.get("order"), "change": _pack(change)}
                    for change in changes[start:start + _PRODUCT_CHUNK]]
            _short_transaction(functools.partial(bulk_insert, ImportChange, rows))
        changes.clear()

    def _create(self, fresh: list[tuple[ImportedOrder, list, dict]], products: dict[str, Product],
                path: str, now: dt.datetime, report: ImportReport) -> None:
        """Insert new orders, their lines and their events a batch at a time."""
        ids = self._insert_new(fresh, products, path, now)
        for imported, _, _ in fresh:
            report.new.append(imported.ref)
            self._hold(imported, ids[imported.ref], None)

    def _insert_new(self, fresh: list[tuple[ImportedOrder, list, dict]],
                    products: dict[str, Product], path: str, now: dt.datetime) -> dict[str, int]:
        ids: dict[str, int] = {}
        for start in range(0, len(fresh), _BATCH):
            batch = fresh[start:start + _BATCH]
            bulk_insert(Order, [dict(fields, ref=imported.ref, imported_at=now, updated_at=now)
                                for imported, _, fields in batch])
            batch_ids = dict(Order.select(Order.ref, Order.id)
                             .where(Order.ref.in_([imported.ref for imported, _, _ in batch]))
                             .tuples())
            ids.update(batch_ids)
            self._insert_lines([(batch_ids[imported.ref], lines) for imported, lines, _ in batch],
                               products)
            bulk_insert(Event, [{"at": now, "kind": "imported", "order": batch_ids[imported.ref],
                                 "station": self.station, "packer": "", "reason": "",
                                 "data": {"path": path, **({"line": imported.line}
                                                            if imported.line else {})}}
                                for imported, _, _ in batch])
        return ids

    def _order_fields(self, imported: ImportedOrder, schedule: CarrierSchedule | None,
                      carrier: Carrier | None) -> dict:
        address = imported.address
        service = (imported.service or "standard").lower()
        return {
            "source": imported.source[:Order.source.max_length],  # a profile's name
            "external_id": imported.external_id,
            "ordered_at": imported.ordered_at, "carrier": carrier,
            "shipping_method": imported.carrier, "service": service,
            "express": bool(schedule.is_express(service)) if schedule else service == "express",
            "risk": imported.risk, "note": imported.note, "currency": imported.currency or "EUR",
            "total": imported.total, "customer_name": imported.customer_name or address.name,
            "company": address.company, "address1": address.address1, "address2": address.address2,
            "postcode": address.postcode, "city": address.city, "region": address.region,
            "country": address.country, "phone": address.phone, "email": address.email,
            "billing_country": imported.billing_country or "",
            "tracking": imported.tracking or None,
            "payment": imported.payment, "delivery": imported.delivery,
            "pickup_point": imported.pickup_point or None,
        }

    def _insert_lines(self, orders: list[tuple[int, list]], products: dict[str, Product]) -> None:
        bulk_insert(OrderLine, self._line_rows(orders, products))

    @staticmethod
    def _line_rows(orders: list[tuple[int, list]], products: dict[str, Product]) -> list[dict]:
        """The stored form of imported lines: the product fills what the file left empty."""
        return [
            {"order": order_id, "position": position, "product": products[line.sku].id,
             "sku": line.sku, "name": line.name or products[line.sku].name,
             "quantity": line.quantity, "unit_price": line.unit_price,
             "weight_g": line.weight_g if line.weight_g is not None else products[line.sku].weight_g,
             "bin": line.bin or products[line.sku].bin}
            for order_id, lines in orders
            for position, line in enumerate((line for line in lines if line.sku), start=1)
        ]

    def _hold(self, imported: ImportedOrder, order_id: int, previous: Order | None) -> None:
        """Put a new or updated (pending) order on hold when a fraud rule says so."""
        reasons = self._hold_reasons(imported, previous)
        if reasons:
            self._put_on_hold(order_id, reasons)

    def _hold_reasons(self, imported: ImportedOrder, previous: Order | None) -> list:
        """Why the fraud rules hold an order (none: an empty list): messages, or texts."""
        return [reason for rule in self.hold_rules if (reason := rule(imported, previous))]

    def _put_on_hold(self, order_id: int, reasons: list) -> None:
        _put_on_hold(order_id, *_hold_columns(reasons), station=self.station)

    def _held_event(self, order_id: int, fields: dict, now: dt.datetime) -> dict:
        """The "held" log row of a staged order held by the rules (as _put_on_hold's)."""
        messages = fields.get("hold_messages")
        return {"at": now, "kind": "held", "order": order_id, "station": self.station,
                "packer": "", "reason": fields["hold_reason"],
                "data": {"hold_messages": messages} if messages else None}


def _new_product(sku: str, entry: dict, now: dt.datetime) -> dict:
    """The row of a product a file names for the first time (``entry``: its _wanted)."""
    return {"sku": sku, "name": entry.get("name") or sku, "weight_g": entry.get("weight_g"),
            "bin": entry.get("bin", ""), "stock": None, "updated_at": now,
            "hs_code": entry.get("hs_code", ""), "origin_country": entry.get("origin_country", "")}


def _put_on_hold(order_id: int, reason: str, messages: list | None, *, station: str) -> None:
    Order.update(status=OrderStatus.ON_HOLD, hold_reason=reason, hold_messages=messages) \
        .where((Order.id == order_id) & (Order.status == OrderStatus.PENDING)).execute()
    log_event("held", order=order_id, station=station, reason=reason,
              data={"hold_messages": messages} if messages else None)


def _apply_change(change: dict, station: str, now: dt.datetime,
                  report: ImportReport | None) -> None:
    """Apply one change an import decided: to an order the shop already had (its update
    or its cancellation), or to a product (its fields and stock, a new code, a code's
    units).

    An order's is guarded: a table may have claimed the order since the file was compared
    with it; then the order and its lines are left as they are (the packer is counting
    them) and the report says why.
    """
    kind = change["kind"]
    if kind == "product":
        Product.update(updated_at=now, **change["fields"]) \
            .where(Product.id == change["product"]).execute()
        return
    if kind == "code":   # unless another import gave it meanwhile
        Barcode.insert(code=change["code"], product=change["product"],
                       units=change["units"]).on_conflict_ignore().execute()
        return
    if kind == "units":
        Barcode.update(units=change["units"]).where(Barcode.id == change["barcode"]).execute()
        return
    if kind == "created":   # a note for undoing, nothing to apply
        return
    order_id, ref = change["order"], change["ref"]
    if kind == "cancel":
        if Order.update(status=OrderStatus.CANCELLED, updated_at=now).where(
                (Order.id == order_id)
                & Order.status.in_([OrderStatus.PENDING, OrderStatus.ON_HOLD])).execute():
            log_event("cancelled", order=order_id, station=station,
                      reason=i18n.tr("import.cancelled_by_shop"))
            if report is not None:
                report.cancelled.append(ref)
        elif report is not None:
            report.skipped.append((ref, _not_pending(order_id)))
        return
    fields, lines = change["fields"], change["lines"]
    if not (Order.update(updated_at=now, **fields)
            .where((Order.id == order_id) & (Order.status == OrderStatus.PENDING)).execute()):
        if report is not None:
            report.skipped.append((ref, _not_pending(order_id)))
        return
    if lines is not None:
        OrderLine.delete().where(OrderLine.order == order_id).execute()
        bulk_insert(OrderLine, lines)
    log_event("updated", order=order_id, station=station,
              data={"path": change["path"], "fields": sorted(fields), "lines": lines is not None})
    if report is not None:
        report.updated.append(ref)
    if change["hold"]:
        _put_on_hold(order_id, *change["hold"], station=station)


def _not_pending(order_id: int) -> str:
    """Why a change was not applied: the order's status now (gone: cancelled)."""
    order = Order.get_or_none(Order.id == order_id)
    status = order.status if order is not None else OrderStatus.CANCELLED
    return i18n.tr("import.skip.not_pending", status=i18n.tr(f"status.{status}"))


def _pack(change: dict) -> str:
    """A change as stored in ImportChange: JSON, its dates and amounts tagged."""
    return json.dumps(change, default=_tag, ensure_ascii=False)


def _unpack(text: str) -> dict:
    return json.loads(text, object_hook=_untag)


def _tag(value):
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    raise TypeError(f"cannot keep {value!r} in an import's change")


def _untag(value: dict):
    if value.keys() == {"$datetime"}:
        return dt.datetime.fromisoformat(value["$datetime"])
    if value.keys() == {"$decimal"}:
        return Decimal(value["$decimal"])
    return value


def _hold_columns(reasons: list) -> tuple[str, list | None]:
    """The stored form of a hold rule's reasons: ``hold_reason`` and ``hold_messages``.

    The text in the import's language stays for whoever reads the column; the messages
    let each reader see the reasons in their own (see services.holds).
    """
    reason = "; ".join(str(reason) for reason in reasons)
    messages = ([reason.to_json() for reason in reasons]
                if reasons and all(isinstance(reason, i18n.Message) for reason in reasons)
                else None)
    return reason, messages


_BATCH = 400  # orders per batch: one look-up of their ids each
_ATTEMPTS = 3  # of one import that collided with another one
_CHUNK = 2_000  # orders of a file compared with the database at a time
_STAGE_ABOVE = 500  # orders or products: a bigger file is staged, no table waits for it long
_IMPORTING = "importing"  # a staged order: not yet in any table's queue
_STAGE_CHUNK = 500  # staged orders written per transaction (a few tens of milliseconds)
_RELEASE_CHUNK = 2_000  # published orders turned pending per transaction (~20 ms)
_LET_IN = 0.005  # seconds between two short transactions of a big import
_PRODUCT_CHUNK = 500  # products (or their codes, or stock) written per transaction
_CHANGE_CHUNK = 100  # changes to known orders applied per transaction (~60 ms)
_STALE_STAGING = dt.timedelta(hours=1)  # a live import has decided within the hour


def settle_imports(now: dt.datetime | None = None) -> int:
    """Finish what big imports left behind; the number of orders it released.

    An import killed after its decision had its orders in but not all of them released
    yet: they are released now. One killed before it (its staged orders older than an
    hour, or staged by a Packstation from before import batches) is undone: its staged
    orders are deleted with their lines and events. Called by every import and whenever
    a program opens the shop; a shop with no big import under way costs one query.
    """
    now = now or utcnow()
    released = 0
    for batch in list(ImportBatch.select()):
        if batch.published_at is not None:
            released += _release(batch.token, now, batch.station)
        elif batch.started_at < now - _STALE_STAGING:
            _unstage(batch.token, [])
    live = {batch.token for batch in ImportBatch.select(ImportBatch.token)}
    stale = (Order.select(Order.import_batch).distinct()
             .where((Order.status == _IMPORTING) & (Order.imported_at < now - _STALE_STAGING)))
    for (token,) in list(stale.tuples()):
        if token not in live:
            _unstage(token, [])
    return released


def _release(token: str, now: dt.datetime, station: str = "",
             report: ImportReport | None = None) -> int:
    """Carry out a published import: its changes to known orders, then its staged orders
    made pending (or on hold, as the rules said when they were staged), a chunk at a
    time; then its batch row goes. ``report`` (the import's own, when it is the import
    carrying itself out) gets the updated, cancelled and skipped orders.

    Each chunk is a short transaction of its own, so that no table waits behind the whole
    file; a chunk interrupted is done again by the next :func:`settle_imports`.
    """
    def apply_changes() -> ImportReport | None:
        # Read inside the transaction (and locked on PostgreSQL): a program settling the
        # same import at the same time never applies a change twice.
        done = ImportReport(path="")
        query = (ImportChange.select().where(ImportChange.batch == token)
                 .order_by(ImportChange.id).limit(_CHANGE_CHUNK))
        if database.obj.for_update:   # SQLite's BEGIN IMMEDIATE serialises writers anyway
            query = query.for_update()
        chunk = list(query)
        for row in chunk:
            _apply_change(_unpack(row.change), station, now, done)
        ImportChange.delete().where(ImportChange.id.in_([row.id for row in chunk])).execute()
        return done if chunk else None

    while (done := _short_transaction(apply_changes)) is not None:
        if report is not None:   # what a transaction rolled back never reaches it
            report.updated += done.updated
            report.cancelled += done.cancelled
            report.skipped += done.skipped
    ids = [order_id for (order_id,) in Order.select(Order.id)
           .where(Order.import_batch == token).order_by(Order.id).tuples()]
    status = peewee.Case(None, [(Order.hold_reason != "", OrderStatus.ON_HOLD)],
                         OrderStatus.PENDING)
    for start in range(0, len(ids), _RELEASE_CHUNK):
        part = ids[start:start + _RELEASE_CHUNK]
        _short_transaction(
            Order.update(status=status, import_batch=None, updated_at=now)
            .where(Order.id.between(part[0], part[-1]) & (Order.import_batch == token))
            .execute)
    ImportBatch.delete().where(ImportBatch.token == token).execute()
    return len(ids)


def _short_transaction(write: Callable[[], object]):
    """One of the short transactions of a big import (what ``write`` returns), tried
    again when a table held the database past its timeout.

    A pause follows it: back to back, the next one would start within microseconds of
    this one's commit, and a table's scan (which tries every millisecond, see
    ``db.database``) could wait through many of them.
    """
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            with atomic():
                done = write()
        except _COLLISIONS:
            if attempt == _ATTEMPTS:
                raise
            time.sleep(0.2 * attempt)
            continue
        time.sleep(_LET_IN)   # room for a table waiting to write, before the next one
        return done
    raise AssertionError("unreachable")


def _unstage(token: str, created_products: list[str]) -> None:
    """Undo what a failed staged import wrote: its staged orders (their lines and events go
    with them), its changes, then the products it created that no order line names."""
    created_products = list(dict.fromkeys([*created_products, *(
        _unpack(change)["sku"] for (change,) in ImportChange.select(ImportChange.change)
        .where((ImportChange.batch == token) & (ImportChange.kind == "created")).tuples())]))
    with atomic():
        staged = Order.select(Order.id).where(Order.import_batch == token)
        Event.delete().where(Event.order.in_(staged)).execute()
        OrderLine.delete().where(OrderLine.order.in_(staged)).execute()
        Order.delete().where(Order.import_batch == token).execute()
        ImportChange.delete().where(ImportChange.batch == token).execute()
        ImportBatch.delete().where(ImportBatch.token == token).execute()
        for start in range(0, len(created_products), 500):
            part = created_products[start:start + 500]
            unused = Product.select(Product.id).where(
                Product.sku.in_(part) & ~fn.EXISTS(
                    OrderLine.select().where(OrderLine.product == Product.id)))
            Barcode.delete().where(Barcode.product.in_(unused)).execute()
            Product.delete().where(Product.sku.in_(part) & ~fn.EXISTS(
                OrderLine.select().where(OrderLine.product == Product.id))).execute()


def _collisions() -> tuple[type[BaseException], ...]:
    """What two writers colliding raise: peewee's errors, and the drivers' own from the
    bulk inserts that go straight to the cursor (a unique key another import just took,
    a deadlock, a database locked past its timeout)."""
    import sqlite3

    kinds: list[type[BaseException]] = [peewee.IntegrityError, peewee.OperationalError,
                                        sqlite3.IntegrityError, sqlite3.OperationalError]
    try:
        import psycopg2
    except ImportError:  # pragma: no cover - PostgreSQL support is installed with us
        return tuple(kinds)
    return (*kinds, psycopg2.IntegrityError, psycopg2.OperationalError)


_COLLISIONS = _collisions()
_SKU_LENGTH = Product.sku.max_length


def _name_key(name: str) -> str:
    """A product name compared loosely: Shopify's line item writes "Title - Variant",
    the products export is read as "Title – Variant"."""
    return " ".join(name.replace("–", "-").replace("—", "-").split()).casefold()


def _name_forms(name: str) -> list[str]:
    """The stored names a line item's name may match exactly (for an indexed look-up)."""
    plain = " ".join(name.split())
    return list(dict.fromkeys([name, plain, plain.replace(" - ", " – ")]))


# What the database can hold, checked before the write so that SQLite (which would take
# anything) and PostgreSQL (which refuses a text longer than its column) accept the same
# files, and a number too large is a row error rather than a failed transaction.
_MAX_INT = 2**31 - 1
_MAX_AMOUNT = Decimal(10) ** 12      # DecimalField(max_digits=14, decimal_places=2)
_ORDER_TEXTS = {  # ImportedOrder attribute -> the column that stores it
    "ref": Order.ref, "external_id": Order.external_id, "carrier": Order.shipping_method,
    "service": Order.service, "risk": Order.risk, "currency": Order.currency,
    "customer_name": Order.customer_name, "tracking": Order.tracking,
    "payment": Order.payment, "pickup_point": Order.pickup_point,
}
_ADDRESS_TEXTS = {
    "company": Order.company, "address1": Order.address1, "address2": Order.address2,
    "postcode": Order.postcode, "city": Order.city, "region": Order.region,
    "phone": Order.phone, "email": Order.email,
}
_LINE_TEXTS = {"sku": OrderLine.sku, "name": OrderLine.name, "bin": OrderLine.bin}
_PRODUCT_TEXTS = {"sku": Product.sku, "name": Product.name, "bin": Product.bin}


def check_limits(parsed: ParsedFile) -> list[RowError]:
    """Every value the database could not store as given, as row errors; and two orders
    of the file, or an order and another order in the database, with one tracking number."""
    errors: list[RowError] = []

    def text(line: int, value: str, column) -> None:
        if value and len(value) > column.max_length:
            errors.append(RowError(parsed.path, line, "import.too_long", {
                "field": column.name, "length": len(value), "max": column.max_length}))

    def number(line: int, value, name: str, limit) -> None:
        if value is not None and abs(value) >= limit:
            errors.append(RowError(parsed.path, line, "import.too_large",
                                   {"field": name, "value": value}))

    tracking_lines: dict[str, tuple[str, int]] = {}
    for order in parsed.orders:
        for name, column in _ORDER_TEXTS.items():
            text(order.line, getattr(order, name) or "", column)
        for name, column in _ADDRESS_TEXTS.items():
            text(order.line, getattr(order.address, name) or "", column)
        number(order.line, order.total, "total", _MAX_AMOUNT)
        for line in order.lines:
            for name, column in _LINE_TEXTS.items():
                text(line.line, getattr(line, name) or "", column)
            number(line.line, line.quantity, "quantity", _MAX_INT)
            number(line.line, line.weight_g, "weight_g", _MAX_INT)
            number(line.line, line.unit_price, "unit_price", _MAX_AMOUNT)
            for code in line.codes:
                text(line.line, code.code, Barcode.code)
                number(line.line, code.units, "units", _MAX_INT)
        if order.tracking and not order.skip_reason:
            first = tracking_lines.setdefault(order.tracking, (order.ref, order.line))
            if first[0] != order.ref:
                errors.append(RowError(parsed.path, order.line, "import.tracking_twice", {
                    "tracking": order.tracking, "ref": first[0], "first_line": first[1]}))
    for product in parsed.products:
        for name, column in _PRODUCT_TEXTS.items():
            text(product.line, getattr(product, name) or "", column)
        number(product.line, product.weight_g, "weight_g", _MAX_INT)
        number(product.line, product.stock, "stock", _MAX_INT)
        for code in product.codes:
            text(product.line, code.code, Barcode.code)
    if tracking_lines and not errors:
        owners = {order.tracking: order.ref for order in select_in(
            Order.select(Order.ref, Order.tracking), Order.tracking, list(tracking_lines))}
        owners.update((shipment.tracking, shipment.order.ref) for shipment in select_in(
            Shipment.select(Shipment, Order).join(Order), Shipment.tracking, list(tracking_lines)))
        for tracking, (ref, line) in tracking_lines.items():
            owner = owners.get(tracking)
            if owner is not None and owner != ref:
                errors.append(RowError(parsed.path, line, "import.tracking_taken",
                                       {"tracking": tracking, "ref": owner}))
    errors.sort(key=lambda error: error.line)
    return errors


def _line_key(row: dict) -> tuple:
    """What makes two versions of an order line the same (a stored row or one to store)."""
    price = row["unit_price"]
    return (row["sku"], row["name"], row["quantity"],
            price.normalize() if price is not None else None, row["weight_g"], row["bin"])


def _comparable(value):
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).replace(microsecond=0)
    return value


i18n.register({
    "import.summary": ("{path} : {new} nouvelle(s), {updated} mise(s) à jour, {unchanged} inchangée(s), "
                       "{skipped} ignorée(s), {products} produit(s).",
                       "{path}: {new} new, {updated} updated, {unchanged} unchanged, {skipped} skipped, "
                       "{products} product(s)."),
    "import.summary_dry": ("{path} (essai, rien n'est enregistré) : {new} nouvelle(s), {updated} mise(s) à jour, "
                           "{unchanged} inchangée(s), {skipped} ignorée(s), {products} produit(s).",
                           "{path} (dry run, nothing saved): {new} new, {updated} updated, "
                           "{unchanged} unchanged, {skipped} skipped, {products} product(s)."),
    "import.rejected": ("{path} refusé : {count} ligne(s) en erreur, rien n'a été importé. "
                        "Corrigez-les et importez à nouveau le fichier.",
                        "{path} rejected: {count} row(s) in error, nothing was imported. "
                        "Fix them and import the file again."),
    "import.not_recognised": (
        "{path} : format non reconnu, rien n'a été importé. Ouvrez-le par le menu Importer "
        "de la fenêtre pour associer ses colonnes (le profil est enregistré dans {folder}), "
        "ou déposez un profil de colonnes dans ce dossier.",
        "{path}: format not recognised, nothing was imported. Open it from the window's "
        "Import menu to map its columns (the profile is saved in {folder}), or put a "
        "column-mapping profile in that folder."),
    "import.collided": (
        "{path} : la base était occupée par une autre importation ou un poste ({detail}) ; "
        "rien n'a été importé. Importez de nouveau le fichier.",
        "{path}: the database was busy with another import or a table ({detail}); nothing "
        "was imported. Import the file again."),
    "import.file_refused": ("{path} refusé, rien n'a été importé : {reason}",
                            "{path} refused, nothing was imported: {reason}"),
    "import.too_long": ("{field} trop long : {length} caractères pour {max} au plus",
                        "{field} too long: {length} characters for at most {max}"),
    "import.too_large": ("{field} trop grand : {value}", "{field} too large: {value}"),
    "import.tracking_twice": (
        "le numéro de suivi {tracking} est déjà celui de la commande {ref} (ligne {first_line})",
        "tracking number {tracking} already belongs to order {ref} (line {first_line})"),
    "import.tracking_taken": (
        "le numéro de suivi {tracking} est déjà celui de la commande {ref}",
        "tracking number {tracking} already belongs to order {ref}"),
    "import.code_taken": ("le code {code} appartient déjà au produit {sku}",
                          "code {code} already belongs to product {sku}"),
    "import.cancelled_by_shop": ("annulée dans la boutique", "cancelled in the shop"),
    "import.skip.fulfilled": ("déjà expédiée par la boutique", "already fulfilled by the shop"),
    "import.skip.cancelled": ("annulée dans la boutique", "cancelled in the shop"),
    "import.skip.split": ("déjà partagée avec un reliquat : non modifiée",
                          "already split with a backorder: not changed"),
    "import.skip.no_shipping": ("aucun article à expédier", "nothing to ship"),
    "import.skip.not_pending": ("déjà {status} : non modifiée", "already {status}: not changed"),
})
