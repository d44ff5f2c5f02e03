#!/usr/bin/env python3
"""Real-size HTML pages: `ticker ingest` of N pages shaped like a real quote page (2 MB,
minified, inline SVG, embedded JSON) against a one-process floor (lexbor text + one regex), and a
WARC of such pages with its peak memory.

usage: python bench/bench_html.py [--pages 40] [--runs 3] [--warc-pages 1000] [--workdir DIR] [--base DIR]
                                 [--callgrind N]

``--base DIR``: also ingest with the ticker of another checkout (a worktree of main), in the same
runs, interleaved, for a before/after ratio on the same machine state.

The pages are made here from ``../shared/real-html/yahoo-us-most-active.html`` when it is there
(each copy's figures varied, so that every page is new to the store); without it, from a
synthetic page of the same shape. Nothing of the real page is kept in the repository.

``--callgrind N``: also count the instructions (valgrind's callgrind, load-independent) of the
floor and of the ingest of the first N pages, per process: the ingest's main process before it
forks its workers and after, and each worker. (callgrind's file of a forked child starts with
the parent's counts at the fork: the main process is dumped at each fork, ``--dump-before=_Fork``,
so that a worker's figure is its own work.)

Also prints the time to read every record of the WARC with FastWARC and with warcio (the two
libraries issue 12 names), and the HTML-to-text time per page of lexbor, resiliparse and lxml.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import SHARED, median, run_measured, ticker_cmd  # noqa: E402

REAL = SHARED / "real-html" / "yahoo-us-most-active.html"
_FIGURE = re.compile(rb"(?<=>)\(?([-+]?[\d,]+\.\d+)(%?)(?=\)?<)")
# The floor's one regex: "value change (pct%)", as the strip prints them
FLOOR_PATTERN = re.compile(r"([\d,]+\.\d+)\s+([-+][\d,]+\.\d+)\s+\(([-+][\d.]+)%\)")

FLOOR = r'''
import re, sys, time
from selectolax.lexbor import LexborHTMLParser
pattern = re.compile(PATTERN)
found = 0
for name in sys.argv[1:]:
    with open(name, "rb") as fh:
        raw = fh.read()
    tree = LexborHTMLParser(raw)
    tree.strip_tags(["script", "style"])
    body = tree.body
    found += len(pattern.findall(body.text(separator="\n")))
print(found)
'''


def synthetic_page() -> bytes:
    """A page of the real page's shape: a big head of scripts and JSON, minified markup, SVG."""
    rnd = random.Random(7)
    script = "<script>window.__data=" + "".join(
        f'{{"sym":"S{i}","p":{rnd.uniform(1, 500):.2f},"c":{rnd.uniform(-9, 9):.2f}}},' for i in range(20000)) + "0</script>"
    svg = '<svg viewBox="0 0 24 24"><path d="' + "M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 " * 20 + '"/></svg>'
    strip = "".join(
        f'<li><a href="/q/{n}"><span>{n}</span></a><fin-streamer data-field="p">{v}</fin-streamer>'
        f'<fin-streamer data-field="c">{c}</fin-streamer><fin-streamer data-field="pct">({p}%)</fin-streamer>{svg}</li>'
        for n, v, c, p in [("S&amp;P 500", "6,111.81", "+59.84", "+0.99"), ("Dow 30", "44,750.31", "+381.75", "+0.86"),
                           ("Nasdaq", "19,918.44", "+268.49", "+1.37"), ("Gold", "2,955.10", "+26.40", "+0.90")]
    )
    rows = "".join(
        f"<tr><td><a>SYM{i}</a></td><td>Company {i} Inc.</td><td><fin-streamer>{rnd.uniform(1, 500):.2f}</fin-streamer></td>"
        f"<td>{rnd.uniform(-9, 9):+.2f}</td><td>{rnd.uniform(-9, 9):+.2f}%</td></tr>" for i in range(100))
    nav = "".join(f'<li><a href="/n{i}">Section {i}</a>{svg}</li>' for i in range(300))
    page = (f"<!DOCTYPE html><html><head><style>{'.a{color:red}' * 5000}</style>{script * 4}</head><body>"
            f"<nav><ul>{nav}</ul></nav><main><table><tbody>{rows}</tbody></table></main>"
            f'<div><span class="mk-msg">U.S. markets close in 32m</span></div><ul>{strip}</ul></body></html>')
    return page.encode()


def base_page() -> tuple[bytes, str]:
    if REAL.exists():
        return REAL.read_bytes(), f"from {REAL.name}"
    return synthetic_page(), "synthetic (the real page is not here)"


def varied(base: bytes, seed: int) -> bytes:
    """The page with its values and changes moved by one factor, percentages kept (a page
    captured at another time, whose figures still pass the arithmetic check)."""
    factor = 1 + random.Random(seed).uniform(-0.01, 0.01)

    def move(m: re.Match) -> bytes:
        whole, text, pct = m.group(0).decode(), m.group(1).decode(), m.group(2)
        if pct:
            return m.group(0)
        digits = len(text.split(".")[1])
        value = float(text.replace(",", "")) * factor
        sign = "+" if text[0] == "+" and value >= 0 else ""
        return (("(" if whole[0] == "(" else "") + f"{sign}{value:,.{digits}f}").encode()

    return _FIGURE.sub(move, base)


def html_engines(raw: bytes) -> None:
    from ticker.pages.html import html_page

    text = raw.decode("utf-8", "replace")
    engines = {
        "lexbor, parse + text (the floor's)": lambda: _lexbor_text(raw),
        "ticker.pages.html_page (lexbor, blocks, seams, URL)": lambda: html_page(raw),
    }
    try:  # the engines compared when lexbor was chosen: not ticker's dependencies
        from resiliparse.extract.html2text import extract_plain_text

        engines["resiliparse extract_plain_text"] = lambda: extract_plain_text(
            text, preserve_formatting=True, main_content=False, list_bullets=True)
    except ImportError:
        print("  (resiliparse is not installed: not measured)")
    try:
        import lxml.html

        engines["lxml, parse + iterate (the former engine's floor)"] = lambda: sum(
            1 for _ in lxml.html.document_fromstring(text).iter())
    except ImportError:
        print("  (lxml is not installed: not measured)")
    print("HTML to text, one page, best of 5, CPU time:")
    for name, fn in engines.items():
        fn()
        best = min(_timed(fn) for _ in range(5))
        print(f"  {name:55s} {best * 1000:6.1f} ms")


def _lexbor_text(raw: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(raw)
    tree.strip_tags(["script", "style"])
    return tree.body.text(separator="\n")


def _with_cpu(run):
    """run()'s figures, then the system CPU seconds and the CPU seconds (user + system) of the
    process and the children it waited for (ticker's workers)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    system = after.ru_stime - before.ru_stime
    return (*figures, system, after.ru_utime - before.ru_utime + system)


def _load() -> str:
    import os

    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _timed(fn) -> float:
    """CPU seconds of one call (this process only: steadier than wall time on a shared machine)."""
    t = time.process_time()
    fn()
    return time.process_time() - t


def write_warc(path: Path, base: bytes, n: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://finance.example/most-active?i={i}", "response",
                                               payload=io.BytesIO(varied(base, 10_000 + i)), http_headers=http,
                                               warc_headers_dict={"WARC-Date": f"2025-02-13T{i // 60 % 24:02d}:{i % 60:02d}:00Z"})
            writer.write_record(record)


def read_warc_both(path: Path) -> None:
    from fastwarc.warc import ArchiveIterator as FastIterator
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    def fast():
        with open(path, "rb") as fh:
            return sum(len(r.reader.read()) for r in FastIterator(fh, parse_http=False))

    def warcio():
        with open(path, "rb") as fh:
            return sum(len(r.content_stream().read()) for r in WarcioIterator(fh))

    for name, fn in (("FastWARC", fast), ("warcio", warcio)):
        t = time.perf_counter()
        size = fn()
        print(f"  read every record with {name:9s}: {time.perf_counter() - t:6.2f} s ({size >> 20} MiB of records)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warc-pages", type=int, default=1000)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ticker-bench-html")
    ap.add_argument("--base", type=Path, help="a checkout of another revision, measured in the same runs")
    ap.add_argument("--callgrind", type=int, default=0, metavar="N",
                    help="also count instructions of the floor and the ingest of the first N pages, per process")
    a = ap.parse_args()

    base, origin = base_page()
    print(f"page: {len(base) / 1e6:.1f} MB, {origin}")
    html_engines(base)
    folder = a.workdir / f"html-{a.pages}"
    if not (folder / ".done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(a.pages):
            (folder / f"page-{i:05d}.html").write_bytes(varied(base, i))
        (folder / ".done").touch()
    files = sorted(str(p) for p in folder.glob("page-*.html"))
    floor_script = a.workdir / "floor_html.py"
    floor_script.write_text(FLOOR.replace("PATTERN", repr(FLOOR_PATTERN.pattern)))

    import os

    floor, tick, base_runs = [], [], []  # (the page itself is `base`)
    load_before = _load()
    # Bytecode cached, as an installed ticker runs: with PYTHONDONTWRITEBYTECODE set (the
    # development shell sets it) every start compiled ticker's sources again, ~100 ms of CPU
    # before the first page (bench/README: the conditions).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base_env = {**env, "PYTHONPATH": str(a.base.resolve())} if a.base else None

    def ingest(run: int, label: str, env=env):
        db = a.workdir / f"html-{label}-{run}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        # (not run from the checkout: `python -m ticker` would import the package in the working
        # directory before PYTHONPATH's, and --base would measure this tree twice)
        return _with_cpu(lambda: run_measured([*ticker_cmd(), "ingest", str(folder), "--db", str(db), "--quiet"],
                                              tree=False, env=env, cwd=a.workdir))

    for run in range(a.runs):
        floor.append(_with_cpu(lambda: run_measured([sys.executable, str(floor_script), *files], tree=False, env=env)))
        tick.append(ingest(run, "this"))
        if base_env:
            base_runs.append(ingest(run, "base", base_env))
    f_wall, t_wall = median([r[0] for r in floor]), median([r[0] for r in tick])
    f_cpu, t_cpu = median([r[-1] for r in floor]), median([r[-1] for r in tick])
    print(f"{a.pages} real-size pages, {a.runs} runs, interleaved (load average before: {load_before}):")
    f_sys, t_sys = median([r[-2] for r in floor]), median([r[-2] for r in tick])
    print(f"  floor (lexbor text + one regex, one process): median {f_wall:.3f} s, {f_cpu:.2f} CPU-s ({f_sys:.2f} system)")
    print(f"  ticker ingest (SQLite):                       median {t_wall:.3f} s, {t_cpu:.2f} CPU-s ({t_sys:.2f} system; "
          "workers included)")
    print(f"  ratio ticker/floor: {t_wall / f_wall:.2f}x wall (goal <= 2.0x), {t_cpu / f_cpu:.2f}x CPU   all runs: floor "
          + " ".join(f"{r[0]:.2f}" for r in floor) + ", ticker " + " ".join(f"{r[0]:.2f}" for r in tick))
    if base_runs:
        b_wall, b_cpu = median([r[0] for r in base_runs]), median([r[-1] for r in base_runs])
        b_sys = median([r[-2] for r in base_runs])
        print(f"  base ({a.base}):  median {b_wall:.3f} s, {b_cpu:.2f} CPU-s ({b_sys:.2f} system); ratio base/floor: {b_wall / f_wall:.2f}x wall, "
              f"{b_cpu / f_cpu:.2f}x CPU; this tree/base: {t_wall / b_wall:.2f}x wall, {t_cpu / b_cpu:.2f}x CPU   "
              "all runs: base " + " ".join(f"{r[0]:.2f}" for r in base_runs))
    print(f"  (load average after: {_load()}; on a busy machine the wall times say little, the CPU times more)")

    if a.callgrind:
        instructions(a, files[: a.callgrind], floor_script, env, base_env)

    if a.warc_pages:
        warc = a.workdir / f"pages-{a.warc_pages}.warc.gz"
        if not warc.exists():
            t = time.perf_counter()
            part = warc.with_name(warc.name + ".part")  # a run stopped while writing leaves no archive
            write_warc(part, base, a.warc_pages)
            part.rename(warc)
            print(f"wrote {warc.name}: {warc.stat().st_size >> 20} MiB in {time.perf_counter() - t:.0f} s")
        read_warc_both(warc)
        db = a.workdir / "warc.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        wall, leader, tree = run_measured([*ticker_cmd(), "ingest", str(warc), "--db", str(db), "--quiet"], cwd=a.workdir,
                                          env=env)
        print(f"ticker ingest of a WARC of {a.warc_pages} pages ({warc.stat().st_size >> 20} MiB): {wall:.1f} s, "
              f"peak RSS {leader:.0f} MB (main process), {tree:.0f} MB (with its workers, PSS)")


def instructions(a, files: list[str], floor_script: Path, env: dict, base_env: dict | None) -> None:
    """Instructions (callgrind) of the floor and of ``ticker ingest`` of ``files``, per process."""
    import os
    import shutil
    import subprocess

    if shutil.which("valgrind") is None:
        print("(valgrind is not installed: no instruction counts)")
        return
    folder = a.workdir / f"callgrind-{len(files)}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name in files:
        os.link(name, folder / Path(name).name)

    def run(label: str, cmd: list[str], run_env: dict) -> dict[str, int]:
        out = a.workdir / f"callgrind-{label}"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=_Fork", f"--callgrind-out-file={out}/cg.%p",
                        *cmd], cwd=a.workdir, env=run_env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        counts = {}
        for path in out.iterdir():
            found = re.search(r"^(?:summary|totals):\s*(\d+)", path.read_text(errors="replace"), re.M)
            counts[path.name] = int(found.group(1)) if found else 0
        return counts

    (floor_total,) = run("floor", [sys.executable, str(floor_script), *files], env).values()
    print(f"instructions, {len(files)} pages (callgrind): floor {floor_total / 1e6:,.1f} M")
    for label, run_env in (("this tree", env), (f"base ({a.base})", base_env)):
        if run_env is None:
            continue
        db = a.workdir / "callgrind.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        counts = run("ingest", [*ticker_cmd(), "ingest", str(folder), "--db", str(db), "--quiet"], run_env)
        main_pid = next((name.split(".")[1] for name in counts if name.count(".") == 2), None)
        before = sum(v for name, v in counts.items() if main_pid and name.startswith(f"cg.{main_pid}."))
        after = counts.get(f"cg.{main_pid}", 0) if main_pid else sum(counts.values())
        workers = sorted((v for name, v in counts.items() if main_pid and name.split(".")[1] != main_pid),
                         reverse=True)  # (none: the pages were read in the one process)
        path = before + (workers[0] if workers else 0)
        print(f"  ingest, {label}: main process {before / 1e6:,.1f} M before the fork, {after / 1e6:,.1f} M after; "
              f"workers " + " + ".join(f"{w / 1e6:,.1f}" for w in workers) + f" M; all {sum(counts.values()) / 1e6:,.1f} M "
              f"({sum(counts.values()) / floor_total:.2f}x the floor); the critical path (before the fork + the "
              f"busiest worker, + after: part of it beside the workers) {path / 1e6:,.1f}-{(path + after) / 1e6:,.1f} M "
              f"({path / floor_total:.2f}-{(path + after) / floor_total:.2f}x)")


if __name__ == "__main__":
    main()
