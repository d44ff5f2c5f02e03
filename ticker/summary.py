"""A series summary in plain Python: what the report shows under a series, with or without pandas.

>>> from datetime import UTC, datetime
>>> summarize([datetime(2024, 5, 17, tzinfo=UTC)], [40074.69])["last_value"]
40074.69
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

__all__ = ["summarize"]


def summarize(times: Sequence[datetime], values: Sequence[float]) -> dict:
    """Count, first/last time and value, min and max (with when, first occurrence), change and
    % change over the period, ``stale`` (points with the same value as the point before) and the
    largest single move between consecutive points (signed, in %, and when it happened).

    An empty series gives ``count`` 0, ``stale`` 0 and None elsewhere.

    >>> from datetime import UTC
    >>> t = [datetime(2024, 5, d, tzinfo=UTC) for d in (17, 18, 19, 20)]
    >>> s = summarize(t, [100.0, 100.0, 90.0, 99.0])
    >>> s["stale"], s["largest_move"], s["largest_move_at"].day, s["change"]
    (1, -10.0, 19, -1.0)
    """
    n = len(values)
    if n == 0:
        return {"count": 0, "first_at": None, "last_at": None, "first_value": None, "last_value": None,
                "min_value": None, "min_at": None, "max_value": None, "max_at": None, "change": None,
                "change_pct": None, "stale": 0, "largest_move": None, "largest_move_pct": None,
                "largest_move_at": None}
    first, last = float(values[0]), float(values[-1])
    i_min = min(range(n), key=values.__getitem__)
    i_max = max(range(n), key=values.__getitem__)
    stale, best, best_size = 0, 0, -1.0
    previous = values[0]
    for i in range(1, n):
        step = values[i] - previous
        previous = values[i]
        if step == 0:
            stale += 1
        if abs(step) > best_size:
            best, best_size = i, abs(step)
    change = last - first
    move: float | None = None
    move_pct: float | None = None
    move_at: datetime | None = None
    if n > 1:
        move = round(float(values[best] - values[best - 1]), 8)
        before = float(values[best - 1])
        move_pct = round(100 * move / before, 6) if before else None
        move_at = times[best]
    return {
        "count": n,
        "first_at": times[0],
        "last_at": times[-1],
        "first_value": first,
        "last_value": last,
        "min_value": float(values[i_min]),
        "min_at": times[i_min],
        "max_value": float(values[i_max]),
        "max_at": times[i_max],
        "change": round(change, 8),
        "change_pct": round(100 * change / first, 6) if first else None,
        "stale": stale,
        "largest_move": move,
        "largest_move_pct": move_pct,
        "largest_move_at": move_at,
    }
