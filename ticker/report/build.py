"""What ``ticker report`` shows, built from the store (:func:`build`) or, for one instrument of a
SQLite store, from :mod:`ticker.db.queries` alone, without pandas (:func:`build_quick`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..analysis import check_rule, distinct, rebase, resample, time_bound, to_timezone, wide, zone
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
    rebased: bool = False  # the chart's lines are rebased to 100

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
            unit = "buckets" if self.options.get("resample") else "points"
            bits.append(f"last {self.options['last']} {unit}")
        if self.options.get("site"):
            bits.append(f"pages of {self.options['site']}")
        if self.options.get("rebase"):
            bits.append("rebased: 100 at each instrument's first point")
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


def _options(lo, hi, tz, last, rule, drop_repeats, rebased=False) -> dict:
    def iso(value):
        if value is None:
            return None
        return value.astimezone(zone(tz)).isoformat() if tz else value.isoformat()

    return {"since": iso(lo), "until": iso(hi), "last": last, "resample": rule, "distinct": drop_repeats,
            "rebase": rebased}


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
    rebased: bool = False,
    site: str | None = None,
) -> Report:
    """The report of one or several instruments (what ``ticker report --index …`` prints), via pandas.

    The summary is of the stored points in the window (before ``drop_repeats`` and ``rule``), so
    it can say how many were stale. One instrument gives its series (or OHLC buckets); several a
    wide table of values (or closes) aligned on time. With ``rule``, ``last`` counts buckets (and
    the summary is of the points in them); without, points. ``rebased`` adds (one instrument) or
    shows (several) each series as 100 at its first point, in the table and the chart.
    """
    check_rule(rule)
    if tz is not None:
        zone(tz)
    lo, hi = time_bound(since, tz), time_bound(until, tz, end=True)
    fetched: dict[str, pd.DataFrame] = {}
    for name in names:
        series = store.series(name, since=lo, until=hi, last=None if rule else last, site=site)
        fetched.setdefault(series.attrs["instrument"], series)  # "Nikkei" twice is one instrument
    shown = {n: to_timezone(s, tz) for n, s in fetched.items()}
    if drop_repeats:
        shown = {n: distinct(s) for n, s in shown.items()}
    summarized = {n: to_timezone(s, tz) for n, s in fetched.items()}
    if len(shown) == 1:
        [(name, series)] = shown.items()
        if rule is not None:
            buckets = resample(series, rule, last=last)
            if last is not None and len(buckets):
                start = buckets.index[0]
                summarized = {n: s[s.index >= start] for n, s in summarized.items()}
            if rebased:
                buckets.insert(4, "rebased", rebase(buckets["close"]))
            table, chart = buckets.reset_index(), {name: buckets["rebased" if rebased else "close"]}
        else:
            frame = series.reset_index()[SERIES_TABLE]
            if rebased:
                frame.insert(2, "rebased", rebase(frame["value"]).to_numpy())
            table, chart = frame, {name: rebase(series["value"]) if rebased else series["value"]}
    else:
        table_wide = wide(shown, rule)
        if rule is not None and last is not None:
            table_wide = table_wide.iloc[-last:]
            if len(table_wide):
                start = table_wide.index[0]
                summarized = {n: s[s.index >= start] for n, s in summarized.items()}
        if rebased:
            table_wide = rebase(table_wide)
        table = table_wide.reset_index()
        chart = {n: table_wide[n].dropna() for n in table_wide.columns}
    stats = [{"instrument": n, "symbol": fetched[n].attrs.get("symbol"),
              **summarize(list(s.index), s["value"].tolist())} for n, s in summarized.items()]
    return Report(
        names=list(shown), symbols=[s.attrs.get("symbol") for s in fetched.values()], table=Table.of(table),
        summary=stats, chart=chart, tz=tz or "UTC",
        options={**_options(lo, hi, tz, last, rule, drop_repeats, rebased), "site": site}, rebased=rebased,
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
    site: str | None = None,
) -> Report | None:
    """:func:`build` for one instrument of a SQLite store, without pandas or SQLAlchemy (the
    command line's fast path); None when it cannot answer (not a SQLite store at the current
    schema revision, a name it does not know) and the full path must.
    """
    from ..db.queries import read_series

    zone_info = zone(tz) if tz is not None else None
    lo, hi = time_bound(since, tz), time_bound(until, tz, end=True)
    found = read_series(db, name, since=lo, until=hi, last=last, site=site)
    if found is None:
        return None
    (instrument, symbol), rows = found
    if zone_info is not None:
        rows = [(t.astimezone(zone_info), *rest) for t, *rest in rows]
    stats = {"instrument": instrument, "symbol": symbol, **summarize([r[0] for r in rows], [r[1] for r in rows])}
    if drop_repeats:
        rows = [r for i, r in enumerate(rows) if i == 0 or r[1] != rows[i - 1][1]]
    return Report(names=[instrument], symbols=[symbol], table=Table(list(SERIES_TABLE), rows), summary=[stats],
                  tz=tz or "UTC", options={**_options(lo, hi, tz, last, None, drop_repeats), "site": site})
