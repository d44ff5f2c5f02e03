"""Bad input, each case for real: one clear line naming the input and the reason, never a
traceback, the rest of the run still stored, and the exit code telling that something failed.

Warnings (a page decoded from another encoding, a cut strip, quotes failing the arithmetic
check) are one line each too, but do not fail the run: the page was stored.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import pwd
import shutil
import signal
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from ticker.cli import app
from ticker.db.textstore import decompress_text

from conftest import SEED_STRIP, nikkei_page, strip_page
from pagegen import TICKER, lines_naming, run_measured, run_ticker

runner = CliRunner()

GOOD_VALUE = 40074.69


def cli(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@contextlib.contextmanager
def no_hang(seconds: int = 120):
    """Turn a hang (a read that never ends) into a failure instead of a stalled test run."""

    def alarm(_sig, _frame):
        raise TimeoutError(f"still running after {seconds}s: the command hangs")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def good(write_page):
    """A good page that every run also gets: it must be stored whatever else fails."""
    return write_page("2024-05-17T0800_good.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))


def stored_sources(db_url: str) -> list[str]:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT source FROM snapshots ORDER BY id")).scalars().all()
    finally:
        engine.dispose()


def assert_one_error(result, name, reason: str) -> None:
    """Exactly one line names ``name``; it is an error line giving ``reason``; no traceback."""
    out = result.output
    lines = lines_naming(out, name)
    assert len(lines) == 1, out
    assert lines[0] == f"{name}: error: {reason}" or (
        lines[0].startswith(f"{name}: error: ") and reason in lines[0]
    ), lines[0]
    assert "Traceback" not in out and "internal:" not in out, out


def assert_good_stored(result, db_url, good) -> None:
    assert f"{good}: stored 2 quotes" in result.output, result.output
    assert str(good) in stored_sources(db_url)


# ------------------------------------------------------------------------------ paths


def test_missing_path(db_url, good, tmp_path):
    missing = tmp_path / "nowhere" / "page.txt"
    result = cli("ingest", missing, good, "--db", db_url)
    assert result.exit_code == 1
    assert_one_error(result, missing, "no such file or folder")
    assert_good_stored(result, db_url, good)
    assert "1 page stored (2 quotes), 0 already stored, 0 without a ticker strip, 1 error" in result.output


@pytest.mark.parametrize("recursive", [False, True])
def test_folder_without_pages(db_url, good, tmp_path, recursive):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "README.md").write_text("not a page\n")
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "sub").mkdir()
    args = ["-r"] if recursive else []
    result = cli("ingest", folder, good, "--db", db_url, *args)
    assert result.exit_code == 1
    hint = "" if recursive else " (use -r to look in subfolders)"
    assert_one_error(result, folder, f"no *.txt, *.html or *.htm pages in this folder{hint}")
    assert_good_stored(result, db_url, good)


def test_empty_folder(db_url, good, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    result = cli("ingest", folder, good, "--db", db_url)
    assert result.exit_code == 1
    assert_one_error(result, folder, "no *.txt, *.html or *.htm pages in this folder")
    assert_good_stored(result, db_url, good)


def _nobody() -> tuple[int, int] | None:
    try:
        pw = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return pw.pw_uid, pw.pw_gid


@contextlib.contextmanager
def _as_nobody():
    uid, gid = _nobody()
    os.setegid(gid)
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_unreadable_file(db_url, tmp_path):
    """chmod 000 for real. Root reads anything, so as root the command runs with the effective
    uid of ``nobody`` (a real permission check by the kernel, not a mock)."""
    root = os.geteuid() == 0
    if root and _nobody() is None:
        pytest.skip("running as root and there is no 'nobody' user to drop to: chmod 000 cannot stop root")
    # As nobody, the pages and the SQLite file need a folder nobody can reach (tmp_path cannot be).
    work = Path(tempfile.mkdtemp(prefix="ticker-perm-"))
    try:
        work.chmod(0o777)
        good = work / "2024-05-17T0800_good.txt"
        good.write_text(nikkei_page("40,074.69", "+443.63", "+1.12"))
        secret = work / "2024-05-18T0800_secret.txt"
        secret.write_text(nikkei_page("40,100.00", "+25.31", "+0.06"))
        secret.chmod(0)
        if db_url.startswith("sqlite"):
            db_url = f"sqlite:///{work / 'ticker.db'}"
        with _as_nobody() if root else contextlib.nullcontext():
            with pytest.raises(PermissionError):
                secret.read_bytes()  # the premise: this process really cannot read it
            result = cli("ingest", secret, good, "--db", db_url)
        assert result.exit_code == 1, result.output
        assert_one_error(result, secret, "permission denied")
        assert_good_stored(result, db_url, good)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_empty_and_blank_files(db_url, good, write_page):
    empty = write_page("empty.txt", "")
    blank = write_page("blank.txt", "\n \t\n\r\n")
    result = cli("ingest", empty, blank, good, "--db", db_url)
    assert result.exit_code == 1
    assert_one_error(result, empty, "empty file")
    assert_one_error(result, blank, "empty file")
    assert_good_stored(result, db_url, good)


def test_binary_files(db_url, good, write_page):
    png = write_page("chart.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    gz = write_page("page.txt", gzip.compress(strip_page().encode()))  # a saved page still gzipped
    noise = write_page("noise.html", bytes((b * 73 + 11) % 256 for b in range(8192)))
    result = cli("ingest", png, gz, noise, good, "--db", db_url)
    assert result.exit_code == 1
    for path in (png, gz, noise):
        assert_one_error(result, path, "binary file")
    assert_good_stored(result, db_url, good)
    assert "3 errors" in result.output


def test_device_is_refused_not_read_forever(db_url, good):
    """/dev/zero never ends: reading it whole (to hash it) would hang."""
    with no_hang():
        result = cli("ingest", "/dev/zero", good, "--db", db_url)
    assert result.exit_code == 1
    assert_one_error(result, "/dev/zero", "not a regular file")
    assert_good_stored(result, db_url, good)


def test_fifo_without_writer_does_not_block(db_url, good, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with no_hang():
        result = cli("ingest", fifo, good, "--db", db_url)
    assert result.exit_code == 1
    assert_one_error(result, fifo, "empty file")
    assert_good_stored(result, db_url, good)


def test_file_name_that_is_not_utf8_is_stored_under_a_printable_name(db_url, good, tmp_path):
    folder = os.fsencode(tmp_path / "pages")
    with open(os.path.join(folder, b"caf\xe9-2024.txt"), "w", encoding="utf-8") as fh:
        fh.write(nikkei_page("40,100.00", "+25.31", "+0.06"))
    run = run_ticker("ingest", "--db", db_url, tmp_path / "pages")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    shown = f"{tmp_path / 'pages'}/caf\\xe9-2024.txt"
    assert f"{shown}: stored 2 quotes" in run.stdout, run.stdout
    assert sorted(stored_sources(db_url)) == sorted([str(good), shown])


# ------------------------------------------------------------------------------ encodings


def _page_text(db_url: str, source: str) -> str:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            blob = conn.execute(sa.text("SELECT page_text FROM snapshots WHERE source = :s"), {"s": source}).scalar_one()
    finally:
        engine.dispose()
    return decompress_text(blob)


def _values(db_url: str, source: str) -> list[float]:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                sa.text(
                    "SELECT q.value FROM quotes q JOIN snapshots s ON s.id = q.snapshot_id "
                    "WHERE s.source = :s ORDER BY q.position"
                ),
                {"s": source},
            ).scalars().all()
    finally:
        engine.dispose()


SEED_VALUES = [float(v.replace(",", "")) for _n, v, _c, _p in SEED_STRIP]


def test_invalid_utf8_bytes_are_replaced_and_the_strip_kept(db_url, write_page):
    """A UTF-8 page with a few corrupt bytes must not be mistaken for another encoding (that
    garbles the bullets and loses the whole strip)."""
    raw = strip_page().encode("utf-8").replace(b"Markets today", b"Markets \xff\xfetoday") + b"caf\xe9 au lait\n"
    page = write_page("2024-05-17T0900_corrupt.txt", raw)
    result = cli("ingest", page, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert f"{page}: stored 15 quotes" in result.output
    warnings = [line for line in lines_naming(result.output, page) if "warning" in line]
    assert warnings == [f"{page}: warning: decoded as utf-8, 3 invalid bytes replaced"]
    assert _values(db_url, str(page)) == SEED_VALUES
    assert "Markets \ufffd\ufffdtoday" in _page_text(db_url, str(page))


def test_utf16_with_bom(db_url, good, write_page):
    le = write_page("2024-05-17T0900_le.txt", strip_page().encode("utf-16"))  # BOM + native order
    be = write_page("2024-05-17T1000_be.txt", b"\xfe\xff" + strip_page(SEED_STRIP[:5]).encode("utf-16-be"))
    result = cli("ingest", le, be, good, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert f"{le}: stored 15 quotes" in result.output and f"{be}: stored 5 quotes" in result.output
    assert _values(db_url, str(le)) == SEED_VALUES
    assert _values(db_url, str(be)) == SEED_VALUES[:5]
    assert_good_stored(result, db_url, good)


def test_cp1252(db_url, write_page):
    text = strip_page(body="Société Générale – “un café” à Zürich, naïve résumé, 5 €.\n")
    page = write_page("2024-05-17T0900_cp1252.txt", text.encode("cp1252"))  # the bullet is 0x95
    result = cli("ingest", page, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert f"{page}: stored 15 quotes" in result.output
    assert [line for line in lines_naming(result.output, page) if "warning" in line] == [
        f"{page}: warning: decoded as cp1252"
    ]
    assert _values(db_url, str(page)) == SEED_VALUES
    assert "“un café” à Zürich, naïve résumé, 5 €" in _page_text(db_url, str(page))


def test_bom_that_lies_is_one_error(db_url, good, write_page):
    liar = write_page("liar.txt", b"\xff\xfe" + b"\x00\xd8" + b"abc")  # UTF-16 BOM, then a lone surrogate
    result = cli("ingest", liar, good, "--db", db_url)
    assert result.exit_code == 1
    assert_one_error(result, liar, "byte-order mark but is not utf-16")
    assert_good_stored(result, db_url, good)


# ------------------------------------------------------------------------------ huge file


def _huge_page(path: Path, size: int, head: str) -> None:
    """A page of ``size`` bytes, written in 1 MiB chunks (never held in memory whole)."""
    chunk = ("The Dow fell 64.10 points, or 0.27 percent, to 24,099.05 in late trading.\n" * 14000).encode()
    with open(path, "wb") as fh:
        fh.write(head.encode())
        while fh.tell() < size:
            fh.write(chunk[: size - fh.tell()])


HUGE = 300 << 20  # 300 MiB


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["txt", "html", "sparse"])
def test_huge_file_bounded_memory_no_hang(tmp_path, kind):
    if kind != "sparse" and shutil.disk_usage(tmp_path).free < 3 * HUGE:
        pytest.skip(f"needs {3 * HUGE >> 20} MiB free in {tmp_path} for a {HUGE >> 20} MiB page")
    try:
        _huge_file_case(tmp_path, kind)
    finally:
        for page in tmp_path.glob("*_huge.*"):
            page.unlink()  # 300 MiB is too much to leave in pytest's kept temporary folders


def _huge_file_case(tmp_path, kind):
    db = tmp_path / "ticker.db"
    good = tmp_path / "2024-05-17T0800_good.txt"
    good.write_text(nikkei_page("40,074.69", "+443.63", "+1.12"))
    huge = tmp_path / f"2024-05-18T0800_huge.{'html' if kind == 'html' else 'txt'}"
    if kind == "txt":
        _huge_page(huge, HUGE, strip_page())
    elif kind == "html":
        items = "".join(f"<li>{n}<br>{v}<br>{c} ({p}%)</li>" for n, v, c, p in SEED_STRIP)
        _huge_page(huge, HUGE, f"<!doctype html><html><body><p>Singapore markets closed</p><ul>{items}</ul><p>")
    else:  # a file of zeros that takes no disk: a broken download, a preallocated file
        with open(huge, "wb") as fh:
            fh.truncate(HUGE)
    assert huge.stat().st_size >= HUGE

    run = run_measured([*TICKER, "ingest", huge, good, "--db", db], timeout=240)
    assert run["returncode"] != "timeout", "ingest of a huge file did not finish"
    peak_mib = run["maxrss_kib"] / 1024
    # Bounded: a fraction of the file, whatever its size (the whole file would be 300+ MiB).
    assert peak_mib < 200, f"peak RSS {peak_mib:.0f} MiB for a {HUGE >> 20} MiB file"
    out = run["stdout"] + run["stderr"]
    assert "Traceback" not in out
    assert f"{good}: stored 2 quotes" in out
    if kind == "sparse":
        assert run["returncode"] == 1
        assert lines_naming(out, huge) == [f"{huge}: error: binary file, not a text or HTML page"]
    else:
        assert run["returncode"] == 0, out
        assert f"{huge}: stored 15 quotes" in out
        assert [line for line in lines_naming(out, huge) if "warning" in line] == [
            f"{huge}: warning: only the first {1 if kind == 'txt' else 16} MiB were parsed"
        ]


# ------------------------------------------------------------------------------ strips


def test_truncated_strip_keeps_complete_entries(db_url, good, write_page):
    """A page cut in the middle of its strip (a download that stopped): the complete entries are
    kept, the cut one is dropped with a warning."""
    full = strip_page(SEED_STRIP[:6])
    cut_at = full.index("-18.") + 2  # CMC Crypto 200's change line, cut mid-number: "-1"
    page = write_page("2024-05-17T0900_cut.txt", full[:cut_at])
    result = cli("ingest", page, good, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert f"{page}: stored 5 quotes" in result.output
    warnings = [line for line in lines_naming(result.output, page) if "warning" in line]
    assert len(warnings) == 1 and "CMC Crypto 200" in warnings[0], result.output
    assert _values(db_url, str(page)) == SEED_VALUES[:5]
    assert_good_stored(result, db_url, good)


BAD_SUM = [("Nikkei", "40,074.69", "+443.63", "+1.12"), ("Dow", "39,157.93", "-11.59", "-4.03"),
           ("Gold", "2,332.90", "-6.00", "-0.26")]  # Dow: -11.59 on 39,169.52 is -0.03%, not -4.03%


def test_arithmetic_failure_is_stored_flagged(db_url, write_page):
    page = write_page("2024-05-17T0900_sum.txt", strip_page(BAD_SUM))
    result = cli("ingest", page, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert f"{page}: stored 3 quotes" in result.output
    warnings = [line for line in lines_naming(result.output, page) if "warning" in line]
    assert len(warnings) == 1 and "Dow" in warnings[0], result.output
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        flags = conn.execute(sa.text("SELECT name_printed, consistent FROM quotes ORDER BY position")).all()
    engine.dispose()
    assert [(n, bool(c)) for n, c in flags] == [("Nikkei", True), ("Dow", False), ("Gold", True)]


def test_arithmetic_failure_is_rejected_under_strict(db_url, write_page):
    page = write_page("2024-05-17T0900_sum.txt", strip_page(BAD_SUM))
    result = cli("ingest", page, "--db", db_url, "--strict")
    assert f"{page}: stored 2 quotes" in result.output, result.output
    warnings = [line for line in lines_naming(result.output, page) if "warning" in line]
    assert len(warnings) == 1 and "Dow" in warnings[0], result.output
    assert "Traceback" not in result.output
    assert _values(db_url, str(page)) == [40074.69, 2332.90]


# ------------------------------------------------------------------------------ stores


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_not_a_database(tmp_path, good):
    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database\n" * 200)
    before = _digest(notes)
    for args in (["ingest", good], ["report"], ["report", "--index", "Nikkei"], ["indexes"], ["doctor"],
                 ["db", "upgrade"], ["db", "current"]):
        result = cli(*args, "--db", notes)
        assert result.exit_code == 1, (args, result.output)
        lines = result.output.strip().splitlines()
        assert lines == [f"error: sqlite:///{notes}: the file is not a SQLite database"], (args, result.output)
    assert _digest(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db", "pages"]  # no -wal, -shm, journal


def test_newer_schema_is_refused_and_nothing_changes(db_url, good, write_page):
    assert cli("ingest", good, "--db", db_url).exit_code == 0
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    other = write_page("2024-05-18T0800_other.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    for args in (["ingest", other], ["report", "--index", "Nikkei"], ["report"], ["indexes"], ["db", "upgrade"]):
        result = cli(*args, "--db", db_url)
        assert result.exit_code == 1, (args, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "'9999', newer than this ticker knows" in lines[0], (args, result.output)
        assert "Nothing was changed" in lines[0]
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        assert conn.execute(sa.text("SELECT count(*) FROM snapshots")).scalar() == 1
        assert conn.execute(sa.text("SELECT count(*) FROM quotes")).scalar() == 2
    engine.dispose()
    current = cli("db", "current", "--db", db_url)
    assert current.exit_code == 0 and current.output.startswith("9999 ("), current.output


@pytest.mark.parametrize(
    "name",
    [
        "x'; DROP TABLE quotes; --",
        "' OR '1'='1",
        '"; DELETE FROM snapshots; --',
        "Nikkei%",
        "%",
        "_",
        "\\",
        "Nikkei'); UPDATE quotes SET value = 0; --",
        "Robert'); DROP TABLE instruments;--",
    ],
)
def test_unknown_index_with_sql_metacharacters(db_url, good, name):
    assert cli("ingest", good, "--db", db_url).exit_code == 0
    result = cli("report", "--index", name, "--db", db_url)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: no instrument called {name!r}"), result.output
    report = cli("report", "--index", "Nikkei", "--db", db_url, "-f", "csv")
    assert report.exit_code == 0 and report.output.splitlines()[1].split(",")[1] == str(GOOD_VALUE)
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM quotes")).scalar() == 2
        assert conn.execute(sa.text("SELECT count(*) FROM snapshots")).scalar() == 1
    engine.dispose()


# ------------------------------------------------------------------------------ passwords


def _commands_with_db() -> list[list[str]]:
    """Every command that opens a store (has --db), with placeholder arguments: new commands
    are covered without anyone remembering to add them here."""
    import typer.main

    def walk(cmd, path):
        if hasattr(cmd, "commands"):
            for name, sub in sorted(cmd.commands.items()):
                yield from walk(sub, [*path, name])
        elif any(p.name == "db" for p in cmd.params):
            args = [*path]
            for p in cmd.params:
                if p.required and p.param_type_name == "argument":
                    args.append("{page}" if p.name == "paths" else "Nikkei")
            yield args

    return list(walk(typer.main.get_command(app), []))


COMMANDS_WITH_DB = _commands_with_db()


def test_the_command_list_is_real():
    assert {"ingest", "report", "doctor", "indexes"} <= {c[0] for c in COMMANDS_WITH_DB}
    assert ["db", "upgrade"] in COMMANDS_WITH_DB and ["alias", "add", "Nikkei", "Nikkei"] in COMMANDS_WITH_DB


@pytest.mark.parametrize("args", COMMANDS_WITH_DB, ids=" ".join)
def test_password_never_printed(args, good):
    url = "postgresql+psycopg://someone:hunter2-s3cret@127.0.0.1:1/nowhere"  # nothing listens on port 1
    result = cli(*[a.replace("{page}", str(good)) for a in args], "--db", url)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "hunter2" not in result.output and "s3cret" not in result.output
    assert "***" in result.output, result.output
    assert "Traceback" not in result.output


def test_password_never_printed_by_the_process(tmp_path, good):
    """The same through a real process: stdout, stderr and the exit code."""
    url = "postgresql+psycopg://someone:hunter2-s3cret@127.0.0.1:1/nowhere"
    for args in (["ingest", good], ["report"], ["doctor"]):
        run = run_ticker(*args, "--db", url, timeout=120)
        out = run.stdout + run.stderr
        assert run.returncode == 1 and "hunter2" not in out and "Traceback" not in out, out


def test_password_hidden_when_a_connected_store_fails(pg_url, good):
    """A store that connects (trust auth ignores the password) and then refuses: still hidden."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(pg_url)
    with_password = urlunsplit(parts._replace(netloc=f"{parts.username}:hunter2-s3cret@{parts.hostname}:{parts.port}"))
    assert cli("ingest", good, "--db", with_password).exit_code == 0
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    for args in COMMANDS_WITH_DB:
        result = cli(*[a.replace("{page}", str(good)) for a in args], "--db", with_password)
        assert "hunter2" not in result.output and "s3cret" not in result.output, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))


def test_sqlite_integrity_of_a_store_after_every_bad_input(tmp_path, good, write_page):
    """All of the above in one run against one store: it stays sound and holds exactly the good pages."""
    db = tmp_path / "all.db"
    bad = [
        tmp_path / "missing.txt",
        write_page("empty.txt", ""),
        write_page("binary.txt", bytes(range(256)) * 4),
        write_page("2024-05-19T0800_utf16.txt", strip_page().encode("utf-16")),
    ]
    result = cli("ingest", *bad, good, "--db", db)
    assert result.exit_code == 1
    assert "2 pages stored (17 quotes), 0 already stored, 0 without a ticker strip, 3 errors" in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM quotes").fetchone() == (17,)
    assert stat.S_ISREG(db.stat().st_mode)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file")],
    ids=["empty", "binary"],
)
def test_bad_stdin(db_url, good, data, reason):
    result = cli("ingest", "-", good, "--db", db_url, input=data)
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("-:")] == [
        line for line in result.output.splitlines() if line.startswith(f"-: error: {reason}")
    ] != []
    assert "Traceback" not in result.output
    assert_good_stored(result, db_url, good)
