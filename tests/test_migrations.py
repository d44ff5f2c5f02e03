"""Migrations: one head, up from empty, down and up again, models == migrated DDL, newer schema refused."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from ticker.db import migrate
from ticker.db.schema import metadata
from ticker.store import Store, StoreError, make_engine

from conftest import nikkei_page


def test_single_head_and_it_is_the_one_the_code_knows():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD_REVISION]
    assert [r.revision for r in script.walk_revisions()][::-1] == list(migrate.KNOWN_REVISIONS)


def test_upgrade_from_empty_to_head_creates_everything(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
        names = set(sa.inspect(conn).get_table_names())
        views = set(sa.inspect(conn).get_view_names())
    assert {"instruments", "aliases", "snapshots", "quotes", "alembic_version"} <= names
    assert "quote_series" in views
    engine.dispose()


def test_models_match_migrated_schema(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert diff == []


def test_the_migrated_view_has_the_columns_the_code_expects(db_url):
    from ticker.db.schema import QUOTE_SERIES_COLUMNS

    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        columns = [c["name"] for c in sa.inspect(conn).get_columns("quote_series")]
    engine.dispose()
    assert tuple(columns) == QUOTE_SERIES_COLUMNS


def test_revisions_are_frozen_they_import_nothing_from_ticker():
    import ast
    from pathlib import Path

    versions = Path(migrate.alembic_config().get_main_option("script_location")) / "versions"
    files = sorted(versions.glob("0*.py"))
    assert [f.name[:4] for f in files] == list(migrate.KNOWN_REVISIONS)
    imported = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.setdefault(path.name, []).extend(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                imported.setdefault(path.name, []).append("." * node.level + (node.module or ""))
    assert {name: [m for m in mods if m.startswith(("ticker", "."))] for name, mods in imported.items()} == {
        name: [] for name in imported}


def test_downgrade_to_base_and_up_again(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    with engine.connect() as conn:
        assert not ({"quotes", "snapshots"} & set(sa.inspect(conn).get_table_names()))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
    engine.dispose()


def test_opening_upgrades_and_data_survives_reopening(db_url):
    with Store(db_url) as store:
        store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"))
    with Store(db_url) as store:
        assert store.series("Nikkei")["value"].tolist() == [40074.69]
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT instrument, value FROM quote_series ORDER BY position")).all()
    assert rows[0] == ("Nikkei 225", 40074.69)


def test_store_from_a_newer_ticker_is_refused_and_left_alone(db_url):
    with Store(db_url) as store:
        store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"))
        with store.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer than this ticker knows"):
        Store(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        assert conn.execute(sa.text("SELECT count(*) FROM quotes")).scalar() == 2
    engine.dispose()


# ------------------------------------------------------------------------------ data through upgrades

# Rows written the way revision 0001 (the first) laid them out: a store from the first release.
REV1_ROWS = [
    "INSERT INTO instruments (id, name, symbol, kind) VALUES (1, 'Nikkei 225', '^N225', 'index')",
    "INSERT INTO instruments (id, name, symbol, kind) VALUES (2, 'Dow Jones Industrial Average', '^DJI', 'index')",
    "INSERT INTO aliases (id, alias_key, printed, instrument_id, origin) VALUES (1, 'nikkei', 'Nikkei', 1, 'seen')",
    "INSERT INTO aliases (id, alias_key, printed, instrument_id, origin) VALUES (2, 'dow', 'Dow', 2, 'seen')",
    "INSERT INTO snapshots (id, source, content_hash, captured_at, captured_at_source, market_status, ingested_at) "
    "VALUES (1, 'old-1.txt', 'h1', '2024-05-17 08:00:00', 'name', 'Singapore markets closed', '2024-05-17 09:00:00')",
    "INSERT INTO snapshots (id, source, content_hash, captured_at, captured_at_source, market_status, ingested_at) "
    "VALUES (2, 'old-2.txt', 'h2', '2024-05-18 08:00:00', 'name', NULL, '2024-05-18 09:00:00')",
    "INSERT INTO quotes (id, snapshot_id, position, instrument_id, name_printed, value, change, change_pct, consistent, line) "
    "VALUES (1, 1, 0, 1, 'Nikkei', 40074.69, 443.63, 1.12, TRUE, 3)",
    "INSERT INTO quotes (id, snapshot_id, position, instrument_id, name_printed, value, change, change_pct, consistent, line) "
    "VALUES (2, 1, 1, 2, 'Dow', 39157.93, -11.59, -0.03, TRUE, 8)",
    "INSERT INTO quotes (id, snapshot_id, position, instrument_id, name_printed, value, change, change_pct, consistent, line) "
    "VALUES (3, 2, 0, 1, 'Nikkei', 40100.0, 25.31, 0.06, FALSE, 3)",
]
REV1_COUNTS = {"instruments": 2, "aliases": 2, "snapshots": 2, "quotes": 3}


def _counts(engine) -> dict:
    with engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in REV1_COUNTS}


def test_a_store_from_revision_1_with_data_upgrades_to_head_intact(db_url):
    """Step through every known revision from the first, data in the store all the way."""
    engine = make_engine(db_url)
    first, *later = migrate.KNOWN_REVISIONS
    migrate.upgrade(engine, first)
    with engine.begin() as conn:
        for statement in REV1_ROWS:
            conn.execute(sa.text(statement))
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in REV1_COUNTS:
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
    for revision in later:
        migrate.upgrade(engine, revision)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == revision
        assert _counts(engine) == REV1_COUNTS, f"rows lost upgrading to {revision}"
    engine.dispose()

    with Store(db_url) as store:  # opening brings it to head (a no-op when it is there already)
        assert store.revision() == migrate.HEAD_REVISION
        series = store.series("nikkei")
        assert series["value"].tolist() == [40074.69, 40100.0]
        assert series["consistent"].tolist() == [True, False]
        assert [str(t) for t in series.index] == ["2024-05-17 08:00:00+00:00", "2024-05-18 08:00:00+00:00"]
        assert series["source"].tolist() == ["old-1.txt", "old-2.txt"]
        assert store.series("Dow")["value"].tolist() == [39157.93]
        # New pages go in beside the old ones.
        assert store.ingest_text(nikkei_page("40,200.00", "+100.00", "+0.25"), source="new").status == "stored"
        assert store.counts() == {**REV1_COUNTS, "snapshots": 3, "quotes": 5}
        assert store.doctor().ok


@pytest.mark.parametrize("start", migrate.KNOWN_REVISIONS)
def test_every_known_revision_upgrades_to_head_and_down_again(db_url, start):
    engine = make_engine(db_url)
    migrate.upgrade(engine, start)
    migrate.ensure_current(engine)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
    migrate.downgrade(engine, start)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == start
    engine.dispose()


# ------------------------------------------------------------------------------ two processes, one new store

_OPENER = r"""
import pathlib, sys, time
import alembic.command
real_upgrade = alembic.command.upgrade

def counted(*args, **kwargs):
    print("MIGRATING", flush=True)
    return real_upgrade(*args, **kwargs)

alembic.command.upgrade = counted
from ticker.store import Store
print("READY", flush=True)
go = pathlib.Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
Store(sys.argv[1]).close()
print("OPENED", flush=True)
"""


def _open_at_once(script: str, target: str, go, openers: int) -> list[tuple[str, str]]:
    """Start ``openers`` processes running ``script`` on ``target``; once every one is imported and
    waiting, let them all go at once (``go`` appears). Their (stdout, stderr); each must succeed."""
    import subprocess
    import sys

    procs = [
        subprocess.Popen([sys.executable, "-c", script, target, str(go)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(openers)
    ]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "READY", proc.stderr.read()
        go.touch()
        outputs = [proc.communicate(timeout=120) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0 and "OPENED" in out, err
        assert "locked" not in err and err == "", err
    return outputs


@pytest.mark.slow
@pytest.mark.parametrize("openers", [2, 4])
def test_processes_opening_a_new_store_at_once_migrate_it_once(db_url, tmp_path, openers):
    outputs = _open_at_once(_OPENER, db_url, tmp_path / "go", openers)
    assert sum(out.count("MIGRATING") for out, _err in outputs) == 1
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [migrate.HEAD_REVISION]
    engine.dispose()


# ------------------------------------------------------------------------------ killed mid-migration


def _migration_running(db_url: str) -> bool:
    """True while some process holds the store's migration lock (and so is migrating)."""
    if db_url.startswith("sqlite:///"):
        import sqlite3

        conn = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as err:
            if "locked" in str(err):
                return True
            raise
        finally:
            conn.close()
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(sa.text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = :key"
            ), {"key": migrate._PG_LOCK_KEY}).scalar())
    finally:
        engine.dispose()


def _waits_for_snapshots(conn) -> bool:
    """True while another session waits for a lock on snapshots (PostgreSQL)."""
    return bool(conn.execute(sa.text(
        "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'snapshots'::regclass")).scalar())


@pytest.mark.slow
def test_killed_mid_migration_leaves_the_old_schema_and_data_and_upgrades_later(db_url):
    import signal
    import subprocess
    import sys
    import time

    if len(migrate.KNOWN_REVISIONS) < 2:
        pytest.skip("only one revision: there is no migration of a store with data to interrupt")
    engine = make_engine(db_url)
    migrate.upgrade(engine, migrate.KNOWN_REVISIONS[0])
    with engine.begin() as conn:
        for statement in REV1_ROWS:
            conn.execute(sa.text(statement))
        # Enough quotes that the upgrade takes a while (its index is built over them).
        conn.execute(sa.text(
            "INSERT INTO snapshots (id, source, content_hash, captured_at, captured_at_source, ingested_at) "
            "VALUES (3, 'bulk', 'h3', '2024-05-19 08:00:00', 'at', '2024-05-19 09:00:00')"))
        conn.execute(sa.text(
            "WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 200009) "
            "INSERT INTO quotes (id, snapshot_id, position, instrument_id, name_printed, value, change, change_pct, "
            "consistent) SELECT i, 3, i, 2, 'Dow', 39000.0 + (i % 1000), 1.0, 0.01, TRUE FROM n"))
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('quotes', 'id'), 300000)"))
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('snapshots', 'id'), 10)"))
        expected = conn.execute(sa.text("SELECT count(*), sum(value) FROM quotes")).one()
    engine.dispose()
    assert expected[0] > 200_000

    # PostgreSQL builds the index over the rows faster than a busy machine lets this process look
    # in: there the upgrade is held mid-way instead, by a share lock on snapshots, whose columns a
    # later revision alters (the upgrade then waits inside its transaction, the earlier revisions'
    # work done).
    holder = sa.create_engine(db_url) if db_url.startswith("postgresql") else None
    held = holder.connect() if holder is not None else None
    if held is not None:
        held.execute(sa.text("LOCK TABLE snapshots IN ACCESS SHARE MODE"))
    proc = subprocess.Popen([sys.executable, "-m", "ticker", "db", "upgrade", "--db", db_url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and not (
                _migration_running(db_url) and (held is None or _waits_for_snapshots(held))):
            time.sleep(0.002)
        assert proc.poll() is None, "the upgrade ended before it could be killed mid-way: give it more rows"
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        if held is not None and holder is not None:
            held.rollback()
            held.close()
            holder.dispose()
    assert proc.returncode == -signal.SIGKILL

    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.KNOWN_REVISIONS[0]  # the upgrade is all or nothing
        assert conn.execute(sa.text("SELECT count(*), sum(value) FROM quotes")).one() == expected
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
    engine.dispose()
    with Store(db_url) as store:  # the next open finishes the job
        assert store.revision() == migrate.HEAD_REVISION
        assert store.series("nikkei")["value"].tolist() == [40074.69, 40100.0]
        assert store.counts()["quotes"] == expected[0]
        assert store.doctor(full=True).ok


def test_another_apps_database_is_left_alone(tmp_path):
    import sqlite3

    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"already has tables of its own \(notes\)"):
        Store(path)
    assert path.read_bytes() == before  # not even switched to WAL
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["notes"]
        assert conn.execute("SELECT body FROM notes").fetchall() == [("keep me",)]


# ------------------------------------------------------------------------------ a new SQLite store without Alembic


def _sqlite_master(path) -> tuple[list, list]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return objects, versions


def test_the_sqlite_schema_file_is_what_the_migrations_make():
    from ticker.db import sqlite

    assert sqlite.SCHEMA_FILE.read_text(encoding="utf-8") == migrate.sqlite_schema(), (
        "ticker/data/schema.sqlite.sql is stale: run `python -m ticker.db.migrate`")


def test_a_store_made_from_the_schema_file_equals_a_migrated_one(tmp_path):
    from ticker.db import sqlite

    conn = sqlite.open_current(tmp_path / "fast.db")
    assert conn is not None
    conn.close()
    Store(tmp_path / "alembic.db").close()
    assert _sqlite_master(tmp_path / "fast.db") == _sqlite_master(tmp_path / "alembic.db")
    engine = make_engine(tmp_path / "fast.db")
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata) == []
    engine.dispose()


def test_ingest_upgrades_an_older_sqlite_store_through_alembic(tmp_path):
    from ticker import ingest, pages

    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    page = tmp_path / "p.txt"
    page.write_text(nikkei_page("40,074.69", "+443.63", "+1.12"), encoding="utf-8")
    with ingest.open_writer(path) as writer:
        assert [r.status for r in ingest.ingest(writer, pages.expand([str(page)]))] == ["stored"]
    assert _sqlite_master(path)[1] == [(migrate.HEAD_REVISION,)]
    with Store(path) as store:
        assert store.series("Nikkei")["value"].tolist() == [40074.69]


def test_ingest_leaves_another_apps_database_alone(tmp_path):
    import sqlite3

    from ticker import ingest

    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="already has tables of its own"):
        ingest.open_writer(path)
    assert path.read_bytes() == before


_FAST_OPENER = r"""
import pathlib, sys, time
from ticker import ingest
from ticker.db import sqlite
real_statements = sqlite.schema_statements

def counted():  # called only by the process that creates the schema
    print("CREATED", flush=True)
    return real_statements()

sqlite.schema_statements = counted
print("READY", flush=True)
go = pathlib.Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
ingest.open_writer(sys.argv[1]).close()
print("OPENED", flush=True)
"""


@pytest.mark.slow
def test_processes_opening_a_new_store_at_once_create_it_once_without_alembic(tmp_path):
    path = tmp_path / "new.db"
    outputs = _open_at_once(_FAST_OPENER, str(path), tmp_path / "go", 4)
    assert sum(out.count("CREATED") for out, _err in outputs) == 1
    assert _sqlite_master(path)[1] == [(migrate.HEAD_REVISION,)]


def test_another_apps_alembic_database_is_left_alone(tmp_path):
    import sqlite3

    from ticker import ingest

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:  # another application that also keeps its schema with Alembic
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('a1b2c3d4e5f6')")
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = path.read_bytes()
    for open_it in (Store, ingest.open_writer):
        with pytest.raises(StoreError, match=r"already has tables of its own \(alembic_version, invoices\)"):
            open_it(path)
    assert path.read_bytes() == before  # not even switched to WAL


def test_new_stores_use_large_pages_and_existing_files_keep_theirs(tmp_path):
    import sqlite3

    from ticker import ingest
    from ticker.db import sqlite as ticker_sqlite

    def page_size(path):
        with sqlite3.connect(path) as conn:
            return conn.execute("PRAGMA page_size").fetchone()[0]

    made_by_writer, made_by_store = tmp_path / "w.db", tmp_path / "s.db"
    ingest.open_writer(made_by_writer).close()
    Store(made_by_store).close()
    assert page_size(made_by_writer) == page_size(made_by_store) == ticker_sqlite.PAGE_SIZE == 8192
    old = tmp_path / "old.db"  # a store file begun with other pages: left so
    with sqlite3.connect(old) as conn:
        conn.execute("PRAGMA page_size=2048")
        conn.execute("VACUUM")
    Store(old).close()
    assert page_size(old) == 2048
