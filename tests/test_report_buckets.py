"""Reports that never mislead (issue 14.1, 14.2, 15.11): a bucket's change is its own, buckets are
labelled by their start, --last counts buckets, --rebase, charts of different scales, and a fine
resample over a wide span refused with a clear line — on real stores of page snippets."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from ticker.cli import app

from conftest import strip_page

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def when(day: int, hour: int = 8, month: int = 5, year: int = 2024) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def ingest(store, points):
    """points: (time, [(printed name, value, change, pct), …]) -> one page each."""
    for i, (at, entries) in enumerate(points):
        store.ingest_text(strip_page(entries) + f"\npage {i}\n", source=f"p{i}.html", at=at)
    return store.url


def test_a_bucket_change_is_its_close_against_the_previous_close(store):
    # 21 May fell from 40,000.00 to 38,840.00 (-2.90%), though its last page printed +0.94% (a new
    # session had begun against another close): the bucket says -2.90%.
    db = ingest(store, [
        (when(20, 8), [("Nikkei", "40,000.00", "+400.00", "+1.01")]),
        (when(21, 2), [("Nikkei", "39,500.00", "-500.00", "-1.25")]),
        (when(21, 23), [("Nikkei", "38,840.00", "+361.75", "+0.94")]),
    ])
    doc = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--resample", "1D").stdout)
    [day20, day21] = doc["series"]
    assert (day21["open"], day21["close"], day21["change"], day21["change_pct"]) == (39500.0, 38840.0, -1160.0, -2.9)
    # the first bucket: against the close its first quote printed beside (40,000.00 - 400.00)
    assert (day20["change"], day20["change_pct"]) == (400.0, 1.010101)


def test_buckets_are_labelled_by_their_start_a_week_by_its_monday(store):
    db = ingest(store, [
        (when(22), [("Nikkei", "39,000.00", "+10.00", "+0.03")]),  # Wednesday
        (when(26), [("Nikkei", "39,100.00", "+100.00", "+0.26")]),  # Sunday: the same week
        (when(27), [("Nikkei", "39,200.00", "+100.00", "+0.26")]),  # Monday: the next
        (when(3, month=6), [("Nikkei", "39,300.00", "+100.00", "+0.26")]),
    ])
    weeks = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--resample", "1W").stdout)["series"]
    assert [(w["bucket"][:10], w["points"], w["close"]) for w in weeks] == [
        ("2024-05-20", 2, 39100.0), ("2024-05-27", 1, 39200.0), ("2024-06-03", 1, 39300.0)]
    months = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--resample", "ME").stdout)["series"]
    assert [(m["bucket"][:10], m["points"]) for m in months] == [("2024-05-01", 3), ("2024-06-01", 1)]


def test_last_counts_buckets_after_resampling(store):
    db = ingest(store, [(when(day), [("Nikkei", f"39,{day:03d}.00", "+1.00", "+0.01"),
                                     ("Hang Seng", f"17,{day:03d}.00", "+1.00", "+0.01")])
                        for day in range(10, 17)])
    doc = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--resample", "1D", "--last", "5").stdout)
    assert [b["bucket"][:10] for b in doc["series"]] == [f"2024-05-{d}" for d in range(12, 17)]
    assert doc["series"][0]["change"] == 1.0  # against the 11th's close, which is not shown
    assert doc["summary"]["count"] == 5
    both = json.loads(run("report", "-i", "Nikkei", "-i", "Hang Seng", "--db", db, "-f", "json",
                          "--resample", "1D", "--last", "2").stdout)
    assert [r["bucket"][:10] for r in both["series"]] == ["2024-05-15", "2024-05-16"]
    table = run("report", "-i", "Nikkei", "--db", db, "--resample", "1D", "--last", "5").stdout
    assert "last 5 buckets" in table


def test_rebase_shows_each_series_as_100_at_its_first_point(store):
    db = ingest(store, [
        (when(20), [("Nikkei", "40,000.00", "+10.00", "+0.03"), ("Hang Seng", "17,000.00", "+10.00", "+0.06")]),
        (when(21), [("Nikkei", "40,400.00", "+400.00", "+1.00"), ("Hang Seng", "16,830.00", "-170.00", "-1.00")]),
    ])
    both = json.loads(run("report", "-i", "Nikkei", "-i", "Hang Seng", "--db", db, "-f", "json", "--rebase").stdout)
    assert [(r["Nikkei 225"], r["Hang Seng Index"]) for r in both["series"]] == [(100.0, 100.0), (101.0, 99.0)]
    assert both["rebase"] is True
    one = run("report", "-i", "Hang Seng", "--db", db, "-f", "csv", "--rebase").stdout.splitlines()
    assert one[0] == "captured_at,value,rebased,change,change_pct,source"
    assert [line.split(",")[2] for line in one[1:]] == ["100.0", "99.0"]
    daily = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--rebase", "--resample", "1D").stdout)
    assert [b["rebased"] for b in daily["series"]] == [100.0, 101.0]
    board = run("report", "--db", db, "--rebase")
    assert board.exit_code == 1 and "need an --index" in board.stderr


def _line_heights(png: bytes, colours) -> list[int]:
    """How far each colour's line moves up and down, in pixels: its height in each pixel column of
    the right half of the image (panel titles, in the lines' colours, are on the left), from the
    10th to the 90th percentile over the columns (a legend's sample line, a few columns wide,
    does not count)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    heights = []
    for colour in colours:
        centres = []
        for x in range(width // 2, width):
            ys = [y for y in range(height) if sum(abs(a - b) for a, b in zip(pixels[x, y], colour)) < 60]
            if ys:
                centres.append(sum(ys) / len(ys))
        centres.sort()
        if not centres:
            heights.append(0)
            continue
        heights.append(round(centres[len(centres) * 9 // 10] - centres[len(centres) // 10]))
    return heights


BLUE, ORANGE = (31, 119, 180), (255, 127, 14)  # matplotlib's tab10: the first two lines


@pytest.mark.parametrize("extra", [[], ["--rebase"]])
def test_chart_of_two_scales_shows_both_lines_moving(store, tmp_path, extra):
    # The Hang Seng (~17,000) beside the Nikkei (~40,000), each moving about 1%: on one shared
    # axis both would be drawn flat.
    swings = [0, 1, -1, 0.5, -0.5, 1, 0]
    db = ingest(store, [
        (when(10 + i), [("Nikkei", f"{40_000 * (1 + s / 100):,.2f}", "+1.00", "+0.01"),
                        ("Hang Seng", f"{17_000 * (1 - s / 100):,.2f}", "+1.00", "+0.01")])
        for i, s in enumerate(swings)])
    chart = tmp_path / "both.png"
    result = run("report", "-i", "Nikkei", "-i", "Hang Seng", "--db", db, "--plot", chart, *extra)
    assert result.exit_code == 0, result.output
    nikkei, hang_seng = _line_heights(chart.read_bytes(), [BLUE, ORANGE])
    assert nikkei > 60 and hang_seng > 60, (nikkei, hang_seng)


def test_fine_resample_over_a_wide_span_is_refused_in_one_line(store):
    db = ingest(store, [(when(2, month=1, year=1970), [("Nikkei", "2,000.00", "+1.00", "+0.05"),
                                                       ("Dow", "800.00", "+1.00", "+0.13")])]
                + [(when(17, hour), [("Nikkei", f"40,0{hour:02d}.00", "+1.00", "+0.01")]) for hour in range(24)])
    for rule in ("1s", "1min"):
        result = run("report", "-i", "Nikkei", "--db", db, "--resample", rule)
        assert result.exit_code == 1
        [line] = result.stderr.splitlines()
        assert line.startswith(f"error: --resample {rule} over 1970-01-02 – 2024-05-17 makes ") and "--since" in line
    # the same rule over the recent pages alone, and a coarse rule over the whole span, answer
    recent = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--resample", "1min",
                            "--since", "2024-05-01").stdout)
    assert len(recent["series"]) == 24
    days = json.loads(run("report", "-i", "Nikkei", "--db", db, "-f", "json", "--resample", "1D").stdout)
    assert [b["points"] for b in days["series"]] == [1, 24]
    both = run("report", "-i", "Nikkei", "-i", "Dow", "--db", db, "--resample", "1s")
    assert both.exit_code == 1 and "makes" in both.stderr


@pytest.mark.parametrize("columns", [80, 100, 60])
def test_the_board_never_cuts_a_number(store, columns):
    from conftest import SEED_STRIP

    deep = "/home/someone/archive/saved pages/2024/05/17/finance.example.com/markets/today.html"
    store.ingest_text(strip_page(SEED_STRIP), source=deep, at=when(17))
    result = runner.invoke(app, ["report", "--db", store.url], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    for name, value, change, pct in SEED_STRIP:
        value, change = (f"{float(v.replace(',', '')):{s},.{max(2, len(v.split('.')[1].rstrip('0')))}f}"
                         for v, s in ((value, ""), (change, "+")))  # 4.4390 shows as 4.439
        row = next(line for line in lines if f" {value} " in line)  # whole, on one line
        assert f" {change} " in row and f" {pct}% " in row, (name, row)
    if columns < 100:
        assert "left out to fit" in result.stdout and "--format csv" in result.stdout
    if columns == 100:
        assert "today.html" in result.stdout and "/home/someone" not in result.stdout  # the file's name
