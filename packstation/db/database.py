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
import select
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
    kwargs.update(_dead_peer_detection())
    kwargs.update(params)
    return ReconnectingPostgresqlDatabase(urllib.parse.unquote(name), **kwargs)


# -- reconnecting after a lost PostgreSQL connection ---------------------------------------

def _dead_peer_detection() -> dict[str, int]:
    """libpq options that notice a server gone without a word (a cut cable, a crashed
    host) in about half a minute, instead of leaving a scan hanging for many minutes:
    keepalives while idle, and a limit on unacknowledged data while a query is out."""
    from psycopg2.extensions import libpq_version

    options = {"keepalives": 1, "keepalives_idle": 15, "keepalives_interval": 5,
               "keepalives_count": 3}
    if libpq_version() >= 120000:  # older libpq refuses the option
        options["tcp_user_timeout"] = 30_000  # milliseconds
    return options


class ReconnectingPostgresqlDatabase(peewee.PostgresqlDatabase):
    """PostgreSQL that replaces a lost connection at the start of the next unit of work.

    peewee 4.5 keeps a psycopg2 connection that the server closed (restart, crash, cut
    network): every later query fails with "connection already closed", forever. Here a
    connection is checked before each statement *outside* a transaction and replaced when
    it is gone. Inside a transaction nothing is replaced: the statement fails, the whole
    change is lost with the server's session (nothing half-written), and the packer is
    told to scan again.
    """

    def cursor(self, named_cursor=None):
        if not self.in_transaction() and not self.is_closed() and _hung_up(self._state.conn):
            self._discard_connection()
        return super().cursor(named_cursor)

    def rollback(self):
        # A lost session's transaction was rolled back by the server with the session;
        # trying again on the dead connection would only hide the error that ended it.
        if not self.is_closed() and self._state.conn.closed:
            return
        super().rollback()

    def _discard_connection(self) -> None:
        connection = self._state.conn
        try:
            connection.close()
        except Exception:  # noqa: BLE001 — it is already broken; closing is a courtesy
            pass
        self._state.closed, self._state.conn = True, None


def _hung_up(connection) -> bool:
    """Whether the server has closed ``connection`` (or psycopg2 already saw it break).

    An idle connection that has not asked for anything has nothing to read, unless the
    server said goodbye ("terminating connection…") or the socket closed. Checking is a
    zero-timeout ``select``: a few microseconds. A false alarm costs one reconnection.
    """
    if connection.closed:
        return True
    try:
        readable, _, _ = select.select([connection], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


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
