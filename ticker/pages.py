"""Reading inputs: paths, folders and stdin -> page text, its content hash and its capture time.

Everything here is about getting *text* out of what a user points us at; what the text means is
:mod:`ticker.parser`'s business.

>>> decode("Gold 2,332.90".encode("utf-16"))
('Gold 2,332.90', 'utf-16')
>>> decode(b"\\xef\\xbb\\xbfDAX")
('DAX', 'utf-8-sig')
>>> html_to_text("<ul><li>Nikkei<br>40,074.69</li><li>Dow</li></ul><script>x=1</script>").splitlines()
['  • Nikkei', '40,074.69', '  • Dow']
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = [
    "PAGE_SUFFIXES",
    "PageError",
    "PageInput",
    "LoadedPage",
    "expand",
    "load",
    "decode",
    "html_to_text",
    "capture_time",
    "time_from_name",
]

PAGE_SUFFIXES = (".txt", ".html", ".htm")
# The strip is in a page's header. Text pages are parsed from their first MiB; HTML carries
# scripts and styles before the content, so more of it is read. The whole file is always hashed.
TEXT_HEAD_BYTES = 1 << 20
HTML_HEAD_BYTES = 16 << 20
_CHUNK = 1 << 20


class PageError(Exception):
    """A page that could not be read; ``str(err)`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class PageInput:
    source: str  # what the user named: a path, or "-" for stdin
    path: str | os.PathLike | None  # None for stdin (a str from expand(): a Path per file costs)
    regular: bool = True  # a regular file (not stdin, a pipe or a device)

    def __reduce__(self):
        # Sent to worker processes by the thousand: a plain tuple pickles in a fifth of the time
        # of a slotted dataclass's state
        return PageInput, (self.source, self.path, self.regular)


@dataclass(frozen=True, slots=True)
class LoadedPage:
    source: str
    text: str
    content_hash: str  # sha256 of the whole input, hex
    mtime: datetime | None  # None for stdin
    encoding: str
    notes: tuple[str, ...] = ()  # e.g. "decoded as cp1252", "only the first 1 MiB was parsed"
    name_time: datetime | None = None  # a capture time written in the file name
    utf8: bytes | None = None  # text.encode("utf-8") when that is the file's own bytes (saves encoding it again)


@dataclass(frozen=True, slots=True)
class BadInput:
    """A named input that is not a page (missing path, folder without pages)."""

    source: str
    reason: str


def expand(paths: Iterable[str], *, recursive: bool = False) -> Iterator[PageInput | BadInput]:
    """Every page the user's arguments name, in a stable order; bad arguments as :class:`BadInput`."""
    for raw in paths:
        if raw == "-":
            yield PageInput("-", None, regular=False)
            continue
        path = Path(raw)
        if path.is_dir():
            found = _page_files(raw, recursive)
            if not found:
                hint = "" if recursive else " (use -r to look in subfolders)"
                yield BadInput(shown(raw), f"no *.txt, *.html or *.htm pages in this folder{hint}")
                continue
            # Held as one string while the pages are read, not a string object per page (a
            # tenth of the memory; and the workers are forked with it).
            packed = "\0".join(found)
            del found
            for name in _unpacked(packed):
                yield PageInput(shown(name), name)
        elif path.exists():
            yield PageInput(shown(raw), raw, regular=path.is_file())
        else:
            yield BadInput(shown(raw), "no such file or folder")


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


def _page_files(folder: str, recursive: bool) -> list[str]:
    """The page files in a folder, sorted, as path strings: a folder may hold hundreds of
    thousands of pages, and a string costs a fraction of a Path object."""
    found: list[str] = []
    if not recursive:
        base = os.path.normpath(folder)  # once, not per file: "./p.txt" and "p.txt" are one page
        prefix = "" if base == "." else base if base.endswith(os.sep) else base + os.sep
        with os.scandir(folder) as entries:
            found = [prefix + e.name for e in entries if e.name.lower().endswith(PAGE_SUFFIXES) and e.is_file()]
    else:
        for top, _dirs, files in os.walk(folder):
            paths = (os.path.normpath(os.path.join(top, f)) for f in files if f.lower().endswith(PAGE_SUFFIXES))
            found.extend(p for p in paths if os.path.isfile(p))
    found.sort()
    return found


def load(page: PageInput, *, stdin: io.BufferedReader | None = None) -> LoadedPage:
    """Read, hash and decode one page. Raises :class:`PageError` with a one-line reason."""
    name = os.fspath(page.path) if page.path is not None else None
    html_name = name is not None and name.lower().endswith((".html", ".htm"))
    limit = HTML_HEAD_BYTES if html_name or name is None else TEXT_HEAD_BYTES
    try:
        if name is None:
            digest = hashlib.sha256()
            (head, truncated), mtime = _read_head(stdin or sys.stdin.buffer, digest, limit), None
        else:
            head, truncated, digest, mtime = _read_file(name, limit)
    except PermissionError:
        raise PageError("permission denied") from None
    except IsADirectoryError:
        raise PageError("is a folder, not a page") from None
    except OSError as err:
        raise PageError(err.strerror or str(err)) from None
    if not head or head.isspace():
        raise PageError("empty file")
    notes: list[str] = []
    text, encoding, whole_utf8 = _decode(head)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        notes.append(f"decoded as {encoding}")
    if truncated:
        notes.append(f"only the first {len(head) >> 20} MiB were parsed")
    utf8 = head if whole_utf8 else None
    if html_name or _looks_like_html(text):
        text, utf8 = html_to_text(text), None
    name_time = time_from_name(os.path.basename(name)) if name is not None else None
    return LoadedPage(page.source, text, digest.hexdigest(), mtime, encoding, tuple(notes), name_time, utf8)


_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _read_file(name: str, limit: int):
    """(head, truncated, digest of the whole file, mtime) of a page file, refusing what never
    ends or never answers.

    A device (/dev/zero, a terminal) is refused: hashing it whole would never finish. A FIFO is
    opened without blocking, so one with no writer reads as empty instead of waiting forever;
    with a writer (``<(curl …)``) it is read like stdin. A regular file is read with ``os.read``
    (no file object: this runs once per page, tens of thousands of times).
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
        digest = hashlib.sha256()
        with os.fdopen(fd, "rb", closefd=False) as fh:
            head, truncated = _read_head(fh, digest, limit)
        return head, truncated, digest, mtime
    finally:
        os.close(fd)


def _read_head(fh, digest, limit: int) -> tuple[bytes, bool]:
    """Read up to ``limit`` bytes to keep, hashing everything; memory stays bounded by ``limit``."""
    head = fh.read(limit)
    digest.update(head)
    truncated = False
    while chunk := fh.read(_CHUNK):
        truncated = True
        digest.update(chunk)
    return head, truncated


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_STARTS = frozenset(bom[:1] for bom, _ in _BOMS)


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding): BOM first, then UTF-8, then detection. Raises PageError."""
    text, encoding, _ = _decode(raw)
    return text, encoding


def _decode(raw: bytes) -> tuple[str, str, bool]:
    """:func:`decode`, and whether the text is all of ``raw`` read as UTF-8 (then
    ``text.encode("utf-8") == raw``, and a caller that needs those bytes has them)."""
    for bom, encoding in _BOMS if raw[:1] in _BOM_STARTS else ():
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding, False
            except UnicodeDecodeError:
                raise PageError(f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    if raw.find(b"\x00", 0, 4096) >= 0:
        # Text pages have no NUL bytes; UTF-16 without a BOM has one in every other byte.
        if not _utf16_without_bom(raw):
            raise PageError("binary file, not a text or HTML page")
        return *_detect(raw), False
    try:
        return raw.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError as err:
        # A page cut in the middle of a multi-byte character is still UTF-8.
        if err.start >= len(raw) - 3 and err.reason == "unexpected end of data":
            return raw[: err.start].decode("utf-8"), "utf-8", False
    mostly = _mostly_utf8(raw)
    return (*mostly, False) if mostly is not None else (*_detect(raw), False)


def _detect(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only pages that are not UTF-8 pay for detection

    matches = from_bytes(raw[:65536])
    best = matches.best()
    if best is None or best.encoding is None:
        raise PageError("not text in any encoding ticker recognises (binary file?)")
    for m in matches:
        # Where Windows-1252 (the web's usual mislabelled "latin-1") fits as well, it is the one.
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
            best = m
    try:
        return raw.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise PageError(f"not valid text (looked like {best.encoding})") from None


def _mostly_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a corrupted download, a botched edit) is still UTF-8.

    When the valid multi-byte characters outnumber the invalid sequences, those are replaced by
    U+FFFD and the encoding says how many; otherwise None (let detection decide: a cp1252 page
    has no valid multi-byte sequences at all).

    >>> _mostly_utf8("• Nikkei 40,074.69 − caf".encode() + b"\\xe9")
    ('• Nikkei 40,074.69 − caf\ufffd', 'utf-8, 1 invalid byte replaced')
    >>> _mostly_utf8("• Nikkei caf\u00e9".encode("cp1252")) is None
    True
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if bad > 0 and good >= bad:
        return text, f"utf-8, {bad} invalid byte{'s' if bad != 1 else ''} replaced"
    return None


def _utf16_without_bom(raw: bytes) -> bool:
    sample = raw[:4096]
    half = len(sample) // 2
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    # ASCII-heavy UTF-16 has a NUL in every other byte and almost nowhere else.
    return (odd > 0.4 * half and even < 0.05 * half) or (even > 0.4 * half and odd < 0.05 * half)


_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text, 0, 1024) is not None


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot "
    "tr ul title option".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select"))


_INLINE_END = "\x1f"
_NUMBER_SEAM = re.compile("(?<=[\\d%)])\x1f+(?=[-+\u2212(\\d])")


def html_to_text(html: str) -> str:
    """HTML -> the text a browser's "save as text" gives: one line per block, list items bulleted.

    Uses lxml's HTML parser (tolerant of the broken markup saved pages are full of); scripts,
    styles and templates are dropped.
    """
    import lxml.html  # only HTML pages pay for lxml

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises ParserError on empty documents and XMLSyntaxError on odd ones
        return ""
    out: list[str] = []

    def newline() -> None:
        if out and not out[-1].endswith("\n"):
            out.append("\n")

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP_TAGS or not isinstance(el.tag, str):
            if el.tail:
                out.append(el.tail)
            return
        if tag in _BLOCK_TAGS:
            newline()
        if tag == "li":
            out.append("  • ")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if tag in _CELL_TAGS:
            out.append(" | ")
        elif tag in _BLOCK_TAGS:
            newline()
        else:
            out.append(_INLINE_END)
        if el.tail:
            out.append(el.tail)

    walk(root)
    # <span>8,139.83</span><span>+60.97 (+0.75%)</span> renders as two numbers, not one: where an
    # inline element ends between two numbers, keep them apart; elsewhere ("<b>S</b>&P") glue.
    joined = _NUMBER_SEAM.sub(" ", "".join(out)).replace(_INLINE_END, "")
    lines: list[str] = []
    bullet = False  # a list item whose text starts in a block of its own (<li><h3>Name</h3>)
    for raw in joined.splitlines():
        is_item = raw.startswith("  • ")
        text = " ".join((raw[4:] if is_item else raw).split())
        if not text:
            bullet = bullet or is_item
            continue
        lines.append(f"  • {text}" if is_item or bullet else text)
        bullet = False
    return "\n".join(lines)


_NAME_STAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-?(?P<mo>[01]\d)-?(?P<d>[0-3]\d)"
    r"(?:[T_ -]?(?P<h>[0-2]\d)[:h-]?(?P<mi>[0-5]\d)(?:[:-]?(?P<s>[0-5]\d))?)?(?!\d)"
)


def time_from_name(name: str) -> datetime | None:
    """A capture time written into a file name, as archives and scrapers do (UTC).

    >>> time_from_name("2024-05-17T0800_yahoo-sg.txt")
    datetime.datetime(2024, 5, 17, 8, 0, tzinfo=datetime.timezone.utc)
    >>> time_from_name("web.archive.org_20190918153500_ftmc.html")
    datetime.datetime(2019, 9, 18, 15, 35, tzinfo=datetime.timezone.utc)
    >>> time_from_name("page-00017.txt") is None
    True
    """
    for m in _NAME_STAMP.finditer(name):
        try:
            return datetime(
                int(m["y"]), int(m["mo"]), int(m["d"]), int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0), tzinfo=UTC
            )
        except ValueError:
            continue  # 20191399: digits, not a date
    return None


def capture_time(
    *,
    at: datetime | None,
    page_time: datetime | None,
    name_time: datetime | None = None,
    mtime: datetime | None,
    now: datetime,
) -> tuple[datetime, str]:
    """When a page was captured, and where that time came from.

    In order of trust: ``at`` (the user said so), ``page`` (the page prints it), ``name`` (the file
    name carries it), ``mtime`` (the file's modification time), ``now``.

    >>> now = datetime(2024, 5, 17, 12, tzinfo=UTC)
    >>> capture_time(at=None, page_time=None, mtime=None, now=now)
    (datetime.datetime(2024, 5, 17, 12, 0, tzinfo=datetime.timezone.utc), 'now')
    """
    for value, origin in ((at, "at"), (page_time, "page"), (name_time, "name"), (mtime, "mtime"), (now, "now")):
        if value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            return value.astimezone(UTC), origin
    raise AssertionError("now is never None")
