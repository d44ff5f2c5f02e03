"""Web archives, whatever their format (WARC, ARC): the listing and reading that both share.

Each HTML or text ``response``/``resource`` record is a page. The main process lists an
archive's records (:func:`list_pages`, streaming: one record's block in memory at a time) and
hands on one :class:`PageInput` per page record, located by its byte offset; a worker reads just
that record (:func:`read_page`). A cut or damaged record is a :class:`BadInput` naming the file
and the record's offset: the records before it are pages. What differs between the formats (the
library that reads them, how a record tells its kind and whether it is whole) is a
:class:`RecordFormat`'s hooks, in :mod:`~ticker.pages.warc` and :mod:`~ticker.pages.arc`.
"""

from __future__ import annotations

import collections
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO, Protocol

from ticker.pages.model import BadInput, PageError, PageInput

__all__ = ["PAGE_TYPES", "ArchivePage", "Listed", "RecordFormat", "list_pages", "read_page", "archive_date",
           "media_and_charset"]

PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))


@dataclass(frozen=True, slots=True)
class ArchivePage:
    body: bytes  # the page's bytes: HTTP chunking and content encoding undone
    charset: str | None  # from the Content-Type
    content_type: str
    url: str | None  # WARC-Target-URI (an ARC record's URL)
    date: datetime | None  # WARC-Date (an ARC record's date), UTC


@dataclass(frozen=True, slots=True)
class Listed:
    """One record of an archive, read through while it was listed."""

    offset: int  # where the record starts in the file (a .gz archive: in the compressed bytes)
    whole: bool  # all the bytes its header declares were there
    kind: str | None  # None for a page record, else what it is (counted as skipped)
    uri: str  # its target URI, "" when it has none


class RecordFormat(Protocol):
    """What a web archive format supplies to :func:`list_pages` and :func:`read_page`."""

    origin: str  # the capture time's provenance kind: "warc", "arc"

    def records(self, fh: BinaryIO) -> Iterator[Listed]:
        """Every record from the file's position on, each read through (one block in memory)."""
        ...

    def damage(self) -> tuple[type[BaseException], ...]:
        """What the library raises on a record it cannot read (the listing stops there)."""
        ...

    def read(self, fh: BinaryIO, offset: int) -> ArchivePage:
        """The page in the record at the file's position (``offset``); raises :class:`PageError`
        for a record cut short or too big, anything else for one the library cannot read."""
        ...


def list_pages(path: str, source: str, fmt: RecordFormat) -> Iterator[PageInput | BadInput]:
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
    damage: tuple[type[BaseException], ...] = (*fmt.damage(), OSError, ValueError, EOFError, RuntimeError, zlib.error)
    with fh:
        offset = None  # of the last record read whole
        try:
            for record in fmt.records(fh):
                if not record.whole:
                    bad = BadInput(source, f"record at offset {record.offset} is cut short or damaged "
                                           "(the records before it are read)")
                    break
                offset = record.offset
                if record.kind is not None:
                    skipped[record.kind] += 1
                    continue
                if last is not None:
                    yield last
                uri = record.uri
                last = PageInput(f"{source}#{offset}" + (f" {uri}" if uri else ""), path, True, offset)
        except damage as err:
            where = "at the start of the file" if offset is None else f"after the record at offset {offset}"
            bad = BadInput(source, f"damaged record {where} ({_reason(err)}; the records before it are read)")
    note = _skipped_note(skipped)
    if last is not None:
        yield PageInput(last.source, last.path, last.regular, last.member, (note,) if note else ())
    elif bad is None:
        yield BadInput(source, "no HTML or text pages in this archive" + (f" ({note})" if note else ""))
    if bad is not None:
        yield bad


def read_page(path: str, offset: int, fmt: RecordFormat) -> ArchivePage:
    """The page in the record at ``offset`` of the archive at ``path``."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        try:
            return fmt.read(fh, offset)
        except PageError:
            raise
        except OSError as err:
            if err.errno is not None:  # the disk's, not the record's
                raise
            raise PageError(f"record at offset {offset} is damaged ({_reason(err)})") from None
        except StopIteration:
            raise PageError(f"no record at offset {offset}") from None
        except Exception as err:
            raise PageError(f"record at offset {offset} is damaged ({_reason(err)})") from None


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


def archive_date(value: str | None) -> datetime | None:
    """A WARC-Date as an aware UTC time (None when missing or unreadable).

    >>> archive_date("2025-02-13T20:28:00Z")
    datetime.datetime(2025, 2, 13, 20, 28, tzinfo=datetime.timezone.utc)
    """
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def media_and_charset(ctype: str) -> tuple[str, str | None]:
    """A Content-Type's media type (lower case) and charset.

    >>> media_and_charset('Text/HTML; charset="windows-1252"'), media_and_charset("")
    (('text/html', 'windows-1252'), ('', None))
    """
    media, _, params = ctype.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset
