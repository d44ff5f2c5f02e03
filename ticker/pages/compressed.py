"""Single compressed pages (``.gz``, ``.bz2``, ``.xz``, ``.zst``), read as a stream with a cap on
what they may decompress to: a compression bomb is bad input, not a crash."""

from __future__ import annotations

import hashlib

from ticker.pages.model import PageError

__all__ = ["COMPRESSED_SUFFIXES", "MAX_PAGE_BYTES", "compression_of", "inner_name", "read_capped", "open_decompressed"]

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
# No saved page comes near this; a stream past it is a bomb, or something that never ends.
MAX_PAGE_BYTES = 128 << 20
_CHUNK = 1 << 20


def compression_of(name: str) -> str | None:
    """The compression a file name says, or None.

    >>> compression_of("2024-05-17.html.GZ"), compression_of("page.txt"), compression_of("a.tar.zst")
    ('.gz', None, '.zst')
    """
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return suffix
    return None


def inner_name(name: str) -> str:
    """The name of what a compressed file holds: ``page.html.gz`` -> ``page.html``."""
    suffix = compression_of(name)
    return name[: -len(suffix)] if suffix else name


def open_decompressed(fileobj, suffix: str):
    """A binary stream of the decompressed bytes of ``fileobj``."""
    if suffix == ".gz":
        import gzip

        return gzip.GzipFile(fileobj=fileobj, mode="rb")
    if suffix == ".bz2":
        import bz2

        return bz2.BZ2File(fileobj, "rb")
    if suffix == ".xz":
        import lzma

        return lzma.LZMAFile(fileobj, "rb")
    import zstandard

    return zstandard.ZstdDecompressor().stream_reader(fileobj, read_across_frames=True)


def read_capped(stream, keep: int, *, cap: int = MAX_PAGE_BYTES, what: str = "decompresses to") -> tuple[bytes, bool, hashlib._Hash]:
    """(the first ``keep`` bytes, whether there were more, sha256 of all) of a stream that must
    end within ``cap`` bytes; past it, a :class:`PageError` saying so. Memory: ``keep`` bytes."""
    digest = hashlib.sha256()
    head = bytearray()
    total = 0
    truncated = False
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > cap:
            raise PageError(f"{what} more than {cap >> 20} MiB: not a page")
        digest.update(chunk)
        room = keep - len(head)
        if room > 0:
            head += chunk[:room]
        if len(chunk) > max(room, 0):
            truncated = True
    return bytes(head), truncated, digest


def decompression_error(err: BaseException) -> PageError:
    """A one-line reason for a damaged compressed file (every library raises its own kind)."""
    text = str(err).strip() or type(err).__name__
    if isinstance(err, EOFError):
        text = "cut short"
    return PageError(f"damaged compressed file ({text})")
