"""SQLite without SQLAlchemy: ticker's connection settings, and a store opened at head.

The command line's hot paths (``ticker ingest``, ``ticker report --index``) talk to a SQLite
store through :mod:`sqlite3` itself: importing SQLAlchemy and Alembic costs more than ingesting
a thousand pages. A new store is made from ``data/schema.sqlite.sql`` - the DDL the Alembic
migrations produce, dumped by ``python -m ticker.db.migrate`` (a test checks the two agree) - and
stamped at head; a store at head is used as it is. Anything else (an older revision, another
application's database, a URL with options) is left to :class:`ticker.Store`, which migrates,
refuses or explains.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError
from . import health, revisions
from .revisions import HEAD_REVISION, KNOWN_REVISIONS

__all__ = ["BUSY_TIMEOUT_MS", "at_head", "configure", "open_current", "schema_statements", "stored_time"]

BUSY_TIMEOUT_MS = 60_000
PAGE_SIZE = 8192  # of a new store's file
SCHEMA_FILE = revisions.SCHEMA_FILES["sqlite"]


def configure(conn: sqlite3.Connection, *, memory: bool = False, verify: bool = True, read_only: bool = False) -> None:
    """ticker's settings for every connection: WAL (readers never wait for the writer), foreign
    keys on, and a long busy timeout (writers queue instead of failing). Transactions are begun
    explicitly (``BEGIN IMMEDIATE`` for writers), so the driver must not open its own. With
    ``verify``, a damaged file is refused (:func:`ticker.db.health.verify`; ``ticker doctor``
    opens without it, to say what is wrong)."""
    conn.isolation_level = None
    empty = None
    if not memory and not read_only and (empty := _ours_or_empty(conn)):  # another application's file is left as it is
        if empty == "empty":
            # Set while the file is new only. 8 KiB pages: ~8% less insert work than 4 KiB for
            # ticker's rows and indexes (fewer page splits), shallower trees to read; 16 KiB
            # saved no more, and made SQLite's page cache 3x as large.
            conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if verify and not memory and empty != "empty":
        health.verify(conn, main_file(conn))


def main_file(conn: sqlite3.Connection) -> Path:
    """The file of a connection's main database."""
    return Path(next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"))


def _ours_or_empty(conn: sqlite3.Connection) -> str | None:
    """What the database is: ``"empty"``, ``"ours"`` (a ticker store at a revision this ticker
    knows; not merely some Alembic-managed database: another application may use Alembic too),
    or None (anything else)."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return "empty"
    if not {"alembic_version", "snapshots", "quotes"} <= tables:
        return None
    versions = [v for (v,) in conn.execute("SELECT version_num FROM alembic_version")]
    return "ours" if len(versions) == 1 and versions[0] in KNOWN_REVISIONS else None


def read_only_place(path: Path) -> str | None:
    """Why the store at ``path`` (an existing file) cannot be written, or None: a read-only
    filesystem, a read-only file, or a folder where SQLite cannot make its ``-wal`` and
    ``-shm`` files. Such a store is still read (:func:`reader_uri`)."""
    import os

    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return "it is on a read-only filesystem"
    except OSError:
        pass
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent} is not writable (SQLite keeps its -wal and -shm files beside the store)"
    return None


def reader_uri(path: Path) -> str | None:
    """A read-only SQLite URI for a store that cannot be written (see :func:`read_only_place`),
    else None. ``immutable``: SQLite then needs no ``-shm`` file (which it could not make) -
    unless a ``-wal`` file holds commits not yet in the file, which only ``mode=ro`` reads."""
    from urllib.parse import quote

    if read_only_place(path) is None:
        return None
    wal = Path(f"{path}-wal")
    immutable = not (wal.exists() and wal.stat().st_size > 0)
    return f"file:{quote(str(path.resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")


def make_folder(path: Path) -> None:
    """The folder of a new store's file; :class:`StoreError` saying why when it cannot be made."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot make the folder {path.parent} for the store: {err.strerror or err}") from None


def schema_statements() -> list[str]:
    """The statements that make a store at head (``alembic_version`` included, not stamped)."""
    return revisions.schema_statements("sqlite")


def open_current(path: Path, *, create: bool = True) -> sqlite3.Connection | None:
    """A configured connection to the store at ``path`` if it is at head, or new (then made at
    head, when ``create``); None when SQLAlchemy's path must decide (an older or foreign schema,
    not a database at all, a store still locked by another process after a few tries)."""
    if not create and not path.is_file():
        return None
    for attempt in range(8):
        conn = None
        try:
            if create:
                make_folder(path)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            configure(conn)
            if at_head(conn) or (create and _create(conn)):
                return conn
            conn.close()
            return None
        except sqlite3.OperationalError as err:
            # Several processes opening one new file at once can see a transient "locked" (one
            # of them switching it to WAL) that busy_timeout does not cover: try again.
            if conn is not None:
                conn.close()
            if "locked" not in str(err) or attempt == 7:
                return None
            time.sleep(0.05 * 2**attempt)
        except (sqlite3.Error, OSError):
            if conn is not None:
                conn.close()
            return None
    return None


def open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to the store at ``path`` if it is at head, else None."""
    conn = None
    try:
        uri = reader_uri(path)  # a store on a read-only disk or folder is still read
        conn = sqlite3.connect(uri or path, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri is not None)
        conn.execute("PRAGMA query_only=ON")
        health.verify(conn, path)
        if at_head(conn):
            return conn
    except sqlite3.Error:
        pass
    if conn is not None:
        conn.close()
    return None


def at_head(conn: sqlite3.Connection) -> bool:
    """Is this database a ticker store at the head revision (False: no alembic_version at all)?"""
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]
    except sqlite3.OperationalError as err:
        if "no such table" in str(err):
            return False
        raise


def _create(conn: sqlite3.Connection) -> bool:
    """Make an empty database a store at head, in one transaction; False if it is not empty."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            conn.execute("ROLLBACK")
            return at_head(conn)  # made by another process while we waited for the lock?
        for statement in schema_statements():
            conn.execute(statement)
        conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))
        conn.execute("COMMIT")
        return True
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def stored_time(value: datetime | None) -> str | None:
    """A tz-aware time as ticker's SQLite stores it (revision 0003 on): ISO 8601, UTC, with its
    offset, always to the microsecond, ``2024-05-17T09:00:00.000000+00:00``: sqlite3, Datasette
    and pandas read it as an aware time, and one fixed-width form sorts and compares as text.

    >>> from datetime import timedelta, timezone
    >>> stored_time(datetime(2024, 5, 17, 11, tzinfo=timezone.utc)), stored_time(datetime(1, 1, 1, tzinfo=UTC))
    ('2024-05-17T11:00:00.000000+00:00', '0001-01-01T00:00:00.000000+00:00')
    >>> stored_time(datetime(2024, 5, 17, 11, 0, 0, 5, tzinfo=timezone(timedelta(hours=9))))
    '2024-05-17T02:00:00.000005+00:00'
    """
    if value is None:
        return None
    if value.tzinfo is UTC:  # nearly always (file times, now): one C call
        return value.isoformat("T", "microseconds")
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: ticker stores tz-aware UTC times only")
    return value.astimezone(UTC).isoformat("T", "microseconds")
