"""What the input layer hands on: a page to read (:class:`PageInput`), a page read
(:class:`LoadedPage`), an argument that names no page (:class:`BadInput`), and :class:`PageError`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from ..errors import TickerError


class PageError(TickerError):
    """A page that could not be read; ``str(err)`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to read. ``member`` locates a page inside an archive file: a zip member's name, or
    a WARC record's byte offset (then ``path`` is the archive and workers read just that part)."""

    source: str  # what the user named: a path, or "-" for stdin; for an archive, file and member
    path: str | os.PathLike | None  # None for stdin (a str from expand(): a Path per file costs)
    regular: bool = True  # a regular file (not stdin, a pipe or a device)
    member: str | int | None = None  # zip member name, or WARC record offset
    notes: tuple[str, ...] = ()  # said about this input while it was listed (records skipped)

    def __reduce__(self):
        # Sent to worker processes by the thousand: a plain tuple pickles in a fifth of the time
        # of a slotted dataclass's state
        if self.member is None and not self.notes:
            return PageInput, (self.source, self.path, self.regular)
        return PageInput, (self.source, self.path, self.regular, self.member, self.notes)


@dataclass(frozen=True, slots=True)
class LoadedPage:
    source: str
    text: str
    content_hash: str  # sha256 of the whole input (a compressed page: of its decompressed bytes), hex
    mtime: datetime | None  # None for stdin
    encoding: str
    notes: tuple[str, ...] = ()  # e.g. "decoded as cp1252", "only the first 1 MiB was parsed"
    name_time: datetime | None = None  # a capture time written in the file name
    utf8: bytes | None = None  # text.encode("utf-8") when that is the file's own bytes (saves encoding it again)
    url: str | None = None  # the page's address: WARC/MHTML header, else canonical link or og:url
    header_time: datetime | None = None  # the capture time an archive's header gives (WARC-Date, MHTML Date)
    header_origin: str | None = None  # where header_time came from: "warc" or "mhtml"


@dataclass(frozen=True, slots=True)
class BadInput:
    """A named input that is not a page (missing path, folder without pages, a cut archive record)."""

    source: str
    reason: str
