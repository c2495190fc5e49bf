"""Real exports into the database: lines without SKU, payment, store pickup, limits that
both engines share, guarded re-imports and the holds a new shop can live with."""

from __future__ import annotations

import json

import pytest

from packstation.db.models import (
    Barcode, Event, Order, OrderLine, OrderStatus, PrintJob, Product, Shipment,
)
from packstation.services.context import StationConfig
from packstation.services.holds import hold_rules
from packstation.services.importing import Importer
from packstation.services.orders import order_detail
from packstation.services.settings import HoldSettings
from packstation.services.station import build_station
from tests.helpers import GENERIC_COLUMNS, TEA, ean, row, write_csv
from tests.io.test_io_platforms import SHOPIFY_HEADER, SHOPIFY_PRODUCTS_HEADER, shopify_order

OPTIONAL = ["tracking", "payment", "pickup_point", "hs_code", "origin_country", "total"]


def write_rows(tmp_path, name, header, rows):
    import csv

    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def import_file(path, **kwargs):
    return Importer(station="Bureau").import_file(path, **kwargs)


def test_shopify_lines_without_sku_match_the_products_export_by_title_and_variant(db, tmp_path):
    products = write_rows(tmp_path, "products_export_1.csv", SHOPIFY_PRODUCTS_HEADER, [
        {"Handle": "miel", "Title": "Miel de lavande", "Option1 Name": "Poids",
         "Option1 Value": "250 g", "Variant SKU": "", "Variant Barcode": "3760123456784",
         "Variant Grams": "280"}])
    assert import_file(products).ok
    orders = write_rows(tmp_path, "orders_export_1.csv", SHOPIFY_HEADER, shopify_order(
        "#5001", {"Lineitem sku": ""},                                  # matched by name
        {"Lineitem sku": "", "Lineitem name": "Bougie parfumée"},       # no product yet
        {"Lineitem sku": "", "Lineitem name": "Carte cadeau 20 €",
         "Lineitem requires shipping": "false"}))                       # never packed
    report = import_file(orders)
    assert report.ok, [str(error) for error in report.errors]
    lines = list(OrderLine.select().join(Order).where(Order.ref == "#5001")
                 .order_by(OrderLine.position))
    assert [(line.sku, line.name) for line in lines] == [
        ("3760123456784", "Miel de lavande - 250 g"), ("Bougie parfumée", "Bougie parfumée")]
    assert lines[0].weight_g == 280                       # the product's weight
    assert not Product.select().where(Product.sku == "").exists()
    # The same file again changes nothing and names the same products.
    assert import_file(orders).unchanged == ["#5001"]


def test_payment_delivery_and_relay_point_in_order_json(db, tmp_path):
    path = write_rows(tmp_path, "orders_export_1.csv", SHOPIFY_HEADER, [
        *shopify_order("#6001", **{"Financial Status": "pending"}),
        *shopify_order("#6002", **{"Shipping Method": "Retrait en magasin"}),
        *shopify_order("#6003", **{"Shipping Method": "Mondial Relay",
                                   "Note Attributes": "Point relais: 066974"}),
        *shopify_order("#6004", **{"Financial Status": "refunded"}),
    ])
    report = import_file(path)
    assert report.ok
    assert sorted(report.new) == ["#6001", "#6002", "#6003"]
    assert [ref for ref, _ in report.skipped] == ["#6004"]
    details = {ref: order_detail(Order.get(Order.ref == ref)) for ref in report.new}
    assert (details["#6001"]["payment"], details["#6001"]["status"]) == (
        "awaiting_payment", "pending")                    # marked, not held by default
    assert details["#6002"]["delivery"] == "store_pickup"
    assert (details["#6003"]["pickup_point"], details["#6003"]["delivery"]) == (
        "066974", "shipping")
    json.dumps(details)


def test_a_store_pickup_is_packed_and_verified_but_gets_no_label_nor_tracking(db, tmp_path):
    path = write_csv(tmp_path / "orders.csv", [
        row("RET-1", "TEA", 1, ean=TEA, carrier="Retrait en magasin")])
    assert Importer().import_file(path).ok
    station = build_station(StationConfig(station="Table 1", output_dir=str(tmp_path / "out")),
                            packer="Alice")
    station.handle("RET-1")
    done = station.handle(TEA)
    assert done.outcome.code == "order_complete"
    assert "counter" in done.message or "comptoir" in done.message
    order = Order.get(Order.ref == "RET-1")
    assert (order.status, order.tracking) == (OrderStatus.PACKED, None)
    assert Shipment.get(Shipment.order == order).tracking is None
    assert [job.kind for job in PrintJob.select().where(PrintJob.order == order)] == ["slip"]
    assert order_detail(order)["shipment"]["tracking"] is None
    # Not "shipped" back to the shop: the shop fulfils it when the customer has it.
    from packstation.services.tracking import tracking_rows

    assert tracking_rows(format="shopify") == []


def test_generic_optional_columns_pickup_point_and_customs(db, tmp_path):
    path = write_csv(tmp_path / "orders.csv", [
        row("G-1", "TEA", 1, ean=TEA, pickup_point="FR-066974", hs_code="0902.10",
            origin_country="Chine", payment="cod")], columns=GENERIC_COLUMNS + OPTIONAL)
    assert Importer().import_file(path).ok
    order = Order.get(Order.ref == "G-1")
    assert (order.pickup_point, order.payment) == ("FR-066974", "cod")
    product = Product.get(Product.sku == "TEA")
    assert (product.hs_code, product.origin_country) == ("090210", "CN")


@pytest.mark.parametrize(("values", "key"), [
    ({"customer_name": "x" * 301}, "import.too_long"),
    ({"city": "y" * 201}, "import.too_long"),
    ({"sku": "S" * 101}, "import.too_long"),
    ({"quantity": "99999999999"}, "import.too_large"),
    ({"unit_price": "1000000000000"}, "import.too_large"),
    ({"weight_g": "3000000000"}, "import.too_large"),
    ({"order_date": "01/01/0001"}, "csv.date_out_of_range"),
])
def test_what_a_column_cannot_hold_is_a_row_error_on_both_engines(db, tmp_path, values, key):
    big = {**row("BIG-1", "BIG", 1), **values}
    path = write_csv(tmp_path / "orders.csv", [row("OK-1", "TEA", 1, ean=TEA), big])
    report = Importer().import_file(path)
    assert [(error.line, error.key) for error in report.errors] == [(3, key)]
    assert Order.select().count() == 0          # all or nothing


def test_nul_characters_are_refused(db, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"order_ref,sku\nA-1,S\x00KU\n")
    report = Importer().import_file(path)
    assert [error.key for error in report.errors] in (["csv.bad_encoding"], ["csv.nul_character"])
    assert Order.select().count() == 0


def test_two_orders_with_one_tracking_number(db, tmp_path):
    columns = GENERIC_COLUMNS + ["tracking"]
    path = write_csv(tmp_path / "orders.csv", [
        row("T-1", "TEA", 1, ean=TEA, tracking="6A12345678901"),
        row("T-2", "TEA", 1, ean=TEA, tracking="6A12345678901")], columns=columns)
    report = Importer().import_file(path)
    assert [(error.line, error.key) for error in report.errors] == [(3, "import.tracking_twice")]
    first = write_csv(tmp_path / "first.csv", [row("T-1", "TEA", 1, ean=TEA,
                                                   tracking="6A12345678901")], columns=columns)
    assert Importer().import_file(first).ok
    later = write_csv(tmp_path / "later.csv", [row("T-3", "TEA", 1, ean=TEA,
                                                   tracking="6A12345678901")], columns=columns)
    report = Importer().import_file(later)
    assert [(error.line, error.key) for error in report.errors] == [(2, "import.tracking_taken")]
    assert not Order.select().where(Order.ref == "T-3").exists()


def test_an_unknown_file_is_not_recognised_rather_than_rejected_row_by_row(db, tmp_path,
                                                                          french):
    path = tmp_path / "bank.csv"
    path.write_text("Date,Montant\n25/11/2026,12\n", encoding="utf-8")
    report = Importer().import_file(path, profiles_folder=tmp_path / "profiles")
    summary = report.summary()
    assert "non reconnu" in summary and str(tmp_path / "profiles") in summary
    assert "menu Importer" in summary and "Corrigez" not in summary


# -- holds ---------------------------------------------------------------------------

def held(tmp_path, settings: HoldSettings | None, *rows) -> dict[str, str]:
    path = write_csv(tmp_path / "orders.csv", list(rows),
                     columns=GENERIC_COLUMNS + ["billing_country", "total", "payment"])
    report = Importer(hold_rules=hold_rules(settings)).import_file(path)
    assert report.ok, report.errors
    return {order.ref: order.status for order in Order.select()}


def test_out_of_the_box_only_high_risk_and_deny_lists_hold(db, tmp_path):
    statuses = held(tmp_path, HoldSettings(), row("R-1", "TEA", 1, risk="high"),
                    row("BIG", "TEA", 1, total="1500", currency="BDT"),
                    row("BIG-EUR", "TEA", 1, total="5000"),
                    row("ABROAD", "TEA", 1, billing_country="DE"),
                    row("EXPRESS", "TEA", 1, service="express", email="new@example.com"),
                    row("UNPAID", "TEA", 1, payment="pending"))
    assert statuses == {"R-1": "on_hold", "BIG": "pending", "BIG-EUR": "pending",
                        "ABROAD": "pending", "EXPRESS": "pending", "UNPAID": "pending"}


def test_the_amount_rule_compares_orders_in_its_currency_only(db, tmp_path):
    settings = HoldSettings(hold_total_above="500", hold_total_currency="EUR")
    statuses = held(tmp_path, settings, row("BDT", "TEA", 1, total="1500", currency="BDT"),
                    row("EUR", "TEA", 1, total="612.50", currency="EUR"))
    assert statuses == {"BDT": "pending", "EUR": "on_hold"}


def test_awaiting_payment_is_held_when_the_shop_says_so_but_never_cash_on_delivery(db, tmp_path):
    settings = HoldSettings(hold_awaiting_payment=True)
    statuses = held(tmp_path, settings, row("P-1", "TEA", 1, payment="pending"),
                    row("P-2", "TEA", 1, payment="cash on delivery"),
                    row("P-3", "TEA", 1, payment="paid"))
    assert statuses == {"P-1": "on_hold", "P-2": "pending", "P-3": "pending"}
    reason = Event.get((Event.kind == "held")).reason
    assert "paiement" in reason or "payment" in reason


def test_a_reimport_never_touches_an_order_claimed_since_it_was_read(db, tmp_path):
    """The import reads the known orders, then a station claims one, then the import
    writes: the guarded update matches nothing and the lines are left alone."""
    from packstation.services.packing import PackingStation

    path = write_csv(tmp_path / "orders.csv", [row("C-1", "TEA", 1, ean=TEA)])
    assert Importer().import_file(path).ok
    changed = write_csv(tmp_path / "v2.csv", [row("C-1", "TEA", 3, ean=TEA, city="Kraków")])

    importer = Importer()
    original = importer._orders

    def claim_then_write(parsed, products, report):
        PackingStation("Table 2").handle("C-1")     # a station claims between read and write
        return original(parsed, products, report)

    importer._orders = claim_then_write
    report = importer.import_file(changed)
    assert report.ok and report.updated == []
    assert [ref for ref, _ in report.skipped] == ["C-1"]
    order = Order.get(Order.ref == "C-1")
    assert (order.status, order.city, order.lines[0].quantity) == (OrderStatus.PACKING, "Łódź", 1)
    assert Barcode.select().count() == 1


def test_a_line_without_barcode_gets_the_code_the_packer_scans_with_a_managers_name(db, tmp_path):
    """Shopify without SKUs nor barcodes: the item still has a code printed on it."""
    from packstation.services.packing import PackingStation

    path = write_rows(tmp_path, "orders_export_1.csv", SHOPIFY_HEADER, shopify_order(
        "#7001", {"Lineitem sku": "", "Lineitem name": "Bougie parfumée",
                  "Lineitem quantity": "2"}))
    assert import_file(path).ok
    station = PackingStation("Table 1", "Alice")
    station.handle("#7001")
    printed = ean("376999000001")
    assert station.handle(printed).outcome.code == "unknown_code"
    assert station.handle(":link").outcome.code == "failed"          # a manager's name
    linked = station.handle(":link Chloé")
    assert (linked.outcome.code, linked.line.verified) == ("verified", 1)
    product = Product.get(Product.sku == "Bougie parfumée")
    assert [barcode.code for barcode in product.barcodes] == [printed]
    event = Event.get(Event.kind == "barcode_linked")
    assert (event.station, event.packer, event.data["by"], event.data["code"]) == (
        "Table 1", "Alice", "Chloé", printed)
    assert station.handle(printed).outcome.code == "order_complete"   # now a real scan
    assert station.handle(":link Chloé").outcome.code == "nothing_to_confirm"


@pytest.fixture
def staged(monkeypatch):
    """Files of more than two orders are imported the way a big file is (staged, its
    orders kept compact in blocks of two)."""
    from packstation.io import generic
    from packstation.io.model import OrderList
    from packstation.services import importing

    monkeypatch.setattr(importing, "_STAGE_ABOVE", 2)
    monkeypatch.setattr(generic, "_COMPACT_ABOVE", 1)
    monkeypatch.setattr(OrderList, "BLOCK", 2)


def test_a_staged_import_gives_what_one_transaction_gives(db, tmp_path, staged):
    from tests.helpers import shop_rows

    rows = shop_rows()
    report = Importer(hold_rules=hold_rules(HoldSettings(deny_emails=["ivan@example.com"]))) \
        .import_file(write_csv(tmp_path / "orders.csv", rows))
    assert report.ok and sorted(report.new) == ["CMD-1", "CMD-2", "CMD-3", "CMD-4"]
    statuses = {order.ref: order.status for order in Order.select()}
    assert statuses == {"CMD-1": "pending", "CMD-2": "pending", "CMD-3": "on_hold",
                        "CMD-4": "pending"}
    assert Order.select().where(Order.import_batch.is_null(False)).count() == 0
    assert Event.select().where((Event.kind == "imported") & Event.order.is_null(False)).count() == 4
    rows[0]["city"] = "Kraków"
    again = Importer().import_file(write_csv(tmp_path / "v2.csv", rows))
    assert again.updated == ["CMD-1"] and sorted(again.unchanged) == ["CMD-2", "CMD-4"]


def test_a_staged_import_that_fails_leaves_nothing(db, tmp_path, staged):
    from tests.helpers import shop_rows

    importer = Importer()

    def fail(*args):
        raise RuntimeError("the disk is full")

    importer._orders = fail
    with pytest.raises(RuntimeError):
        importer.import_file(write_csv(tmp_path / "orders.csv", shop_rows()))
    assert (Order.select().count(), OrderLine.select().count(), Product.select().count(),
            Barcode.select().count()) == (0, 0, 0, 0)


class _Killed(BaseException):
    """The import's process dying (a kill -9, a power cut) at a chosen point."""


def test_a_staged_import_killed_after_its_decision_is_finished_by_the_next_program(
        db, db_target, tmp_path, staged, monkeypatch):
    """Decided is in: an import killed while it released its orders leaves them invisible
    (none half in a queue), and the next program to open the shop releases the rest, held
    as the rules said."""
    from packstation.db.models import ImportBatch
    from packstation.services import importing
    from packstation.services.queue import queue_ids
    from packstation.services.shop import open_shop
    from tests.helpers import shop_rows

    def killed(*args):
        raise _Killed

    monkeypatch.setattr(importing, "_release", killed)
    rules = hold_rules(HoldSettings(deny_emails=["ivan@example.com"]))
    with pytest.raises(_Killed):
        Importer(hold_rules=rules).import_file(write_csv(tmp_path / "orders.csv", shop_rows()))
    batch = ImportBatch.get()
    assert batch.published_at is not None
    assert {order.status for order in Order.select()} == {"importing"}
    assert list(queue_ids()) == []
    monkeypatch.undo()

    open_shop(db_target)   # a table starting, the next morning
    statuses = {order.ref: order.status for order in Order.select()}
    assert statuses == {"CMD-1": "pending", "CMD-2": "pending", "CMD-3": "on_hold",
                        "CMD-4": "pending"}
    assert Order.get(Order.ref == "CMD-3").hold_messages[0]["key"] == "hold.deny_email"
    assert [event.order.ref for event in Event.select().where(Event.kind == "held")] == ["CMD-3"]
    assert (ImportBatch.select().count(),
            Order.select().where(Order.import_batch.is_null(False)).count()) == (0, 0)
    assert sorted(Order.get_by_id(order_id).ref for order_id in queue_ids()) == [
        "CMD-1", "CMD-2", "CMD-3", "CMD-4"]


def test_an_import_killed_before_its_decision_is_undone_once_it_is_stale(db, tmp_path):
    """An import that never decided (its process killed while it staged) is undone by the
    next import or program an hour on; one that is still staging is left alone."""
    import datetime as dt

    from packstation.db.models import ImportBatch, utcnow
    from packstation.services.importing import settle_imports

    now = utcnow()
    for token, started in (("dead", now - dt.timedelta(hours=2)), ("live", now)):
        ImportBatch.create(token=token, path="big.csv", started_at=started)
        order = Order.create(ref=f"STAGED-{token}", customer_name="Camille", ordered_at=started,
                             imported_at=started, status="importing", import_batch=token)
        OrderLine.create(order=order, position=1, sku="TEA", name="Thé", quantity=1)
        Event.create(at=started, kind="imported", order=order)
    assert settle_imports(now) == 0
    assert [order.ref for order in Order.select()] == ["STAGED-live"]
    assert [batch.token for batch in ImportBatch.select()] == ["live"]
    assert (OrderLine.select().count(),
            Event.select().where(Event.order.is_null(False)).count()) == (1, 1)


def test_changes_a_killed_import_decided_are_applied_by_the_next_program_unless_packing_began(
        db, db_target, tmp_path, staged, monkeypatch):
    """A big re-import's changes to orders the shop already had are written down before
    its decision and applied after it: killed in between, they wait (the tables see the
    orders as they were), and the next program applies them, except to an order a table
    has begun packing meanwhile."""
    from packstation.db.models import ImportBatch, ImportChange
    from packstation.services import importing
    from packstation.services.packing import PackingStation
    from packstation.services.shop import open_shop
    from tests.helpers import shop_rows

    rows = shop_rows()
    assert Importer().import_file(write_csv(tmp_path / "orders.csv", rows)).ok
    rows[0]["city"] = "Kraków"                                     # CMD-1
    rows[2]["quantity"] = "9"                                      # CMD-2
    rows.append(row("CMD-5", "TEA", 1, ean=TEA))
    monkeypatch.setattr(importing, "_release", lambda *args: (_ for _ in ()).throw(_Killed))
    with pytest.raises(_Killed):
        Importer().import_file(write_csv(tmp_path / "v2.csv", rows))
    monkeypatch.undo()
    assert ImportChange.select().count() == 2
    assert (Order.get(Order.ref == "CMD-1").city, Order.get(Order.ref == "CMD-5").status) == (
        "Łódź", "importing")
    assert PackingStation("Table 1", "Alice").handle("CMD-2").outcome.code == "order_opened"

    open_shop(db_target)
    assert Order.get(Order.ref == "CMD-1").city == "Kraków"
    assert [line.quantity for line in Order.get(Order.ref == "CMD-2").lines] == [7]
    assert Order.get(Order.ref == "CMD-5").status == "pending"
    assert [event.order.ref for event in Event.select().where(Event.kind == "updated")] == [
        "CMD-1"]
    assert (ImportChange.select().count(), ImportBatch.select().count()) == (0, 0)


def test_two_programs_carrying_out_one_import_apply_each_change_once(
        db, db_target, tmp_path, staged, monkeypatch):
    """Two tables opening the shop at once after an import was killed both carry it out:
    each change is applied once (one "updated" row per order), whichever does it."""
    import threading

    from packstation.db import close
    from packstation.db.models import ImportChange
    from packstation.services import importing

    rows = [row(f"CMD-{number}", "TEA", 1, ean=TEA) for number in range(60)]
    assert Importer().import_file(write_csv(tmp_path / "orders.csv", rows)).ok
    for values in rows:
        values["city"] = "Kraków"
    monkeypatch.setattr(importing, "_release", lambda *args: (_ for _ in ()).throw(_Killed))
    with pytest.raises(_Killed):
        Importer().import_file(write_csv(tmp_path / "v2.csv", rows))
    monkeypatch.undo()
    monkeypatch.setattr(importing, "_CHANGE_CHUNK", 5)
    assert ImportChange.select().count() == 60
    errors = []

    def settle():
        try:
            importing.settle_imports()
        except Exception as error:   # the assertion below names it
            errors.append(error)
        finally:
            close()

    threads = [threading.Thread(target=settle) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    updated = [event.order_id for event in Event.select().where(Event.kind == "updated")]
    assert len(updated) == len(set(updated)) == 60
    assert {order.city for order in Order.select()} == {"Kraków"}


def test_a_big_products_export_with_a_taken_code_writes_nothing(db, tmp_path, staged,
                                                                monkeypatch):
    """A big products file is written a few products per transaction, but checked whole
    first: a barcode that another product already has, even on the file's last row,
    leaves every product as it was."""
    from packstation.services import importing

    monkeypatch.setattr(importing, "_PRODUCT_CHUNK", 1)
    assert import_file(write_rows(tmp_path, "first.csv", SHOPIFY_PRODUCTS_HEADER, [
        {"Handle": "the", "Title": "Thé vert", "Variant SKU": "THE-1", "Variant Grams": "100",
         "Variant Barcode": TEA, "Variant Inventory Qty": "4"}])).ok
    variants = [{"Handle": f"miel-{number}", "Title": f"Miel {number}",
                 "Variant SKU": f"MIEL-{number}", "Variant Grams": "280",
                 "Variant Barcode": ean(f"37699900001{number}"), "Variant Inventory Qty": "12"}
                for number in range(4)]
    variants.append({"Handle": "the", "Title": "Thé vert bio", "Variant SKU": "THE-2",
                     "Variant Grams": "100", "Variant Barcode": TEA})
    report = import_file(write_rows(tmp_path, "products_export_1.csv", SHOPIFY_PRODUCTS_HEADER,
                                    variants))
    assert [(error.line, error.key) for error in report.errors] == [(6, "import.code_taken")]
    assert [(product.sku, product.stock) for product in Product.select()] == [("THE-1", 4)]
    assert [barcode.code for barcode in Barcode.select()] == [TEA]

    report = import_file(write_rows(tmp_path, "products_export_2.csv", SHOPIFY_PRODUCTS_HEADER,
                                    variants[:4]))
    assert report.ok and sorted(report.products_new) == [f"MIEL-{n}" for n in range(4)]
    assert Product.get(Product.sku == "MIEL-3").stock == 12
    assert Barcode.select().count() == 5


def test_a_dry_run_only_reads_and_says_what_the_import_then_does(sqlite_db, sqlite_path,
                                                                 tmp_path):
    """The import dialog's preview is a dry run: it takes no lock (a table in the middle
    of a write does not stop it, and it never stops a table, however big the file), and
    what it says is what the import then does."""
    import sqlite3

    from tests.helpers import shop_rows

    assert Importer().import_file(write_csv(tmp_path / "orders.csv", shop_rows())).ok
    rows = shop_rows()
    rows[0]["city"] = "Kraków"
    rows.append(row("CMD-5", "NEW", 1, ean=ean("376999000099")))
    path = write_csv(tmp_path / "v2.csv", rows)
    holder = sqlite3.connect(sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")   # a table writing
    try:
        preview = Importer().import_file(path, dry_run=True)
    finally:
        holder.rollback()
        holder.close()
    assert preview.ok and preview.dry_run
    assert Order.select().count() == 4 and not Product.select().where(Product.sku == "NEW")
    done = Importer().import_file(path)
    assert [(report.new, report.updated, sorted(report.unchanged), report.products_new)
            for report in (preview, done)] == [
        (["CMD-5"], ["CMD-1"], ["CMD-2", "CMD-3", "CMD-4"], ["NEW"])] * 2


def _catalogue_v2(tmp_path):
    """A products export that changes THE-1 (weight, stock, a second barcode) and adds
    three honeys: staged (more than two products)."""
    first = import_file(write_rows(tmp_path, "products_export_1.csv", SHOPIFY_PRODUCTS_HEADER, [
        {"Handle": "the", "Title": "Thé vert", "Variant SKU": "THE-1", "Variant Grams": "100",
         "Variant Barcode": TEA, "Variant Inventory Qty": "4"}]))
    assert first.ok
    return write_rows(tmp_path, "products_export_2.csv", SHOPIFY_PRODUCTS_HEADER, [
        {"Handle": "the", "Title": "Thé vert", "Variant SKU": "THE-1", "Variant Grams": "120",
         "Variant Barcode": ean("376999000123"), "Variant Inventory Qty": "9"},
        *({"Handle": f"miel-{number}", "Title": f"Miel {number}", "Variant SKU": f"MIEL-{number}",
           "Variant Grams": "280", "Variant Barcode": ean(f"37699900002{number}")}
          for number in range(3))])


def _the_1():
    product = Product.get(Product.sku == "THE-1")
    return product.weight_g, product.stock, sorted(code.code for code in product.barcodes)


def test_a_big_products_export_killed_before_its_decision_leaves_the_catalogue_as_it_was(
        db, tmp_path, staged, monkeypatch):
    """Killed while it wrote (no undoing ran): the products it created are deleted an hour
    on, and the ones it would have changed never were."""
    import datetime as dt

    from packstation.db.models import ImportBatch, ImportChange, utcnow
    from packstation.services import importing

    path = _catalogue_v2(tmp_path)
    monkeypatch.setattr(importing, "_unstage", lambda *args: None)   # the process is gone
    monkeypatch.setattr(Importer, "_orders", lambda *args: (_ for _ in ()).throw(_Killed))
    with pytest.raises(_Killed):
        import_file(path)
    monkeypatch.undo()
    assert sorted(product.sku for product in Product.select()) == [
        "MIEL-0", "MIEL-1", "MIEL-2", "THE-1"]
    assert _the_1() == (100, 4, [TEA])   # nothing it changes before its decision
    ImportBatch.update(started_at=utcnow() - dt.timedelta(hours=2)).execute()

    importing.settle_imports()
    assert [product.sku for product in Product.select()] == ["THE-1"]
    assert _the_1() == (100, 4, [TEA])
    assert (ImportBatch.select().count(), ImportChange.select().count(),
            Barcode.select().count()) == (0, 0, 1)


def test_a_big_products_export_killed_after_its_decision_is_applied_by_the_next_program(
        db, db_target, tmp_path, staged, monkeypatch):
    from packstation.services import importing
    from packstation.services.shop import open_shop

    path = _catalogue_v2(tmp_path)
    monkeypatch.setattr(importing, "_release", lambda *args: (_ for _ in ()).throw(_Killed))
    with pytest.raises(_Killed):
        import_file(path)
    monkeypatch.undo()
    assert _the_1() == (100, 4, [TEA])

    open_shop(db_target)
    assert _the_1() == (120, 9, sorted([TEA, ean("376999000123")]))
    assert [code.code for code in Product.get(Product.sku == "MIEL-2").barcodes] == [
        ean("376999000022")]
