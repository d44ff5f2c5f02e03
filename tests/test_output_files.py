"""export -o, report -o and --plot write whole files or none (issue 15.2): a temporary file beside
the target renamed into place; a failed write is one line and leaves the old file as it was."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from ticker.cli import app

from conftest import nikkei_page

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(store):
    for day in (17, 18):
        store.ingest_text(nikkei_page(f"40,0{day}.00", "+1.00", "+0.01"), source=f"p{day}",
                          at=datetime(2024, 5, day, 8, tzinfo=UTC))
    return store.url


COMMANDS = [
    ["export", "-o", "{out}.csv"],
    ["export", "-f", "parquet", "-o", "{out}.parquet"],
    ["report", "-i", "Nikkei", "-f", "html", "-o", "{out}.html"],
    ["report", "-i", "Nikkei", "-o", "{out}.txt"],
    ["report", "-i", "Nikkei", "--plot", "{out}.png"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_a_full_disk_is_one_line_and_the_old_file_stays(db, tmp_path, monkeypatch, args):
    out = str(tmp_path / "result")
    args = [a.replace("{out}", out) for a in args]
    target = tmp_path / os.path.basename(args[-1])
    assert run(*args, "--db", db).exit_code == 0 and target.stat().st_size > 0
    before = target.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = run(*args, "--db", db)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: cannot write {target}: no space left on device"]
    assert target.read_bytes() == before  # the good file is still there, whole
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_a_target_under_a_file_is_one_line(db, tmp_path):
    (tmp_path / "notes").write_text("a file, not a folder\n")
    result = run("export", "--db", db, "-o", tmp_path / "notes" / "quotes.csv")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("error: cannot write ") and line.endswith(": not a directory") and "internal" not in line
