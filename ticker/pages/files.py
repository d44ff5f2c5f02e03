"""Inputs -> pages: paths, folders, stdin, compressed files, zip archives, WARC and MHTML files.

:func:`expand` (in the main process) lists every page the user's arguments name; :func:`load`
(in worker processes) reads one, and turns it into a :class:`LoadedPage`.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from ticker.pages import arc, compressed, mhtml, warc, webarchive, ziparchive
from ticker.pages.decode import decode_page
from ticker.pages.html import empty_unseen, html_page, looks_like_html
from ticker.pages.model import BadInput, LoadedPage, PageError, PageInput
from ticker.pages.times import time_from_name

__all__ = ["PAGE_SUFFIXES", "InputBytes", "expand", "input_bytes", "load", "shown"]

PLAIN_SUFFIXES = (".txt", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# What a folder's listing takes: pages, the same compressed, single-file pages, archives of pages.
PAGE_SUFFIXES = (
    *PLAIN_SUFFIXES,
    *mhtml.MHTML_SUFFIXES,
    *(page + packed for page in (*PLAIN_SUFFIXES, *mhtml.MHTML_SUFFIXES) for packed in compressed.COMPRESSED_SUFFIXES),
    *warc.WARC_SUFFIXES,
    *arc.ARC_SUFFIXES,
    ".zip",
)
_MEMBER_SUFFIXES = tuple(s for s in PAGE_SUFFIXES if s not in (*warc.WARC_SUFFIXES, *arc.ARC_SUFFIXES, ".zip"))
# The strip is in a page's header. Text pages are parsed from their first MiB; HTML carries
# scripts and styles before the content, so more of it is read. The whole file is always hashed.
TEXT_HEAD_BYTES = 1 << 20
HTML_HEAD_BYTES = 16 << 20
_CHUNK = 1 << 20


def expand(paths: Iterable[str], *, recursive: bool = False) -> Iterator[PageInput | BadInput]:
    """Every page the user's arguments name, in a stable order; bad arguments as :class:`BadInput`.
    An archive (zip, WARC) is listed here, one input per page inside it."""
    for raw in paths:
        if raw == "-":
            yield PageInput("-", None, regular=False)
            continue
        path = Path(raw)
        if path.is_dir():
            problems: list[BadInput] = []
            found = _page_files(raw, recursive, problems)
            if not found:
                yield from problems
                if not problems:
                    hint = "" if recursive else " (use -r to look in subfolders)"
                    yield BadInput(shown(raw), f"no *.txt, *.html or *.htm pages in this folder{hint}")
                continue
            # Held as one string while the pages are read, not a string object per page (a
            # tenth of the memory; and the workers are forked with it).
            packed = "\0".join(found)
            del found
            for name in _unpacked(packed):
                if _is_archive(name):
                    yield from _archive(name)
                else:
                    yield PageInput(shown(name), name)
            yield from problems
        elif path.exists() or path.is_symlink():
            if _is_archive(raw) and path.is_file():
                yield from _archive(raw)
            else:
                yield PageInput(shown(raw), raw, regular=path.is_file())
        else:
            yield BadInput(shown(raw), "no such file or folder")


class InputBytes(NamedTuple):
    total: int  # the size of every page file and archive the arguments name (pipes and stdin: 0)
    packed: bool  # whether any of them is an archive (zip, WARC, ARC) or a compressed page


def input_bytes(paths: Iterable[str], *, recursive: bool = False) -> InputBytes:
    """The bytes the pages of :func:`expand` come from, as an ingest's ``on_bytes`` counts them
    (the whole of a progress bar): the files' sizes on disk, a folder's page files as
    :func:`expand` lists them. Only names are listed and sizes read: no archive is opened."""
    total, packed = 0, False
    for raw in paths:
        if raw == "-":
            continue
        if os.path.isdir(raw):
            names = _page_files(raw, recursive, [])
        elif os.path.isfile(raw):
            names = [raw]
        else:
            continue
        for name in names:
            packed = packed or _is_archive(name) or compressed.compression_of(name) is not None
            try:
                total += os.stat(name).st_size
            except OSError:
                pass
    return InputBytes(total, packed)


def _is_archive(name: str) -> bool:
    return ziparchive.is_zip_name(name) or warc.is_warc_name(name) or arc.is_arc_name(name)


def _archive(name: str) -> Iterator[PageInput | BadInput]:
    if ziparchive.is_zip_name(name):
        return ziparchive.list_members(name, shown(name), _MEMBER_SUFFIXES)
    if arc.is_arc_name(name):
        return arc.list_arc_records(name, shown(name))
    return warc.list_records(name, shown(name))


def shown(path: str) -> str:
    """A path as text that can be stored and printed. Bytes of a file name that are not UTF-8
    reach Python as lone surrogates, which no database or terminal takes: they are written
    ``\\xNN`` instead (the page is still read from the real name).

    >>> shown("caf\\udce9.txt"), shown("Nikkei.txt")
    ('caf\\\\xe9.txt', 'Nikkei.txt')
    """
    if path.isascii():  # nearly every name: no encoding round trip
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _unpacked(packed: str) -> Iterator[str]:
    """The names ``"\\0".join(names)`` holds, one at a time (no file name has a NUL in it).

    >>> list(_unpacked("a.txt\\0b.txt")), list(_unpacked("a.txt"))
    (['a.txt', 'b.txt'], ['a.txt'])
    """
    find, start = packed.find, 0
    while (stop := find("\0", start)) >= 0:
        yield packed[start:stop]
        start = stop + 1
    yield packed[start:]


def _page_files(folder: str, recursive: bool, problems: list[BadInput]) -> list[str]:
    """The page files in a folder, sorted, as path strings: a folder may hold hundreds of
    thousands of pages, and a string costs a fraction of a Path object. What cannot be listed or
    followed (an unreadable subfolder, a symlink that loops) goes into ``problems``, one each."""
    found: list[str] = []
    suffixes = PAGE_SUFFIXES

    def is_page(entry_path: str, is_file) -> bool:
        try:
            return is_file()
        except OSError as err:  # a symlink loop: ELOOP
            problems.append(BadInput(shown(entry_path), _os_reason(err)))
            return False

    if not recursive:
        base = os.path.normpath(folder)  # once, not per file: "./p.txt" and "p.txt" are one page
        prefix = "" if base == "." else base if base.endswith(os.sep) else base + os.sep
        try:
            with os.scandir(folder) as entries:
                for e in entries:
                    if e.name.lower().endswith(suffixes):
                        if e.is_symlink() and not os.path.exists(prefix + e.name):
                            problems.append(BadInput(shown(prefix + e.name), _link_reason(prefix + e.name)))
                        elif is_page(prefix + e.name, e.is_file):
                            found.append(prefix + e.name)
        except OSError as err:
            problems.append(BadInput(shown(folder), _os_reason(err)))
    else:
        def unreadable(err: OSError) -> None:
            problems.append(BadInput(shown(err.filename or folder), _os_reason(err)))

        for top, _dirs, files in os.walk(folder, onerror=unreadable):
            for f in files:
                if not f.lower().endswith(suffixes):
                    continue
                p = os.path.normpath(os.path.join(top, f))
                if os.path.isfile(p):
                    found.append(p)
                elif os.path.islink(p):
                    problems.append(BadInput(shown(p), _link_reason(p)))
    found.sort()
    return found


def _link_reason(path: str) -> str:
    try:
        os.stat(path)
    except OSError as err:
        return _os_reason(err)
    return "not a regular file"


def _os_reason(err: OSError) -> str:
    import errno

    if err.errno == errno.ELOOP:
        return "symbolic link loop (skipped)"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (skipped)"
    if err.errno == errno.ENOENT:
        return "broken symbolic link (skipped)"
    return f"{err.strerror or err} (skipped)"


def load(page: PageInput, *, stdin: io.BufferedReader | None = None) -> LoadedPage:
    """Read, hash and decode one page. Raises :class:`PageError` with a one-line reason."""
    if page.member is not None:
        return _load_member(page)
    name = os.fspath(page.path) if page.path is not None else None
    packing = compressed.compression_of(name) if name is not None else None
    inner = compressed.inner_name(name) if packing and name is not None else name
    kind = _kind_of(inner)
    limit = TEXT_HEAD_BYTES if kind == "text" else HTML_HEAD_BYTES
    if kind == "mhtml":
        limit = compressed.MAX_PAGE_BYTES
    try:
        if name is None:
            head, truncated, digest = compressed.read_capped(
                stdin or sys.stdin.buffer, limit, what="standard input gave"
            )
            mtime = None
        elif packing:
            head, truncated, digest, mtime = _read_compressed(name, packing, limit)
        else:
            head, truncated, digest, mtime = _read_file(name, limit)
    except PermissionError:
        raise PageError("permission denied") from None
    except IsADirectoryError:
        raise PageError("is a folder, not a page") from None
    except OSError as err:
        if err.errno is None:
            raise PageError(f"damaged compressed file ({err})") from None
        raise PageError(err.strerror or str(err)) from None
    name_time = time_from_name(os.path.basename(name)) if name is not None else None
    if kind == "mhtml":
        if truncated:
            raise PageError(f"more than {compressed.MAX_PAGE_BYTES >> 20} MiB: not a page")
        return _from_mhtml(page.source, head, digest.hexdigest(), mtime, name_time)
    return _page(page.source, head, truncated, digest.hexdigest(), mtime, name_time, html=kind == "html")


def _kind_of(name: str | None) -> str:
    """"html", "mhtml" or "text" (which may still turn out to be HTML by its first bytes)."""
    if name is None:
        return "stdin"
    lower = name.lower()
    if lower.endswith(_HTML_SUFFIXES):
        return "html"
    if lower.endswith(mhtml.MHTML_SUFFIXES):
        return "mhtml"
    return "text"


def _page(source, head: bytes, truncated: bool, content_hash: str, mtime, name_time, *, html: bool,
          declared: str | None = None, url: str | None = None, header_time=None, header_origin=None,
          notes: tuple[str, ...] = ()) -> LoadedPage:
    """A page's bytes -> a :class:`LoadedPage`: decoded, HTML turned into text."""
    if not head or head.isspace():
        raise PageError("empty file")
    said = list(notes)
    if truncated:
        said.append(f"only the first {len(head) >> 20} MiB were parsed")
    if html:  # what no reader sees out first: less to decode (a script's bytes need not be text)
        head = empty_unseen(head)
    text, encoding, whole_utf8 = decode_page(head, declared)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        said.insert(len(notes), f"decoded as {encoding}")
    utf8 = head if whole_utf8 else None
    if html or looks_like_html(text):
        # lexbor reads UTF-8 bytes directly: no need to encode the text again
        text, own_url = html_page(head if whole_utf8 else text, emptied=html)
        utf8 = None
        url = url or own_url
    return LoadedPage(source, text, content_hash, mtime, encoding, tuple(said), name_time, utf8,
                      url, header_time, header_origin)


def _from_mhtml(source, raw: bytes, content_hash: str, mtime, name_time) -> LoadedPage:
    saved = mhtml.read_mhtml(raw)
    return _page(source, saved.html, False, content_hash, mtime, name_time, html=True, declared=saved.charset,
                 url=saved.url, header_time=saved.saved_at, header_origin="mhtml" if saved.saved_at else None)


def _load_member(page: PageInput) -> LoadedPage:
    """A page inside an archive: a WARC record (``member`` is its offset) or a zip member."""
    assert page.path is not None  # expand() gives archive members their file
    path = os.fspath(page.path)
    try:
        mtime = datetime.fromtimestamp(os.stat(path).st_mtime, UTC)
        if isinstance(page.member, int):
            fmt = arc.ARC if arc.is_arc_name(path) else warc.WARC
            record = webarchive.read_page(path, page.member, fmt)
            digest = hashlib.sha256(record.body).hexdigest()
            return _page(page.source, record.body, False, digest, mtime, None,
                         html=record.content_type != "text/plain", declared=record.charset, url=record.url,
                         header_time=record.date, header_origin=fmt.origin if record.date else None, notes=page.notes)
        member = str(page.member)
        inner = compressed.inner_name(member)
        kind = _kind_of(inner)
        limit = compressed.MAX_PAGE_BYTES if kind == "mhtml" else TEXT_HEAD_BYTES if kind == "text" else HTML_HEAD_BYTES
        packing = compressed.compression_of(member)
        head, truncated, digest_ = ziparchive.read_member(path, member, compressed.MAX_PAGE_BYTES if packing else limit)
        if packing:
            head, truncated, digest_ = _decompressed(io.BytesIO(head), packing, limit)
    except PermissionError:
        raise PageError("permission denied") from None
    except OSError as err:
        raise PageError(err.strerror or str(err)) from None
    name_time = time_from_name(os.path.basename(member)) or time_from_name(os.path.basename(path))
    if kind == "mhtml":
        return _from_mhtml(page.source, head, digest_.hexdigest(), mtime, name_time)
    page_ = _page(page.source, head, truncated, digest_.hexdigest(), mtime, name_time, html=kind == "html",
                  notes=page.notes)
    return page_


def _read_compressed(name: str, packing: str, limit: int):
    """(head, truncated, digest of the decompressed bytes, mtime) of a compressed page."""
    with open(name, "rb") as raw:
        mtime = datetime.fromtimestamp(os.fstat(raw.fileno()).st_mtime, UTC)
        head, truncated, digest = _decompressed(raw, packing, limit)
    return head, truncated, digest, mtime


def _decompressed(raw, packing: str, limit: int):
    try:
        with compressed.open_decompressed(raw, packing) as stream:
            return compressed.read_capped(stream, limit)
    except PageError:
        raise
    except Exception as err:  # gzip.BadGzipFile, EOFError, lzma.LZMAError, zstd.ZstdError, OSError...
        if isinstance(err, OSError) and err.errno is not None:
            raise
        raise compressed.decompression_error(err) from None


_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _read_file(name: str, limit: int):
    """(head, truncated, digest of the whole file, mtime) of a page file, refusing what never
    ends or never answers.

    A device (/dev/zero, a terminal) is refused: hashing it whole would never finish. A FIFO is
    opened without blocking, so one with no writer reads as empty instead of waiting forever;
    with a writer (``<(curl …)``) it is read like stdin, up to the cap on a page's size. A
    regular file is read with ``os.read`` (no file object: this runs once per page, tens of
    thousands of times).
    """
    fd = os.open(name, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        mtime = datetime.fromtimestamp(st.st_mtime, UTC)
        if stat.S_ISREG(st.st_mode):
            head = os.read(fd, min(st.st_size, limit))
            if len(head) < limit:
                # At the end, as fstat said? A one-byte probe: no 1 MiB buffer for every page.
                more = os.read(fd, 1)
                while more and len(head) < limit:  # a short read, or a file still growing
                    head += more
                    more = os.read(fd, min(_CHUNK, limit - len(head))) if len(head) < limit else b""
            digest = hashlib.sha256(head)
            truncated = False
            if len(head) >= limit:  # the rest is hashed, not kept
                while chunk := os.read(fd, _CHUNK):
                    truncated = True
                    digest.update(chunk)
            return head, truncated, digest, mtime
        if stat.S_ISDIR(st.st_mode):
            raise PageError("is a folder, not a page")
        if not stat.S_ISFIFO(st.st_mode):
            raise PageError("not a regular file (a device or socket), not a page")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            head, truncated, digest = compressed.read_capped(fh, limit, what="the pipe gave")
        return head, truncated, digest, mtime
    finally:
        os.close(fd)
