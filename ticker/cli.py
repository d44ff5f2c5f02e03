"""The ``ticker`` command: arguments in, formatting out. No SQL and no parsing logic here.

pandas and SQLAlchemy are imported inside the commands that need them, so ``ticker --help`` and
``ticker parse`` start fast.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from . import pages
from .errors import TickerError

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

class _Commands(TyperGroup):
    """The commands, with ticker's errors caught in one place: bad input, an unusable store or
    an unknown name is one line (``error: …``) and exit 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TickerError as err:
            raise _fail(str(err)) from None


class _Command(TyperCommand):
    """A command whose usage line names its arguments as words (``PATH…``, ``PRINTED``), not as
    typer writes them (``{paths}...``)."""

    def collect_usage_pieces(self, ctx):
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces


_HELP = {"help_option_names": ["-h", "--help"]}


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"ticker {version('ticker')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("ticker (not installed)")
        raise typer.Exit()


app = typer.Typer(
    cls=_Commands,
    context_settings=_HELP,
    name="ticker",
    help="Pull market-quote strips out of saved web pages into a time series, and report on them.",
    no_args_is_help=True,
    add_completion=False,
    # Plain help: rendering it with rich costs more start-up time than the whole command.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,  # main() turns unexpected errors into one line
)
db_app = typer.Typer(help="Schema operations on a store (it is upgraded on open anyway).", no_args_is_help=True,
                     context_settings=_HELP)
alias_app = typer.Typer(help="Printed names -> instruments.", no_args_is_help=True, context_settings=_HELP)


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print ticker's version and exit.")] = None,
) -> None:
    """Pull market-quote strips out of saved web pages into a time series, and report on them."""

app.add_typer(db_app, name="db")
app.add_typer(alias_app, name="alias")


class Format(str, Enum):
    """The output formats, named alike in every command that prints data."""

    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class ParseFormat(str, Enum):
    table = "table"
    json = "json"


class SummaryFormat(str, Enum):
    """How ingest and reparse print their run: lines for people, or one JSON object for scripts."""

    table = "table"
    json = "json"


# Options shared by several commands, declared once.
DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        envvar="TICKER_DB",
        metavar="PATH|URL",
        help="Store: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://…). Default data/ticker.db.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output: a table; markdown; html (one self-contained page); csv, json or jsonl "
                 "(one object a line) for pipes."),
]
PathsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH…", help="Page files (text, HTML, MHTML, also .gz/.bz2/.xz/.zst), .zip or WARC/ARC archives of pages, folders of them, or - for stdin.")
]
RecursiveOption = Annotated[bool, typer.Option("--recursive", "-r", help="Look for pages in subfolders too.")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Drop quotes that fail the arithmetic check.")]
AtOption = Annotated[
    Optional[datetime],
    typer.Option(
        "--at",
        metavar="TIME",
        formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M", "%Y-%m-%d"],
        help="Capture time (ISO 8601; UTC unless it has an offset). Default: the page's own time, "
        "else the file's modification time, else now.",
    ),
]


_CONTROL = None


def shown(text: str) -> str:
    r"""Text from outside (a file name, a page's words) as it may reach a terminal: control
    characters escaped, so that ESC sequences cannot drive the terminal and a newline in a
    name cannot break the one-line-per-page output.

    >>> print(shown("a\x1b[2Jb\nc"))
    a\x1b[2Jb\nc
    """
    global _CONTROL
    if _CONTROL is None:
        import re

        _CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return _CONTROL.sub(lambda m: named.get(m.group(), f"\\x{ord(m.group()):02x}"
                        if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"), text)


def _fail(message: str, code: int = 1) -> typer.Exit:
    from .errors import redact

    typer.echo(f"error: {shown(redact(message))}", err=True)
    return typer.Exit(code)


def _open_store(db: str | None, *, create: bool = False) -> Store:
    """The store ``--db`` names. Only ``ingest`` and ``db upgrade`` make one: every other
    command on a store that is not there says ``no store at … (run ticker ingest first)``."""
    from .store import Store

    return Store(db, create=create)


# ------------------------------------------------------------------------------------------ ingest


@app.command(cls=_Command)
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    recursive: RecursiveOption = False,
    at: AtOption = None,
    strict: StrictOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and the summary.")] = False,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Pages per write transaction: smaller shows new pages to readers sooner, "
        "larger is faster. A page is stored whole or not at all either way.")] = 500,  # ingest.BATCH_PAGES
    output_format: Annotated[SummaryFormat, typer.Option(
        "--format", "-f", help="table: a line per page and a summary; json: only the summary, one JSON object "
        "(problems still go to stderr).")] = SummaryFormat.table,
) -> None:
    """Parse pages and store each as a snapshot (the same bytes twice are stored once).

    Example: `ticker ingest data/samples/` then `ticker report --index Nikkei`; a web archive:
    `ticker ingest crawl.warc.gz` (each HTML record a page).
    """
    from . import ingest as ingest_
    from .records import IngestSummary

    at = _in_range(at)
    with _fewer_collections():
        writer = ingest_.open_writer(db)  # a SQLite store at head: no SQLAlchemy import
        inputs: Iterable[pages.PageInput | pages.BadInput] = pages.expand(paths, recursive=recursive)
        bar = _progress()
        if _progress.wanted():  # on a terminal; a pipe or a log streams the pages
            size = pages.input_bytes(paths, recursive=recursive)
            if size.packed:  # an archive is read as it is ingested, never listed first: by bytes
                bar = _progress(total_bytes=size.total)
            else:  # a bar of pages needs the count up front
                inputs = list(inputs)
                bar = _progress(len(inputs))
        summary = IngestSummary()
        results = ingest_.ingest(writer, inputs, at=at, strict=strict, batch_pages=batch_size,
                                 on_bytes=bar.bytes_through if bar.total_bytes else None)
        output_closed = False
        with bar as advance:
            for result in results:
                summary.add(result)
                try:
                    _print_result(result, quiet or output_closed or output_format is SummaryFormat.json)
                except BrokenPipeError:  # `ticker ingest DIR | head -1`: the printing ends, not the ingest
                    output_closed = True
                    _drop_stdout()
                advance()
        writer.close()
        if output_closed:
            _echo_stderr(f"ticker: the output was closed; the ingest went on: {_ingest_summary_line(summary)}")
        else:
            try:
                _print_ingest_summary(summary, output_format)
            except BrokenPipeError:
                _drop_stdout()
                _echo_stderr(f"ticker: the output was closed; the ingest went on: {_ingest_summary_line(summary)}")
        if summary.errors:
            raise typer.Exit(1)


def _drop_stdout() -> None:
    """stdout was closed by its reader: send what is still to be written (Python's buffer too,
    flushed at exit) to the null device, so that nothing fails on it again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _echo_stderr(line: str) -> None:
    try:
        typer.echo(line, err=True)
    except OSError:
        pass  # stderr is gone too: nobody is listening


def _in_range(at: datetime | None) -> datetime | None:
    """``--at`` as an aware time (UTC unless it has an offset) that UTC can hold: a usage error
    otherwise (``9999-12-31T23:59:59-1400`` is past the year 9999 in UTC)."""
    if at is None:
        return None
    from datetime import UTC

    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    try:
        aware.astimezone(UTC)
    except OverflowError:
        raise typer.BadParameter(f"{at.isoformat()} is out of range in UTC (years 1 to 9999)",
                                 param_hint="'--at'") from None
    return aware


def _ingest_summary_line(summary) -> str:
    """'3 pages stored (45 quotes), 1 already stored, 0 without a ticker strip, 1 error'.

    >>> from ticker.records import IngestSummary
    >>> _ingest_summary_line(IngestSummary(stored=1, quotes=1, errors=1))
    '1 page stored (1 quote), 0 already stored, 0 without a ticker strip, 1 error'
    """
    line = (f"{_count(summary.stored, 'page')} stored ({_count(summary.quotes, 'quote')}), "
            f"{summary.duplicates} already stored, {summary.no_strip} without a ticker strip, "
            f"{_count(summary.errors, 'error')}")
    if summary.warned:
        line += f" ({_count(summary.warned, 'page')} with warnings)"
    return line


def _mtime_note(summary) -> str | None:
    """What to say when pages took their capture time from their file's modification time."""
    if not summary.from_mtime:
        return None
    which = "it" if summary.from_mtime == 1 else "them"
    return (f"note: {_count(summary.from_mtime, 'page')} took {'its' if summary.from_mtime == 1 else 'their'} "
            f"capture time from the file's modification time (no time in the page or its name); a copy or "
            f"a git clone resets it: give --at, or name {which} with a timestamp (2024-05-17T0800_page.html)")


def _print_ingest_summary(summary, output_format) -> None:
    if output_format is SummaryFormat.json:
        typer.echo(json.dumps({
            "stored": summary.stored, "quotes": summary.quotes, "duplicates": summary.duplicates,
            "no_strip": summary.no_strip, "errors": summary.errors, "warned": summary.warned,
            "from_mtime": summary.from_mtime,
            "failed": [{"source": r.source, "reason": r.reason} for r in summary.failed],
        }, indent=1, ensure_ascii=False))
        return
    typer.echo(_ingest_summary_line(summary))
    note = _mtime_note(summary)
    if note:
        typer.echo(note, err=True)


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
        from .errors import redact

        typer.echo(f"{shown(result.source)}: error: {shown(redact(result.reason or ''))}", err=True)
        return
    if not quiet:
        line = {
            "stored": f"stored {result.quotes} quotes",
            "duplicate": "already stored",
            "no_strip": "no ticker strip found",
        }[result.status]
        typer.echo(f"{shown(result.source)}: {line}")
    for warning in result.warnings:
        typer.echo(f"{shown(result.source)}: warning: {shown(warning)}", err=True)


class _progress:
    """A progress bar on stderr when it is a terminal; else nothing. By pages (counted up front)
    when there are 20 or more; by bytes of the input files read through (with the speed) when an
    input is an archive or a compressed page (of 1 MiB or more in all): an archive is read as it
    is ingested, and listing its pages first would read a 1 GB WARC through before the first page."""

    MIN_PAGES = 20
    MIN_BYTES = 1 << 20

    def __init__(self, total: int = 0, *, total_bytes: int = 0, console=None):
        self.total = total
        self.total_bytes = total_bytes
        self.console = console
        self.bar = None
        self.task = None

    @staticmethod
    def wanted() -> bool:
        return sys.stderr.isatty()

    def __enter__(self):
        by_bytes = self.total_bytes >= self.MIN_BYTES
        if not (by_bytes or self.total >= self.MIN_PAGES) or not (self.console is not None or self.wanted()):
            return lambda: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        console = self.console or Console(stderr=True)
        if by_bytes:
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                TransferSpeedColumn(), TimeRemainingColumn(), console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingesting", total=self.total_bytes)
            return lambda: None
        self.bar = Progress(console=console, transient=True)
        self.bar.start()
        task = self.bar.add_task("ingesting", total=self.total)
        return lambda: self.bar.advance(task)

    def bytes_through(self, done: int) -> None:
        """The ingest's ``on_bytes``: how many bytes of the inputs are through."""
        if self.bar is not None and self.task is not None:
            # the whole was the sizes before the ingest began: a file that grew since moves it on
            self.bar.update(self.task, completed=done, total=max(self.total_bytes, done))

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


# ------------------------------------------------------------------------------------------- parse


@app.command("parse", cls=_Command)
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
    output: OutputOption = None,
) -> None:
    """Parse pages and print their quotes, without storing anything.

    Example: `ticker parse --format json page.txt`; `ticker parse --explain page.txt` says why.
    """
    with _into(output):
        _parse(paths, output_format, strict, explain)


def _parse(paths, output_format, strict, explain) -> None:
    from .preview import describe

    reports = [describe(item, strict=strict, explain=explain) for item in pages.expand(paths)]
    failed = False
    for report in reports:
        if "error" in report:
            failed = True
            typer.echo(f"{shown(report['path'])}: error: {shown(report['error'])}", err=True)
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
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    for report in reports:
        if "error" in report:
            continue
        title = escape(f"{shown(report['path'])} — {shown(report['market_status'] or 'no market status')}")
        table = Table(title=title, title_justify="left")
        for col, justify in (("name", "left"), ("instrument", "left"), ("value", "right"), ("change", "right"),
                             ("change_pct", "right"), ("check", "center")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
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
            console.print(escape(f"  warning: {shown(warning)}"), style="yellow")


# ------------------------------------------------------------------------------------------ report

IndexesOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--index", "-i",
        metavar="NAME",
        help='Instrument: any printed name, alias or symbol ("Nikkei", "NIKKEI 225", "^N225"). '
        "Repeat for several (report puts them side by side).",
        show_default=False,
    ),
]
SinceOption = Annotated[
    Optional[str],
    typer.Option("--since", metavar="TIME", help="Only points at or after this date or ISO time (2024-05-18, 2024-05-18T09:00+08:00; "
                 "without an offset, in --tz, else UTC).", show_default=False),
]
UntilOption = Annotated[
    Optional[str],
    typer.Option("--until", metavar="TIME", help="Only points at or before this ISO time, or until the end of this date.", show_default=False),
]
LastOption = Annotated[
    Optional[int], typer.Option("--last", "-n", min=1, metavar="N", help="Only the newest N points (of each instrument; "
                                 "with --resample, buckets).", show_default=False)
]
TzOption = Annotated[
    Optional[str],
    typer.Option("--tz", metavar="ZONE", help="Show times in this IANA zone (Asia/Tokyo, Europe/London); stored times stay UTC.", show_default=False),
]
SiteOption = Annotated[
    Optional[str],
    typer.Option("--site", metavar="HOST", help="Only pages whose URL is on this site or under it "
                 "(example.com takes www.example.com); pages without a known URL are left out.", show_default=False),
]
OutputOption = Annotated[
    Optional[Path], typer.Option("--output", "-o", dir_okay=False, metavar="FILE", help="Write to this file instead of stdout.", show_default=False)
]
TABLE_ROWS = 40  # a terminal table longer than this shows its first and last rows


@app.command(cls=_Command)
def report(
    index: IndexesOption = None,
    db: DbOption = None,
    output_format: FormatOption = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
    last: LastOption = None,
    resample: Annotated[
        Optional[str],
        typer.Option("--resample", metavar="RULE", help="Buckets of this pandas offset (15min, 1h, 1D, 1W, ME), each labelled by "
                     "its start (a week by its Monday): OHLC of the value, and the change and % change of the "
                     "close against the previous bucket's close; empty buckets left out; --last counts buckets.",
                     show_default=False),
    ] = None,
    rebased: Annotated[
        bool, typer.Option("--rebase", help="Each instrument as 100 at its first point (a rebased column, or the "
                           "side-by-side values), in tables, csv/json and the chart: instruments of any scale compared.")
    ] = False,
    distinct: Annotated[
        bool, typer.Option("--distinct", help="Drop consecutive repeats of the same value (a closed market on many pages).")
    ] = False,
    tz: TzOption = None,
    site: SiteOption = None,
    output: OutputOption = None,
    plot: Annotated[
        Optional[Path],
        typer.Option("--plot", dir_okay=False, metavar="FILE.png", help="Also draw a line chart of the values to this PNG file.", show_default=False),
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
    if not index and (since or until or last or resample or distinct or plot or rebased or site):
        raise _fail("--since, --until, --last, --resample, --distinct, --rebase, --site and --plot need an --index "
                    "(with none, the report is the board of latest quotes)")
    built = None
    quick = (index and len(index) == 1 and resample is None and plot is None and not rebased
             and output_format is not Format.html)
    if quick and index:  # the common case, answered without pandas or SQLAlchemy when the store allows
        built = rep.build_quick(db, index[0], since=since, until=until, last=last, drop_repeats=distinct, tz=tz,
                                site=site)
    if built is None:
        store = _open_store(db)
        try:
            if not index:
                board = store.latest()
                _emit(rep.to_timezone(board, tz), output_format, title="Latest quotes", output=output)
                _say_if_empty(board, store.url)
                return
            built = rep.build(store, index, since=since, until=until, last=last, rule=resample,
                              drop_repeats=distinct, tz=tz, rebased=rebased, site=site)
        finally:
            store.close()
    chart = None
    if plot is not None or output_format is Format.html:
        from .report.plot import chart_png

        chart = chart_png(built.chart or {}, tz=built.tz, rebased=built.rebased)
        if plot is not None:
            _write(chart, plot)
    _emit(built.table, output_format, built.title, subtitle=built.subtitle, summary=built.summary,
          document=built.document() if output_format is Format.json else None, chart=chart, output=output, max_rows=TABLE_ROWS)
    if not built.table.rows:
        from .db.location import database_url

        _say_if_empty(built.table, database_url(db), window=True)


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command(cls=_Command)
def export(
    index: IndexesOption = None,
    db: DbOption = None,
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, json (one array), jsonl (one object a line) or parquet (typed: tz-aware times, float64, strings).")
    ] = ExportFormat.csv,
    since: SinceOption = None,
    until: UntilOption = None,
    last: LastOption = None,
    tz: TzOption = None,
    site: SiteOption = None,
    output: OutputOption = None,
) -> None:
    """Every stored quote as one long table: captured_at, instrument, symbol, name as printed,
    value, change, change_pct, source, market status and the page's URL (when known). With no
    --index, all instruments; --site example.com keeps the pages of one site.

    Example: `ticker export --format parquet -o quotes.parquet`, or
    `ticker export --index Nikkei --since 2024-05-01 > nikkei.csv`.
    """
    from . import report as rep

    if export_format is ExportFormat.parquet and output is None and sys.stdout.isatty():
        raise _fail("parquet is binary: give --output FILE.parquet (or redirect stdout)")
    store = _open_store(db)
    try:
        bounds = rep.time_bound(since, tz), rep.time_bound(until, tz, end=True)
        frame = rep.to_timezone(store.long(index or None, since=bounds[0], until=bounds[1], last=last, site=site), tz)
    finally:
        store.close()
    if export_format is ExportFormat.parquet:
        if output is None:
            sys.stdout.flush()
            rep.write_parquet(frame, sys.stdout.buffer)
        else:
            from .report.files import write_atomic

            write_atomic(output, lambda fh: rep.write_parquet(frame, fh))
        return
    writers = {ExportFormat.jsonl: rep.to_jsonl, ExportFormat.json: lambda f: rep.to_json(f) + "\n",
               ExportFormat.csv: rep.to_csv}
    _write(writers[export_format](frame), output)


@app.command(cls=_Command)
def indexes(db: DbOption = None, output_format: FormatOption = Format.table, output: OutputOption = None) -> None:
    """Every instrument in the store, with its number of quotes and when it was first and last seen.

    Example: `ticker indexes --format csv`.
    """
    store = _open_store(db)
    try:
        frame = store.instruments()
    finally:
        store.close()
    _emit(frame, output_format, title="Instruments", output=output)
    _say_if_empty(frame, store.url)


def _say_if_empty(frame, url: str, window: bool = False) -> None:
    """An empty answer names the store it read (a typo in --db reads another, empty store)."""
    if not (frame.rows if hasattr(frame, "rows") else len(frame)):
        from .db.location import safe_url

        if window:
            typer.echo(f"no quotes in {safe_url(url)} match (widen --since/--until, or drop --site)", err=True)
        else:
            typer.echo(f"no quotes in {safe_url(url)} (ticker ingest PATH… stores some)", err=True)


@app.command(cls=_Command)
def doctor(
    db: DbOption = None,
    full: Annotated[bool, typer.Option("--full", help="Run SQLite's full integrity_check instead of quick_check.")] = False,
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="table for people; json for programs.")
    ] = ParseFormat.table,
    output: OutputOption = None,
) -> None:
    """Check a store without changing it: schema version, integrity, counts, snapshots without quotes.

    Exits 1 when it finds a problem. Example: `ticker doctor --db quotes.db`.
    """
    from dataclasses import asdict

    from .store import Store

    store = Store(db, migrate_on_open=False, create=False, verify=False)
    found = store.doctor(full=full)
    store.close()
    with _into(output):
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
            bare += " (e.g. " + ", ".join(f"#{i} {shown(src)}" for i, src in found.examples_without_quotes[:3]) + ")"
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
    elif output_format is Format.jsonl:
        _write(rep.to_jsonl(frame), output)
    elif output_format is Format.markdown:
        _write(rep.to_markdown(frame, title, subtitle, summary), output)
    elif output_format is Format.html:
        _write(rep.to_html(frame, title, subtitle, summary, chart), output)
    elif output is None:
        _print_tables(frame, title, subtitle, summary, max_rows, file=None)
    else:
        import io

        text = io.StringIO()
        _print_tables(frame, title, subtitle, summary, max_rows, file=text)
        _write(text.getvalue(), output)


def _print_tables(frame, title, subtitle, summary, max_rows, file) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    from .report import SUMMARY_DISPLAY, Table, display, fit_columns, summary_display, summary_rows

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
    numeric = table.numeric()
    columns, shown, dropped = fit_columns(table.columns, shown, numeric, console.width)
    if dropped:
        caption = (f"{caption}\n" if caption else "") + (
            f"left out to fit {console.width} columns: {', '.join(dropped)} (a wider terminal or --format csv shows them)"
        )
    out = RichTable(title=title, title_justify="left", caption=caption, caption_justify="left")
    for name in columns:
        i = table.columns.index(name)
        texts = [name] + [row[columns.index(name)] for row in shown]
        whole = numeric[i] or name.endswith("_at") or name in ("bucket", "first_seen", "last_seen")
        # Numbers and times are never cut or wrapped: the names around them wrap instead.
        out.add_column(name, justify="right" if numeric[i] else "left", no_wrap=whole,
                       min_width=max(len(t) for t in texts) if whole else None)
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


@contextlib.contextmanager
def _into(output: Path | None):
    """What a command prints goes to ``output`` (written whole, as :func:`_write` does) when given;
    also when the command ends with an exit code (doctor finding a problem)."""
    if output is None:
        yield
        return
    import io

    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            yield
    except typer.Exit:
        _write(buffer.getvalue(), output)
        raise
    _write(buffer.getvalue(), output)


def _write(content: str | bytes, output: Path | None) -> None:
    """Text or bytes to stdout, or to ``output`` whole or not at all (a temporary file beside it,
    renamed into place; a failure is one line: ``cannot write FILE: reason``)."""
    if output is None:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return
    from .report.files import write_atomic

    write_atomic(output, content)


@app.command(cls=_Command)
def reparse(
    db: DbOption = None,
    apply: Annotated[bool, typer.Option("--apply", help="Store the new parse (default: only report what would change).")] = False,
    strict: StrictOption = False,
    output_format: Annotated[SummaryFormat, typer.Option(
        "--format", "-f", help="table: what changed, snapshot by snapshot, and a summary; json: one object "
        "(the counts and each changed snapshot).")] = SummaryFormat.table,
    output: OutputOption = None,
) -> None:
    """Re-run the current parser over every stored page and report what changed (so parser fixes reach old snapshots).

    Example: `ticker reparse`, then `ticker reparse --apply`.
    """
    with _into(output):
        _reparse(db, apply, strict, output_format)


def _reparse(db, apply, strict, output_format) -> None:
    store = _open_store(db)
    counts = {"same": 0, "changed": 0, "no_text": 0}
    changed = []
    try:
        for result in store.reparse(apply=apply, strict=strict):
            counts[result.status] += 1
            if result.status != "changed":
                continue
            if output_format is SummaryFormat.json:
                changed.append({"snapshot_id": result.snapshot_id, "source": result.source,
                                "old_status": result.old_status, "new_status": result.new_status,
                                "removed": [list(q) for q in result.removed], "added": [list(q) for q in result.added]})
                continue
            typer.echo(f"snapshot {result.snapshot_id} ({shown(result.source)}):")
            if result.old_status != result.new_status:
                typer.echo(f"  status: {result.old_status!r} -> {result.new_status!r}")
            for name, value, change, pct in result.removed:
                typer.echo(f"  - {name} {value:g} {change:+g} ({pct:+g}%)")
            for name, value, change, pct in result.added:
                typer.echo(f"  + {name} {value:g} {change:+g} ({pct:+g}%)")
    finally:
        store.close()
    if output_format is SummaryFormat.json:
        typer.echo(json.dumps({**counts, "applied": apply, "snapshots": changed}, indent=1, ensure_ascii=False))
        return
    verb = "changed and stored" if apply else "would change (--apply to store)"
    typer.echo(f"{_count(counts['changed'], 'snapshot')} {verb}, {counts['same']} unchanged, "
               f"{counts['no_text']} without stored text")


# ------------------------------------------------------------------------------------- db / alias


@db_app.command("upgrade", cls=_Command)
def db_upgrade(db: DbOption = None) -> None:
    """Upgrade the store's schema to the newest revision (creating the store if needed).

    Example: `ticker db upgrade --db postgresql+psycopg://localhost/quotes`.
    """
    from .db import migrate

    store = _open_store(db, create=True)  # opening upgrades
    with store.engine.connect() as conn:
        typer.echo(f"{store!r} is at revision {migrate.current_revision(conn)} (head)")


@db_app.command("current", cls=_Command)
def db_current(db: DbOption = None) -> None:
    """Print the store's schema revision, without changing anything.

    Example: `ticker db current`.
    """
    from .db import migrate
    from .store import Store

    store = Store(db, migrate_on_open=False, create=False)
    revision = store.revision()
    state = "head" if revision == migrate.HEAD_REVISION else f"head is {migrate.HEAD_REVISION}"
    typer.echo(f"{revision or 'empty (no schema yet)'} ({state})")


@alias_app.command("add", cls=_Command)
def alias_add(
    printed: Annotated[str, typer.Argument(metavar="PRINTED", help="The name as pages print it, e.g. 'Nikkei Stock Average'.")],
    canonical: Annotated[str, typer.Argument(metavar="CANONICAL", help="The instrument it means: a known name, alias or symbol (or, with --create, a new name).")],
    db: DbOption = None,
    create: Annotated[bool, typer.Option("--create", help="Make CANONICAL a new instrument if no instrument goes by that name "
                                         "(without it, an unknown name is refused: a typo would make one).")] = False,
) -> None:
    """Teach the store that a printed name means an instrument; quotes stored under the name move
    to it, and the command says what changed.

    Example: `ticker alias add "Nikkei Stock Average" "^N225"`.
    """
    store = _open_store(db)
    try:
        target = store.add_alias(printed, canonical, create=create)
    finally:
        store.close()
    name = f"{target['name']} ({target['symbol'] or 'no symbol'})"
    if target["previous"] is None:
        typer.echo(f"added {printed!r} -> {name}")
    elif target["previous"] == target["name"]:
        typer.echo(f"{printed!r} already meant {name}: nothing moved")
    else:
        typer.echo(f"{printed!r} -> {name}, was {target['previous']}; moved {_count(target['moved'], 'quote')} "
                   f"from {target['previous']} to {target['name']}")


@alias_app.command("list", cls=_Command)
def alias_list(db: DbOption = None, output_format: FormatOption = Format.table, output: OutputOption = None) -> None:
    """Every printed name the store knows, the instrument it means, whether a page (seen) or you
    (user) set it, and how many quotes were stored under it.

    Example: `ticker alias list --format csv`.
    """
    store = _open_store(db)
    try:
        frame = store.aliases()
    finally:
        store.close()
    _emit(frame, output_format, title="Aliases", output=output)


@alias_app.command("remove", cls=_Command)
def alias_remove(
    printed: Annotated[str, typer.Argument(metavar="PRINTED", help="The printed name to forget.")],
    db: DbOption = None,
) -> None:
    """Forget a printed name. Its stored quotes stay with their instrument; a page printing the
    name again is named by ticker's own table (or as printed).

    Example: `ticker alias remove "Nikkei Stock Avg"`.
    """
    store = _open_store(db)
    try:
        removed = store.remove_alias(printed)
    finally:
        store.close()
    typer.echo(f"removed {removed['printed']!r} -> {removed['instrument']} ({removed['origin']}); "
               f"its stored quotes stay with {removed['instrument']}")


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 quote', '41 quotes' (no thousands separator: scripts read these lines).

    >>> _count(1, "error"), _count(0, "error"), _count(2, "page", "pages")
    ('1 error', '0 errors', '2 pages')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def main() -> None:
    import os
    import signal

    if getattr(signal.getsignal(signal.SIGINT), "ticker_startup", False):  # see ticker/__init__.py
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:  # Ctrl-C while typer builds the commands, before click's own handling
        raise SystemExit(130) from None
    except BrokenPipeError:  # `ticker report -f csv | head -1`: the reader has what it wanted
        _drop_stdout()
        raise SystemExit(0) from None
    except Exception as err:  # a bug, not bad input: still one line, the traceback on request
        if os.environ.get("TICKER_DEBUG"):
            raise
        from .errors import redact

        typer.echo(redact(f"error: internal: {err.__class__.__name__}: {err} (TICKER_DEBUG=1 shows the traceback)"),
                   err=True)
        raise SystemExit(1) from None
