"""The page URL kept with each snapshot (issue 12 §5): migration 0004 up and down, written by the
ingest writer from the loaded page, shown by export and quote_series, filtered by --site."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from typer.testing import CliRunner

from ticker import pages
from ticker.cli import app
from ticker.db import migrate
from ticker.db.engine import make_engine
from ticker.store import Store

from conftest import nikkei_page

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


SITES = [  # (url, value): pages of three sites, one without a known URL
    ("https://www.example.com/markets/today", "40,074.69"),
    ("http://example.com:8080/quotes?id=1", "40,100.00"),
    ("https://news.other.org/example.com/page.html", "39,000.00"),  # example.com only in the path
    (None, "39,500.50"),
]


def fill(store):
    for i, (url, value) in enumerate(SITES):
        store.ingest_text(nikkei_page(value, "+1.00", "+0.01") + f"\npage {i}\n", source=f"p{i}.html",
                          at=datetime(2024, 5, 17 + i, 8, tzinfo=UTC), url=url)
    return store.url


def test_url_is_stored_exported_and_in_the_view(store):
    db = fill(store)
    rows = [json.loads(line) for line in run("export", "--db", db, "-f", "jsonl", "-i", "Nikkei").stdout.splitlines()]
    assert [r["url"] for r in rows] == [u for u, _ in SITES]
    with store.engine.connect() as conn:
        view = conn.execute(sa.text("SELECT url FROM quote_series WHERE instrument = 'Nikkei 225' "
                                    "ORDER BY captured_at")).scalars().all()
    assert view == [u for u, _ in SITES]
    header = run("export", "--db", db).stdout.splitlines()[0]
    assert header.endswith(",source,market_status,url")


def test_site_filters_report_and_export(store):
    db = fill(store)
    doc = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--site", "example.com").stdout)
    assert [r["value"] for r in doc["series"]] == [40074.69, 40100.0] and doc["site"] == "example.com"
    pandas_path = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--site", "EXAMPLE.COM",
                                 "--resample", "1D").stdout)
    assert [b["close"] for b in pandas_path["series"]] == [40074.69, 40100.0]
    other = run("export", "--db", db, "-f", "jsonl", "--site", "other.org").stdout.splitlines()
    assert {json.loads(line)["value"] for line in other} == {39000.0, 39157.93}
    assert run("export", "--db", db, "--site", "nowhere.net").stdout.strip().count("\n") == 0  # the header alone


def test_the_writer_takes_the_url_the_page_loader_found(tmp_path, write_page):
    # an HTML page naming its own address (<link rel="canonical">), as the page loader reads it
    lines = "".join(f"<p>{line}</p>" for line in nikkei_page("40,074.69", "+443.63", "+1.12").splitlines() if line)
    html = ('<html><head><link rel="canonical" href="https://www.example.com/a"></head>'
            f"<body>{lines}</body></html>")
    page = write_page("2024-05-17T0800_a.html", html)
    assert pages.load(next(iter(pages.expand([str(page)])))).url == "https://www.example.com/a"
    assert run("ingest", page, "--db", tmp_path / "direct.db").exit_code == 0  # the sqlite3 writer
    with Store(tmp_path / "store.db") as store:  # Store's writer
        store.ingest([str(page)])
    for db in ("direct.db", "store.db"):
        with Store(tmp_path / db) as store:
            assert store.long()["url"].tolist() == ["https://www.example.com/a"] * 2


def test_migration_0004_adds_the_column_and_drops_it_again(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO snapshots (id, source, content_hash, captured_at, captured_at_source, "
                             "ingested_at) VALUES (1, 'old.txt', 'h1', '2024-05-17T08:00:00.000000+00:00', 'at', "
                             "'2024-05-17T08:00:00.000000+00:00')"))
    migrate.upgrade(engine, "0004")
    inspector = sa.inspect(engine)
    assert "url" in [c["name"] for c in inspector.get_columns("snapshots")]
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT source, url FROM snapshots")).all() == [("old.txt", None)]
        assert "url" in conn.execute(sa.text("SELECT * FROM quote_series")).keys()
    migrate.downgrade(engine, "0003")
    assert "url" not in [c["name"] for c in sa.inspect(engine).get_columns("snapshots")]
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT source FROM snapshots")).scalars().all() == ["old.txt"]
        assert "url" not in conn.execute(sa.text("SELECT * FROM quote_series")).keys()
    engine.dispose()
