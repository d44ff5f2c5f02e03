"""Running Alembic from code: upgrade on open, version checks.

Opening a store that is already at head costs one small query and never imports Alembic, which
keeps every command's start-up fast; only a store that needs migrating pays for Alembic.
"""

from __future__ import annotations

import time
from importlib import resources

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from ..errors import SchemaError, StoreError

__all__ = ["HEAD_REVISION", "SchemaError", "current_revision", "ensure_current", "upgrade", "alembic_config",
           "sqlite_schema", "postgresql_schema"]

# The newest revision in migrations/versions (kept in ticker/revisions.py, which the fast read
# path can import without SQLAlchemy); a test checks it against Alembic's own answer.
from .revisions import HEAD_REVISION, KNOWN_REVISIONS  # noqa: E402
from .revisions import PG_LOCK_KEY as _PG_LOCK_KEY  # noqa: E402  # one process at a time migrates a database


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("ticker._migrations")))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(conn: Connection) -> str | None:
    """The store's Alembic revision, or None for an empty database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise SchemaError(f"the store has several Alembic heads {rows}; ticker expects one")
    return rows[0] if rows else None


def ensure_current(engine: Engine) -> None:
    """Bring the store to head, unless it is there already. Safe with several processes at once.

    SQLite can answer "database is locked" without waiting while several processes open a new
    file at the same moment (one of them switching it to WAL); that is transient, so the check is
    tried again, a few times, before it counts as an error.
    """
    for attempt in range(8):
        try:
            return _ensure_current(engine)
        except OperationalError as err:
            if "database is locked" not in str(err) or attempt == 7:
                raise
            time.sleep(0.05 * 2**attempt)


def _ensure_current(engine: Engine) -> None:
    with engine.connect() as conn:
        revision = current_revision(conn)
        if revision is None or revision not in KNOWN_REVISIONS:
            _refuse_foreign(conn)
        if _check(revision):
            return
    upgrade(engine)


def require_store(engine: Engine, label: str) -> None:
    """Raise :class:`~ticker.errors.StoreError` when the database holds nothing at all (a read
    must not make a store): ``no store at LABEL (run ticker ingest first)``."""
    with engine.connect() as conn:
        if current_revision(conn) is None and not inspect(conn).get_table_names():
            raise StoreError(f"no store at {label} (run ticker ingest first)")


def _refuse_foreign(conn: Connection) -> None:
    """A database with tables but no ticker schema belongs to something else: leave it alone."""
    tables = sorted(inspect(conn).get_table_names())
    # Another process may have migrated the store since we looked: its tables come with
    # alembic_version (one transaction), and then the database is ticker's. Another application
    # may keep an alembic_version of its own: without ticker's tables, it is not a ticker store.
    if tables and not {"alembic_version", "snapshots", "quotes"} <= set(tables):
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        raise SchemaError(
            f"this database already has tables of its own ({shown}) and no ticker schema; "
            "point --db at a new file or an empty database. Nothing was changed."
        )


def _check(revision: str | None) -> bool:
    if revision == HEAD_REVISION:
        return True
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaError(
            f"the store is at schema revision {revision!r}, newer than this ticker knows "
            f"(head {HEAD_REVISION!r}); upgrade ticker to use it. Nothing was changed."
        )
    return False


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade under a lock, so that two processes opening a new store do not both migrate it."""
    from alembic import command

    with engine.connect().execution_options(ticker_write=True) as conn:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            # On SQLite the BEGIN IMMEDIATE of a ticker_write connection holds the write lock.
            if revision == "head" and _check(current_revision(conn)):
                return  # another process migrated it while we waited for the lock
            command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.connect().execution_options(ticker_write=True) as conn:
        with conn.begin():
            command.downgrade(alembic_config(conn), revision)


def sqlite_schema() -> str:
    """The DDL of a new SQLite store at head, as the migrations make it: the text of
    ``ticker/data/schema.sqlite.sql``, which :mod:`ticker.db.sqlite` runs to create a store without
    Alembic. ``python -m ticker.db.migrate`` writes it; a test checks it is current."""
    from alembic import command
    from sqlalchemy import create_engine

    from .revisions import SEPARATOR

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        with conn.begin():
            command.upgrade(alembic_config(conn), "head")
        rows = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").scalars().all()
    engine.dispose()
    head = (f"-- A new SQLite store at schema revision {HEAD_REVISION}, as the migrations make it.\n"
            "-- Generated by `python -m ticker.db.migrate`; do not edit (a test compares it with the migrations).")
    return SEPARATOR.join([head, *rows]) + "\n"


def postgresql_schema() -> str:
    """The DDL of a new PostgreSQL store at head, as the migrations make it: the text of
    ``ticker/data/schema.postgresql.sql``, which :mod:`ticker.db.postgres` runs (psycopg alone)
    to create a store without SQLAlchemy or Alembic. ``python -m ticker.db.migrate`` writes it; a
    test checks it is current, another that a store made from it equals a migrated one.

    Alembic's offline ("--sql") mode, not a reflected database: the statements are the ones the
    revisions run online (the same operations compiled by the same dialect), in their order, so
    nothing is lost in a round trip through a catalog (a ``SERIAL`` and its sequence, a view's
    text, constraint names); the file needs no server to be made or checked, and does not change
    with the server's or pg_dump's version. It replays the history (0002's index replacing
    0001's, 0004's view replacing 0001's): a few milliseconds on an empty schema. The revision
    rows Alembic writes as it goes are left out: :mod:`ticker.db.postgres` stamps the store at
    head itself."""
    import io

    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    from .revisions import SEPARATOR

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    out = io.StringIO()
    with EnvironmentContext(config, script, fn=lambda rev, _context: script._upgrade_revs("head", rev),
                            as_sql=True, destination_rev="head") as context:
        context.configure(dialect_name="postgresql", output_buffer=out, transactional_ddl=False,
                          literal_binds=True)
        context.run_migrations()
    statements = []
    for chunk in out.getvalue().split(";\n"):
        statement = "\n".join(line for line in chunk.strip().splitlines() if not line.startswith("-- ")).strip()
        if not statement or statement.startswith(("INSERT INTO alembic_version", "UPDATE alembic_version")):
            continue
        statements.append(statement)
    head = (f"-- A new PostgreSQL store at schema revision {HEAD_REVISION}, as the migrations make it (Alembic's\n"
            "-- offline SQL, without its alembic_version rows). Generated by `python -m ticker.db.migrate`;\n"
            "-- do not edit (a test compares it with the migrations).")
    return SEPARATOR.join([head, *statements]) + "\n"


if __name__ == "__main__":
    from .revisions import SCHEMA_FILES

    for dialect, make in (("sqlite", sqlite_schema), ("postgresql", postgresql_schema)):
        SCHEMA_FILES[dialect].write_text(make(), encoding="utf-8")
        print(f"wrote {SCHEMA_FILES[dialect]}")
