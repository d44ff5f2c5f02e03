"""Helpers for the fault, bad-input and packaging tests: generated pages in the real strip layout,
the ticker command in a subprocess (always with a timeout), and peak-memory measurement."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from conftest import SEED_STRIP, strip_page

# Every subprocess is bounded: a hang fails the test instead of stalling CI.
SUBPROCESS_TIMEOUT = 300

TICKER = [sys.executable, "-m", "ticker"]


@dataclass(frozen=True)
class GenPage:
    path: Path
    entries: tuple[tuple[str, str, str, str], ...]  # (name, value, change, pct) as printed

    @property
    def values(self) -> dict[str, float]:
        return {name: float(value.replace(",", "")) for name, value, _c, _p in self.entries}


def _fmt(x: float, digits: int, sign: bool = False) -> str:
    return f"{x:+,.{digits}f}" if sign else f"{x:,.{digits}f}"


def generate_pages(
    folder: Path,
    n: int,
    *,
    seed: int = 1,
    vary: bool = False,
    start: datetime = datetime(2024, 1, 1, tzinfo=UTC),
    prefix: str = "p",
) -> list[GenPage]:
    """Write ``n`` pages in the seed strip layout with random-walk quotes (each one consistent:
    change = value - previous, change_pct = 100 * change / previous, rounded as pages print them).

    File names carry a capture time one minute apart, so snapshots sort by page number. With
    ``vary`` each page shows a random subset of the instruments in a random order (real pages
    differ like that); without it every page shows all 15 in the seed order.
    """
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    digits = {name: len(value.split(".")[1]) for name, value, _c, _p in SEED_STRIP}
    level = {name: float(value.replace(",", "")) for name, value, _c, _p in SEED_STRIP}
    out = []
    for i in range(n):
        names = [name for name, *_ in SEED_STRIP]
        if vary:
            names = rnd.sample(names, rnd.randint(3, len(names)))
        entries = []
        for name in names:
            prev, d = level[name], digits[name]
            new = round(prev * (1 + rnd.gauss(0, 0.01)), d)
            change = round(new - prev, d)
            pct = round(100 * change / prev, 2)
            level[name] = new
            entries.append((name, _fmt(new, d), _fmt(change, d, True), _fmt(pct, 2, True)))
        stamp = (start + timedelta(minutes=i)).strftime("%Y-%m-%dT%H%M")
        path = folder / f"{stamp}_{prefix}{i:05d}.txt"
        path.write_text(strip_page(entries, body=f"Page {prefix}{i} of a generated archive.\n"), encoding="utf-8")
        out.append(GenPage(path, tuple(entries)))
    return out


def run_ticker(*args, env: dict | None = None, timeout: float = SUBPROCESS_TIMEOUT, cwd=None, **kwargs):
    """``python -m ticker ARGS`` in a subprocess (text output, bounded by ``timeout``)."""
    return subprocess.run(
        [*TICKER, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        **kwargs,
    )


_MEASURE = r"""
import json, resource, subprocess, sys
argv, timeout = json.loads(sys.argv[1]), float(sys.argv[2])
try:
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    code, out, err = r.returncode, r.stdout, r.stderr
except subprocess.TimeoutExpired as e:
    code, out, err = "timeout", str(e.stdout or ""), str(e.stderr or "")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"returncode": code, "stdout": out, "stderr": err, "maxrss_kib": usage.ru_maxrss}))
"""


def run_measured(argv: list[str], timeout: float = SUBPROCESS_TIMEOUT) -> dict:
    """Run ``argv`` as the only child of a fresh Python process and report its peak RSS.

    ``getrusage(RUSAGE_CHILDREN)`` in the test process would report the largest of *all* its
    children so far; a fresh parent has exactly one child, the command under test.
    """
    wrapper = subprocess.run(
        [sys.executable, "-c", _MEASURE, json.dumps([str(a) for a in argv]), str(timeout)],
        capture_output=True,
        text=True,
        timeout=timeout + 30,
    )
    assert wrapper.returncode == 0, wrapper.stderr
    return json.loads(wrapper.stdout)


def lines_naming(text: str, name: str | os.PathLike) -> list[str]:
    return [line for line in text.splitlines() if str(name) in line]
