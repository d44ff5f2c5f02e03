"""Legacy web archives (``.arc``, ``.arc.gz``, the Internet Archive's format before WARC), read
with warcio (FastWARC reads WARC only). Same contract as :mod:`ticker.pages.warc`: the main
process lists the page records with their offsets, a worker reads one."""

from __future__ import annotations

import collections
import zlib
from collections.abc import Iterator

from ticker.pages.compressed import MAX_PAGE_BYTES
from ticker.pages.model import BadInput, PageError, PageInput
from ticker.pages.warc import _PAGE_TYPES, WarcPage, _reason, _skipped_note, _warc_date

__all__ = ["ARC_SUFFIXES", "is_arc_name", "list_arc_records", "read_arc_record"]

ARC_SUFFIXES = (".arc", ".arc.gz")
_CHUNK = 1 << 20


def is_arc_name(name: str) -> bool:
    """Whether a file name says ARC.

    >>> is_arc_name("crawl.arc.gz"), is_arc_name("crawl.warc.gz"), is_arc_name("IA.ARC")
    (True, False, True)
    """
    return name.lower().endswith(ARC_SUFFIXES)


def _iterate(fh):
    from warcio.archiveiterator import ArchiveIterator

    return ArchiveIterator(fh, arc2warc=True)


def _load_failed() -> type[Exception]:
    from warcio.exceptions import ArchiveLoadFailed  # imported with warcio only when an ARC is read

    return ArchiveLoadFailed


def _kind(record) -> str | None:
    if record.rec_type != "response":
        return record.rec_type
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode()
    if not status or not status.isdigit() or not 200 <= int(status) < 300:
        return f"HTTP {status}"
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if media in _PAGE_TYPES else media or "no content type"


def _drained(record) -> tuple[bytes | None, bool]:
    """Read a record through; (its content when it is small enough to keep, whether it is whole)."""
    stream = record.content_stream()
    kept = bytearray()
    while chunk := stream.read(_CHUNK):
        if len(kept) <= MAX_PAGE_BYTES:
            kept += chunk
    whole = getattr(record.raw_stream, "limit", 0) == 0  # warcio's reader counts down the declared length
    return (bytes(kept) if len(kept) <= MAX_PAGE_BYTES else None), whole


def list_arc_records(path: str, source: str) -> Iterator[PageInput | BadInput]:
    skipped: collections.Counter[str] = collections.Counter()
    last: PageInput | None = None
    bad: BadInput | None = None
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield BadInput(source, err.strerror or str(err))
        return
    with fh:
        records = _iterate(fh)
        offset = 0
        try:
            for record in records:
                kind = _kind(record)
                _content, whole = _drained(record)
                offset = records.get_record_offset()
                if not whole:
                    bad = BadInput(source, f"record at offset {offset} is cut short or damaged (the records before it are read)")
                    break
                if kind is not None:
                    skipped[kind] += 1
                    continue
                if last is not None:
                    yield last
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                last = PageInput(f"{source}#{offset}" + (f" {uri}" if uri else ""), path, True, offset)
        except (_load_failed(), OSError, ValueError, EOFError, zlib.error) as err:
            bad = BadInput(source, f"damaged record after the one at offset {offset} ({_reason(err)}; the records before it are read)")
    note = _skipped_note(skipped)
    if last is not None:
        yield PageInput(last.source, last.path, last.regular, last.member, (note,) if note else ())
    elif bad is None:
        yield BadInput(source, "no HTML or text pages in this archive" + (f" ({note})" if note else ""))
    if bad is not None:
        yield bad


def read_arc_record(path: str, offset: int) -> WarcPage:
    with open(path, "rb") as fh:
        fh.seek(offset)
        try:
            record = next(iter(_iterate(fh)))
            ctype = record.http_headers.get_header("Content-Type") or "" if record.http_headers else ""
            body, whole = _drained(record)
        except StopIteration:
            raise PageError(f"no record at offset {offset}") from None
        except Exception as err:
            raise PageError(f"record at offset {offset} is damaged ({_reason(err)})") from None
    if body is None:
        raise PageError(f"record at offset {offset} holds more than {MAX_PAGE_BYTES >> 20} MiB: not a page")
    if not whole:
        raise PageError(f"record at offset {offset} is cut short or damaged")
    media, _, params = ctype.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return WarcPage(body, charset, media.strip().lower(), record.rec_headers.get_header("WARC-Target-URI"),
                    _warc_date(record.rec_headers.get_header("WARC-Date")))
