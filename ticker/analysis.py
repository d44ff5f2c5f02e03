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

__all__ = ["zone", "time_bound", "distinct", "check_rule", "check_span", "resample", "rebase", "wide", "to_timezone",
           "MAX_BUCKETS"]


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
    """The pandas offset of a rule, anchored so that every bucket is labelled by its start: a week
    (``1W``) runs Monday to Sunday and is labelled by its Monday, a month (``ME``) by its first day,
    likewise quarters and years."""
    from pandas.tseries import offsets
    from pandas.tseries.frequencies import to_offset

    try:
        offset = to_offset(str(rule).strip())
    except (ValueError, TypeError):
        offset = None
    if offset is None or offset.n <= 0:
        raise ReportError(f"not a resample rule: {rule!r} (use a pandas offset such as 15min, 1h, 1D, 1W)")
    # pandas ends these periods on their last day (and labels them so); a bucket here starts it.
    if isinstance(offset, offsets.Week) and offset.weekday == 6:  # "W" is W-SUN: weeks ending on Sunday
        return offsets.Week(offset.n, weekday=0)
    if isinstance(offset, offsets.MonthEnd):
        return offsets.MonthBegin(offset.n)
    if isinstance(offset, offsets.QuarterEnd):
        return offsets.QuarterBegin(offset.n, startingMonth=offset.startingMonth % 12 + 1)
    if isinstance(offset, offsets.YearEnd):
        return offsets.YearBegin(offset.n, month=offset.month % 12 + 1)
    return offset


MAX_BUCKETS = 1_000_000  # a resample spanning more buckets than this is refused (memory: ~100 bytes each)


def _nanos(offset) -> int | None:
    """The fixed length of a bucket in nanoseconds (None for calendar periods longer than a day)."""
    from pandas.tseries import offsets

    if isinstance(offset, offsets.Tick):
        return int(offset.nanos)
    if isinstance(offset, offsets.Day):
        return offset.n * 86_400 * 10**9
    return None


def check_span(index, rule: str, offset=None) -> None:
    """Refuse a resample whose span holds more than :data:`MAX_BUCKETS` buckets (pandas makes
    every bucket, empty or not: ``1s`` from a page of 1970 to today would be 1.7 billion).

    >>> import pandas as pd
    >>> check_span(pd.to_datetime(["1970-01-02", "2024-05-17"], utc=True), "1s")
    Traceback (most recent call last):
    ...
    ticker.errors.ReportError: --resample 1s over 1970-01-02 – 2024-05-17 makes 1,715,817,601 buckets (at most 1,000,000): use a coarser rule, or --since/--until to narrow the window
    """
    offset = offset if offset is not None else _offset(rule)
    step = _nanos(offset)
    if step is None or len(index) < 2:
        return
    first, last = index.min(), index.max()
    count = (last - first).value // step + 1
    if count > MAX_BUCKETS:
        raise ReportError(
            f"--resample {rule} over {first:%Y-%m-%d} – {last:%Y-%m-%d} makes {count:,} buckets (at most "
            f"{MAX_BUCKETS:,}): use a coarser rule, or --since/--until to narrow the window"
        )


def check_rule(rule: str | None) -> None:
    """Raise :class:`ReportError` unless ``rule`` is a usable pandas offset (or None)."""
    if rule is not None:
        _offset(rule)


def _buckets(data, rule: str):
    """``data.resample`` with every bucket closed and labelled on the left (its start)."""
    offset = _offset(rule)
    check_span(data.index, rule, offset)
    return data.resample(offset, closed="left", label="left")


def resample(series: pd.DataFrame, rule: str, last: int | None = None) -> pd.DataFrame:
    """OHLC of the value in each bucket, the bucket's change and % change, and the number of
    points; buckets without points are left out, and ``last`` keeps the newest ``last`` buckets.
    Indexed by ``bucket``, its start (a week by its Monday, a month by its first day), in the
    series' time zone: convert first to get local days.

    A bucket's change is its close against the previous bucket's close; the first bucket's is
    against the close its first quote printed beside (value - change): a day that fell from its
    open shows that fall, not the last quote's daily change.

    >>> import pandas as pd
    >>> idx = pd.to_datetime(["2024-05-17 08:00", "2024-05-17 09:00", "2024-05-19 08:00"], utc=True)
    >>> s = pd.DataFrame({"value": [1.0, 3.0, 2.0], "change": [0.5, 2.0, -1.0], "change_pct": [1.0, 2.0, -3.0]}, index=idx)
    >>> resample(s, "1D")[["open", "high", "low", "close", "change", "change_pct", "points"]].values.tolist()
    [[1.0, 3.0, 1.0, 3.0, 2.5, 500.0, 2.0], [2.0, 2.0, 2.0, 2.0, -1.0, -33.333333, 1.0]]
    """
    buckets = _buckets(series, rule)
    out = buckets["value"].ohlc().astype("float64")
    out["points"] = buckets["value"].count().astype("int64")
    out = out[out["points"] > 0]
    previous = out["close"].shift(1)
    if len(series):
        previous.iloc[0] = float(series["value"].iloc[0]) - float(series["change"].iloc[0])
    # Rounded: the printed numbers have at most a few decimals, their float difference a tail of noise.
    out.insert(4, "change", (out["close"] - previous).round(8).astype("float64"))
    pct = (out["change"] / previous * 100).where(previous != 0).round(6)
    out.insert(5, "change_pct", pct.astype("float64"))
    if last is not None:
        out = out.iloc[-last:] if last > 0 else out.iloc[:0]
    out.index = out.index.astype(f"datetime64[{TIME_UNIT}, {_tz_of(series.index)}]")
    out.index.name = "bucket"
    return out


def rebase(values: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    """Each series as 100 at its first point (NaN before it): instruments of any scale compared.

    >>> import pandas as pd
    >>> rebase(pd.Series([40000.0, 40400.0, 39600.0])).tolist()
    [100.0, 101.0, 99.0]
    """
    if hasattr(values, "columns"):
        return values.apply(rebase)
    present = values.dropna()
    if present.empty or present.iloc[0] == 0:
        return values * float("nan")
    return (values / float(present.iloc[0]) * 100).round(6).astype("float64")  # no float noise in csv/json


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
            values = _buckets(values, rule).last()
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
