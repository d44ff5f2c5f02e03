"""PostgreSQL without SQLAlchemy: a store at head, opened with psycopg alone.

``ticker ingest`` into PostgreSQL spent ~0.5 CPU-seconds of every run importing SQLAlchemy and
Alembic and asking Alembic for the revision: as much as the server's work for 2,000 pages. A
``postgresql+psycopg://`` URL whose database (its search_path) holds a ticker store at head is
connected with psycopg itself. Anything else (a new or older schema, another application's
tables, a server that does not answer, another driver) is left to :mod:`ticker.db.engine`,
which migrates, refuses or explains, with the messages it always gave.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from .revisions import HEAD_REVISION

__all__ = ["SCHEME", "libpq_url", "label", "open_current"]

SCHEME = "postgresql+psycopg://"


def libpq_url(url: str) -> str | None:
    """The libpq connection URI of a SQLAlchemy ``postgresql+psycopg://`` URL (libpq reads the
    same user, password, host, port, database and query parameters); None for any other URL.

    >>> libpq_url("postgresql+psycopg://me@db:5433/quotes?options=-csearch_path%3Dt")
    'postgresql://me@db:5433/quotes?options=-csearch_path%3Dt'
    >>> libpq_url("sqlite:///x.db") is None, libpq_url("postgresql://me@db/quotes") is None
    (True, True)
    """
    return "postgresql://" + url[len(SCHEME):] if url.startswith(SCHEME) else None


def label(url: str) -> str:
    """The URL for messages, its password hidden as SQLAlchemy hides it.

    >>> label("postgresql+psycopg://me:s3cret@db:5432/quotes")
    'postgresql+psycopg://me:***@db:5432/quotes'
    """
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def open_current(url: str) -> tuple[object, Callable[[], object]] | None:
    """A psycopg connection to the ticker store at head that ``url`` names, and a function that
    makes a new one (the writer's reconnect); None when ``url`` is not a ``postgresql+psycopg``
    URL, psycopg is missing, the server does not answer, or the store is not at head."""
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
            cur.execute("SELECT to_regclass('alembic_version') IS NOT NULL AND to_regclass('snapshots') IS NOT NULL "
                        "AND to_regclass('quotes') IS NOT NULL AND to_regclass('instruments') IS NOT NULL "
                        "AND to_regclass('aliases') IS NOT NULL")
            at_head = bool(cur.fetchone()[0])  # type: ignore[index]
            if at_head:
                cur.execute("SELECT version_num FROM alembic_version")
                at_head = [v for (v,) in cur.fetchall()] == [HEAD_REVISION]
        conn.rollback()  # nothing held while the writer waits for its first batch
    except psycopg.Error:
        at_head = False
    if not at_head:
        conn.close()
        return None
    return conn, connect
