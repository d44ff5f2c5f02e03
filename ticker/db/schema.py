"""The SQLAlchemy schema: what the migrations create, and what the store reads and writes.

The tables are never created from here (no ``metadata.create_all``): Alembic's revisions in
``migrations/`` create them, and a test checks that the two agree.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects import sqlite as sqlite_types
from sqlalchemy.types import TypeDecorator

# Named constraints, so that migrations can refer to them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


# SQLite's form of a time (revision 0003): ISO 8601, UTC, with its offset (ticker.db.sqlite.stored_time).
_SQLITE_TIME = sqlite_types.DATETIME(
    storage_format="%(year)04d-%(month)02d-%(day)02dT%(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d+00:00",
    regexp=r"(\d+)-(\d+)-(\d+)[T ](\d+):(\d+):(\d+)(?:\.(\d{6}))?",
)


class UTCDateTime(TypeDecorator):
    """A tz-aware UTC datetime on every backend.

    PostgreSQL keeps ``timestamptz``; SQLite has no time zones, so the UTC time is stored as ISO
    8601 text with its offset (``2024-05-17T08:00:00.000000+00:00``) and UTC is put back on the
    way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(_SQLITE_TIME if dialect.name == "sqlite" else DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: ticker stores tz-aware UTC times only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


instruments = Table(
    "instruments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("symbol", String(64)),
    Column("kind", String(16)),  # index, crypto, commodity, bond, fx; NULL when not known
)

aliases = Table(
    "aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alias_key", String(200), nullable=False, unique=True),  # instruments.name_key(printed)
    Column("printed", String(200), nullable=False),
    Column("instrument_id", ForeignKey("instruments.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("origin", String(8), nullable=False),  # "seen" on a page, or "user" (ticker alias add)
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of the input bytes
    Column("captured_at", UTCDateTime, nullable=False, index=True),
    Column("captured_at_source", String(8), nullable=False),  # at, page, name, mtime, now
    Column("market_status", Text),
    Column("page_time", UTCDateTime),  # a time the page printed about its data
    Column("ingested_at", UTCDateTime, nullable=False),
    # The text the parser read, compressed (ticker.ingest.compress_text: zstd; zlib in stores
    # written before), so `ticker reparse` can bring parser fixes to old snapshots without the
    # original files.
    Column("page_text", LargeBinary),
    Column("url", Text),  # where the page came from, when it says (revision 0004)
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("snapshot_id", ForeignKey("snapshots.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),  # order on the page, from 0
    Column("instrument_id", ForeignKey("instruments.id"), nullable=False),
    Column("name_printed", String(200), nullable=False),
    Column("value", Float, nullable=False),
    Column("change", Float, nullable=False),
    Column("change_pct", Float, nullable=False),
    Column("consistent", Boolean, nullable=False),  # the arithmetic check passed
    Column("line", Integer),
    UniqueConstraint("snapshot_id", "position"),
    # One instrument's series straight from the index (migration 0002); replaces ix_quotes_instrument_id.
    Index("ix_quotes_instrument_series", "instrument_id", "snapshot_id", "position", "value", "change", "change_pct"),
)

# The migrations also create a view, quote_series (revision 0001 holds its SQL), for notebooks,
# sqlite3 and Datasette users; a test checks its columns.
QUOTE_SERIES_COLUMNS = ("captured_at", "instrument", "symbol", "name_printed", "value", "change", "change_pct",
                        "consistent", "source", "market_status", "snapshot_id", "position", "url")
