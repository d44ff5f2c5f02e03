#!/usr/bin/env python3
"""PostgreSQL ingest benchmark: `ticker ingest` of N generated pages into PostgreSQL against the
same pages into a fresh SQLite store, and 4 concurrent ingest processes into one PostgreSQL
database against one.

usage: python bench/bench_postgres.py --url postgresql+psycopg://postgres@127.0.0.1:5432/DB
           [--pages 3000] [--runs 3] [--processes 4] [--workdir DIR] [--base PYTHON]

Every run ingests into a new schema of the database at --url (created and dropped here; use a
database of your own: the runs load the server). Contenders, interleaved run by run, process
start and the schema's migrations included:

- SQLite: one `ticker ingest` into a fresh SQLite file;
- PostgreSQL, 1 process: one `ticker ingest` of all the pages into a fresh schema;
- at head, SQLite and PostgreSQL: the same into a store made beforehand (untimed), as every
  ingest after a store's first finds it;
- PostgreSQL, 4 processes: `--processes` concurrent `ticker ingest`s into one fresh schema, each
  of a share of the pages (every page once): the same work as the one process, split;
- PostgreSQL, 4 overlapping: `--processes` concurrent `ticker ingest`s of *all* the pages into
  one fresh schema (each page offered 4 times: stored once, 3 duplicates).

With ``--base PYTHON`` (the interpreter of another ticker's environment, e.g. a checkout of main
in /tmp/base with its own venv), every contender is run with that ticker too, right after this
one's, in the same rounds: before and after compared under the same machine load.

After every PostgreSQL run the schema must hold exactly what the SQLite store holds (snapshots,
quotes and distinct content hashes): a lost, duplicated or half-written page stops the script.
Prints the medians, the ratio PostgreSQL/SQLite and 4 processes/1 process, and next to each wall
time the CPU it took: the ticker processes with their workers, plus (PostgreSQL) the server
processes serving their connections (read from /proc every 20 ms: the server must run on this
machine for that figure). On a machine shared with other work, wall times drift with its load;
CPU-seconds much less.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import generate_pages, median  # noqa: E402

COUNTS = ("SELECT count(*) FROM snapshots", "SELECT count(*) FROM quotes",
          "SELECT count(DISTINCT content_hash) FROM snapshots")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True, help="a PostgreSQL database URL (a schema per run is made in it)")
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--processes", type=int, default=4, help="concurrent ingest processes")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ticker-bench")
    ap.add_argument("--base", help="the python of another ticker environment, run interleaved with this one")
    a = ap.parse_args()

    pages = generate_pages(a.workdir / f"pages-{a.pages}", a.pages)
    files = sorted(p.name for p in pages.glob("page-*.txt"))
    shares = [files[k :: a.processes] for k in range(a.processes)]
    versions = {"": sys.executable, **({"base ": a.base} if a.base else {})}
    keys = ("sqlite", "pg", "sqlite_head", "pg_head", "pg_split", "pg_overlap")
    runs: dict[str, list[tuple[float, float, float]]] = {f"{v}{k}": [] for v in versions for k in keys}
    expected: tuple[int, ...] | None = None

    for run in range(a.runs):
        for version, python in versions.items():
            expected = _round(a, run, version, python, pages, shares, runs, expected)

    wall = {k: median([r[0] for r in v]) for k, v in runs.items()}
    cpu = {k: median([r[1] + r[2] for r in v]) for k, v in runs.items()}
    server = {k: median([r[2] for r in v]) for k, v in runs.items()}

    def line(label: str, key: str) -> str:
        return (f"{label:<54} median {wall[key]:6.3f} s, {cpu[key]:6.2f} CPU-s (server {server[key]:.2f})   "
                "all runs: " + " ".join(f"{r[0]:.2f}/{r[1] + r[2]:.2f}" for r in runs[key]))

    print(f"pages: {a.pages} ({len(files)} files), runs: {a.runs}; stored: {expected[0]} snapshots, "  # type: ignore[index]
          f"{expected[1]} quotes in every store; load average before/after: {_LOAD[0]} / {os.getloadavg()[0]:.1f}")  # type: ignore[index]
    print("all runs: wall/CPU seconds each")
    for v in versions:
        print(line(f"{v}ticker ingest (SQLite, fresh file):", f"{v}sqlite"))
        print(line(f"{v}ticker ingest (PostgreSQL, 1 process):", f"{v}pg"))
        print(line(f"{v}ticker ingest (SQLite, store at head):", f"{v}sqlite_head"))
        print(line(f"{v}ticker ingest (PostgreSQL, store at head):", f"{v}pg_head"))
        print(line(f"{v}ticker ingest (PostgreSQL, {a.processes} processes, split):", f"{v}pg_split"))
        print(line(f"{v}ticker ingest (PostgreSQL, {a.processes} processes, overlap):", f"{v}pg_overlap"))
    for v in versions:
        print(f"{v}ratio PostgreSQL/SQLite: {wall[v + 'pg'] / wall[v + 'sqlite']:.2f}x wall (target <= 2.0x), "
              f"{cpu[v + 'pg'] / cpu[v + 'sqlite']:.2f}x CPU; stores at head: "
              f"{wall[v + 'pg_head'] / wall[v + 'sqlite_head']:.2f}x wall, "
              f"{cpu[v + 'pg_head'] / cpu[v + 'sqlite_head']:.2f}x CPU")
        print(f"{v}ratio {a.processes} processes/1 process: split {wall[v + 'pg_split'] / wall[v + 'pg']:.2f}x wall, "
              f"{cpu[v + 'pg_split'] / cpu[v + 'pg']:.2f}x CPU; overlap (each page offered {a.processes} times) "
              f"{wall[v + 'pg_overlap'] / wall[v + 'pg']:.2f}x wall, {cpu[v + 'pg_overlap'] / cpu[v + 'pg']:.2f}x CPU")


def _round(a, run: int, v: str, python: str, pages: Path, shares: list[list[str]],
           runs: dict[str, list[tuple[float, float, float]]], expected: tuple[int, ...] | None) -> tuple[int, ...]:
    """One run of every contender with the ticker of ``python``; the counts every store holds."""
    ticker = [python, "-m", "ticker"]
    tag = v.strip() or "this"
    db = a.workdir / f"pg-bench-sqlite-{tag}-{run}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    runs[f"{v}sqlite"].append(_concurrent([[*ticker, "ingest", ".", "--db", str(db), "--quiet"]], pages))
    with sqlite3.connect(db) as conn:
        counts = tuple(conn.execute(q).fetchone()[0] for q in COUNTS)
    if expected is not None and counts != expected:
        raise SystemExit(f"SQLite run {run} ({tag}) stored {counts}, an earlier one {expected}")
    expected = counts

    with _schema(a.url) as schema:
        runs[f"{v}pg"].append(_concurrent([[*ticker, "ingest", ".", "--db", schema.url, "--quiet"]], pages, schema))
        _check(schema.url, expected, "1 process")

    db = a.workdir / f"pg-bench-sqlite-head-{tag}-{run}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    _make_store(python, str(db))
    runs[f"{v}sqlite_head"].append(_concurrent([[*ticker, "ingest", ".", "--db", str(db), "--quiet"]], pages))
    with _schema(a.url) as schema:
        _make_store(python, schema.url)
        runs[f"{v}pg_head"].append(_concurrent([[*ticker, "ingest", ".", "--db", schema.url, "--quiet"]], pages,
                                               schema))
        _check(schema.url, expected, "1 process, at head")
    with _schema(a.url) as schema:
        cmds = [[*ticker, "ingest", "--db", schema.url, "--quiet", *share] for share in shares]
        runs[f"{v}pg_split"].append(_concurrent(cmds, pages, schema))
        _check(schema.url, expected, f"{a.processes} processes")
    with _schema(a.url) as schema:
        cmds = [[*ticker, "ingest", ".", "--db", schema.url, "--quiet"]] * a.processes
        runs[f"{v}pg_overlap"].append(_concurrent(cmds, pages, schema))
        _check(schema.url, expected, f"{a.processes} overlapping processes")
    return expected


def _make_store(python: str, db: str) -> None:
    """A store at head with nothing in it, made the way ticker makes one."""
    subprocess.run([python, "-c", "import sys; from ticker.db.open import open_writer; open_writer(sys.argv[1]).close()",
                    db], check=True)


_LOAD = [f"{os.getloadavg()[0]:.1f}"]
_TICK = os.sysconf("SC_CLK_TCK")


def _concurrent(cmds: list[list[str]], cwd: Path, schema: _schema | None = None) -> tuple[float, float, float]:
    """Start every command at once; the wall time until the last one ends, the CPU-seconds of the
    commands (their workers included) and those of the server processes serving them. Any failure
    stops the script."""
    server = _ServerCPU(schema) if schema is not None else None
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for cmd in cmds]
    client_cpu = 0.0
    for p in procs:
        _, status, usage = os.wait4(p.pid, 0)  # usage includes the workers it waited for
        p.returncode = os.waitstatus_to_exitcode(status)
        client_cpu += usage.ru_utime + usage.ru_stime
    wall = time.perf_counter() - start
    server_cpu = server.stop() if server is not None else 0.0
    for p in procs:
        err = p.stderr.read().decode(errors="replace")  # type: ignore[union-attr]
        p.stderr.close()  # type: ignore[union-attr]
        if p.returncode != 0:
            raise SystemExit(f"ticker ingest failed ({p.returncode}):\n{err[-2000:]}")
    return wall, client_cpu, server_cpu


class _ServerCPU:
    """The CPU time of the server processes whose connections name the schema's application
    (``application_name`` in its URL), sampled from /proc every 20 ms (the last sample of each)."""

    def __init__(self, schema: _schema) -> None:
        import psycopg

        self.conn = psycopg.connect(schema.admin.url.set(drivername="postgresql").render_as_string(False),
                                    autocommit=True)
        self.app = schema.name
        self.seen: dict[int, float] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(0.02):
            pids = [pid for (pid,) in self.conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (self.app,))]
            for pid in pids:
                try:
                    with open(f"/proc/{pid}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue  # ended, or the server is on another machine
                self.seen[pid] = (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        self.conn.close()
        return sum(self.seen.values())


class _schema:
    """A new schema in the database at ``url`` for one run, dropped after it. ``url`` (the
    attribute) has that schema as its search_path, and its name as the application_name."""

    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        self.name = f"bench_pg_{uuid.uuid4().hex[:8]}"
        self.admin = sa.create_engine(url)
        sep = "&" if "?" in url else "?"
        self.url = f"{url}{sep}options=-csearch_path%3D{self.name}&application_name={self.name}"

    def __enter__(self) -> _schema:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {self.name}")
        return self

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
