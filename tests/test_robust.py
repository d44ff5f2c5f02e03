"""Issue 15: the storage and command-line robustness items, each done for real (threads, processes,
damaged files, real PostgreSQL where it applies)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ticker.store import Store

from pagegen import SUBPROCESS_TIMEOUT, TICKER, generate_pages, run_ticker


def _stored(db: Path) -> dict[str, list[tuple[str, float]]]:
    """source -> [(name_printed, value)] of every snapshot, in page order."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT s.source, q.name_printed, q.value FROM snapshots s "
                            "LEFT JOIN quotes q ON q.snapshot_id = s.id ORDER BY s.id, q.position").fetchall()
    out: dict[str, list] = {}
    for source, name, value in rows:
        out.setdefault(source, [])
        if name is not None:
            out[source].append((name, value))
    return out


def _truth(pages) -> dict[str, list[tuple[str, float]]]:
    return {str(p.path): [(n, float(v.replace(",", ""))) for n, v, _c, _p in p.entries] for p in pages}


# ------------------------------------------------------------------ 15.1 one Store, many threads


def test_one_store_shared_by_threads_stores_every_page_exactly(tmp_path):
    folders = [tmp_path / f"pages{i}" for i in range(4)]
    truth: dict = {}
    for i, folder in enumerate(folders):
        truth.update(_truth(generate_pages(folder, 60, vary=True, seed=20 + i, prefix=f"t{i}_")))
    db = tmp_path / "ticker.db"
    store = Store(db)
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            summaries = list(pool.map(lambda f: store.ingest([str(f)], batch_pages=5, workers=1), folders))
    finally:
        store.close()
    assert [(s.stored, s.duplicates, s.errors) for s in summaries] == [(60, 0, 0)] * 4
    assert _stored(db) == truth
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


# ------------------------------------------------------------------ 15.3 alias add during an ingest


def _count(db_url: str, sql: str) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar()
    except sa.exc.DBAPIError:
        return 0  # no schema yet
    finally:
        engine.dispose()


ALIAS_ADD = """
import sys
from ticker.cli import app
from typer.testing import CliRunner
print("ready", flush=True)
sys.stdin.readline()
result = CliRunner().invoke(app, ["alias", "add", "Nikkei", "Dow", "--db", sys.argv[1]])
print("moved" if result.exit_code == 0 else result.output, flush=True)
"""


@pytest.mark.slow
def test_alias_add_while_an_ingest_runs_moves_the_whole_series(db_url, tmp_path):
    pages = generate_pages(tmp_path / "pages", 2000, seed=31)
    # `ticker alias add`'s own code in a process of its own, started (imports done) before the
    # ingest, so that it acts while the ingest runs, not after a second of start-up.
    alias = subprocess.Popen([sys.executable, "-c", ALIAS_ADD, db_url], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert alias.stdout.readline() == "ready\n"
    ingest = subprocess.Popen([*TICKER, "ingest", "--quiet", "--batch-size", "10", "--db", db_url,
                               str(tmp_path / "pages")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + SUBPROCESS_TIMEOUT
        while _count(db_url, "SELECT count(*) FROM snapshots") < 30 and ingest.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        moved, moved_err = alias.communicate("go\n", timeout=SUBPROCESS_TIMEOUT)
        assert alias.returncode == 0 and moved == "moved\n", moved_err
        during = _count(db_url, "SELECT count(*) FROM snapshots")
        out, err = ingest.communicate(timeout=SUBPROCESS_TIMEOUT)
    finally:
        ingest.kill()
        alias.kill()
    assert ingest.returncode == 0, err
    assert during < len(pages), "the ingest ended before the alias was added: the test tested nothing"
    assert _count(db_url, "SELECT count(*) FROM snapshots") == len(pages)
    dow = "(SELECT instrument_id FROM aliases WHERE alias_key = 'dow')"
    # every Nikkei quote, stored before the alias or after it, is Dow's now; none left behind
    assert _count(db_url, f"SELECT count(*) FROM quotes WHERE name_printed = 'Nikkei' AND instrument_id = {dow}") \
        == len(pages)
    assert _count(db_url, "SELECT count(*) FROM quotes WHERE name_printed = 'Nikkei'") == len(pages)
