"""Stage 4c: quote-shaped statistics that are no market quote.

A poll's party, a league's club or a channel's count can print the shape of a quote (``Labour
34 +2 (+6.2%)``, ``Arsenal 68 +3 (+4.6%)``) and pass the arithmetic. Their evidence differs: a
statistic's label names the row (``Followers``, ``Temperature``: the ``labels`` words, refused
where names are read), and whole numbers under a hundred or so with whole changes, on a page of
polls, standings or weather, or on a page without a word of a market. Only such whole-number
quotes are weighed here (a market quote's value nearly always prints decimals or is large);
the rest pass untouched.

>>> from decimal import Decimal as D
>>> q = Quote("Labour", D("34"), D("2"), D("6.2"), 2)
>>> [x.name for x in market_quotes([q], "Poll of polls\\nLabour 34 +2 (+6.2%)", [])]
[]
>>> [x.name for x in market_quotes([q], "Stocks\\nLabour 34 +2 (+6.2%)", [])]
['Labour']
"""
from __future__ import annotations

from .lazyre import LazyPattern
from .model import Quote
from .words import merged

#: whole-number values below this are weighed (a poll's share, a club's points, a count)
SMALL_WHOLE = 1000
#: the lines above a quote where a heading says what its statistics are
CONTEXT_LINES = 8


def _alt(*categories: str) -> str:
    return "|".join(sorted({e for c in categories for e in merged(c)}, key=len, reverse=True))


# (words ending where a Latin word ends: "index" not in "indexation"'s middle is fine either way)
# (a value column's word counts when a change column's follows it, as in a table's header: "Last
# Chg", "Latest Chg %Chg"; alone, "Latest figures" or "Current" says nothing of a market)
_MARKET = LazyPattern(rf"(?i)(?<![a-z])(?:{_alt('name_labels', 'exchanges', 'markets', 'sites', 'units')}"
                        rf"|(?:{_alt('col_value')})\s+(?:{_alt('col_change', 'col_pct')}))(?![a-z])"
                        r"|[$€£¥₹₩₽₺₪]")
_CONTEXT = LazyPattern(rf"(?i)(?<![a-z])(?:{_alt('statistic_contexts')})(?![a-z])")


def _whole(q: Quote) -> bool:
    """Value and change printed as whole numbers (their Decimals keep the printed digits), the
    value small. (The bound first: it is the cheap test.)"""
    v = q.value
    return -SMALL_WHOLE < v < SMALL_WHOLE and "." not in str(v) and "." not in str(q.change)


def market_quotes(quotes: list[Quote], text: str, refused: list) -> list[Quote]:
    """``quotes`` less the statistics among them; each one left out goes to ``refused`` as
    (line, name, why), the line 1-based. A page's other statistics are said by a word on the
    quote's line or on the few lines above it (a heading "Poll of polls", "Premier League"), not anywhere in
    the page (a finance page's news may speak of polls)."""
    whole = [q for q in quotes if _whole(q)]
    if not whole:
        return quotes
    market = _MARKET.search(text, 0, 200_000) is not None
    lines = text.split("\n", max(q.line for q in whole) + 1)
    dropped = set()
    for q in whole:
        near = "\n".join(lines[max(0, q.line - 1 - CONTEXT_LINES) : q.line])
        context = _CONTEXT.search(near)
        if context is not None:
            why = f"whole numbers under a heading of other statistics ({context.group()!r})"
        elif not market:
            why = "whole numbers on a page without a market's word"
        else:
            continue
        refused.append((q.line, q.name, why))
        dropped.add(id(q))
    if not dropped:
        return quotes
    return [q for q in quotes if id(q) not in dropped]
