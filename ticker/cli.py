"""The ``ticker`` command: arguments in, formatting out. No SQL and no parsing logic here.

pandas and SQLAlchemy are imported inside the commands that need them, so ``ticker --help`` and
``ticker parse`` start fast.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sys
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import pages

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

app = typer.Typer(
    name="ticker",
    help="Pull market-quote strips out of saved web pages into a time series, and report on them.",
    no_args_is_help=True,
    add_completion=False,
    # Plain help: rendering it with rich costs more start-up time than the whole command.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,  # main() turns unexpected errors into one line
)
db_app = typer.Typer(help="Schema operations on a store (it is upgraded on open anyway).", no_args_is_help=True)
alias_app = typer.Typer(help="Printed names -> instruments.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(alias_app, name="alias")


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"


class ParseFormat(str, Enum):
    table = "table"
    json = "json"


# Options shared by several commands, declared once.
DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        envvar="TICKER_DB",
        help="Store: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://…). Default data/ticker.db.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output: a table; markdown; html (one self-contained page); csv or json for pipes."),
]
PathsArgument = Annotated[
    list[str], typer.Argument(help="Page files, folders of pages (*.txt, *.html, *.htm), or - for stdin.")
]
RecursiveOption = Annotated[bool, typer.Option("--recursive", "-r", help="Look for pages in subfolders too.")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Drop quotes that fail the arithmetic check.")]
AtOption = Annotated[
    Optional[datetime],
    typer.Option(
        "--at",
        formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M", "%Y-%m-%d"],
        help="Capture time (ISO 8601; UTC unless it has an offset). Default: the page's own time, "
        "else the file's modification time, else now.",
    ),
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _open_store(db: str | None) -> Store:
    from .store import Store, StoreError

    try:
        return Store(db)
    except StoreError as err:
        raise _fail(str(err)) from None


# ------------------------------------------------------------------------------------------ ingest


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    recursive: RecursiveOption = False,
    at: AtOption = None,
    strict: StrictOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and the summary.")] = False,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Pages per write transaction: smaller shows new pages to readers sooner, "
        "larger is faster. A page is stored whole or not at all either way.")] = 500,  # ingest.BATCH_PAGES
) -> None:
    """Parse pages and store each as a snapshot (the same bytes twice are stored once).

    Example: `ticker ingest data/samples/` then `ticker report --index Nikkei`.
    """
    from . import ingest as ingest_

    with _fewer_collections():
        try:
            writer = ingest_.open_writer(db)  # a SQLite store at head: no SQLAlchemy import
        except ingest_.StoreError as err:
            raise _fail(str(err)) from None
        inputs = pages.expand(paths, recursive=recursive)
        if _progress.wanted():  # a bar needs the count up front; a pipe or a log streams the pages
            inputs = list(inputs)
        summary = ingest_.IngestSummary()
        results = ingest_.ingest(writer, inputs, at=at, strict=strict, batch_pages=batch_size)
        with _progress(len(inputs) if isinstance(inputs, list) else 0) as advance:
            for result in results:
                summary.add(result)
                _print_result(result, quiet)
                advance()
        typer.echo(
            f"{summary.stored} pages stored ({summary.quotes} quotes), {summary.duplicates} already stored, "
            f"{summary.no_strip} without a ticker strip, {summary.errors} errors"
            + (f" ({summary.warned} pages with warnings)" if summary.warned else "")
        )
        writer.close()
        if summary.errors:
            raise typer.Exit(1)


@contextlib.contextmanager
def _fewer_collections():
    """An ingest makes a few tuples per quote, nearly none of them cyclic: CPython's collector,
    run every 700 allocations, took 7% of the writing process. Collect less often while it
    runs (the workers, forked meanwhile, too); as it was afterwards."""
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _print_result(result, quiet: bool) -> None:
    if result.status == "error":
        typer.echo(f"{result.source}: error: {result.reason}", err=True)
        return
    if not quiet:
        line = {
            "stored": f"stored {result.quotes} quotes",
            "duplicate": "already stored",
            "no_strip": "no ticker strip found",
        }[result.status]
        typer.echo(f"{result.source}: {line}")
    for warning in result.warnings:
        typer.echo(f"{result.source}: warning: {warning}", err=True)


class _progress:
    """A progress bar on stderr when it is a terminal and there are many pages; else nothing."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None

    @staticmethod
    def wanted() -> bool:
        return sys.stderr.isatty()

    def __enter__(self):
        if self.total >= 20 and self.wanted():
            from rich.progress import Progress

            from rich.console import Console

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            task = self.bar.add_task("ingesting", total=self.total)
            return lambda: self.bar.advance(task)
        return lambda: None

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


# ------------------------------------------------------------------------------------------- parse


@app.command("parse")
def parse_command(
    paths: PathsArgument,
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="table for people; json (one array, an object per page) for programs.")
    ] = ParseFormat.table,
    strict: StrictOption = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="also print each quote's evidence (layout, numbers as printed and read, "
                           "arithmetic, where its name came from) and why near-misses were refused.")
    ] = False,
) -> None:
    """Parse pages and print their quotes, without storing anything.

    Example: `ticker parse --format json page.txt`; `ticker parse --explain page.txt` says why.
    """
    from .instruments import resolve
    from .parser import explain as explain_text, parse as parse_text

    reports, failed = [], False
    for item in pages.expand(paths):
        if isinstance(item, pages.BadInput):
            reports.append({"path": item.source, "error": item.reason, "quotes": []})
            continue
        try:
            page = pages.load(item)
        except pages.PageError as err:
            reports.append({"path": item.source, "error": str(err), "quotes": []})
            continue
        parsed, evidence = explain_text(page.text, strict=strict) if explain else (parse_text(page.text, strict=strict), None)
        captured_at, _origin = pages.capture_time(at=None, page_time=parsed.page_time, name_time=page.name_time, mtime=page.mtime, now=datetime.now().astimezone())
        quotes = []
        for q in parsed.quotes:
            inst = resolve(q.name, q.symbol)
            quotes.append(
                {"name": q.name, "instrument": inst.name, "symbol": q.symbol or inst.symbol, "value": q.value,
                 "change": q.change, "change_pct": q.change_pct, "consistent": q.consistent, "line": q.line}
            )
        reports.append(
            {"path": item.source, "market_status": parsed.market_status, "captured_at": captured_at.isoformat(),
             "quotes": quotes, "warnings": [*page.notes, *parsed.warnings], **({"explain": evidence} if explain else {})}
        )
    for report in reports:
        if "error" in report:
            failed = True
            typer.echo(f"{report['path']}: error: {report['error']}", err=True)
    if output_format is ParseFormat.json:
        typer.echo(_json_with_decimals(reports))
    else:
        _print_parse_tables(reports)
    if failed:
        raise typer.Exit(1)


def _json_with_decimals(obj) -> str:
    """JSON whose numbers are written exactly as parsed (4.4390 stays 4.4390, not 4.439)."""
    marker = "\x00dec:"

    def default(o):
        if isinstance(o, Decimal):
            return marker + str(o)
        raise TypeError(f"{type(o).__name__} is not JSON serialisable")

    text = json.dumps(obj, default=lambda o: default(o), ensure_ascii=False, indent=1)
    # Decimals were encoded as marked strings; unquote them into JSON numbers.
    import re

    return re.sub(r'"\\u0000dec:([^"]+)"', r"\1", text)


def _print_parse_tables(reports: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for report in reports:
        if "error" in report:
            continue
        title = f"{report['path']} — {report['market_status'] or 'no market status'}"
        table = Table(title=title, title_justify="left")
        for col, justify in (("name", "left"), ("instrument", "left"), ("value", "right"), ("change", "right"),
                             ("change_pct", "right"), ("check", "center")):
            table.add_column(col, justify=justify)
        for q in report["quotes"]:
            table.add_row(q["name"], q["instrument"], str(q["value"]), f"{q['change']:+}", f"{q['change_pct']:+}%",
                          "ok" if q["consistent"] else "[red]fails[/red]")
        if not report["quotes"]:
            table.add_row("(no ticker strip)", "", "", "", "", "")
        console.print(table)
        for e in report.get("explain", ()):  # --explain
            console.print(f"  line {e['line']}: {e.get('name')!r}: {e['decision']}", markup=False)
            for key in ("layout", "printed", "reading", "number_format", "arithmetic", "name_from"):
                if e.get(key) is not None:
                    console.print(f"      {key.replace('_', ' ')}: {e[key]}", markup=False)
        for warning in report["warnings"]:
            console.print(f"  warning: {warning}", style="yellow")


# ------------------------------------------------------------------------------------------ report

IndexesOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--index", "-i",
        help='Instrument: any printed name, alias or symbol ("Nikkei", "NIKKEI 225", "^N225"). '
        "Repeat for several (report puts them side by side).",
        show_default=False,
    ),
]
SinceOption = Annotated[
    Optional[str],
    typer.Option("--since", help="Only points at or after this date or ISO time (2024-05-18, 2024-05-18T09:00+08:00; "
                 "without an offset, in --tz, else UTC).", show_default=False),
]
UntilOption = Annotated[
    Optional[str],
    typer.Option("--until", help="Only points at or before this ISO time, or until the end of this date.", show_default=False),
]
LastOption = Annotated[
    Optional[int], typer.Option("--last", "-n", min=1, help="Only the newest N points (of each instrument).", show_default=False)
]
TzOption = Annotated[
    Optional[str],
    typer.Option("--tz", help="Show times in this IANA zone (Asia/Tokyo, Europe/London); stored times stay UTC.", show_default=False),
]
OutputOption = Annotated[
    Optional[Path], typer.Option("--output", "-o", dir_okay=False, help="Write to this file instead of stdout.", show_default=False)
]
TABLE_ROWS = 40  # a terminal table longer than this shows its first and last rows


@app.command()
def report(
    index: IndexesOption = None,
    db: DbOption = None,
    output_format: FormatOption = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
    last: LastOption = None,
    resample: Annotated[
        Optional[str],
        typer.Option("--resample", "-r", help="Buckets of this pandas offset (15min, 1h, 1D, 1W): OHLC of the value, "
                     "the last change and % change; empty buckets left out.", show_default=False),
    ] = None,
    distinct: Annotated[
        bool, typer.Option("--distinct", help="Drop consecutive repeats of the same value (a closed market on many pages).")
    ] = False,
    tz: TzOption = None,
    output: OutputOption = None,
    plot: Annotated[
        Optional[Path],
        typer.Option("--plot", dir_okay=False, help="Also draw a line chart of the values to this PNG file.", show_default=False),
    ] = None,
) -> None:
    """Instruments' time series and summaries; with no --index, the board of latest quotes.

    One --index gives its series (or OHLC buckets with --resample) and a summary: first, last,
    min, max, change, stale points (same value as the one before) and the largest single move.
    Several give a side-by-side table aligned on time and a summary row each.

    Example: `ticker report --index Nikkei --resample 1D --tz Asia/Tokyo`,
    `ticker report -i Nikkei -i "S&P 500" --since 2024-05-01 --format html -o report.html`,
    or `ticker report --format csv > board.csv`.
    """
    from . import report as rep

    if plot is not None and plot.suffix.lower() != ".png":
        raise _fail(f"--plot writes a PNG: give a file name ending in .png, not {plot.name!r}")
    if not index and (since or until or last or resample or distinct or plot):
        raise _fail("--since, --until, --last, --resample, --distinct and --plot need an --index "
                    "(with none, the report is the board of latest quotes)")
    built = None
    quick = index and len(index) == 1 and resample is None and plot is None and output_format is not Format.html
    try:
        if quick:  # the common case, answered without pandas or SQLAlchemy when the store allows
            built = rep.build_quick(db, index[0], since=since, until=until, last=last, drop_repeats=distinct, tz=tz)
        if built is None:
            store = _open_store(db)
            try:
                if not index:
                    _emit(rep.to_timezone(store.latest(), tz), output_format, title="Latest quotes", output=output)
                    return
                built = rep.build(store, index, since=since, until=until, last=last, rule=resample,
                                  drop_repeats=distinct, tz=tz)
            finally:
                store.close()
    except Exception as err:
        raise _known_error(err) from None
    chart = None
    if plot is not None or output_format is Format.html:
        from .plot import chart_png

        chart = chart_png(built.chart, tz=built.tz)
        if plot is not None:
            _write(chart, plot)
    _emit(built.table, output_format, built.title, subtitle=built.subtitle, summary=built.summary,
          document=built.document() if output_format is Format.json else None, chart=chart, output=output, max_rows=TABLE_ROWS)


def _known_error(err: Exception) -> BaseException:
    """Bad input (a report option, an unknown name, a store problem) -> a one-line failure;
    anything else is returned as is, to be raised (the store is imported only when needed)."""
    from .report import ReportError

    if isinstance(err, ReportError):
        return _fail(str(err))
    if "ticker.store" in sys.modules:
        from .store import StoreError, UnknownInstrument

        if isinstance(err, (StoreError, UnknownInstrument)):
            return _fail(str(err))
    return err


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
def export(
    index: IndexesOption = None,
    db: DbOption = None,
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, parquet (typed: tz-aware times, float64, strings) or jsonl.")
    ] = ExportFormat.csv,
    since: SinceOption = None,
    until: UntilOption = None,
    last: LastOption = None,
    tz: TzOption = None,
    output: OutputOption = None,
) -> None:
    """Every stored quote as one long table: captured_at, instrument, symbol, name as printed,
    value, change, change_pct, source and market status. With no --index, all instruments.

    Example: `ticker export --format parquet -o quotes.parquet`, or
    `ticker export --index Nikkei --since 2024-05-01 > nikkei.csv`.
    """
    from . import report as rep
    from .store import StoreError, UnknownInstrument

    if export_format is ExportFormat.parquet and output is None and sys.stdout.isatty():
        raise _fail("parquet is binary: give --output FILE.parquet (or redirect stdout)")
    store = _open_store(db)
    try:
        bounds = rep.time_bound(since, tz), rep.time_bound(until, tz, end=True)
        frame = rep.to_timezone(store.long(index or None, since=bounds[0], until=bounds[1], last=last), tz)
    except (UnknownInstrument, StoreError, rep.ReportError) as err:
        raise _fail(str(err)) from None
    finally:
        store.close()
    if export_format is ExportFormat.parquet:
        if output is None:
            sys.stdout.flush()
            rep.write_parquet(frame, sys.stdout.buffer)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            rep.write_parquet(frame, output)
        return
    _write(rep.to_jsonl(frame) if export_format is ExportFormat.jsonl else rep.to_csv(frame), output)


@app.command()
def indexes(db: DbOption = None, output_format: FormatOption = Format.table) -> None:
    """Every instrument in the store, with its number of quotes and when it was first and last seen.

    Example: `ticker indexes --format csv`.
    """
    from .store import StoreError

    store = _open_store(db)
    try:
        frame = store.instruments()
    except StoreError as err:
        raise _fail(str(err)) from None
    _emit(frame, output_format, title="Instruments")


@app.command()
def doctor(
    db: DbOption = None,
    full: Annotated[bool, typer.Option("--full", help="Run SQLite's full integrity_check instead of quick_check.")] = False,
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="table for people; json for programs.")
    ] = ParseFormat.table,
) -> None:
    """Check a store without changing it: schema version, integrity, counts, snapshots without quotes.

    Exits 1 when it finds a problem. Example: `ticker doctor --db quotes.db`.
    """
    from dataclasses import asdict

    from .store import Store, StoreError

    try:
        store = Store(db, migrate_on_open=False, create=False)
        found = store.doctor(full=full)
    except StoreError as err:
        raise _fail(str(err)) from None
    store.close()
    if output_format is ParseFormat.json:
        typer.echo(json.dumps({**asdict(found), "ok": found.ok}, indent=1, ensure_ascii=False))
    else:
        _print_doctor(found)
    if not found.ok:
        raise typer.Exit(1)


def _print_doctor(found) -> None:
    revision = found.revision or "none"
    rows = [("store", found.url), ("schema", f"{revision} ({found.schema}; head {found.head})")]
    if found.integrity is not None:
        rows.append((found.integrity_check, "ok" if found.integrity == ["ok"] else "; ".join(found.integrity[:5])))
    else:
        rows.append(("integrity", f"no page check on {found.backend} (the server checks its own pages)"))
    if found.journal_mode:
        rows.append(("journal mode", found.journal_mode))
    if found.counts is not None:
        rows += [(name, f"{n:,}") for name, n in found.counts.items()]
        rows.append(("quotes failing the check", f"{found.inconsistent_quotes:,}"))
        bare = f"{found.snapshots_without_quotes:,}"
        if found.examples_without_quotes:
            bare += " (e.g. " + ", ".join(f"#{i} {src}" for i, src in found.examples_without_quotes[:3]) + ")"
        rows.append(("snapshots without quotes", bare))
        rows.append(("quotes without a snapshot", f"{found.orphan_quotes:,}"))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        typer.echo(f"{key + ':':<{width + 1}} {value}")
    if found.ok:
        typer.echo("healthy: no problems found")
    for problem in found.problems:
        typer.echo(f"problem: {problem}")


def _emit(
    frame: pd.DataFrame,
    output_format: Format,
    title: str | None = None,
    *,
    subtitle: str | None = None,
    summary: list[dict] | None = None,
    document: dict | None = None,
    chart: bytes | None = None,
    output: Path | None = None,
    max_rows: int | None = None,
) -> None:
    """Write a DataFrame as a rich table, CSV, JSON, Markdown or a self-contained HTML page, to
    stdout or ``output`` (one shared path for every command).

    ``frame`` is a DataFrame or a report.Table; ``summary`` (report.summarize dicts, one per
    instrument) is shown by the human formats; ``document`` replaces the
    plain JSON array of rows; ``chart`` (PNG bytes) is embedded in HTML; ``max_rows`` shortens
    long terminal tables to their first and last rows.
    """
    from . import report as rep

    if output_format is Format.csv:
        _write(rep.to_csv(frame), output)
    elif output_format is Format.json:
        _write(rep.to_json(document if document is not None else frame) + "\n", output)
    elif output_format is Format.markdown:
        _write(rep.to_markdown(frame, title, subtitle, summary), output)
    elif output_format is Format.html:
        _write(rep.to_html(frame, title, subtitle, summary, chart), output)
    elif output is None:
        _print_tables(frame, title, subtitle, summary, max_rows, file=None)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8") as fh:
            _print_tables(frame, title, subtitle, summary, max_rows, file=fh)


def _print_tables(frame, title, subtitle, summary, max_rows, file) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    from .report import SUMMARY_DISPLAY, Table, display, summary_display, summary_rows

    console = Console(file=file, width=160) if file is not None else Console()
    table = Table.of(frame)
    caption = subtitle
    if max_rows is not None and len(table.rows) > max_rows:
        half = max_rows // 4
        shown = display(Table(table.columns, table.rows[:half])) + [["…"] * len(table.columns)]
        shown += display(Table(table.columns, table.rows[-half:]))
        caption = (f"{subtitle}\n" if subtitle else "") + (
            f"{len(table.rows):,} rows: the first and last {half} shown (--last, --resample or --format csv for more)"
        )
    else:
        shown = display(table)
    out = RichTable(title=title, title_justify="left", caption=caption, caption_justify="left")
    for name, numeric in zip(table.columns, table.numeric()):
        out.add_column(name, justify="right" if numeric else "left")
    for row in shown:
        out.add_row(*row)
    console.print(out)
    if not summary:
        return
    if len(summary) == 1:
        stats = RichTable(title=f"{summary[0]['instrument']}: summary", title_justify="left", show_header=False)
        stats.add_column("what")
        stats.add_column("value")
        for label, text in summary_rows(summary[0]):
            stats.add_row(label, text)
    else:
        rows = summary_display(summary)
        width = sum(max(len(c) for c in col) + 3 for col in zip(SUMMARY_DISPLAY, *rows))
        stats = RichTable(title="Summary", title_justify="left")
        if width <= console.width:  # a row per instrument
            for name in SUMMARY_DISPLAY:
                stats.add_column(name)
            for row in rows:
                stats.add_row(*row)
        else:  # too narrow: a column per instrument
            stats.add_column("")
            for row in rows:
                stats.add_column(row[0])
            for i, label in enumerate(SUMMARY_DISPLAY[1:], start=1):
                stats.add_row(label, *(row[i] for row in rows))
    console.print(stats)


def _write(content: str | bytes, output: Path | None) -> None:
    """Text or bytes to ``output`` (creating its folder), or to stdout."""
    if output is None:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        output.write_bytes(content)
    else:
        output.write_text(content, encoding="utf-8")


@app.command()
def reparse(
    db: DbOption = None,
    apply: Annotated[bool, typer.Option("--apply", help="Store the new parse (default: only report what would change).")] = False,
    strict: StrictOption = False,
) -> None:
    """Re-run the current parser over every stored page and report what changed (so parser fixes reach old snapshots).

    Example: `ticker reparse`, then `ticker reparse --apply`.
    """
    from .store import StoreError

    store = _open_store(db)
    counts = {"same": 0, "changed": 0, "no_text": 0}
    try:
        for result in store.reparse(apply=apply, strict=strict):
            counts[result.status] += 1
            if result.status != "changed":
                continue
            typer.echo(f"snapshot {result.snapshot_id} ({result.source}):")
            if result.old_status != result.new_status:
                typer.echo(f"  status: {result.old_status!r} -> {result.new_status!r}")
            for name, value, change, pct in result.removed:
                typer.echo(f"  - {name} {value:g} {change:+g} ({pct:+g}%)")
            for name, value, change, pct in result.added:
                typer.echo(f"  + {name} {value:g} {change:+g} ({pct:+g}%)")
    except StoreError as err:
        raise _fail(str(err)) from None
    verb = "changed and stored" if apply else "would change (--apply to store)"
    typer.echo(f"{counts['changed']} snapshots {verb}, {counts['same']} unchanged, {counts['no_text']} without stored text")


# ------------------------------------------------------------------------------------- db / alias


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Upgrade the store's schema to the newest revision (creating the store if needed).

    Example: `ticker db upgrade --db postgresql+psycopg://localhost/quotes`.
    """
    from . import migrate

    store = _open_store(db)  # opening upgrades
    with store.engine.connect() as conn:
        typer.echo(f"{store!r} is at revision {migrate.current_revision(conn)} (head)")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the store's schema revision, without changing anything.

    Example: `ticker db current`.
    """
    from . import migrate
    from .store import Store, StoreError

    try:
        store = Store(db, migrate_on_open=False)
        revision = store.revision()
    except StoreError as err:
        raise _fail(str(err)) from None
    state = "head" if revision == migrate.HEAD_REVISION else f"head is {migrate.HEAD_REVISION}"
    typer.echo(f"{revision or 'empty (no schema yet)'} ({state})")


@alias_app.command("add")
def alias_add(
    printed: Annotated[str, typer.Argument(help="The name as pages print it, e.g. 'Nikkei Stock Average'.")],
    canonical: Annotated[str, typer.Argument(help="The instrument it means: a known name, alias or symbol, or a new name.")],
    db: DbOption = None,
) -> None:
    """Teach the store that a printed name means an instrument.

    Example: `ticker alias add "Nikkei Stock Average" "^N225"`.
    """
    from .store import StoreError

    store = _open_store(db)
    try:
        target = store.add_alias(printed, canonical)
    except StoreError as err:
        raise _fail(str(err)) from None
    typer.echo(f"{printed!r} -> {target['name']} ({target['symbol'] or 'no symbol'})")


def main() -> None:
    import os

    try:
        app(standalone_mode=True)
    except Exception as err:  # a bug, not bad input: still one line, the traceback on request
        if os.environ.get("TICKER_DEBUG"):
            raise
        typer.echo(f"error: internal: {err.__class__.__name__}: {err} (TICKER_DEBUG=1 shows the traceback)", err=True)
        raise SystemExit(1) from None
