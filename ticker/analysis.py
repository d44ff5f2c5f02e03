"""Analysis of series frames: time windows and zones, consecutive repeats, resampling (OHLC),
several instruments side by side. Time bounds and zones are plain Python (the pandas-free report
uses them); pandas is imported inside the functions that need it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from .errors import ReportError
from .frames import TIME_UNIT, _tz_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["zone", "time_bound", "distinct", "check_rule", "resample", "wide", "to_timezone"]


def zone(name: str):
    """A ``zoneinfo.ZoneInfo`` for an IANA name, or :class:`ReportError` naming the problem."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(str(name).strip())
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise ReportError(
            f"unknown time zone {name!r} (use an IANA name such as Asia/Tokyo, Europe/London or UTC)"
        ) from None


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
    assert isinstance(value, datetime)  # a date became its day's first (or last) moment
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone(tz) if tz else UTC)
    return value.astimezone(UTC)


def distinct(series: pd.DataFrame) -> pd.DataFrame:
    """Drop consecutive repeats of the same value (a closed market shown on many pages).

    >>> import pandas as pd
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

    >>> import pandas as pd
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
    import pandas as pd

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


def to_timezone(df: pd.DataFrame, tz: str | None) -> pd.DataFrame:
    """The same frame with its time index and time columns shown in ``tz`` (an IANA name)."""
    if tz is None:
        return df
    import pandas as pd

    zone(tz)
    out = df.copy()
    if isinstance(out.index, pd.DatetimeIndex) and out.index.tz is not None:
        out.index = out.index.tz_convert(tz)
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert(tz)
    return out
