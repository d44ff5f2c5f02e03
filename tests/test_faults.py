"""Faults done for real: ingest killed with SIGKILL part way, four writer processes on one store,
a reader while an ingest writes, and a store damaged on disk (``ticker doctor``).

Every subprocess has a timeout; nothing asserts on how long anything took. The writers are real
``python -m ticker ingest`` processes on generated pages in the real strip layout.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from ticker.cli import app
from ticker.db import migrate
from ticker.store import Store

from conftest import nikkei_page, strip_page
from pagegen import SUBPROCESS_TIMEOUT, TICKER, generate_pages, run_ticker

SUMMARY = re.compile(
    r"^(\d+) pages? stored \((\d+) quotes?\), (\d+) already stored, (\d+) without a ticker strip, (\d+) errors?$", re.M
)


def summary(output: str) -> tuple[int, int, int, int, int]:
    """(stored, quotes, duplicates, no_strip, errors) from an ingest's last line."""
    found = SUMMARY.findall(output)
    assert found, output[-2000:]
    return tuple(int(x) for x in found[-1])


def sqlite_path(db_url: str) -> Path | None:
    return Path(db_url.removeprefix("sqlite:///")) if db_url.startswith("sqlite:///") else None


def stored_rows(db_url: str) -> dict[str, list[tuple[str, float]]]:
    """source -> [(name_printed, value), ...] in page order, for every stored snapshot (one
    consistent read); a snapshot without quotes maps to []."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT s.source, q.name_printed, q.value FROM snapshots s "
                    "LEFT JOIN quotes q ON q.snapshot_id = s.id ORDER BY s.id, q.position"
                )
            ).all()
    except sa.exc.DBAPIError as err:  # no schema yet (killed before the migration committed)
        if "snapshots" in str(err):
            return {}
        raise
    finally:
        engine.dispose()
    out: dict[str, list] = defaultdict(list)
    for source, name, value in rows:
        out[source]
        if name is not None:
            out[source].append((name, value))
    return dict(out)


def stored_count(db_url: str) -> int:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM snapshots")).scalar()
    except sa.exc.DBAPIError:
        return 0  # the schema is not there yet
    finally:
        engine.dispose()


def assert_sound(db_url: str, truth: dict) -> dict:
    """The store is undamaged, and every snapshot in it is one of the pages, whole."""
    path = sqlite_path(db_url)
    if path is not None and path.exists():
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = stored_rows(db_url)
    for source, quotes in stored.items():
        page = truth[source]
        expected = [(name, float(value.replace(",", ""))) for name, value, _c, _p in page.entries]
        assert quotes == expected, f"{source}: stored {len(quotes)} of {len(expected)} quotes, or wrong ones"
    return stored


def assert_exactly(db_url: str, truth: dict) -> None:
    stored = assert_sound(db_url, truth)
    assert sorted(stored) == sorted(truth), "some pages are missing or stored under another name"
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        snapshots, hashes = conn.execute(sa.text("SELECT count(*), count(DISTINCT content_hash) FROM snapshots")).one()
        quotes = conn.execute(sa.text("SELECT count(*) FROM quotes")).scalar()
    engine.dispose()
    assert snapshots == hashes == len(truth)
    assert quotes == sum(len(p.entries) for p in truth.values())


def _ingest_process(db_url: str, *paths) -> subprocess.Popen:
    # A session of its own, so that the test can clean up whatever the ingest started (parse
    # workers) if the ingest fails to.
    return subprocess.Popen(
        [*TICKER, "ingest", "--quiet", "--db", db_url, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _kill(proc: subprocess.Popen, sig: signal.Signals = signal.SIGKILL) -> None:
    """Signal the ingest as a user would: SIGKILL and SIGTERM to the process itself (``kill PID``),
    SIGINT to its whole process group (Ctrl-C in a terminal). Its output pipes must close (any
    process it started has to end with it) and it must not print a traceback."""
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        pytest.fail(f"the ingest, or processes it started, outlived {sig.name} (its stdout/stderr stayed open)")
    finally:
        _kill_group(proc)
    assert proc.returncode in (-sig, 128 + sig), (sig.name, proc.returncode, err[-2000:])
    assert "Traceback" not in err, err[-3000:]


# ------------------------------------------------------------------------------ SIGKILL

KILL_PAGES = 3000


@pytest.mark.slow
def test_ingest_killed_part_way_loses_nothing_and_a_rerun_completes(db_url, tmp_path):
    pages = generate_pages(tmp_path / "pages", KILL_PAGES, vary=True, seed=11)
    truth = {str(p.path): p for p in pages}
    folder = tmp_path / "pages"

    # Round 0: killed while it opens (and migrates) a brand-new store.
    proc = _ingest_process(db_url, folder)
    path = sqlite_path(db_url)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if (path.exists() if path else True):
            break
        time.sleep(0.005)
    time.sleep(random.uniform(0, 0.05))  # opening a new store takes ~10 ms, 3,000 pages ~0.5 s
    if proc.poll() is None:
        _kill(proc)
    assert_sound(db_url, truth)

    # Then stopped at an arbitrary moment while it stores pages: killed, interrupted, terminated.
    kills = 0
    for sig in (signal.SIGKILL, signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        before = stored_count(db_url)
        target = before + 1
        # Small transactions: a round stores a few of them, and is stopped between or inside one.
        proc = _ingest_process(db_url, "--batch-size", "50", folder)
        deadline = time.monotonic() + SUBPROCESS_TIMEOUT
        while proc.poll() is None and stored_count(db_url) < target and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, (
            f"ingest ended (code {proc.returncode}) before it could be killed; use more pages\n"
            + proc.stderr.read()[-2000:]
        )
        time.sleep(random.uniform(0, 0.02))  # a few batches more at most: the ingest must not finish
        _kill(proc, sig)
        kills += 1
        stored = assert_sound(db_url, truth)
        assert before < len(stored) < KILL_PAGES

    # The same ingest again: stores exactly the rest, nothing twice.
    already = len(stored_rows(db_url))
    run = run_ticker("ingest", "--quiet", "--db", db_url, folder)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "database is locked" not in run.stderr
    stored, quotes, duplicates, no_strip, errors = summary(run.stdout)
    assert (stored, duplicates, no_strip, errors) == (KILL_PAGES - already, already, 0, 0)
    assert_exactly(db_url, truth)
    assert kills == 4
    with Store(db_url, migrate_on_open=False) as store:
        report = store.doctor(full=True)
    assert report.ok, report.problems


# ------------------------------------------------------------------------------ disk full


@contextlib.contextmanager
def _small_filesystem(where: Path, size: str):
    """A real filesystem of ``size`` (tmpfs) mounted at ``where``; skips where mounting is not allowed."""
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True, timeout=60)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem to fill up here: {mounted.stderr.strip()[:200]}")
    try:
        yield lambda new_size: subprocess.run(
            ["mount", "-o", f"remount,size={new_size}", str(where)], check=True, timeout=60)
    finally:
        subprocess.run(["umount", "-l", str(where)], timeout=60)


@pytest.mark.slow
def test_disk_full_mid_ingest_loses_nothing_and_a_rerun_completes(tmp_path):
    n = 2000
    pages = generate_pages(tmp_path / "pages", n, vary=True, seed=51)
    truth = {str(p.path): p for p in pages}
    with _small_filesystem(tmp_path / "disk", "3m") as resize:
        db_url = f"sqlite:///{tmp_path / 'disk' / 'ticker.db'}"
        run = run_ticker("ingest", "--quiet", "--db", db_url, tmp_path / "pages")
        assert run.returncode == 1, run.stdout[-2000:]
        assert "Traceback" not in run.stderr and "internal" not in run.stderr
        stored, _quotes, duplicates, no_strip, errors = summary(run.stdout)
        assert 0 < stored < n and stored + errors == n and (duplicates, no_strip) == (0, 0)
        # Every page not stored has one line that names it and says why.
        failed = run.stderr.splitlines()
        assert len(failed) == errors
        assert all(line.endswith(f"{db_url}: database or disk is full") for line in failed), failed[:3]
        assert {line.split(": error: ")[0] for line in failed} == set(truth) - set(stored_rows(db_url))
        assert len(assert_sound(db_url, truth)) == stored

        resize("64m")  # space again: the same command finishes the job
        again = run_ticker("ingest", "--quiet", "--db", db_url, tmp_path / "pages")
        assert again.returncode == 0, again.stderr[-2000:]
        assert summary(again.stdout)[0::2] == (n - stored, stored, 0)
        assert_exactly(db_url, truth)
        with Store(db_url, migrate_on_open=False) as store:
            assert store.doctor(full=True).ok


# ------------------------------------------------------------------------------ concurrent writers

WRITER_PAGES = 1200


def _page_sets(pages, overlap: bool, seed: int = 3) -> list[list]:
    rnd = random.Random(seed)
    if not overlap:
        return [pages[k::4] for k in range(4)]
    sets: list[list] = [[] for _ in range(4)]
    for i, page in enumerate(pages):
        owners = {i % 4, *rnd.sample(range(4), rnd.randint(1, 3))}  # every page in 1 to 4 writers
        for k in owners:
            sets[k].append(page)
    for s in sets:
        rnd.shuffle(s)  # each writer meets the pages (and new instruments) in its own order
    return sets


@pytest.mark.slow
@pytest.mark.parametrize("overlap", [False, True], ids=["disjoint", "overlapping"])
def test_four_concurrent_writers_store_every_page_once(db_url, tmp_path, overlap):
    pages = generate_pages(tmp_path / "pages", WRITER_PAGES, vary=True, seed=21)
    truth = {str(p.path): p for p in pages}
    sets = _page_sets(pages, overlap)
    assert set().union(*({str(p.path) for p in s} for s in sets)) == set(truth)
    assert overlap == (sum(map(len, sets)) > WRITER_PAGES)

    # All four open the same brand-new store at once, so they also race to migrate it.
    procs = [_ingest_process(db_url, *(p.path for p in s)) for s in sets]
    results = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=SUBPROCESS_TIMEOUT)
            results.append((proc.returncode, out, err))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    for (code, out, err), pages_in_set in zip(results, sets):
        assert "locked" not in err and "deadlock" not in err.lower(), err[-2000:]
        assert code == 0, err[-2000:]
        assert err == "", err[-2000:]
        stored, _quotes, duplicates, no_strip, errors = summary(out)
        assert (no_strip, errors) == (0, 0)
        assert stored + duplicates == len(pages_in_set)
    assert sum(summary(out)[0] for _c, out, _e in results) == WRITER_PAGES
    assert sum(summary(out)[1] for _c, out, _e in results) == sum(len(p.entries) for p in pages)
    assert_exactly(db_url, truth)
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        # One instrument per real instrument, one alias per printed name, whatever the race.
        assert conn.execute(sa.text("SELECT count(*) FROM instruments")).scalar() == 15
        assert conn.execute(sa.text("SELECT count(*) FROM aliases")).scalar() == 15
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


# ------------------------------------------------------------------------------ readers while writing


def _check_board(board_rows, truth) -> str:
    """The board (newest quote per instrument) comes from one whole page: every page shows all
    15 instruments, so a half-visible page would mix two pages or miss an instrument."""
    sources = {row["source"] for row in board_rows}
    assert len(sources) == 1 and len(board_rows) == 15, board_rows
    [source] = sources
    expected = truth[source].values
    assert {row["name_printed"]: row["value"] for row in board_rows} == expected
    return source


@pytest.mark.slow
def test_reports_while_an_ingest_writes_are_consistent(db_url, tmp_path):
    n = 3000
    pages = generate_pages(tmp_path / "pages", n, seed=31)
    truth = {str(p.path): p for p in pages}
    order = {str(p.path): i for i, p in enumerate(pages)}
    nikkei = {str(p.path): p.values["Nikkei"] for p in pages}
    Store(db_url).close()  # the schema exists before the reader starts

    # Small transactions: the reader should see the store at many points part way.
    writer = _ingest_process(db_url, "--batch-size", "50", tmp_path / "pages")
    reports: list[subprocess.Popen] = []
    seen_mid_way: set[int] = set()
    last_len = 0
    try:
        with Store(db_url) as store:
            while True:
                done = writer.poll() is not None
                board = store.latest()
                if not board.empty:
                    newest = _check_board(board.to_dict("records"), truth)
                    series = store.series("Nikkei")
                    # The series is a prefix of the pages in order, each point that page's value.
                    sources = series["source"].tolist()
                    assert [order[s] for s in sources] == list(range(len(sources)))
                    assert series["value"].tolist() == [nikkei[s] for s in sources]
                    assert len(sources) >= last_len and len(sources) >= order[newest] + 1
                    last_len = len(sources)
                    if 0 < len(sources) < n and not done:
                        if len(sources) not in seen_mid_way and len(reports) < 4:
                            # The real command, as a user would run it during a long ingest: the
                            # board, and one instrument's series (a path of its own on SQLite).
                            which = ["--index", "Nikkei"] if len(reports) % 2 else []
                            reports.append(subprocess.Popen(
                                [*TICKER, "report", *which, "--db", db_url, "-f", "json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
                        seen_mid_way.add(len(sources))
                if done:
                    break
        for report in reports:
            out, err = report.communicate(timeout=SUBPROCESS_TIMEOUT)
            assert report.returncode == 0, err
            answer = json.loads(out)
            if isinstance(answer, list):
                _check_board(answer, truth)
            else:
                points = [(row["source"], row["value"]) for row in answer["series"]]
                assert points == [(str(p.path), p.values["Nikkei"]) for p in pages[: len(points)]]
                assert answer["summary"]["count"] == len(points) > 0
    finally:
        for report in reports:
            if report.poll() is None:
                report.kill()
        if writer.poll() is None:
            _kill_group(writer)
        out, err = writer.communicate(timeout=SUBPROCESS_TIMEOUT)
    assert writer.returncode == 0, err[-2000:]
    assert summary(out)[:2] == (n, 15 * n)
    assert len(seen_mid_way) >= 2, f"the reader caught the ingest part way at {sorted(seen_mid_way)} only"
    assert last_len == n
    assert_exactly(db_url, truth)


# ------------------------------------------------------------------------------ ticker doctor

runner = CliRunner()


def doctor(db, *args):
    result = runner.invoke(app, ["doctor", "--db", str(db), *args])
    assert "Traceback" not in result.output
    return result


def test_doctor_on_a_healthy_store(db_url, write_page):
    write_page("2024-05-17T0800_a.txt", strip_page())
    write_page("2024-05-18T0800_b.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    assert runner.invoke(app, ["ingest", str(write_page("x.txt", "no strip here\n").parent), "--db", db_url]).exit_code == 0
    path = sqlite_path(db_url)
    before = path.read_bytes() if path else None
    result = doctor(db_url)
    assert result.exit_code == 0, result.output
    out = result.output
    head = migrate.HEAD_REVISION
    assert re.search(rf"^schema:\s+{head} \(current; head {head}\)$", out, re.M), out
    assert re.search(r"^snapshots:\s+2$", out, re.M) and re.search(r"^quotes:\s+17$", out, re.M)
    assert re.search(r"^snapshots without quotes:\s+0$", out, re.M)
    assert "healthy: no problems found" in out
    if path:
        assert re.search(r"^quick_check:\s+ok$", out, re.M)
        assert path.read_bytes() == before  # looking changed nothing
    data = json.loads(doctor(db_url, "--format", "json", "--full").output)
    assert data["ok"] and data["counts"] == {"instruments": 15, "aliases": 15, "snapshots": 2, "quotes": 17}
    if path:
        assert data["integrity_check"] == "integrity_check" and data["integrity"] == ["ok"]


def test_doctor_finds_snapshots_without_quotes_and_quotes_without_snapshots(db_url):
    with Store(db_url) as store:
        store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), source="kept")
        store.ingest_text(nikkei_page("40,100.00", "+25.31", "+0.06"), source="emptied")
        store.ingest_text(nikkei_page("40,200.00", "+100.00", "+0.25"), source="deleted")
        # What a crash between two transactions, or a hand edit, would leave behind.
        with store.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM quotes WHERE snapshot_id = (SELECT id FROM snapshots WHERE source = 'emptied')"))
        # Deleting a snapshot with foreign keys off leaves its quotes behind.
        if store.engine.dialect.name == "sqlite":  # a plain sqlite3 connection has them off
            raw = sqlite3.connect(sqlite_path(db_url))
            raw.execute("DELETE FROM snapshots WHERE source = 'deleted'")
            raw.commit()
            raw.close()
        else:
            with store.engine.begin() as conn:
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")  # no FK triggers
                conn.execute(sa.text("DELETE FROM snapshots WHERE source = 'deleted'"))
    result = doctor(db_url)
    assert result.exit_code == 1
    out = result.output
    assert re.search(r"^snapshots without quotes:\s+1 \(e\.g\. #2 emptied\)$", out, re.M), out
    assert re.search(r"^quotes without a snapshot:\s+2$", out, re.M), out
    assert "problem: 1 snapshot(s) without quotes" in out
    assert "problem: 2 quote(s) whose snapshot is missing" in out


def test_doctor_finds_a_damaged_sqlite_file(tmp_path):
    db = tmp_path / "damaged.db"
    with Store(db) as store:
        for i in range(400):
            store.ingest_text(strip_page(body=f"page {i}\n" * 20), source=f"p{i}")
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        # The quotes table's root page: damage there is damage quick_check must see.
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'quotes'").fetchone()[0]
    assert pages > 50
    rnd = random.Random(5)
    with open(db, "r+b") as fh:
        for page in (root, pages // 2, pages // 2 + 1, pages - 3):
            fh.seek((page - 1) * page_size + 100 if page == 1 else (page - 1) * page_size)
            fh.write(bytes(rnd.randrange(256) for _ in range(page_size // 2)))
    result = doctor(db)
    assert result.exit_code == 1, result.output
    problems = [line for line in result.output.splitlines() if line.startswith("problem:")]
    assert problems and any("quick_check" in p or "malformed" in p for p in problems), result.output


def test_doctor_on_a_newer_schema_and_on_no_store(db_url, tmp_path):
    with Store(db_url) as store:
        store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"))
        with store.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    result = doctor(db_url)
    assert result.exit_code == 1
    assert (f"problem: schema revision '9999' is newer than this ticker knows (head '{migrate.HEAD_REVISION}')"
            in result.output)
    missing = tmp_path / "nowhere" / "ticker.db"
    result = doctor(missing)
    assert result.exit_code == 1 and result.output.strip() == f"error: no store at {missing} (run ticker ingest first)"
    assert not missing.parent.exists()  # a check never creates a store


# ------------------------------------------------------------------------------ PostgreSQL deadlock


def test_postgres_writers_meeting_new_instruments_in_opposite_order_both_store(pg_url):
    """Two writers whose pages show new instruments in opposite orders each hold the row the other
    needs: PostgreSQL breaks the deadlock by aborting one. That page must be retried, not lost.

    A real trigger slows each instrument insert down, so the two transactions reliably interleave.
    """
    import threading

    with Store(pg_url) as setup, setup.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE FUNCTION slow_insert() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END $$ "
            "LANGUAGE plpgsql"
        )
        conn.exec_driver_sql("CREATE TRIGGER slow AFTER INSERT ON instruments FOR EACH ROW EXECUTE FUNCTION slow_insert()")
    pages = {
        "forward": strip_page([("Nikkei", "40,074.69", "+443.63", "+1.12"), ("Dow", "39,157.93", "-11.59", "-0.03")]),
        "backward": strip_page([("Dow", "39,100.00", "-57.93", "-0.15"), ("Nikkei", "40,100.00", "+25.31", "+0.06")]),
    }
    barrier = threading.Barrier(2)
    results = {}

    def write(source):
        with Store(pg_url) as store:
            barrier.wait(timeout=60)
            results[source] = store.ingest_text(pages[source], source=source)

    threads = [threading.Thread(target=write, args=(source,)) for source in pages]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert {s: (r.status, r.reason) for s, r in results.items()} == {
        "forward": ("stored", None), "backward": ("stored", None)}
    with Store(pg_url) as store:
        assert store.counts() == {"instruments": 2, "aliases": 2, "snapshots": 2, "quotes": 4}


@pytest.mark.slow
def test_ctrl_c_stops_an_ingest_that_waits_on_a_pipe(tmp_path):
    # `ticker ingest pages/ <(slow-source)`: the ingest waits for the pipe's writer. Ctrl-C must
    # still end it at once, quietly (workers included), and leave the store sound.
    generate_pages(tmp_path / "pages", 300, seed=5)
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    holder = subprocess.Popen(["sh", "-c", f"exec 3>'{fifo}'; sleep 120"])  # a writer that never writes
    db_url = f"sqlite:///{tmp_path / 'ticker.db'}"
    try:
        proc = _ingest_process(db_url, tmp_path / "pages", fifo)
        time.sleep(2)
        assert proc.poll() is None, proc.stderr.read()[-2000:]  # still waiting on the pipe
        _kill(proc, signal.SIGINT)
    finally:
        holder.kill()
        holder.wait()
    with sqlite3.connect(tmp_path / "ticker.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert 0 <= stored_count(db_url) <= 300
