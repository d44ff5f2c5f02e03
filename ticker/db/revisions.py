"""The schema revisions this ticker knows, and the DDL of a new store at head, without importing
SQLAlchemy or Alembic (the fast paths in :mod:`ticker.db.sqlite`, :mod:`ticker.db.postgres` and
:mod:`ticker.db.queries` use them). :mod:`ticker.db.migrate` re-exports the revisions and writes
the DDL files; tests check both against Alembic's own answer."""

from __future__ import annotations

from pathlib import Path

HEAD_REVISION = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")

# Key of the PostgreSQL advisory lock under which one process at a time migrates a database or
# makes a new store from its DDL file.
PG_LOCK_KEY = 0x7469636B  # "tick"

# The DDL of a new store at head, per backend, as the migrations make it (python -m ticker.db.migrate).
SCHEMA_FILES = {name: Path(__file__).parent.parent / "data" / f"schema.{name}.sql" for name in ("sqlite", "postgresql")}
SEPARATOR = "\n;\n"  # between statements in a schema file (a trigger body may hold ";")


def schema_statements(dialect: str) -> list[str]:
    """The statements that make a store at head on ``dialect`` (``alembic_version`` included,
    not stamped)."""
    text = SCHEMA_FILES[dialect].read_text(encoding="utf-8")
    return [s.strip() for s in text.split(SEPARATOR) if s.strip() and not s.lstrip().startswith("--")]
