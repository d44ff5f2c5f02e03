"""Reports: typed frames, summaries, resampling, time zones, wide tables, and the writers behind
every output format (csv, json, jsonl, markdown, html, parquet).

Nothing here talks SQL: :class:`ticker.Store` fetches the rows (or, for the command line's fast
path, :mod:`ticker.db.queries`), this module shapes them. pandas is imported inside the functions that
need it: the summary arithmetic and the writers are plain Python over a :class:`Table`, so a plain
``ticker report --index NAME`` starts without pandas and answers in well under a second.

>>> import pandas as pd
>>> df = frame([("2024-05-17 08:00:00", 100.0), ("2024-05-18 08:00:00", 90.0), ("2024-05-19 08:00:00", 99.0)],
...            {"captured_at": "datetime", "value": "float64"}).set_index("captured_at")
>>> s = summary(df)
>>> s["count"], s["first_value"], s["last_value"], s["min_value"], s["change"], round(s["change_pct"], 2)
(3, 100.0, 99.0, 90.0, -1.0, -1.0)
>>> str(s["min_at"])
'2024-05-18 08:00:00+00:00'
>>> s["stale"], s["largest_move"], str(s["largest_move_at"])
(0, -10.0, '2024-05-18 08:00:00+00:00')
"""

from __future__ import annotations

from ..analysis import check_rule, distinct, rebase, resample, time_bound, to_timezone, wide, zone
from ..errors import ReportError
from ..frames import SUMMARY_COLUMNS, TIME_UNIT, frame, summary, summary_table
from ..summary import summarize
from .build import SERIES_TABLE, Report, build, build_quick
from .formats import records, to_csv, to_html, to_json, to_jsonl, to_markdown, write_parquet
from .table import Table
from .text import SUMMARY_DISPLAY, cell, display, fit_columns, summary_display, summary_rows

__all__ = ["ReportError", "Report", "Table", "frame", "summarize", "summary", "summary_table", "distinct",
           "resample", "rebase", "wide", "to_timezone", "time_bound", "zone", "check_rule", "build", "build_quick", "to_csv",
           "to_json", "to_jsonl", "records", "to_markdown", "to_html", "write_parquet", "SERIES_TABLE",
           "SUMMARY_COLUMNS", "SUMMARY_DISPLAY", "TIME_UNIT", "cell", "display", "fit_columns", "summary_display", "summary_rows"]
