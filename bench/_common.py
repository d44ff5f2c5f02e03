"""Helpers shared by the benchmarks: run a command and measure its wall time and peak RSS."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("TICKER_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def run_measured(cmd: list[str], **kwargs) -> tuple[float, float]:
    """Run cmd to completion; return (wall seconds, peak RSS in MB) of that one process tree's leader."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode(errors="replace")[-2000:]
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({proc.returncode}):\n{err}")
    proc.stderr.close()
    return wall, usage.ru_maxrss / 1024  # Linux reports KiB


def median(xs):
    return statistics.median(xs)


def ticker_cmd() -> list[str]:
    return [sys.executable, "-m", "ticker"]


def generate_pages(out: Path, n: int, seed: int = 1) -> Path:
    """Pages in the seed layout from the shared generator (cached per size)."""
    marker = out / f".done-{n}-{seed}"
    if not marker.exists():
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(SHARED / "bench" / "gen_pages.py"), str(out), str(n), "--seed", str(seed)], check=True)
        marker.touch()
    return out
