#!/usr/bin/env python3
"""The text `ticker.pages.html.html_page` gives, against another revision's (main by default):
the real page of ``../shared/real-html/``, the HTML fixtures of the tests, and a few thousand
generated snippets of nested markup (blocks, list items, cells, inline runs of names and
figures, hidden elements, entities, whitespace), so that a faster conversion is shown to give
the same text. Prints what differs, and the CPU time of both on the real page.

usage: python bench/compare_html_text.py [--base main] [--snippets 3000]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
from _common import SHARED  # noqa: E402

REAL = SHARED / "real-html" / "yahoo-us-most-active.html"


def module_at(rev: str) -> types.ModuleType:
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:ticker/pages/html.py"], check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType(f"html_at_{rev}")
    exec(compile(source, f"{rev}:ticker/pages/html.py", "exec"), module.__dict__)
    return module


def fixtures() -> dict[str, str | bytes]:
    import test_inputs as t

    found: dict[str, str | bytes] = {}
    for make in (t.spans_page, t.table_page, t.streamer_page):
        found[make.__name__] = make()
        found[make.__name__ + " laid out"] = t.pretty(make())
    for mark in t.test_html_to_text_table.pytestmark:
        if mark.name == "parametrize":
            for i, (html, _line) in enumerate(mark.args[1]):
                found[f"table case {i}"] = html
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.htm*")):
        found[path.name] = path.read_bytes()
    return found


# Scripts the cutting of script text must see through (or leave alone): comments, attributes,
# text areas, capitals, SVG
_SCRIPTS = ['<script>var a = "<p>1.00 +2.00</p>";</script>', "<script src='x.js'></script>",
            "<!-- <script> -->", '<a title="<script>">t</a>', "<textarea><script></textarea>",
            "<SCRIPT>x</SCRIPT>", "<script>a</SCRIPT>", "<script><!-- <script></script> --></script>",
            "<svg><script>a</svg><p>9.99</p></script></svg>", '<script type="a>b">c</script>',
            "<scripts>3.00</scripts>", "<script>1</sCrIpT>", "<noscript><script>x</script></noscript>",
            "<script>", "</script>"]
_BLOCKS = ["div", "p", "li", "ul", "h3", "section", "header", "tr", "table", "br", "a", "span", "b", "td", "th",
           "fin-streamer", "svg", "script", "button", "template", "sup", "i"]
_TEXTS = ["Nikkei", "40,074.69", "+443.63", "(+1.12%)", "-0.03", "S", "&amp;", "P 500", "1", "st", " ", "\n", "  \n ",
          "Dow Jones", ".56", "\u2212", "&nbsp;", "&euro;", "U.S. markets close in 32m", "\u2022", "a\tb", "%", ")",
          "\r\n", "\u3000", " x \u2028 y ", "\n\nGold\n"]


def snippet(rnd: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rnd.randint(1, 4)):
        if depth < 5 and rnd.random() < 0.55:
            tag = rnd.choice(_BLOCKS)
            if tag == "br":
                parts.append("<br>")
            else:
                parts.append(f"<{tag}>{snippet(rnd, depth + 1)}</{tag}>")
        elif rnd.random() < 0.08:
            parts.append(rnd.choice(_SCRIPTS))
        else:
            parts.append(rnd.choice(_TEXTS))
    return "".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="main")
    ap.add_argument("--snippets", type=int, default=3000)
    a = ap.parse_args()

    from ticker.pages import html as new

    old = module_at(a.base)
    cases = fixtures()
    if REAL.exists():
        cases[REAL.name] = REAL.read_bytes()
    rnd = random.Random(12)
    for i in range(a.snippets):
        cases[f"snippet {i}"] = f"<html><body>{snippet(rnd)}</body></html>"
    differ = 0
    for name, html in list(cases.items()):
        if isinstance(html, str):  # as text (a page not in UTF-8) and as UTF-8 bytes, read as such
            cases[name + " as bytes"] = html.encode()
    for name, html in cases.items():
        before, after = old.html_page(html), new.html_page(html)
        if before != after:
            differ += 1
            if differ <= 10:
                print(f"differs: {name}\n  html:   {html[:300]!r}\n  before: {before[0][:300]!r}\n  after:  {after[0][:300]!r}")
    print(f"{len(cases)} pages ({len(cases) - 2 * a.snippets} real page and fixtures, {a.snippets} snippets, "
          "each as text and as bytes): "
          f"{len(cases) - differ} the same text and URL, {differ} differ (base {a.base})")
    if REAL.exists():
        raw = REAL.read_bytes()
        for label, module in (("base", old), ("this tree", new), ("base", old), ("this tree", new)):
            best = float("inf")
            for _ in range(7):
                t = time.process_time()
                module.html_page(raw)
                best = min(best, time.process_time() - t)
            print(f"  html_page on {REAL.name}, {label:9s}: {best * 1000:5.1f} ms CPU (best of 7)")


if __name__ == "__main__":
    main()
