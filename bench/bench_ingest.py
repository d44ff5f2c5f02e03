#!/usr/bin/env python3
"""Ingest benchmark: `ticker ingest` of N generated pages into a fresh SQLite store, side by side
with the plain-Python floor (`../shared/bench/floor_ingest.py`: one regex, one executemany).

usage: python bench/bench_ingest.py [--pages 10000] [--runs 3] [--postgres URL] [--workdir DIR]

Prints, per contender, the median wall time of --runs runs (process start included), the peak
RSS, and the ratio ticker/floor. With --postgres, also ingests into that PostgreSQL database
(a fresh schema each run).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import SHARED, generate_pages, median, run_measured, ticker_cmd  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--postgres", help="also ingest into this PostgreSQL URL")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ticker-bench")
    ap.add_argument("--ticker-args", default="", help="extra arguments for ticker ingest")
    a = ap.parse_args()

    pages = generate_pages(a.workdir / f"pages-{a.pages}", a.pages)
    files = sorted(p.name for p in pages.glob("page-*.txt"))
    floor, tick, pg = [], [], []

    def floor_run(run: int, tree: bool):
        db = a.workdir / f"floor-{run}.db"
        db.unlink(missing_ok=True)
        return run_measured([sys.executable, str(SHARED / "bench" / "floor_ingest.py"), str(db), *files], cwd=pages,
                            tree=tree)

    def ticker_run(run: int, tree: bool):
        db = a.workdir / f"ticker-{run}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return run_measured([*ticker_cmd(), "ingest", ".", "--db", str(db), "--quiet", *a.ticker_args.split()],
                            cwd=pages, tree=tree)

    # Timed runs, interleaved, without the process-tree sampler (it competes for the cores);
    # then one sampled run each for the memory of the whole tree.
    for run in range(a.runs):
        floor.append(floor_run(run, tree=False))
        tick.append(ticker_run(run, tree=False))
        if a.postgres:
            pg.append(_postgres_run(a.postgres, pages, a.ticker_args))
    floor_mem, tick_mem = [floor_run(a.runs, tree=True)], [ticker_run(a.runs, tree=True)]
    f_wall, t_wall = median([r[0] for r in floor]), median([r[0] for r in tick])
    print(f"pages: {a.pages} ({len(files)} files), runs: {a.runs}")
    print(f"floor  (regex + executemany): median {f_wall:.3f} s   {_memory(floor + floor_mem)}")
    print(f"ticker ingest (SQLite):       median {t_wall:.3f} s   {_memory(tick + tick_mem)}")
    print(f"ratio ticker/floor: {t_wall / f_wall:.2f}x  (target <= 1.5x)   all runs: floor "
          + " ".join(f"{r[0]:.2f}" for r in floor) + ", ticker " + " ".join(f"{r[0]:.2f}" for r in tick))
    if pg:
        print(f"ticker ingest (PostgreSQL):   median {median([r[0] for r in pg]):.3f} s   {_memory(pg)}")


def _memory(runs) -> str:
    return (f"peak RSS {max(r[1] for r in runs):.0f} MB (main process), "
            f"{max(r[2] for r in runs):.0f} MB (with its workers, PSS)")


def _postgres_run(url: str, pages: Path, extra: str):
    import sqlalchemy as sa

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in url else "?"
        return run_measured([*ticker_cmd(), "ingest", ".", "--db", f"{url}{sep}options=-csearch_path%3D{schema}", "--quiet", *extra.split()], cwd=pages, tree=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
