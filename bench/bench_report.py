"""Benchmark: `ticker report --index NAME` on a store of 1,000,000 quotes, end to end.

The store is built directly through SQLAlchemy Core (executemany), not by parsing pages, so it
takes seconds: 15 instruments on every snapshot, a snapshot every 15 minutes, each snapshot with
its compressed page text like a real one. The report runs as a fresh process each time (start-up,
imports, store open and migration check, query, pandas, output), and the median of the runs is the
figure; the target is under 1 second.

    python bench/bench_report.py                       # build /tmp/ticker-bench-1m.db if missing, time it
    python bench/bench_report.py --runs 7 --index "S&P 500" --extra   # also time csv/resample/--last
    python bench/bench_report.py --quotes 200000 --db /tmp/small.db --rebuild
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Printed name, value, typical size of a move: the seed strip's instruments.
STRIP = [
    ("Straits Times Index", 3367.90, 8.0),
    ("S&P 500", 5478.50, 10.0),
    ("Dow", 39157.93, 60.0),
    ("Nasdaq", 17918.62, 40.0),
    ("Bitcoin USD", 61948.67, 300.0),
    ("CMC Crypto 200", 1326.10, 8.0),
    ("FTSE 100", 8108.40, 15.0),
    ("Gold", 2332.90, 5.0),
    ("Crude Oil", 83.49, 0.3),
    ("10-Yr Bond", 4.4390, 0.01),
    ("Nikkei", 40074.69, 70.0),
    ("Hang Seng", 17769.14, 40.0),
    ("FTSE Bursa Malaysia", 1597.96, 3.0),
    ("Jakarta Composite Index", 7125.14, 12.0),
    ("PSE Index", 6358.96, 12.0),
]
START = datetime(2022, 1, 3, tzinfo=UTC)
STEP = timedelta(minutes=15)
CHUNK = 20_000  # snapshots per transaction


def build_store(path: Path, total_quotes: int) -> float:
    """Create a store at ``path`` holding ``total_quotes`` quotes; return the seconds it took."""
    import random

    from sqlalchemy import insert

    from ticker.db.schema import aliases, instruments, quotes, snapshots
    from ticker.instruments import display_name, name_key, resolve
    from ticker.store import Store

    began = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store(path)  # creates and migrates the schema
    rng = random.Random(20240517)
    per_page = len(STRIP)
    pages = total_quotes // per_page
    page_text = zlib.compress(("\n".join(f"• {n}\n{v:,.2f}\n+0.00 (+0.00%)" for n, v, _ in STRIP) * 12).encode(), 1)
    now = datetime.now(UTC)
    with store.engine.connect().execution_options(ticker_write=True) as conn:
        with conn.begin():
            ids = []
            for printed, _value, _step in STRIP:
                inst = resolve(printed)
                new_id = conn.execute(
                    insert(instruments).values(name=inst.name, symbol=inst.symbol, kind=inst.kind).returning(instruments.c.id)
                ).scalar_one()
                conn.execute(insert(aliases).values(alias_key=name_key(printed), printed=display_name(printed),
                                                    instrument_id=new_id, origin="seen"))
                ids.append(new_id)
        values = [v for _n, v, _s in STRIP]
        snapshot_id = 0
        for first in range(0, pages, CHUNK):
            snap_rows, quote_rows = [], []
            for page in range(first, min(first + CHUNK, pages)):
                snapshot_id += 1
                closed = rng.random() < 0.3  # a closed market repeats its value on many pages
                snap_rows.append({
                    "id": snapshot_id, "source": f"archive/{page:07d}.html",
                    "content_hash": hashlib.sha256(str(page).encode()).hexdigest(),
                    "captured_at": START + page * STEP, "captured_at_source": "name",
                    "market_status": "Singapore markets closed" if closed else "Singapore markets open",
                    "page_time": None, "ingested_at": now, "page_text": page_text,
                })
                for position, ((printed, _v, step), inst_id) in enumerate(zip(STRIP, ids)):
                    change = 0.0 if closed else round(rng.gauss(0, step), 4)
                    before = values[position]
                    values[position] = round(max(before + change, step), 4)
                    quote_rows.append({
                        "snapshot_id": snapshot_id, "position": position, "instrument_id": inst_id,
                        "name_printed": printed, "value": values[position], "change": change,
                        "change_pct": round(100 * change / before, 2), "consistent": True, "line": 3 + 5 * position,
                    })
            with conn.begin():
                conn.execute(insert(snapshots), snap_rows)
                conn.execute(insert(quotes), quote_rows)
    store.close()
    return time.perf_counter() - began


def ticker_command() -> list[str]:
    exe = shutil.which("ticker", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "ticker"]


def time_command(args: list[str], runs: int, env: dict) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - began)
        if done.returncode != 0:
            sys.exit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stderr.strip()}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/ticker-bench-1m.db"), help="the benchmark store")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes in the store (default 1,000,000)")
    parser.add_argument("--rebuild", action="store_true", help="build the store even if it exists")
    parser.add_argument("--runs", type=int, default=5, help="report runs to take the median of (at least 3)")
    parser.add_argument("--index", default="Nikkei", help="the instrument to report on")
    parser.add_argument("--extra", action="store_true", help="also time --format csv, --resample 1D and --last 100")
    opts = parser.parse_args()
    runs = max(opts.runs, 3)

    if opts.rebuild or not opts.db.exists():
        seconds = build_store(opts.db, opts.quotes)
        print(f"built {opts.db} with {opts.quotes:,} quotes in {seconds:.1f} s")
    env = {**os.environ, "TICKER_DB": str(opts.db)}
    cmd = ticker_command()
    time_command([*cmd, "report", "--index", opts.index], 1, env)  # warm the OS file cache
    variants = [["report", "--index", opts.index]]
    if opts.extra:
        variants += [["report", "--index", opts.index, "--format", "csv"],
                     ["report", "--index", opts.index, "--resample", "1D"],
                     ["report", "--index", opts.index, "--last", "100"],
                     ["--help"]]
    for args in variants:
        times = time_command([*cmd, *args], runs, env)
        print(f"ticker {' '.join(args)}: median {statistics.median(times):.3f} s over {runs} runs "
              f"(min {min(times):.3f}, max {max(times):.3f})")


if __name__ == "__main__":
    main()
