"""The PostgreSQL writer at scale: a batch's snapshots in one multi-row INSERT, its quotes in one
COPY (ticker/db/writer.py), against the real server (TICKER_TEST_DATABASE_URL).

A failing row anywhere in a batch fails the batch's transaction; the writer then writes its pages
one each, so the bad page is stored not at all and the others whole. Concurrent writers of
overlapping pages store each page once."""

from __future__ import annotations

import random
import threading

import pytest
import sqlalchemy as sa

from ticker import ingest as ingest_mod
from ticker import pages

from conftest import SEED_STRIP, strip_page

pytestmark = pytest.mark.postgres


def _page(i: int, first_value: str | None = None) -> str:
    """The seed strip with its first value made unique by ``i`` (distinct bytes, distinct hash)."""
    name, _value, change, pct = SEED_STRIP[0]
    return strip_page([(name, first_value or f"3,{i:03d}.90", change, pct), *SEED_STRIP[1:]])


def _ingest(url: str, paths, **kwargs):
    with ingest_mod.open_writer(url) as writer:
        return list(ingest_mod.ingest(writer, pages.expand([str(p) for p in paths]), workers=1, **kwargs))


def _rows(url: str, sql: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]
    finally:
        engine.dispose()


def _execute(url: str, *statements: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def test_a_quote_violating_a_constraint_in_the_copy_fails_its_page_alone(pg_url, write_page):
    # A real CHECK constraint on quotes, violated by one row of the middle page's COPY.
    _ingest(pg_url, [])  # migrate the new schema
    _execute(pg_url, "ALTER TABLE quotes ADD CONSTRAINT value_below_a_million CHECK (value < 1000000)")
    paths = [write_page("1.txt", _page(1)), write_page("2.txt", _page(2, "1,234,567.00")), write_page("3.txt", _page(3))]
    results = _ingest(pg_url, paths)
    assert [(r.status, r.quotes) for r in results] == [("stored", 15), ("error", 0), ("stored", 15)]
    assert "value_below_a_million" in results[1].reason and "\n" not in results[1].reason
    # the bad page not at all (no snapshot without its quotes), the others whole
    assert _rows(pg_url, "SELECT s.source, count(q.id) FROM snapshots s LEFT JOIN quotes q ON q.snapshot_id = s.id "
                         "GROUP BY s.source ORDER BY s.source") == [(str(paths[0]), 15), (str(paths[2]), 15)]
    # the writer goes on: the bad page stored once the constraint is gone, the others duplicates
    _execute(pg_url, "ALTER TABLE quotes DROP CONSTRAINT value_below_a_million")
    assert [r.status for r in _ingest(pg_url, paths)] == ["duplicate", "stored", "duplicate"]
    assert _rows(pg_url, "SELECT count(*) FROM quotes") == [(45,)]


def test_a_snapshot_row_violating_a_constraint_fails_its_page_alone(pg_url, write_page):
    # The failing row is in the batch's multi-row snapshots INSERT this time.
    _ingest(pg_url, [])
    _execute(pg_url, "ALTER TABLE snapshots ADD CONSTRAINT no_refused_sources CHECK (position('refused' in source) = 0)")
    paths = [write_page(f"{i}.txt", _page(i)) for i in range(4)]
    paths.insert(2, write_page("refused.txt", _page(99)))
    results = _ingest(pg_url, paths)
    assert [r.status for r in results] == ["stored", "stored", "error", "stored", "stored"]
    assert "no_refused_sources" in results[2].reason
    assert _rows(pg_url, "SELECT count(*), count(DISTINCT snapshot_id) FROM quotes") == [(60, 4)]
    assert all(s != str(paths[2]) for (s,) in _rows(pg_url, "SELECT source FROM snapshots"))


def test_copied_quotes_keep_their_values_and_awkward_names(pg_url, write_page):
    # COPY's text format gives \N, tabs, backslashes and newlines meanings of their own: a name
    # holding them must arrive as printed, and the numbers, flags and lines as parsed.
    entries = [("Nikkei \\N 225", "40,074.69", "+443.63", "+1.12"), ("C:\\Index\\t", "1.50", "-0.25", "-14.29"),
               ("Ünïcödé 50", "0.0001", "+0.0000", "+0.00"), ("Dow", "39,157.93", "-11.59", "-0.03")]
    path = write_page("awkward.txt", strip_page(entries))
    [result] = _ingest(pg_url, [path])
    assert result.status == "stored"
    expected = ingest_mod.quote_values(ingest_mod.parse(path.read_text(encoding="utf-8")))
    names, _symbols, values, changes, pcts, consistent, lines = expected
    assert names[:2] == ("Nikkei \\N 225", "C:\\Index\\t")
    assert _rows(pg_url, "SELECT name_printed, value, change, change_pct, consistent, line FROM quotes "
                         "ORDER BY position") == list(zip(names, values, changes, pcts, consistent, lines))


def test_concurrent_writers_of_overlapping_pages_store_each_page_once(pg_url, tmp_path):
    n, writers = 60, 4
    folder = tmp_path / "pages"
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"{i:03d}.txt"
        path.write_text(_page(i), encoding="utf-8")
        paths.append(path)
    rnd = random.Random(7)
    sets: list[list] = [[] for _ in range(writers)]
    for i, path in enumerate(paths):
        for k in {i % writers, *rnd.sample(range(writers), rnd.randint(1, 3))}:  # each page in 1 to 4 writers
            sets[k].append(path)
    for s in sets:
        rnd.shuffle(s)  # each writer meets the pages, and the new instruments, in its own order
    assert sum(map(len, sets)) > n
    _ingest(pg_url, [])  # migrated once: the race here is the writers'
    barrier = threading.Barrier(writers)
    results: dict[int, list] = {}
    failures: list[BaseException] = []

    # Pages are read and parsed here, before the threads: what runs concurrently is the writers.
    # (One process's threads share one zstd compressor, which is not thread-safe.)
    prepared = [[ingest_mod.prepare(item) for item in pages.expand([str(p) for p in s])] for s in sets]

    def write(k: int) -> None:
        try:
            with ingest_mod.open_writer(pg_url) as writer:
                barrier.wait(timeout=60)
                batches = [prepared[k][i : i + 7] for i in range(0, len(prepared[k]), 7)]
                results[k] = [r for batch in batches for r in writer.write(batch)]
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            failures.append(err)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads) and not failures, failures
    statuses = [r.status for k in range(writers) for r in results[k]]
    assert [r for k in range(writers) for r in results[k] if r.status not in ("stored", "duplicate")] == []
    assert statuses.count("stored") == n and statuses.count("duplicate") == sum(map(len, sets)) - n
    stored_sources = sorted(r.source for k in range(writers) for r in results[k] if r.status == "stored")
    assert stored_sources == sorted(map(str, paths))
    assert _rows(pg_url, "SELECT count(*), count(DISTINCT content_hash) FROM snapshots") == [(n, n)]
    # every snapshot whole: 15 quotes at positions 0-14, one instrument and one alias per name
    assert _rows(pg_url, "SELECT count(*) FROM (SELECT snapshot_id FROM quotes GROUP BY snapshot_id "
                         "HAVING count(*) = 15 AND min(position) = 0 AND max(position) = 14) whole") == [(n,)]
    assert _rows(pg_url, "SELECT (SELECT count(*) FROM instruments), (SELECT count(*) FROM aliases)") == [(15, 15)]


# ---------------------------------------------------------------- a store at head, psycopg alone


def test_ingest_into_postgres_at_head_imports_neither_sqlalchemy_nor_alembic(pg_url, write_page):
    import subprocess
    import sys

    page = write_page("2024-05-17T0800_sg.txt", _page(1))
    _ingest(pg_url, [])  # a new schema is migrated, through SQLAlchemy and Alembic
    code = (
        "import sys\nfrom ticker.cli import app\n"
        "for _ in range(2):  # a page, then the same page again: both into a store at head\n"
        f"    try:\n        app(['ingest', {str(page)!r}, '--db', {pg_url!r}])\n"
        "    except SystemExit as end:\n        assert end.code in (0, None), end.code\n"
        "print(sorted(m for m in ('pandas', 'sqlalchemy', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
    assert "1 page stored (15 quotes)" in out.stdout and "0 pages stored (0 quotes), 1 already stored" in out.stdout


def test_the_psycopg_writer_stores_what_the_engine_writer_stores(pg_url, tmp_path, write_page):
    from ticker.db import engine, open

    paths = [write_page(f"2024-05-{i + 1:02d}T0800_p.txt", _page(i)) for i in range(12)]
    paths.append(write_page("again.txt", _page(3)))  # the same bytes: a duplicate
    _ingest(pg_url, [])
    other = pg_url.replace("search_path%3D", "search_path%3Dcopy_of_")
    schema = other.rsplit("search_path%3D", 1)[1]
    _execute(pg_url, f"CREATE SCHEMA {schema}")
    try:
        stores = {}
        for label, opener, url in (("psycopg", open.open_writer, pg_url), ("engine", engine.open_writer, other)):
            with opener(url) as writer:
                assert (type(writer.conn).__module__.startswith("psycopg")) == (label == "psycopg")
                results = list(ingest_mod.ingest(writer, pages.expand([str(p) for p in paths]), workers=1,
                                                 batch_pages=5, now=lambda: ingest_mod._utcnow().replace(
                                                     year=2030, month=1, day=1, hour=0, minute=0, second=0,
                                                     microsecond=0)))
            stores[label] = (
                [(r.source, r.status, r.quotes, r.snapshot_id) for r in results],
                _rows(url, "SELECT id, source, content_hash, captured_at, captured_at_source, market_status, "
                           "page_time, ingested_at, page_text FROM snapshots ORDER BY id"),
                _rows(url, "SELECT q.snapshot_id, q.position, i.name, q.name_printed, q.value, q.change, "
                           "q.change_pct, q.consistent, q.line FROM quotes q JOIN instruments i ON i.id = q.instrument_id "
                           "ORDER BY q.snapshot_id, q.position"),
                _rows(url, "SELECT alias_key, printed, origin FROM aliases ORDER BY alias_key"),
            )
        assert stores["psycopg"] == stores["engine"]
        assert [r[1] for r in stores["psycopg"][0]].count("stored") == 12 and len(stores["psycopg"][2]) == 180
    finally:
        _execute(pg_url, f"DROP SCHEMA {schema} CASCADE")


def test_the_psycopg_writer_hides_the_password_when_a_page_fails(pg_url, write_page):
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(pg_url)
    with_password = urlunsplit(parts._replace(netloc=f"{parts.username}:hunter2-s3cret@{parts.hostname}:{parts.port}"))
    _ingest(pg_url, [])
    _execute(pg_url, "ALTER TABLE quotes ADD CONSTRAINT value_below_a_million CHECK (value < 1000000)")
    with ingest_mod.open_writer(with_password) as writer:
        assert type(writer.conn).__module__.startswith("psycopg")  # psycopg alone: the store is at head
        assert "hunter2" not in writer.label and "***" in writer.label
    [result] = _ingest(with_password, [write_page("big.txt", _page(1, "1,234,567.00"))])
    assert result.status == "error" and "value_below_a_million" in result.reason
    assert "hunter2" not in result.reason and "s3cret" not in result.reason


def test_snapshots_by_copy_and_by_arrays_store_alike(pg_url, tmp_path, write_page):
    """A batch's snapshots reach the server by binary COPY into a temporary table, or (a session
    without the TEMPORARY privilege) as one array per column: the same rows, ids and results."""
    from ticker.db import open

    paths = [write_page(f"2024-05-{i + 1:02d}T0800_p.txt", _page(i)) for i in range(12)]
    paths.insert(4, write_page("again.txt", _page(3)))  # the same bytes in the same batch: a duplicate
    paths.append(write_page("later.txt", _page(7)))  # and in a later batch
    _ingest(pg_url, [])
    other = pg_url.replace("search_path%3D", "search_path%3Darrays_")
    schema = other.rsplit("search_path%3D", 1)[1]
    _execute(pg_url, f"CREATE SCHEMA {schema}")
    try:
        _ingest(other, [])
        stores = {}
        for way, url in (("copy", pg_url), ("arrays", other)):
            with open.open_writer(url) as writer:
                if way == "arrays":
                    writer._temp_allowed = False  # as has_database_privilege(..., 'TEMPORARY') answers without it
                results = list(ingest_mod.ingest(writer, pages.expand([str(p) for p in paths]), workers=1,
                                                 batch_pages=5, now=lambda: ingest_mod._utcnow().replace(
                                                     year=2030, month=1, day=1, hour=0, minute=0, second=0,
                                                     microsecond=0)))
                assert writer._temp_allowed is (way == "copy")
            stores[way] = (
                [(r.source, r.status, r.quotes, r.snapshot_id) for r in results],
                _rows(url, "SELECT id, source, content_hash, captured_at, captured_at_source, market_status, "
                           "page_time, ingested_at, page_text, url FROM snapshots ORDER BY id"),
                _rows(url, "SELECT snapshot_id, position, instrument_id, name_printed, value FROM quotes "
                           "ORDER BY snapshot_id, position"),
            )
        assert stores["copy"] == stores["arrays"]
        assert [r[1] for r in stores["copy"][0]].count("duplicate") == 2 and len(stores["copy"][1]) == 12
    finally:
        _execute(pg_url, f"DROP SCHEMA {schema} CASCADE")
