"""What ``ticker parse`` shows of a page, storing nothing: its quotes with the instrument each
name means, and the capture time ingest would give it. No database code is imported (start-up)."""

from __future__ import annotations

from datetime import datetime

from . import pages
from .instruments import resolve
from .parser import explain as explain_text
from .parser import parse

__all__ = ["describe"]


def describe(item: pages.PageInput | pages.BadInput, *, strict: bool = False, explain: bool = False) -> dict:
    """What ``ticker parse`` shows of one input, storing nothing: its path, market status,
    capture time (chosen as ingest chooses it), the quotes with the instrument each name means,
    and warnings (with ``explain``, each decision's evidence too); or its path and the error."""
    if isinstance(item, pages.BadInput):
        return {"path": item.source, "error": item.reason, "quotes": []}
    try:
        page = pages.load(item)
    except pages.PageError as err:
        return {"path": item.source, "error": str(err), "quotes": []}
    evidence = None
    if explain:
        parsed, evidence = explain_text(page.text, strict=strict)
    else:
        parsed = parse(page.text, strict=strict)
    captured_at, _origin = pages.capture_time(at=None, page_time=parsed.page_time, name_time=page.name_time,
                                              mtime=page.mtime, now=datetime.now().astimezone(),
                                              header_time=page.header_time, header_origin=page.header_origin)
    quotes = []
    for q in parsed.quotes:
        inst = resolve(q.name, q.symbol)
        quotes.append(
            {"name": q.name, "instrument": inst.name, "symbol": q.symbol or inst.symbol, "value": q.value,
             "change": q.change, "change_pct": q.change_pct, "consistent": q.consistent, "line": q.line}
        )
    return {"path": item.source, "url": page.url, "market_status": parsed.market_status, "captured_at": captured_at.isoformat(),
            "quotes": quotes, "warnings": [*page.notes, *parsed.warnings],
            **({"explain": evidence} if explain else {})}
