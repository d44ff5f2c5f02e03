"""Capture times: from a file name, and the order of trust between the times a page has."""

from __future__ import annotations

import re
from datetime import UTC, datetime

__all__ = ["capture_time", "time_from_name"]

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
    header_time: datetime | None = None,
    header_origin: str | None = None,
) -> tuple[datetime, str]:
    """When a page was captured, and where that time came from.

    In order of trust: ``at`` (the user said so), the archive's header (``warc``: WARC-Date,
    ``mhtml``: the saved page's Date; the machine that captured the page wrote it then), ``page``
    (the page prints it), ``name`` (the file name carries it), ``mtime`` (the file's modification
    time), ``now``.

    >>> warc_date = datetime(2025, 2, 13, 20, 28, tzinfo=UTC)
    >>> capture_time(at=None, page_time=None, mtime=None, now=warc_date, header_time=warc_date, header_origin="warc")
    (datetime.datetime(2025, 2, 13, 20, 28, tzinfo=datetime.timezone.utc), 'warc')

    >>> now = datetime(2024, 5, 17, 12, tzinfo=UTC)
    >>> capture_time(at=None, page_time=None, mtime=None, now=now)
    (datetime.datetime(2024, 5, 17, 12, 0, tzinfo=datetime.timezone.utc), 'now')
    """
    for value, origin in ((at, "at"), (header_time, header_origin or "header"), (page_time, "page"), (name_time, "name"), (mtime, "mtime"), (now, "now")):
        if value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            return value.astimezone(UTC), origin
    raise AssertionError("now is never None")
