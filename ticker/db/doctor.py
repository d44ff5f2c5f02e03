"""``ticker doctor``: check a store without changing it."""

from __future__ import annotations

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError

from ..records import DoctorReport
from . import migrate, queries

__all__ = ["check"]


def _raw(err: BaseException) -> str:
    """SQLite's own words (doctor shows what it found, not the advice to run doctor)."""
    return (str(getattr(err, "orig", None) or err).strip().splitlines() or [err.__class__.__name__])[0]


def check(engine: Engine, label: str, full: bool = False) -> DoctorReport:
    """Schema version, SQLite's ``quick_check`` (or the slower ``integrity_check`` with ``full``),
    row counts, snapshots without quotes and quotes without a snapshot; ``report.problems`` lists
    what is wrong, empty means healthy."""
    report = DoctorReport(url=label, backend=engine.dialect.name, head=migrate.HEAD_REVISION)
    with engine.connect() as conn:
        report.revision = migrate.current_revision(conn)
        tables = set(inspect(conn).get_table_names())
        ours = {"alembic_version", "snapshots", "quotes"} <= tables
        if not ours and tables:  # another application's database (an Alembic one too)
            shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            report.schema = "not a ticker store"
            report.problems.append(f"this is not a ticker store: its tables are another application's ({shown})")
            return report
        if report.revision is None and ours:
            report.schema = "unstamped"
            report.problems.append("alembic_version is empty: the store has ticker's tables but no schema revision "
                                   "(every other command refuses it)")
        elif report.revision is None:
            report.schema = "empty (no ticker schema yet)"
            report.problems.append("the database is empty: no ticker store yet (run ticker ingest first)")
        elif report.revision == migrate.HEAD_REVISION:
            report.schema = "current"
        elif report.revision in migrate.KNOWN_REVISIONS:
            report.schema = "behind"
            report.problems.append(
                f"schema revision {report.revision} is behind head {migrate.HEAD_REVISION}: run `ticker db upgrade`"
            )
        else:
            report.schema = "newer"
            report.problems.append(
                f"schema revision {report.revision!r} is newer than this ticker knows (head {migrate.HEAD_REVISION!r})"
            )
        if conn.dialect.name == "sqlite":
            check = "integrity_check" if full else "quick_check"
            try:
                rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {check}")]
            except DBAPIError as err:  # damage bad enough that the check itself cannot run
                rows = [_raw(err)]
            report.integrity_check = check
            report.integrity = rows
            if rows != ["ok"]:
                report.problems.append(f"{check} found {len(rows)} problem(s): {rows[0]}")
            report.journal_mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        if report.revision is None or report.schema == "newer":
            return report  # no tables to count, or tables this ticker does not know
        try:
            for name, value in queries.doctor_rows(conn).items():
                setattr(report, name, value)
            if report.snapshots_without_quotes:
                report.problems.append(f"{report.snapshots_without_quotes} snapshot(s) without quotes")
            if report.orphan_quotes:
                report.problems.append(f"{report.orphan_quotes} quote(s) whose snapshot is missing")
        except DBAPIError as err:  # a damaged file can fail a query that quick_check survived
            report.problems.append(f"reading the tables failed: {_raw(err)}")
    return report

