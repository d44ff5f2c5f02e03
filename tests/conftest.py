"""Shared fixtures: a fresh store per test, on SQLite and (when TICKER_TEST_DATABASE_URL is set)
on PostgreSQL, each PostgreSQL test in a schema of its own so runs never see each other's rows."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

PG_URL = os.environ.get("TICKER_TEST_DATABASE_URL")

SEED_STRIP = [
    ("Straits Times Index", "3,367.90", "+29.33", "+0.88"),
    ("S&P 500", "5,478.50", "+3.41", "+0.06"),
    ("Dow", "39,157.93", "-11.59", "-0.03"),
    ("Nasdaq", "17,918.62", "+39.32", "+0.22"),
    ("Bitcoin USD", "61,948.67", "-813.37", "-1.30"),
    ("CMC Crypto 200", "1,326.10", "-18.41", "-1.37"),
    ("FTSE 100", "8,108.40", "-58.36", "-0.71"),
    ("Gold", "2,332.90", "-6.00", "-0.26"),
    ("Crude Oil", "83.49", "+0.11", "+0.13"),
    ("10-Yr Bond", "4.4390", "-0.0400", "-0.89"),
    ("Nikkei", "40,074.69", "+443.63", "+1.12"),
    ("Hang Seng", "17,769.14", "+50.53", "+0.29"),
    ("FTSE Bursa Malaysia", "1,597.96", "-0.24", "-0.02"),
    ("Jakarta Composite Index", "7,125.14", "-14.48", "-0.20"),
    ("PSE Index", "6,358.96", "-39.81", "-0.62"),
]


def strip_page(entries=SEED_STRIP, status="Singapore markets closed", body="A short note written for the tests.\n"):
    """A page in the Yahoo header layout: status line, then a bullet, value and change line per entry."""
    lines = ["Advertisement", status]
    for name, value, change, pct in entries:
        lines += [f"  \u2022 {name}", "", f"    {value}", f"    {change} ({pct}%)", "    \u00a0"]
    return "\n".join(lines) + "\n\nMarkets today\n\n" + body


def nikkei_page(value: str, change: str, pct: str) -> str:
    return strip_page([("Nikkei", value, change, pct), ("Dow", "39,157.93", "-11.59", "-0.03")])


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory):
    """ticker notes the stores it found sound in its cache folder (ticker.db.health): the tests'
    notes go to a folder of their own, never the user's."""
    os.environ["TICKER_CACHE_DIR"] = str(tmp_path_factory.mktemp("ticker-cache"))


def _pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a new, empty schema (dropped afterwards)."""
    if not PG_URL:
        pytest.skip("TICKER_TEST_DATABASE_URL is not set")
    import sqlalchemy as sa

    schema = f"tk_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    yield _pg_schema_url(schema)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty database: a SQLite file in tmp_path, or a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ticker.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    from ticker.store import Store

    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def memory_store():
    """A fresh in-memory SQLite store, for tests that need no file."""
    from ticker.store import Store

    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def write_page(tmp_path):
    """Write a page into tmp_path/pages and return its path."""
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)

    def write(name: str, text: str | bytes) -> Path:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def _no_internal_parser_errors(monkeypatch):
    """parse() turns an exception inside the parser into a warning, so that one odd page cannot
    stop an ingest; in the tests such an exception is a bug, and fails the test that met it."""
    from ticker.parser import compose

    met: list[BaseException] = []
    run = compose.PageParser.run

    def recording(self, *args, **kwargs):
        try:
            return run(self, *args, **kwargs)
        except Exception as exc:
            met.append(exc)
            raise

    monkeypatch.setattr(compose.PageParser, "run", recording)
    yield
    if met:
        raise AssertionError(f"an internal parser error was turned into a warning: {met[0]!r}") from met[0]
