"""Issue 15: the storage and command-line robustness items, each done for real (threads, processes,
damaged files, real PostgreSQL where it applies)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ticker.store import Store

from pagegen import SUBPROCESS_TIMEOUT, TICKER, generate_pages, run_ticker


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


# ------------------------------------------------------------------ 15.3 alias add during an ingest


def _count(db_url: str, sql: str) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar()
    except sa.exc.DBAPIError:
        return 0  # no schema yet
    finally:
        engine.dispose()




@pytest.mark.slow
def test_alias_add_while_an_ingest_runs_moves_the_whole_series(db_url, tmp_path):
    """The ingest reads 100 pages, then a named pipe (read in its main process, in its place),
    then 90 more: while it waits on the pipe, 100 pages are stored and the alias is added; then
    the pipe gets its page and the rest is stored. No timing decides what the test tests."""
    import os

    before = generate_pages(tmp_path / "before", 100, seed=31)
    after = generate_pages(tmp_path / "after", 91, seed=32, prefix="a")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # held open for writing before the ingest starts: ticker reads a pipe with a writer to its end
    # (one with none reads as empty)
    pipe = os.open(fifo, os.O_RDWR)
    ingest = subprocess.Popen([*TICKER, "ingest", "--quiet", "--batch-size", "10", "--db", db_url,
                               str(tmp_path / "before"), str(fifo), str(tmp_path / "after")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + SUBPROCESS_TIMEOUT
        while _count(db_url, "SELECT count(*) FROM snapshots") < len(before):
            assert ingest.poll() is None, ingest.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        moved = run_ticker("alias", "add", "Nikkei", "Dow", "--db", db_url)
        assert moved.returncode == 0, moved.stderr
        assert _count(db_url, "SELECT count(*) FROM snapshots") == len(before)  # the ingest waits on the pipe
        os.write(pipe, after[0].path.read_bytes())
        os.close(pipe)  # the end of the page: the ingest goes on
        pipe = -1
        out, err = ingest.communicate(timeout=SUBPROCESS_TIMEOUT)
    finally:
        ingest.kill()
        if pipe >= 0:
            os.close(pipe)
    assert ingest.returncode == 0, err
    total = len(before) + len(after)
    assert _count(db_url, "SELECT count(*) FROM snapshots") == total
    dow = "(SELECT instrument_id FROM aliases WHERE alias_key = 'dow')"
    # every Nikkei quote, stored before the alias or after it, is Dow's now; none left behind
    assert _count(db_url, f"SELECT count(*) FROM quotes WHERE name_printed = 'Nikkei' AND instrument_id = {dow}") \
        == total
    assert _count(db_url, "SELECT count(*) FROM quotes WHERE name_printed = 'Nikkei'") == total


# ------------------------------------------------------------------ 15.4 a damaged store

DAMAGED = "store is damaged (run ticker doctor)"


def _leaf_pages(db: Path, index: str) -> list[int]:
    """The page numbers of a table's or an index's leaf pages, from SQLite's dbstat."""
    with sqlite3.connect(db) as conn:
        try:
            return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                               "ORDER BY pageno", (index,))]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")


def _overwrite(db: Path, pages: list[int], seed: int) -> None:
    """Overwrite pages of the file with noise (as a failing disk or a stray write would)."""
    import random

    rnd = random.Random(seed)
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * size)
            fh.write(rnd.randbytes(size))


@pytest.fixture(scope="module")
def sound_store(tmp_path_factory):
    """A store of 600 pages (15 instruments each), made once; tests damage copies of it."""
    where = tmp_path_factory.mktemp("sound")
    generate_pages(where / "pages", 600, seed=41)
    db = where / "ticker.db"
    done = run_ticker("ingest", "--quiet", "--db", db, where / "pages")
    assert done.returncode == 0, done.stderr
    return db


def test_a_store_damaged_on_disk_is_refused_by_every_command_not_read_in_part(sound_store, tmp_path):
    db = tmp_path / "ticker.db"
    db.write_bytes(sound_store.read_bytes())
    leaves = _leaf_pages(db, "ix_quotes_instrument_series")  # what the plain report reads alone
    middle = len(leaves) // 2
    _overwrite(db, leaves[middle: middle + 4], seed=5)
    for args in (["report", "--index", "Nikkei"], ["report", "--index", "Nikkei", "-f", "csv"],
                 ["report", "-i", "Dow", "--resample", "1h"], ["report"], ["export"], ["indexes"],
                 ["ingest", sound_store.parent / "pages"]):
        done = run_ticker(*args, "--db", db)
        assert done.returncode == 1, (args, done.stdout[-500:])
        assert DAMAGED in done.stderr, (args, done.stderr[-500:])
        assert "Traceback" not in done.stderr and done.stdout.count("\n") <= 1, (args, done.stdout[-500:])
    doctor = run_ticker("doctor", "--db", db)
    assert doctor.returncode == 1 and "quick_check found" in doctor.stdout, doctor.stdout


def test_a_damaged_store_is_not_written_to(sound_store, tmp_path):
    db = tmp_path / "ticker.db"
    db.write_bytes(sound_store.read_bytes())
    _overwrite(db, _leaf_pages(db, "snapshots")[-3:], seed=7)
    before = db.read_bytes()
    extra = tmp_path / "more"
    generate_pages(extra, 5, seed=42, prefix="more")
    done = run_ticker("ingest", "--db", db, extra)
    assert done.returncode == 1 and DAMAGED in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == before and not Path(f"{db}-wal").exists()


# ------------------------------------------------------------------ 15.6 no credential in any output

SECRET = "hunter2-s3cret"
DEAD = "127.0.0.1:1"  # nothing listens on port 1


def _secret_forms(host: str, database: str, extra: str = "") -> dict[str, tuple[str, dict]]:
    """The ways a user gives a PostgreSQL password: (URL, environment)."""
    q = f"?{extra}&" if extra else "?"
    plain = f"postgresql+psycopg://postgres@{host}/{database}"
    return {
        "userinfo": (f"postgresql+psycopg://postgres:{SECRET}@{host}/{database}{q.rstrip('?&')}", {}),
        "at in password": (f"postgresql+psycopg://postgres:hun@ter2@s3cret@{host}/{database}{q.rstrip('?&')}", {}),
        "query": (f"{plain}{q}password={SECRET}", {}),
        "query with @": (f"{plain}{q}password=hun%40ter2-s3cret", {}),
        "PGPASSWORD": (f"{plain}{q.rstrip('?&')}", {"PGPASSWORD": SECRET}),
    }


def _leaks(text: str) -> list[str]:
    return [s for s in ("hunter2", "s3cret", "ter2", "hun@", "hun%40") if s in text]


@pytest.fixture
def good_page(tmp_path):
    from conftest import strip_page

    page = tmp_path / "2024-05-17T0800_good.txt"
    page.write_text(strip_page(), encoding="utf-8")
    return page


@pytest.mark.parametrize("form", list(_secret_forms(DEAD, "x")))
def test_no_command_prints_a_password_when_the_server_is_away(form, good_page, monkeypatch):
    from test_bad_input import COMMANDS_WITH_DB
    from typer.testing import CliRunner

    from ticker.cli import app

    url, env = _secret_forms(DEAD, "nowhere")[form]
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for args in COMMANDS_WITH_DB:
        result = CliRunner().invoke(app, [*(a.replace("{page}", str(good_page)) for a in args), "--db", url])
        assert result.exit_code == 1, (args, result.output)
        assert not _leaks(result.output), (args, result.output)
        assert "Traceback" not in result.output and "internal" not in result.output, (args, result.output)


@pytest.mark.postgres
@pytest.mark.parametrize("form", list(_secret_forms(DEAD, "x")))
def test_no_command_prints_a_password_on_success(form, pg_url, good_page, monkeypatch):
    """A real server (trust auth takes any password): every command, db upgrade and doctor
    included, succeeds and shows no secret; db upgrade and doctor in a real process too."""
    from urllib.parse import urlsplit

    from test_bad_input import COMMANDS_WITH_DB
    from typer.testing import CliRunner

    from ticker.cli import app

    parts = urlsplit(pg_url)
    url, env = _secret_forms(f"{parts.hostname}:{parts.port}", parts.path.lstrip("/"), parts.query)[form]
    for args in (["db", "upgrade"], ["doctor"]):
        done = run_ticker(*args, "--db", url, env=env)
        out = done.stdout + done.stderr
        assert done.returncode == 0 and not _leaks(out), (args, out)
        assert "postgres" in done.stdout and ("***" in done.stdout or form == "PGPASSWORD"), (args, out)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for args in COMMANDS_WITH_DB:
        result = CliRunner().invoke(app, [*(a.replace("{page}", str(good_page)) for a in args), "--db", url])
        assert not _leaks(result.output), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
        if args[0] in ("db", "doctor", "ingest", "indexes", "export", "alias"):
            assert result.exit_code == 0, (args, result.output)


# ------------------------------------------------------------------ 15.15 / 14.4 reads never create a store

READ_COMMANDS = [["report"], ["report", "--index", "Nikkei"], ["report", "-i", "Nikkei", "--resample", "1D"], ["indexes"],
                 ["export"], ["doctor"], ["db", "current"], ["reparse"], ["alias", "add", "Nikkei", "Dow"]]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=" ".join)
def test_a_read_on_a_mistyped_db_creates_nothing(args, tmp_path):
    missing = tmp_path / "typo" / "ticker.db"
    done = run_ticker(*args, "--db", missing, cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert done.stderr.strip() == f"error: no store at {missing} (run ticker ingest first)", done.stderr
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_read_on_no_db_option_creates_no_default_store(tmp_path):
    done = run_ticker("indexes", cwd=tmp_path, env={"TICKER_DB": ""})
    assert done.returncode == 1 and "no store at" in done.stderr and "run ticker ingest first" in done.stderr
    assert not (tmp_path / "data").exists()


@pytest.mark.postgres
def test_a_read_on_an_empty_postgres_database_makes_no_schema(pg_url, good_page):
    import sqlalchemy as sa
    from typer.testing import CliRunner

    from ticker.cli import app

    for args in READ_COMMANDS:
        if args[0] in ("doctor", "db"):
            continue
        result = CliRunner().invoke(app, [*args, "--db", pg_url])
        assert result.exit_code == 1 and "no store at" in result.output, (args, result.output)
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == []
    engine.dispose()
    assert CliRunner().invoke(app, ["ingest", str(good_page), "--db", pg_url]).exit_code == 0
    assert CliRunner().invoke(app, ["indexes", "--db", pg_url]).exit_code == 0


def test_ingest_and_db_upgrade_still_make_a_store(tmp_path, good_page):
    for args in (["db", "upgrade"], ["ingest", good_page]):
        db = tmp_path / args[-1].__str__().replace("/", "_") / "new" / "ticker.db"
        done = run_ticker(*args, "--db", db)
        assert done.returncode == 0 and db.is_file(), done.stderr


# ------------------------------------------------------------------ 15.14 doctor on what is not a ticker store


def _doctor(db) -> tuple[int, str]:
    from typer.testing import CliRunner

    from ticker.cli import app

    result = CliRunner().invoke(app, ["doctor", "--db", str(db)])
    return result.exit_code, result.output


def test_doctor_on_another_applications_database_is_not_healthy(db_url):
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    with engine.begin() as conn:  # another Alembic-managed application
        conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(sa.text("INSERT INTO alembic_version VALUES ('ae1027a6acf')"))
        conn.execute(sa.text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"))
    engine.dispose()
    code, out = _doctor(db_url)
    assert code == 1 and "healthy" not in out, out
    assert "problem: this is not a ticker store: its tables are another application's (alembic_version, customers)" \
        in out, out


def test_doctor_on_a_store_with_an_empty_alembic_version_is_not_healthy(db_url, good_page):
    import sqlalchemy as sa

    with Store(db_url) as store:
        store.ingest([str(good_page)])
        with store.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM alembic_version"))
    code, out = _doctor(db_url)
    assert code == 1 and "healthy" not in out, out
    assert "problem: alembic_version is empty" in out, out


def test_doctor_on_an_empty_database_is_not_healthy(db_url):
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)  # an empty SQLite file, or an empty PostgreSQL schema
    with engine.begin() as conn:
        conn.execute(sa.text("SELECT 1"))
    engine.dispose()
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).touch()
    code, out = _doctor(db_url)
    assert code == 1 and "no ticker store yet (run ticker ingest first)" in out, out


# ------------------------------------------------------------------ 15.10 a closed output


@pytest.mark.slow
def test_ingest_into_a_closed_pipe_stores_every_page(tmp_path):
    pages = generate_pages(tmp_path / "pages", 1200, seed=51)
    db = tmp_path / "ticker.db"
    ingest = subprocess.Popen([*TICKER, "ingest", "--db", str(db), str(tmp_path / "pages")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = ingest.stdout.readline()  # what `| head -1` reads, then it goes away
    ingest.stdout.close()
    err = ingest.stderr.read().decode()
    ingest.wait(timeout=SUBPROCESS_TIMEOUT)
    assert first.endswith(b"stored 15 quotes\n"), first
    assert ingest.returncode == 0, err
    assert "Traceback" not in err and "internal" not in err, err
    assert "the output was closed; the ingest went on: 1200 pages stored (18000 quotes)" in err, err
    assert _stored(db) == _truth(pages)


def test_export_into_a_closed_pipe_is_quiet(sound_store):
    db = sound_store  # 9,000 quotes: more than a pipe holds
    done = subprocess.run(f"{' '.join(TICKER)} export --db {db} | head -c 10 > /dev/null", shell=True,
                          capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    assert done.stderr == "", done.stderr


# ------------------------------------------------------------------ 15.13 Ctrl-C at start-up, plain errors, misuse


@pytest.mark.slow
def test_ctrl_c_while_a_command_starts_prints_no_traceback_of_ticker(sound_store):
    """SIGINT at moments through the first ~0.3 s of a command. Ctrl-C while Python itself starts
    (its ``site`` module, before any of ticker's code runs) is Python's to report; from ticker's
    first line on, the command ends quietly."""
    import signal

    delays = [0.01 * i for i in range(2, 31, 2)]
    for delay in delays:
        for argv in ([*TICKER, "report", "--db", str(sound_store)], [*TICKER, "indexes", "--db", str(sound_store)]):
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(delay)
            proc.send_signal(signal.SIGINT)
            _out, err = proc.communicate(timeout=SUBPROCESS_TIMEOUT)
            frames = re.findall(r'File "([^"]+)"', err)
            ours = [f for f in frames if "/ticker/" in f or ("site-packages" in f and "__editable__" not in f)]
            if "Traceback" in err and not ours:
                continue  # only Python's own start-up (site, runpy) on the stack: before any of ticker's code
            assert "Traceback" not in err, (delay, err[-3000:])
            assert proc.returncode in (0, 1, 130, -signal.SIGINT), (delay, proc.returncode, err)


@pytest.mark.parametrize(("args", "expected"), [
    (["report", "--db", "postgresql+psycopg://me:pw-s3cret@db.example:abc/quotes"],
     "error: not a database URL: the port is not a number in postgresql+psycopg://me:***@db.example:abc/quotes"),
    (["ingest", "{page}", "--db", "{file}/sub/ticker.db"],
     "error: cannot make the folder {file}/sub for the store: Not a directory"),
    (["db", "upgrade", "--db", "{file}/sub/ticker.db"],
     "error: cannot make the folder {file}/sub for the store: Not a directory"),
    (["ingest", "{page}", "--db", "{tmp}/t.db", "--at", "9999-12-31T23:59:59-1400"],
     "Invalid value for '--at': 9999-12-31T23:59:59-14:00 is out of range in UTC (years 1 to 9999)"),
    (["ingest", "{page}", "--db", "{tmp}/t.db", "--at", "0001-01-01T00:00:00+0800"],
     "Invalid value for '--at': 0001-01-01T00:00:00+08:00 is out of range in UTC (years 1 to 9999)"),
], ids=["port", "folder under a file", "db upgrade folder", "--at past 9999", "--at before year 1"])
def test_bad_user_input_is_a_plain_error_not_internal(args, expected, tmp_path, good_page):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder\n")
    fill = {"{page}": str(good_page), "{file}": str(a_file), "{tmp}": str(tmp_path)}

    def filled(text: str) -> str:
        for key, value in fill.items():
            text = text.replace(key, value)
        return text

    done = run_ticker(*map(filled, args))
    assert done.returncode in (1, 2), done.stderr
    assert filled(expected) in done.stderr, done.stderr
    assert "internal" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "t.db").exists()


@pytest.mark.parametrize("call", [
    lambda s: s.series(None), lambda s: s.series(42), lambda s: s.find_instrument(None), lambda s: s.wide(None),
    lambda s: s.wide(["Nikkei", None]), lambda s: s.summary(None), lambda s: s.add_alias(None, "Dow"),
    lambda s: s.add_alias("Nikkei", None), lambda s: s.ingest(None),
], ids=["series(None)", "series(42)", "find_instrument(None)", "wide(None)", "wide([.., None])", "summary(None)",
        "add_alias(None, ..)", "add_alias(.., None)", "ingest(None)"])
def test_library_misuse_is_a_ticker_error_with_a_message(call, memory_store):
    from ticker import TickerError

    memory_store.ingest_text("• Nikkei\n40,074.69\n+443.63 (+1.12%)\n")
    with pytest.raises(TickerError, match=r"not (None|42|\[)") as caught:
        call(memory_store)
    assert isinstance(caught.value, TypeError)  # what Python code expects of a wrong type


# ------------------------------------------------------------------ 15.18 names printed escaped


def test_file_names_reach_the_terminal_escaped(tmp_path):
    from conftest import strip_page

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "clear\x1b[2J\nscreen.txt").write_text(strip_page(), encoding="utf-8")
    (folder / "title\x1b]0;owned\x07.txt").write_text("", encoding="utf-8")  # empty: an error line
    (folder / "tab\there\rback.txt").write_text(strip_page(body="Another page.\n"), encoding="utf-8")
    db = tmp_path / "ticker.db"
    for args in (["ingest", folder, "--db", db], ["ingest", folder, "--db", db], ["parse", folder],
                 ["parse", "--format", "json", folder]):
        done = subprocess.run([*TICKER, *map(str, args)], capture_output=True, timeout=SUBPROCESS_TIMEOUT)
        out = done.stdout + done.stderr
        assert b"\x1b" not in out and b"\x07" not in out and b"\r" not in out, (args, out)
        if args[0] == "ingest":
            lines = out.decode().splitlines()
            name = "clear\\x1b[2J\\nscreen.txt: "
            assert any(line.endswith((name + "stored 15 quotes", name + "already stored")) for line in lines), lines
            assert any("title\\x1b]0;owned\\x07.txt: error:" in line for line in lines), lines
            assert all(line.startswith((str(folder), "2 pages", "0 pages", "note: ")) for line in lines), lines


# ------------------------------------------------------------------ 15.16 read-only stores, SQLite's messages


@contextlib.contextmanager
def _read_only_disk(where: Path):
    """A real filesystem (tmpfs) at ``where``: written while the block runs up to ``yield``'s
    caller's ``freeze()``, read-only after it; skips where mounting is not allowed."""
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(where)],
                             capture_output=True, text=True, timeout=60)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a filesystem here: {mounted.stderr.strip()[:200]}")
    try:
        yield lambda: subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, timeout=60)
    finally:
        subprocess.run(["umount", "-l", str(where)], timeout=60)


def test_a_store_on_a_read_only_disk_is_read_and_writes_say_why(tmp_path, good_page):
    disk = tmp_path / "disk"
    with _read_only_disk(disk) as freeze:
        db = disk / "ticker.db"
        assert run_ticker("ingest", good_page, "--db", db).returncode == 0
        freeze()
        for args in (["report", "--index", "Nikkei", "-f", "csv"], ["report", "-i", "Nikkei", "--resample", "1D", "-f", "csv"],
                     ["report", "-f", "csv"], ["export"], ["indexes"], ["doctor"], ["db", "current"]):
            done = run_ticker(*args, "--db", db)
            assert done.returncode == 0, (args, done.stderr)
            assert "40074.69" in done.stdout or args[0] in ("doctor", "db", "indexes"), (args, done.stdout)
        other = tmp_path / "other.txt"
        other.write_text(good_page.read_text(encoding="utf-8") + "\nanother page\n", encoding="utf-8")
        done = run_ticker("ingest", other, "--db", db)
        assert done.returncode == 1
        assert done.stderr.strip() == f"error: cannot write the store {db}: it is on a read-only filesystem", done.stderr
        done = run_ticker("alias", "add", "Nikkei Stock Average", "Nikkei", "--db", db)
        assert done.returncode == 1 and "read-only" in done.stderr and "internal" not in done.stderr, done.stderr


# ------------------------------------------------------------------ 15.17 a dropped PostgreSQL connection


@pytest.mark.postgres
@pytest.mark.slow
def test_a_dropped_postgres_connection_prints_no_driver_lines(pg_url, tmp_path):
    import uuid

    import sqlalchemy as sa

    # fewer inputs than start worker processes: one process reads them in order, so the pages
    # before the pipe are stored before it waits on the pipe
    before = generate_pages(tmp_path / "before", 100, seed=61)
    after = generate_pages(tmp_path / "after", 90, seed=62, prefix="a")
    name = f"ticker-drop-{uuid.uuid4().hex[:8]}"  # only this ingest's connections are dropped
    url = f"{pg_url}&application_name={name}"
    # The ingest waits on a pipe between the two folders, its connection open and idle: the
    # connection is dropped there, whatever the speed of the writer (held open for writing
    # before the ingest starts: a pipe with no writer reads as empty).
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    pipe = os.open(fifo, os.O_RDWR)
    ingest = subprocess.Popen([*TICKER, "ingest", "--quiet", "--batch-size", "5", "--db", url,
                               str(tmp_path / "before"), str(fifo), str(tmp_path / "after")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    admin = sa.create_engine(pg_url)
    dropped = 0
    try:
        deadline = time.monotonic() + SUBPROCESS_TIMEOUT
        while _count(pg_url, "SELECT count(*) FROM snapshots") < len(before):
            assert ingest.poll() is None, ingest.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        with admin.begin() as conn:
            dropped = len(conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name"),
                {"name": name}).all())
        os.write(pipe, after[0].path.read_bytes())
        os.close(pipe)  # the end of the piped page: the ingest goes on, on a dropped connection
        pipe = -1
        out, err = ingest.communicate(timeout=SUBPROCESS_TIMEOUT)
    finally:
        ingest.kill()
        admin.dispose()
        if pipe >= 0:
            os.close(pipe)
    assert dropped, "no connection of the ingest was there to drop: the test tested nothing"
    assert ingest.returncode == 0, err
    # no psycopg or SQLAlchemy lines: the data is exact, so nothing to say (but the note that the
    # piped page took its time from the pipe's mtime)
    assert [line for line in err.splitlines() if not line.startswith("note: ")] == [], err
    assert "190 pages stored (2850 quotes), 1 already stored" in out, out
    assert _count(pg_url, "SELECT count(DISTINCT content_hash) FROM snapshots") == len(before) + len(after)
    assert _count(pg_url, "SELECT count(*) FROM quotes") == sum(len(p.entries) for p in [*before, *after])


def test_a_dsn_string_given_as_db_shows_no_password(tmp_path):
    dsn = f"host=127.0.0.1 port=1 dbname=quotes user=me password={SECRET}"
    for args in (["report"], ["indexes"], ["doctor"], ["export"]):
        done = run_ticker(*args, "--db", dsn, cwd=tmp_path)
        out = done.stdout + done.stderr
        assert done.returncode == 1 and not _leaks(out), (args, out)
        assert "password=***" in out and "internal" not in out, (args, out)
    assert list(tmp_path.iterdir()) == []


def test_a_sound_store_is_checked_once_not_by_every_command(tmp_path, good_page):
    from ticker.db import health

    class NoCheck:  # a connection that fails the test if quick_check runs
        def execute(self, sql):
            raise AssertionError(f"checked again: {sql}")

    db = tmp_path / "ticker.db"
    for args in (["ingest", good_page], ["report", "-i", "Nikkei"], ["report", "-i", "Nikkei", "--resample", "1D"],
                 ["indexes"], ["export"]):
        done = run_ticker(*args, "--db", db)
        assert done.returncode == 0, (args, done.stderr)
        health.verify(NoCheck(), db)  # as ticker left it: noted sound, the next command checks nothing
    with open(db, "r+b") as fh:  # another program writes the file: the next command checks
        fh.seek(0, 2)
        fh.write(b"\0" * 10)
    with pytest.raises(AssertionError, match="checked again"):
        health.verify(NoCheck(), db)
