#!/usr/bin/env python3
"""Parse-alone benchmark: pages per second on one core, on seed-sized generated pages.

usage: python bench/bench_parse.py [--pages 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import generate_pages  # noqa: E402

from ticker.parser import parse  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    folder = generate_pages(Path(tempfile.gettempdir()) / "ticker-bench" / f"pages-{a.pages}", a.pages)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("page-*.txt"))]
    quotes = sum(len(parse(t).quotes) for t in texts)  # warm up, and check the work is real
    best = float("inf")
    for _ in range(a.repeat):
        start = time.perf_counter()
        for t in texts:
            parse(t)
        best = min(best, time.perf_counter() - start)
    size = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} pages of {size / 1024:.1f} KiB average, {quotes} quotes")
    print(f"parse: {len(texts) / best:,.0f} pages/s on one core (best of {a.repeat}; target >= 10,000)")


if __name__ == "__main__":
    main()
