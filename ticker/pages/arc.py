"""Legacy web archives (``.arc``, ``.arc.gz``, the Internet Archive's format before WARC), read
with warcio (FastWARC reads WARC only): the ARC hooks of :mod:`~ticker.pages.webarchive`, which
lists an archive's page records and reads one, as for a WARC."""

from __future__ import annotations

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

__all__ = ["ARC", "ARC_SUFFIXES", "is_arc_name", "list_arc_records", "read_arc_record"]

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


def _kind(record) -> str | None:
    if record.rec_type != "response":
        return record.rec_type
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode()
    if not status or not status.isdigit() or not 200 <= int(status) < 300:
        return f"HTTP {status}"
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if media in PAGE_TYPES else media or "no content type"


def _drained(record) -> tuple[bytes | None, bool]:
    """Read a record through; (its content when it is small enough to keep, whether it is whole)."""
    stream = record.content_stream()
    kept = bytearray()
    while chunk := stream.read(_CHUNK):
        if len(kept) <= MAX_PAGE_BYTES:
            kept += chunk
    whole = getattr(record.raw_stream, "limit", 0) == 0  # warcio's reader counts down the declared length
    return (bytes(kept) if len(kept) <= MAX_PAGE_BYTES else None), whole


class _Arc:
    """warcio's hooks: a record is whole when warcio's reader got every byte it declared."""

    origin = "arc"

    def records(self, fh: BinaryIO) -> Iterator[Listed]:
        records = _iterate(fh)
        for record in records:
            kind = _kind(record)
            _content, whole = _drained(record)
            yield Listed(records.get_record_offset(), whole, kind, record.rec_headers.get_header("WARC-Target-URI") or "")

    def damage(self) -> tuple[type[BaseException], ...]:
        from warcio.exceptions import ArchiveLoadFailed  # imported with warcio only when an ARC is read

        return (ArchiveLoadFailed,)

    def read(self, fh: BinaryIO, offset: int) -> ArchivePage:
        record = next(iter(_iterate(fh)))
        ctype = record.http_headers.get_header("Content-Type") or "" if record.http_headers else ""
        body, whole = _drained(record)
        if body is None:
            raise PageError(f"record at offset {offset} holds more than {MAX_PAGE_BYTES >> 20} MiB: not a page")
        if not whole:
            raise PageError(f"record at offset {offset} is cut short or damaged")
        media, charset = media_and_charset(ctype)
        return ArchivePage(body, charset, media, record.rec_headers.get_header("WARC-Target-URI"),
                           archive_date(record.rec_headers.get_header("WARC-Date")))


ARC = _Arc()


def list_arc_records(path: str, source: str) -> Iterator[PageInput | BadInput]:
    """One :class:`PageInput` per page record of the ARC file at ``path`` (see :func:`list_pages`)."""
    return list_pages(path, source, ARC)


def read_arc_record(path: str, offset: int) -> ArchivePage:
    """The page in the record at ``offset`` of the ARC file at ``path``."""
    return read_page(path, offset, ARC)
