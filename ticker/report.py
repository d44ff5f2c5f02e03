"""pandas reports: typed frames, summaries, resampling, time zones, wide tables, and the writers
behind every output format (csv, json, jsonl, markdown, html, parquet).

Nothing here talks SQL: :class:`ticker.Store` fetches the rows, this module shapes them.

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
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "ReportError",
    "Report",
    "frame",
    "summary",
    "summary_table",
    "distinct",
    "resample",
    "wide",
    "to_timezone",
    "time_bound",
    "build",
    "to_csv",
    "to_json",
    "to_jsonl",
    "records",
    "to_markdown",
    "to_html",
    "write_parquet",
]

TIME_UNIT = "us"

# Column -> dtype of a summary table (one row per instrument); times are tz-aware.
SUMMARY_COLUMNS = {
    "instrument": "string",
    "symbol": "string",
    "count": "int64",
    "first_at": "datetime",
    "last_at": "datetime",
    "first_value": "float64",
    "last_value": "float64",
    "min_value": "float64",
    "min_at": "datetime",
    "max_value": "float64",
    "max_at": "datetime",
    "change": "float64",
    "change_pct": "float64",
    "stale": "int64",
    "largest_move": "float64",
    "largest_move_pct": "float64",
    "largest_move_at": "datetime",
}


class ReportError(ValueError):
    """Bad report input (a resample rule, a time zone, a time); ``str(err)`` is one line."""


# ----------------------------------------------------------------------------------- frames


def frame(rows: Sequence[tuple], columns: Mapping[str, str]) -> pd.DataFrame:
    """Rows -> DataFrame with stable dtypes, also when there are no rows.

    ``datetime`` columns become ``datetime64[us, UTC]`` (whether the driver gave datetimes or, as
    SQLite does for aggregates, text); ``string`` columns the pandas string dtype.
    """
    names = list(columns)
    df = pd.DataFrame.from_records(list(rows), columns=names)
    for name, dtype in columns.items():
        if dtype == "datetime":
            df[name] = pd.to_datetime(df[name], utc=True, format="ISO8601").astype("datetime64[us, UTC]")
        elif dtype == "string":
            df[name] = df[name].astype("string")
        else:
            df[name] = df[name].astype(dtype)
    return df


def _tz_of(index) -> str:
    tz = getattr(index, "tz", None)
    return str(tz) if tz is not None else "UTC"


# ---------------------------------------------------------------------------------- summary


def summary(series: pd.DataFrame) -> dict:
    """Count, first/last time and value, min and max (with when), change and % change over the
    period, how many points were stale (same value as the point before) and the largest single
    move between consecutive points (signed, in % too, and when it happened).

    ``series`` is a :meth:`ticker.Store.series` frame (indexed by captured_at, with a value column).
    An empty series gives ``count`` 0, ``stale`` 0 and missing values (NaN / NaT) elsewhere.
    """
    values = series["value"].astype("float64")
    nat = pd.NaT
    if values.empty:
        return {
            "count": 0, "first_at": nat, "last_at": nat, "first_value": math.nan, "last_value": math.nan,
            "min_value": math.nan, "min_at": nat, "max_value": math.nan, "max_at": nat, "change": math.nan,
            "change_pct": math.nan, "stale": 0, "largest_move": math.nan, "largest_move_pct": math.nan,
            "largest_move_at": nat,
        }
    first, last = values.iloc[0], values.iloc[-1]
    change = last - first
    moves = values.diff()
    if values.size > 1:
        import numpy as np

        pos = int(np.nanargmax(moves.abs().to_numpy()))
        move, before = float(moves.iloc[pos]), float(values.iloc[pos - 1])
        move_pct = 100 * move / before if before else math.nan
        move_at = values.index[pos]
    else:
        move, move_pct, move_at = math.nan, math.nan, nat
    return {
        "count": int(values.size),
        "first_at": values.index[0],
        "last_at": values.index[-1],
        "first_value": float(first),
        "last_value": float(last),
        "min_value": float(values.min()),
        "min_at": values.idxmin(),
        "max_value": float(values.max()),
        "max_at": values.idxmax(),
        "change": round(float(change), 8),
        "change_pct": round(float(100 * change / first), 6) if first else math.nan,
        "stale": int((moves == 0).sum()),
        "largest_move": round(move, 8),
        "largest_move_pct": round(move_pct, 6),
        "largest_move_at": move_at,
    }


def summary_table(series_by_name: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One :func:`summary` row per instrument, with stable columns and dtypes (:data:`SUMMARY_COLUMNS`).

    Times keep the zone of the series they came from (UTC unless converted).
    """
    rows, tz = [], "UTC"
    for name, series in series_by_name.items():
        tz = _tz_of(series.index)
        rows.append({"instrument": name, "symbol": series.attrs.get("symbol"), **summary(series)})
    df = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    for col, dtype in SUMMARY_COLUMNS.items():
        if dtype == "datetime":
            df[col] = pd.to_datetime(df[col], utc=True).astype(f"datetime64[{TIME_UNIT}, UTC]").dt.tz_convert(tz)
        elif dtype == "string":
            df[col] = df[col].astype("string")
        else:
            df[col] = df[col].astype(dtype)
    return df


# ---------------------------------------------------------------------------- transformations


def distinct(series: pd.DataFrame) -> pd.DataFrame:
    """Drop consecutive repeats of the same value (a closed market shown on many pages).

    >>> idx = pd.to_datetime(["2024-05-17", "2024-05-18", "2024-05-19", "2024-05-20"], utc=True)
    >>> distinct(pd.DataFrame({"value": [1.0, 1.0, 2.0, 1.0]}, index=idx))["value"].tolist()
    [1.0, 2.0, 1.0]
    """
    values = series["value"]
    return series[values.ne(values.shift())]


def _offset(rule: str):
    from pandas.tseries.frequencies import to_offset

    try:
        offset = to_offset(str(rule).strip())
    except (ValueError, TypeError):
        offset = None
    if offset is None or offset.n <= 0:
        raise ReportError(f"not a resample rule: {rule!r} (use a pandas offset such as 15min, 1h, 1D, 1W)")
    return offset


def check_rule(rule: str | None) -> None:
    """Raise :class:`ReportError` unless ``rule`` is a usable pandas offset (or None)."""
    if rule is not None:
        _offset(rule)


def resample(series: pd.DataFrame, rule: str) -> pd.DataFrame:
    """OHLC of the value in each bucket, plus the last change and % change and the number of
    points; buckets without points are left out. Indexed by ``bucket`` (the bucket's pandas label,
    its start for rules like 1h and 1D), in the series' time zone — convert first to get local days.

    >>> idx = pd.to_datetime(["2024-05-17 08:00", "2024-05-17 09:00", "2024-05-19 08:00"], utc=True)
    >>> s = pd.DataFrame({"value": [1.0, 3.0, 2.0], "change": [0.1, 2.0, -1.0], "change_pct": [1.0, 2.0, -3.0]}, index=idx)
    >>> resample(s, "1D")[["open", "high", "low", "close", "change", "points"]].values.tolist()
    [[1.0, 3.0, 1.0, 3.0, 2.0, 2.0], [2.0, 2.0, 2.0, 2.0, -1.0, 1.0]]
    """
    offset = _offset(rule)
    buckets = series.resample(offset)
    out = buckets["value"].ohlc().astype("float64")
    out["change"] = buckets["change"].last().astype("float64")
    out["change_pct"] = buckets["change_pct"].last().astype("float64")
    out["points"] = buckets["value"].count().astype("int64")
    out = out[out["points"] > 0]
    out.index = out.index.astype(f"datetime64[{TIME_UNIT}, {_tz_of(series.index)}]")
    out.index.name = "bucket"
    return out


def wide(series_by_name: Mapping[str, pd.DataFrame], rule: str | None = None) -> pd.DataFrame:
    """Values side by side, one float64 column per instrument, aligned on time (missing = NaN).

    With ``rule``, each column holds the instrument's last value (close) in each bucket, and
    buckets where no instrument has a point are left out.
    """
    columns = {}
    for name, series in series_by_name.items():
        values = series["value"].astype("float64")
        if rule is not None:
            values = values.resample(_offset(rule)).last()
        columns[name] = values[~values.index.duplicated(keep="last")]
    if not columns:
        return pd.DataFrame(index=pd.DatetimeIndex([], tz="UTC", name="captured_at").as_unit(TIME_UNIT))
    out = pd.concat(columns, axis=1).sort_index()
    out = out.dropna(how="all").astype("float64")
    tz = _tz_of(next(iter(series_by_name.values())).index)
    out.index = pd.DatetimeIndex(out.index).astype(f"datetime64[{TIME_UNIT}, {tz}]")
    out.index.name = "bucket" if rule is not None else "captured_at"
    out.columns.name = "instrument"
    return out


def zone(name: str):
    """A ``zoneinfo.ZoneInfo`` for an IANA name, or :class:`ReportError` naming the problem."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(str(name).strip())
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise ReportError(
            f"unknown time zone {name!r} (use an IANA name such as Asia/Tokyo, Europe/London or UTC)"
        ) from None


def to_timezone(df: pd.DataFrame, tz: str | None) -> pd.DataFrame:
    """The same frame with its time index and time columns shown in ``tz`` (an IANA name)."""
    if tz is None:
        return df
    zone(tz)
    out = df.copy()
    if isinstance(out.index, pd.DatetimeIndex) and out.index.tz is not None:
        out.index = out.index.tz_convert(tz)
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert(tz)
    return out


def time_bound(value: str | date | datetime | None, tz: str | None = None, *, end: bool = False) -> datetime | None:
    """A window bound as a tz-aware UTC datetime.

    ``value`` is a datetime, a date, or text: a date (``2024-05-18``) or an ISO time
    (``2024-05-18T09:00``, ``2024-05-18 09:00+08:00``). Times without an offset are in ``tz``
    (UTC when None). A date as an ``end`` bound means the end of that day, so
    ``since=until="2024-05-18"`` is the whole day.

    >>> time_bound("2024-05-18T09:00+08:00")
    datetime.datetime(2024, 5, 18, 1, 0, tzinfo=datetime.timezone.utc)
    >>> time_bound("2024-05-18", end=True)
    datetime.datetime(2024, 5, 18, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc)
    """
    if value is None:
        return None
    whole_day = False
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                value, whole_day = date.fromisoformat(text), True
            else:
                value = datetime.fromisoformat(text)
        except ValueError:
            raise ReportError(f"not a date or ISO time: {text!r} (e.g. 2024-05-18 or 2024-05-18T09:00+08:00)") from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        whole_day = True
    if whole_day:
        value = datetime(value.year, value.month, value.day)
        if end:
            value = value + timedelta(days=1) - timedelta(microseconds=1)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone(tz) if tz else UTC)
    return value.astimezone(UTC)


# ------------------------------------------------------------------------------------ reports


@dataclass
class Report:
    """What ``ticker report`` shows: a table, a summary per instrument, and what the chart draws."""

    names: list[str]
    symbols: list[str | None]
    table: pd.DataFrame  # time column first, no index
    summary: pd.DataFrame  # SUMMARY_COLUMNS, one row per instrument
    chart: dict[str, pd.Series]  # instrument -> value (or close) series for the plot
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
        firsts, lasts = self.summary["first_at"].dropna(), self.summary["last_at"].dropna()
        if firsts.empty:
            return "no data"
        start, stop = firsts.min(), lasts.max()
        return f"{start:%Y-%m-%d %H:%M} – {stop:%Y-%m-%d %H:%M} {self.tz}"

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
        rows = records(self.summary)
        doc: dict = {}
        if len(self.names) == 1:
            doc["instrument"], doc["symbol"] = self.names[0], self.symbols[0]
        else:
            doc["instruments"] = [{"instrument": n, "symbol": s} for n, s in zip(self.names, self.symbols)]
        doc["tz"] = self.tz
        doc.update({k: v for k, v in self.options.items()})
        if len(self.names) == 1:
            doc["summary"] = {k: v for k, v in rows[0].items() if k not in ("instrument", "symbol")}
        else:
            doc["summary"] = rows
        doc["series"] = records(self.table)
        return doc


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
    """The report of one or several instruments (what ``ticker report --index …`` prints).

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
    stats = summary_table(shown)
    if drop_repeats:
        shown = {n: distinct(s) for n, s in shown.items()}
    if len(shown) == 1:
        [(name, series)] = shown.items()
        if rule is not None:
            buckets = resample(series, rule)
            table, chart = buckets.reset_index(), {name: buckets["close"]}
        else:
            table = series.reset_index()[["captured_at", "value", "change", "change_pct", "source"]]
            chart = {name: series["value"]}
    else:
        table_wide = wide(shown, rule)
        table = table_wide.reset_index()
        table.columns.name = None
        chart = {n: table_wide[n].dropna() for n in table_wide.columns}
    options = {"since": _iso(lo, tz), "until": _iso(hi, tz), "last": last, "resample": rule, "distinct": drop_repeats}
    return Report(
        names=list(shown), symbols=[s.attrs.get("symbol") for s in fetched.values()], table=table,
        summary=stats, chart=chart, tz=tz or "UTC", options=options,
    )


def _iso(value: datetime | None, tz: str | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(zone(tz)).isoformat() if tz else value.isoformat()


# ------------------------------------------------------------------------- machine formats


def _time_strings(col: pd.Series, basic_offset: bool) -> pd.Series:
    """ISO 8601 with offset; microseconds only when some time has them."""
    fraction = ".%f" if (col.dropna().dt.microsecond != 0).any() else ""
    text = col.dt.strftime(f"%Y-%m-%dT%H:%M:%S{fraction}%z")
    if not basic_offset:  # +0900 -> +09:00
        text = text.str.slice(0, -2) + ":" + text.str.slice(-2)
    return text.astype(object).where(col.notna(), None)


def to_csv(df: pd.DataFrame) -> str:
    """CSV for pipes that round-trips: times ISO 8601 with offset, floats in full precision.

    Read it back with ``pd.read_csv(f)`` and ``pd.to_datetime(col, format="ISO8601", utc=True)``.
    """
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = _time_strings(out[col], basic_offset=True)
    return out.to_csv(index=False, lineterminator="\n")


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: times ISO 8601 with offset, missing values None, numbers as numbers."""
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = _time_strings(out[col], basic_offset=False)
    out = out.astype(object).where(out.notna(), None)
    rows = out.to_dict("records")
    for row in rows:
        for key, value in row.items():
            if isinstance(value, float) and not math.isfinite(value):
                row[key] = None
            elif hasattr(value, "item"):  # numpy scalars
                row[key] = value.item()
    return rows


def to_json(df_or_doc: pd.DataFrame | dict) -> str:
    """A frame as a JSON array of records, or a prepared document (see :meth:`Report.document`)."""
    doc = records(df_or_doc) if isinstance(df_or_doc, pd.DataFrame) else df_or_doc
    return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)


def to_jsonl(df: pd.DataFrame) -> str:
    """One JSON object per line (JSON Lines)."""
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in records(df))


def write_parquet(df: pd.DataFrame, target) -> None:
    """Parquet through pyarrow: tz-aware timestamp[us], float64, strings; ``target`` a path or binary file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(table, target)


# --------------------------------------------------------------------------- human formats


def cell(value, column: str | None = None) -> str:
    """One value as people read it: 40,074.69; +443.63 for changes; +1.12% for % changes."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float):
        if column in ("change", "largest_move"):
            return _number(value, sign=True)
        if column in ("change_pct", "largest_move_pct"):
            return f"{value:+.2f}%"
        return _number(value)
    return str(value)


def _decimals(values: pd.Series, most: int = 4) -> int:
    """The fewest decimals (up to ``most``) that show every value of a float column exactly."""
    finite = values.dropna().to_numpy(dtype=float)
    for places in range(most + 1):
        if ((finite * 10**places).round(6) % 1 == 0).all():
            return places
    return most


def display(df: pd.DataFrame) -> pd.DataFrame:
    """A frame as text for people (tables, Markdown, HTML): the same decimals down each column,
    thousands separators, signed changes, % on percentages, times without seconds when all are
    on the minute."""
    out = pd.DataFrame(index=range(len(df)))
    for col in df.columns:
        values = df[col].reset_index(drop=True)
        kind = values.dtype.kind
        if isinstance(values.dtype, pd.DatetimeTZDtype) or kind == "M":
            seconds = (values.dropna().dt.second != 0).any() or (values.dropna().dt.microsecond != 0).any()
            text = values.dt.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
        elif kind == "f":
            places = 2 if str(col).endswith("_pct") else _decimals(values)
            sign = "+" if str(col) in ("change", "largest_move") or str(col).endswith("_pct") else ""
            suffix = "%" if str(col).endswith("_pct") else ""
            text = values.map(lambda v: f"{v:{sign},.{places}f}{suffix}" if v == v else "")
        elif kind in "iu":
            text = values.map(lambda v: f"{v:,}")
        else:
            text = values.astype(object).map(lambda v: "" if v is None or v is pd.NA or v != v else str(v))
        out[str(col)] = text.astype(object).where(values.notna(), "").astype(object)
    return out


def _number(value: float, sign: bool = False) -> str:
    """40,100.00, 4.4501, +0.0985: at least two decimals, up to four when the value has them."""
    places = max(2, _decimals(pd.Series([value])))
    return f"{value:{'+' if sign else ''},.{places}f}"


def _at(value, ts) -> str:
    if value != value or ts is pd.NaT or ts is None:
        return ""
    return f"{_number(value)}  at {ts:%Y-%m-%d %H:%M}"


def summary_rows(stats: pd.Series) -> list[tuple[str, str]]:
    """One summary row (of :func:`summary_table`) as (label, text) pairs for people."""
    if not stats["count"]:
        return [("points", "0")]
    move = ""
    if stats["largest_move"] == stats["largest_move"]:
        move = f"{_number(stats['largest_move'], sign=True)} ({stats['largest_move_pct']:+.2f}%)  at {stats['largest_move_at']:%Y-%m-%d %H:%M}"
    return [
        ("points", f"{stats['count']:,}"),
        ("stale", f"{stats['stale']:,} (same value as the point before)"),
        ("first", _at(stats["first_value"], stats["first_at"])),
        ("last", _at(stats["last_value"], stats["last_at"])),
        ("min", _at(stats["min_value"], stats["min_at"])),
        ("max", _at(stats["max_value"], stats["max_at"])),
        ("change", f"{_number(stats['change'], sign=True)} ({stats['change_pct']:+.2f}%)"),
        ("largest move", move or "(one point)"),
    ]


def summary_display(stats: pd.DataFrame) -> pd.DataFrame:
    """The summary table as compact text, one row per instrument (several instruments side by
    side; the times of first, last, min and max are in the one-instrument view)."""
    rows = []
    for _, row in stats.iterrows():
        if not row["count"]:
            rows.append({"instrument": row["instrument"], "points": "0"})
            continue
        move = ""
        if row["largest_move"] == row["largest_move"]:
            move = f"{_number(row['largest_move'], sign=True)} ({row['largest_move_pct']:+.2f}%)"
        rows.append({
            "instrument": row["instrument"],
            "points": f"{row['count']:,}",
            "stale": f"{row['stale']:,}",
            "first": _number(row["first_value"]),
            "last": _number(row["last_value"]),
            "change": f"{_number(row['change'], sign=True)} ({row['change_pct']:+.2f}%)",
            "min": _number(row["min_value"]),
            "max": _number(row["max_value"]),
            "largest move": move,
        })
    columns = ["instrument", "points", "stale", "first", "last", "change", "min", "max", "largest move"]
    return pd.DataFrame(rows, columns=columns).fillna("")


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[bool]) -> str:
    lines = ["| " + " | ".join(_md_escape(h) for h in headers) + " |",
             "|" + "|".join("---:" if r else ":---" for r in right) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _numeric(df: pd.DataFrame) -> list[bool]:
    return [df[c].dtype.kind in "iuf" for c in df.columns]


def to_markdown(df: pd.DataFrame, title: str | None = None, subtitle: str | None = None,
                stats: pd.DataFrame | None = None) -> str:
    """A Markdown page: title, summary, then the table (GitHub pipe tables)."""
    parts = []
    if title:
        parts.append(f"## {title}\n")
    if subtitle:
        parts.append(f"{subtitle}\n")
    if stats is not None and not stats.empty:
        shown = summary_display(stats)
        if len(shown) == 1:
            parts.append(_md_table(["summary", ""], summary_rows(stats.iloc[0]), [False, False]))
        else:
            parts.append(_md_table(list(shown.columns), shown.values.tolist(), [False] * len(shown.columns)))
    parts.append(_md_table([str(c) for c in df.columns], display(df).values.tolist(), _numeric(df)))
    return "\n".join(parts)


_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733;
       max-width: 1100px; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
.sub { color: #5b6875; margin: 0 0 1.4rem; }
h2 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .8rem; border-bottom: 1px solid #e3e8ee; text-align: left; white-space: nowrap; }
th { background: #f5f7fa; font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; }
td.up { color: #0a7d38; } td.down { color: #c0262d; }
table.summary th { background: none; color: #5b6875; font-weight: 500; }
img.chart { max-width: 100%; border: 1px solid #e3e8ee; border-radius: 6px; }
footer { color: #8a96a3; font-size: .8rem; margin-top: 2rem; }
"""


def _html_table(df: pd.DataFrame, css_class: str = "") -> str:
    numeric = _numeric(df)
    head = "".join(f'<th class="{"num" if n else ""}">{_html.escape(str(c))}</th>' for c, n in zip(df.columns, numeric))
    body = []
    shown = display(df)
    for row, texts in zip(df.itertuples(index=False), shown.itertuples(index=False)):
        cells = []
        for col, value, text, num in zip(df.columns, row, texts, numeric):
            classes = ["num"] if num else []
            if col in ("change", "change_pct") and isinstance(value, float) and value == value and value != 0:
                classes.append("up" if value > 0 else "down")
            cells.append(f'<td class="{" ".join(classes)}">{_html.escape(text)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + "\n</tbody></table>"


def _html_summary(stats: pd.DataFrame) -> str:
    if len(stats) == 1:
        rows = "".join(
            f"<tr><th>{_html.escape(k)}</th><td>{_html.escape(v)}</td></tr>" for k, v in summary_rows(stats.iloc[0])
        )
        return f'<table class="summary"><tbody>{rows}</tbody></table>'
    return _html_table(summary_display(stats))


def to_html(df: pd.DataFrame, title: str | None = None, subtitle: str | None = None,
            stats: pd.DataFrame | None = None, chart_png: bytes | None = None) -> str:
    """One self-contained HTML page: title, summary, the chart (a base64 PNG) and the table."""
    import base64

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
    if stats is not None and not stats.empty:
        parts += ["<h2>Summary</h2>", _html_summary(stats)]
    if chart_png:
        data = base64.b64encode(chart_png).decode("ascii")
        parts += ["<h2>Chart</h2>", f'<img class="chart" alt="chart of {_html.escape(title)}" src="data:image/png;base64,{data}">']
    parts += [f"<h2>Data <small>({len(df):,} rows)</small></h2>", _html_table(df)]
    parts.append(f"<footer>Generated by ticker on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.</footer></body></html>\n")
    return "\n".join(parts)
