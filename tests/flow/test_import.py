"""Importing the generic order CSV into the database: whole or nothing, never twice."""

from decimal import Decimal


from packstation.db.models import Barcode, Event, Order, OrderLine, OrderStatus, Product
from packstation.services.importing import Importer
from tests.helpers import BISCUITS_6, MUG, TEA, import_rows, row, shop_rows, write_csv


def test_import_creates_orders_lines_products_and_codes(db, tmp_path):
    report = import_rows(tmp_path, shop_rows())
    assert report.ok, report.errors
    assert sorted(report.new) == ["CMD-1", "CMD-2", "CMD-3", "CMD-4"]
    order = Order.get(Order.ref == "CMD-2")
    assert order.status == OrderStatus.PENDING
    assert (order.customer_name, order.city, order.country) == ("Γιώργος Παπαδόπουλος", "Αθήνα", "GR")
    assert order.carrier.code == "colissimo"  # "Colissimo Domicile" matched by the carrier rules
    line = OrderLine.get(OrderLine.order == order)
    assert (line.sku, line.quantity, line.unit_price) == ("BISC", 7, Decimal("9.90"))
    assert Barcode.get(Barcode.code == BISCUITS_6).units == 6
    assert Product.get(Product.sku == "SPOON").barcodes.count() == 0


def test_reimport_never_duplicates(db, tmp_path):
    import_rows(tmp_path, shop_rows())
    counts = (Order.select().count(), OrderLine.select().count(), Product.select().count(),
              Barcode.select().count())
    again = import_rows(tmp_path, shop_rows(), name="again.csv")
    assert again.ok
    assert again.new == [] and sorted(again.unchanged) == ["CMD-1", "CMD-2", "CMD-3", "CMD-4"]
    assert (Order.select().count(), OrderLine.select().count(), Product.select().count(),
            Barcode.select().count()) == counts


def test_known_pending_order_is_updated(db, tmp_path):
    import_rows(tmp_path, shop_rows())
    rows = shop_rows()
    rows[1]["quantity"] = "3"          # CMD-1: three mugs now
    rows[0]["city"] = "Kraków"
    report = import_rows(tmp_path, rows, name="v2.csv")
    assert report.updated == ["CMD-1"]
    order = Order.get(Order.ref == "CMD-1")
    assert order.city == "Kraków"
    assert [l.quantity for l in order.lines.order_by(OrderLine.position)] == [1, 3]
    assert Event.select().where((Event.order == order) & (Event.kind == "updated")).count() == 1


def test_order_being_packed_is_not_updated(db, tmp_path):
    from packstation.services.packing import PackingStation

    import_rows(tmp_path, shop_rows())
    PackingStation("Table 1").handle("CMD-1")
    rows = shop_rows()
    rows[1]["quantity"] = "5"
    report = import_rows(tmp_path, rows, name="v2.csv")
    assert report.ok
    assert [ref for ref, _ in report.skipped] == ["CMD-1"]
    assert "préparation" in report.skipped[0][1]
    assert Order.get(Order.ref == "CMD-1").lines.order_by(OrderLine.position)[1].quantity == 2


def test_a_bad_row_rejects_the_whole_file_with_its_line(db, tmp_path):
    rows = shop_rows()
    rows[3]["quantity"] = "deux"      # file line 5 (the header is line 1)
    report = import_rows(tmp_path, rows)
    assert not report.ok
    assert {error.line for error in report.errors} == {5}
    assert str(report.errors[0]).startswith(str(tmp_path / "orders.csv") + ":5: ")
    assert Order.select().count() == 0 and Product.select().count() == 0


def test_bad_check_digit_is_reported_not_corrected(db, tmp_path):
    rows = shop_rows()
    rows[0]["ean"] = TEA[:-1] + str((int(TEA[-1]) + 1) % 10)
    report = import_rows(tmp_path, rows)
    assert {error.line for error in report.errors} == {2}
    assert Order.select().count() == 0


def test_code_of_another_product_rejects_the_file(db, tmp_path):
    import_rows(tmp_path, shop_rows())
    report = import_rows(tmp_path, [row("CMD-9", "NEWSKU", 1, ean=MUG)], name="clash.csv")
    assert not report.ok
    assert "MUG" in report.errors[0].reason
    assert not Order.select().where(Order.ref == "CMD-9").exists()


def test_windows_1252_semicolon_file_from_french_excel(db, tmp_path):
    rows = [row("FR-1", "MIEL", 2, ean=TEA, product_name="Crème de miel brûlée",
                customer_name="Hélène Müller", city="Besançon", country="FR", postcode="25000",
                address1="3 rue de l'Œuvre", order_date="25/11/2026 14:05", unit_price="12,50",
                weight_g="380")]
    path = write_csv(tmp_path / "excel.csv", rows, delimiter=";", encoding="cp1252")
    assert "é".encode("cp1252") in path.read_bytes()
    report = Importer().import_file(path)
    assert report.ok, [str(e) for e in report.errors]
    order = Order.get(Order.ref == "FR-1")
    assert (order.customer_name, order.city, order.address1) == ("Hélène Müller", "Besançon",
                                                                  "3 rue de l'Œuvre")
    assert order.lines[0].unit_price == Decimal("12.50")
    # dd/mm/yyyy without offset is Paris time: 14:05 CET is 13:05 UTC
    assert order.ordered_at.isoformat() == "2026-11-25T13:05:00+00:00"


def test_dry_run_reports_and_changes_nothing(db, tmp_path):
    events = Event.select().count()  # the carriers declared when the shop opened
    report = import_rows(tmp_path, shop_rows(), dry_run=True)
    assert report.ok and report.dry_run
    assert sorted(report.new) == ["CMD-1", "CMD-2", "CMD-3", "CMD-4"]
    assert Order.select().count() == 0 and Product.select().count() == 0
    assert Event.select().count() == events


def test_one_code_for_two_new_products_in_one_file_is_refused(db, tmp_path):
    report = import_rows(tmp_path, [row("CMD-8", "FIRST", 1, ean=MUG), row("CMD-9", "SECOND", 1, ean=MUG)])
    assert not report.ok and "FIRST" in report.errors[0].reason
    assert Product.select().count() == 0 and Barcode.select().count() == 0
