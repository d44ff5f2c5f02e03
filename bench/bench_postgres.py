#!/usr/bin/env python3
"""PostgreSQL ingest benchmark: `ticker ingest` of N generated pages into PostgreSQL against the
same pages into a fresh SQLite store, and 4 concurrent ingest processes into one PostgreSQL
database against one.

usage: python bench/bench_postgres.py --url postgresql+psycopg://postgres@127.0.0.1:5432/DB
           [--pages 3000] [--runs 3] [--processes 4] [--workdir DIR]

Every run ingests into a new schema of the database at --url (created and dropped here; use a
database of your own: the runs load the server). Contenders, interleaved run by run, process
start and the schema's migrations included:

- SQLite: one `ticker ingest` into a fresh SQLite file;
- PostgreSQL, 1 process: one `ticker ingest` of all the pages into a fresh schema;
- PostgreSQL, 4 processes: `--processes` concurrent `ticker ingest`s into one fresh schema, each
  of a share of the pages (every page once): the same work as the one process, split;
- PostgreSQL, 4 overlapping: `--processes` concurrent `ticker ingest`s of *all* the pages into
  one fresh schema (each page offered 4 times: stored once, 3 duplicates).

After every PostgreSQL run the schema must hold exactly what the SQLite store holds (snapshots,
quotes and distinct content hashes): a lost, duplicated or half-written page stops the script.
Prints the medians, the ratio PostgreSQL/SQLite and 4 processes/1 process.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import generate_pages, median, run_measured, ticker_cmd  # noqa: E402

COUNTS = ("SELECT count(*) FROM snapshots", "SELECT count(*) FROM quotes",
          "SELECT count(DISTINCT content_hash) FROM snapshots")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True, help="a PostgreSQL database URL (a schema per run is made in it)")
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--processes", type=int, default=4, help="concurrent ingest processes")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ticker-bench")
    a = ap.parse_args()

    pages = generate_pages(a.workdir / f"pages-{a.pages}", a.pages)
    files = sorted(p.name for p in pages.glob("page-*.txt"))
    shares = [files[k :: a.processes] for k in range(a.processes)]
    times: dict[str, list[float]] = {"sqlite": [], "pg": [], "pg_split": [], "pg_overlap": []}
    expected: tuple[int, ...] | None = None

    for run in range(a.runs):
        db = a.workdir / f"pg-bench-sqlite-{run}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        wall, _, _ = run_measured([*ticker_cmd(), "ingest", ".", "--db", str(db), "--quiet"], cwd=pages, tree=False)
        times["sqlite"].append(wall)
        with sqlite3.connect(db) as conn:
            counts = tuple(conn.execute(q).fetchone()[0] for q in COUNTS)
        if expected is not None and counts != expected:
            raise SystemExit(f"SQLite run {run} stored {counts}, an earlier one {expected}")
        expected = counts

        with _schema(a.url) as url:
            times["pg"].append(_concurrent([[*ticker_cmd(), "ingest", ".", "--db", url, "--quiet"]], pages))
            _check(url, expected, "1 process")
        with _schema(a.url) as url:
            cmds = [[*ticker_cmd(), "ingest", "--db", url, "--quiet", *share] for share in shares]
            times["pg_split"].append(_concurrent(cmds, pages))
            _check(url, expected, f"{a.processes} processes")
        with _schema(a.url) as url:
            cmds = [[*ticker_cmd(), "ingest", ".", "--db", url, "--quiet"]] * a.processes
            times["pg_overlap"].append(_concurrent(cmds, pages))
            _check(url, expected, f"{a.processes} overlapping processes")

    med = {k: median(v) for k, v in times.items()}

    def line(label: str, key: str) -> str:
        return f"{label:<44} median {med[key]:.3f} s   all runs: " + " ".join(f"{t:.2f}" for t in times[key])

    print(f"pages: {a.pages} ({len(files)} files), runs: {a.runs}; stored: {expected[0]} snapshots, "  # type: ignore[index]
          f"{expected[1]} quotes in every store")  # type: ignore[index]
    print(line("ticker ingest (SQLite, fresh file):", "sqlite"))
    print(line("ticker ingest (PostgreSQL, 1 process):", "pg"))
    print(line(f"ticker ingest (PostgreSQL, {a.processes} processes, split):", "pg_split"))
    print(line(f"ticker ingest (PostgreSQL, {a.processes} processes, overlap):", "pg_overlap"))
    print(f"ratio PostgreSQL/SQLite: {med['pg'] / med['sqlite']:.2f}x  (target <= 2.0x)")
    print(f"ratio {a.processes} processes/1 process: split {med['pg_split'] / med['pg']:.2f}x, "
          f"overlap {med['pg_overlap'] / med['pg']:.2f}x (each page offered {a.processes} times)")


def _concurrent(cmds: list[list[str]], cwd: Path) -> float:
    """Start every command at once; the wall time until the last one ends. Any failure stops the script."""
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for cmd in cmds]
    errors = [p.communicate()[1] for p in procs]
    wall = time.perf_counter() - start
    for p, err in zip(procs, errors):
        if p.returncode != 0:
            raise SystemExit(f"ticker ingest failed ({p.returncode}):\n{err.decode(errors='replace')[-2000:]}")
    return wall


class _schema:
    """A new schema in the database at ``url`` for one run, dropped after it; yields a URL whose
    search_path is that schema."""

    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        self.name = f"bench_pg_{uuid.uuid4().hex[:8]}"
        self.admin = sa.create_engine(url)
        sep = "&" if "?" in url else "?"
        self.url = f"{url}{sep}options=-csearch_path%3D{self.name}"

    def __enter__(self) -> str:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {self.name}")
        return self.url

    def __exit__(self, *exc) -> None:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {self.name} CASCADE")
        self.admin.dispose()


def _check(url: str, expected: tuple[int, ...] | None, label: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            counts = tuple(conn.exec_driver_sql(q).scalar_one() for q in COUNTS)
    finally:
        engine.dispose()
    if counts != expected:
        raise SystemExit(f"PostgreSQL ({label}) stored {counts} (snapshots, quotes, hashes), SQLite {expected}")


if __name__ == "__main__":
    main()
