"""Reading inputs: encodings, HTML -> text, folders, capture times from file names."""

from __future__ import annotations

import codecs
import os
from datetime import UTC, datetime

import pytest

from ticker import pages
from ticker.pages import PageError, PageInput, decode, html_to_text, time_from_name

STRIP_LINE = "Öl (Brent) 85,13 -0,28 (-0,33%) — Nikkei 40,074.69 ₹76,957.98"


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (STRIP_LINE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + STRIP_LINE.encode("utf-8"), "utf-8-sig"),
        (STRIP_LINE.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + STRIP_LINE.encode("utf-16-be"), "utf-16"),
        (STRIP_LINE.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings_round_trip(raw, encoding):
    assert decode(raw) == (STRIP_LINE, encoding)


def test_cp1252_is_detected():
    # The bytes are cp1252; a sibling code page that decodes them to the same text is as good.
    text = "Märkte schließen in 5 Stunden — Öl (Brent) 85,13 –0,28 (–0,33 %) € " * 5
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text and encoding.startswith("cp125")  # charset-normalizer may name a sibling page


def test_page_cut_inside_a_multibyte_character_is_still_utf8():
    raw = "Nikkei 40,074.69 ö".encode()[:-1]
    assert decode(raw) == ("Nikkei 40,074.69 ", "utf-8")


def test_binary_is_refused():
    with pytest.raises(PageError, match="binary"):
        decode(bytes(range(256)) * 16)


HTML = """<!DOCTYPE html><html><head><title>Quotes</title><style>.x{}</style>
<script>var price = "1,234.56 +1.00 (+0.08%)";</script></head><body>
<div>Advertisement</div><div>UK markets closed</div>
<ul><li><a href="/q/ftse"><h3>FTSE 100</h3></a><span>8,139.83</span><span>+60.97 (+0.75%)</span></li>
<li><a><h3>DAX</h3></a><span>18,161.01</span><span>+243.73 (+1.36%)</span></li></ul>
<table><tr><th>Name</th><th>Last</th></tr><tr><td>India VIX</td><td>10.635</td></tr></table>
<template>{{data.netChng | number: 2 }}</template><p>Article text.</p></body></html>"""


def test_html_to_text_keeps_blocks_as_lines_and_drops_scripts():
    text = html_to_text(HTML)
    lines = text.splitlines()
    assert "UK markets closed" in lines
    assert "  • FTSE 100" in lines and "8,139.83 +60.97 (+0.75%)" in lines
    assert "India VIX | 10.635 |" in lines
    assert "var price" not in text and "netChng" not in text and ".x{}" not in text


def test_html_file_is_converted_on_load(write_page):
    path = write_page("page.html", HTML)
    page = pages.load(PageInput(str(path), path))
    assert "  • DAX" in page.text and "<li>" not in page.text


def test_html_without_suffix_is_recognised(write_page):
    path = write_page("page.txt", HTML)
    assert "<div>" not in pages.load(PageInput(str(path), path)).text


@pytest.mark.parametrize(
    "name, expected",
    [
        ("2024-05-17T0800_yahoo-sg.txt", datetime(2024, 5, 17, 8, 0, tzinfo=UTC)),
        ("2024-05-17_08-00-30.html", datetime(2024, 5, 17, 8, 0, 30, tzinfo=UTC)),
        ("20190918153500_ftmc.html", datetime(2019, 9, 18, 15, 35, tzinfo=UTC)),
        ("sg-2024-05-17.txt", datetime(2024, 5, 17, tzinfo=UTC)),
        ("page-00017.txt", None),
        ("report-20241399.txt", None),  # digits, not a date
        ("12345678901234567890.txt", None),
    ],
)
def test_time_from_name(name, expected):
    assert time_from_name(name) == expected


def test_expand_folders_recursion_and_bad_arguments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "sub").mkdir()
    for rel in ("a/1.txt", "a/2.HTML", "a/notes.md", "a/sub/3.htm"):
        (tmp_path / rel).write_text("x")
    flat = list(pages.expand([str(tmp_path / "a")]))
    assert [os.path.basename(p.path) for p in flat] == ["1.txt", "2.HTML"]
    deep = list(pages.expand([str(tmp_path / "a")], recursive=True))
    assert [os.path.basename(p.path) for p in deep] == ["1.txt", "2.HTML", "3.htm"]
    (tmp_path / "empty").mkdir()
    [bad_dir] = pages.expand([str(tmp_path / "empty")])
    assert isinstance(bad_dir, pages.BadInput) and "no *.txt" in bad_dir.reason
    [missing] = pages.expand([str(tmp_path / "nope.txt")])
    assert missing.reason == "no such file or folder"


def test_load_hashes_whole_file_but_keeps_head(tmp_path, monkeypatch):
    monkeypatch.setattr(pages.files, "TEXT_HEAD_BYTES", 1000)
    monkeypatch.setattr(pages.files, "_CHUNK", 700)
    path = tmp_path / "big.txt"
    body = ("Nikkei 40,074.69\n" * 500).encode()
    path.write_bytes(body)
    page = pages.load(PageInput(str(path), path))
    import hashlib

    assert page.content_hash == hashlib.sha256(body).hexdigest()
    assert len(page.text) == 1000
    assert any("only the first" in note for note in page.notes)


FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def test_html_page_gives_the_same_quotes_as_its_saved_text():
    from ticker.parser import parse

    html = pages.load(PageInput("x.html", FIXTURES / "yahoo_uk_strip.html"))
    text = pages.load(PageInput("x.txt", FIXTURES / "yahoo_uk_strip.txt"))
    from_html, from_text = parse(html.text), parse(text.text)
    as_tuples = lambda page: [(q.name, q.value, q.change, q.change_pct) for q in page.quotes]  # noqa: E731
    assert len(from_text.quotes) == 4
    assert as_tuples(from_html) == as_tuples(from_text)
    assert from_html.market_status == from_text.market_status == "UK markets closed"


@pytest.mark.parametrize("item", [
    pages.PageInput("p.txt", "p.txt"),
    pages.PageInput("-", None, regular=False),
    pages.PageInput("caf\\xe9.txt", "caf\udce9.txt", regular=True),
    pages.PageInput("fifo", "/tmp/fifo", regular=False),
])
def test_page_inputs_reach_worker_processes_unchanged(item):
    import pickle

    assert pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)) == item


# Markup around scripts, styles and SVG images as pages serve it; emptying them before the parse
# (html.empty_unseen, a speed step) must give the text the parse of the whole markup gives.
UNSEEN = [
    '<li><span>DAX</span><script>w.q={"p":"18,161.01"}</script><span>18,161.01</span></li>',
    "<p>Gold<SCRIPT type='x'>if (a<b && c>d) f('</p><p>9.9')</SCRIPT >2,332.90</p>",
    '<div>Nikkei<svg viewBox="0 0 9 9"><path d="M1 1"/><text>40,074.69</text></svg>40,074.69</div>',
    "<div>Öl<svg><svg><g/></svg></svg>85,13 -0,28 (-0,33%)</div>",  # nested: a stray end tag
    "<head><style>p{content:'</p>1.5'}</style></head><body><p>FTSE 100 8,139.83</p></body>",
    "<div>S&amp;P 500</div><scripts>custom 6,111.81</scripts><svgx>+59.84</svgx>",  # not those tags
    "<p>Dow 44,750.31</p><script>never closed 1.5 +2.5 (3%)",
    "<table><tr><td>Bitcoin</td><script>1</script><td>97,000.10</td></tr></table>",
    '<div data-x="<script>">Brent 85.13</div><p>+0.28 (+0.33%)</p><script>x</script><p>y</p>',
    "<!-- <script> -->Brent 85.13<p>+0.28 (+0.33%)</p><style>p{}</style><p>y</p>",
    # review: a self-closed SVG image is empty (its end tag is the next image's)
    '<svg class="sp"/><p>Dow Jones</p><p>34,000.12</p><p>+120.50 (+0.36%)</p><svg><path d="M0"/></svg>',
    '<i><svg aria-label="a>b" /></i><p>Dow 34,000.12 +1.00 (+0.01%)</p><svg><path/></svg>',
    # an image in an image: the outer one's axis labels stay out of the text
    "<svg><svg><rect/></svg><text>1,234.50</text><text>+2.10%</text></svg><p>Markets</p>",
    # an HTML tag ends an SVG image the parser is in: what follows is the page's
    "<div><svg><path/><p>Nasdaq 14,000.10 -20.30 (-0.14%)</p></div><svg></svg>",
    # a comment with markup in it, a title or text area that says "<script>", other raw text
    "<!-- <div>old</div> <script> --><p>S&amp;P 500 4,500.10 +10.20 (+0.23%)</p><script>x</script>",
    "<head><title>Use <script> tags</title></head><body><p>Nasdaq 14,000.10</p><script>x</script>",
    "<textarea><style></textarea><p>FTSE 100 7,500.10 +5.00 (+0.07%)</p><style>p{}</style>",
    "<xmp><svg></xmp><p>ok</p><svg></svg>",
    "<template><svg></template><p>ok</p><svg></svg>",
    "<math><svg></math><p>ok</p><svg></svg>",
    "<iframe><svg></iframe><p>ok</p><svg></svg>",
    '<a data-x="1>0" title="<svg>">link</a><p>Gold 1,900.00</p><svg></svg>',
    # a script's "<!--" "<script>" ... "</script>": the parser reads on to the next end tag
    "<script><!-- <script></script> --></script><p>X</p>",
]


@pytest.mark.parametrize("markup", UNSEEN)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_emptying_unseen_elements_first_gives_the_same_text(markup, as_bytes, monkeypatch):
    from ticker.pages import html

    page = markup.encode() if as_bytes else markup
    quick = html.html_page(page)
    monkeypatch.setattr(html, "empty_unseen", lambda markup: markup)
    assert quick == html.html_page(page)
    assert "never closed" not in quick[0] and "custom" in html_to_text(UNSEEN[5])


def test_bytes_inside_a_script_do_not_decide_the_page_encoding(write_page):
    # A tracker's script with a stray Latin-1 byte in an otherwise UTF-8 page: no reader sees it,
    # and the page is still read as UTF-8 (its own text decoded as such, no note).
    raw = "<html><body><p>Börse Frankfurt</p><p>DAX 18.161,01 +243,73 (+1,36%)</p>".encode()
    path = write_page("page.html", raw + b"<script>var s='\xe9t\xe9';</script></body></html>")
    page = pages.load(PageInput(str(path), path))
    assert page.text.splitlines() == ["Börse Frankfurt", "DAX 18.161,01 +243,73 (+1,36%)"]
    assert page.encoding == "utf-8" and page.notes == ()
