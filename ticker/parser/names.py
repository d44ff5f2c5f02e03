"""Stage 4: names - the text before, above or around a quote's numbers that names it."""
from __future__ import annotations

import re

from .lazyre import LazyPattern
from .lexicon import (
    _CLOCK,
    _DECIMAL_IN_NAME,
    _LABELS,
    _LETTER,
    _LINKS,
    _NAME_PAREN_SYM,
    _NOISE_PARTS,
    _NOISE_START,
    _PERIOD,
    _RETURN_PERIOD,
    _SESSION_NAME,
    _SITE_PAGE,
    _STOPWORDS,
    _SUBJECT,
    _SYM_DASH_NAME,
    _TABLE_HEAD,
)
from .lines import _BULLET, _STRIP, _Field

# a currency's sign, perhaps after its country's letters, before the value: no name ("R$", "US$", "HK$")
_CURRENCY_NAME = LazyPattern(r"[A-Z]{0,3}[$€£¥₹₩₽₺₪฿₫₦₱]")


def _noise(s: str) -> bool:
    """Lines between a name and its numbers that are not the name ("Delayed price...")."""
    if _NOISE_START.match(s):
        return True
    low = s.lower()
    for part in _NOISE_PARTS:
        if part in low:
            return True
    return ":" in s and _CLOCK.search(s) is not None


def _name_number(s: str, start: int, f: _Field) -> bool:
    """Is ``f`` (first number of a run) the end of a name, like "225" in "Nikkei 225 38,471.20"?"""
    return f.raw.isdigit() and not f.pct and not f.paren and _LETTER.search(s[start : f.start]) is not None


def _clean_name(s: str) -> str:
    return " ".join(s.split())


def code_apart(s: str) -> str:
    """A heading with a code a minified page glued before or after its name set apart ("PETR4Petrobras
    PN", "MASIMoroccan All Shares Index"; a number before a word is a name's: "Nifty 50LiveMarket",
    and a CJK name keeps its Latin letters: "ドイツDAX").

    >>> code_apart("PETR4Petrobras PN"), code_apart("ETFs NTTデータ"), code_apart("Nifty 50Live")
    ('PETR4 Petrobras PN', 'ETFs NTTデータ', 'Nifty 50Live')
    >>> code_apart("BIST 100XU100"), code_apart("WIG20")
    ('BIST 100 XU100', 'WIG20')
    """
    return _GLUED_WORDS.sub(" ", s) if _GLUED_WORDS.search(s) is not None else s


# (a capital and two lower-case letters after a code's two last characters, a capital among them)
_GLUED_WORDS = LazyPattern(r"(?:(?<=[A-Z][A-Z0-9])|(?<=[0-9][A-Z]))(?=[A-Z][a-z]{2})|(?<=[0-9])(?=[A-Z]{2,5}[0-9]{0,4}$)")


def _split_symbol(name: str) -> tuple[str, str | None]:
    """``^FTMC - FTSE 250`` -> (``FTSE 250``, ``^FTMC``); ``S&P 500 (^GSPC)`` likewise.

    >>> _split_symbol("^FTMC - FTSE 250")
    ('FTSE 250', '^FTMC')
    >>> _split_symbol("Hong Kong Hang Seng Index (HSI:IND)")
    ('Hong Kong Hang Seng Index', 'HSI:IND')
    >>> _split_symbol("Nikkei 225 Index .N225:Nikkei")
    ('Nikkei 225 Index', '.N225:Nikkei')
    >>> _split_symbol("Öl (Brent)")
    ('Öl (Brent)', None)
    >>> _split_symbol("MAYBANK (1155)"), _split_symbol("Euro Stoxx 50 (2024)")
    (('MAYBANK', '1155'), ('Euro Stoxx 50 (2024)', None))
    """
    m = _SYM_DASH_NAME.fullmatch(name)
    if m and _LETTER.search(m.group(1)) and _LETTER.search(m.group(2)):
        return m.group(2), m.group(1)
    m = _NAME_PAREN_SYM.fullmatch(name)
    if m and _LETTER.search(m.group(1)) and (_LETTER.search(m.group(2)) or _NUMERIC_CODE.fullmatch(m.group(2))):
        return m.group(1), m.group(2)
    m = _NAME_TRAILING_SYM.fullmatch(name)  # "Nikkei 225 Index .N225:Nikkei"
    if m and _LETTER.search(m.group(1)):
        return m.group(1), m.group(2)
    return name, None


# a stock's number code in parentheses ("MAYBANK (1155)", "トヨタ (7203)", "腾讯 (00700)"), not a year
_NUMERIC_CODE = LazyPattern(r"(?!(?:19|20)\d\d$)\d{4,6}")
# a code after the name with the marks only codes have: ".N225:Nikkei", "^N225", "NKY:IND"
_NAME_TRAILING_SYM = LazyPattern(r"(\S.*?)\s+([.^][A-Z0-9][\w.:=^-]{1,20}|[A-Z0-9]{2,8}:[A-Z]{2,8})")


def _heading_ok(s: str) -> bool:
    """Could this line be the name above a quote (not prose, not a label)?"""
    if len(s) > 70 or not _LETTER.search(s) or "%" in s or "http" in s:
        return False
    words = s.split()
    if len(words) > 9:
        return False
    if s[-1] in ".!?:;," and (len(words) > 4 or s[-1] != "."):
        return False
    return True


def _inline_name(s: str, max_words: int = 8) -> str | None:
    """The name of a row/tape entry from the text before its numbers, or None."""
    s = _TABLE_HEAD.sub("", s, count=1) if "%" in s else s
    s = s.strip(_STRIP + ",;|•·*-–—:=")
    m = _BULLET.match(s)
    if m:
        s = s[m.end():]
    if "|" in s:
        s = next((c for c in (x.strip(_STRIP) for x in s.split("|")) if c), "")
    if " , " in s:  # a tape's separator: "Friday, January 09, 2026 , BSE Sensex"
        s = s.rsplit(" , ", 1)[1]
    if ": " in s:
        s = s.rsplit(": ", 1)[1]
    s = _clean_name(s)
    if not s or len(s) > 60 or "%" in s or not _LETTER.search(s) or _CURRENCY_NAME.fullmatch(s):
        return None
    words = s.split()
    if _SESSION_NAME.fullmatch(s):  # "After-Hours: $214.50 +0.21 (+0.10%)": not the session's quote
        return None
    if len(words) > max_words or _LABELS.match(s) or _DECIMAL_IN_NAME.search(s) or _PERIOD.fullmatch(s) or _RETURN_PERIOD.fullmatch(s) or _link(s):
        return None
    if any(w.lower().strip(",.;") in _STOPWORDS for w in words):
        return None
    return s



def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.casefold()))


# --------------------------------------------------------------------------- page time


def _link(s: str) -> bool:
    """Navigation or link text ("View all Indices", "Back to Indices"), never a name."""
    return _LINKS.match(s) is not None


def _sentence(s: str) -> bool:
    """A line of prose (a description between a heading and its numbers)."""
    words = s.split()
    return len(words) > 9 or (len(words) > 4 and s[-1] in ".!?")


def page_subject(texts) -> str | None:
    """The instrument a page is about, from headings that name it: "News for Dow Jones",
    "Dow Jones Chart", "Stocks FTSE 100" (the one named most often; None when none is).

    >>> page_subject(["Dow Jones Chart", "", "News for Dow Jones", "Bayer shares sink"])
    'Dow Jones'
    >>> page_subject(["The market rose today."]) is None
    True
    """
    counts: dict[str, int] = {}
    for s in texts:
        if not s or len(s) > 60 or not _LETTER.search(s) or _DIGIT_RE.search(s):
            continue
        m = _SUBJECT.fullmatch(s)
        if m is None:
            continue
        name = _clean_name(m.group("a") or m.group("b"))
        if (not _heading_ok(name) or _LABELS.match(name) or _RETURN_PERIOD.fullmatch(name) or _link(name)
                or _SITE_PAGE.match(name)
                or any(w.lower() in _STOPWORDS for w in name.split())):
            continue
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])


_DIGIT_RE = LazyPattern(r"\d[.,]\d")


_GLUE_POINT = LazyPattern(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


def _unglue(name: str) -> str:
    """A name with a status or label word glued to its end, as minified pages give it, cut
    there: "Nifty 50LiveMarket Closed" -> "Nifty 50".

    >>> _unglue("Nifty 50LiveMarket Closed"), _unglue("FTSE 100"), _unglue("iShares MSCI")
    ('Nifty 50', 'FTSE 100', 'iShares MSCI')
    """
    parts = _GLUE_POINT.split(name)
    if len(parts) == 1:
        return name
    while len(parts) > 1 and (_noise(parts[-1].strip()) or _STATUS_WORDS.fullmatch(parts[-1].strip())):
        parts.pop()
    return "".join(parts).strip()


_STATUS_WORDS = LazyPattern(r"(?i)(?:market\s+)?(?:closed|open|live|delayed)")


def split_glued_code(name: str) -> tuple[str, str | None]:
    """A row's code glued to its name, as a minified table's cells give them: (name, code).

    The code printed twice is the name ("WIG20WIG20", "^DAXDAX"); after a caret the code is
    the capitals before the name's first word, one capital and lower-case letters or a sign
    ("^DJIDow Jones", "^SPXS&P 500"), else three ("^UKXFTSE 100").

    >>> split_glued_code("^DJIDow Jones"), split_glued_code("^SPXS&P 500"), split_glued_code("^UKXFTSE 100")
    (('Dow Jones', '^DJI'), ('S&P 500', '^SPX'), ('FTSE 100', '^UKX'))
    >>> split_glued_code("WIG20WIG20"), split_glued_code("^BETBET"), split_glued_code("Dow Jones")
    (('WIG20', 'WIG20'), ('BET', '^BET'), ('Dow Jones', None))
    >>> split_glued_code("TSLATesla, Inc."), split_glued_code("NVIDIA Corp"), split_glued_code("IBM")
    (('Tesla, Inc.', 'TSLA'), ('NVIDIA Corp', None), ('IBM', None))
    """
    caret = name[:1] == "^"
    body = name[1:] if caret else name
    for n in range(2, min(8, len(body) // 2) + 1):
        t = body[:n]
        if body[n : 2 * n] == t and (len(body) == 2 * n or not body[2 * n].isalnum()) and t[0].isupper():
            return body[n:], ("^" if caret else "") + t  # the code printed twice: its name is the code
    if not caret:
        # a plain code glued before a name's first word ("TSLATesla, Inc."): capitals, then a
        # capital and lower-case letters
        run = 0
        while run < len(name) and name[run].isupper():
            run += 1
        if 3 <= run - 1 <= 5 and run < len(name) and name[run].islower():
            return name[run - 1 :], name[: run - 1]
        return name, None
    run = 0
    while run < len(body) and (body[run].isupper() or body[run].isdigit()):
        run += 1
    if run < 4:
        return name, None
    for k in range(2, run):
        nxt = body[k + 1 : k + 2]
        if nxt and (nxt.islower() or nxt in "&'’-./"):
            return body[k:], "^" + body[:k]  # "^DJI" + "Dow Jones", "^SPX" + "S&P 500"
    return body[3:], "^" + body[:3]
