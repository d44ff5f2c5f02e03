"""Store: ingest -> series round trips, idempotence, atomicity, instruments, queries."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from ticker import pages
from ticker.store import Store, StoreError, UnknownInstrument

from conftest import SEED_STRIP, nikkei_page, strip_page

T0 = datetime(2024, 5, 17, 8, 0, tzinfo=UTC)


def test_ingest_then_series_round_trip(store):
    r1 = store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), source="a", at=T0)
    r2 = store.ingest_text(nikkei_page("39,631.06", "-443.63", "-1.11"), source="b", at=datetime(2024, 5, 18, tzinfo=UTC))
    assert (r1.status, r1.quotes, r2.status) == ("stored", 2, "stored")

    df = store.series("Nikkei")
    assert list(df.index) == [pd.Timestamp(T0), pd.Timestamp("2024-05-18", tz="UTC")]
    assert str(df.index.dtype) == "datetime64[us, UTC]"
    assert df["value"].tolist() == [40074.69, 39631.06]
    assert df["change"].tolist() == [443.63, -443.63]
    assert df["change_pct"].tolist() == [1.12, -1.11]
    assert df["source"].tolist() == ["a", "b"]
    assert df[["value", "change", "change_pct"]].dtypes.unique().tolist() == ["float64"]


def test_full_seed_strip_is_stored_in_page_order(store):
    store.ingest_text(strip_page(), source="seed", at=T0)
    with store.engine.connect() as conn:
        names = conn.execute(sa.text("SELECT name_printed FROM quotes ORDER BY position")).scalars().all()
        status = conn.execute(sa.text("SELECT market_status FROM snapshots")).scalar_one()
    assert names[0] == "Straits Times Index" and names[9] == "10-Yr Bond" and len(names) == 15
    assert status == "Singapore markets closed"
    assert store.series("10-yr bond")["value"].tolist() == [4.439]


@pytest.mark.parametrize("query", ["Nikkei", "nikkei", "  NIKKEI   225 ", "^N225", "n225", "Nikkei 225"])
def test_names_match_through_aliases_case_and_spacing(store, query):
    store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0)
    df = store.series(query)
    assert df["value"].tolist() == [40074.69]
    assert df.attrs["instrument"] == "Nikkei 225"


def test_different_printed_names_are_one_instrument(store):
    store.ingest_text(strip_page([("Nikkei", "40,074.69", "+443.63", "+1.12")]), at=T0)
    store.ingest_text(
        strip_page([("NIKKEI 225", "37,934.76", "+306.28", "+0.81")], status="UK markets closed"),
        at=datetime(2024, 5, 19, tzinfo=UTC),
    )
    df = store.series("nikkei")
    assert df["name_printed"].tolist() == ["Nikkei", "NIKKEI 225"]
    assert store.instruments()["instrument"].tolist() == ["Nikkei 225"]


def test_same_bytes_twice_store_nothing_new(store, write_page):
    path = write_page("p.txt", strip_page())
    first = store.ingest([str(path)])
    again = store.ingest([str(path)])
    assert (first.stored, first.quotes) == (1, 15)
    assert (again.stored, again.duplicates, again.quotes) == (0, 1, 0)
    assert store.counts()["snapshots"] == 1 and store.counts()["quotes"] == 15


def test_unknown_name_lists_closest_and_survives_sql_metacharacters(store):
    store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0)
    with pytest.raises(UnknownInstrument) as err:
        store.series("Nikei 22")
    assert "Nikkei" in str(err.value)
    with pytest.raises(UnknownInstrument):
        store.series("x'; DROP TABLE quotes; --")
    assert store.counts()["quotes"] == 2


def _fail_on_boom(conn):
    """A real database failure in the middle of a page's quote insert: a trigger that aborts."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE TRIGGER boom BEFORE INSERT ON quotes WHEN NEW.name_printed = 'Boom' "
            "BEGIN SELECT RAISE(ABORT, 'boom'); END"
        )
    else:
        conn.exec_driver_sql(
            "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN "
            "IF NEW.name_printed = 'Boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        conn.exec_driver_sql("CREATE TRIGGER boom BEFORE INSERT ON quotes FOR EACH ROW EXECUTE FUNCTION boom()")


def test_a_page_is_stored_whole_or_not_at_all(store):
    with store.engine.begin() as conn:
        _fail_on_boom(conn)
    entries = [("Nikkei", "40,074.69", "+443.63", "+1.12"), ("Boom", "1,000.00", "+10.00", "+1.01"),
               ("Dow", "39,157.93", "-11.59", "-0.03")]
    result = store.ingest_text(strip_page(entries), source="half", at=T0)
    assert result.status == "error" and "boom" in result.reason
    assert store.counts() == {"instruments": 0, "aliases": 0, "snapshots": 0, "quotes": 0}
    # The store is still usable, and the ids cached during the failed page were not kept.
    ok = store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0)
    assert ok.status == "stored" and store.series("Nikkei")["value"].tolist() == [40074.69]


def test_page_without_strip_is_not_stored(store):
    result = store.ingest_text("Advertisement\n\nCity council news\n\nThe meeting ran 2 hours.\n")
    assert result.status == "no_strip"
    assert store.counts()["snapshots"] == 0


def test_capture_time_precedence(store, write_page):
    named = write_page("2024-05-17T0800_sg.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    plain = write_page("plain.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    store.ingest([str(named), str(plain)])
    at = datetime(2020, 1, 2, 3, 4, tzinfo=UTC)
    store.ingest_text(nikkei_page("40,200.00", "+100.00", "+0.25"), at=at)
    snaps = store.snapshots().set_index("source")
    assert snaps.loc[str(named), "captured_at_source"] == "name"
    assert snaps.loc[str(named), "captured_at"] == pd.Timestamp("2024-05-17 08:00", tz="UTC")
    assert snaps.loc[str(plain), "captured_at_source"] == "mtime"
    assert snaps.loc["<text>", "captured_at_source"] == "at"
    assert snaps.loc["<text>", "captured_at"] == pd.Timestamp(at)


def test_latest_board_and_instruments(store):
    store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0)
    store.ingest_text(nikkei_page("40,100.00", "+25.31", "+0.06"), at=datetime(2024, 5, 18, tzinfo=UTC))
    board = store.latest().set_index("instrument")
    assert board.loc["Nikkei 225", "value"] == 40100.0
    assert board.loc["Dow Jones Industrial Average", "symbol"] == "^DJI"
    inst = store.instruments().set_index("instrument")
    assert inst.loc["Nikkei 225", "quotes"] == 2
    assert inst.loc["Nikkei 225", "first_seen"] == pd.Timestamp(T0)
    assert str(inst["last_seen"].dtype) == "datetime64[us, UTC]"


def test_empty_store_queries_have_stable_columns(store):
    assert list(store.latest().columns)[:4] == ["instrument", "symbol", "captured_at", "value"]
    assert store.instruments().empty and str(store.instruments()["quotes"].dtype) == "int64"


def test_user_alias_moves_quotes(store):
    store.ingest_text(strip_page([("Nikkei Stock Avg", "40,074.69", "+443.63", "+1.12")]), at=T0)
    target = store.add_alias("Nikkei Stock Avg", "^N225")
    assert target["name"] == "Nikkei 225"
    assert store.series("Nikkei")["name_printed"].tolist() == ["Nikkei Stock Avg"]
    store.ingest_text(strip_page([("Nikkei Stock Avg", "40,100.00", "+25.31", "+0.06")]), at=datetime(2024, 5, 18, tzinfo=UTC))
    assert store.series("^N225")["value"].tolist() == [40074.69, 40100.0]


def test_not_a_database_is_one_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_postgres_password_never_in_errors():
    with pytest.raises(StoreError) as err:
        Store("postgresql+psycopg://someone:hunter2@127.0.0.1:1/nowhere")
    assert "hunter2" not in str(err.value) and "***" in str(err.value)


def test_reparse_brings_parser_changes_to_stored_snapshots(store, monkeypatch):
    import ticker.ingest as store_module  # where reparse finds the parser

    store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0)
    assert [r.status for r in store.reparse()] == ["same"]

    real_parse = store_module.parse

    def newer_parser(text, strict=False):  # a "fixed" parser that now also finds a third entry
        page = real_parse(text, strict=strict)
        from decimal import Decimal

        extra = page.quotes[0].__class__("Hang Seng", Decimal("17769.14"), Decimal("50.53"), Decimal("0.29"), line=99)
        return page.__class__(page.quotes + (extra,), page.market_status, page.page_time, page.warnings)

    monkeypatch.setattr(store_module, "parse", newer_parser)
    [dry] = store.reparse()
    assert dry.status == "changed" and dry.added == (("Hang Seng", 17769.14, 50.53, 0.29),) and dry.removed == ()
    assert store.counts()["quotes"] == 2  # a dry run stores nothing
    [applied] = store.reparse(apply=True)
    assert applied.status == "changed"
    assert store.series("Hang Seng")["value"].tolist() == [17769.14]
    assert [r.status for r in store.reparse()] == ["same"]


def test_a_failing_page_in_a_batch_fails_alone(store, write_page):
    with store.engine.begin() as conn:
        _fail_on_boom(conn)
    write_page("1.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    write_page("2.txt", strip_page([("Boom", "1,000.00", "+10.00", "+1.01"), ("Dow", "39,157.93", "-11.59", "-0.03")]))
    last = write_page("3.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    results = list(store.iter_ingest(pages.expand([str(last.parent)]), batch_pages=10))
    assert [(r.status, r.quotes) for r in results] == [("stored", 2), ("error", 0), ("stored", 2)]
    assert store.counts()["snapshots"] == 2 and store.counts()["quotes"] == 4
    assert store.series("Nikkei")["value"].tolist() == [40074.69, 40100.0]


def test_same_bytes_twice_in_one_batch_are_stored_once(store, write_page):
    a = write_page("a.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    b = write_page("b.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    summary = store.ingest([str(a), str(b)])
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert store.counts()["quotes"] == 2


def test_worker_processes_give_the_same_store(tmp_path, write_page):
    for i in range(12):
        write_page(f"2024-05-{i + 1:02d}T0800_p.txt", nikkei_page(f"40,{i:03d}.00", "+1.00", "+0.00"))
    folder = str(tmp_path / "pages")
    results = {}
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as s:
            got = list(s.iter_ingest(pages.expand([folder]), workers=workers, batch_pages=5))
            results[workers] = ([(r.source, r.status, r.quotes) for r in got], s.series("Nikkei")["value"].tolist())
    assert results[1] == results[2] and len(results[2][1]) == 12


def test_a_worker_has_malloc_keep_freed_memory_for_the_next_page():
    # (glibc: each 2 MB page faulted its buffers in again, 4-5 ms of system time a page)
    from ticker import ingest as ingest_mod

    class Libc:
        def __init__(self):
            self.calls = []

        def mallopt(self, option, value):
            self.calls.append((option, value))
            return 1

    libc = Libc()
    ingest_mod._keep_freed_memory(libc)
    assert libc.calls == [(-3, 32 << 20), (-1, 64 << 20)]  # M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
    ingest_mod._keep_freed_memory(None)  # no libc (not Linux) or one without mallopt (musl): nothing
    ingest_mod._keep_freed_memory(object())


def test_batched_and_single_inserts_store_times_in_one_text_form(tmp_path, write_page):
    # SQLite compares times as text: every row must use one form, ISO 8601 UTC with its offset
    # (revision 0003), whether the writer or SQLAlchemy's column type (ticker.db.schema) wrote it.
    from ticker.db import schema

    with Store(tmp_path / "t.db") as store:
        page = write_page("2024-05-17T0900_a.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
        store.ingest([str(page)])
        when = datetime(2024, 5, 17, 9, tzinfo=UTC)
        with store.engine.begin() as conn:
            conn.execute(schema.snapshots.insert().values(source="typed", content_hash="x", captured_at=when,
                                                          captured_at_source="at", ingested_at=when))
            stored = conn.execute(sa.text("SELECT captured_at FROM snapshots ORDER BY id")).scalars().all()
            typed = conn.execute(sa.select(schema.snapshots.c.captured_at).where(
                schema.snapshots.c.source == "typed")).scalar_one()
    assert stored == ["2024-05-17T09:00:00.000000+00:00"] * 2
    assert typed == when and typed.tzinfo is not None


def test_chunks_keep_stdin_in_its_place():
    from ticker.ingest import _chunks

    files = [pages.PageInput(f"{i}.txt", Path(f"{i}.txt")) for i in range(5)]
    stdin = pages.PageInput("-", None)
    got = list(_chunks([*files[:3], stdin, *files[3:]], 2))
    assert got == [files[0:2], [files[2]], stdin, files[3:5]]


def test_reparse_reads_page_text_stored_zlib_compressed_by_earlier_versions(store):
    import zlib

    store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0)
    with store.engine.begin() as conn:  # as ticker 0.1 stored it
        conn.execute(sa.text("UPDATE snapshots SET page_text = :t"),
                     {"t": zlib.compress(nikkei_page("40,074.69", "+443.63", "+1.12").encode(), 1)})
    assert [r.status for r in store.reparse()] == ["same"]


def test_ingest_goes_on_after_the_server_drops_the_connection(pg_url):
    # A PostgreSQL restart or an idle timeout ends the writer's connection between two pages:
    # the next page is written on a new one, nothing is lost.
    with Store(pg_url) as store:
        assert store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=T0).status == "stored"
        backend = store.writer().conn.dbapi_connection.info.backend_pid
        admin = sa.create_engine(pg_url)
        with admin.begin() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        admin.dispose()
        result = store.ingest_text(nikkei_page("40,100.00", "+25.31", "+0.06"), at=T0 + timedelta(hours=1))
        assert result.status == "stored", result
        assert store.series("Nikkei")["value"].tolist() == [40074.69, 40100.0]


def test_times_are_stored_in_one_text_form_by_every_path(tmp_path, write_page):
    # SQLite compares times as text: the direct sqlite3 writer, Store's writer and ingest_text
    # must all write what SQLAlchemy writes.
    from ticker import ingest

    page = write_page("2024-05-17T0900_a.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    with ingest.open_writer(tmp_path / "direct.db") as writer:
        list(ingest.ingest(writer, pages.expand([str(page)])))
    with Store(tmp_path / "store.db") as store:
        store.ingest_text(nikkei_page("40,100.00", "+25.31", "+0.06"), at=datetime(2024, 5, 17, 10, tzinfo=UTC))
    for db, expected in (("direct.db", "2024-05-17T09:00:00.000000+00:00"), ("store.db", "2024-05-17T10:00:00.000000+00:00")):
        with sqlite3.connect(tmp_path / db) as conn:
            assert conn.execute("SELECT captured_at FROM snapshots").fetchone() == (expected,)


@pytest.mark.parametrize("per_insert", [1, 4, 45, 500])
def test_many_row_inserts_store_what_one_row_inserts_store(tmp_path, write_page, monkeypatch, per_insert):
    # 3 pages of 15 quotes in one batch: 45 rows, in full statements of `per_insert` rows and the
    # rest one by one; the rows must be those of plain one-row inserts.
    from ticker import ingest as ingest_mod
    from ticker.db import writer as writer_mod

    for i, name in enumerate(("a", "b", "c")):
        entries = [(n, v, c, p) for n, v, c, p in SEED_STRIP]
        entries[0] = ("Straits Times Index", f"3,36{i}.90", "+29.33", "+0.88")
        write_page(f"{name}.txt", strip_page(entries))
    folder = str(tmp_path / "pages")

    def stored(per: int, db: Path) -> list[tuple]:
        monkeypatch.setattr(writer_mod, "QUOTES_PER_INSERT", per)
        with ingest_mod.open_writer(db) as writer:
            results = list(ingest_mod.ingest(writer, pages.expand([folder]), workers=1))
        assert [r.status for r in results] == ["stored"] * 3
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT snapshot_id, position, instrument_id, name_printed, value, change, change_pct,"
                                " consistent, line FROM quotes ORDER BY snapshot_id, position").fetchall()

    got = stored(per_insert, tmp_path / "many.db")
    with sqlite3.connect(tmp_path / "many.db") as conn:
        instrument_of = dict(conn.execute("SELECT printed, instrument_id FROM aliases"))
    want = []
    for snapshot_id, first in ((1, "3,360.90"), (2, "3,361.90"), (3, "3,362.90")):
        for position, (name, value, change, pct) in enumerate([("Straits Times Index", first, "+29.33", "+0.88"),
                                                                *SEED_STRIP[1:]]):
            want.append((snapshot_id, position, instrument_of[name], name, float(value.replace(",", "")),
                         float(change.replace(",", "")), float(pct), 1, 3 + 5 * position))
    assert got == want


def _foreign_key_problems(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA foreign_key_check").fetchall()


def test_ingest_leaves_no_dangling_reference_and_foreign_keys_on(tmp_path, write_page):
    # The SQLite writer checks references itself (foreign keys off while it writes a batch).
    from ticker import ingest as ingest_mod

    for i in range(30):
        write_page(f"{i:02d}.txt", nikkei_page(f"40,{i:03d}.00", "+1.00", "+0.00"))
    write_page("seed.txt", strip_page())
    db = tmp_path / "s.db"
    with ingest_mod.open_writer(db) as writer:
        results = list(ingest_mod.ingest(writer, pages.expand([str(tmp_path / "pages")]), batch_pages=7, workers=1))
        assert writer.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert [r.status for r in results] == ["stored"] * 31
    assert _foreign_key_problems(db) == []
    with Store(db) as store:  # the connection a Store lends its writer gets its checks back too
        store.ingest_text(nikkei_page("41,000.00", "+1.00", "+0.00"), source="x")
        assert store.writer().conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert store.counts()["snapshots"] == 32


def _delete_nikkei(db: Path, *, alias_too: bool) -> None:
    """Another program deletes the Nikkei instrument and its quotes (foreign keys off, as in the
    sqlite3 shell), and its alias too or not."""
    with sqlite3.connect(db) as other:
        (nikkei,) = other.execute("SELECT instrument_id FROM aliases WHERE printed = 'Nikkei'").fetchone()
        other.execute("DELETE FROM quotes WHERE instrument_id = ?", (nikkei,))
        if alias_too:
            other.execute("DELETE FROM aliases WHERE instrument_id = ?", (nikkei,))
        other.execute("DELETE FROM instruments WHERE id = ?", (nikkei,))


def test_an_instrument_deleted_between_batches_is_made_again(tmp_path, write_page):
    # The writer remembers instrument ids across batches; one deleted meanwhile by another
    # program must not be written as a dangling reference.
    from ticker import ingest as ingest_mod

    first = write_page("1.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    second = write_page("2.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    db = tmp_path / "s.db"
    with ingest_mod.open_writer(db) as writer:
        assert [r.status for r in ingest_mod.ingest(writer, pages.expand([str(first)]))] == ["stored"]
        _delete_nikkei(db, alias_too=True)
        assert [r.status for r in ingest_mod.ingest(writer, pages.expand([str(second)]))] == ["stored"]
    assert _foreign_key_problems(db) == []
    with Store(db) as store:
        assert store.series("Nikkei")["value"].tolist() == [40100.0]


def test_an_alias_naming_a_deleted_instrument_fails_its_page_and_stores_no_dangling_quote(tmp_path, write_page):
    # Deleted where foreign keys are off (the sqlite3 shell's default), an instrument can leave
    # its alias behind; SQLite's own check refused such a page, and so does the writer's.
    from ticker import ingest as ingest_mod

    first = write_page("1.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    second = write_page("2.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    db = tmp_path / "s.db"
    with ingest_mod.open_writer(db) as writer:
        assert [r.status for r in ingest_mod.ingest(writer, pages.expand([str(first)]))] == ["stored"]
    _delete_nikkei(db, alias_too=False)
    with ingest_mod.open_writer(db) as writer:
        (result,) = ingest_mod.ingest(writer, pages.expand([str(second)]))
        assert writer.conn.execute("PRAGMA foreign_keys").fetchone() == (1,) and not writer.conn.in_transaction
    assert result.status == "error" and "FOREIGN KEY constraint failed" in result.reason
    with sqlite3.connect(db) as conn:  # (the dangling alias is the test's own doing)
        assert conn.execute("PRAGMA foreign_key_check(quotes)").fetchall() == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM snapshots").fetchone() == (1,)


def test_a_row_failing_inside_a_many_row_insert_fails_its_page_alone(tmp_path, write_page, monkeypatch):
    # INSERT OR ROLLBACK: SQLite ends the batch's transaction; the writer writes its pages again
    # one by one, and the failing page is stored not at all, the others whole.
    from ticker import ingest as ingest_mod
    from ticker.db import writer as writer_mod

    monkeypatch.setattr(writer_mod, "QUOTES_PER_INSERT", 4)
    for i in range(3):
        write_page(f"{i}.txt", strip_page([(n, v if k else f"3,36{i}.90", c, p) for k, (n, v, c, p) in enumerate(SEED_STRIP)]))
    db = tmp_path / "s.db"
    ingest_mod.open_writer(db).close()
    with sqlite3.connect(db) as other:  # a stray row where the third page's 6th quote will go
        other.execute("INSERT INTO instruments (id, name) VALUES (99, 'stray')")
        other.execute("INSERT INTO quotes (snapshot_id, position, instrument_id, name_printed, value, change, change_pct,"
                      " consistent) VALUES (3, 5, 99, 'stray', 1, 0, 0, 1)")
    with ingest_mod.open_writer(db) as writer:
        results = list(ingest_mod.ingest(writer, pages.expand([str(tmp_path / "pages")]), workers=1))
        assert writer.conn.execute("PRAGMA foreign_keys").fetchone() == (1,) and not writer.conn.in_transaction
    assert [r.status for r in results] == ["stored", "stored", "error"]
    assert "UNIQUE constraint failed" in results[2].reason
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT snapshot_id, count(*) FROM quotes GROUP BY snapshot_id").fetchall() == [
            (1, 15), (2, 15), (3, 1)]


def test_a_writer_calls_its_on_close_once_with_itself_after_closing_its_connection(tmp_path):
    import sqlite3

    from ticker.db.writer import Writer

    conn = sqlite3.connect(tmp_path / "w.db")
    seen = []

    def on_close(writer):
        with pytest.raises(sqlite3.ProgrammingError):  # the connection is closed first
            conn.execute("SELECT 1")
        seen.append(writer)

    writer = Writer(conn, "sqlite", label="w.db", driver_error=sqlite3.Error, on_close=on_close)
    writer.close()
    writer.close()
    assert seen == [writer]


def test_an_ingest_writer_notes_a_sound_store_when_it_closes_and_not_a_damaged_one(tmp_path, monkeypatch):
    from ticker.db import health, open

    noted = []
    monkeypatch.setattr(health, "note_sound", noted.append)
    with open.open_writer(tmp_path / "a.db"):
        pass
    writer = open.open_writer(tmp_path / "b.db")
    writer.met_damage = True
    writer.close()
    assert noted == [tmp_path / "a.db"]
