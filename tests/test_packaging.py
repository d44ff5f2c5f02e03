"""The wheel, for real: built from a copy of the project, installed into a fresh virtual
environment outside the repository, and used there. The migrations must travel inside the wheel
(a new store is created and migrated by the installed ticker alone)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pagegen import generate_pages

ROOT = Path(__file__).resolve().parent.parent
# What a source checkout holds that a build must not see or need.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "*.db",
    "*.db-*", "tests", "bench",
)


def run(argv, *, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=timeout, **kwargs)
    assert result.returncode == 0, f"{argv[:3]}: {result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_ingests_and_reports(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, source], timeout=600)
    [wheel] = dist.glob("ticker-*.whl")

    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "ticker/_migrations/env.py" in names and "ticker/_migrations/script.py.mako" in names
    from ticker.db import migrate

    for revision in migrate.KNOWN_REVISIONS:
        assert any(n.startswith(f"ticker/_migrations/versions/{revision}_") for n in names), revision
    assert "ticker/data/instruments.csv" in names
    assert "ticker/data/schema.sqlite.sql" in names  # a new SQLite store is made from it, without Alembic

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], timeout=300)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # Nothing of the development environment may leak in: no PYTHONPATH, no store from outside.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "TICKER_DB", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-compile", wheel], timeout=900, env=env)

    work = tmp_path / "elsewhere"  # not the repository: no migrations/ folder to fall back on
    generate_pages(work / "pages", 5, seed=41)
    where = run(
        [bin_dir / "python", "-c",
         "import ticker, importlib.resources as r; print(ticker.__file__); print(r.files('ticker._migrations'))"],
        timeout=120, env=env, cwd=work,
    ).stdout.splitlines()
    assert all(Path(p).resolve().is_relative_to(venv.resolve()) for p in where), where

    ticker = bin_dir / "ticker"
    ingest = run([ticker, "ingest", "pages", "--db", "store.db"], timeout=300, env=env, cwd=work)
    assert "5 pages stored (75 quotes), 0 already stored, 0 without a ticker strip, 0 errors" in ingest.stdout
    report = run([ticker, "report", "--index", "Nikkei", "--db", "store.db", "-f", "json"], timeout=120, env=env, cwd=work)
    data = json.loads(report.stdout)
    assert data["instrument"] == "Nikkei 225" and data["summary"]["count"] == 5
    board = run([ticker, "report", "--db", "store.db", "-f", "csv"], timeout=120, env=env, cwd=work)
    assert len(board.stdout.strip().splitlines()) == 1 + 15
    current = run([ticker, "db", "current", "--db", "store.db"], timeout=120, env=env, cwd=work)
    assert "(head)" in current.stdout
    doctor = run([ticker, "doctor", "--db", "store.db"], timeout=120, env=env, cwd=work)
    assert "healthy" in doctor.stdout
