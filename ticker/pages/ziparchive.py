"""``.zip`` archives of pages: each member a page, read in memory (never extracted to disk), with
the same cap on what one member may decompress to as a single compressed page."""

from __future__ import annotations

import collections
import zipfile
import zlib
from collections.abc import Iterator

from ticker.pages.compressed import read_capped
from ticker.pages.model import BadInput, PageError, PageInput

__all__ = ["is_zip_name", "list_members", "read_member"]


def is_zip_name(name: str) -> bool:
    return name.lower().endswith(".zip")


def list_members(path: str, source: str, page_suffixes: tuple[str, ...]) -> Iterator[PageInput | BadInput]:
    """One :class:`PageInput` per page member (by suffix, as in a folder), in the archive's order."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as err:
        yield BadInput(source, f"damaged zip archive ({err})")
        return
    except OSError as err:
        yield BadInput(source, err.strerror or str(err))
        return
    skipped: collections.Counter[str] = collections.Counter()
    members = []
    for info in infos:
        if info.is_dir():
            continue
        if info.filename.lower().endswith(page_suffixes):
            members.append(info.filename)
        else:
            skipped["not a page by its name"] += 1
    if not members:
        yield BadInput(source, "no *.txt, *.html or *.htm pages in this zip archive")
        return
    n = sum(skipped.values())
    note = f"{n} zip member{'s' if n != 1 else ''} skipped (not pages by their names)" if n else ""
    for i, name in enumerate(members):
        notes = (note,) if note and i == len(members) - 1 else ()
        yield PageInput(f"{source}#{name}", path, True, name, notes)


_open: tuple[str, zipfile.ZipFile] | None = None  # a worker reads many members of one archive


def read_member(path: str, member: str, keep: int):
    """(head, truncated, digest) of one member, which must decompress within the cap."""
    global _open
    if _open is None or _open[0] != path:
        if _open is not None:
            _open[1].close()
        try:
            _open = (path, zipfile.ZipFile(path))
        except zipfile.BadZipFile as err:
            raise PageError(f"damaged zip archive ({err})") from None
    archive = _open[1]
    try:
        with archive.open(member) as stream:
            return read_capped(stream, keep, what=f"member {member} decompresses to")
    except KeyError:
        raise PageError(f"no member {member} in the archive") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as err:
        raise PageError(f"damaged zip member {member} ({err})") from None
