"""Times on SQLite as ISO 8601 UTC with their offset: ``2024-05-17T08:00:00.000000+00:00``.

SQLite has no time type; revisions 0001-0002 kept the UTC wall time as ``2024-05-17
08:00:00.000000`` (or, raw inserts of early versions, ``2024-05-17 08:00:00``), which sqlite3,
Datasette and ``pd.read_sql`` users read as naive times. One fixed-width form with the offset is
read as aware by all of them, and still sorts and compares as text (every row is UTC). PostgreSQL
keeps ``timestamptz``: nothing to do there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen: its own SQL, nothing imported from ticker.
TIME_COLUMNS = (("snapshots", "captured_at"), ("snapshots", "page_time"), ("snapshots", "ingested_at"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, column in TIME_COLUMNS:
        # date, "T", time, the fraction padded to microseconds, the offset
        op.execute(
            f"UPDATE {table} SET {column} = substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || '.' "
            f"|| substr(substr({column}, 21) || '000000', 1, 6) || '+00:00' "
            f"WHERE {column} IS NOT NULL AND {column} NOT LIKE '%+00:00'"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, column in TIME_COLUMNS:
        op.execute(
            f"UPDATE {table} SET {column} = substr({column}, 1, 10) || ' ' || substr({column}, 12, 15) "
            f"WHERE {column} LIKE '%+00:00'"
        )
