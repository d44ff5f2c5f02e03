"""Charts with matplotlib's Agg backend (no display needed): a PNG of values over time.

One line per instrument. Instruments share one axis only when each line still fills a good part
of it; otherwise (the Hang Seng near 17,000 beside the Nikkei near 40,000, or a bond yield near 4)
each gets a panel of its own on a shared time axis, or, beyond a few instruments, all are drawn
rebased (100 at each one's first point) on one axis: no line is ever drawn flat beside another.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

__all__ = ["chart_png", "save_chart"]

# On a shared axis every line's own range must be at least this share of the axis's range.
_SHARED_AXIS_FILL = 0.25
_MOST_PANELS = 4  # more instruments than this on different scales are drawn rebased on one axis
_MARKERS_BELOW = 60  # points per line; sparse series show their points


def _title(names: list[str], lines: Mapping[str, pd.Series], tz: str) -> str:
    label = ", ".join(names) if len(names) <= 3 else f"{', '.join(names[:3])} and {len(names) - 3} more"
    times = [s.index for s in lines.values() if len(s)]
    if not times:
        return f"{label} — no data"
    start, stop = min(t.min() for t in times), max(t.max() for t in times)
    if start.date() == stop.date():
        period = f"{start:%Y-%m-%d %H:%M} – {stop:%H:%M}"
    else:
        period = f"{start:%Y-%m-%d} – {stop:%Y-%m-%d}"
    return f"{label}\n{period} ({tz})"


def _shared_axis(lines: Mapping[str, pd.Series]) -> bool:
    """Whether every line keeps at least :data:`_SHARED_AXIS_FILL` of a shared axis's height
    (a flat line, which moves nowhere, asks nothing)."""
    drawn = [s.dropna() for s in lines.values()]
    drawn = [s for s in drawn if len(s)]
    if len(drawn) <= 1:
        return True
    low, high = min(float(s.min()) for s in drawn), max(float(s.max()) for s in drawn)
    if high <= low:
        return True
    spans = [float(s.max() - s.min()) for s in drawn]
    return all(span == 0 or span >= _SHARED_AXIS_FILL * (high - low) for span in spans)


def _rebase(series: pd.Series) -> pd.Series:
    present = series.dropna()
    if present.empty or present.iloc[0] == 0:
        return series
    return series / float(present.iloc[0]) * 100


def chart_png(lines: Mapping[str, pd.Series], *, tz: str = "UTC", value_label: str = "value",
              width: float = 10.0, height: float | None = None, dpi: int = 110, rebased: bool = False) -> bytes:
    """A PNG line chart: ``lines`` maps an instrument name to a Series of values indexed by time.

    ``rebased`` says the values are already rebased to 100 (one axis); lines of different scales
    get panels, or, more than :data:`_MOST_PANELS` of them, are rebased here.

    >>> s = pd.Series([1.0, 2.0], index=pd.to_datetime(["2024-05-17", "2024-05-18"], utc=True))
    >>> chart_png({"Nikkei 225": s})[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    names = list(lines)
    shared = rebased or _shared_axis(lines)
    if not shared and len(names) > _MOST_PANELS:
        lines = {name: _rebase(series) for name, series in lines.items()}
        shared = rebased = True
    if rebased:
        value_label = "rebased (100 at the first point)"
    panels = 1 if shared else len(names)
    height = height or (4.8 if panels == 1 else min(2.3 * panels + 1.2, 16))
    fig = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(panels, 1, sharex=True, squeeze=False)[:, 0]
    colors = matplotlib.colormaps["tab10"].colors  # type: ignore[attr-defined]
    zone = None
    for i, name in enumerate(names):
        series = lines[name].dropna()
        ax = axes[0 if shared else i]
        if len(series):
            zone = series.index.tz
        x = series.index.tz_convert(zone).tz_localize(None) if zone is not None else series.index
        ax.plot(x, series.to_numpy(dtype=float), label=name, color=colors[i % len(colors)], linewidth=1.6,
                marker="o" if len(series) < _MARKERS_BELOW else None, markersize=4)
        if not shared:
            ax.set_title(name, loc="left", fontsize="medium", color=colors[i % len(colors)])
            ax.set_ylabel(value_label)
    thousands = FuncFormatter(lambda v, _pos: f"{v:,.10g}" if abs(v) < 1000 else f"{v:,.0f}")
    for ax in axes:
        ax.yaxis.set_major_formatter(thousands)
        ax.grid(True, color="#e3e8ee", linewidth=0.8)
        ax.spines[["top", "right"]].set_visible(False)
    if shared:
        axes[0].set_ylabel(names[0] if len(names) == 1 and not rebased else value_label)
        if len(names) > 1:
            axes[0].legend(loc="best", frameon=False)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes[-1].set_xlabel(f"time ({tz})")
    fig.suptitle(_title(names, lines, tz), fontsize=13, fontweight="bold")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def save_chart(path: str | Path, lines: Mapping[str, pd.Series], **options) -> Path:
    """Write :func:`chart_png` to ``path`` (parent folders are created) and return the path."""
    from .files import write_atomic

    return write_atomic(path, chart_png(lines, **options))
