"""Web archives (``.warc``, ``.warc.gz``), read with FastWARC (see README's design notes:
measured against warcio): the WARC hooks of :mod:`~ticker.pages.webarchive`, which lists an
archive's page records and reads one."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ticker.pages.compressed import MAX_PAGE_BYTES
from ticker.pages.model import BadInput, PageError, PageInput
from ticker.pages.webarchive import (
    PAGE_TYPES,
    ArchivePage,
    Listed,
    archive_date,
    list_pages,
    media_and_charset,
    read_page,
)

__all__ = ["WARC_SUFFIXES", "WARC", "is_warc_name", "list_records", "read_record"]

WARC_SUFFIXES = (".warc", ".warc.gz")
_CHUNK = 1 << 20


def is_warc_name(name: str) -> bool:
    """Whether a file name says WARC.

    >>> is_warc_name("crawl.warc.gz"), is_warc_name("CRAWL.WARC"), is_warc_name("page.html.gz")
    (True, True, False)
    """
    return name.lower().endswith(WARC_SUFFIXES)


def _records(fileobj):
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource
    return ArchiveIterator(fileobj, record_types=WarcRecordType.any_type, parse_http=False), wanted


class _Warc:
    """FastWARC's hooks: a record is whole when its block has the bytes its Content-Length declares."""

    origin = "warc"

    def records(self, fh: BinaryIO) -> Iterator[Listed]:
        records, wanted = _records(fh)
        for record in records:
            declared = record.headers.get("Content-Length")
            head, size = _drain(record.reader)
            whole = declared is not None and declared.strip().isdigit() and size == int(declared)
            uri = (record.headers.get("WARC-Target-URI") or "").strip("<> ")
            yield Listed(record.stream_pos, whole, _kind(record, head, wanted) if whole else None, uri)

    def damage(self) -> tuple[type[BaseException], ...]:
        return ()  # FastWARC raises OSError on a bad header

    def read(self, fh: BinaryIO, offset: int) -> ArchivePage:
        records, _wanted = _records(fh)
        record = next(iter(records))
        declared = record.headers.get("Content-Length") or ""
        block = record.reader.read(MAX_PAGE_BYTES + 1)
        if len(block) > MAX_PAGE_BYTES:
            raise PageError(f"record at offset {offset} holds more than {MAX_PAGE_BYTES >> 20} MiB: not a page")
        if not declared.isdigit() or len(block) != int(declared):
            raise PageError(f"record at offset {offset} is cut short or damaged")
        url = (record.headers.get("WARC-Target-URI") or "").strip("<> ") or None
        date = archive_date(record.headers.get("WARC-Date"))
        if str(record.record_type) == "response":
            _status, headers, body = _split_http(block)
            ctype = headers.get("content-type", "")
            body = _undo_http_encodings(body, headers, offset)
        else:
            ctype, body = record.headers.get("Content-Type") or "", block
        media, charset = media_and_charset(ctype)
        return ArchivePage(body, charset, media, url, date)


WARC = _Warc()


def list_records(path: str, source: str) -> Iterator[PageInput | BadInput]:
    """One :class:`PageInput` per page record of the WARC at ``path`` (see :func:`list_pages`)."""
    return list_pages(path, source, WARC)


def read_record(path: str, offset: int) -> ArchivePage:
    """The page in the record at ``offset`` of the WARC at ``path``."""
    return read_page(path, offset, WARC)


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
    return None if media in PAGE_TYPES else media


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
