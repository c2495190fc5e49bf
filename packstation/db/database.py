"""Opening the database and the transaction boundary.

The engine is chosen at run time: a file path means SQLite (WAL, foreign keys, a busy
timeout, and ``BEGIN IMMEDIATE`` so that two tables never deadlock on an upgrade from
a read lock), a ``postgresql://`` URL means PostgreSQL. The models are bound to one
:class:`peewee.DatabaseProxy`; :func:`open_database` initialises it and brings the
schema up to date.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

import peewee

from packstation.core import i18n, paths
from packstation.core.errors import DatabaseError

database = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -32000,
}
ENV_VARIABLE = "PACKSTATION_DB"


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def resolve_target(target: str | os.PathLike | None) -> str:
    """The database to open: the argument, else ``PACKSTATION_DB``, else the default file."""
    if target:
        return os.fspath(target)
    return os.environ.get(ENV_VARIABLE) or str(paths.default_database())


def redact(target: str) -> str:
    """The target with any password removed, for messages and logs."""
    if not is_postgres_url(target):
        return target
    parts = urllib.parse.urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def connect(target: str) -> peewee.Database:
    """A peewee database for ``target``, connected, without touching the schema."""
    if is_postgres_url(target):
        db = _postgres(target)
    else:
        path = Path(target).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError("db.cannot_create", path=str(path), reason=error.strerror) from None
        db = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE",
                                   timeout=5)
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as error:
        raise DatabaseError("db.cannot_open", target=redact(target),
                            reason=_first_line(error)) from None
    return db


def _postgres(url: str) -> peewee.PostgresqlDatabase:
    # libpq reads a password missing from the URL from PGPASSWORD or ~/.pgpass itself.
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") or "packstation"
    params = dict(urllib.parse.parse_qsl(parts.query))
    kwargs: dict[str, object] = {"connect_timeout": int(params.pop("connect_timeout", 5))}
    if parts.hostname:
        kwargs["host"] = urllib.parse.unquote(parts.hostname)
    if parts.port:
        kwargs["port"] = parts.port
    if parts.username:
        kwargs["user"] = urllib.parse.unquote(parts.username)
    if parts.password is not None:
        kwargs["password"] = urllib.parse.unquote(parts.password)
    kwargs.update(params)
    return peewee.PostgresqlDatabase(urllib.parse.unquote(name), **kwargs)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return re.sub(r"password=\S+", "password=***", text[0]) if text else type(error).__name__


def open_database(target: str | os.PathLike | None = None, *, migrate: bool = True) -> peewee.Database:
    """Open (creating if needed) the database and bind the models to it."""
    from packstation.db import migrations

    resolved = resolve_target(target)
    db = connect(resolved)
    database.initialize(db)
    if migrate:
        migrations.upgrade(db)
    return db


def close() -> None:
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def engine() -> str:
    """'sqlite' or 'postgresql'."""
    return "postgresql" if isinstance(database.obj, peewee.PostgresqlDatabase) else "sqlite"


def atomic():
    """The transaction boundary of one state change (a savepoint when nested)."""
    return database.atomic()


i18n.register({
    "db.cannot_open": (
        "Impossible d'ouvrir la base de données {target} : {reason}. Vérifiez le chemin ou le serveur, puis relancez.",
        "Cannot open the database {target}: {reason}. Check the path or the server, then start again.",
    ),
    "db.cannot_create": (
        "Impossible de créer le dossier de la base de données {path} : {reason}.",
        "Cannot create the database folder {path}: {reason}.",
    ),
    "db.too_new": (
        "Cette base de données a été écrite par une version plus récente de Packstation (schéma {found}, "
        "cette version connaît le {known}). Mettez Packstation à jour sur ce poste.",
        "This database was written by a newer Packstation (schema {found}, this version knows {known}). "
        "Update Packstation on this station.",
    ),
    "db.locked": (
        "La base de données est occupée par un autre poste. Réessayez dans un instant.",
        "The database is busy with another table. Try again in a moment.",
    ),
    "db.connection_lost": (
        "Connexion à la base de données perdue — scannez à nouveau quand elle revient.",
        "Connection to the database lost — scan again once it is back.",
    ),
})
