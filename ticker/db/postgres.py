"""PostgreSQL without SQLAlchemy: a store at head, or a new one, opened with psycopg alone.

``ticker ingest`` into PostgreSQL spent ~0.5 CPU-seconds of every run importing SQLAlchemy and
Alembic and asking Alembic for the revision: as much as the server's work for 2,000 pages. A
``postgresql+psycopg://`` URL whose database (its search_path) holds a ticker store at head is
connected with psycopg itself; an empty schema is made a store at head from
``data/schema.postgresql.sql`` - the DDL the Alembic migrations produce, written by ``python -m
ticker.db.migrate`` (tests check the two agree) - under the advisory lock Alembic's upgrades
take, and stamped at head. Anything else (an older schema, another application's tables, a
server that does not answer, another driver) is left to :mod:`ticker.db.engine`, which
migrates, refuses or explains, with the messages it always gave.
"""

from __future__ import annotations

from collections.abc import Callable

from .revisions import HEAD_REVISION, PG_LOCK_KEY, schema_statements

__all__ = ["SCHEME", "libpq_url", "open_current", "create"]

SCHEME = "postgresql+psycopg://"

# What the database at the search_path is: a ticker store at head, nothing at all, or other.
_STATE = """
SELECT CASE
  WHEN current_schema() IS NULL THEN 'other'
  WHEN NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = current_schema()) THEN 'empty'
  WHEN to_regclass('alembic_version') IS NOT NULL AND to_regclass('snapshots') IS NOT NULL
       AND to_regclass('quotes') IS NOT NULL AND to_regclass('instruments') IS NOT NULL
       AND to_regclass('aliases') IS NOT NULL THEN 'ours'
  ELSE 'other' END
"""


def libpq_url(url: str) -> str | None:
    """The libpq connection URI of a SQLAlchemy ``postgresql+psycopg://`` URL (libpq reads the
    same user, password, host, port, database and query parameters); None for any other URL.

    >>> libpq_url("postgresql+psycopg://me@db:5433/quotes?options=-csearch_path%3Dt")
    'postgresql://me@db:5433/quotes?options=-csearch_path%3Dt'
    >>> libpq_url("sqlite:///x.db") is None, libpq_url("postgresql://me@db/quotes") is None
    (True, True)
    """
    return "postgresql://" + url[len(SCHEME):] if url.startswith(SCHEME) else None


def _state(cur) -> str:
    """``"head"``, ``"empty"`` (no table, view, sequence or index in the search_path's schema),
    or ``"other"`` (an older or newer store, another application's tables, no schema to create in)."""
    cur.execute(_STATE)
    state = cur.fetchone()[0]
    if state != "ours":
        return state
    cur.execute("SELECT version_num FROM alembic_version")
    return "head" if [v for (v,) in cur.fetchall()] == [HEAD_REVISION] else "other"


def create(conn) -> bool:
    """Make the empty schema a store at head, in one transaction, under the advisory lock that
    Alembic's upgrades take (:mod:`ticker.db.migrate`): of several processes making one new store
    at once, one runs the DDL and the others, once they have the lock, find it at head. False when
    the schema is not empty (another process's tables, another application's) or the DDL fails
    (no right to create): the engine's path then decides, and says why."""
    import psycopg

    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (PG_LOCK_KEY,))
            state = _state(cur)  # read committed: this statement sees what committed before the lock
            if state == "empty":
                cur.execute(";\n".join(schema_statements("postgresql")))  # one round trip
                cur.execute("INSERT INTO alembic_version (version_num) VALUES (%s)", (HEAD_REVISION,))
        conn.commit()  # and the lock with it
        return state in ("empty", "head")
    except psycopg.Error:
        conn.rollback()
        return False


def open_current(url: str, *, create_new: bool = True) -> tuple[object, Callable[[], object]] | None:
    """A psycopg connection to the ticker store at head that ``url`` names (an empty schema made
    one first, when ``create_new``), and a function that makes a new connection (the writer's
    reconnect); None when ``url`` is not a ``postgresql+psycopg`` URL, psycopg is missing, the
    server does not answer, or the database holds anything but a store at head."""
    conninfo = libpq_url(url)
    if conninfo is None:
        return None
    try:
        import psycopg
    except ImportError:
        return None

    def connect():
        return psycopg.connect(conninfo)

    try:
        conn = connect()
    except psycopg.Error:
        return None  # the engine connects again, and says why it cannot
    try:
        with conn.cursor() as cur:
            state = _state(cur)
        conn.rollback()  # nothing held while the writer waits for its first batch (or the lock)
        if state == "empty" and create_new:
            state = "head" if create(conn) else "other"
    except psycopg.Error:
        state = "other"
    if state != "head":
        conn.close()
        return None
    return conn, connect
