"""Schema 6: a rule's hold reasons kept as messages; a version 5 database is upgraded and
the reasons it held before stay readable as they were written."""

from __future__ import annotations

from packstation.db import close, database
from packstation.db.database import connect
from packstation.db.models import ALL_MODELS, Order, SchemaInfo
from tests.helpers import TEA, row


def test_a_version_5_database_gets_hold_messages_and_keeps_its_reasons(db_target, tmp_path):
    from packstation.db import migrations
    from packstation.services.holds import hold_reason_text, hold_rules
    from packstation.services.importing import Importer
    from packstation.services.shop import open_shop
    from tests.helpers import write_csv

    db = connect(db_target)
    database.initialize(db)
    db.create_tables(ALL_MODELS)
    migrations.changes.install_triggers(db)
    db.execute_sql('ALTER TABLE "orders" DROP COLUMN "hold_messages"')  # what version 5 had
    SchemaInfo.create(version=5)
    db.execute_sql("""INSERT INTO "orders" ("ref", "source", "external_id", "ordered_at", "imported_at",
                      "updated_at", "status", "shipping_method", "service", "express", "risk",
                      "hold_reason", "note", "currency", "customer_name", "company", "address1",
                      "address2", "postcode", "city", "region", "country", "phone", "email",
                      "billing_country", "pickup_point", "backorder_of", "payment", "delivery")
                      VALUES ('OLD-1', 'generic', '', '2026-11-25 08:00:00', '2026-11-25 08:00:00',
                      '2026-11-25 08:00:00', 'on_hold', '', 'standard', FALSE, 'high',
                      'risque élevé selon la boutique', '', 'EUR', 'A', '', '', '', '', '', '',
                      'FR', '', '', '', '', '', '', 'shipping')""")

    assert migrations.upgrade(db) == 5
    assert SchemaInfo.get().version == migrations.LATEST
    assert "hold_messages" in {column.name for column in db.get_columns("orders")}
    old = Order.get(Order.ref == "OLD-1")
    assert old.hold_messages is None
    assert hold_reason_text(old, "en") == "risque élevé selon la boutique"   # as written
    db.close()

    open_shop(db_target)
    path = write_csv(tmp_path / "risky.csv", [row("NEW-1", "TEA", 1, ean=TEA, risk="high")])
    assert Importer(hold_rules=hold_rules()).import_file(path).ok
    new = Order.get(Order.ref == "NEW-1")
    assert new.hold_messages == [{"key": "hold.risk",
                                  "params": {"level": {"key": "hold.risk_level.high", "params": {}}}}]
    assert hold_reason_text(new, "en") == "high risk according to the shop"
    close()
