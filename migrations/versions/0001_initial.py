"""Initial schema: instruments, aliases, snapshots, quotes and the quote_series view.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

# Frozen: this revision carries its own DDL and imports nothing from ticker, so that it makes the
# same store whatever the code of later versions says (a test holds both rules).

# ticker.db.schema's UTCDateTime, as DDL: timestamptz on PostgreSQL, DATETIME on SQLite.
UTCDateTime = sa.DateTime(timezone=True)

QUOTE_SERIES_VIEW = """
CREATE VIEW quote_series AS
SELECT s.captured_at, i.name AS instrument, i.symbol, q.name_printed, q.value, q.change,
       q.change_pct, q.consistent, s.source, s.market_status, s.id AS snapshot_id, q.position
FROM quotes q
JOIN snapshots s ON s.id = q.snapshot_id
JOIN instruments i ON i.id = q.instrument_id
"""
revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "instruments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("symbol", sa.String(64)),
        sa.Column("kind", sa.String(16)),
        sa.PrimaryKeyConstraint("id", name="pk_instruments"),
        sa.UniqueConstraint("name", name="uq_instruments_name"),
    )
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer),
        sa.Column("alias_key", sa.String(200), nullable=False),
        sa.Column("printed", sa.String(200), nullable=False),
        sa.Column("instrument_id", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_aliases"),
        sa.UniqueConstraint("alias_key", name="uq_aliases_alias_key"),
        sa.ForeignKeyConstraint(
            ["instrument_id"], ["instruments.id"], ondelete="CASCADE", name="fk_aliases_instrument_id_instruments"
        ),
    )
    op.create_index("ix_aliases_instrument_id", "aliases", ["instrument_id"])
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("captured_at", UTCDateTime, nullable=False),
        sa.Column("captured_at_source", sa.String(8), nullable=False),
        sa.Column("market_status", sa.Text),
        sa.Column("page_time", UTCDateTime),
        sa.Column("ingested_at", UTCDateTime, nullable=False),
        sa.Column("page_text", sa.LargeBinary),
        sa.PrimaryKeyConstraint("id", name="pk_snapshots"),
        sa.UniqueConstraint("content_hash", name="uq_snapshots_content_hash"),
    )
    op.create_index("ix_snapshots_captured_at", "snapshots", ["captured_at"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer),
        sa.Column("snapshot_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("instrument_id", sa.Integer, nullable=False),
        sa.Column("name_printed", sa.String(200), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("change", sa.Float, nullable=False),
        sa.Column("change_pct", sa.Float, nullable=False),
        sa.Column("consistent", sa.Boolean, nullable=False),
        sa.Column("line", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
        sa.UniqueConstraint("snapshot_id", "position", name="uq_quotes_snapshot_id_position"),
        sa.ForeignKeyConstraint(
            ["snapshot_id"], ["snapshots.id"], ondelete="CASCADE", name="fk_quotes_snapshot_id_snapshots"
        ),
        sa.ForeignKeyConstraint(["instrument_id"], ["instruments.id"], name="fk_quotes_instrument_id_instruments"),
    )
    op.create_index("ix_quotes_instrument_id", "quotes", ["instrument_id"])
    op.execute(QUOTE_SERIES_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_series")
    op.drop_table("quotes")
    op.drop_table("snapshots")
    op.drop_table("aliases")
    op.drop_table("instruments")
