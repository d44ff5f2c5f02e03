"""Reports: typed frames, summaries, resampling, time zones, wide tables, and the writers behind
every output format (csv, json, jsonl, markdown, html, parquet).

Nothing here talks SQL: :class:`ticker.Store` fetches the rows (or, for the command line's fast
path, :mod:`ticker.db.queries`), this module shapes them. pandas is imported inside the functions that
need it: the summary arithmetic and the writers are plain Python over a :class:`Table`, so a plain
``ticker report --index NAME`` starts without pandas and answers in well under a second.

>>> import pandas as pd
>>> df = frame([("2024-05-17 08:00:00", 100.0), ("2024-05-18 08:00:00", 90.0), ("2024-05-19 08:00:00", 99.0)],
...            {"captured_at": "datetime", "value": "float64"}).set_index("captured_at")
>>> s = summary(df)
>>> s["count"], s["first_value"], s["last_value"], s["min_value"], s["change"], round(s["change_pct"], 2)
(3, 100.0, 99.0, 90.0, -1.0, -1.0)
>>> str(s["min_at"])
'2024-05-18 08:00:00+00:00'
>>> s["stale"], s["largest_move"], str(s["largest_move_at"])
(0, -10.0, '2024-05-18 08:00:00+00:00')
"""

from __future__ import annotations

import html as _html
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from .analysis import _offset, check_rule, distinct, resample, time_bound, to_timezone, wide, zone  # noqa: F401
from .errors import ReportError
from .frames import SUMMARY_COLUMNS, TIME_UNIT, _tz_of, frame, summary, summary_table  # noqa: F401
from .summary import summarize

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

__all__ = [
    "ReportError",
    "Report",
    "Table",
    "frame",
    "summarize",
    "summary",
    "summary_table",
    "distinct",
    "resample",
    "wide",
    "to_timezone",
    "time_bound",
    "build",
    "build_quick",
    "to_csv",
    "to_json",
    "to_jsonl",
    "records",
    "to_markdown",
    "to_html",
    "write_parquet",
]

SERIES_TABLE = ["captured_at", "value", "change", "change_pct", "source"]


# ------------------------------------------------------------------------- plain-Python core


@dataclass
class Table:
    """What the writers write: column names and rows of plain values (aware datetimes, floats,
    ints, strings, bools, None). :meth:`of` turns a DataFrame into one."""

    columns: list[str]
    rows: list[tuple]

    @classmethod
    def of(cls, data: Table | pd.DataFrame) -> Table:
        if isinstance(data, Table):
            return data
        import pandas as pd

        columns = []
        for name in data.columns:
            col = data[name]
            if isinstance(col.dtype, pd.DatetimeTZDtype):
                values = [None if t is pd.NaT else t for t in col.astype(object)]
            else:
                values = col.astype(object).where(col.notna(), None).tolist()
            columns.append([v.item() if hasattr(v, "item") and not isinstance(v, datetime) else v for v in values])
        return cls([str(c) for c in data.columns], list(zip(*columns)) if columns else [])

    def numeric(self) -> list[bool]:
        """Which columns hold numbers (right-aligned by the human formats)."""
        kinds = []
        for i in range(len(self.columns)):
            seen = [r[i] for r in self.rows[:1000] if r[i] is not None]
            kinds.append(bool(seen) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in seen))
        return kinds


# ----------------------------------------------------------------------------- pandas frames


def write_parquet(df: pd.DataFrame, target) -> None:
    """Parquet through pyarrow: tz-aware timestamp[us], float64, strings; ``target`` a path or binary file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), target)


# ------------------------------------------------------------------------------------ reports


@dataclass
class Report:
    """What ``ticker report`` shows: a table, a summary per instrument, and what the chart draws."""

    names: list[str]
    symbols: list[str | None]
    table: Table  # time column first
    summary: list[dict]  # one summarize() dict per instrument, with instrument and symbol
    chart: dict[str, Any] | None = None  # instrument -> value (or close) Series, for the plot
    tz: str = "UTC"
    options: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        if len(self.names) == 1:
            return f"{self.names[0]} ({self.symbols[0] or 'no symbol'})"
        return ", ".join(self.names)

    @property
    def period(self) -> str:
        """'2024-05-17 08:00 – 2024-05-22 06:55 UTC', or 'no data'."""
        firsts = [s["first_at"] for s in self.summary if s["first_at"] is not None]
        lasts = [s["last_at"] for s in self.summary if s["last_at"] is not None]
        if not firsts:
            return "no data"
        return f"{min(firsts):%Y-%m-%d %H:%M} – {max(lasts):%Y-%m-%d %H:%M} {self.tz}"

    @property
    def subtitle(self) -> str:
        bits = [self.period]
        if self.options.get("resample"):
            bits.append(f"resampled {self.options['resample']}")
        if self.options.get("distinct"):
            bits.append("repeats dropped")
        if self.options.get("last"):
            bits.append(f"last {self.options['last']} points")
        return "; ".join(bits)

    def document(self) -> dict:
        """The JSON document: metadata, summary (a dict for one instrument, else a list) and rows."""
        stats = records(Table(list(self.summary[0]) if self.summary else [], [tuple(s.values()) for s in self.summary]))
        doc: dict = {}
        if len(self.names) == 1:
            doc["instrument"], doc["symbol"] = self.names[0], self.symbols[0]
        else:
            doc["instruments"] = [{"instrument": n, "symbol": s} for n, s in zip(self.names, self.symbols)]
        doc["tz"] = self.tz
        doc.update(self.options)
        if len(self.names) == 1:
            doc["summary"] = {k: v for k, v in stats[0].items() if k not in ("instrument", "symbol")}
        else:
            doc["summary"] = stats
        doc["series"] = records(self.table)
        return doc


def _options(lo, hi, tz, last, rule, drop_repeats) -> dict:
    def iso(value):
        if value is None:
            return None
        return value.astimezone(zone(tz)).isoformat() if tz else value.isoformat()

    return {"since": iso(lo), "until": iso(hi), "last": last, "resample": rule, "distinct": drop_repeats}


def build(
    store: Store,
    names: Sequence[str],
    *,
    since: str | date | datetime | None = None,
    until: str | date | datetime | None = None,
    last: int | None = None,
    rule: str | None = None,
    drop_repeats: bool = False,
    tz: str | None = None,
) -> Report:
    """The report of one or several instruments (what ``ticker report --index …`` prints), via pandas.

    The summary is of the stored points in the window (before ``drop_repeats`` and ``rule``), so
    it can say how many were stale. One instrument gives its series (or OHLC buckets); several a
    wide table of values (or closes) aligned on time.
    """
    check_rule(rule)
    if tz is not None:
        zone(tz)
    lo, hi = time_bound(since, tz), time_bound(until, tz, end=True)
    fetched: dict[str, pd.DataFrame] = {}
    for name in names:
        series = store.series(name, since=lo, until=hi, last=last)
        fetched.setdefault(series.attrs["instrument"], series)  # "Nikkei" twice is one instrument
    shown = {n: to_timezone(s, tz) for n, s in fetched.items()}
    stats = [{"instrument": n, "symbol": s.attrs.get("symbol"),
              **summarize(list(s.index), s["value"].tolist())} for n, s in shown.items()]
    if drop_repeats:
        shown = {n: distinct(s) for n, s in shown.items()}
    if len(shown) == 1:
        [(name, series)] = shown.items()
        if rule is not None:
            buckets = resample(series, rule)
            table, chart = buckets.reset_index(), {name: buckets["close"]}
        else:
            table, chart = series.reset_index()[SERIES_TABLE], {name: series["value"]}
    else:
        table_wide = wide(shown, rule)
        table = table_wide.reset_index()
        chart = {n: table_wide[n].dropna() for n in table_wide.columns}
    return Report(
        names=list(shown), symbols=[s.attrs.get("symbol") for s in fetched.values()], table=Table.of(table),
        summary=stats, chart=chart, tz=tz or "UTC", options=_options(lo, hi, tz, last, rule, drop_repeats),
    )


def build_quick(
    db: str | None,
    name: str,
    *,
    since: str | date | datetime | None = None,
    until: str | date | datetime | None = None,
    last: int | None = None,
    drop_repeats: bool = False,
    tz: str | None = None,
) -> Report | None:
    """:func:`build` for one instrument of a SQLite store, without pandas or SQLAlchemy (the
    command line's fast path); None when it cannot answer (not a SQLite store at the current
    schema revision, a name it does not know) and the full path must.
    """
    from .db.queries import read_series

    zone_info = zone(tz) if tz is not None else None
    lo, hi = time_bound(since, tz), time_bound(until, tz, end=True)
    found = read_series(db, name, since=lo, until=hi, last=last)
    if found is None:
        return None
    (instrument, symbol), rows = found
    if zone_info is not None:
        rows = [(t.astimezone(zone_info), *rest) for t, *rest in rows]
    stats = {"instrument": instrument, "symbol": symbol, **summarize([r[0] for r in rows], [r[1] for r in rows])}
    if drop_repeats:
        rows = [r for i, r in enumerate(rows) if i == 0 or r[1] != rows[i - 1][1]]
    return Report(names=[instrument], symbols=[symbol], table=Table(list(SERIES_TABLE), rows), summary=[stats],
                  tz=tz or "UTC", options=_options(lo, hi, tz, last, None, drop_repeats))


# ------------------------------------------------------------------------- machine formats


def _iso_time(value: datetime, basic_offset: bool = False) -> str:
    """ISO 8601 with offset (+00:00, or +0000 with ``basic_offset``); microseconds only when set."""
    text = value.strftime("%Y-%m-%dT%H:%M:%S.%f%z" if value.microsecond else "%Y-%m-%dT%H:%M:%S%z")
    return text if basic_offset else f"{text[:-2]}:{text[-2:]}"


def _plain(value, basic_offset: bool = False):
    if isinstance(value, datetime):
        return _iso_time(value, basic_offset)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def to_csv(data: Table | pd.DataFrame) -> str:
    """CSV for pipes that round-trips: times ISO 8601 with offset, floats in full precision.

    Read it back with ``pd.read_csv(f)`` and ``pd.to_datetime(col, format="ISO8601", utc=True)``.
    """
    import csv
    import io

    table = Table.of(data)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([_plain(v, basic_offset=True) for v in row] for row in table.rows)
    return out.getvalue()


def records(data: Table | pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: times ISO 8601 with offset, missing values None, numbers as numbers."""
    table = Table.of(data)
    return [dict(zip(table.columns, (_plain(v) for v in row))) for row in table.rows]


def to_json(data: Table | pd.DataFrame | dict) -> str:
    """A table as a JSON array of records, or a prepared document (see :meth:`Report.document`)."""
    doc = data if isinstance(data, (dict, list)) else records(data)
    return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)


def to_jsonl(data: Table | pd.DataFrame) -> str:
    """One JSON object per line (JSON Lines)."""
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in records(data))


# --------------------------------------------------------------------------- human formats


def _decimals(values: Iterable[float], most: int = 4) -> int:
    """The fewest decimals (up to ``most``) that show every value exactly."""
    places = 0
    for v in values:
        while places < most and abs(round(v * 10**places, 6) - round(v * 10**places)) > 1e-6:
            places += 1
        if places == most:
            break
    return places


def _mixed_scales(values: list[float]) -> bool:
    """Values of different instruments: magnitudes more than 100x apart.

    >>> _mixed_scales([40074.69, 4.439]), _mixed_scales([40074.69, 39920.5])
    (True, False)
    """
    sizes = [abs(v) for v in values if v]
    return bool(sizes) and max(sizes) > 100 * min(sizes)


def _number(value: float, sign: bool = False, places: int | None = None) -> str:
    """40,100.00, 4.4501, +0.0985: at least two decimals, up to four when the value has them."""
    if places is None:
        places = max(2, _decimals([value]))
    return f"{value:{'+' if sign else ''},.{places}f}"


def cell(value, column: str | None = None) -> str:
    """One value as people read it: 40,074.69; +443.63 for changes; +1.12% for % changes."""
    if value is None or (isinstance(value, float) and value != value) or str(value) in ("NaT", "<NA>"):
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float):
        if column in ("change", "largest_move"):
            return _number(value, sign=True)
        if column and column.endswith("_pct"):
            return f"{value:+.2f}%"
        return _number(value)
    return str(value)


def display(data: Table | pd.DataFrame) -> list[list[str]]:
    """Rows as text for people (tables, Markdown, HTML): the same decimals down each column,
    thousands separators, signed changes, % on percentages, times without seconds when all are
    on the minute."""
    table = Table.of(data)
    formatters = []
    for i, name in enumerate(table.columns):
        seen = [r[i] for r in table.rows if r[i] is not None and not (isinstance(r[i], float) and r[i] != r[i])]
        if seen and all(isinstance(v, datetime) for v in seen):
            seconds = any(v.second or v.microsecond for v in seen)
            fmt = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
            formatters.append(lambda v, fmt=fmt: v.strftime(fmt))
        elif seen and all(isinstance(v, float) for v in seen):
            pct = name.endswith("_pct")
            sign = "+" if pct or name in ("change", "largest_move") else ""
            suffix = "%" if pct else ""
            if not pct and _mixed_scales(seen):
                # A board: each row another instrument (Bitcoin beside a bond yield), so each value
                # gets its own decimals rather than the most any row needs.
                formatters.append(lambda v, s=sign: _number(v, sign=bool(s)))
                continue
            places = 2 if pct else _decimals(seen)
            formatters.append(lambda v, p=places, s=sign, x=suffix: f"{v:{s},.{p}f}{x}")
        elif seen and all(isinstance(v, int) and not isinstance(v, bool) for v in seen):
            formatters.append(lambda v: f"{v:,}")
        else:
            formatters.append(str)
    return [
        ["" if v is None or (isinstance(v, float) and v != v) else f(v) for v, f in zip(row, formatters)]
        for row in table.rows
    ]


def _at(value, when) -> str:
    if value is None or value != value or when is None:
        return ""
    return f"{_number(value)}  at {when:%Y-%m-%d %H:%M}"


def summary_rows(stats: Mapping) -> list[tuple[str, str]]:
    """One instrument's summary as (label, text) pairs for people."""
    if not stats["count"]:
        return [("points", "0")]
    move = "(one point)"
    if stats["largest_move"] is not None and stats["largest_move"] == stats["largest_move"]:
        pct = f" ({stats['largest_move_pct']:+.2f}%)" if stats["largest_move_pct"] is not None else ""
        move = f"{_number(stats['largest_move'], sign=True)}{pct}  at {stats['largest_move_at']:%Y-%m-%d %H:%M}"
    pct = f" ({stats['change_pct']:+.2f}%)" if stats["change_pct"] is not None else ""
    return [
        ("points", f"{stats['count']:,}"),
        ("stale", f"{stats['stale']:,} (same value as the point before)"),
        ("first", _at(stats["first_value"], stats["first_at"])),
        ("last", _at(stats["last_value"], stats["last_at"])),
        ("min", _at(stats["min_value"], stats["min_at"])),
        ("max", _at(stats["max_value"], stats["max_at"])),
        ("change", f"{_number(stats['change'], sign=True)}{pct}"),
        ("largest move", move),
    ]


SUMMARY_DISPLAY = ["instrument", "points", "stale", "first", "last", "change", "min", "max", "largest move"]


def summary_display(summaries: Sequence[Mapping]) -> list[list[str]]:
    """Summaries as compact text, one row per instrument (:data:`SUMMARY_DISPLAY` columns); the
    times of first, last, min and max are in the one-instrument view."""
    rows = []
    for s in summaries:
        if not s["count"]:
            rows.append([s["instrument"], "0"] + [""] * 7)
            continue
        move = ""
        if s["largest_move"] is not None:
            pct = f" ({s['largest_move_pct']:+.2f}%)" if s["largest_move_pct"] is not None else ""
            move = f"{_number(s['largest_move'], sign=True)}{pct}"
        pct = f" ({s['change_pct']:+.2f}%)" if s["change_pct"] is not None else ""
        rows.append([
            s["instrument"], f"{s['count']:,}", f"{s['stale']:,}", _number(s["first_value"]), _number(s["last_value"]),
            f"{_number(s['change'], sign=True)}{pct}", _number(s["min_value"]), _number(s["max_value"]), move,
        ])
    return rows


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[bool]) -> str:
    lines = ["| " + " | ".join(_md_escape(h) for h in headers) + " |",
             "|" + "|".join("---:" if r else ":---" for r in right) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_markdown(data: Table | pd.DataFrame, title: str | None = None, subtitle: str | None = None,
                summaries: Sequence[Mapping] | None = None) -> str:
    """A Markdown page: title, summary, then the table (GitHub pipe tables)."""
    table = Table.of(data)
    parts = []
    if title:
        parts.append(f"## {title}\n")
    if subtitle:
        parts.append(f"{subtitle}\n")
    if summaries:
        if len(summaries) == 1:
            parts.append(_md_table(["summary", ""], summary_rows(summaries[0]), [False, False]))
        else:
            parts.append(_md_table(SUMMARY_DISPLAY, summary_display(summaries), [False] * len(SUMMARY_DISPLAY)))
    parts.append(_md_table(table.columns, display(table), table.numeric()))
    return "\n".join(parts)


_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733;
       max-width: 1100px; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
.sub { color: #5b6875; margin: 0 0 1.4rem; }
h2 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
h2 small { color: #8a96a3; font-weight: 400; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .8rem; border-bottom: 1px solid #e3e8ee; text-align: left; white-space: nowrap; }
th { background: #f5f7fa; font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; }
td.up { color: #0a7d38; } td.down { color: #c0262d; }
table.summary th { background: none; color: #5b6875; font-weight: 500; position: static; }
img.chart { max-width: 100%; border: 1px solid #e3e8ee; border-radius: 6px; }
footer { color: #8a96a3; font-size: .8rem; margin-top: 2rem; }
"""


def _html_table(columns: Sequence[str], texts: Sequence[Sequence[str]], numeric: Sequence[bool],
                values: Sequence[Sequence] | None = None) -> str:
    head = "".join(f'<th class="{"num" if n else ""}">{_html.escape(str(c))}</th>' for c, n in zip(columns, numeric))
    body = []
    for r, row in enumerate(texts):
        cells = []
        for c, (col, text, num) in enumerate(zip(columns, row, numeric)):
            classes = ["num"] if num else []
            value = values[r][c] if values is not None else None
            if col in ("change", "change_pct") and isinstance(value, float) and value == value and value != 0:
                classes.append("up" if value > 0 else "down")
            cells.append(f'<td class="{" ".join(classes)}">{_html.escape(text)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table>"


def _html_summary(summaries: Sequence[Mapping]) -> str:
    if len(summaries) == 1:
        rows = "".join(
            f"<tr><th>{_html.escape(k)}</th><td>{_html.escape(v)}</td></tr>" for k, v in summary_rows(summaries[0])
        )
        return f'<table class="summary"><tbody>{rows}</tbody></table>'
    return _html_table(SUMMARY_DISPLAY, summary_display(summaries), [False] * len(SUMMARY_DISPLAY))


def to_html(data: Table | pd.DataFrame, title: str | None = None, subtitle: str | None = None,
            summaries: Sequence[Mapping] | None = None, chart_png: bytes | None = None) -> str:
    """One self-contained HTML page: title, summary, the chart (a base64 PNG) and the table."""
    import base64

    table = Table.of(data)
    title = title or "ticker report"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_html.escape(title)}</h1>",
    ]
    if subtitle:
        parts.append(f'<p class="sub">{_html.escape(subtitle)}</p>')
    if summaries:
        parts += ["<h2>Summary</h2>", _html_summary(summaries)]
    if chart_png:
        data64 = base64.b64encode(chart_png).decode("ascii")
        parts += ["<h2>Chart</h2>",
                  f'<img class="chart" alt="chart of {_html.escape(title)}" src="data:image/png;base64,{data64}">']
    parts += [f"<h2>Data <small>{len(table.rows):,} rows</small></h2>",
              _html_table(table.columns, display(table), table.numeric(), table.rows)]
    parts.append(f"<footer>Made by ticker on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.</footer></body></html>\n")
    return "\n".join(parts)
