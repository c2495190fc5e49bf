"""The database: peewee models, schema versions and migrations, queries and the
transaction boundaries. Runs on SQLite (one table) and PostgreSQL (several tables)."""

from packstation.db.database import atomic, close, database, open_database  # noqa: F401
