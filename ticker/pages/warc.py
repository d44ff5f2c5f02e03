"""Web archives (``.warc``, ``.warc.gz``): each HTML or text ``response``/``resource`` record is
a page. Read with FastWARC (see README's design notes: measured against warcio).

The main process lists an archive's records (:func:`list_records`, streaming: one record's
block in memory at a time) and hands on one :class:`PageInput` per page record, located by its
byte offset; a worker reads just that record (:func:`read_record`). A cut or damaged record is a
:class:`BadInput` naming the file and the record's offset: the records before it are pages.
"""

from __future__ import annotations

import collections
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from ticker.pages.compressed import MAX_PAGE_BYTES
from ticker.pages.model import BadInput, PageError, PageInput

__all__ = ["WARC_SUFFIXES", "WarcPage", "is_warc_name", "list_records", "read_record"]

WARC_SUFFIXES = (".warc", ".warc.gz")
_PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))
_CHUNK = 1 << 20


def is_warc_name(name: str) -> bool:
    """Whether a file name says WARC.

    >>> is_warc_name("crawl.warc.gz"), is_warc_name("CRAWL.WARC"), is_warc_name("page.html.gz")
    (True, True, False)
    """
    return name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class WarcPage:
    body: bytes  # the page's bytes: HTTP chunking and content encoding undone
    charset: str | None  # from the Content-Type
    content_type: str
    url: str | None  # WARC-Target-URI
    date: datetime | None  # WARC-Date, UTC


def _records(fileobj):
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource
    return ArchiveIterator(fileobj, record_types=WarcRecordType.any_type, parse_http=False), wanted


def list_records(path: str, source: str) -> Iterator[PageInput | BadInput]:
    """One :class:`PageInput` per page record of the archive at ``path``; what was skipped is
    said as a note on the last page (or as a :class:`BadInput` when there is no page at all)."""
    skipped: collections.Counter[str] = collections.Counter()
    last: PageInput | None = None
    bad: BadInput | None = None
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield BadInput(source, err.strerror or str(err))
        return
    with fh:
        records, wanted = _records(fh)
        offset = None  # of the last record read whole
        try:
            for record in records:
                offset = record.stream_pos
                declared = record.headers.get("Content-Length")
                head, size = _drain(record.reader)
                if declared is None or not declared.strip().isdigit() or size != int(declared):
                    bad = BadInput(source, f"record at offset {offset} is cut short or damaged (the records before it are read)")
                    break
                kind = _kind(record, head, wanted)
                if kind is not None:
                    skipped[kind] += 1
                    continue
                if last is not None:
                    yield last
                uri = (record.headers.get("WARC-Target-URI") or "").strip("<> ")
                last = PageInput(f"{source}#{offset}" + (f" {uri}" if uri else ""), path, True, offset)
        except (OSError, ValueError, EOFError, RuntimeError, zlib.error) as err:  # FastWARC: OSError on a bad header
            where = "at the start of the file" if offset is None else f"after the record at offset {offset}"
            bad = BadInput(source, f"damaged record {where} ({_reason(err)}; the records before it are read)")
    note = _skipped_note(skipped)
    if last is not None:
        yield PageInput(last.source, last.path, last.regular, last.member, (note,) if note else ())
    elif bad is None:
        yield BadInput(source, "no HTML or text pages in this archive" + (f" ({note})" if note else ""))
    if bad is not None:
        yield bad


def _reason(err: BaseException) -> str:
    return str(err).strip().rstrip(".") or type(err).__name__


def _skipped_note(skipped: collections.Counter) -> str:
    """What was skipped, counted.

    >>> _skipped_note(collections.Counter({"image/png": 2, "request": 1}))
    '3 archive records skipped (2 image/png, 1 request)'
    """
    total = sum(skipped.values())
    if not total:
        return ""
    kinds = ", ".join(f"{n} {kind}" for kind, n in skipped.most_common())
    return f"{total} archive record{'s' if total != 1 else ''} skipped ({kinds})"


def _drain(reader) -> tuple[bytes, int]:
    """(the first bytes, the size) of a record's block, read through without keeping it."""
    head = reader.read(8192)
    size = len(head)
    while chunk := reader.read(_CHUNK):
        size += len(chunk)
    return head, size


def _kind(record, head: bytes, wanted) -> str | None:
    """None for a page record, else what it is (for the count of what was skipped)."""
    if not record.record_type & wanted:
        return str(record.record_type)
    if str(record.record_type) == "response":
        status, headers, _ = _split_http(head)
        if status is None:
            return "response without HTTP headers"
        if not 200 <= status < 300:
            return f"HTTP {status}"
        ctype = headers.get("content-type", "")
    else:
        ctype = record.headers.get("Content-Type") or ""
    media = ctype.split(";")[0].strip().lower() or "no content type"
    return None if media in _PAGE_TYPES else media


_STATUS = re.compile(rb"HTTP/\d(?:\.\d)?\s+(\d{3})")


def _split_http(block: bytes) -> tuple[int | None, dict[str, str], bytes]:
    """(status, headers lower-cased, body) of an HTTP response block.

    >>> _split_http(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n<p>x</p>")
    (200, {'content-type': 'text/html'}, b'<p>x</p>')
    """
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        return None, {}, b""
    lines = block[:end].decode("latin-1").splitlines()
    m = _STATUS.match(lines[0].encode("latin-1")) if lines else None
    if m is None:
        return None, {}, b""
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return int(m.group(1)), headers, block[end + sep :]


def read_record(path: str, offset: int) -> WarcPage:
    """The page in the record at ``offset`` of the archive at ``path``."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        records, _wanted = _records(fh)
        try:
            record = next(iter(records))
        except StopIteration:
            raise PageError(f"no record at offset {offset}") from None
        except Exception as err:
            raise PageError(f"record at offset {offset} is damaged ({_reason(err)})") from None
        declared = record.headers.get("Content-Length") or ""
        block = record.reader.read(MAX_PAGE_BYTES + 1)
        if len(block) > MAX_PAGE_BYTES:
            raise PageError(f"record at offset {offset} holds more than {MAX_PAGE_BYTES >> 20} MiB: not a page")
        if not declared.isdigit() or len(block) != int(declared):
            raise PageError(f"record at offset {offset} is cut short or damaged")
        url = (record.headers.get("WARC-Target-URI") or "").strip("<> ") or None
        date = _warc_date(record.headers.get("WARC-Date"))
        if str(record.record_type) == "response":
            _status, headers, body = _split_http(block)
            ctype = headers.get("content-type", "")
            body = _undo_http_encodings(body, headers, offset)
        else:
            ctype, body = record.headers.get("Content-Type") or "", block
    media, _, params = ctype.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return WarcPage(body, charset, media.strip().lower(), url, date)


def _warc_date(value: str | None) -> datetime | None:
    """A WARC-Date as an aware UTC time (None when missing or unreadable).

    >>> _warc_date("2025-02-13T20:28:00Z")
    datetime.datetime(2025, 2, 13, 20, 28, tzinfo=datetime.timezone.utc)
    """
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _undo_http_encodings(body: bytes, headers: dict[str, str], offset: int) -> bytes:
    """The body as the server meant it: chunked transfer and gzip/deflate encodings undone
    (crawlers such as wget store the bytes as they came over the wire)."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            d = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
            out = d.decompress(body, MAX_PAGE_BYTES + 1)
        except zlib.error:
            try:  # raw deflate, as some servers send it
                out = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, MAX_PAGE_BYTES + 1)
            except zlib.error:
                raise PageError(f"record at offset {offset}: body not {encoding} as its header says") from None
        if len(out) > MAX_PAGE_BYTES:
            raise PageError(f"record at offset {offset} decompresses to more than {MAX_PAGE_BYTES >> 20} MiB: not a page")
        body = out
    return body


def _dechunk(body: bytes) -> bytes:
    r"""HTTP/1.1 chunked transfer coding undone.

    >>> _dechunk(b"4\r\nNikk\r\n2;x=y\r\nei\r\n0\r\n\r\n")
    b'Nikkei'
    """
    out = bytearray()
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            break
        try:
            size = int(body[pos:eol].split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return body  # not chunked after all
        if size == 0:
            break
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)
