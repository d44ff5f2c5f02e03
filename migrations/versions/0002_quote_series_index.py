"""A covering index for one instrument's series: reports read quotes without visiting the table.

``ticker report --index NAME`` reads every quote of one instrument; with the value columns in the
index (instrument_id first, then snapshot_id for the join), SQLite and PostgreSQL answer from the
index alone. It replaces the plain index on instrument_id, which is its prefix, so a store keeps
the same number of indexes to maintain on ingest.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = ["instrument_id", "snapshot_id", "position", "value", "change", "change_pct"]


def upgrade() -> None:
    op.create_index("ix_quotes_instrument_series", "quotes", COLUMNS)
    op.drop_index("ix_quotes_instrument_id", table_name="quotes")


def downgrade() -> None:
    op.create_index("ix_quotes_instrument_id", "quotes", ["instrument_id"])
    op.drop_index("ix_quotes_instrument_series", table_name="quotes")
