"""Bytes -> text: byte-order marks, UTF-8 (also where part of a page is not), then detection.

>>> decode("Gold 2,332.90".encode("utf-16"))
('Gold 2,332.90', 'utf-16')
>>> decode(b"\\xef\\xbb\\xbfDAX")
('DAX', 'utf-8-sig')
"""

from __future__ import annotations

import codecs

from ticker.pages.model import PageError

__all__ = ["decode", "decode_page"]

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
    text, encoding, _ = decode_page(raw)
    return text, encoding


def decode_page(raw: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """:func:`decode`, and whether the text is all of ``raw`` read as UTF-8 (then
    ``text.encode("utf-8") == raw``, and a caller that needs those bytes has them).

    ``declared``: the charset a header gives (HTTP in a WARC, an MHTML part), tried where the
    bytes are not UTF-8, before detection.

    >>> decode_page("Börse".encode("cp1252"), "windows-1252")
    ('Börse', 'windows-1252', False)
    """
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
        first_bad = err.start
    mostly = _mostly_utf8(raw, first_bad)
    if mostly is None and declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return raw.decode(declared), declared, False
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong or unknown label: detection decides
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


def _mostly_utf8(raw: bytes, first_bad: int = 0) -> tuple[str, str] | None:
    """A page that is UTF-8 where it has multi-byte characters is UTF-8, with the bytes that
    are not (a cp1252 section pasted after a UTF-8 strip, a corrupted download, a botched
    edit) replaced by U+FFFD.

    UTF-8 when the page's head, up to its first invalid byte, is UTF-8 with multi-byte
    characters in it (a header strip saved as UTF-8, an older cp1252 section after it), or when
    its valid multi-byte characters outnumber the invalid bytes;
    otherwise None (let detection decide: a cp1252 page has no valid multi-byte sequences at
    all). Detection is never let loose on such a page: it reads the UTF-8 bullet of a strip as
    three letters of some code page (``‚ÄĘ Nikkei``), which then become part of the name.

    >>> _mostly_utf8("• Nikkei 40,074.69 − caf".encode() + b"\\xe9")
    ('• Nikkei 40,074.69 − caf\ufffd', 'utf-8, 1 invalid byte replaced')
    >>> _mostly_utf8("• Nikkei caf\u00e9".encode("cp1252")) is None
    True
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())  # invalid sequences replaced
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # valid multi-byte characters
    head = raw[:first_bad]
    if bad > 0 and good > 0 and (good >= bad or not head.isascii()):
        return text, f"utf-8, {bad} invalid byte{'s' if bad != 1 else ''} replaced"
    return None


def _utf16_without_bom(raw: bytes) -> bool:
    sample = raw[:4096]
    half = len(sample) // 2
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    # ASCII-heavy UTF-16 has a NUL in every other byte and almost nowhere else.
    return (odd > 0.4 * half and even < 0.05 * half) or (even > 0.4 * half and odd < 0.05 * half)
