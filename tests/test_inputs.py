"""Pages as people keep them (issue 12, the input side; issue 15.5, 15.8, 15.12): minified HTML,
compressed pages, zip archives, MHTML, web archives (WARC); mixed encodings, symlink loops,
unreadable folders, never-ending pipes. Every fixture is written here; the end-to-end cases run
``ticker ingest`` as a process into a real SQLite file and check the quotes stored."""

from __future__ import annotations

import bz2
import email.message
import email.policy
import gzip
import io
import lzma
import os
import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zstandard

from ticker import pages
from ticker.pages import PageError, PageInput, html_to_text
from ticker.parser import parse

from pagegen import TICKER, lines_naming, run_ticker

# A header strip as sites serve it: no whitespace between elements.
STRIP = [("Straits Times Index", "3,367.90", "+29.33", "+0.88"), ("Nikkei", "40,074.69", "+443.63", "+1.12"),
         ("Dow", "39,157.93", "-11.59", "-0.03"), ("Gold", "2,332.90", "-6.00", "-0.26"),
         ("10-Yr Bond", "4.4390", "-0.0400", "-0.89")]
EXPECTED = [(n, float(v.replace(",", "")), float(c), float(p)) for n, v, c, p in STRIP]


def spans_page(entries=STRIP, status="Singapore markets closed", head="") -> str:
    items = "".join(
        f'<li><a href="/q"><span>{n}</span><span>{v}</span><span>{c}</span><span>({p}%)</span></a></li>'
        for n, v, c, p in entries
    )
    return (f'<!DOCTYPE html><html><head>{head}<script>var q="1,234.56 +1.00 (+0.08%)"</script><style>.a{{}}</style>'
            f'</head><body><div><span>{status}</span></div><ul>{items}</ul><p>Article text.</p></body></html>')


def table_page(entries=STRIP) -> str:
    rows = "".join(f"<tr><td>{n}</td><td>{v}</td><td>{c}</td><td>({p}%)</td></tr>" for n, v, c, p in entries)
    return f"<html><body><div>Singapore markets closed</div><table><tbody>{rows}</tbody></table></body></html>"


def streamer_page(entries=STRIP) -> str:
    items = "".join(
        f'<li><div><h3>{n}</h3></div><fin-streamer data-field="regularMarketPrice">{v}</fin-streamer>'
        f'<fin-streamer data-field="change">{c}</fin-streamer><fin-streamer data-field="pct">({p}%)</fin-streamer>'
        f'<svg viewBox="0 0 1 1"><text>9.99</text><path d="M12 2 3"/></svg></li>'
        for n, v, c, p in entries
    )
    return ("<html><body><header><span>Singapore markets closed</span></header>"
            f"<template><li>{{{{price}}}} 1.00</li></template><noscript>1.00 +2.00</noscript><ul>{items}</ul></body></html>")


def pretty(html: str) -> str:
    """The same markup with a newline between every two tags (as the page's source might be laid out)."""
    return html.replace("><", ">\n<")


def quotes_of(text: str):
    return [(q.name, float(q.value), float(q.change), float(q.change_pct)) for q in parse(text).quotes]


# ------------------------------------------------------------------------------ HTML to text


@pytest.mark.parametrize("page", [spans_page, table_page, streamer_page], ids=["spans", "table", "fin-streamer"])
def test_minified_strip_gives_every_quote_and_the_same_as_laid_out_markup(page):
    minified = page()
    assert quotes_of(html_to_text(minified)) == EXPECTED
    assert quotes_of(html_to_text(pretty(minified))) == EXPECTED
    assert "Singapore markets closed" in html_to_text(minified).splitlines()


@pytest.mark.parametrize(
    "html, line",
    [
        ("<div><span>Nikkei</span><span>40,074.69</span></div>", "Nikkei 40,074.69"),  # name against a figure
        ("<div><b>8,139.83</b><b>+60.97</b><b>(+0.75%)</b></div>", "8,139.83 +60.97 (+0.75%)"),
        ("<div><b>4.4390</b><i>-0.0400</i></div>", "4.4390 -0.0400"),
        ("<div><b>S</b>&amp;P 500</div>", "S&P 500"),  # a letter against a sign that is no figure: one word
        ("<div>1<sup>st</sup> quarter</div>", "1st quarter"),
        ("<div>1,234<span>.56</span></div>", "1,234.56"),  # a figure styled in two parts
        ("<div><span>Dow</span><span>Jones</span></div>", "DowJones"),  # letters run together as a browser shows
        ("<p>FTSE&nbsp;100&#160;8,139.83 &euro;</p>", "FTSE 100 8,139.83 €"),  # entities decoded
        ("<p>a</p><script>1.00 +2.00</script><style>p{}</style><template>9</template><noscript>9</noscript>"
         "<svg><text>9</text></svg><p>b</p>", "a\nb"),
        ("<table><tr><th>Name</th><th>Last</th></tr><tr><td>India VIX</td><td>10.635</td></tr></table>",
         "Name | Last |\nIndia VIX | 10.635 |"),
        ("<ul><li>Nikkei</li><li>Dow</li></ul>", "  • Nikkei\n  • Dow"),
        ("<ul><li><h3>FTSE 100</h3><span>8,139.83</span></li></ul>", "  • FTSE 100\n8,139.83"),
        ("<div>a<br>b</div><div>c</div>", "a\nb\nc"),
        ("<ul><li><a><div><div><h3>FTSE 100</h3></div></div></a><span>8,139.83</span></li></ul>", "  • FTSE 100\n8,139.83"),
        # a list item that is a layout box around a widget: its first line is no list item
        ("<ul><li><div><div><section><header><div><div><span>U.S. markets close in 32m</span></div></div>"
         "</header></section></div></div></li></ul>", "U.S. markets close in 32m"),
        ("<div><span>U.S. markets close in 32m</span></div>\n<div>\n<span>Dow</span>\n</div>", "U.S. markets close in 32m\nDow"),
    ],
)
def test_html_to_text_table(html, line):
    assert html_to_text(html) == line


def test_saved_page_and_its_html_give_the_same_quotes(tmp_path):
    """A browser's "save as text" of a page and its HTML: the same quotes."""
    saved_text = "Singapore markets closed\n" + "".join(f"  • {n} {v} {c} ({p}%)\n" for n, v, c, p in STRIP)
    (tmp_path / "p.html").write_text(spans_page())
    (tmp_path / "p.txt").write_text(saved_text)
    html = pages.load(PageInput("p.html", str(tmp_path / "p.html")))
    text = pages.load(PageInput("p.txt", str(tmp_path / "p.txt")))
    assert quotes_of(html.text) == quotes_of(text.text) == EXPECTED


@pytest.mark.parametrize(
    "head, url",
    [
        ('<link rel="canonical" href="https://finance.example/quote/N225"><meta property="og:url" content="https://x/og">',
         "https://finance.example/quote/N225"),
        ('<meta property="og:url" content="https://finance.example/og">', "https://finance.example/og"),
        ('<link rel="canonical" href="/relative">', None),
        ("", None),
    ],
)
def test_page_url_from_canonical_link_or_og_url(tmp_path, head, url):
    (tmp_path / "p.html").write_text(spans_page(head=head))
    assert pages.load(PageInput("p.html", str(tmp_path / "p.html"))).url == url


# ------------------------------------------------------------------------------ decoding (15.5)


def test_utf8_strip_then_cp1252_section_is_utf8_and_names_stay_clean(tmp_path):
    strip = "Singapore markets closed\n" + "".join(f"  \u2022 {n}\n{v}\n{c} ({p}%)\n" for n, v, c, p in STRIP)
    tail = ("Börsen schließen – Märkte für Öl und Gas, Zürich · Genève " * 40).encode("cp1252")
    (tmp_path / "mixed.txt").write_bytes(strip.encode("utf-8") + tail)
    page = pages.load(PageInput("mixed.txt", str(tmp_path / "mixed.txt")))
    assert page.encoding.startswith("utf-8") and quotes_of(page.text) == EXPECTED
    assert all("\u2022" not in q.name and "Ä" not in q.name for q in parse(page.text).quotes)


def test_a_cp1252_page_is_still_cp1252():
    text = "Märkte schließen in 5 Stunden — Öl (Brent) 85,13 –0,28 (–0,33 %) € " * 5
    decoded, encoding = pages.decode(text.encode("cp1252"))
    assert decoded == text and encoding.startswith("cp125")


# ------------------------------------------------------------------------------ compressed pages

COMPRESSORS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda b: zstandard.ZstdCompressor().compress(b),
}


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_page_is_read_and_hashed_as_its_content(tmp_path, suffix):
    raw = spans_page().encode()
    path = tmp_path / f"2024-05-17T0800_p.html{suffix}"
    path.write_bytes(COMPRESSORS[suffix](raw))
    page = pages.load(PageInput(str(path), str(path)))
    assert quotes_of(page.text) == EXPECTED
    assert page.content_hash == pages.load(PageInput("x.html", _plain(tmp_path, raw))).content_hash
    assert page.name_time == datetime(2024, 5, 17, 8, tzinfo=UTC)


def _plain(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "plain.html"
    path.write_bytes(raw)
    return str(path)


def test_compression_bomb_is_one_clear_error(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"0" * (8 << 20)))
    with pytest.raises(PageError, match="decompresses to more than 1 MiB: not a page"):
        pages.compressed.read_capped(gzip.open(bomb), 1000, cap=1 << 20)


def test_damaged_compressed_page_is_one_clear_error(tmp_path):
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(spans_page().encode())[:40])
    with pytest.raises(PageError, match="damaged compressed file"):
        pages.load(PageInput(str(path), str(path)))


# ------------------------------------------------------------------------------ MHTML


def mhtml_file(html: str, *, encoding: str, charset: str = "utf-8") -> bytes:
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://finance.example/markets"
    message["Subject"] = "Markets"
    message["Date"] = "Thu, 13 Feb 2025 20:28:00 -0000"
    message.make_related()
    part = email.message.MIMEPart(policy=email.policy.SMTP)
    part.set_content(html.encode(charset), "text", "html", cte=encoding)
    part.set_param("charset", charset)
    part["Content-Location"] = "https://finance.example/markets"
    message.attach(part)
    image = email.message.MIMEPart(policy=email.policy.SMTP)
    image.set_content(b"\x89PNG\r\n\x1a\n" + bytes(200), "image", "png")
    message.attach(image)
    return message.as_bytes()


@pytest.mark.parametrize("encoding, charset", [("quoted-printable", "utf-8"), ("base64", "utf-8"), ("base64", "cp1252")])
def test_mhtml_page(tmp_path, encoding, charset):
    html = spans_page(status="Märkte geschlossen")
    path = tmp_path / "page.mhtml"
    path.write_bytes(mhtml_file(html, encoding=encoding, charset=charset))
    page = pages.load(PageInput(str(path), str(path)))
    assert quotes_of(page.text) == EXPECTED
    assert "Märkte geschlossen" in page.text
    assert page.url == "https://finance.example/markets"
    assert (page.header_time, page.header_origin) == (datetime(2025, 2, 13, 20, 28, tzinfo=UTC), "mhtml")


def test_mhtml_without_html_part_is_one_clear_error(tmp_path):
    path = tmp_path / "page.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n--B\r\n"
                     b"Content-Type: image/png\r\n\r\nxx\r\n--B--\r\n")
    with pytest.raises(PageError, match="without a text/html part"):
        pages.load(PageInput(str(path), str(path)))


# ------------------------------------------------------------------------------ WARC


def write_warc(path: Path, *, gz: bool, cut: bool = True, status: str = "Singapore") -> list[int]:
    """Two HTML responses, an image, a request, then (``cut``) a response cut short; returns the
    offsets of the records. ``status``: the first page's market (other bytes, another page)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    offsets = []

    def response(uri, body: bytes, ctype: str, date: str):
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                           warc_headers_dict={"WARC-Date": date})
        offsets.append(buf.tell())
        writer.write_record(record)

    response("https://finance.example/sg", spans_page(status=f"{status} markets closed").encode(), "text/html; charset=utf-8",
             "2025-02-13T20:28:00Z")
    offsets.append(buf.tell())
    writer.write_record(writer.create_warc_record("https://finance.example/sg", "request",
                                                  payload=io.BytesIO(b"GET /sg HTTP/1.1\r\n\r\n")))
    response("https://finance.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png", "2025-02-13T20:28:01Z")
    second = spans_page(STRIP[:3], status=f"Tokyo markets closed ({status})").encode("cp1252")
    response("https://finance.example/jp", second, "text/html; charset=windows-1252", "2025-02-14T01:00:00Z")
    if cut:
        response("https://finance.example/cut", spans_page().encode(), "text/html", "2025-02-14T02:00:00Z")
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 200] if cut else data)
    return offsets


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_records_are_pages_the_rest_skipped_and_a_cut_record_named(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, gz=gz)
    items = list(pages.expand([str(path)]))
    first, second, bad = items
    assert first.source == f"{path}#{offsets[0]} https://finance.example/sg"
    assert second.source == f"{path}#{offsets[3]} https://finance.example/jp"
    assert second.notes == ("2 archive records skipped (1 request, 1 image/png)",) or second.notes == (
        "2 archive records skipped (1 image/png, 1 request)",)
    assert isinstance(bad, pages.BadInput) and bad.source == str(path)
    assert bad.reason.startswith(f"record at offset {offsets[4]} is ")
    one = pages.load(first)
    assert quotes_of(one.text) == EXPECTED
    assert (one.url, one.header_time, one.header_origin) == (
        "https://finance.example/sg", datetime(2025, 2, 13, 20, 28, tzinfo=UTC), "warc")
    two = pages.load(second)
    assert quotes_of(two.text) == EXPECTED[:3] and "Tokyo markets closed" in two.text


def test_archive_without_pages_is_one_clear_error(tmp_path):
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warc_record("https://x.example/", "request", payload=io.BytesIO(b"GET /")))
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(buf.getvalue())
    [bad] = pages.expand([str(path)])
    assert bad.reason == "no HTML or text pages in this archive (1 archive record skipped (1 request))"


# ------------------------------------------------------------------------------ end to end


def stored(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT s.source, q.name_printed, q.value, q.change, q.change_pct FROM quotes q "
            "JOIN snapshots s ON s.id = q.snapshot_id ORDER BY s.id, q.position"
        ).fetchall()
    out: dict[str, list[tuple]] = {}
    for source, *quote in rows:
        out.setdefault(source, []).append(tuple(quote))
    return out


def origins(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return {s: (a, o) for s, a, o in conn.execute("SELECT source, captured_at, captured_at_source FROM snapshots")}


def test_every_input_form_end_to_end(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    forms = {}
    minified = spans_page().encode()
    for suffix, compress in COMPRESSORS.items():
        path = folder / f"2024-05-1{len(forms)}T0800_page.html{suffix}"
        path.write_bytes(compress(minified.replace(b"Article", suffix.encode())))  # different bytes per form
        forms[str(path)] = EXPECTED
    mht = folder / "saved.mhtml"
    mht.write_bytes(mhtml_file(spans_page(STRIP[:2]), encoding="quoted-printable"))
    forms[str(mht)] = EXPECTED[:2]
    archive = folder / "pages.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2024-05-20T0800_a.html", spans_page(STRIP[:4]))
        z.writestr("2024-05-21T0800_b.txt.gz", gzip.compress(spans_page(STRIP[:3]).encode()))
        z.writestr("logo.png", b"\x89PNG")
    forms[f"{archive}#2024-05-20T0800_a.html"] = EXPECTED[:4]
    forms[f"{archive}#2024-05-21T0800_b.txt.gz"] = EXPECTED[:3]
    warc = folder / "crawl.warc.gz"
    offsets = write_warc(warc, gz=True)
    forms[f"{warc}#{offsets[0]} https://finance.example/sg"] = EXPECTED
    forms[f"{warc}#{offsets[3]} https://finance.example/jp"] = EXPECTED[:3]
    plain_warc = folder / "crawl.warc"
    plain_offsets = write_warc(plain_warc, gz=False, cut=False, status="London")
    forms[f"{plain_warc}#{plain_offsets[0]} https://finance.example/sg"] = EXPECTED
    forms[f"{plain_warc}#{plain_offsets[3]} https://finance.example/jp"] = EXPECTED[:3]

    db = tmp_path / "ticker.db"
    run = run_ticker("ingest", folder, "--db", db)
    out = run.stdout + run.stderr
    assert "Traceback" not in out
    assert run.returncode == 1, out  # the cut record
    assert lines_naming(out, f"{warc}: error") == [
        f"{warc}: error: record at offset {offsets[4]} is cut short or damaged (the records before it are read)"]
    got = stored(db)
    assert set(got) == set(forms), out
    for source, quotes in forms.items():
        assert [(n, v, c, p) for n, v, c, p in got[source]] == quotes, source
    times = origins(db)
    assert times[f"{warc}#{offsets[0]} https://finance.example/sg"][1] == "warc"
    assert times[f"{warc}#{offsets[0]} https://finance.example/sg"][0].startswith("2025-02-13T20:28:00")
    assert times[str(mht)][1] == "mhtml"
    assert times[f"{archive}#2024-05-20T0800_a.html"][1] == "name"
    # Ingested again: every page already stored (by content), the cut record named again.
    again = run_ticker("ingest", folder, "--db", db)
    assert sum(line.endswith(": already stored") for line in again.stdout.splitlines()) == len(forms)


def test_bomb_and_mixed_encoding_end_to_end(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:  # 200 MiB of zeros in ~200 KiB
        block = bytes(1 << 20)
        for _ in range(200):
            fh.write(block)
    zipped = tmp_path / "pages.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("bomb.html", "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(block)
        z.writestr("2024-05-17T0800_good.html", spans_page())
    mixed = tmp_path / "mixed.txt"
    strip = "Singapore markets closed\n" + "".join(f"  \u2022 {n}\n{v}\n{c} ({p}%)\n" for n, v, c, p in STRIP)
    mixed.write_bytes(strip.encode() + ("Börse Zürich – Öl " * 60).encode("cp1252"))
    db = tmp_path / "ticker.db"
    run = run_ticker("ingest", bomb, zipped, mixed, "--db", db)
    out = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in out
    assert lines_naming(out, f"{bomb}:") == [f"{bomb}: error: decompresses to more than 128 MiB: not a page"]
    assert lines_naming(out, f"{zipped}#bomb.html:") == [
        f"{zipped}#bomb.html: error: member bomb.html decompresses to more than 128 MiB: not a page"]
    assert [(n, v, c, p) for n, v, c, p in stored(db)[str(mixed)]] == EXPECTED
    assert [(n, v, c, p) for n, v, c, p in stored(db)[f"{zipped}#2024-05-17T0800_good.html"]] == EXPECTED


# ------------------------------------------------------------------------------ folders and pipes (15.8, 15.12)


def test_symlink_loop_and_unreadable_folder_are_one_line_each(tmp_path):
    if os.geteuid() == 0:
        unreadable_check = False  # root reads every folder; the loop is still checked
    else:
        unreadable_check = True
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "closed").mkdir()
    (folder / "closed" / "p.txt").write_text("x")
    (folder / "2024-05-17T0800_a.html").write_text(spans_page())
    (folder / "sub" / "2024-05-18T0800_b.html").write_text(table_page(STRIP[:2]))
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("self", folder / "sub" / "self")  # a folder link to itself: os.walk does not follow it
    os.symlink("loop2.html", folder / "sub" / "loop2.html")
    os.chmod(folder / "closed", 0)
    db = tmp_path / "ticker.db"
    try:
        flat = run_ticker("ingest", folder, "--db", db)
        deep = run_ticker("ingest", folder, "-r", "--db", tmp_path / "deep.db")
    finally:
        os.chmod(folder / "closed", 0o755)
    for run in (flat, deep):
        out = run.stdout + run.stderr
        assert "Traceback" not in out and run.returncode == 1, out
        assert lines_naming(out, folder / "loop.txt") == [f"{folder / 'loop.txt'}: error: symbolic link loop (skipped)"]
    assert set(stored(db)) == {str(folder / "2024-05-17T0800_a.html")}
    deep_out = deep.stdout + deep.stderr
    assert lines_naming(deep_out, folder / "sub" / "loop2.html") == [
        f"{folder / 'sub' / 'loop2.html'}: error: symbolic link loop (skipped)"]
    if unreadable_check:
        assert lines_naming(deep_out, folder / "closed") == [f"{folder / 'closed'}: error: permission denied (skipped)"]
    assert set(stored(tmp_path / "deep.db")) == {str(folder / "2024-05-17T0800_a.html"),
                                                  str(folder / "sub" / "2024-05-18T0800_b.html")}


@pytest.mark.slow
def test_endless_stdin_and_fifo_end_at_the_page_size_bound(tmp_path):
    good = tmp_path / "2024-05-17T0800_good.html"
    good.write_text(spans_page())
    db = tmp_path / "ticker.db"
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        run = subprocess.run([*TICKER, "ingest", "-", good, "--db", db], stdin=yes.stdout, capture_output=True,
                             text=True, timeout=120)
    finally:
        yes.kill()
        yes.wait()
    out = run.stdout + run.stderr
    assert "Traceback" not in out and run.returncode == 1, out
    assert lines_naming(out, "-: error") == ["-: error: standard input gave more than 128 MiB: not a page"]
    assert set(stored(db)) == {str(good)}

    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen([sys.executable, "-c", f"import sys\nwith open({str(fifo)!r}, 'wb') as f:\n"
                               "    while True: f.write(b'y' * 65536)"], stderr=subprocess.DEVNULL)
    try:
        run = subprocess.run([*TICKER, "ingest", fifo, good, "--db", tmp_path / "fifo.db"], capture_output=True,
                             text=True, timeout=120)
    finally:
        writer.kill()
        writer.wait()
    out = run.stdout + run.stderr
    assert "Traceback" not in out and run.returncode == 1, out
    assert lines_naming(out, f"{fifo}:") == [f"{fifo}: error: the pipe gave more than 128 MiB: not a page"]
    assert set(stored(tmp_path / "fifo.db")) == {str(good)}


def test_unreadable_subfolder_is_one_line_even_for_root(tmp_path, monkeypatch):
    """Root reads any folder, so the refusal is made by the listing call itself here."""
    folder = tmp_path / "saved"
    (folder / "closed").mkdir(parents=True)
    (folder / "a.txt").write_text("x")
    (folder / "closed" / "b.txt").write_text("x")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(pages.expand([str(folder)], recursive=True))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("PageInput", str(folder / "a.txt")), ("BadInput", str(folder / "closed"))]
    assert items[1].reason == "permission denied (skipped)"
    [bad] = pages.expand([str(folder / "closed")])
    assert (bad.source, bad.reason) == (str(folder / "closed"), "permission denied (skipped)")


@pytest.mark.parametrize("item", [
    PageInput("crawl.warc.gz#1267 https://x.example/", "crawl.warc.gz", True, 1267, ("2 archive records skipped (2 request)",)),
    PageInput("pages.zip#a.html", "pages.zip", True, "a.html"),
])
def test_archive_inputs_reach_worker_processes_unchanged(item):
    import pickle

    assert pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)) == item


def write_arc(path: Path, *, gz: bool) -> list[int]:
    """An ARC file (version 1, as the Internet Archive wrote them): its file record, two HTML
    responses, an image, and a response cut short; returns the records' offsets."""

    def record(url: str, date: str, ctype: str, block: bytes) -> bytes:
        raw = f"{url} 93.184.216.34 {date} {ctype} {len(block)}\n".encode() + block + b"\n"
        return gzip.compress(raw) if gz else raw

    def http(ctype: str, body: bytes) -> bytes:
        return f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + body

    records = [
        record(f"filedesc://{path.name}", "20250213202800", "text/plain",
               b"1 0 ticker-tests\nURL IP-address Archive-date Content-type Archive-length\n"),
        record("https://finance.example/sg", "20250213202800", "text/html", http("text/html", spans_page().encode())),
        record("https://finance.example/logo.png", "20250213202801", "image/png", http("image/png", b"\x89PNG" + bytes(50))),
        record("https://finance.example/jp", "20250214010000", "text/html", http("text/html", spans_page(STRIP[:3]).encode())),
        record("https://finance.example/cut", "20250214020000", "text/html", http("text/html", spans_page().encode())),
    ]
    offsets, at = [], 0
    for r in records:
        offsets.append(at)
        at += len(r)
    data = b"".join(records)
    path.write_bytes(data[:-120])
    return offsets


@pytest.mark.parametrize("gz", [True, False], ids=["arc.gz", "arc"])
def test_arc_records_are_pages_end_to_end(tmp_path, gz):
    path = tmp_path / ("crawl.arc.gz" if gz else "crawl.arc")
    offsets = write_arc(path, gz=gz)
    db = tmp_path / "ticker.db"
    run = run_ticker("ingest", path, "--db", db)
    out = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in out, out
    assert lines_naming(out, f"{path}: error") == [
        f"{path}: error: record at offset {offsets[4]} is cut short or damaged (the records before it are read)"]
    got = stored(db)
    sg, jp = f"{path}#{offsets[1]} https://finance.example/sg", f"{path}#{offsets[3]} https://finance.example/jp"
    assert set(got) == {sg, jp}, out
    assert [q for q in got[sg]] == EXPECTED and [q for q in got[jp]] == EXPECTED[:3]
    assert origins(db)[sg][1] == "arc" and origins(db)[sg][0].startswith("2025-02-13T20:28:00")
    assert "2 archive records skipped (1 warcinfo, 1 image/png)" in out


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_damaged_warc_record_is_named_by_the_record_before_it(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, gz=gz, cut=False)
    data = bytearray(path.read_bytes())
    data[offsets[2] + 5 : offsets[2] + 25] = b"X" * 20  # the image record's header, overwritten
    path.write_bytes(bytes(data))
    first, bad = pages.expand([str(path)])
    assert quotes_of(pages.load(first).text) == EXPECTED
    assert bad.source == str(path)
    assert bad.reason.startswith(f"damaged record after the record at offset {offsets[1]} (")
    assert bad.reason.endswith("; the records before it are read)")


# ------------------------------------------------------------------------------ progress by bytes


def write_big_warc(path: Path, pages_: int) -> None:
    """A .warc.gz of ``pages_`` HTML responses, each other bytes (a new page to the store),
    with a request record between them (skipped, still bytes read)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages_):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://finance.example/p{i}", "response", payload=io.BytesIO(spans_page(head=f'<meta name="capture" content="{i}">').encode()),
                http_headers=http, warc_headers_dict={"WARC-Date": f"2025-02-13T20:{i % 60:02d}:00Z"}))
            writer.write_record(writer.create_warc_record(f"https://finance.example/p{i}", "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("cut", [False, True], ids=["whole", "cut"])
def test_ingest_reports_the_bytes_of_an_archive_read_up_to_its_size(tmp_path, workers, cut):
    from ticker import ingest

    path = tmp_path / "crawl.warc.gz"
    if cut:
        write_warc(path, gz=True)  # two pages, skipped records, then a record cut short
    else:
        write_big_warc(path, 30)
    told: list[int] = []
    writer = ingest.open_writer(tmp_path / "ticker.db")
    try:
        results = list(ingest.ingest(writer, pages.expand([str(path)]), workers=workers, batch_pages=4,
                                     on_bytes=told.append))
    finally:
        writer.close()
    size = path.stat().st_size
    assert [r.status for r in results].count("stored") == (2 if cut else 30)
    assert told[-1] == size == pages.input_bytes([str(path)]).total
    assert all(a <= b for a, b in zip(told, told[1:])), told  # it only grows
    assert len(told) == len(results) + 1  # each result, then the end
    if not cut:
        assert len(set(told)) > 20  # it moves with the pages, not only at the end
        assert 0 < told[0] < size / 10


def test_bytes_of_page_files_and_archives_together(tmp_path):
    from ticker import ingest

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(spans_page())
    (folder / "b.html.gz").write_bytes(gzip.compress(spans_page(STRIP[:2]).encode()))
    write_big_warc(folder / "c.warc.gz", 3)
    (folder / "notes.md").write_text("not a page")
    expected = sum(os.path.getsize(folder / n) for n in ("a.html", "b.html.gz", "c.warc.gz"))
    assert pages.input_bytes([str(folder), "-", str(tmp_path / "missing")]) == (expected, True)
    assert pages.input_bytes([str(folder / "a.html")]) == (os.path.getsize(folder / "a.html"), False)
    told: list[int] = []
    writer = ingest.open_writer(tmp_path / "ticker.db")
    try:
        list(ingest.ingest(writer, pages.expand([str(folder)]), workers=1, on_bytes=told.append))
    finally:
        writer.close()
    assert told[:2] == [os.path.getsize(folder / "a.html"), os.path.getsize(folder / "a.html")
                        + os.path.getsize(folder / "b.html.gz")]
    assert told[-1] == expected and told == sorted(told)


def test_archive_ingest_on_a_pipe_prints_pages_and_summary_only(tmp_path):
    """stderr is no terminal here: no progress, the output as it always was."""
    path = tmp_path / "crawl.warc.gz"
    write_big_warc(path, 3)
    run = run_ticker("ingest", path, "--db", tmp_path / "ticker.db", "--at", "2025-02-13T20:00:00Z")
    assert run.returncode == 0, run.stderr
    offsets = [line.split("#")[1].split()[0] for line in run.stdout.splitlines()[:3]]
    assert run.stdout.splitlines() == [
        *(f"{path}#{o} https://finance.example/p{i}: stored 5 quotes" for i, o in enumerate(offsets)),
        "3 pages stored (15 quotes), 0 already stored, 0 without a ticker strip, 0 errors (1 page with warnings)"]
    assert run.stderr.splitlines() == [
        f"{path}#{offsets[2]} https://finance.example/p2: warning: 3 archive records skipped (3 request)"]


def test_the_terminal_bar_of_an_archive_counts_bytes(tmp_path):
    from rich.console import Console

    from ticker.cli import _progress

    screen = io.StringIO()
    bar = _progress(total_bytes=3 << 20, console=Console(file=screen, force_terminal=True, width=120))
    with bar as advance:
        bar.bytes_through(1 << 20)
        advance()  # a page out: bytes say how far, not pages
        bar.bar.refresh()
    assert "ingesting" in screen.getvalue() and "1.0/3.1 MB" in screen.getvalue()  # done/total (then the speed)
