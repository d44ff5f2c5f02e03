"""Numbers and times as people read them: the cells of the human formats and the summary's lines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from .table import Table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["cell", "display", "summary_rows", "SUMMARY_DISPLAY", "summary_display", "SPARE_COLUMNS", "fit_columns"]


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
    formatters: list = []
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


# Columns a narrow terminal can spare, the least useful first: what is left out is said below the
# table, and csv/json keep everything. Numbers and times are never cut.
SPARE_COLUMNS = ("name_printed", "market_status", "source", "symbol", "kind")
_WRAPPED_WIDTH = 14  # a name column may wrap down to this width


def _basename(text: str) -> str:
    """A source's file name: the end of a path says which page, its start only where it was."""
    if "://" in text:
        return text
    return text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or text


def fit_columns(columns: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool],
                width: int) -> tuple[list[str], list[list[str]], list[str]]:
    """Columns and text rows that fit in ``width`` characters of a boxed terminal table without
    cutting a number: sources first shown by their file name, then the spare columns
    (:data:`SPARE_COLUMNS`) left out, least useful first. Gives (columns, rows, left out).

    >>> cols = ["instrument", "symbol", "value", "source"]
    >>> rows = [["Dow Jones Industrial Average", "^DJI", "38,132.93", "/home/me/pages/2024-05-22.html"]]
    >>> fit_columns(cols, rows, [False, False, True, False], 80)[1]
    [['Dow Jones Industrial Average', '^DJI', '38,132.93', '/home/me/pages/2024-05-22.html']]
    >>> fit_columns(cols, rows, [False, False, True, False], 60)[1]
    [['Dow Jones Industrial Average', '^DJI', '38,132.93', '2024-05-22.html']]
    >>> fit_columns(cols, rows, [False, False, True, False], 40)
    (['instrument', 'symbol', 'value'], [['Dow Jones Industrial Average', '^DJI', '38,132.93']], ['source'])
    """
    columns = list(columns)
    texts = [list(r) for r in rows]
    keep_whole = [n or name == "source" for n, name in zip(numeric, columns)]  # a path wrapped reads badly

    def needed() -> int:
        total = 1
        for i, name in enumerate(columns):
            longest = max([len(name)] + [len(r[i]) for r in texts])
            whole = keep_whole[i] or any(len(r[i]) >= 16 and r[i][:4].isdigit() and "-" in r[i] for r in texts)
            total += (longest if whole else min(longest, _WRAPPED_WIDTH)) + 3
        return total

    dropped: list[str] = []
    if needed() > width and "source" in columns:
        i = columns.index("source")
        for r in texts:
            r[i] = _basename(r[i])
    for name in SPARE_COLUMNS:
        if needed() <= width:
            break
        if name in columns:
            i = columns.index(name)
            del columns[i], keep_whole[i]
            for r in texts:
                del r[i]
            dropped.append(name)
    return columns, texts, dropped
