#!/usr/bin/env python3
"""Do two parsers give identical results? (The correctness contract of speed work, issue 11.)

usage: python bench/compare_parsers.py [--base /tmp/base] [--pages 2000] [--random 3000] [--seed 1]

``--base`` is a checkout of the parser to compare against (e.g. ``git archive main | tar -x -C
/tmp/base``); this tree is the other. Each side runs in its own subprocess with its root first on
``sys.path`` and returns, for every page, ``parse`` (the fast path where it applies), the general
stages alone (``PageParser(t, False, fast=False).run()``), ``parse(strict=True)`` and
``parse_for_store``: quotes, market status, page time and warnings, exactly. The pages:

* the generated bench pages (``_common.generate_pages``);
* the shared dev pages (``../shared/pages/*.txt``, and ``*.html`` through ``ticker.pages``);
* the text of the real 2 MB page (``../shared/real-html``);
* random pages made here from snippets in the shapes pages print (strip entries, quote headers,
  rows, tables, labelled fields, status and time lines, prose, numbers in many formats and
  scripts), the same pages for both sides (``--seed``).

Exits 1 on any difference, printing the first few.
"""

from __future__ import annotations

import argparse
import pickle
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _worker(root: str) -> None:
    sys.path.insert(0, root)
    from ticker.parser import parse, parse_for_store
    from ticker.parser.compose import PageParser

    assert Path(sys.modules["ticker.parser"].__file__).resolve().is_relative_to(Path(root).resolve()), "wrong ticker imported"
    texts = pickle.load(sys.stdin.buffer)

    def flat(p):
        return (tuple((q.name, str(q.value), str(q.change), str(q.change_pct), q.line, q.symbol, q.consistent)
                      for q in p.quotes), p.market_status, repr(p.page_time), p.warnings)

    out = []
    for t in texts:
        row = []
        for fn in (parse, lambda x: PageParser(x, False, fast=False).run(), lambda x: parse(x, strict=True)):
            try:
                row.append(flat(fn(t)))
            except Exception as exc:  # noqa: BLE001 - a crash is a result too
                row.append(("raised", repr(exc)))
        try:
            page, cols = parse_for_store(t)
            row.append((flat(page), repr(cols)))
        except Exception as exc:  # noqa: BLE001
            row.append(("raised", repr(exc)))
        out.append(row)
    pickle.dump(out, sys.stdout.buffer)


def _run(root: Path, texts: list[str]) -> list:
    proc = subprocess.run([sys.executable, __file__, "--worker", str(root)], input=pickle.dumps(texts),
                          capture_output=True, check=False, cwd=tempfile.gettempdir())
    if proc.returncode != 0:
        raise SystemExit(f"worker for {root} failed:\n{proc.stderr.decode()[-3000:]}")
    return pickle.loads(proc.stdout)


# --------------------------------------------------------------------------- random pages

_NAMES = ["Nikkei 225", "FTSE 100", "S&P 500", "Dow Jones", "DAX", "CAC 40", "Hang Seng Index", "Apple Inc. (AAPL)",
          "Bitcoin USD", "Crude Oil", "Gold", "EUR/USD", "Russell 2000", "Shanghai Composite", "日経平均株価",
          "Индекс МосБиржи", "BIST 100", "TASI", "Nifty 50", "KOSPI", "Tesla, Inc.", "Euro Stoxx 50", "AEX",
          "IBEX 35", "10-Yr Bond", "NASDAQ Composite (^IXIC)", "Microsoft Corporation", "Brent", "SMI", "OMX 30"]
_WORDS = ["Markets", "Quote", "Summary", "Chart", "News", "Watchlist", "Open", "Previous Close", "Volume",
          "Day's Range", "Market Cap", "Sign in", "Menu", "Home", "Portfolio", "Trending tickers", "Last",
          "Change", "% Change", "Name", "Symbol", "Price", "High", "Low", "Bid", "Ask", "1D", "5D", "1M",
          "YTD", "Max", "Kurs", "Veränderung", "Cours", "Variation", "終値", "前日比", "Pkt.", "USD", "EUR", "JPY"]
_STATUS = ["U.S. markets closed", "U.S. markets close in 2h 3m", "UK markets open", "Market open",
           "Deutsche Märkte geschlossen", "Marché fermé", "At close: 4:00 PM EDT", "As of 10:32AM EST. Market open.",
           "Last updated 12/02/2026 15:30", "09:00:03 Uhr Xetra", "Dec 2, 2026, 7:14 AM EST", "After hours: 5:59 PM EST"]
_PROSE = ["The index rose {c} points, or {p}%, to {v}.", "Shares fell {p}% after the report.",
          "Revenue grew {p}% to {v} million.", "It closed at {v}, up {c}."]
_DIGITS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９"]


def _num(r: random.Random, x: float, places: int, style: int, sign: bool = False) -> str:
    s = f"{abs(x):,.{places}f}"
    if style == 1:  # 1.234,56
        s = s.replace(",", "_").replace(".", ",").replace("_", ".")
    elif style == 2:  # 1 234,56
        s = s.replace(",", "\u00a0" if r.random() < 0.5 else " ").replace(".", ",")
    elif style == 3:
        s = s.replace(",", "")
    elif style == 4:  # 1'234.56
        s = s.replace(",", "'")
    if sign or x < 0:
        s = ("-" if x < 0 else "+") + s if r.random() < 0.9 else ("−" if x < 0 else "") + s
    return s


def _entry(r: random.Random) -> list[str]:
    v = r.choice([r.uniform(0.01, 2), r.uniform(1, 200), r.uniform(100, 99999), r.uniform(1000, 2e6)])
    pct = r.uniform(-9, 9) if r.random() < 0.95 else 0.0
    places = r.choice([2, 2, 2, 3, 4, 0, 1])
    c = v * pct / (100 + pct)
    if r.random() < 0.15:  # the arithmetic broken
        c *= r.uniform(0.2, 3)
    style = r.choice([0, 0, 0, 1, 2, 3, 4])
    vs, cs = _num(r, v, places, style), _num(r, c, places, style, sign=True)
    ps = _num(r, pct, 2, style if style in (1, 2) else 0, sign=r.random() < 0.8) + r.choice(["%", "%", " %", "％", "٪"])
    name = r.choice(_NAMES)
    shape = r.randrange(12)
    if shape == 0:
        out = [f"  • {name}", "", f"    {vs}", f"    {cs} ({ps})"]
    elif shape == 1:
        out = [name, vs, f"{cs} ({ps})"]
    elif shape == 2:
        out = [f"{name} {vs} {cs} ({ps})"]
    elif shape == 3:
        out = [f"{name}\t{vs}\t{cs}\t{ps}"]
    elif shape == 4:
        out = [name, vs, cs, ps]
    elif shape == 5:
        out = [f"{name}{vs}{cs}({ps})"]
    elif shape == 6:
        out = [name, f"{vs} {cs} {ps}", r.choice(_STATUS)]
    elif shape == 7:
        out = [f"{name}", f"Last: {vs}", f"Change: {cs}", f"% Change: {ps}"]
    elif shape == 8:
        out = [f"{r.choice(['▲', '▼', ''])}{name} {vs} {r.choice(['▲', '▼', ''])}{cs} {ps}"]
    elif shape == 9:
        out = [f"- {name}", vs, f"{cs}  {ps}"]
    elif shape == 10:
        out = [name, f"{vs} {r.choice(['USD', 'Pkt.', 'JPY', '円', ''])}", f"{cs} ({ps}) {r.choice(['Today', 'heute', ''])}"]
    else:
        out = [f"{name} ({r.choice(['^N225', 'HSI:IND', 'AAPL', '.DJI'])})", f"{vs} {cs} ({ps})"]
    if r.random() < 0.1:  # native digits
        d = r.choice(_DIGITS[1:])
        out = [s.translate(str.maketrans("0123456789", d)) for s in out]
    if r.random() < 0.05:
        out = [s.replace(ps, "N/A") for s in out]
    return out


def random_page(r: random.Random) -> str:
    lines: list[str] = []
    for _ in range(r.randrange(1, 30)):
        k = r.random()
        if k < 0.45:
            lines += _entry(r)
        elif k < 0.6:
            lines.append(" ".join(r.choice(_WORDS) for _ in range(r.randrange(1, 6))))
        elif k < 0.68:
            lines.append(r.choice(_STATUS))
        elif k < 0.74:
            lines.append(r.choice(_PROSE).format(c=f"{r.uniform(1, 99):.2f}", p=f"{r.uniform(0, 9):.1f}",
                                                 v=f"{r.uniform(100, 9999):,.2f}"))
        elif k < 0.8:  # a table
            lines.append("\t".join(["Symbol", "Name", "Price", "Change", "% Change"]))
            for _ in range(r.randrange(1, 6)):
                v = r.uniform(1, 500)
                p = r.uniform(-5, 5)
                c = v * p / (100 + p)
                lines.append("\t".join([r.choice(["AAPL", "MSFT", "TSLA", "NVDA"]), r.choice(_NAMES), f"{v:.2f}",
                                        f"{c:+.2f}", f"{p:+.2f}%"]))
        elif k < 0.86:
            lines.append(f"{r.choice(_WORDS)}: {r.uniform(0, 9999):,.2f}")
        elif k < 0.9:
            lines.append(" ".join(f"{r.uniform(-50, 5000):.{r.choice([0, 2])}f}{r.choice(['', '%'])}"
                                  for _ in range(r.randrange(1, 9))))
        elif k < 0.95:
            lines.append("")
        else:
            lines.append(r.choice(["-", "--", "N/A", "—", "|", "Bid 12.30 Ask 12.35", "YTD +12.5%", "1Y -3.2%"]))
    sep = r.choice(["\n", "\n", "\n", "\r\n"])
    return sep.join(lines) + (sep if r.random() < 0.7 else "")


# --------------------------------------------------------------------------- main


def corpus(pages: int, randoms: int, seed: int) -> list[tuple[str, str]]:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from _common import SHARED, generate_pages

    out: list[tuple[str, str]] = []
    if pages:
        folder = generate_pages(Path(tempfile.gettempdir()) / "ticker-bench" / f"pages-{pages}", pages)
        out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("page-*.txt"))]
    from ticker.pages import html_to_text

    for p in sorted((SHARED / "pages").glob("*")):
        if p.suffix == ".txt":
            out.append((p.name, p.read_text(encoding="utf-8", errors="replace")))
        elif p.suffix in (".html", ".htm"):
            out.append((p.name, html_to_text(p.read_bytes())))
    for p in sorted((SHARED / "real-html").glob("*.html")):
        out.append((p.name, html_to_text(p.read_bytes())))
    r = random.Random(seed)
    out += [(f"random-{k}", random_page(r)) for k in range(randoms)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--base", default="/tmp/base")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--random", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.worker:
        return _worker(a.worker)
    pages = corpus(a.pages, a.random, a.seed)
    texts = [t for _, t in pages]
    base, head = _run(Path(a.base), texts), _run(ROOT, texts)
    modes = ("parse", "general stages", "parse(strict=True)", "parse_for_store")
    diffs = 0
    quotes = 0
    for (name, _), b, h in zip(pages, base, head):
        quotes += len(b[0][0]) if b[0][0] != "raised" else 0
        for mode, x, y in zip(modes, b, h):
            if x != y:
                diffs += 1
                if diffs <= 5:
                    print(f"DIFF {name} [{mode}]:\n  base: {x!r}\n  this: {y!r}")
    print(f"{len(pages)} pages ({a.pages} generated, {a.random} random, seed {a.seed}), {quotes} quotes on main; "
          f"{diffs} differences in {len(modes)} modes")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
