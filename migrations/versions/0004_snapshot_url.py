"""The page's URL kept with each snapshot: a nullable ``snapshots.url``, shown by quote_series.

Saved pages often know where they came from (a WARC or MHTML header, the page's canonical link
or og:url); reports and exports can then say which site a quote was read on, and filter by it.
Older snapshots keep NULL.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen: its own DDL, nothing imported from ticker. The view as 0001 made it, and with the url.
VIEW_0001 = """
CREATE VIEW quote_series AS
SELECT s.captured_at, i.name AS instrument, i.symbol, q.name_printed, q.value, q.change,
       q.change_pct, q.consistent, s.source, s.market_status, s.id AS snapshot_id, q.position
FROM quotes q
JOIN snapshots s ON s.id = q.snapshot_id
JOIN instruments i ON i.id = q.instrument_id
"""
VIEW_0004 = """
CREATE VIEW quote_series AS
SELECT s.captured_at, i.name AS instrument, i.symbol, q.name_printed, q.value, q.change,
       q.change_pct, q.consistent, s.source, s.market_status, s.id AS snapshot_id, q.position, s.url
FROM quotes q
JOIN snapshots s ON s.id = q.snapshot_id
JOIN instruments i ON i.id = q.instrument_id
"""


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_series")
    op.add_column("snapshots", sa.Column("url", sa.Text))
    op.execute(VIEW_0004)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_series")
    op.drop_column("snapshots", "url")  # SQLite 3.35 and later drop a column in place
    op.execute(VIEW_0001)
