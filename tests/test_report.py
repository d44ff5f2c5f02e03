"""Reports: Store query methods (series filters, wide, summary, long), `ticker report` options and
formats, `ticker export`, charts and HTML pages — on small stores built in each test."""

from __future__ import annotations

import base64
import io
import json
import re
import sys
from datetime import UTC, datetime

import pandas as pd
import pytest
from typer.testing import CliRunner

from ticker import report as rep
from ticker.cli import app

from conftest import nikkei_page, strip_page

runner = CliRunner()
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def at(day: int, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute, tzinfo=UTC)


# Nikkei value, change, % change at a time; the Dow stays at 39,157.93 (a closed market).
POINTS = [
    (at(17, 8), "40,074.69", "+443.63", "+1.12"),
    (at(17, 9), "40,074.69", "+443.63", "+1.12"),  # stale: same value as before
    (at(17, 15), "40,100.00", "+25.31", "+0.06"),
    (at(18, 1), "39,000.00", "-1,100.00", "-2.74"),  # the largest move
    (at(20, 23, 30), "39,500.50", "+500.50", "+1.28"),
]


@pytest.fixture
def filled(store):
    for i, (when, value, change, pct) in enumerate(POINTS):
        store.ingest_text(nikkei_page(value, change, pct) + f"\npage {i}\n", source=f"p{i}", at=when)
    return store


def db_of(store) -> str:
    return store.url


# ----------------------------------------------------------------------------- Store methods


def test_series_filters_since_until_last(filled):
    assert len(filled.series("Nikkei")) == 5
    assert filled.series("Nikkei", since="2024-05-18")["value"].tolist() == [39000.0, 39500.5]
    # a date as `until` is the whole day; a time is inclusive
    assert filled.series("Nikkei", until="2024-05-17")["value"].tolist() == [40074.69, 40074.69, 40100.0]
    assert len(filled.series("Nikkei", until="2024-05-17T09:00:00+00:00")) == 2
    assert filled.series("Nikkei", since=datetime(2024, 5, 17, 18, tzinfo=UTC), until="2024-05-19").index.tolist() == [
        pd.Timestamp(at(18, 1))]
    last = filled.series("Nikkei", last=2)
    assert last["value"].tolist() == [39000.0, 39500.5]  # the newest two, oldest first
    assert str(last.index.dtype) == "datetime64[us, UTC]"
    assert filled.series("Nikkei", since="2025-01-01").empty


def test_wide_aligns_instruments_with_stable_dtypes(filled):
    df = filled.wide(["Nikkei", "Dow"])
    assert df.columns.tolist() == ["Nikkei 225", "Dow Jones Industrial Average"]
    assert df.index.name == "captured_at" and str(df.index.dtype) == "datetime64[us, UTC]"
    assert df.dtypes.tolist() == ["float64", "float64"]
    assert len(df) == 5 and df["Dow Jones Industrial Average"].eq(39157.93).all()
    daily = filled.wide(["Nikkei", "Dow"], resample="1D")
    # 19 May had no page: the empty bucket is left out; each bucket holds the day's last value
    assert daily.index.name == "bucket"
    assert [t.day for t in daily.index] == [17, 18, 20]
    assert daily["Nikkei 225"].tolist() == [40100.0, 39000.0, 39500.5]


def test_summary_counts_stale_points_and_largest_move(filled):
    df = filled.summary(["Nikkei", "Dow"]).set_index("instrument")
    assert list(df.columns) == list(rep.SUMMARY_COLUMNS)[1:]
    nikkei, dow = df.loc["Nikkei 225"], df.loc["Dow Jones Industrial Average"]
    assert (nikkei["count"], nikkei["stale"], dow["stale"]) == (5, 1, 4)
    assert nikkei["largest_move"] == pytest.approx(-1100.0)
    assert nikkei["largest_move_pct"] == pytest.approx(-100 * 1100 / 40100, abs=1e-6)
    assert nikkei["largest_move_at"] == pd.Timestamp(at(18, 1))
    assert (nikkei["min_value"], nikkei["min_at"]) == (39000.0, pd.Timestamp(at(18, 1)))
    assert nikkei["change"] == pytest.approx(39500.5 - 40074.69)
    dtypes = filled.summary("Nikkei").dtypes.astype(str).to_dict()
    assert dtypes["count"] == "int64" and dtypes["stale"] == "int64" and dtypes["largest_move"] == "float64"
    assert dtypes["first_at"] == dtypes["largest_move_at"] == "datetime64[us, UTC]"


def test_summary_of_an_empty_window_has_the_same_columns(filled):
    df = filled.summary("Nikkei", since="2030-01-01")
    assert df["count"].tolist() == [0] and df["stale"].tolist() == [0]
    assert df["first_value"].isna().all() and str(df["first_at"].dtype) == "datetime64[us, UTC]"


def test_long_table_columns_dtypes_and_last_per_instrument(filled):
    df = filled.long()
    assert df.columns.tolist() == ["captured_at", "instrument", "symbol", "name_printed", "value", "change",
                                   "change_pct", "source", "market_status", "url"]
    assert len(df) == 10
    assert str(df["captured_at"].dtype) == "datetime64[us, UTC]"
    assert df[["value", "change", "change_pct"]].dtypes.unique().tolist() == ["float64"]
    assert all(isinstance(df[c].dtype, pd.StringDtype) for c in ("instrument", "symbol", "source", "market_status", "url"))
    newest = filled.long(last=1)
    assert sorted(newest["instrument"]) == ["Dow Jones Industrial Average", "Nikkei 225"]
    assert newest["captured_at"].tolist() == [pd.Timestamp(at(20, 23, 30))] * 2
    assert filled.long("Nikkei", since="2024-05-18")["value"].tolist() == [39000.0, 39500.5]


# ------------------------------------------------------------------------------ report command


def test_csv_round_trips(filled):
    out = run("report", "--index", "Nikkei", "--db", db_of(filled), "--format", "csv")
    assert out.exit_code == 0, out.output
    back = pd.read_csv(io.StringIO(out.stdout))
    assert back.columns.tolist() == ["captured_at", "value", "change", "change_pct", "source"]
    times = pd.to_datetime(back["captured_at"], format="ISO8601", utc=True)
    series = filled.series("Nikkei")
    assert times.tolist() == series.index.tolist()
    assert back["value"].tolist() == series["value"].tolist()
    assert back["change_pct"].tolist() == series["change_pct"].tolist()
    assert out.stdout.splitlines()[1].startswith("2024-05-17T08:00:00+00:00,40074.69,443.63,1.12,p0")


def test_json_round_trips_with_summary(filled):
    out = run("report", "-i", "^N225", "--db", db_of(filled), "-f", "json")
    doc = json.loads(out.stdout)
    assert (doc["instrument"], doc["symbol"], doc["tz"]) == ("Nikkei 225", "^N225", "UTC")
    rows = pd.DataFrame(doc["series"])
    assert pd.to_datetime(rows["captured_at"], format="ISO8601").tolist() == filled.series("Nikkei").index.tolist()
    assert rows["captured_at"][0] == "2024-05-17T08:00:00+00:00"
    assert rows["value"].tolist() == filled.series("Nikkei")["value"].tolist()
    s = doc["summary"]
    assert (s["count"], s["stale"], s["largest_move"]) == (5, 1, -1100.0)
    assert s["largest_move_at"] == "2024-05-18T01:00:00+00:00"


def test_window_options(filled):
    doc = json.loads(run("report", "-i", "nikkei", "--db", db_of(filled), "-f", "json",
                         "--since", "2024-05-17T09:00", "--until", "2024-05-18").stdout)
    assert [r["value"] for r in doc["series"]] == [40074.69, 40100.0, 39000.0]
    assert doc["since"] == "2024-05-17T09:00:00+00:00"
    doc = json.loads(run("report", "-i", "nikkei", "--db", db_of(filled), "-f", "json", "--last", "2").stdout)
    assert [r["value"] for r in doc["series"]] == [39000.0, 39500.5] and doc["summary"]["count"] == 2


def test_resample_gives_ohlc_buckets_without_empty_ones(filled):
    doc = json.loads(run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "json", "--resample", "1D").stdout)
    buckets = doc["series"]
    assert [b["bucket"] for b in buckets] == ["2024-05-17T00:00:00+00:00", "2024-05-18T00:00:00+00:00",
                                              "2024-05-20T00:00:00+00:00"]
    first = buckets[0]
    assert (first["open"], first["high"], first["low"], first["close"], first["points"]) == (
        40074.69, 40100.0, 40074.69, 40100.0, 3)
    # the close against the close before the bucket (the first quote's value - change: 39,631.06)
    assert (first["change"], first["change_pct"]) == (468.94, 1.183264)
    assert [(b["change"], b["change_pct"]) for b in buckets[1:]] == [(-1100.0, -2.743142), (500.5, 1.283333)]
    hourly = json.loads(run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "json", "--resample", "6h").stdout)
    assert [b["points"] for b in hourly["series"]] == [2, 1, 1, 1]


def test_distinct_drops_consecutive_repeats(filled):
    doc = json.loads(run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "json", "--distinct").stdout)
    assert [r["value"] for r in doc["series"]] == [40074.69, 40100.0, 39000.0, 39500.5]
    assert doc["summary"]["stale"] == 1  # the summary still tells how many were stale
    dow = json.loads(run("report", "-i", "Dow", "--db", db_of(filled), "-f", "json", "--distinct").stdout)
    assert len(dow["series"]) == 1


def test_tz_shows_local_times_and_buckets_local_days(filled):
    doc = json.loads(run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "json", "--tz", "Asia/Tokyo").stdout)
    assert doc["series"][0]["captured_at"] == "2024-05-17T17:00:00+09:00"
    assert doc["summary"]["first_at"] == "2024-05-17T17:00:00+09:00" and doc["tz"] == "Asia/Tokyo"
    csv = run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "csv", "--tz", "Asia/Tokyo").stdout
    assert csv.splitlines()[1].startswith("2024-05-17T17:00:00+09:00,")
    # 18 May 01:00 UTC is 10:00 in Tokyo; the 17 May 15:00 UTC point is already 18 May there
    daily = json.loads(run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "json", "--tz", "Asia/Tokyo",
                           "--resample", "1D").stdout)
    assert [(b["bucket"], b["points"]) for b in daily["series"]] == [
        ("2024-05-17T00:00:00+09:00", 2), ("2024-05-18T00:00:00+09:00", 2), ("2024-05-21T00:00:00+09:00", 1)]
    # a naive --since is read in --tz
    local = json.loads(run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "json", "--tz", "Asia/Tokyo",
                           "--since", "2024-05-18").stdout)
    assert len(local["series"]) == 3


def test_several_indexes_side_by_side(filled):
    out = run("report", "-i", "Nikkei", "-i", "Dow", "-i", "nikkei 225", "--db", db_of(filled), "-f", "json")
    doc = json.loads(out.stdout)
    assert [i["instrument"] for i in doc["instruments"]] == ["Nikkei 225", "Dow Jones Industrial Average"]
    assert list(doc["series"][0]) == ["captured_at", "Nikkei 225", "Dow Jones Industrial Average"]
    assert len(doc["series"]) == 5
    assert [(s["instrument"], s["count"], s["stale"]) for s in doc["summary"]] == [
        ("Nikkei 225", 5, 1), ("Dow Jones Industrial Average", 5, 4)]
    table = run("report", "-i", "Nikkei", "-i", "Dow", "--db", db_of(filled))
    assert table.exit_code == 0 and "Summary" in table.output and "largest move" in table.output


def test_table_and_markdown_read_well(filled):
    table = run("report", "-i", "Nikkei", "--db", db_of(filled))
    assert table.exit_code == 0
    for text in ("40,074.69", "+443.63", "-2.74%", "stale", "1 (same value", "largest move", "-1,100.00 (-2.74%)"):
        assert text in table.output
    md = run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "markdown").stdout
    assert md.startswith("## Nikkei 225 (^N225)")
    assert "| captured_at | value | change | change_pct | source |" in md
    assert "| 2024-05-17 08:00 | 40,074.69 | +443.63 | +1.12% | p0 |" in md
    assert "| largest move | -1,100.00 (-2.74%)  at 2024-05-18 01:00 |" in md


def test_long_terminal_tables_show_first_and_last_rows(store):
    for i in range(60):
        store.ingest_text(nikkei_page(f"40,{i:03d}.00", "+1.00", "+0.01"), source=f"s{i}", at=at(1 + i // 24, i % 24))
    out = run("report", "-i", "Nikkei", "--db", store.url)
    assert out.exit_code == 0
    assert "40,000.00" in out.output and "40,059.00" in out.output and "40,030.00" not in out.output
    assert "60 rows: the first and last 10 shown" in out.output
    assert len(run("report", "-i", "Nikkei", "--db", store.url, "-f", "csv").stdout.splitlines()) == 61


def test_plot_writes_a_png(filled, tmp_path):
    png = tmp_path / "out" / "nikkei.png"
    out = run("report", "-i", "Nikkei", "-i", "10-yr bond", "--db", db_of(filled), "--plot", png)
    assert "no instrument" in out.output  # the bond was never stored
    out = run("report", "-i", "Nikkei", "-i", "Dow", "--db", db_of(filled), "--plot", png, "-f", "csv")
    assert out.exit_code == 0, out.output
    data = png.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 10_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 800 and height >= 400


def test_html_is_one_page_with_summary_chart_and_table(filled, tmp_path):
    page = tmp_path / "nikkei.html"
    out = run("report", "-i", "Nikkei", "--db", db_of(filled), "-f", "html", "-o", page)
    assert out.exit_code == 0, out.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<title>Nikkei 225 (^N225)</title>" in html and "Summary" in html and "largest move" in html
    embedded = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert embedded and base64.b64decode(embedded.group(1))[:8] == PNG_MAGIC
    assert html.count("<tr>") >= 5 + 8  # five data rows and the summary rows
    assert 'class="num down">-1,100.00' in html
    assert "http://" not in html and "https://" not in html  # self-contained: nothing to fetch


@pytest.mark.parametrize(
    "args, message",
    [
        (["-i", "Nikkei", "--resample", "fortnightly"], "not a resample rule: 'fortnightly'"),
        (["-i", "Nikkei", "--resample", "0h"], "not a resample rule"),
        (["-i", "Nikkei", "--tz", "Mars/Olympus_Mons"], "unknown time zone 'Mars/Olympus_Mons'"),
        (["-i", "Nikkei", "--since", "last tuesday"], "not a date or ISO time: 'last tuesday'"),
        (["-i", "Nikkie"], "no instrument called 'Nikkie'; closest known: Nikkei"),
        (["-i", "Nikkei", "-i", "Nikkie", "-f", "html"], "no instrument called 'Nikkie'"),
        (["--resample", "1D"], "need an --index"),
        (["-i", "Nikkei", "--plot", "chart.svg"], "--plot writes a PNG"),
    ],
)
def test_bad_input_is_one_clear_line(filled, args, message):
    out = run("report", *args, "--db", db_of(filled))
    assert out.exit_code == 1
    assert out.output.startswith("error: ") and message in out.output
    assert out.output.count("\n") == 1 and "Traceback" not in out.output


def test_board_takes_tz_and_formats(filled):
    board = json.loads(run("report", "--db", db_of(filled), "-f", "json", "--tz", "America/New_York").stdout)
    assert {r["captured_at"] for r in board} == {"2024-05-20T19:30:00-04:00"}
    md = run("indexes", "--db", db_of(filled), "-f", "markdown").stdout
    assert md.startswith("## Instruments") and "| Nikkei 225 | ^N225 |" in md


def test_fast_path_matches_the_pandas_path(filled):
    if not filled.url.startswith("sqlite"):
        assert rep.build_quick(filled.url, "Nikkei") is None  # PostgreSQL: always the full path
        return
    for options in ({}, {"tz": "Asia/Tokyo", "last": 3}, {"since": "2024-05-17T09:00", "drop_repeats": True}):
        quick = rep.build_quick(filled.url, "nikkei 225", **options)
        full = rep.build(filled, ["nikkei 225"], **options)
        assert quick is not None and quick.document() == full.document()
        assert rep.to_csv(quick.table) == rep.to_csv(full.table)
    assert rep.build_quick(filled.url, "no such thing") is None  # the full path explains


def test_fast_path_needs_neither_pandas_nor_sqlalchemy(filled, monkeypatch):
    if not filled.url.startswith("sqlite"):
        pytest.skip("the fast path reads SQLite stores")
    monkeypatch.setitem(sys.modules, "pandas", None)  # any import of pandas would now fail
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)
    for fmt in ("table", "csv", "json", "markdown"):
        out = run("report", "-i", "Nikkei", "--db", filled.url, "-f", fmt, "--tz", "Asia/Tokyo", "--distinct")
        assert out.exit_code == 0, (fmt, out.output)


def test_fast_path_is_skipped_for_an_older_schema(tmp_path):
    from ticker.db import migrate
    from ticker.store import Store, make_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    assert rep.build_quick(url, "Nikkei") is None
    with Store(url) as store:  # opening upgrades; then the fast path can answer
        store.ingest_text(nikkei_page("40,074.69", "+443.63", "+1.12"), at=at(17))
    assert rep.build_quick(url, "Nikkei").summary[0]["count"] == 1


# ------------------------------------------------------------------------------------ export


def test_export_csv_and_jsonl_round_trip(filled, tmp_path):
    out = run("export", "--db", db_of(filled))
    assert out.exit_code == 0, out.output
    back = pd.read_csv(io.StringIO(out.stdout))
    assert back.columns.tolist() == ["captured_at", "instrument", "symbol", "name_printed", "value", "change",
                                     "change_pct", "source", "market_status", "url"]
    assert len(back) == 10
    assert pd.to_datetime(back["captured_at"], format="ISO8601").tolist() == filled.long()["captured_at"].tolist()
    path = tmp_path / "quotes.jsonl"
    assert run("export", "-i", "Nikkei", "--db", db_of(filled), "-f", "jsonl", "-o", path, "--last", "2").exit_code == 0
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["value"] for r in lines] == [39000.0, 39500.5]
    assert lines[0]["captured_at"] == "2024-05-18T01:00:00+00:00" and lines[0]["market_status"] == "Singapore markets closed"


def test_export_parquet_has_proper_types(filled, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "quotes.parquet"
    out = run("export", "--db", db_of(filled), "-f", "parquet", "-o", path, "--since", "2024-05-18", "--tz", "Asia/Tokyo")
    assert out.exit_code == 0, out.output
    table = pq.read_table(path)
    schema = table.schema
    assert schema.field("captured_at").type == pa.timestamp("us", tz="Asia/Tokyo")
    for name in ("value", "change", "change_pct"):
        assert schema.field(name).type == pa.float64()
    for name in ("instrument", "symbol", "name_printed", "source", "market_status", "url"):
        assert pa.types.is_string(schema.field(name).type) or pa.types.is_large_string(schema.field(name).type)
    df = pd.read_parquet(path)
    # --since 2024-05-18 in Tokyo starts at 17 May 15:00 UTC: three pages of two quotes
    assert len(df) == 6 and df["captured_at"].min() == pd.Timestamp(at(17, 15))


def test_export_unknown_index_is_one_line(filled):
    out = run("export", "-i", "Nikkie", "--db", db_of(filled))
    assert out.exit_code == 1 and out.output.startswith("error: no instrument called 'Nikkie'")


# ------------------------------------------------------------------------------------ pieces


def test_chart_of_several_scales_gets_panels():
    from ticker.report.plot import chart_png

    idx = pd.date_range("2024-05-17", periods=30, freq="h", tz="UTC")
    big = pd.Series(range(40_000, 40_030), index=idx, dtype="float64")
    small = pd.Series([4.4 + i / 100 for i in range(30)], index=idx)
    one = chart_png({"Nikkei 225": big})
    two = chart_png({"Nikkei 225": big, "US 10-Year Treasury Yield": small}, tz="Asia/Tokyo")
    assert one[:8] == two[:8] == PNG_MAGIC
    assert int.from_bytes(two[20:24], "big") > int.from_bytes(one[20:24], "big")  # taller: one panel each


def test_writers_on_an_empty_table():
    empty = rep.Table(["captured_at", "value"], [])
    assert rep.to_csv(empty) == "captured_at,value\n"
    assert rep.to_json(empty) == "[]" and rep.to_jsonl(empty) == ""
    assert "| captured_at | value |" in rep.to_markdown(empty)
    assert "0 rows" in rep.to_html(empty, "Nothing")


def test_summarize_first_minimum_and_single_point():
    t = [at(d) for d in (17, 18, 19)]
    s = rep.summarize(t, [5.0, 3.0, 3.0])
    assert s["min_at"] == at(18) and s["stale"] == 1 and s["largest_move"] == -2.0
    one = rep.summarize(t[:1], [5.0])
    assert one["count"] == 1 and one["largest_move"] is None and one["stale"] == 0


def test_small_values_keep_their_decimals(store):
    store.ingest_text(strip_page(), at=at(17))
    out = run("report", "-i", "10-yr bond", "--db", store.url)
    assert "4.439 " in out.output and "-0.04 " in out.output and "-0.89%" in out.output


def test_times_of_every_older_form_are_rewritten_with_their_offset_and_back(filled):
    """Revision 0003: SQLite's times become ISO 8601 UTC with the offset, whichever form the
    older revisions left (``… 09:00:00.000000``, or ``… 09:00:00`` from raw inserts), and the
    windows answer right on them; downgrading gives the old form back."""
    if not filled.url.startswith("sqlite"):
        pytest.skip("SQLite keeps times as text; PostgreSQL's timestamptz is unchanged by 0003")
    import sqlite3

    import sqlalchemy as sa

    from ticker.db import migrate

    path = filled.url.removeprefix("sqlite:///")
    migrate.downgrade(filled.engine, "0002")
    with filled.engine.begin() as conn:  # one row in each of the two text forms of a time
        assert conn.execute(sa.text("SELECT captured_at FROM snapshots ORDER BY id")).scalar() == "2024-05-17 08:00:00.000000"
        conn.execute(sa.text("UPDATE snapshots SET captured_at = substr(captured_at, 1, 19) WHERE id % 2 = 1"))
    migrate.upgrade(filled.engine, "head")
    with sqlite3.connect(path) as con:
        stored = [t for (t,) in con.execute("SELECT captured_at FROM snapshots ORDER BY id")]
        view = con.execute("SELECT captured_at FROM quote_series ORDER BY captured_at LIMIT 1").fetchone()[0]
    assert stored == [t.isoformat("T", "microseconds") for t, *_ in POINTS]
    assert view == "2024-05-17T08:00:00.000000+00:00"
    assert str(pd.to_datetime(view).tz) == "UTC"  # what pandas (and Datasette, sqlite3 users) see: aware
    window = {"since": "2024-05-17T09:00", "until": "2024-05-18T01:00"}
    assert filled.series("Nikkei", **window)["value"].tolist() == [40074.69, 40100.0, 39000.0]
    quick = rep.build_quick(filled.url, "Nikkei", **window)
    assert [r[1] for r in quick.table.rows] == [40074.69, 40100.0, 39000.0]
    assert [str(r[0]) for r in quick.table.rows][0] == "2024-05-17 09:00:00+00:00"
    migrate.downgrade(filled.engine, "0002")
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT min(captured_at) FROM snapshots").fetchone()[0] == "2024-05-17 08:00:00.000000"
    migrate.upgrade(filled.engine, "head")


def test_fast_path_finds_the_store_and_names_as_the_store_does(filled, monkeypatch, tmp_path):
    from ticker.db import location, queries

    if not filled.url.startswith("sqlite"):
        assert location.existing_file(filled.url) is None
        return
    path = filled.url[len("sqlite:///"):]
    monkeypatch.setenv("TICKER_DB", path)
    assert location.existing_file(None) == location.existing_file(path) == location.existing_file(filled.url)
    assert location.existing_file(tmp_path / "missing.db") is None and location.existing_file(":memory:") is None
    for name in ("Nikkei", "NIKKEI 225", "^N225", "n225", "dow"):
        (instrument, symbol), _rows = queries.read_series(None, name)
        found = filled.find_instrument(name)
        assert (instrument, symbol) == (found["name"], found["symbol"])
