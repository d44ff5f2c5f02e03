"""A new PostgreSQL store without Alembic: made from ``ticker/data/schema.postgresql.sql`` (the
DDL the migrations produce, Alembic's offline SQL) with psycopg alone, under the migrations'
advisory lock, stamped at head. The file is what the migrations make; a store made from it is
the store the migrations make; several first ingests at once make it once; anything but an
empty schema still goes through Alembic (or is refused, as before)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa

from ticker import ingest as ingest_mod
from ticker import pages
from ticker.db import migrate, revisions

from conftest import strip_page


def test_the_postgresql_schema_file_is_what_the_migrations_make():
    assert revisions.SCHEMA_FILES["postgresql"].read_text(encoding="utf-8") == migrate.postgresql_schema(), (
        "ticker/data/schema.postgresql.sql is stale: run `python -m ticker.db.migrate`")


def test_the_postgresql_schema_file_leaves_the_stamping_to_ticker():
    statements = revisions.schema_statements("postgresql")
    assert statements[0].startswith("CREATE TABLE alembic_version")
    assert not [s for s in statements if "alembic_version" in s and not s.startswith("CREATE TABLE")]
    assert any(s.startswith("CREATE TABLE quotes") for s in statements)


# What a schema holds, read from PostgreSQL's catalogs, without the schema's name: every relation
# with its kind, every column (type, nullability, default), constraint, index and view definition.
_CATALOG = {
    "relations": "SELECT relname, relkind FROM pg_class WHERE relnamespace = current_schema()::text::regnamespace "
                 "ORDER BY relname",
    "columns": "SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length, "
               "is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() "
               "ORDER BY table_name, ordinal_position",
    "constraints": "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
                   "WHERE connamespace = current_schema()::text::regnamespace ORDER BY 1, 2",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
               "ORDER BY 1, 2",
    "views": "SELECT viewname, definition FROM pg_views WHERE schemaname = current_schema()",
    "sequences": "SELECT sequencename, data_type, start_value, increment_by FROM pg_sequences "
                 "WHERE schemaname = current_schema() ORDER BY 1",
    "versions": "SELECT version_num FROM alembic_version",
}


def _catalog(url: str) -> dict[str, list[tuple]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
            stamped = conn.exec_driver_sql("SELECT to_regclass('alembic_version') IS NOT NULL").scalar_one()
            return {key: [tuple(str(v).replace(f"{schema}.", "") if isinstance(v, str) else v for v in row)
                          for row in conn.exec_driver_sql(sql)]
                    for key, sql in _CATALOG.items() if stamped or key != "versions"}
    finally:
        engine.dispose()


def _sibling(pg_url: str, prefix: str) -> str:
    """A URL of another new schema beside pg_url's (made here; dropped by the caller)."""
    url = pg_url.replace("search_path%3D", f"search_path%3D{prefix}")
    schema = url.rsplit("search_path%3D", 1)[1]
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    return url


def _drop(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA " + url.rsplit("search_path%3D", 1)[1] + " CASCADE")
    engine.dispose()


@pytest.mark.postgres
def test_a_store_made_from_the_postgresql_schema_file_equals_a_migrated_one(pg_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from ticker.db import postgres
    from ticker.db.schema import metadata
    from ticker.store import make_engine

    opened = postgres.open_current(pg_url)
    assert opened is not None
    opened[0].close()
    migrated = _sibling(pg_url, "alembic_")
    try:
        engine = make_engine(migrated)
        migrate.upgrade(engine)
        engine.dispose()
        made, expected = _catalog(pg_url), _catalog(migrated)
        assert made["versions"] == [(migrate.HEAD_REVISION,)]
        assert made == expected
    finally:
        _drop(migrated)
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata) == []
    engine.dispose()


def _ingest(url: str, paths) -> list:
    with ingest_mod.open_writer(url) as writer:
        return list(ingest_mod.ingest(writer, pages.expand([str(p) for p in paths]), workers=1))


@pytest.mark.postgres
def test_ingest_into_a_new_postgres_schema_imports_neither_sqlalchemy_nor_alembic(pg_url, write_page):
    page = write_page("2024-05-17T0800_sg.txt", strip_page())
    code = (
        "import sys\nfrom ticker.cli import app\n"
        f"try:\n    app(['ingest', {str(page)!r}, '--db', {pg_url!r}])\n"
        "except SystemExit as end:\n    assert end.code in (0, None), end.code\n"
        "print(sorted(m for m in ('pandas', 'sqlalchemy', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
    assert "1 page stored (15 quotes)" in out.stdout
    assert _catalog(pg_url)["versions"] == [(migrate.HEAD_REVISION,)]


@pytest.mark.postgres
def test_an_older_postgres_store_is_still_upgraded_through_alembic(pg_url, write_page):
    from ticker.db import postgres
    from ticker.store import Store, make_engine

    engine = make_engine(pg_url)
    migrate.upgrade(engine, "0002")
    engine.dispose()
    assert postgres.open_current(pg_url) is None  # not at head, not empty: the engine's path
    [result] = _ingest(pg_url, [write_page("2024-05-17T0800_sg.txt", strip_page())])
    assert result.status == "stored"
    assert _catalog(pg_url)["versions"] == [(migrate.HEAD_REVISION,)]
    with Store(pg_url) as store:
        assert len(store.series("Nikkei")) == 1


@pytest.mark.postgres
def test_a_schema_holding_anything_is_not_made_a_store_from_the_file(pg_url):
    from ticker.db import postgres
    from ticker.store import StoreError

    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE SEQUENCE someone_elses_counter")
    engine.dispose()
    assert postgres.open_current(pg_url) is None
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE notes (id integer)")
    engine.dispose()
    with pytest.raises(StoreError, match=r"already has tables of its own \(notes\)"):
        ingest_mod.open_writer(pg_url)
    assert [r[0] for r in _catalog(pg_url)["relations"]] == ["notes", "someone_elses_counter"]


_FIRST_INGEST = r"""
import pathlib, sys, time
from ticker import ingest
from ticker.db import postgres
real_statements = postgres.schema_statements

def counted(dialect):  # called only by the process that makes the store
    print("CREATED", flush=True)
    time.sleep(0.2)  # hold the lock a while: the others must wait for it, not make the store too
    return real_statements(dialect)

postgres.schema_statements = counted
print("READY", flush=True)
go = pathlib.Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
ingest.open_writer(sys.argv[1]).close()
print("OPENED", sorted(m for m in ("sqlalchemy", "alembic") if m in sys.modules), flush=True)
"""


@pytest.mark.postgres
@pytest.mark.slow
def test_processes_making_a_new_postgres_store_at_once_make_it_once_without_alembic(pg_url, tmp_path):
    from test_migrations import _open_at_once

    outputs = _open_at_once(_FIRST_INGEST, pg_url, tmp_path / "go", 4)
    assert sum(out.count("CREATED") for out, _err in outputs) == 1
    assert all("OPENED []" in out for out, _err in outputs), outputs
    assert _catalog(pg_url)["versions"] == [(migrate.HEAD_REVISION,)]


@pytest.mark.postgres
def test_the_psycopg_writer_label_hides_a_password_given_in_the_query(pg_url):
    with ingest_mod.open_writer(pg_url + "&password=hunter2-s3cret&sslmode=disable") as writer:
        assert type(writer.conn).__module__.startswith("psycopg")
        assert "hunter2" not in writer.label and "s3cret" not in writer.label
        assert "password=***" in writer.label and "sslmode=disable" in writer.label
