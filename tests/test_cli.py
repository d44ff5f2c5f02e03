"""The ticker command through Typer's CliRunner, and the installed console script end to end."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ticker.cli import app
from ticker.db import migrate

from conftest import nikkei_page, strip_page

runner = CliRunner()


def run(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def pages_dir(write_page):
    write_page("2024-05-17T0800_sg.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    write_page("2024-05-18T0800_sg.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    return write_page("no-strip.txt", "Advertisement\n\nCity council news\n\nThe meeting ran 2 hours.\n").parent


def test_ingest_prints_a_line_per_page_and_a_summary(db_url, pages_dir):
    result = run("ingest", pages_dir, "--db", db_url)
    assert result.exit_code == 0, result.output
    assert "2024-05-17T0800_sg.txt: stored 2 quotes" in result.output
    assert "no-strip.txt: no ticker strip found" in result.output
    assert "2 pages stored (4 quotes), 0 already stored, 1 without a ticker strip, 0 errors" in result.output
    again = run("ingest", pages_dir, "--db", db_url)
    assert again.exit_code == 0 and "2024-05-17T0800_sg.txt: already stored" in again.output


@pytest.mark.parametrize("exit_code", [0, 1])
def test_ingest_leaves_the_garbage_collector_as_it_found_it(tmp_path, pages_dir, exit_code):
    # ingest collects less often while it runs (a notebook or a test process goes on after it)
    import gc

    before = gc.get_threshold(), gc.get_freeze_count()
    args = [pages_dir] if exit_code == 0 else [pages_dir, tmp_path / "missing.txt"]
    result = run("ingest", *args, "--db", tmp_path / "t.db")
    assert result.exit_code == exit_code, result.output
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(db_url, pages_dir, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    result = run("ingest", tmp_path / "missing.txt", empty, binary, pages_dir, "--db", db_url)
    assert result.exit_code == 1
    out = result.output
    assert f"{tmp_path / 'missing.txt'}: error: no such file or folder" in out
    assert f"{empty}: error: empty file" in out
    assert f"{binary}: error: binary file" in out
    assert "Traceback" not in out
    assert "2 pages stored (4 quotes)" in out and "3 errors" in out


def test_usage_error_exits_2(db_url):
    assert run("ingest", "--db", db_url).exit_code == 2
    assert run("report", "--no-such-option").exit_code == 2


def test_at_sets_the_capture_time(db_url, write_page):
    page = write_page("p.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    assert run("ingest", page, "--db", db_url, "--at", "2024-01-02T03:04:05+01:00").exit_code == 0
    out = run("report", "--index", "nikkei", "--db", db_url, "--format", "json")
    data = json.loads(out.output)
    assert data["series"][0]["captured_at"].startswith("2024-01-02T02:04:05")


def test_stdin_is_a_page(db_url):
    result = run("ingest", "-", "--db", db_url, input=nikkei_page("40,074.69", "+443.63", "+1.12"))
    assert result.exit_code == 0 and "-: stored 2 quotes" in result.output


def test_report_series_summary_board_and_indexes(db_url, pages_dir):
    run("ingest", pages_dir, "--db", db_url)
    table = run("report", "--index", "NIKKEI 225", "--db", db_url)
    assert table.exit_code == 0
    assert "40,074.69" in table.output and "40,100" in table.output and "summary" in table.output
    data = json.loads(run("report", "--index", "^N225", "--db", db_url, "-f", "json").output)
    assert data["instrument"] == "Nikkei 225" and data["summary"]["count"] == 2
    assert data["summary"]["change"] == pytest.approx(25.31)
    csv = run("report", "--index", "nikkei", "--db", db_url, "-f", "csv").output.splitlines()
    assert csv[0] == "captured_at,value,change,change_pct,source"
    assert csv[1].startswith("2024-05-17T08:00:00+00:00,40074.69,443.63,1.12,")
    board = json.loads(run("report", "--db", db_url, "-f", "json").output)
    assert {row["instrument"] for row in board} == {"Nikkei 225", "Dow Jones Industrial Average"}
    idx = json.loads(run("indexes", "--db", db_url, "-f", "json").output)
    assert [(r["instrument"], r["quotes"]) for r in idx] == [("Dow Jones Industrial Average", 2), ("Nikkei 225", 2)]


def test_unknown_index_is_a_clear_error(db_url, pages_dir):
    run("ingest", pages_dir, "--db", db_url)
    result = run("report", "--index", "Nikkie", "--db", db_url)
    assert result.exit_code == 1
    assert "no instrument called 'Nikkie'; closest known: Nikkei" in result.output
    assert "Traceback" not in result.output


def test_parse_json_shape(write_page):
    page = write_page("seed.txt", strip_page())
    result = run("parse", "--format", "json", page)
    assert result.exit_code == 0, result.output
    [obj] = json.loads(result.output)
    assert set(obj) >= {"path", "market_status", "captured_at", "quotes", "warnings"}
    assert obj["market_status"] == "Singapore markets closed"
    assert len(obj["quotes"]) == 15
    bond = obj["quotes"][9]
    assert {k: bond[k] for k in ("name", "instrument", "symbol")} == {
        "name": "10-Yr Bond", "instrument": "US 10-Year Treasury Yield", "symbol": "^TNX"}
    # numbers are JSON numbers, written exactly as printed
    assert '"value": 4.4390' in result.output and '"change": -0.0400' in result.output


def test_alias_add_and_db_commands(db_url, write_page):
    page = write_page("p.txt", strip_page([("Nikkei Stock Avg", "40,074.69", "+443.63", "+1.12")]))
    run("ingest", page, "--db", db_url)
    added = run("alias", "add", "Nikkei Stock Avg", "^N225", "--db", db_url)
    assert added.exit_code == 0 and "Nikkei 225 (^N225)" in added.output
    assert f"{migrate.HEAD_REVISION} (head)" in run("db", "current", "--db", db_url).output
    assert run("db", "upgrade", "--db", db_url).exit_code == 0


def test_db_option_takes_env_var(tmp_path, write_page):
    page = write_page("p.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    db = tmp_path / "env.db"
    assert run("ingest", page, env={"TICKER_DB": str(db)}).exit_code == 0
    assert db.exists()


def test_cli_import_does_not_load_pandas_or_sqlalchemy():
    code = "import sys, ticker.cli; print(sorted(m for m in ('pandas', 'sqlalchemy', 'alembic') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_installed_console_script_end_to_end(tmp_path, write_page):
    exe = shutil.which("ticker", path=os.path.dirname(sys.executable)) or shutil.which("ticker")
    assert exe, "the ticker console script is not installed"
    write_page("2024-05-17T0800_sg.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    write_page("2024-05-18T0800_sg.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    env = {**os.environ, "TICKER_DB": str(tmp_path / "e2e.db")}
    ingest = subprocess.run([exe, "ingest", str(tmp_path / "pages")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert "2 pages stored (4 quotes)" in ingest.stdout
    report = subprocess.run([exe, "report", "--index", "Nikkei", "-f", "csv"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert report.returncode == 0 and report.stdout.count("\n") == 3
    module = subprocess.run([sys.executable, "-m", "ticker", "indexes", "-f", "json"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert module.returncode == 0 and json.loads(module.stdout)[1]["instrument"] == "Nikkei 225"


def test_notebook_api_parse_is_the_function_even_after_the_store_loads():
    code = (
        "import ticker, ticker.store, ticker.cli\n"
        "page = ticker.parse('\\u2022 Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n')\n"
        "print(callable(ticker.parse), [(q.name, str(q.value)) for q in page.quotes], ticker.Store.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True [('Nikkei', '40074.69')] Store"


def test_ingest_batch_size_default_is_the_library_default():
    import inspect

    from ticker import cli, ingest

    default = inspect.signature(cli.ingest).parameters["batch_size"].default
    assert default == ingest.BATCH_PAGES  # the CLI spells it out so that --help imports nothing


def test_python_m_ticker_ignores_modules_in_the_working_directory(tmp_path):
    # `python -m` puts the working directory on sys.path; `ticker` must not import a folder's
    # typer.py (nor keep a listing of a folder of 50,000 pages in memory, as the import system did)
    (tmp_path / "typer.py").write_text('raise SystemExit("imported the typer.py of the working directory")\n')
    done = subprocess.run([sys.executable, "-m", "ticker", "--help"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "ingest" in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="a working directory that no longer exists is POSIX")
def test_python_m_ticker_runs_in_a_deleted_working_directory(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && exec "$2" -m ticker --help'
    done = subprocess.run(["sh", "-c", script, "sh", str(gone), sys.executable], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "ingest" in done.stdout


def test_every_user_facing_error_is_a_ticker_error():
    import ticker
    from ticker import errors
    from ticker.pages import PageError

    user_errors = [PageError, errors.StoreError, errors.StoreUnavailable, errors.SchemaError,
                   errors.UnknownInstrument, errors.ReportError]
    assert [e for e in user_errors if not issubclass(e, ticker.TickerError)] == []
    # the older bases stay, for code that caught those
    assert issubclass(errors.UnknownInstrument, LookupError) and issubclass(errors.ReportError, ValueError)


@pytest.mark.parametrize("args, message", [
    (["report", "--index", "Nikkei", "--tz", "Mars/Olympus"], "error: unknown time zone 'Mars/Olympus'"),
    (["report", "--index", "Nowhere Index"], "error: no instrument called 'Nowhere Index'"),
    (["db", "current", "--db", "mysql://h/db"], "error: ticker stores live in SQLite or PostgreSQL, not mysql"),
    (["alias", "add", "X", "Nikkei", "--db", "mysql://h/db"], "error: ticker stores live in SQLite or PostgreSQL"),
])
def test_a_ticker_error_in_any_command_is_one_line_and_exit_1(db_url, pages_dir, args, message):
    assert run("ingest", pages_dir, "--db", db_url).exit_code == 0
    result = run(*args, *([] if "--db" in args else ["--db", db_url]))
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.output
    assert "Traceback" not in result.output


def test_ingest_into_sqlite_imports_neither_sqlalchemy_alembic_nor_pandas(tmp_path, write_page):
    page = write_page("2024-05-17T0800_sg.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    code = (
        "import sys\nfrom ticker.cli import app\n"
        f"for _ in range(2):  # a new store, then one at head\n"
        f"    try:\n        app(['ingest', {str(page)!r}, '--db', {str(tmp_path / 't.db')!r}])\n"
        "    except SystemExit as end:\n        assert end.code in (0, None), end.code\n"
        "print(sorted(m for m in ('pandas', 'sqlalchemy', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
    assert "stored 2 quotes" in out.stdout and "already stored" in out.stdout
