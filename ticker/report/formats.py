"""The output formats: csv, json, jsonl, markdown, html (one self-contained page), parquet."""

from __future__ import annotations

import html as _html
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .table import Table
from .text import SUMMARY_DISPLAY, display, summary_display, summary_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["records", "to_csv", "to_json", "to_jsonl", "to_markdown", "to_html", "write_parquet"]


def write_parquet(df: pd.DataFrame, target) -> None:
    """Parquet through pyarrow: tz-aware timestamp[us], float64, strings; ``target`` a path or binary file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), target)


# ------------------------------------------------------------------------- machine formats


def _iso_time(value: datetime) -> str:
    """ISO 8601 with its offset (``2024-05-17T08:00:00+00:00``), microseconds only when set: the
    one form of a time in every machine format (csv, json, jsonl), as the store keeps it."""
    return value.isoformat("T", "microseconds" if value.microsecond else "seconds")


def _plain(value):
    if isinstance(value, datetime):
        return _iso_time(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def to_csv(data: Table | pd.DataFrame) -> str:
    """CSV for pipes that round-trips: times ISO 8601 with offset, floats in full precision.

    Read it back with ``pd.read_csv(f)`` and ``pd.to_datetime(col, format="ISO8601", utc=True)``.
    """
    import csv
    import io

    table = Table.of(data)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([_plain(v) for v in row] for row in table.rows)
    return out.getvalue()


def records(data: Table | pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: times ISO 8601 with offset, missing values None, numbers as numbers."""
    table = Table.of(data)
    return [dict(zip(table.columns, (_plain(v) for v in row))) for row in table.rows]


def to_json(data: Table | pd.DataFrame | dict) -> str:
    """A table as a JSON array of records, or a prepared document (see :meth:`Report.document`)."""
    doc = data if isinstance(data, (dict, list)) else records(data)
    return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)


def to_jsonl(data: Table | pd.DataFrame) -> str:
    """One JSON object per line (JSON Lines)."""
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in records(data))


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[bool]) -> str:
    lines = ["| " + " | ".join(_md_escape(h) for h in headers) + " |",
             "|" + "|".join("---:" if r else ":---" for r in right) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_markdown(data: Table | pd.DataFrame, title: str | None = None, subtitle: str | None = None,
                summaries: Sequence[Mapping] | None = None) -> str:
    """A Markdown page: title, summary, then the table (GitHub pipe tables)."""
    table = Table.of(data)
    parts = []
    if title:
        parts.append(f"## {title}\n")
    if subtitle:
        parts.append(f"{subtitle}\n")
    if summaries:
        if len(summaries) == 1:
            parts.append(_md_table(["summary", ""], summary_rows(summaries[0]), [False, False]))
        else:
            parts.append(_md_table(SUMMARY_DISPLAY, summary_display(summaries), [False] * len(SUMMARY_DISPLAY)))
    parts.append(_md_table(table.columns, display(table), table.numeric()))
    return "\n".join(parts)


_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733;
       max-width: 1100px; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
.sub { color: #5b6875; margin: 0 0 1.4rem; }
h2 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
h2 small { color: #8a96a3; font-weight: 400; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .8rem; border-bottom: 1px solid #e3e8ee; text-align: left; white-space: nowrap; }
th { background: #f5f7fa; font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; }
td.up { color: #0a7d38; } td.down { color: #c0262d; }
table.summary th { background: none; color: #5b6875; font-weight: 500; position: static; }
img.chart { max-width: 100%; border: 1px solid #e3e8ee; border-radius: 6px; }
footer { color: #8a96a3; font-size: .8rem; margin-top: 2rem; }
"""


def _html_table(columns: Sequence[str], texts: Sequence[Sequence[str]], numeric: Sequence[bool],
                values: Sequence[Sequence] | None = None) -> str:
    head = "".join(f'<th class="{"num" if n else ""}">{_html.escape(str(c))}</th>' for c, n in zip(columns, numeric))
    body = []
    for r, row in enumerate(texts):
        cells = []
        for c, (col, text, num) in enumerate(zip(columns, row, numeric)):
            classes = ["num"] if num else []
            value = values[r][c] if values is not None else None
            if col in ("change", "change_pct") and isinstance(value, float) and value == value and value != 0:
                classes.append("up" if value > 0 else "down")
            cells.append(f'<td class="{" ".join(classes)}">{_html.escape(text)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table>"


def _html_summary(summaries: Sequence[Mapping]) -> str:
    if len(summaries) == 1:
        rows = "".join(
            f"<tr><th>{_html.escape(k)}</th><td>{_html.escape(v)}</td></tr>" for k, v in summary_rows(summaries[0])
        )
        return f'<table class="summary"><tbody>{rows}</tbody></table>'
    return _html_table(SUMMARY_DISPLAY, summary_display(summaries), [False] * len(SUMMARY_DISPLAY))


def to_html(data: Table | pd.DataFrame, title: str | None = None, subtitle: str | None = None,
            summaries: Sequence[Mapping] | None = None, chart_png: bytes | None = None) -> str:
    """One self-contained HTML page: title, summary, the chart (a base64 PNG) and the table."""
    import base64

    table = Table.of(data)
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
    if summaries:
        parts += ["<h2>Summary</h2>", _html_summary(summaries)]
    if chart_png:
        data64 = base64.b64encode(chart_png).decode("ascii")
        parts += ["<h2>Chart</h2>",
                  f'<img class="chart" alt="chart of {_html.escape(title)}" src="data:image/png;base64,{data64}">']
    parts += [f"<h2>Data <small>{len(table.rows):,} rows</small></h2>",
              _html_table(table.columns, display(table), table.numeric(), table.rows)]
    parts.append(f"<footer>Made by ticker on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.</footer></body></html>\n")
    return "\n".join(parts)
