"""A writer for the store ``--db`` names: with sqlite3 alone when it can, else through SQLAlchemy."""

from __future__ import annotations

import os

from ..errors import StoreError, redact
from . import health, location, sqlite
from .writer import Writer

__all__ = ["open_writer"]


def open_writer(db: str | os.PathLike | None = None) -> Writer:
    """A writer for the store ``db`` names (as ``--db`` does), brought to head first.

    A SQLite file that is new or at head is written with :mod:`sqlite3` alone, a PostgreSQL store
    that is new (an empty schema) or at head with psycopg alone (:mod:`ticker.db.postgres`); anything else is opened through
    :mod:`ticker.db.engine` (SQLAlchemy, migrations), which lends its connection.
    Raises :class:`StoreError` with a one-line reason.
    """
    import sqlite3

    path = location.file_target(db)
    if path is not None and path.is_file() and (why := sqlite.read_only_place(path)):
        raise StoreError(f"cannot write the store {path}: {why}")
    if path is not None:
        conn = sqlite.open_current(path)
        if conn is not None:
            label = f"sqlite:///{path.resolve()}"  # as Store names it in its messages
            # The file as this ingest leaves it is as sound as it found it (ticker.db.health).
            return Writer(conn, "sqlite", label=label, driver_error=sqlite3.Error,
                          on_close=lambda writer: None if writer.met_damage else health.note_sound(path))
    else:
        from . import postgres  # not on SQLite's path

        url = location.database_url(db)
        opened = postgres.open_current(url)
        if opened is not None:
            import psycopg

            pg_conn, connect = opened
            return Writer(pg_conn, "postgresql", label=redact(url), driver_error=psycopg.Error,
                          reconnect=connect)
    from . import engine  # SQLAlchemy and Alembic: only for other stores

    return engine.open_writer(db)
