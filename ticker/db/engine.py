"""SQLAlchemy engines for ticker stores: SQLite with ticker's settings (:mod:`ticker.db.sqlite`)
or PostgreSQL; driver errors as one-line :class:`~ticker.errors.StoreError`; a writer on an
engine's connection.

A snapshot and all of its quotes are written in one transaction (on SQLite ``BEGIN IMMEDIATE``,
so concurrent writers queue on the busy timeout instead of failing): a page is stored whole or
not at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import SchemaError, StoreError, one_line, redact
from . import migrate, sqlite
from .location import database_url, safe_url
from .writer import Writer

__all__ = ["make_engine", "require_existing", "guard", "writer_on", "open_writer"]


def make_engine(url_or_path: str | os.PathLike | None = None, *, verify: bool = True, create: bool = True) -> Engine:
    """An engine for the store; ``verify=False`` opens a damaged SQLite file too (doctor);
    ``create=False`` makes no folder for a new SQLite file."""
    url = database_url(url_or_path)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL or path: {redact(url)}") from None
    except ValueError:  # SQLAlchemy reads the port with int()
        raise StoreError(f"not a database URL: the port is not a number in {redact(url)}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database, verify, create)
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"ticker stores live in SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    _no_driver_lines()
    try:
        return create_engine(url, pool_pre_ping=True, insertmanyvalues_page_size=1000)
    except ModuleNotFoundError as err:  # SQLAlchemy imports the driver here
        raise StoreError(f"cannot use {safe_url(url)}: its driver {err.name} is not installed "
                         "(pip install 'ticker[postgres]')") from None
    except (ImportError, SQLAlchemyError) as err:
        raise StoreError(f"cannot use {safe_url(url)}: {err.__class__.__name__}: {err}".splitlines()[0]) from None


def _no_driver_lines() -> None:
    """A dropped server connection makes psycopg and SQLAlchemy's pool log what they did about it
    (a failed reset, a discarded connection); with no logging set up, Python prints those
    records raw on stderr, after ticker's own one-line message or in the middle of an ingest
    that recovered. A handler of their own (the library convention) keeps them off stderr;
    records still reach the handlers of an application that sets up logging."""
    import logging

    for name in ("sqlalchemy", "psycopg"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _sqlite_engine(url: str, database: str | None, verify: bool = True, create: bool = True) -> Engine:
    memory = not database or database == ":memory:"
    if not memory and create:
        sqlite.make_folder(Path(database))  # type: ignore[arg-type]
    read_only = False
    if not memory and not create and Path(database).is_file():  # type: ignore[arg-type]
        uri = sqlite.reader_uri(Path(database))  # type: ignore[arg-type]
        if uri is not None:  # reads of a store that cannot be written (a read-only disk or folder)
            url, read_only = f"sqlite:///{uri}&uri=true", True
    engine = create_engine(
        url,
        # One shared connection for an in-memory database, or every connection sees an empty one.
        poolclass=StaticPool if memory else None,
        connect_args={"check_same_thread": False, "timeout": sqlite.BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        sqlite.configure(dbapi_conn, memory=memory, verify=verify, read_only=read_only)  # the settings of ticker.db.sqlite's connections

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: a deferred transaction that later needs to write
        # can fail with "database is locked" without waiting; IMMEDIATE waits on busy_timeout.
        immediate = conn.get_execution_options().get("ticker_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def require_existing(url: str) -> None:
    """For commands that must not create a store (every read; only ``ingest`` and ``db upgrade``
    make one): a SQLite file must exist (its folder is not made either)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return  # make_engine says what is wrong with it
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        if not Path(parsed.database).is_file():
            raise StoreError(f"no store at {parsed.database} (run ticker ingest first)")


def guard(url: str, fn, *args, **kwargs):
    """Run a database call, turning driver errors into one-line StoreErrors (no passwords)."""
    try:
        return fn(*args, **kwargs)
    except SchemaError:
        raise
    except DBAPIError as err:
        raise StoreError(one_line(err, safe_url(url))) from None


def writer_on(engine: Engine, url: str, *, on_close: Callable[[Writer], object] | None = None) -> Writer:
    """A :class:`Writer` on a connection of ``engine`` (the store at ``url``); ``on_close`` as
    :class:`Writer` takes it."""
    raw = guard(url, engine.raw_connection)
    dialect = engine.dialect
    return Writer(raw, dialect.name, label=safe_url(url), driver_error=dialect.loaded_dbapi.Error,
                  reconnect=engine.raw_connection, on_close=on_close)


def open_writer(db: str | os.PathLike | None = None) -> Writer:
    """A writer for any store ``db`` names, migrated to head first; closing it disposes of its engine."""
    url = database_url(db)
    engine = make_engine(url)
    try:
        guard(url, migrate.ensure_current, engine)
        return writer_on(engine, url, on_close=lambda _writer: engine.dispose())
    except BaseException:
        engine.dispose()
        raise
