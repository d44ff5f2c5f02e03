#!/usr/bin/env python3
"""Parse-alone benchmark: pages per second on one core.

usage: python bench/bench_parse.py [--pages 2000] [--repeat 5]

Figures (best of --repeat):
  * seed-sized generated pages through parse() (the fast path where it applies), through the
    general stages alone (the fast path off), and through parse_for_store() (ingest's call);
  * the text of the real 2 MB page ../shared/real-html/yahoo-us-most-active.html (converted
    with ticker.pages.html_to_text), milliseconds per parse;
  * hostile pages of issue 11 §5 (one long line of numbers; 16,000 triples), seconds each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ticker.parser import parse, parse_for_store  # noqa: E402
from ticker.parser.compose import PageParser  # noqa: E402

from _common import SHARED, generate_pages  # noqa: E402


def best(fn, texts, repeat: int) -> float:
    out = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        out = min(out, time.perf_counter() - start)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    folder = generate_pages(Path(tempfile.gettempdir()) / "ticker-bench" / f"pages-{a.pages}", a.pages)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("page-*.txt"))]
    quotes = sum(len(parse(t).quotes) for t in texts)  # warm up, and check the work is real
    general = lambda t: PageParser(t, False, fast=False).run()  # noqa: E731
    assert all(parse(t) == general(t) for t in texts[:200]), "the fast path must give what the general stages give"
    size = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} pages of {size / 1024:.1f} KiB average, {quotes} quotes")
    for label, fn, target in (("parse (fast path)", parse, 20_000), ("general stages alone", general, 5_000),
                              ("parse_for_store", parse_for_store, 20_000)):
        s = best(fn, texts, a.repeat)
        print(f"{label}: {len(texts) / s:,.0f} pages/s on one core (best of {a.repeat}; target >= {target:,})")
    real = SHARED / "real-html" / "yahoo-us-most-active.html"
    if real.exists():
        from ticker.pages import html_to_text

        text = html_to_text(real.read_text(encoding="utf-8"))
        s = best(parse, [text] * 5, a.repeat) / 5
        print(f"real page {real.name} ({len(text) / 1024:.0f} KiB of text, {len(parse(text).quotes)} quotes): "
              f"{s * 1000:.1f} ms a parse (target <= 10 ms)")
    for label, text in (("one line of 16,000 numbers", "Name " + "1 " * 16000 + ",5 (1%)"),
                        ("16,000 triples, one a line", "1.5 2.5 3.5%\n" * 16000),
                        ("16,000 triples on one line", "1.5 2.5 3.5% " * 16000)):
        start = time.perf_counter()
        parse(text)
        print(f"hostile: {label} ({len(text) / 1024:.0f} KiB): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
