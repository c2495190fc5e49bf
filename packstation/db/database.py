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
import sqlite3
import time
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
_LOCK_POLL = 0.001  # seconds between two tries at SQLite's write lock
_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def resolve_target(target: str | os.PathLike | None) -> str:
    """The database to open: the argument, else ``PACKSTATION_DB``, else the default file."""
    if target:
        return os.fspath(target)
    return os.environ.get(ENV_VARIABLE) or str(paths.default_database())


_SECRET_PARAMETERS = ("password", "sslpassword")
_SECRET_QUERY = re.compile(r"(?i)\b(%s)=[^&#\s]*" % "|".join(_SECRET_PARAMETERS))


def redact(target: str) -> str:
    """The target with every secret removed (``user:password@``, ``?password=``), for
    messages and logs; a URL too malformed to read loses everything after its scheme
    that could hold one."""
    if not is_postgres_url(target):
        return target
    scheme, _, rest = target.partition("://")
    netloc, slash, tail = rest.partition("/")
    if "@" in netloc:  # the last @ ends the user part, as libpq reads it
        user_part, _, host = netloc.rpartition("@")
        user = user_part.split(":", 1)[0]
        netloc = f"{user}:***@{host}" if ":" in user_part else f"{user}@{host}"
    return _SECRET_QUERY.sub(lambda match: match.group(1) + "=***", f"{scheme}://{netloc}{slash}{tail}")


#: The database the program opened last (redacted), for messages that must name it.
_opened: str | None = None


def opened_target() -> str:
    """The file or (redacted) URL of the open database, for messages; "?" when none."""
    return _opened or "?"


def connect(target: str) -> peewee.Database:
    """A peewee database for ``target``, connected, without touching the schema.

    A SQLite file that exists must be a database: an empty file (a copy that failed, a
    disk that filled up) is refused rather than silently opened as an empty shop, and a
    damaged one is named with what is wrong.
    """
    global _opened
    _opened = redact(target)
    if is_postgres_url(target):
        try:
            db = _postgres(target)
        except ValueError as error:  # a port that is no number, a stray bracket...
            raise DatabaseError("db.bad_url", target=redact(target), reason=_first_line(error)) from None
    else:
        path = Path(target).expanduser()
        _opened = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError("db.cannot_create", path=str(path), reason=error.strerror) from None
        if path.is_dir():
            raise DatabaseError("db.is_folder", path=str(path))
        if path.exists() and path.stat().st_size == 0 and not _has_content(Path(f"{path}-wal")):
            raise DatabaseError("db.empty_file", path=str(path))
        db = SqliteFileDatabase(str(path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE",
                                timeout=5)
    try:
        db.connect(reuse_if_open=True)
        if isinstance(db, peewee.SqliteDatabase):
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()  # reads page 1
    except peewee.DatabaseError as error:
        if not db.is_closed():
            db.close()
        raise explain(error) from None
    return db


def _nearly_full(path: str) -> bool:
    """Whether the disk of ``path`` has less room than SQLite needs for a write (its WAL
    index alone takes 32 kB): SQLite then says "disk I/O error", not "disk full"."""
    import shutil

    try:
        return shutil.disk_usage(Path(path).parent).free < 256 * 1024
    except OSError:
        return False


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def explain(error: BaseException) -> DatabaseError:
    """A database error as the one line a merchant reads: which database, what is wrong,
    what to do (a full disk, a read-only file, a damaged file, a missing table...)."""
    reason = _first_line(error)
    text = reason.lower()
    target = opened_target()
    if "disk i/o error" in text and not is_postgres_url(target) and _nearly_full(target):
        return DatabaseError("db.disk_full_at", target=target, reason=reason)
    for words, key in (
            (("disk is full", "disk full", "no space left"), "db.disk_full_at"),
            (("readonly", "read-only", "read only", "permission denied"), "db.read_only_at"),
            (("not a database", "malformed", "file is encrypted"), "db.damaged"),
            (("disk i/o error",), "db.io_error"),
            (("no such table", "no such column", "does not exist"), "db.missing_table"),
            (("database is locked", "deadlock", "lock timeout"), "db.locked_at")):
        if any(word in text for word in words):
            return DatabaseError(key, target=target, reason=reason)
    if "unable to open" in text and not is_postgres_url(target):
        return DatabaseError("db.read_only_at", target=target, reason=reason)
    return DatabaseError("db.cannot_open", target=target, reason=reason)


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


class SqliteFileDatabase(peewee.SqliteDatabase):
    """SQLite that does not hide why a commit failed.

    On a full disk or an I/O error SQLite rolls the transaction back itself; peewee then
    asks for a rollback again, which fails with "no transaction is active" and replaces
    the error that matters (the full disk) with one that tells nobody anything.
    """

    def rollback(self):
        connection = self._state.conn
        if connection is not None and not connection.in_transaction:
            return
        super().rollback()

    def execute_sql(self, sql, params=None):
        """A write outside any transaction is made a transaction of its own, begun as
        every other is (:meth:`begin`): left to SQLite's own busy handler, it would lose
        the write lock to every transaction asking for it meanwhile."""
        if not self.in_transaction() and _WRITE.match(sql):
            with self.atomic():
                return super().execute_sql(sql, params)
        return super().execute_sql(sql, params)

    def begin(self, lock_type=None):
        """``BEGIN IMMEDIATE``, tried again every millisecond or two while another
        connection writes, until the busy timeout.

        SQLite's own busy handler sleeps longer and longer between its tries (100 ms from
        the twelfth on), so that a writer committing short transactions back to back (a
        big import) could keep a table's scan waiting through many of them. Only the
        start of a transaction waits here: once it holds the write lock, no other writer
        can make a statement of it busy in WAL mode.
        """
        connection = self.connection()
        timeout_ms = connection.execute("PRAGMA busy_timeout").fetchone()[0]
        deadline = time.monotonic() + timeout_ms / 1000
        statement = f"BEGIN {lock_type or self._lock_type}"
        connection.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    connection.execute(statement)
                    return
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() >= deadline:
                        with peewee.__exception_wrapper__:
                            raise
                time.sleep(_LOCK_POLL)
        finally:
            connection.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")


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
    return _SECRET_QUERY.sub(lambda match: match.group(1) + "=***", text[0]) if text \
        else type(error).__name__


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
    "db.bad_url": (
        "Adresse de base de données illisible {target} : {reason}. Forme attendue : "
        "postgresql://utilisateur@serveur:5432/base.",
        "Unreadable database address {target}: {reason}. Expected: "
        "postgresql://user@server:5432/name.",
    ),
    "db.is_folder": (
        "{path} est un dossier, pas une base de données : donnez le chemin d'un fichier.",
        "{path} is a folder, not a database: give the path of a file.",
    ),
    "db.empty_file": (
        "Le fichier {path} est vide (0 octet) : ce n'est pas une base Packstation. Restaurez "
        "une sauvegarde, ou supprimez-le pour commencer une boutique neuve.",
        "The file {path} is empty (0 bytes): it is not a Packstation database. Restore a "
        "backup, or delete it to start a new shop.",
    ),
    "db.damaged": (
        "La base de données {target} est endommagée ({reason}) : restaurez une sauvegarde.",
        "The database {target} is damaged ({reason}): restore a backup.",
    ),
    "db.io_error": (
        "La base de données {target} n'a pas pu être lue ou écrite ({reason}) : vérifiez le "
        "disque, puis recommencez ; si cela revient, restaurez une sauvegarde.",
        "The database {target} could not be read or written ({reason}): check the disk, then "
        "try again; if it comes back, restore a backup.",
    ),
    "db.missing_table": (
        "La base de données {target} est incomplète ({reason}) : restaurez une sauvegarde.",
        "The database {target} is incomplete ({reason}): restore a backup.",
    ),
    "db.disk_full_at": (
        "Le disque de la base de données {target} est plein ({reason}) : libérez de la place, "
        "puis recommencez.",
        "The disk of the database {target} is full ({reason}): free some space, then try again.",
    ),
    "db.read_only_at": (
        "La base de données {target} ne peut pas être écrite ({reason}) : vérifiez les droits "
        "du fichier et de son dossier, puis recommencez.",
        "The database {target} cannot be written ({reason}): check the permissions of the "
        "file and its folder, then try again.",
    ),
    "db.locked_at": (
        "La base de données {target} est occupée par un autre poste ({reason}). Réessayez dans "
        "un instant.",
        "The database {target} is busy with another table ({reason}). Try again in a moment.",
    ),
    "db.disk_full": (
        "Disque plein : ce scan n'est pas enregistré. Libérez de la place, puis scannez à nouveau.",
        "Disk full: this scan is not stored. Free some space, then scan again.",
    ),
    "db.read_only": (
        "La base de données ne peut pas être écrite : ce scan n'est pas enregistré. Vérifiez "
        "les droits, puis scannez à nouveau.",
        "The database cannot be written: this scan is not stored. Check the permissions, "
        "then scan again.",
    ),
    "db.refused": (
        "Modification refusée par la base de données ({reason}) : rien n'est enregistré.",
        "Change refused by the database ({reason}): nothing was stored.",
    ),
    "db.damaged_now": (
        "Erreur de la base de données ({reason}) : rien n'est enregistré. Scannez à nouveau ; "
        "si elle revient, appelez un responsable.",
        "Database error ({reason}): nothing was stored. Scan again; if it comes back, call a "
        "manager.",
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
