"""Helpers shared by the benchmarks: run a command and measure its wall time and peak RSS."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

SHARED = Path(os.environ.get("TICKER_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def run_measured(cmd: list[str], *, tree: bool = True, **kwargs) -> tuple[float, float, float]:
    """Run cmd to completion; return (wall seconds, peak RSS of the process itself in MB, peak
    memory of its whole process tree in MB).

    The tree figure counts worker processes too: the sum of their proportional set sizes (PSS:
    pages shared after fork count once, split between the sharers), sampled every 20 ms. The
    sampling reads /proc in this process, on the cores being measured: on 2 cores it made a
    multi-process run 5% slower. ``tree=False`` skips it (the tree figure is then the RSS).
    """
    import tempfile

    # stderr to a file, not a pipe read at the end: a run that warns a lot (real pages) would
    # fill the pipe and wait on it forever
    errors = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, **kwargs)
    tree_peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            tree_peak[0] = max(tree_peak[0], _tree_pss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if tree:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    if tree:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    err = errors.read().decode(errors="replace")[-2000:]
    errors.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({proc.returncode}):\n{err}")
    leader = usage.ru_maxrss / 1024  # Linux reports KiB
    return wall, leader, max(tree_peak[0] / 1024, leader)


def _tree_pss_kb(pid: int) -> int:
    """PSS of a process and all of its descendants, in KiB (Linux /proc; 0 when unavailable)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return total


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
