"""Typed DataFrames from a store's rows: stable dtypes (times ``datetime64[us, UTC]``, pandas
strings, float64) also when there are no rows, and the summary table. pandas is imported inside
the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .summary import summarize

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TIME_UNIT", "SUMMARY_COLUMNS", "frame", "summary", "summary_table"]

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

def frame(rows: Sequence[tuple], columns: Mapping[str, str]) -> pd.DataFrame:
    """Rows -> DataFrame with stable dtypes, also when there are no rows.

    ``datetime`` columns become ``datetime64[us, UTC]`` (whether the driver gave datetimes or, as
    SQLite does for aggregates, text); ``string`` columns the pandas string dtype.
    """
    import pandas as pd

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


def summary(series: pd.DataFrame) -> dict:
    """:func:`summarize` of a :meth:`ticker.Store.series` frame (indexed by captured_at, with a
    value column); missing values are NaN / NaT."""
    import pandas as pd

    stats = summarize(list(series.index), series["value"].astype("float64").tolist())
    return {k: (v if v is not None else (pd.NaT if k.endswith("_at") else math.nan)) for k, v in stats.items()}


def summary_table(series_by_name: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One :func:`summary` row per instrument, with stable columns and dtypes (:data:`SUMMARY_COLUMNS`).

    Times keep the zone of the series they came from (UTC unless converted).
    """
    import pandas as pd

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
