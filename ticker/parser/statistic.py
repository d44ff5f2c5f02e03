"""Stage 4c: quote-shaped statistics that are no market quote.

A poll's party, a league's club or a channel's count can print the shape of a quote (``Labour
34 +2 (+6.2%)``, ``Arsenal 68 +3 (+4.6%)``) and pass the arithmetic. Their evidence differs: a
statistic's label names the row (``Followers``, ``Temperature``: the ``labels`` words, refused
where names are read); a heading of other statistics stands over the rows (``Bundesliga``,
``Fuel prices``, ``COVID-19``: a heading or label line, not prose and not a menu's item); a
row is named by a date (a dividend history, an index's month); and whole numbers under a
thousand with whole changes on a page without a word of a market (a market quote's value
nearly always prints decimals or is large).

>>> from decimal import Decimal as D
>>> q = Quote("Labour", D("34"), D("2"), D("6.2"), 2)
>>> [x.name for x in market_quotes([q], "Poll of polls\\nLabour 34 +2 (+6.2%)", [])]
[]
>>> [x.name for x in market_quotes([q], "Stocks\\nLabour 34 +2 (+6.2%)", [])]
['Labour']
"""
from __future__ import annotations

from decimal import Decimal

from .lazyre import LazyPattern
from .model import Quote
from .words import merged

#: whole-number values below this are weighed (a poll's share, a club's points, a count)
SMALL_WHOLE = 1000
# (as Decimals: a Decimal compared with an int converts the int each time)
_SMALL_LOW, _SMALL_HIGH = Decimal(-SMALL_WHOLE), Decimal(SMALL_WHOLE)
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
# a table's header naming its value a target ("Analyst | Firm | Rating | Price Target | Change")
_TARGET_COLUMN = LazyPattern(rf"(?i)(?<![^\W\d_])(?:{_alt('forecasts')})(?![^\W\d_])")


def _label_name(name: str) -> str:
    """Why a quote's name is a label of numbers that are no day's quote: a price target's
    ("Kursziel"), an extended session's ("After-Market:"); "" for a name. Kept per name (a site
    names its quotes alike page after page, and the patterns of every language's words are long)."""
    got = _LABEL_NAME.get(name)
    if got is None:
        got = ""
        if len(name) <= 40:
            if _TARGET_COLUMN.search(name) is not None:
                got = "a price target and its distance from the price"
            elif _SESSION_NAME.fullmatch(name) is not None:
                got = "the numbers of an extended session, named by its label"
        if len(_LABEL_NAME) >= 20_000:
            _LABEL_NAME.clear()
        _LABEL_NAME[name] = got
    return got


_LABEL_NAME: dict[str, str] = {}
_SESSION_NAME = LazyPattern(rf"(?i)(?:{_alt('sessions')})(?:\s+(?:price|quote|trading|session))?\s*:?")


def _under_target_header(lines: list[str], row: int) -> bool:
    """Line ``row`` (0-based) is a row of a table whose header, a few lines above it, names a
    price target among its columns: the row's numbers are a target and its change."""
    for k in range(row - 1, max(-1, row - 1 - CONTEXT_LINES), -1):
        t = lines[k]
        if ("|" in t or "\t" in t) and not any(ch.isdigit() for ch in t):
            got = _TARGET_HEAD.get(t)
            if got is None:  # (a site prints the same header page after page)
                if len(_TARGET_HEAD) >= 5_000:
                    _TARGET_HEAD.clear()
                got = _TARGET_HEAD[t] = _TARGET_COLUMN.search(t) is not None
            return got
    return False


_TARGET_HEAD: dict[str, bool] = {}


# a name that starts with a date ("12/2/2025 Wedbush ...", "Nov 28, 2025 ...") or is a month and
# its year ("oktober 2025")
_MONTH = "(?:" + "|".join(sorted(merged("months"), key=len, reverse=True)) + r")[^\W\d_]*\.?"
_MONTH_STARTS = frozenset(m[:3] for m in merged("months"))
_DATED = LazyPattern(rf"(?i)\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|{_MONTH} \d{{1,2}}, (?:19|20)\d\d\b|{_MONTH} (?:19|20)\d\d$")


# a menu on one line: three or more items of one or two words, two spaces, a bar or a middle dot
# apart (subject's menu row is spaced only: there bars and dots are identifiers' and venues')
_MENU_LINE = LazyPattern(r"[^\s|]+(?: [^\s|]+)?(?:(?:\s{2,}|\s*[|·]\s*)[^\s|]+(?: [^\s|]+)?){2,}")


def _context_lines(text: str, first: int, last: int, lines: list[str] | None = None) -> list[tuple[int, str]]:
    """(1-based line, word) of the heading lines from a few lines above line ``first`` to line
    ``last`` that name other statistics. Each line's answer is kept (a site prints the same
    headings and names page after page); lines of numbers are never headings. ``lines``: the
    page's lines when the caller has them (``text.split("\\n")``: not split again)."""
    # (the lines up to ``last``, not the rest of the page)
    head = text.split("\n", last)[:last] if lines is None else lines
    top = max(0, first - 1 - CONTEXT_LINES)
    out: list[tuple[int, str]] = []
    cache = _CONTEXT_OF
    for n, line in enumerate(head[top:last], top):
        first_char = line.lstrip()[:1]
        if not first_char or first_char in _NOT_HEADING_START:
            continue  # (a blank, or a line of numbers or a bullet's: no heading)
        word = cache.get(line)
        if word is None:
            s = line.strip()
            if len(s) > 80 or s.count(" ") > 7 or s[-1] == ".":
                continue  # (prose: eight words at most make a heading, and no full stop at its end)
            m = _CONTEXT.search(s)
            word = m.group() if m is not None else ""
            if len(cache) >= 20_000:
                cache.clear()
            cache[line] = word
        if word and not _in_menu(text, sum(map(len, head[:n])) + n):
            out.append((n + 1, word))
    return out


_NOT_HEADING_START = frozenset("0123456789+-−–(.,$€£¥•|▲▼")
_CONTEXT_OF: dict[str, str] = {}  # a heading-like line -> the statistics word it holds, or ""


def _short_line(text: str, start: int, end: int) -> bool:
    """text[start:end] is a menu's item: three words at most, no digit."""
    line = text[start:end].strip()
    return bool(line) and len(line.split()) <= 3 and not any(ch.isdigit() for ch in line)


def _in_menu(text: str, at: int) -> bool:
    """The line holding offset ``at`` is an item of a menu ("Weather", "Election 2024" among
    "Video" / "Live" / "Shop"): short, in a run of three short lines (a heading over one short
    line, "Consumer prices" / "CPI (index)", is the heading of that row). A heading says what
    the figures under it are; a menu's item says nothing of them."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if _MENU_LINE.fullmatch(line):
        return True  # "Mail  News  Finance  Weather  Videos", "News | Sport | Weather"
    if not line or len(line.split()) > 3:
        return False
    up = _short_lines(text, start, -1)
    return up >= 2 or up + _short_lines(text, end, 1) >= 2


def _short_lines(text: str, at: int, step: int) -> int:
    """How many of the two lines above (``step`` -1, ``at`` a line's start) or below (``step``
    1, ``at`` a line's end) the line at ``at`` are short, in a row."""
    got = 0
    for _ in range(2):
        if step < 0:
            if at <= 0:
                break
            end = at - 1
            at = text.rfind("\n", 0, end) + 1
            start = at
        else:
            if at >= len(text):
                break
            start = at + 1
            end = text.find("\n", start)
            at = end = len(text) if end < 0 else end
        if not _short_line(text, start, end):
            break
        got += 1
    return got


def _whole(q: Quote) -> bool:
    """Value and change printed as whole numbers (their Decimals keep the printed digits), the
    value small. (The bound first: it is the cheap test.)"""
    v = q.value
    return _SMALL_LOW < v < _SMALL_HIGH and "." not in str(v) and "." not in str(q.change)


def _kept(quotes: list[Quote], dropped: set[int]) -> list[Quote]:
    """``quotes`` less those whose ids are in ``dropped``, which is emptied for the next test."""
    if not dropped:
        return quotes
    kept = [q for q in quotes if id(q) not in dropped]
    dropped.clear()
    return kept


def market_quotes(quotes: list[Quote], text: str, refused: list, lines: list[str] | None = None) -> list[Quote]:
    """``quotes`` less the statistics among them; each one left out goes to ``refused`` as
    (line, name, why), the line 1-based. A page's other statistics are said by a word on the
    quote's line or on the few lines above it (a heading "Poll of polls", "Premier League"), not anywhere in
    the page (a finance page's news may speak of polls)."""
    dropped = set()
    for q in quotes:
        why = _label_name(q.name)
        if why:
            # "Kursziel 210,00 €" / "+31,58 € / +17,70 %": a target named by its label, and its
            # distance from the price; "After-Market: $487.10 +0.36 (0.07%)": another session's
            refused.append((q.line, q.name, why))
            dropped.add(id(q))
            continue
        if (q.name[:1].isdigit() or q.name[:3].lower() in _MONTH_STARTS) and _DATED.match(q.name):
            # "Nov 28, 2025 Dec 15, 2025 $0.51 ...", "oktober 2025 153,4 +0,9 (+0,6%)": a dated row
            # of a history or an index's month, no instrument's quote
            refused.append((q.line, q.name, "a dated row (a history's or a period's figures), no instrument"))
            dropped.add(id(q))
    quotes = _kept(quotes, dropped)
    if not quotes:
        return quotes
    if "|" in text or "\t" in text:
        rows = lines if lines is not None else text.split("\n", max(q.line for q in quotes))
        for q in quotes:
            if _under_target_header(rows, q.line - 1):
                refused.append((q.line, q.name, "a row of a table of price targets"))
                dropped.add(id(q))
        quotes = _kept(quotes, dropped)
        if not quotes:
            return quotes
    # the lines that speak of other statistics (a heading "Bundesliga", "Fuel prices", "COVID-19")
    # up to the last quote: any quote on or just under one is theirs. Found by str.find of the
    # words' first letters (a scan of the page by the words' pattern costs more than the parse)
    at = [q.line for q in quotes]
    contexts = _context_lines(text, min(at), max(at), lines)
    if contexts:
        for q in quotes:
            word = next((w for line, w in contexts if q.line - CONTEXT_LINES <= line <= q.line), None)
            if word is not None:
                refused.append((q.line, q.name, f"the figures under a heading of other statistics ({word!r})"))
                dropped.add(id(q))
        quotes = _kept(quotes, dropped)
    whole = [q for q in quotes if _SMALL_LOW < q.value < _SMALL_HIGH and _whole(q)]  # (_whole's cheap test first, without its call)
    if not whole:
        return quotes
    market = _MARKET.search(text, 0, 200_000) is not None
    for q in whole:
        if not market:
            why = "whole numbers on a page without a market's word"
        else:
            continue
        refused.append((q.line, q.name, why))
        dropped.add(id(q))
    if not dropped:
        return quotes
    return [q for q in quotes if id(q) not in dropped]
