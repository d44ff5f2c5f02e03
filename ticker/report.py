"""pandas reports: typed frames from query rows, and the summary of a series.

>>> import pandas as pd
>>> df = frame([("2024-05-17 08:00:00", 100.0), ("2024-05-18 08:00:00", 90.0), ("2024-05-19 08:00:00", 99.0)],
...            {"captured_at": "datetime", "value": "float64"}).set_index("captured_at")
>>> s = summary(df)
>>> s["count"], s["first_value"], s["last_value"], s["min_value"], s["change"], round(s["change_pct"], 2)
(3, 100.0, 99.0, 90.0, -1.0, -1.0)
>>> str(s["min_at"])
'2024-05-18 08:00:00+00:00'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

__all__ = ["frame", "summary"]


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


def summary(series: pd.DataFrame) -> dict:
    """Count, first/last time and value, min and max (with when), change and % change over the period.

    ``series`` is a :meth:`ticker.Store.series` frame (indexed by captured_at, with a value column).
    """
    values = series["value"]
    if values.empty:
        return {"count": 0}
    first, last = values.iloc[0], values.iloc[-1]
    change = last - first
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
        "change": float(change),
        "change_pct": float(100 * change / first) if first else float("nan"),
    }
