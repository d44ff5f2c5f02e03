"""MHTML (``.mhtml``/``.mht``, a browser's "save as single file"): a MIME message whose
``text/html`` part is the page; ``Date`` is when it was saved, ``Snapshot-Content-Location`` its
address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ticker.pages.model import PageError

__all__ = ["MHTML_SUFFIXES", "MhtmlPage", "read_mhtml"]

MHTML_SUFFIXES = (".mhtml", ".mht")


@dataclass(frozen=True, slots=True)
class MhtmlPage:
    html: bytes  # the text/html part, transfer encoding (quoted-printable, base64) undone
    charset: str | None  # the part's declared charset
    saved_at: datetime | None  # the Date header, UTC
    url: str | None  # Snapshot-Content-Location, else the html part's Content-Location


def read_mhtml(raw: bytes) -> MhtmlPage:
    """The page inside an MHTML file. Raises :class:`PageError` when there is none.

    >>> page = read_mhtml(b"From: <Saved by Blink>\\r\\nSnapshot-Content-Location: https://x.test/q\\r\\n"
    ...                   b"Date: Thu, 13 Feb 2025 20:28:00 -0000\\r\\nMIME-Version: 1.0\\r\\n"
    ...                   b'Content-Type: multipart/related; type="text/html"; boundary="B"\\r\\n\\r\\n'
    ...                   b"--B\\r\\nContent-Type: text/html; charset=utf-8\\r\\n"
    ...                   b"Content-Transfer-Encoding: quoted-printable\\r\\n\\r\\n<p>Nikkei =E2=80=A2</p>\\r\\n--B--\\r\\n")
    >>> page.html.decode(page.charset), page.saved_at.isoformat(), page.url
    ('<p>Nikkei •</p>', '2025-02-13T20:28:00+00:00', 'https://x.test/q')
    """
    import email
    import email.policy
    import email.utils

    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception as err:  # the email package parses leniently; anything it raises is a bad file
        raise PageError(f"not a readable MHTML file ({err})") from None
    if not message.is_multipart() and message.get_content_type() != "text/html":
        raise PageError("not an MHTML file (no MIME parts)")
    for part in message.walk():
        if part.get_content_type() != "text/html" or part.is_multipart():
            continue
        html = part.get_payload(decode=True)
        if not isinstance(html, bytes):
            continue
        saved_at = None
        if (date := message.get("Date")) is not None:
            try:
                saved_at = email.utils.parsedate_to_datetime(str(date))
                saved_at = saved_at.astimezone(UTC) if saved_at.tzinfo else saved_at.replace(tzinfo=UTC)
            except (TypeError, ValueError, IndexError, OverflowError):
                saved_at = None  # a Date the file mangled: the page's other times decide
        url = message.get("Snapshot-Content-Location") or part.get("Content-Location")
        return MhtmlPage(html, part.get_content_charset(), saved_at, str(url).strip() if url else None)
    raise PageError("MHTML file without a text/html part")
