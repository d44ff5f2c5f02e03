"""The command line's conventions (issue 14.5 and the conventions list): the ingest summary names
pages timed by their file's mtime with the remedy, summaries as JSON for scripts, plural forms,
--version and -h, one meaning per short option, placeholders as words — on real files."""

from __future__ import annotations

import json
import subprocess
import sys

import typer
from typer.testing import CliRunner

from ticker.cli import app

from conftest import nikkei_page

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ingest_says_how_many_pages_took_their_time_from_the_file(tmp_path, write_page):
    write_page("2024-05-17T0800_named.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    write_page("saved-a.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    write_page("saved-b.txt", nikkei_page("39,000.00", "-1,100.00", "-2.74"))
    result = run("ingest", tmp_path / "pages", "--db", tmp_path / "t.db")
    assert result.exit_code == 0, result.output
    assert "3 pages stored (6 quotes), 0 already stored, 0 without a ticker strip, 0 errors" in result.stdout
    [note] = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert note.startswith("note: 2 pages took their capture time from the file's modification time")
    assert "--at" in note and "timestamp" in note
    timed = run("ingest", write_page("2024-05-19T0800_x.txt", nikkei_page("39,500.50", "+500.50", "+1.28")),
                "--db", tmp_path / "t.db")
    assert "1 page stored (2 quotes)" in timed.stdout and "note:" not in timed.output
    one = run("ingest", write_page("saved-c.txt", nikkei_page("39,600.00", "+100.00", "+0.25")), "--db", tmp_path / "t.db")
    assert "note: 1 page took its capture time" in one.stderr and "name it with a timestamp" in one.stderr


def test_ingest_summary_as_json(tmp_path, write_page):
    good = write_page("saved-a.txt", nikkei_page("40,100.00", "+25.31", "+0.06"))
    result = run("ingest", good, tmp_path / "missing.txt", "--db", tmp_path / "t.db", "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)  # stdout is the JSON object alone
    assert (doc["stored"], doc["quotes"], doc["errors"], doc["from_mtime"]) == (1, 2, 1, 1)
    assert doc["failed"][0]["source"].endswith("missing.txt")
    assert "missing.txt: error:" in result.stderr


def test_version_and_short_help():
    from importlib.metadata import version

    out = run("--version")
    assert out.exit_code == 0 and out.stdout.strip() == f"ticker {version('ticker')}"
    assert run("-h").exit_code == 0 and "Usage:" in run("-h").stdout
    helped = run("report", "-h")
    assert helped.exit_code == 0 and "--resample" in helped.stdout


def _options(command, path=()):
    if hasattr(command, "commands"):  # a group (typer 0.28 carries its own click)
        for name, sub in command.commands.items():
            yield from _options(sub, (*path, name))
        return
    for param in command.params:
        yield path, param


def test_one_meaning_per_short_option_and_placeholders_are_words():
    meanings: dict[str, set[str]] = {}
    for _path, param in _options(typer.main.get_command(app)):
        long = {o for o in param.opts if o.startswith("--")}
        for opt in param.opts:
            if opt.startswith("-") and not opt.startswith("--"):
                meanings.setdefault(opt, set()).update(long)
    assert {opt: names for opt, names in meanings.items() if len(names) > 1} == {}
    for path in (["ingest"], ["parse"], ["alias", "add"], ["alias", "remove"]):
        usage = run(*path, "--help").stdout.splitlines()[0]
        assert "{" not in usage and usage.split("[OPTIONS]")[1].strip().replace("…", "").replace(" ", "").isupper(), usage
    assert run("ingest", "--help").stdout.startswith("Usage: ticker ingest [OPTIONS] PATH…")
    for path in (["report"], ["export"], ["ingest"]):  # option placeholders are words too, not <str>
        assert "<str>" not in run(*path, "--help").stdout and "<int" not in run(*path, "--help").stdout, path


def test_an_empty_result_names_the_store_it_read(tmp_path):
    from ticker.store import Store

    path = tmp_path / "empty.db"
    Store(path).close()
    for args in (["report"], ["indexes"], ["report", "-f", "json"]):
        result = run(*args, "--db", path)
        assert result.exit_code == 0
        assert f"no quotes in sqlite:///{path}" in result.stderr, args
    assert run("report", "-f", "json", "--db", path).stdout.strip() == "[]"  # stdout stays clean for pipes


def test_an_empty_window_names_the_store_it_read(tmp_path, write_page):
    db = tmp_path / "t.db"
    run("ingest", write_page("2024-05-17T0800_a.txt", nikkei_page("40,074.69", "+443.63", "+1.12")), "--db", db)
    for extra in ([], ["--resample", "1D"], ["--site", "example.com"]):
        result = run("report", "-i", "Nikkei", "--db", db, "--since", "2030-01-01", *extra)
        assert result.exit_code == 0
        assert f"no quotes in sqlite:///{db} match" in result.stderr, extra


def test_format_names_are_the_same_everywhere(tmp_path, write_page):
    db = tmp_path / "t.db"
    run("ingest", write_page("2024-05-17T0800_a.txt", nikkei_page("40,074.69", "+443.63", "+1.12")), "--db", db)
    for args in (["report"], ["report", "-i", "Nikkei"], ["indexes"], ["alias", "list"], ["export"]):
        for fmt in ("csv", "json", "jsonl"):
            result = run(*args, "--db", db, "--format", fmt)
            assert result.exit_code == 0, (args, fmt, result.output)
        lines = run(*args, "--db", db, "-f", "jsonl").stdout.splitlines()
        assert lines and all(isinstance(json.loads(line), dict) for line in lines), args
    assert [r["value"] for r in json.loads(run("export", "--db", db, "-f", "json").stdout)] == [40074.69, 39157.93]


def test_reparse_and_doctor_summaries_as_json(tmp_path, write_page):
    db = tmp_path / "t.db"
    run("ingest", write_page("2024-05-17T0800_a.txt", nikkei_page("40,074.69", "+443.63", "+1.12")), "--db", db)
    doc = json.loads(run("reparse", "--db", db, "--format", "json").stdout)
    assert (doc["same"], doc["changed"], doc["no_text"], doc["applied"], doc["snapshots"]) == (1, 0, 0, False, [])
    assert "0 snapshots would change (--apply to store), 1 unchanged" in run("reparse", "--db", db).stdout
    assert json.loads(run("doctor", "--db", db, "--format", "json").stdout)["ok"] is True


def test_o_writes_to_a_file_wherever_a_command_prints(tmp_path, write_page):
    db = tmp_path / "t.db"
    page = write_page("2024-05-17T0800_a.txt", nikkei_page("40,074.69", "+443.63", "+1.12"))
    run("ingest", page, "--db", db)
    for args in (["parse", page, "-f", "json"], ["doctor", "--db", db, "-f", "json"], ["reparse", "--db", db, "-f", "json"],
                 ["indexes", "--db", db, "-f", "json"], ["alias", "list", "--db", db, "-f", "json"],
                 ["report", "--db", db, "-f", "json"], ["export", "--db", db, "-f", "json"]):
        target = tmp_path / "out" / f"{args[0]}.json"
        result = run(*args, "-o", target)
        assert result.exit_code == 0 and result.stdout == "", (args, result.output)
        assert json.loads(target.read_text()), args
    table = tmp_path / "out" / "parse.txt"
    assert run("parse", page, "-o", table).exit_code == 0 and "Nikkei" in table.read_text()


def test_a_missing_postgresql_driver_names_the_extra_to_install(tmp_path):
    # psycopg as if not installed: the import fails the way it does on a machine without it
    code = ("import sys; sys.modules['psycopg'] = None\n"
            "from ticker.cli import main\n"
            "sys.argv = ['ticker', 'indexes', '--db', 'postgresql+psycopg://me:s3cret@127.0.0.1:1/quotes']\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        "error: cannot use postgresql+psycopg://me:***@127.0.0.1:1/quotes: its driver psycopg is not installed "
        "(pip install 'ticker[postgres]')"]
