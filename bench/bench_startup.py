#!/usr/bin/env python3
"""Start-up benchmark: `ticker --help` and `ticker parse PAGE`, median wall time of N runs.

usage: python bench/bench_startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import generate_pages, median, run_measured  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    page = next(generate_pages(Path(tempfile.gettempdir()) / "ticker-bench" / "pages-10", 10).glob("page-*.txt"))
    exe = shutil.which("ticker") or sys.exit("install ticker first (pip install -e .)")
    for label, cmd in (("ticker --help", [exe, "--help"]), ("ticker parse PAGE", [exe, "parse", str(page)]),
                       ("ticker parse --format json PAGE", [exe, "parse", "--format", "json", str(page)])):
        walls = [run_measured(cmd, tree=False)[0] for _ in range(a.runs)]
        print(f"{label:34s} median {median(walls) * 1000:6.0f} ms  (target < 300 ms)")


if __name__ == "__main__":
    main()
