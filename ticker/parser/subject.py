"""Stage 4b: which line above a quote header's numbers names its instrument.

A quote page prints, between the instrument's heading and its price, lines that are not the
name: buttons and links (``Create Alert``, ``Sparplan``), field labels (``Aktuell``, ``Last
price``), status lines (``Trading Status: Active``, ``Delayed 15 min``), the code line
(``NASDAQ: AAPL``, ``sh000001``, ``BTC/USD``), a share class or subtitle (``ORDINARY FULLY
PAID``, ``WKN 555750 | ISIN DE0005557508``). :func:`choose_name` scores every line of the window
above the numbers as a name, with its reasons, and takes the best; the nearest line wins only
when nothing says otherwise. Pure: the window's lines in, a :class:`Choice` out.

Evidence for a line: it has letters and a name's shape; a ``(CODE)`` or ``- CODE`` part; a
word saying it names an instrument (Index, Aktie, Inc.); it is named again elsewhere in the
page (a title, a breadcrumb, ``… Aktie News``); its code line follows it. Evidence against:
a known button, label or status word, only a code, an exchange, a currency or a country, an
ISIN or WKN, a ``Label: value`` line, a date or time, a decimal number, a share class, an item
of a navigation menu, and every other candidate between it and the numbers.

>>> c = choose_name([(0, "Apple Inc. (AAPL)"), (1, "NASDAQ: AAPL"), (2, "Create Alert"), (3, "Last price")])
>>> c.name, c.symbol, c.line
('Apple Inc.', 'AAPL', 0)
>>> [s.reasons[0] for s in c.scored]
['a heading', 'a code and its exchange', 'a button or link', 'a field label']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from .lazyre import LazyPattern
from .lexicon import (
    _BID_ASK,
    _CLOCK,
    _CODE_EXCHANGE,
    _EXCHANGE_LINE,
    _ID_LABEL,
    _ID_LINE,
    _ISIN,
    _LABELS,
    _LETTER,
    _STATUS,
    _SYMBOL,
    _SYMBOL_EXCHANGE,
    ID_LABEL_THEN_CODE,
    field_role,
)
from .lines import CJK
from .names import _clean_name, _heading_ok, _link, _noise, _sentence, _split_symbol, _unglue, code_apart
from .words import merged


def _alt(category: str) -> str:
    return "|".join(sorted(merged(category), key=len, reverse=True))


def _whole(category: str) -> LazyPattern:
    """A category's entries as one case-insensitive pattern for a whole line."""
    return LazyPattern(f"(?i)(?:{_alt(category)}){_TRAIL}")


_TRAIL = r"[\s.!:…+★☆]*"  # "Kaufen +", "Follow ★", "Kurs:"
_ACTION = _whole("actions")
_QUOTE_LABEL = _whole("quote_labels")
_COUNTRY = _whole("countries")
# the whole-line word lists in one pattern (one pass a line; the first that matches says what it is)
_WHOLE_REASONS = {
    "id_label": "the label of an identifier", "action": "a button or link", "unit": "a currency or unit",
    "label": "a field label", "country": "a country or region", "section": "the instrument's kind or a section",
    "exchange": "an exchange", "tab": "a tab or menu item",
}
_WHOLE_ORDER = (("id_label", ("id_labels",)), ("action", ("actions",)), ("unit", ("units",)),
                ("label", ("quote_labels", "unit_lines")), ("country", ("countries",)),
                ("section", ("name_labels",)), ("tab", ("tabs",)), ("exchange", ("exchanges",)))


def _literal(entry: str) -> bool:
    return not any(ch in entry for ch in "?*+()[]\\|{}^$.")


# the plain words by dict lookup, the few regex fragments in one pattern of named groups
_WHOLE_WORDS: dict[str, str] = {}
for _group, _cats in reversed(_WHOLE_ORDER):  # (the first group of a word wins)
    _WHOLE_WORDS.update({e: _group for c in _cats for e in merged(c) if _literal(e)})
_WHOLE = LazyPattern("(?i)(?:" + "|".join(
    f"(?P<{g}>" + "|".join(e for c in cats for e in merged(c) if not _literal(e)) + ")"
    for g, cats in _WHOLE_ORDER if any(not _literal(e) for c in cats for e in merged(c))) + ")" + _TRAIL)
_GROUP_RANK = {g: n for n, (g, _) in enumerate(_WHOLE_ORDER)}
_TRAIL_CHARS = " \t.!:…+★☆"
_LEAD_CHARS = "+★☆♡♥⊕ \t"


def _whole_line(s: str) -> str | None:
    """Which whole-line word list ``s`` is in (its group in :data:`_WHOLE_ORDER`), or None."""
    if s[:1] in _LEAD_CHARS:  # "+ Follow", "☆ Watchlist": a button's icon before its word
        s = s.lstrip(_LEAD_CHARS)
    word = _WHOLE_WORDS.get(s.rstrip(_TRAIL_CHARS).lower())
    m = _WHOLE.fullmatch(s)
    if m is None:
        return word
    if word is None or _GROUP_RANK[m.lastgroup or ""] < _GROUP_RANK[word]:
        return m.lastgroup
    return word
# a line describing the quote instead of naming it: its kind, price, source, market or site, and
# nothing else ("Indice Borsa Italiana", "Stock Price", "Real-time quote", "MarketWatch",
# "新浪财经"); each word must end where a Latin word ends ("Indexfonds" is no "Index" + "fonds")
_DESCRIPTOR_WORD = "(?:" + "|".join(sorted({e for c in ("sites", "descriptors", "name_labels", "exchanges")
                                            for e in merged(c)}, key=len, reverse=True)) + ")(?![A-Za-zÀ-ɏ])"
# (one word and the separators after it, matched word by word: the alternation compiled once)
_DESCRIPTOR_STEP = LazyPattern(rf"(?i){_DESCRIPTOR_WORD}[\s,.·|:/()–!…-]*")


class _Descriptor:
    """``fullmatch``: the line is descriptor words only (see :data:`_DESCRIPTOR_WORD`)."""

    @staticmethod
    def fullmatch(s: str) -> bool:
        at = len(s) - len(s.lstrip(" \t("))
        if at == len(s):
            return False
        while at < len(s):
            m = _DESCRIPTOR_STEP.match(s, at)
            if m is None or m.end() == at:
                return False
            at = m.end()
        return True


_DESCRIPTOR = _Descriptor()
# a forecast's or analyst's target ("Durchschnittliches Kursziel (12 Monate)", "Price target"):
# Latin words end where a word ends, CJK ones are matched inside a line's run of letters
_CJK = CJK  # kana, CJK ideographs, Hangul
_CJK_CHARS = re.compile(f"[{_CJK}]")
_FORECAST = LazyPattern("(?i)(?<![^\\W\\d_])(?:" + "|".join(e for e in sorted(merged("forecasts"), key=len, reverse=True)
                                                     if not _CJK_CHARS.search(e)) + ")(?![^\\W\\d_])|"
                        + "|".join(e for e in merged("forecasts") if _CJK_CHARS.search(e)))
_PROVIDER = LazyPattern(rf"(?i)(?<![^\W\d_])(?:{_alt('providers')})(?![^\W\d_])")
_SITE = LazyPattern(rf"(?i)(?:{_alt('sites')}){_TRAIL}")
_SHARE_CLASS = LazyPattern(r"(?i)(?<!\w)(?:" + "|".join(sorted(merged("share_classes"), key=len, reverse=True)) + r")(?!\w)")
_KINDS = sorted(merged("name_kinds"), key=len, reverse=True)
# a kind word is a word of a Latin-script name ("Apple Inc."), anywhere in a CJK or Cyrillic one ("上证指数")
_KIND = LazyPattern(r"(?i)(?<![^\W\d_])(?:" + "|".join(_KINDS) + r")(?![^\W\d_])")
_KIND_CJK = LazyPattern("(?i)" + "|".join(k for k in _KINDS if not k.isascii()))
# an index's kind word ("Swiss Market Index", "上证指数"; a Latin one a whole word): not a company's ("Inc.", "plc")
_INDEX_KIND_ALT = (r"(?<![A-Za-zÀ-ɏ])(?:" + "|".join(sorted(merged("index_kinds"), key=len, reverse=True))
                   + r")(?![A-Za-zÀ-ɏ])")
_INDEX_KIND = LazyPattern("(?i)" + _INDEX_KIND_ALT)
# a name that says it is an instrument's: a number in it ("FTSE 100") or an index's kind word
_INSTRUMENT_LIKE = LazyPattern(r"(?i)(?<![^\W\d_])\d{2,4}(?![^\W\d_])|" + _INDEX_KIND_ALT)
_CURRENCY_SIGNS = frozenset("$€£¥₹₩₽₺₪฿₫₦₱")
# an identifier inside a line: an ISIN, a WKN or Valor, "Symbol DTE"
_ISIN_IN = LazyPattern(r"(?<![A-Z0-9])[A-Z]{2}[A-Z0-9]{9}\d(?![A-Z0-9])")
_SYMBOL_IN = LazyPattern(rf"(?<!\w)(?i:{'|'.join(merged('symbol_labels'))}):?\s*(?P<code>[\^.]?[A-Z0-9][A-Z0-9.^:=/-]{{0,11}})(?!\w)")
# "Hang Seng Index - HSI": a name, then its code after a dash
_DASH_CODE = LazyPattern(r"(?P<name>.*[^\W\d_].*?)\s+[-–—|]\s+(?P<code>[\^.]?[A-Z][A-Z0-9.:=^/]{1,11})")
# "Trading Status: Active", "Volume: 1.2M": a label and its value, never a name ("NASDAQ: AAPL" is
# a code and its exchange, read before this)
_LABEL_VALUE = LazyPattern(r"[^\W\d_][\w .'’&/()-]{0,30}:\s+\S.*")
# where the identifiers of a name-and-identifiers line start
_ID_SPLIT = LazyPattern(rf"\s*[|/·•,]\s*|\s+(?=\d{{5,}}|[A-Z]{{2}}[A-Z0-9]{{9}}\d|(?i:{'|'.join(merged('id_labels'))})(?::|\s+[A-Z0-9]{{2,}}\b))"
                        # (a label glued to the name before it, as minified pages give it: "Siemens AktieWKN: 723610")
                        rf"|(?<=[a-zäöüéèà])(?=[A-Z])(?=(?i:{'|'.join(merged('id_labels'))}):)")
# a list of sectors or kinds: words, a comma, words, "and", words ("Petróleo, Gás e Biocombustíveis")
_WORDS_RUN = r"[^\W\d][^\W\d-]*(?:[ -][^\W\d][^\W\d-]*)*"
_KIND_LIST = LazyPattern(rf"{_WORDS_RUN}(?:,\s+{_WORDS_RUN})+\s+(?i:{'|'.join(merged('conjunctions'))}|&)\s+{_WORDS_RUN}")
# an identifier's label in a later cell of a line ("Deutschland 10 J.  |  Kennung: DE10YT")
_ID_AFTER_PIPE = LazyPattern(rf"\|\s*{ID_LABEL_THEN_CODE}")
_DATE = LazyPattern(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s?[^\W\d_]{3,9}\.?,?\s\d{4}")
# "Home > Stocks > Tesla", "Startseite › Aktien": a breadcrumb (it names the page's subject, it is none)
# (one " > " is a path too, "Börsen > Index"; one " / " may be a name's, "Bitcoin / U.S. Dollar")
_BREADCRUMB = LazyPattern(r"(?:[^>›»]*\s[>/]\s){2,}.*|.*[›»].*|[^>]*[^\W\d_]\s>\s[^\W\d_][^>]*")
# "1D 5D 1M 6M YTD 1Y 5Y Max": a chart's period selector
_PERIOD_TOKEN = LazyPattern(r"(?i)\d{1,2}\s?[dwmjy]|\d{1,2}\s?(?:mo|yr|min|h)|ytd|max|all|intraday|1t|5t")
# the cells of an exchange-and-currency line ("NASDAQ · USD", "Xetra | EUR")
_CELL_SPLIT = LazyPattern(r"\s*[|·•,]\s*|\s+[-–—]\s+")
_DECIMAL = LazyPattern(r"\d[.,]\d")
_LONG_NUMBER = LazyPattern(r"\d{5,}")
# a stock's numeric code in parentheses after its name, its only digits ("贵州茅台(600519)")
_PAREN_CODE = LazyPattern(r"^\D+[(（]\d{4,6}[)）]$")
_ANY_DIGIT = LazyPattern(r"\d")
# a CJK name and its exchange's numeric code after a space ("上证指数 000001", "トヨタ自動車 7203",
# "삼성전자 005930"): the code is no number of the quote's (Latin names keep a number as part of
# the name: "Nikkei 225", "Russell 2000")
# (the code may be glued to the name, as minified pages give it: "台積電2330")
_CJK_NAME_CODE = LazyPattern(f"(?P<name>[{_CJK}][^\\d]*?)(?:\\s+|(?<=[{_CJK}]))(?P<code>\\d{{4,6}})"
                             "(?:\\s+(?P<tail>\\D.*))?")
# the code first ("7203 トヨタ自動車", "005930 삼성전자")
_CODE_CJK_NAME = LazyPattern(f"(?P<code>\\d{{4,6}})\\s+(?P<name>[{_CJK}][^\\d]*)")
# a code: the marks only codes have ("^GSPC", ".IXIC", "HSI:IND", "EURUSD=X"), lower-case letters
# and digits ("sh000001"); or a plain one (all capitals: "AAPL", "BTC/USD", "SMI" - which may be a name)
_MARKED_CODE = LazyPattern(r"[\^.$][A-Z0-9][\w.\-=:^/]{0,14}|[A-Z0-9]{1,10}[:=][A-Z0-9.]{1,10}|[a-z]{2}\d{4,8}|\d{4,8}")
_EXCHANGE_CODE = LazyPattern(rf"(?i:(?P<ex>{'|'.join(sorted(merged('exchanges'), key=len, reverse=True))}))\s*:\s*(?P<code>[\^.]?[A-Z0-9][A-Z0-9.\-=^/]{{0,11}})")
_LATIN_NAME = LazyPattern(r"[A-Za-z]")

#: the score a line needs to be taken as the name
THRESHOLD = 0.0


class Scored(NamedTuple):
    """One line of the window, as a name: what it would give, its score, the reasons.

    ``score`` is None for a line that is no name at all (a button, a label, an identifier);
    ``code`` is the symbol the line prints (a code line, ``Symbol DTE``), if any."""

    line: int
    text: str
    name: str | None
    symbol: str | None
    score: float | None
    reasons: tuple[str, ...]
    code: str | None = None
    kind: str = "name"  # name, code (a code that may be the name), exchange, other


class Choice(NamedTuple):
    """The name :func:`choose_name` took, and every line it weighed (in the window's order)."""

    name: str
    symbol: str | None
    line: int
    score: float
    scored: tuple[Scored, ...]

    def explain(self) -> str:
        """The choice and what it passed over, for ``ticker parse --explain``."""
        parts = []
        for s in self.scored:
            if s.line == self.line:
                continue
            parts.append(f"line {s.line + 1} {s.text!r}: {', '.join(s.reasons)}"
                         + (f" ({s.score:+.1f})" if s.score is not None else ""))
        chosen = next(s for s in self.scored if s.line == self.line)
        head = f"line {self.line + 1} ({self.score:+.1f}: {', '.join(chosen.reasons)})"
        return head + ("; passed over " + "; ".join(parts) if parts else "")


_ID_CELL = LazyPattern(r"[^\W\d][\w .&/-]{0,20}:\s*\S.*")


def _id_cells(s: str) -> bool:
    """A line of identifiers between pipes: every cell a code, an ISIN, an exchange or a
    "label: value" ("NESN | CH0038863350 | SIX", "BSE: 500290 | NSE: MRF")."""
    cells = [c for c in (c.strip() for c in s.split("|")) if c]
    return len(cells) >= 2 and all(
        _ISIN.fullmatch(c) or (_SYMBOL.fullmatch(c) and _LETTER.search(c)) or _EXCHANGE_LINE.fullmatch(c)
        or _ID_CELL.fullmatch(c) for c in cells)


# a code with its share class after a space ("NOVO B", "ERIC B", "BRK B")
_CLASS_CODE = LazyPattern(r"[A-Z]{2,6} [A-Z]")


# a site's domain with its menu glued after it, as a minified page's text gives it (a domain alone,
# "Amazon.com", may be a company's name)
_GLUED_DOMAIN = LazyPattern(r"(?i)(?:www\.)?[a-z0-9][a-z0-9-]*\.(?:com|net|org|info|io|co|de|fr|it|es|nl|se|no|dk|fi|pl|cz"
                            r"|hu|ro|gr|pt|ch|at|be|uk|jp|cn|hk|tw|kr|in|sg|my|id|ph|th|vn|au|nz|ca|br|mx|ar|cl|tr|il|ru|ua"
                            r"|za|eg|ma|ae|sa)(?:\.[a-z]{2})?(?=[^\W\d_])(?-i:(?![a-z]))")


_CJK_CHAR = LazyPattern(f"[{_CJK}]")


def _code_exchange_cells(s: str) -> bool:
    """A code and its exchange, then another cell two spaces or a separator apart ("7203  東証プライム
    輸送用機器": the sector)."""
    m = _CODE_EXCHANGE.match(s)
    if m is None or m.end() == len(s):
        return False
    rest = s[m.end() :]
    # (or an ideographic space, or one space before a CJK sector: "005930 코스피 전기·전자")
    return (rest[:2] == "  " or rest[:3] in (" · ", " | ", " / ") or rest[:1] == "\u3000"
            or rest[:1] == " " and _CJK_CHAR.match(rest, 1) is not None)


def _venue_line(s: str) -> str | None:
    """A line of cells that are each an exchange, a currency, a country or a code, one at least
    an exchange or a currency ("NASDAQ · USD", "Xetra | EUR", "NYSE - AAPL"): the code printed
    ("" for none), or None for another line."""
    cells = [c for c in _CELL_SPLIT.split(s) if c]
    if len(cells) < 2:
        return None
    code, venue, country = "", False, False
    for n, c in enumerate(cells):
        group = _whole_line(c)
        if group == "country":
            country = True  # (a country alone makes no venue: "WIG20 - Polska" is a name and its country)
        elif group in ("exchange", "unit"):
            venue = True
        elif c in _CURRENCY_SIGNS:
            venue = True
        elif group is None and (_code_strength(c) == 2 or _CLASS_CODE.fullmatch(c)):
            code = code or c
        elif n > 0 and group != "exchange" and _whole_line(cells[0]) == "exchange" and len(c.split()) <= 5 \
                and _ANY_DIGIT.search(c) is None:
            # the exchange's segment after it ("Bursa de Valori București | Categoria Premium"), or
            # its description of the index ("B3 - Índice Brasil Bolsa Balcão")
            continue
        else:
            return None
    return code if venue or country and not code else None


def _code_strength(s: str) -> int:
    """How surely a line holding one token is a code: 2 for a code's marks or a plain short
    code ("^GSPC", "sh000001", "AAPL", "BTC/USD"), 1 for capitals with a number group or a long
    word, which names also are ("NASDAQ-100", "WIG20"), 0 for no code."""
    if " " in s or len(s) > 16:
        return 2 if len(s) <= 8 and _CLASS_CODE.fullmatch(s) else 0  # "VOLV B": a code and its share class
    if _MARKED_CODE.fullmatch(s):
        return 2
    if not (_SYMBOL.fullmatch(s) and _LETTER.search(s)):
        return 0
    letters = sum(ch.isalpha() for ch in s)
    if "-" in s and any(ch.isdigit() for ch in s):
        return 1  # "NASDAQ-100", "FTSE-100": a name with its number
    return 2 if letters <= 5 or "/" in s else 1


def _matches_code(name: str, code: str) -> bool:
    """Could ``code`` be the code of ``name``: its first letter or one of its numbers in it,
    or a name in another script (its code is in Latin letters anyway)."""
    if not _LATIN_NAME.search(name):
        return True
    up = code.upper()
    first = next((ch for ch in name if ch.isalnum()), "").upper()
    if first and first in up:
        return True
    return any(n in code for n in _NUMBER_GROUP.findall(name))


_NUMBER_GROUP = LazyPattern(r"\d{2,}")
# three or more items of one to three words ("Finanzen & Börse"), each two or more spaces from the next
# a menu's items in a row: three or more apart by ideographic spaces, or four or more short CJK
# words apart by spaces (a CJK name has no spaces inside)
_CJK_MENU_ROW = LazyPattern(f"[^\\s]+(?:\u3000[^\\s]+){{2,}}|[{_CJK}]{{1,5}}(?: [{_CJK}]{{1,5}}){{3,}}")
_MENU_ROW = LazyPattern(r"[^\s]+(?: [^\s]+){0,2}(?:\s{2,}[^\s]+(?: [^\s]+){0,2}){2,}")


def _starts_code(name: str, code: str) -> bool:
    """A long code made of ``name`` from its first letter ("BTCUSD" of "Bitcoin / U.S. Dollar",
    "OMXH25" of "OMX Helsinki 25"; not "NVIDIA" of "Invest Crypto ...")."""
    first = next((ch for ch in name if ch.isalnum()), "")
    return bool(first) and code[:1].upper() == first.upper()


def _kind_word(name: str) -> str | None:
    m = _KIND.search(name) if len(name.split()) > 1 else None
    if m is None and not _LATIN_NAME.search(name):
        m = _KIND_CJK.search(name)
        if m is not None and m.group() == name:
            return None  # "指数" alone names a kind, not an instrument
    return m.group() if m else None


@lru_cache(maxsize=4096)
def classify(text: str, label_above: bool = False) -> Scored:
    """One line on its own: a name candidate with its base evidence, or what it is instead.
    ``label_above``: the line above labels an identifier ("ISIN" over "DE0008469008")."""
    s = text

    def other(why: str, code: str | None = None, kind: str = "other") -> Scored:
        return Scored(-1, s, None, None, None, (why,), code, kind)
    if label_above:
        return other("an identifier under its label")
    if _FORECAST.search(s):
        return other("a forecast's or target's label", kind="forecast")
    group = _whole_line(s)
    if group is not None:
        return other(_WHOLE_REASONS[group], kind="exchange" if group == "exchange" else "other")
    # (the patterns that need a digit or a colon are tried only on lines that have one)
    digit = _ANY_DIGIT.search(s) is not None
    colon = ":" in s
    m = _EXCHANGE_CODE.fullmatch(s) if colon else None
    if m:
        return other("a code and its exchange", m.group("code"))
    if digit and (_CODE_EXCHANGE.fullmatch(s) or _code_exchange_cells(s)):
        return other("a code and its exchange", s.split()[0] if s[0].isdigit() else s.split()[-1])
    if s in _CURRENCY_SIGNS:
        return other("a currency or unit")
    if field_role(s) is not None or (_LABELS.match(s) and len(s.split()) <= 3) or _BID_ASK.fullmatch(s):
        return other("a field label")
    if " / " in s and all(field_role(part) is not None for part in s.split(" / ")):
        return other("a field label")  # "NAV / 1-Day Return", "Last Price / Change": the labels of the numbers
    m = _CJK_NAME_CODE.fullmatch(s) if digit else None
    if m is not None and _heading_ok(m.group("name")) and (
            m.group("tail") is None or _DATE.search(m.group("tail")) or _CLOCK.search(m.group("tail"))):
        # "삼성전자 005930 코스피 12.02 15:30 장마감": the name, its code, then the quote's time
        name, code = m.group("name"), m.group("code")
        return Scored(-1, s, name, code, 1.5, ("a heading", f"its numeric code {code!r} beside it"), code)
    m = _CODE_CJK_NAME.fullmatch(s) if digit and s[0].isdigit() else None
    if m is not None and _heading_ok(m.group("name")):
        name, code = m.group("name"), m.group("code")
        if classify(name).reasons[0] == "the instrument's kind or a section":
            return other("a code and the instrument's kind", code)  # "0000　指数"
        return Scored(-1, s, name, code, 1.5, ("a heading", f"its numeric code {code!r} before it"), code)
    if _STATUS.fullmatch(s) or _noise(s):
        return other("a status, time or delay line")
    if "." in s[:40] and _GLUED_DOMAIN.match(s) is not None:
        return other("a site's menu glued to its name")  # "AASTOCKS.com首頁即時報價...", "n-tv.deNachrichten..."
    if _DESCRIPTOR.fullmatch(s):
        return other("a site's or publisher's name" if _SITE.fullmatch(s) else "a descriptor of the quote's kind, price or source")
    if "|" in s and _id_cells(s):
        return other("a line of identifiers", next((c for c in (c.strip() for c in s.split("|"))
                                                     if _code_strength(c) and _whole_line(c) is None), None))
    venue = _venue_line(s)
    if venue is not None:
        return other("an exchange and currency line", venue or None, kind="exchange")
    if _BREADCRUMB.fullmatch(s) and len(s) <= 120:
        return other("a breadcrumb")
    if "," in s and not digit and _KIND_LIST.fullmatch(s):
        return other("a list of sectors or kinds")
    tokens = s.split()
    if len(tokens) >= 3 and sum(1 for t in tokens if _PERIOD_TOKEN.fullmatch(t)) * 2 > len(tokens):
        return other("a chart's period selector")
    if digit and _ISIN_IN.search(s) or _ID_LINE.match(s) or "|" in s and _ID_AFTER_PIPE.search(s):
        m = _SYMBOL_IN.search(s)
        code = m.group("code") if m else None
        head = _ID_SPLIT.split(s, 1)[0].strip()
        if head and head != s and _LETTER.search(head) and _heading_ok(head) and not _ID_LABEL.fullmatch(head):
            # "SMI 998089 / CH0009980894", "Swiss Market Index | ISIN CH0009980894": a name printed
            # with its identifiers - a subtitle under the heading, the name when there is none
            name, sym = _split_symbol(_clean_name(head))
            return Scored(-1, s, name, sym or code, -0.5, ("a name printed with its identifiers",), code, "idname")
        return other("an identifier line (ISIN, WKN)", code)
    if "|" in s and not _DECIMAL.search(s) and len(s.split("|")) > 2:
        return other("a row of tabs")
    if not digit and (" " in s or "\u3000" in s) and _CJK_MENU_ROW.fullmatch(s):
        return other("a row of tabs")  # "首页 行情 数据 股吧 基金", "ホーム　株価検索　ニュース　決算速報"
    if "  " in s and not digit and _MENU_ROW.fullmatch(s):
        return other("a row of tabs")  # "Invest  Crypto  Retirement  Learn": a menu's items, two spaces apart
    if _link(s):
        return other("a link")
    if len(s) == 2 and s.isalpha() and s.isupper():
        return other("a country or region")
    if digit and (_DATE.search(s) or (_CLOCK.search(s) and len(s) < 30)):
        return other("a date or time")
    strength = _code_strength(s)
    if strength:
        marked = any(ch in s for ch in "^:=.$") or not s[0].isupper()
        if strength == 1:
            return Scored(-1, s, s, None, 0.9, ("a code-like name",), s, "codename")
        return Scored(-1, s, s, s if marked else None, 0.4 if marked else 0.7,
                      ("only a code" + (", with a code's marks" if marked else ""),), s, "code")
    m = _SYMBOL_EXCHANGE.fullmatch(s) if colon else None
    if m:  # ".DJI:Dow Jones Global Indexes"
        return Scored(-1, s, m.group(1), None, 0.7, ("a code and its exchange",), m.group(1), "code")
    if colon and _LABEL_VALUE.fullmatch(s):
        return other("a 'label: value' line")
    if s[-1] == "*":
        return other("a label with a footnote mark")
    share_class = _SHARE_CLASS.search(s)
    if _sentence(s) and share_class is None:
        return other("a sentence")
    if not _heading_ok(s) and share_class is None:
        return other("not a heading (too long, prose or no letters)")
    if digit and (_DECIMAL.search(s) or (_LONG_NUMBER.search(s) and not (s[-1] in ")）" and _PAREN_CODE.search(s)))):
        return other("a line with numbers")
    name = _unglue(code_apart(_clean_name(s)))
    sym = None
    if any(ch in name for ch in "-–—:)^."):  # (what a code beside a name is printed with)
        name, sym = _split_symbol(name)
        if sym is not None and _whole_line(name) == "country":
            name, sym = sym, None  # "WIG20 - Polska": the code names the index, the country is its market
    m = _DASH_CODE.fullmatch(name) if sym is None and " " in name and name[-1].isupper() else None
    if m and _code_strength(m.group("code")) == 2:
        name, sym = m.group("name"), m.group("code")
    score, reasons = 1.0, ["a heading"]
    if sym is not None:
        score += 1.0
        reasons.append(f"its code {sym!r} beside it")
    kind = _kind_word(name)
    if kind is not None:
        score += 0.5
        reasons.append(f"an instrument's word {kind!r}")
    if " " in name and _OF_EXCHANGE.search(name):
        score -= 1.0  # "Indice principale di Borsa Italiana": what the instrument is, under its name
        reasons.append("a description: an exchange named after a preposition")
    if share_class is not None:
        score -= 1.5
        reasons.append(f"a share class {share_class.group()!r}")
    return Scored(-1, s, name, sym, score, tuple(reasons), sym)


def _core(name: str) -> str:
    """The name without its instrument's words, to look for elsewhere in the page."""
    core = _KIND.sub(" ", name) if _LATIN_NAME.search(name) else name
    return " ".join(core.split()).casefold()


def choose_name(window: Sequence[tuple[int, str]], mentions: Callable[[str], int] | None = None) -> Choice | None:
    """The name of a quote header from the lines above its numbers.

    ``window``: ``(line index, text)`` of the non-blank lines above the numbers, top first (the
    last is the nearest). ``mentions(core)``: how often the page names ``core`` (a title, a
    breadcrumb, ``… News``; its own line is taken off), :func:`count_mentions` over the page;
    asked only when it could change the choice. None when no
    line of the window can be the name.
    """
    texts = tuple(text for _, text in window)
    w = _WEIGHED.get(texts)
    if w is None:
        w = _weigh(texts)
        if len(_WEIGHED) >= _WEIGHED_MAX:
            _WEIGHED.clear()
        _WEIGHED[texts] = w
    if not w.live:
        return None
    out = tuple([Scored._make((line, *s[1:])) for (line, _), s in zip(window, w.scored)])
    if mentions is None or not w.contested:
        if w.pick is None:
            return None
        best, name, symbol = w.pick
    else:
        out = tuple(_with_mentions(list(out), list(w.live), mentions))
        picked = _pick(out, w.live)
        if picked is None:
            return None
        best, name, symbol = picked
    chosen = out[best]
    return Choice(name, symbol, chosen.line, chosen.score or 0.0, out)


def _pick(out: Sequence[Scored], live: Sequence[int]) -> tuple[int, str, str | None] | None:
    """The best of the scored lines ``out`` (``live``: those that may be a name): its index,
    the name and the symbol it gives; None when none names the numbers."""
    best = max(reversed(live), key=lambda i: out[i].score or 0.0)  # (ties: the nearest)
    chosen = out[best]
    if chosen.score is None or chosen.score <= THRESHOLD:
        # nothing else names the numbers: a name printed with its identifiers does
        best = next((i for i in reversed(live) if out[i].kind == "idname"), -1)
        if best < 0:
            return None
        chosen = out[best]
    name = chosen.name or chosen.text
    symbol = chosen.symbol
    if symbol is None:
        symbol = _symbol_near(out, best)
        up = _neighbour(out, best, -1)
        if (symbol is not None and up == best - 1 and out[up].code == symbol and symbol.casefold() not in name.casefold()
                and symbol.isalnum() and _kind_word(name) is not None
                and _INDEX_KIND.search(name) is not None):
            # an index's code printed over its full name, as the page's heading ("SMI" / "Swiss
            # Market Index"): both are the name a reader knows it by, "CODE Name" (a ticker over a
            # company's name, "AAPL" / "Apple Inc.", stays the symbol alone; a table's code
            # cell over a short name cell, "NDX" / "NASDAQ-100", and a ticker of a data service,
            # "SPX:IND", keep the two apart)
            name = f"{symbol} {name}"
    return best, name, symbol


class _Weighed(NamedTuple):
    """What :func:`choose_name` makes of a window's texts alone (see :func:`_weigh`)."""

    scored: tuple[Scored, ...]  # the lines scored, with the evidence between them (``line`` -1)
    live: tuple[int, ...]  # those that may be a name
    contested: bool  # the page's mentions could change the choice (see _with_mentions)
    pick: tuple[int, str, str | None] | None  # the choice without them: (index, name, symbol), or none


# a window's lines (their texts) -> their Scored, line numbers left out (-1): the evidence is the
# texts' alone, and a site prints the same names and labels above its numbers page after page
# (a table's rows: "AAPL" / "Apple Inc." on every page). Bounded: cleared when full.
_WEIGHED: dict[tuple[str, ...], _Weighed] = {}
_WEIGHED_MAX = 5000


def _weigh(texts: tuple[str, ...]) -> _Weighed:
    """:func:`choose_name`'s scores of the window's lines, with the evidence between them (a
    code under its name, a menu, the candidates nearer the numbers), every ``line`` -1; and the
    choice they make where the page's mentions cannot change it."""
    scored: list[Scored] = []
    above_label = False
    for text in texts:
        sc = classify(text, above_label)
        above_label = sc.reasons[0] == "the label of an identifier"
        scored.append(sc)
    if scored[-1].kind == "forecast":
        # the numbers right under a target's label are a target and its distance from the price
        return _Weighed(tuple(scored), (), False, None)
    # evidence between lines: a code under its name, a menu, the candidates nearer the numbers
    n = len(scored)
    scores: list[float | None] = [s.score for s in scored]
    extra: list[list[str]] = [[] for _ in range(n)]
    menu = _menu_lines(scored) if n >= 3 else ()
    for i, s in enumerate(scored):
        if s.score is None:
            continue
        score = s.score
        up = _neighbour(scored, i, -1) if s.kind in ("code", "codename") else None
        if s.kind == "code":
            if up is not None and scored[up].kind == "name" and (
                    _matches_code(scored[up].name or "", s.text)
                    or _venue_below(scored, i) and len((scored[up].name or "").split()) >= 2):
                score -= 1.0
                extra[i].append(f"the code of {scored[up].text!r} above")
        elif (up == i - 1 and scored[up].kind == "name" and len((scored[up].name or "").split()) >= 2
              and _starts_code(scored[up].name or "", s.text)):
            # "Bitcoin / U.S. Dollar" / "BTCUSD": a long code right under the name it is made of
            score -= 1.0
            extra[i].append(f"the code of {scored[up].text!r} above")
        else:
            below = _neighbour(scored, i, 1)
            b = scored[below] if below is not None else None
            if b is not None and (b.kind == "exchange" or b.code and (b.kind != "code" or b.symbol is not None
                                                                      or _matches_code(s.name or "", b.text)
                                                                      or below is not None and _venue_below(scored, below)
                                                                      and len((s.name or "").split()) >= 2)):
                if (b.kind == "code" and _matches_code(s.name or "", b.text)
                        or b.kind == "codename" and below == i + 1 and len((s.name or "").split()) >= 2
                        and _starts_code(s.name or "", b.text)):
                    # "OMX Helsinki 25" / "OMXH25": a code made of the name's letters, its own
                    score += 1.0
                    extra[i].append("its own code follows")
                else:
                    score += 0.5
                    extra[i].append("its code or exchange line follows")
            elif (b is not None and b.kind == "code" and s.symbol is None and below == i + 1
                  and _INSTRUMENT_LIKE.search(s.name or "") is not None):
                # "FTSE 100" / "UKX", "S&P/ASX 200" / "XJO": an index's name (its number, its kind
                # word) right over its code, though not made of the name's letters
                score += 0.5
                extra[i].append("its code follows")
            elif b is not None and b.kind == "code" and s.symbol is None:
                score -= 0.5  # "Top Stories" above "NKY": the code is not this line's, it may be the name
                extra[i].append(f"the code {b.text!r} below is not its own")
        if i in menu:
            score -= 1.5
            extra[i].append("an item of a menu")
        crumb = _neighbour_line(scored, i, -1)
        if crumb is not None and scored[crumb].reasons[0] == "a breadcrumb":
            item = _CRUMB_ITEM.split(scored[crumb].text)[-1].strip().casefold()
            if item == s.text.casefold():
                score += 1.0  # "Chứng khoán › Chỉ số › VN-Index" / "VN-Index": the page's own item
                extra[i].append("the breadcrumb's last item")
            elif s.kind == "idname" and item and (s.name or "").casefold().split()[:1] == item.split()[:1]:
                score += 1.5  # "… › Siemens" / "Siemens AktieWKN: 723610": the page's item with its identifiers
                extra[i].append("the breadcrumb's last item, with its identifiers")
            elif s.kind == "name" and crumb == i - 1:
                score += 0.5  # "Finanzas › Mercados › Índices" / "S&P Merval": the page's heading under its path
                extra[i].append("the heading right under the breadcrumb")
        head = _provided(scored, i)
        if head is not None:
            score -= 1.5
            extra[i].append(f"the provider of {head!r} above")
        scores[i] = score
    nearer = 0  # the candidates between a line and the numbers
    for i in range(n - 1, -1, -1):
        own = scores[i]
        if own is None:
            if scored[i].reasons[0] == "a row of tabs":
                nearer += 1  # (a site's menu between a line and the numbers: as far as a candidate)
            continue
        if nearer:
            scores[i] = own - 0.3 * nearer
            extra[i].append(f"{nearer} candidate{'s' if nearer > 1 else ''} nearer the numbers")
        if own > THRESHOLD:
            nearer += 1
    out = tuple(Scored(-1, s.text, s.name, s.symbol, scores[i], s.reasons + tuple(extra[i]) if extra[i] else s.reasons,
                       s.code, s.kind) for i, s in enumerate(scored))
    live = tuple(i for i, s in enumerate(out) if s.score is not None)
    if not live:
        return _Weighed(out, live, False, None)
    contested = len(live) > 1 and bool(_contenders(out, live))
    return _Weighed(out, live, contested, _pick(out, live))


def _provided(scored: list[Scored], i: int) -> str | None:
    """The index heading above line ``i`` when line ``i`` is its provider's or publisher's
    name ("FTSE 100" / ".FTSE" / "FTSE International Ltd", "Nikkei 225" / "Nikkei Inc."): a
    company's name opening with the heading's first word, under a heading that is no company
    and has a number or an instrument's word."""
    s = scored[i]
    if s.kind != "name" or not s.name or _PROVIDER.search(s.name) is None:
        return None
    first = s.name.split()[0].casefold()
    for j in range(i - 1, -1, -1):
        h = scored[j]
        if h.score is None or h.kind not in ("name", "idname") or not h.name:
            continue
        if (h.name.split()[0].casefold() == first and _PROVIDER.search(h.name) is None
                and (_ANY_DIGIT.search(h.name) or _kind_word(h.name) is not None)):
            return h.name
    return None


def _venue_below(scored: list[Scored], i: int) -> bool:
    """The line after the code at ``i`` is an exchange's ("Banca Transilvania" / "TLV" /
    "Bursa de Valori București | Categoria Premium"): name, ticker, venue, a quote page's
    heading, the code the name's whether or not its letters are the name's (the caller asks
    for a name of two words or more: a section's word, "Índices", over an index's code and
    exchange is no name)."""
    return i + 1 < len(scored) and scored[i + 1].kind == "exchange"


def _neighbour_line(scored: Sequence[Scored], i: int, step: int) -> int | None:
    """The next line from ``i`` in the window, whatever it is (None at the window's end)."""
    j = i + step
    return j if 0 <= j < len(scored) else None


# a preposition, then an exchange's name ("di Borsa Italiana", "of the Tokyo Stock Exchange")
_OF_EXCHANGE = LazyPattern(rf"(?i)(?<![^\W\d_])(?:{_alt('of_words')})\s+(?:the\s+)?(?:{_alt('exchanges')})(?![^\W\d_])")
_CRUMB_ITEM = LazyPattern(r"\s[>/]\s|[›»]")


def _neighbour(scored: Sequence[Scored], i: int, step: int) -> int | None:
    """The next line from ``i`` (``step`` -1 up, 1 down) that is a candidate, a code or an
    exchange (buttons, labels and status lines between do not count, three of them at most: a
    site's menu above a code, "Coupons" / "Sign In" / "Subscribe Now" / "Markets" / "GC00", is
    no name's)."""
    j = i + step
    skipped = 0
    while 0 <= j < len(scored):
        s = scored[j]
        if s.score is not None or s.code or s.kind == "exchange":
            return j
        if s.reasons[0] in _SECTION_BREAKS or skipped == 3:
            return None  # (a code under a breadcrumb is not the code of the cookie notice above it)
        skipped += 1
        j += step
    return None


# lines that end one part of a page and start another: no code, name or exchange line across them
_SECTION_BREAKS = frozenset(("a breadcrumb", "a row of tabs", "a sentence"))


def _with_mentions(out: list[Scored], live: list[int], mentions: Callable[[str], int]) -> list[Scored]:
    """The candidates named again elsewhere in the page get the credit (looked up only for
    those it could lift to the top)."""
    if not _contenders(out, live):
        return out
    top = max(out[i].score or 0.0 for i in live)
    out = list(out)
    # (a menu's item printed twice, the site's menu and the page's tabs, is no mention of a name)
    menu_items = {s.text.casefold() for s in out if "an item of a menu" in s.reasons}
    for i in live:
        s = out[i]
        if s.score is None or s.score + _MENTION <= top or s.kind == "code" and s.score <= 0:
            continue
        if s.text.casefold() in menu_items:
            continue
        core = _core(s.name or s.text)
        if len(core) < 2:
            continue
        if mentions(core) - count_mentions(core, s.text.casefold()) > 0:
            out[i] = Scored(s.line, s.text, s.name, s.symbol, s.score + _MENTION,
                            (*s.reasons, "named again in the page"), s.code, s.kind)
    return out


_MENTION = 1.0  # the credit of a name printed again elsewhere in the page


def _contenders(out: Sequence[Scored], live: Sequence[int]) -> list[int]:
    """The lines below the top that a mention could lift over it (then the top is looked up too)."""
    top = max(out[i].score or 0.0 for i in live)
    return [i for i in live if (out[i].score or 0.0) + _MENTION > top and (out[i].score or 0.0) < top]


def count_mentions(core: str, folded: str) -> int:
    """How often case-folded ``folded`` holds the case-folded name ``core`` (a short one as a
    word of its own: "smi", not "Smith").

    >>> count_mentions("smi", "smi chart · smith & co · news for smi")
    2
    """
    if len(core) > 4:
        return folded.count(core)
    # As re.findall(r"(?<!\w)core(?!\w)") counts (\w: a character that isalnum, or "_"), by
    # str.find: a regex scan of the page per name cost a sixth of a real page's parse.
    found = 0
    at = folded.find(core)
    while at >= 0:
        end = at + len(core)
        if (at == 0 or not _word_char(folded[at - 1])) and (end == len(folded) or not _word_char(folded[end])):
            found += 1
            at = folded.find(core, end)
        else:
            at = folded.find(core, at + 1)
    return found


_CRUMB_SPLIT = LazyPattern(r"\s[>/]\s|[›»]")


def mention_text(folded: str) -> str:
    """The page's text where a name's mentions are counted: each breadcrumb line cut to its
    last crumb, the page's own subject ("Koersen > Indices > AEX" names AEX; the sections
    before it, "Koersen", "Markeder", are the site's menu printed again), and without its
    copyright lines ("© Euroinvestor 2026": the site's name, no instrument's).

    >>> mention_text("markeder › aktier › danmark\\nnovo nordisk b\\n© euroinvestor 2026")
    'danmark\\nnovo nordisk b\\n'
    """
    if not any(mark in folded for mark in ("›", "»", " > ", " / ", "©")):
        return folded
    lines = folded.split("\n")
    for k, s in enumerate(lines):
        if "©" in s:
            lines[k] = ""
        elif len(s) <= 120 and ("›" in s or "»" in s or " > " in s or " / " in s) and _BREADCRUMB.fullmatch(s):
            lines[k] = _CRUMB_SPLIT.split(s)[-1].strip()
    return "\n".join(lines)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _symbol_near(out: Sequence[Scored], i: int) -> str | None:
    """The code printed next to the chosen name: on the lines between it and the numbers, or
    just above it (a table's code cell before its name cell)."""
    name = out[i].name or ""
    if out[i].kind == "code":
        return None
    for j in range(i + 1, len(out)):
        s = out[j]
        if s.code and s.code != name and s.kind in ("code", "other") and (
                s.kind != "code" or s.symbol is not None or _matches_code(name, s.code)):
            return s.code
        if s.kind == "codename" or s.kind == "name" and _SHARE_CLASS.search(s.text) is None:
            break  # another name: its code is its own
    up = _neighbour(out, i, -1)
    if up is not None and up == i - 1 and out[up].kind == "code":
        return out[up].code  # a table's code cell before its name cell ("NDX" / "NASDAQ-100")
    return None


_NAV_REASONS = frozenset({"the instrument's kind or a section", "a link", "a status, time or delay line",
                          "a tab or menu item"})


def _menu_lines(scored: list[Scored]) -> set[int]:
    """Lines of a navigation menu: a run of three or more one- or two-word lines, one of them
    a section word ("Aktien", "Markets"); all but the run's last line (which may be the heading
    under the menu)."""
    out: set[int] = set()
    run: list[int] = []
    section = False

    def close() -> None:
        if len(run) >= 3 and section:
            # (the lines before the run's first menu word stay: a heading above its page's
            # tabs, "S&P 500" / "Overview" / "Chart" / "News", is no item of the menu)
            first = next(j for j, i in enumerate(run) if scored[i].kind != "name")
            out.update(run[first:-1])

    for i, s in enumerate(scored):
        nav = s.kind == "other" and s.reasons[0] in _NAV_REASONS
        # (a name printed with its code is the page's heading, no menu's item: "7203 トヨタ自動車";
        # a page's tabs name its fields too: "Quote" / "Chart" / "Performance" / "Price")
        tab = nav or s.kind == "other" and s.reasons[0] == "a field label"
        short = len(s.text.split()) <= 2 and len(s.text) <= 24 and (s.kind == "name" and s.symbol is None or tab)
        if short:
            run.append(i)
            section = section or nav
        else:
            close()
            run, section = [], False
    close()
    return out
