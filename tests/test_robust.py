"""Issue 15: the storage and command-line robustness items, each done for real (threads, processes,
damaged files, real PostgreSQL where it applies)."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ticker.store import Store

from pagegen import generate_pages


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
