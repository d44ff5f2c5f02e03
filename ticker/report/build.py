"""What ``ticker report`` shows, built from the store (:func:`build`) or, for one instrument of a
SQLite store, from :mod:`ticker.db.queries` alone, without pandas (:func:`build_quick`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..analysis import check_rule, distinct, resample, time_bound, to_timezone, wide, zone
from ..summary import summarize
from .formats import records
from .table import Table

if TYPE_CHECKING:
    import pandas as pd

    from ..store import Store

__all__ = ["SERIES_TABLE", "Report", "build", "build_quick"]

SERIES_TABLE = ["captured_at", "value", "change", "change_pct", "source"]


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
    from ..db.queries import read_series

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
