"""The ``ticker`` command: arguments in, formatting out. No SQL and no parsing logic here.

pandas and SQLAlchemy are imported inside the commands that need them, so ``ticker --help`` and
``ticker parse`` start fast.
"""

from __future__ import annotations

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
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output: a table, or csv/json for pipes.")]
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
) -> None:
    """Parse pages and store each as a snapshot (the same bytes twice are stored once).

    Example: `ticker ingest data/samples/` then `ticker report --index Nikkei`.
    """
    from .store import IngestSummary

    store = _open_store(db)
    inputs = list(pages.expand(paths, recursive=recursive))
    summary = IngestSummary()
    results = store.iter_ingest(inputs, at=at, strict=strict)
    with _progress(len(inputs)) as advance:
        for result in results:
            summary.add(result)
            _print_result(result, quiet)
            advance()
    typer.echo(
        f"{summary.stored} pages stored ({summary.quotes} quotes), {summary.duplicates} already stored, "
        f"{summary.no_strip} without a ticker strip, {summary.errors} errors"
    )
    store.close()
    if summary.errors:
        raise typer.Exit(1)


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

    def __enter__(self):
        if self.total >= 20 and sys.stderr.isatty():
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
) -> None:
    """Parse pages and print their quotes, without storing anything.

    Example: `ticker parse --format json page.txt`.
    """
    from .instruments import resolve
    from .parse import parse as parse_text

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
        parsed = parse_text(page.text, strict=strict)
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
             "quotes": quotes, "warnings": [*page.notes, *parsed.warnings]}
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
        for warning in report["warnings"]:
            console.print(f"  warning: {warning}", style="yellow")


# ------------------------------------------------------------------------------------------ report


@app.command()
def report(
    index: Annotated[
        Optional[str],
        typer.Option("--index", "-i", help='Instrument: any printed name, alias or symbol ("Nikkei", "NIKKEI 225", "^N225").'),
    ] = None,
    db: DbOption = None,
    output_format: FormatOption = Format.table,
) -> None:
    """One instrument's time series and its summary; with no --index, the board of latest quotes.

    Example: `ticker report --index Nikkei`, or `ticker report --format csv > board.csv`.
    """
    from .report import summary
    from .store import StoreError, UnknownInstrument

    store = _open_store(db)
    try:
        if index is None:
            _emit(store.latest(), output_format, title="Latest quotes")
            return
        series = store.series(index)
    except UnknownInstrument as err:
        raise _fail(str(err)) from None
    except StoreError as err:
        raise _fail(str(err)) from None
    name = series.attrs.get("instrument", index)
    frame = series.reset_index()[["captured_at", "value", "change", "change_pct", "source"]]
    stats = summary(series)
    if output_format is Format.json:
        typer.echo(json.dumps({"instrument": name, "symbol": series.attrs.get("symbol"),
                               "summary": _jsonable(stats), "series": json.loads(_to_json(frame))}, indent=1))
    elif output_format is Format.csv:
        _emit(frame, output_format)
    else:
        _emit(frame, output_format, title=f"{name} ({series.attrs.get('symbol') or 'no symbol'})")
        _print_summary(name, stats)


def _jsonable(stats: dict) -> dict:
    import pandas as pd

    return {k: (v.isoformat() if isinstance(v, pd.Timestamp) else v) for k, v in stats.items()}


def _print_summary(name: str, stats: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{name}: summary", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    if not stats.get("count"):
        table.add_row("points", "0")
    else:
        table.add_row("points", str(stats["count"]))
        table.add_row("first", f"{stats['first_value']:,.4f}".rstrip("0").rstrip(".") + f"  at {_time(stats['first_at'])}")
        table.add_row("last", f"{stats['last_value']:,.4f}".rstrip("0").rstrip(".") + f"  at {_time(stats['last_at'])}")
        table.add_row("min", f"{stats['min_value']:,.4f}".rstrip("0").rstrip(".") + f"  at {_time(stats['min_at'])}")
        table.add_row("max", f"{stats['max_value']:,.4f}".rstrip("0").rstrip(".") + f"  at {_time(stats['max_at'])}")
        table.add_row("change", f"{stats['change']:+,.4f}".rstrip("0").rstrip(".") + f"  ({stats['change_pct']:+.2f}%)")
    Console().print(table)


def _time(ts) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S %Z")


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


def _to_json(frame: pd.DataFrame) -> str:
    return frame.to_json(orient="records", date_format="iso", date_unit="s", force_ascii=False)


def _emit(frame: pd.DataFrame, output_format: Format, title: str | None = None) -> None:
    """Write a DataFrame as a rich table, CSV or JSON (one shared path for every command)."""
    if output_format is Format.csv:
        sys.stdout.write(frame.to_csv(index=False, date_format="%Y-%m-%dT%H:%M:%S%z"))
        return
    if output_format is Format.json:
        typer.echo(json.dumps(json.loads(_to_json(frame)), indent=1, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for name in frame.columns:
        numeric = frame[name].dtype.kind in "if"
        table.add_column(name, justify="right" if numeric else "left")
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    Console().print(table)


def _cell(value) -> str:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


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
