"""Migrations: one head, up from empty, down and up again, models == migrated DDL, newer schema refused."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from conftest import nikkei_page
from ticker import migrate
from ticker.schema import metadata
from ticker.store import Store, StoreError, make_engine


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
