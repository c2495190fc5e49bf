"""Schema versions and the ordered steps between them.

A new database is created at the latest version in one go; an existing one runs each
registered step above its version, in order, in one transaction. A database written by
a newer Packstation is refused with a message saying what to do.
"""

from __future__ import annotations

from typing import Callable

import peewee

from packstation.core.errors import DatabaseError
from packstation.db import changes, models

Step = Callable[[peewee.Database], None]
_steps: dict[int, Step] = {}
#: The version this program writes. Raise it with each new @step.
LATEST = 9
_LOCK_ID = 0x5AC5_7A71  # "packstation" schema lock, any constant shared by all tables


def step(version: int) -> Callable[[Step], Step]:
    """Register the upgrade from ``version - 1`` to ``version``."""

    def register(function: Step) -> Step:
        if version in _steps:
            raise ValueError(f"two migration steps for version {version}")
        _steps[version] = function
        return function

    return register


def current_version(db: peewee.Database) -> int:
    if not db.table_exists(models.SchemaInfo._meta.table_name):
        return 0
    row = models.SchemaInfo.select().first()
    return row.version if row else 0


def upgrade(db: peewee.Database) -> int:
    """Bring the schema to :data:`LATEST`; return the version found before."""
    with db.atomic():
        if isinstance(db, peewee.PostgresqlDatabase):
            # Two tables starting at once on a new server must not both create the schema.
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_LOCK_ID,))
        found = current_version(db)
        if found > LATEST:
            raise DatabaseError("db.too_new", found=found, known=LATEST)
        if found == LATEST:
            _check_tables(db)
            return found
        if found == 0:
            db.create_tables(models.ALL_MODELS, safe=True)
            _create_beyond_models(db)
            models.SchemaInfo.delete().execute()
            models.SchemaInfo.create(version=LATEST)
            return found
        for version in range(found + 1, LATEST + 1):
            _steps[version](db)
        models.SchemaInfo.update(version=LATEST).execute()
        return found


def _check_tables(db: peewee.Database) -> None:
    """A database at the latest version has every table (one query): a table lost to a
    bad copy or a hand-made fix is said at the start, not at the first scan that needs it."""
    present = set(db.get_tables())
    missing = [model._meta.table_name for model in models.ALL_MODELS
               if model._meta.table_name not in present]
    if missing:
        from packstation.db.database import opened_target

        raise DatabaseError("db.missing_table", target=opened_target(),
                            reason="no table " + ", ".join(missing))


def _create_beyond_models(db: peewee.Database) -> None:
    """What a new database needs that the models cannot declare (create_tables skips it)."""
    changes.install_triggers(db)


# -- the steps -----------------------------------------------------------------------------

@step(2)
def _announce_changes(db: peewee.Database) -> None:
    """Several tables on PostgreSQL: triggers announce changes to the other tables
    (LISTEN/NOTIFY, see db.changes). Nothing to do on SQLite, which is checked instead."""
    changes.install_triggers(db)


@step(3)
def _carrier_labels(db: peewee.Database) -> None:
    """Labels from the carriers: their table; a shipment's tracking may be NULL (an own
    label has no carrier number); the relay point of an order and the customs data of a
    product. Columns another step may already have added are skipped."""
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    migrator = PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase) else SqliteMigrator(db)
    db.create_tables([models.CarrierLabel], safe=True)
    operations = []
    for model, name in ((models.Order, "pickup_point"), (models.Product, "hs_code"),
                        (models.Product, "origin_country")):
        table = model._meta.table_name
        if name not in {column.name for column in db.get_columns(table)}:
            operations.append(migrator.add_column(table, name, model._meta.fields[name]))
    operations.append(migrator.drop_not_null(models.Shipment._meta.table_name, "tracking"))
    migrate(*operations)


@step(4)
def _scan_ids(db: peewee.Database) -> None:
    """The stock walk's index (below); and each scan carries the station's id for it, so that a scan stored although its
    answer was lost with the connection is not counted again when the packer rescans."""
    if "scan_id" not in {column.name for column in db.get_columns("scan")}:
        db.execute_sql('ALTER TABLE "scan" ADD COLUMN "scan_id" VARCHAR(32)')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "scan_scan_id" ON "scan" ("scan_id")')
    # And the stock walk reads each carrier's pending orders in the queue's order.
    db.execute_sql('CREATE INDEX IF NOT EXISTS "orders_status_carrier_id_express_ordered_at_id" '
                   'ON "orders" ("status", "carrier_id", "express", "ordered_at", "id")')
    # And the pace projection reads the latest shipments of a year of them.
    db.execute_sql('CREATE INDEX IF NOT EXISTS "shipment_packed_at" ON "shipment" ("packed_at")')


@step(5)
def _shop_exports(db: peewee.Database) -> None:
    """What real shop exports carry: the payment state and delivery mode of an order, the
    relay point the customer chose, and each product's customs code and origin; the
    token of a big import while it stages its orders; no tracking number for a parcel
    that waits at the counter."""
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    migrator = (PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase)
                else SqliteMigrator(db))
    wanted = [(models.Order, ("payment", "delivery", "pickup_point", "import_batch")),
              (models.Product, ("hs_code", "origin_country"))]
    operations = []
    for model, names in wanted:
        table = model._meta.table_name
        present = {column.name for column in db.get_columns(table)}
        operations += [migrator.add_column(table, name, model._meta.fields[name])
                       for name in names if name not in present]
    shipment = models.Shipment._meta.table_name
    if not next(column.null for column in db.get_columns(shipment) if column.name == "tracking"):
        # A parcel that waits at the counter has no tracking number.
        operations.append(migrator.drop_not_null(shipment, "tracking"))
    migrate(*operations)


@step(6)
def _hold_reason_messages(db: peewee.Database) -> None:
    """A hold rule's reasons kept as message keys and parameters, so that each reader sees
    them in their language; the rows held before keep their text as it was written."""
    table = models.Order._meta.table_name
    if "hold_messages" not in {column.name for column in db.get_columns(table)}:
        from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

        migrator = (PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase)
                    else SqliteMigrator(db))
        migrate(migrator.add_column(table, "hold_messages", models.Order.hold_messages))


@step(7)
def _parcels(db: peewee.Database) -> None:
    """An order split into several parcels at the table: their table; a carrier label per
    parcel (its number beside the order, one label per order and parcel instead of one per
    order); a print job for one parcel's label."""
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    migrator = (PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase)
                else SqliteMigrator(db))
    db.create_tables([models.Parcel], safe=True)
    operations = []
    for model, name in ((models.CarrierLabel, "parcel"), (models.PrintJob, "parcel")):
        table = model._meta.table_name
        if name not in {column.name for column in db.get_columns(table)}:
            operations.append(migrator.add_column(table, name, model._meta.fields[name]))
    migrate(*operations)
    label = models.CarrierLabel._meta.table_name
    indexes = {index.name: index for index in db.get_indexes(label)}
    old = indexes.get(f"{label}_order_id")
    if old is not None and old.unique:
        # One label per order and parcel now: the order alone is no longer unique.
        migrate(migrator.drop_index(label, old.name))
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{label}_order_id" ON "{label}" ("order_id")')
    db.execute_sql(f'CREATE UNIQUE INDEX IF NOT EXISTS "{label}_order_id_parcel" '
                   f'ON "{label}" ("order_id", "parcel")')


@step(8)
def _import_batches(db: peewee.Database) -> None:
    """Big imports decided in one short transaction: the table of imports under way, whose
    row says when one is decided, and the changes each will make to known orders (they
    and its staged orders are then carried out in chunks)."""
    db.create_tables([models.ImportBatch, models.ImportChange], safe=True)


@step(9)
def _customs_documents(db: peewee.Database) -> None:
    """The customs declaration (CN23) a carrier gives beside its label, kept with it."""
    table = models.CarrierLabel._meta.table_name
    if "customs_data" not in {column.name for column in db.get_columns(table)}:
        from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

        migrator = (PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase)
                    else SqliteMigrator(db))
        migrate(migrator.add_column(table, "customs_data", models.CarrierLabel.customs_data))
