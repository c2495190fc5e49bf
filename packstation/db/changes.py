"""Noticing other tables' work: a cheap "has anything changed?" for the window's timer.

Several packing tables share one database; each must see within a couple of seconds
what the others did to the queue, the stock and the countdown, without re-reading the
whole queue every half second. :class:`ChangeWatcher` answers :meth:`~ChangeWatcher.changed`
in microseconds when nothing happened:

- On PostgreSQL, statement triggers (installed by :func:`install_triggers`, schema step 2)
  send ``NOTIFY packstation, '<table>'`` whenever a watched table changes. The watcher
  LISTENs on a connection of its own, which never blocks the caller: it connects
  asynchronously, and asking is a zero-timeout ``select`` on its socket. A lost server is
  retried every few seconds; when the watch is lost, and again when it resumes, the
  watcher says "changed", since notifications sent meanwhile are lost.
- On SQLite, ``PRAGMA data_version`` on a connection of its own: the number changes when
  any other connection (another process, or this program's main connection) commits.

Both report this table's own changes too, so a window can rely on the watcher alone.
"""

from __future__ import annotations

import select
import sqlite3
import time
from typing import Callable

import peewee

from packstation.db.database import database

#: The NOTIFY channel; the payload is the name of the table that changed.
CHANNEL = "packstation"
#: What other tables show: the queue and claims (orders, lines, log), the stock (products),
#: packed parcels (shipments) and the countdown's pickup schedules (carriers).
WATCHED_TABLES = ("orders", "order_line", "product", "event", "shipment", "carrier")

_NOTIFY_FUNCTION = "packstation_notify_change"


def install_triggers(db: peewee.Database) -> None:
    """Make PostgreSQL announce every change to a watched table; nothing on SQLite.

    One notification per statement, not per row, so that a bulk insert announces itself
    once; PostgreSQL also delivers identical notifications of one transaction once, at
    commit (a rolled-back change announces nothing). Safe to run again.
    """
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql(f"""
        CREATE OR REPLACE FUNCTION {_NOTIFY_FUNCTION}() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql""")
    for table in WATCHED_TABLES:
        db.execute_sql(f'DROP TRIGGER IF EXISTS {_NOTIFY_FUNCTION} ON "{table}"')
        db.execute_sql(
            f'CREATE TRIGGER {_NOTIFY_FUNCTION} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {_NOTIFY_FUNCTION}()')


class ChangeWatcher:
    """Tells whether the shared database changed since the last time it was asked.

    Build it once the database is open (``ChangeWatcher()`` watches the open one) and call
    :meth:`changed` from a timer, every 0.5 to 1 s. Close it with the window.
    """

    def __init__(self, db: peewee.Database | None = None, *,
                 retry_seconds: float = 3.0) -> None:
        db = db if db is not None else database.obj
        if db is None:
            raise RuntimeError("open the database before watching it")
        if isinstance(db, peewee.PostgresqlDatabase):
            params = dict(db.connect_params, dbname=db.database)
            self._source: _Source = _PostgresListener(params, retry_seconds=retry_seconds)
        else:
            self._source = _SqliteDataVersion(db.database)

    def changed(self) -> bool:
        """True if something may have changed since the previous call."""
        return bool(self._source.poll())

    def changed_tables(self) -> frozenset[str]:
        """The watched tables that changed since the previous call (all of them when the
        engine cannot tell which, or when the watch was interrupted)."""
        return self._source.poll()

    @property
    def connected(self) -> bool:
        """False while the watcher has lost its server (it keeps trying)."""
        return self._source.connected

    def close(self) -> None:
        self._source.close()

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class _Source:
    connected = True

    def poll(self) -> frozenset[str]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


EVERYTHING = frozenset(WATCHED_TABLES)
NOTHING: frozenset[str] = frozenset()


class _SqliteDataVersion(_Source):
    """``PRAGMA data_version`` on a private connection: a read of shared memory."""

    def __init__(self, path: str) -> None:
        # A connection of its own: peewee's may be closed and reopened, which would reset
        # the number; and from here the main connection's commits count as changes too.
        self._connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
        self._version = self._read()

    def _read(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> frozenset[str]:
        version = self._read()
        if version == self._version:
            return NOTHING
        self._version = version
        return EVERYTHING

    def close(self) -> None:
        self._connection.close()


class _PostgresListener(_Source):
    """LISTEN on a private, non-blocking connection; reconnects by itself."""

    CONNECT_TIMEOUT_SECONDS = 10.0

    def __init__(self, params: dict, *, retry_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        import psycopg2  # only a PostgreSQL table needs the driver

        self._psycopg2 = psycopg2
        self._retry_seconds = retry_seconds
        self._params = {key: value for key, value in params.items() if key != "connect_timeout"}
        self._clock = clock
        self._connection = self._listen_cursor = None
        self._listen_sent = self._listening = self._resumed = False
        self._deadline = self._next_attempt = 0.0
        # The first connection is made at once, so that no change made right after the
        # window has loaded its view is missed; later ones never block.
        self._start()
        if self._connection is not None:
            self._advance(blocking_seconds=params.get("connect_timeout", 5))
        self._resumed = False  # the first connection is no news

    @property
    def connected(self) -> bool:
        return self._listening

    def poll(self) -> frozenset[str]:
        if not self._listening:
            if self._connection is None and self._clock() >= self._next_attempt:
                self._start()
            if self._connection is not None:
                self._advance(blocking_seconds=0)
            if self._resumed:
                self._resumed = False
                return EVERYTHING  # whatever was announced while we were away is lost
            return NOTHING
        return self._receive()

    # -- listening -------------------------------------------------------------------------

    def _receive(self) -> frozenset[str]:
        connection = self._connection
        try:
            # Nothing to read is the common case: one zero-timeout select, no round trip.
            for _ in range(8):
                readable, _, _ = select.select([connection], [], [], 0)
                if not readable:
                    break
                # A server going away first sends "terminating connection", then closes:
                # the next poll on the still-readable socket raises.
                connection.poll()
        except (self._psycopg2.Error, OSError, ValueError):
            self._lost()
            return EVERYTHING
        if not connection.notifies:
            return NOTHING
        tables = frozenset(note.payload for note in connection.notifies if note.channel == CHANNEL)
        connection.notifies.clear()
        return tables & EVERYTHING or EVERYTHING

    # -- connecting, without blocking --------------------------------------------------------

    def _start(self) -> None:
        try:
            self._connection = self._psycopg2.connect(async_=True, **self._params)
        except self._psycopg2.Error:
            self._lost()
            return
        self._listen_sent = False
        self._listen_cursor = None
        self._deadline = self._clock() + self.CONNECT_TIMEOUT_SECONDS

    def _advance(self, blocking_seconds: float) -> None:
        """Drive the connection and the LISTEN forward; wait up to ``blocking_seconds``."""
        from psycopg2.extensions import POLL_OK, POLL_READ, POLL_WRITE

        until = self._clock() + blocking_seconds
        try:
            while True:
                state = self._connection.poll()
                if state == POLL_OK:
                    if self._listen_sent:
                        self._listening = self._resumed = True
                        return
                    # psycopg2 drives an asynchronous query through its cursor: keep it.
                    self._listen_cursor = self._connection.cursor()
                    self._listen_cursor.execute(f"LISTEN {CHANNEL}")
                    self._listen_sent = True
                    continue
                if self._clock() >= self._deadline:
                    raise TimeoutError
                left = until - self._clock()
                if left <= 0:
                    return
                select.select([self._connection] if state == POLL_READ else [],
                              [self._connection] if state == POLL_WRITE else [], [], left)
        except (self._psycopg2.Error, OSError, TimeoutError):
            self._lost()

    def _lost(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except self._psycopg2.Error:
                pass
        self._connection = self._listen_cursor = None
        self._listening = False
        self._next_attempt = self._clock() + self._retry_seconds

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = self._listen_cursor = None
        self._listening = False
