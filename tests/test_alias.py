"""`ticker alias add / list / remove` (issue 14.6): says what it changed, refuses an unknown
canonical name unless --create, and lists and removes aliases — on a real store."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from typer.testing import CliRunner

from ticker.cli import app

from conftest import strip_page

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def fill(store, printed="Nikkei Stock Avg", pages=3):
    for day in range(pages):
        store.ingest_text(strip_page([(printed, f"40,0{day:02d}.00", "+1.00", "+0.01"), ("Dow", "39,157.93", "-11.59", "-0.03")]),
                          source=f"p{day}", at=datetime(2024, 5, 17 + day, 8, tzinfo=UTC))
    return store.url


def test_alias_add_says_how_many_quotes_moved_from_what_to_what(store):
    db = fill(store)  # "Nikkei Stock Avg" is not in the shipped table: stored as its own instrument
    added = run("alias", "add", "Nikkei Stock Avg", "^N225", "--db", db)
    assert added.exit_code == 0, added.output
    assert added.stdout.strip() == ("'Nikkei Stock Avg' -> Nikkei 225 (^N225), was Nikkei Stock Avg; "
                                    "moved 3 quotes from Nikkei Stock Avg to Nikkei 225")
    again = run("alias", "add", "nikkei stock avg", "Nikkei 225", "--db", db)
    assert "already meant Nikkei 225 (^N225): nothing moved" in again.stdout
    new = run("alias", "add", "Nikkei Heikin", "^N225", "--db", db)
    assert new.stdout.strip() == "added 'Nikkei Heikin' -> Nikkei 225 (^N225)"
    one = run("alias", "add", "Dow", "Nikkei 225", "--db", db)
    assert "moved 3 quotes from Dow Jones Industrial Average to Nikkei 225" in one.stdout
    moved_one = run("alias", "add", "Dow", "^DJI", "--db", db)
    assert "moved 3 quotes" in moved_one.stdout
    store.ingest_text(strip_page([("Nikkei Stock Avg", "40,100.00", "+1.00", "+0.01")]), source="p9",
                      at=datetime(2024, 5, 30, tzinfo=UTC))
    store.add_alias("Dow", "^DJI")
    assert store.add_alias("Solo", "Nikkei")["moved"] == 0


def test_alias_add_refuses_an_unknown_canonical_name_unless_create(store):
    db = fill(store)
    typo = run("alias", "add", "Nikkei Stock Avg", "Nikkie 225", "--db", db)
    assert typo.exit_code == 1
    assert typo.stderr.strip() == ("error: no instrument called 'Nikkie 225'; closest known: Nikkei 225 "
                                   "(--create makes it a new instrument)")
    assert store.counts()["instruments"] == 2  # nothing made
    # a name of ticker's own table is known even before a page showed it
    assert run("alias", "add", "Kospi Composite", "KOSPI", "--db", db).exit_code == 0
    made = run("alias", "add", "Nikkei Stock Avg", "My Nikkei Blend", "--create", "--db", db)
    assert made.exit_code == 0 and "moved 3 quotes from Nikkei Stock Avg to My Nikkei Blend" in made.stdout


def test_alias_list_and_remove(store):
    db = fill(store)
    run("alias", "add", "Nikkei Stock Avg", "^N225", "--db", db)
    listed = json.loads(run("alias", "list", "--db", db, "--format", "json").stdout)
    assert {(a["printed"], a["instrument"], a["origin"], a["quotes"]) for a in listed} == {
        ("Nikkei Stock Avg", "Nikkei 225", "user", 3), ("Dow", "Dow Jones Industrial Average", "seen", 3)}
    table = run("alias", "list", "--db", db)
    assert table.exit_code == 0 and "Nikkei Stock Avg" in table.stdout
    removed = run("alias", "remove", "nikkei stock avg", "--db", db)
    assert removed.stdout.strip() == ("removed 'Nikkei Stock Avg' -> Nikkei 225 (user); "
                                      "its stored quotes stay with Nikkei 225")
    assert [a["printed"] for a in json.loads(run("alias", "list", "--db", db, "-f", "json").stdout)] == ["Dow"]
    assert len(store.series("^N225")) == 3
    gone = run("alias", "remove", "Nikkei Stock Avg", "--db", db)
    assert gone.exit_code == 1 and "`ticker alias list` shows them" in gone.stderr
