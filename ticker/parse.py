"""Text of a saved web page -> the market quotes it shows (:class:`ParsedPage`).

Pure: stdlib only, no files, no database, no clock. One call, :func:`parse`, reads

* **strips** - a header strip of many quotes, one entry per bullet ("Yahoo" layout)::

      Singapore markets closed
        • Straits Times Index

          3,367.90
          +29.33 (+0.88%)

* **quote headers** - one instrument: a heading (``^FTMC - FTSE 250``, ``S&P 500 (^GSPC)``)
  and its numbers one per line, all on one line (``27,653.12 -86.59 (-0.31%)``,
  ``2,840.47 7.11 0.25%``), with unit words or pipes between them, percent before the
  change (``17.999,59 +0,41% +72,62``) or change and percent before the value;
* **rows, tables and tapes** - ``India VIX | 10.635 | -0.19 (-1.71%) |``,
  ``SPX S&P 500 4,373.63 45.85 1.06%``, ``Sensex : 66,230.24 -215.45(-0.32%) ,``; in a
  row with more numbers than a quote (``Last High Low Chg. Chg. %``) the table's header names
  the value column, or the previous close printed beside it does - otherwise it is left alone;

in any common number format (see :mod:`ticker.numbers`), and refuses everything else: prose
("rose 45.85 points, or 1.1%, to 4,373.63"), a value and a percent without a change,
templates (``[[ item.lastPrice ]]``), ``N/A``/``--`` widgets.

How it decides. A quote is three numbers - value, change, percent - printed next to each other
(only spaces, pipes, parentheses or unit words between them) with a name before them. The
*arithmetic check* (``percent ≈ 100·change / (value − change)``, allowing for print rounding)
is the strongest evidence there is: entries whose layout is weak (a row inside other text,
a borrowed value) are taken only when it passes, and it settles which number format an
ambiguous entry uses (``1,234``). A strip entry that fails it is kept, flagged
``consistent=False``, with a warning (``strict=True`` drops it).

>>> page = parse('''UK markets closed
...   • FTSE 100
...
...     8,139.83
...     +60.97 (+0.75%)
... ''')
>>> page.market_status
'UK markets closed'
>>> q = page.quotes[0]
>>> q.name, q.value, q.change, q.change_pct, q.line
('FTSE 100', Decimal('8139.83'), Decimal('60.97'), Decimal('0.75'), 2)
>>> parse("The index rose 45.85 points, or 1.1%, to 4,373.63.").quotes
()

Speed: only lines holding a ``%`` start any work; the rest of the page is never tokenised
beyond the few lines around them. A Yahoo bullet strip whose entries have their commonest form
(en numbers, one reading, passing the check) is read by a fast path: one ``findall`` for the
whole run of entries, float arithmetic, the Quotes made only when a ParsedPage needs them (a
store takes floats, :func:`parse_for_store`), per-entry bookkeeping (spans, lines, cut-off
checks) left until something needs it, and the page not even split into lines when nothing does. It gives exactly the quotes of the general path (tests compare the
two); anything unusual goes the general way. Strings a site repeats page after page (entry
names, percents, status lines) are checked or converted once, in small bounded caches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from ticker._regex import lazy
from ticker.numbers import MINUS_SIGNS, decimal_candidates, parse_number, read_number

__all__ = ["Quote", "ParsedPage", "ParseError", "parse", "parse_for_store", "quote_columns", "check_arithmetic"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote as the page printed it.

    ``value``/``change``/``change_pct`` keep the printed digits (``Decimal("4.4390")``);
    ``line`` is the 1-based line where the entry starts (its name); ``consistent`` says
    whether the arithmetic check passed.
    """

    name: str
    value: Decimal
    change: Decimal
    change_pct: Decimal
    line: int
    symbol: str | None = None
    consistent: bool = True


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """Everything :func:`parse` found on one page."""

    quotes: tuple[Quote, ...] = ()
    market_status: str | None = None
    page_time: datetime | None = None
    warnings: tuple[str, ...] = ()


class _PageSlots:
    """ParsedPage's slots, not frozen: filled and given its class like :class:`_QuoteSlots`."""

    __slots__ = ParsedPage.__slots__


class ParseError(ValueError):
    """Raised by :func:`parse` only when it is not given a ``str``."""


class _QuoteSlots:
    """Quote's slots, not frozen. The fast path fills one with plain attribute stores and then
    makes it the Quote it is (``__class__`` may be assigned between classes of the same slots):
    a fifth of the time of Quote(...), whose frozen ``__init__`` goes through
    ``object.__setattr__``."""

    __slots__ = Quote.__slots__


# --------------------------------------------------------------------------- tokens

_SPC = " \t\u00a0\u202f\u2009\u2007"
_SP = f"[{_SPC}]"
_SIGN = "[+" + re.escape(MINUS_SIGNS) + "]"
# Space grouping (fr: 37 783,04) needs a decimal comma; otherwise the space is far more often a
# gap between two numbers ("CMC Crypto 200 776.87", "750 100 (15.38%)"). A space-grouped
# integer alone on its line ("38 471") is read by _Lines._classify.
_BODY = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+,\d+"
    r"|\d{1,3}(?:['’ʼ]\d{3})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
    r"|[.,]\d+)"
)
_ARROWS_UP = "▲△↑⬆"
_ARROWS_DOWN = "▼▽↓⬇"
_CURSYM = "$€£¥₹₩₽₺₪฿₫₦₱"
_FIELD = lazy(
    rf"(?=[\d(.,+{re.escape(MINUS_SIGNS)}{_ARROWS_UP}{_ARROWS_DOWN}{_CURSYM}])"
    rf"(?:(?P<open>\({_SP}*)|(?<![^\W\d_])(?={_SIGN})|(?<=[A-Z])(?=\$)|(?<![\w.,:/'’ʼ%]))"
    rf"(?P<arrow>[{_ARROWS_UP}{_ARROWS_DOWN}]{_SP}*)?"
    rf"(?P<num>{_SIGN}?[{_CURSYM}]?{_SIGN}?{_BODY})"
    r"(?!\d)(?![.,:/'’ʼ]\d)"
    rf"(?P<pct>{_SP}?%)?"
    rf"(?P<close>{_SP}*\))?"
    r"(?![^\W\d_])"
)
_UNIT = r"(?:pkt|pkte|punkte|pts|points?|pt|usd|eur|gbp|jpy|chf|cad|aud|nzd|hkd|sgd|inr|cny|rmb|krw|btc|eth)\.?(?![^\W_])"
_SOFT = lazy(rf"{_SP}*(?:(?:\||{_UNIT}|[{_CURSYM}]){_SP}*)*", re.I)
_SOFT_CHARS = frozenset(_SPC)
_UNIT_ONLY = re.compile(_UNIT, re.I)
_BULLET = re.compile(r"[•*·‣◦▪●\-–][ \t\u00a0\u202f]+(?=\S)")
_PLACEHOLDER = lazy(r"[-–—]{1,3}|-?\.--|n/?a|--%|[-–—]{1,2}\s*\([-–—%]*\)", re.I)
_STRIP = " \t\r\n\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200e\u200f\u2028\u2029\u202f\u205f\u3000\ufeff"

# --------------------------------------------------------------------------- lines

_STATUS = lazy(
    r"(?:[\w.’'&/()\-]+\s+){0,4}?"
    r"(?:markets?|märkte|marchés?|bourses?|mercados?|mercati|mercato|börsen?|borsa|beurs|markt(?:en)?|bolsas?)"
    r"(?:\s+[\w.’'&/()\-]+){0,4}?\s+"
    r"(?:closed|open|opened|geschlossen|geöffnet|offen|fermée?s?|ouverte?s?|cerrad[oa]s?|abiert[oa]s?"
    r"|chius[oia]|apert[oia]|fechad[oa]s?|abert[oa]s?|gesloten|geopend|stängd|öppen"
    r"|(?:in|dans|en|tra|fra|em|om|über)\s+(?:\d+\s*[^\W\d_]+\.?\s*){1,3})\s*",
    re.I,
)
# first letters left off so that "Markets", "markets" and "MARKETS" are all found by str.find
_STATUS_KEYS = ("arket", "ARKET", "ärkte", "ÄRKTE", "arché", "ARCHÉ", "ourse", "OURSE", "ercad",
                "ERCAD", "ercat", "ERCAT", "örse", "ÖRSE", "orsa", "ORSA", "eurs", "EURS", "arkt",
                "ARKT", "olsa", "OLSA")
_AT_CLOSE = lazy(
    r"(?:at close|as of|after hours|before hours|pre-?market|post-?market|overnight|"
    r"bei börsenschluss|börsenschluss|nachbörslich|vorbörslich|à la clôture|a la clôture|"
    r"al cierre|alla chiusura|no fechamento|ao fechamento)\b[:\s].{0,80}",
    re.I,
)
_NOISE_START = lazy(
    r"(?:updated?\b|as of\b|at close|after hours|chart$|overview$|summary$|follow$|quote\b|"
    r"advertisement$|werbung$|publicité$|anzeige$|annonce$|publicidad$|pubblicità$|ad$|sponsored|"
    r"(?:market )?(?:closed|open)$|geschlossen$|fermé$|cerrado$|chiuso$|"
    r"visitors trend|loading|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d)",
    re.I,
)
_NOISE_PARTS = ("delayed", "currency in", "real-time", "realtime", "real time", "last updated",
                "watchlist", "highlight", "verzögert", "währung in", "echtzeit", "différé", "devise en",
                "temps réel", "diferido", "divisa en", "tiempo real", "ritardat", "valuta in",
                "tempo reale", "stock exchange")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _noise(s: str) -> bool:
    """Lines between a name and its numbers that are not the name ("Delayed price...")."""
    if _NOISE_START.match(s):
        return True
    low = s.lower()
    for part in _NOISE_PARTS:
        if part in low:
            return True
    return ":" in s and _CLOCK.search(s) is not None
_SYMBOL = re.compile(r"[\^$.]?[A-Z0-9][A-Z0-9.\-=:^/&]{0,14}")
_SYMBOL_EXCHANGE = lazy(r"([.^$]?[A-Z0-9][A-Z0-9.\-=^]{0,14}):[ ]?[A-Z][\w .&'()-]{2,40}")
_SYM_DASH_NAME = lazy(r"([\^$]?[A-Z0-9][A-Z0-9.\-=:^]{0,14})\s+[-–—:]\s+(\S.*)")
_NAME_PAREN_SYM = lazy(r"(\S.*?)\s*\(([\^$]?[A-Z0-9][A-Z0-9.\-=:^/]{0,14})\)")
_LETTER = re.compile(r"[^\W\d_]")
_STOPWORDS = frozenset(
    "at to rose fell closed gained lost added shed ended finished was is were are has have had its "
    "by from up down dropped climbed slipped jumped declined advanced rising falling gaining losing "
    "traded trading stood settled against than per cent percent points point or while after before "
    "since on of".split()
)
_LABELS = lazy(
    r"(?i)^(?:prev(?:ious)?\.? close|open|high|low|close|volume|day'?s? range|52[- ]?w(?:ee)?k|"
    r"range|performance|return|dividend|yield|p/e|market cap|bid|ask|net change|change|last|"
    r"last price|price|vortag|eröffnung|hoch|tief|schluss|ouverture|plus haut|plus bas|"
    r"revenue|sales|net income|net profit|operating|ebitda|eps|earnings|profit|income|margin|"
    r"turnover|assets|debt|cash|population|unemployment|inflation|gdp)\b"
)
_UNIT_LINE = lazy(rf"(?i){_UNIT}|price|kurs|letzter kurs|cours|precio|prezzo|preço")
_DECIMAL_IN_NAME = re.compile(r"\d[.,]\d")
# a row named by a period is a line of a financial table ("Q1 2024 | 94.8 | +5.1 | +5.7% |")
_PERIOD = lazy(r"(?i)(?:[QH][1-4]|FY|CY|[1-4]Q)\s*'?\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
               r"[a-z]*\.?\s*'?\d{2,4}|(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?")
_TABLE_HEAD = lazy(r"(?i)^.*\b(?:chg|change|veränderung|var\.?|variation)\s*%\s*")
# a line with a clock time and one of these words may carry the page's own time
_TIME_WORDS = ("update", "as of", "close", "aktualisiert", "stand", "mis à jour", "delayed", "schluss",
               "clôture", "cierre", "chiusura", "fechamento", "last trade", "quote", "real-time")


def _strip(s: str) -> str:
    return s.strip(_STRIP)


class _Field:
    """One printed number in a line: raw text and how it was dressed."""

    __slots__ = ("raw", "pct", "paren", "down", "up", "start", "end")

    @classmethod
    def make(cls, raw: str, pct: bool, paren: bool, start: int, end: int) -> "_Field":
        f = cls.__new__(cls)
        f.raw, f.pct, f.paren, f.down, f.up, f.start, f.end = raw, pct, paren, False, False, start, end
        return f

    def __init__(self, m: re.Match[str]) -> None:
        self.raw = m.group("num")
        self.pct = m.group("pct") is not None
        self.paren = m.group("open") is not None or m.group("close") is not None
        arrow = m.group("arrow")
        self.down = bool(arrow) and arrow[0] in _ARROWS_DOWN
        self.up = bool(arrow) and arrow[0] in _ARROWS_UP
        self.start = m.start()
        self.end = m.end()

    @property
    def signed(self) -> bool:
        return self.raw[0] in "+" + MINUS_SIGNS

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.raw}{'%' if self.pct else ''}>"


_BLANK, _NUM, _TEXT, _HOLD = 0, 1, 2, 3
_DIGIT = re.compile(r"\d")
_SPACED_INT = lazy(rf"{_SIGN}?\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+")
_SPACED_CP = lazy(  # "+1 107 (+5,63 %)": a space-grouped integer change
    rf"({_SIGN}?\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+)[ \u00a0]?\(({_SIGN}?\d+(?:,\d+)?)[ \u00a0\u202f]?%\)")
_SNUM = rf"{_SIGN}?(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_SIMPLE_LINE = lazy(rf"({_SNUM})(?:[ \u00a0]?\(({_SNUM})[ \u00a0]?%\))?")
_EDGE = r"[\s\u200b\u200e\u200f\ufeff]*"
_W = "[ \\t\u00a0\u202f\u2009\u200b\ufeff]*"  # spaces inside a line
_B = "[ \\t\u00a0\u202f\u2009\u200b\ufeff|]*"  # a blank line's content
_X = r"[^\s\d+\-−–‒(.,$€£¥₹▲▼△▽↑↓⬆⬇|]"  # a character no line of numbers starts with
_FNUM = r"[+\-−–]?\d[\d,.]*"  # loose on purpose (fast); resolve() drops malformed numbers
_ENTRY_END = rf"(?=\Z|\n{_W}{_X}|\n{_B}(?:\Z|\n{_B}(?:\n|\Z)|\n{_W}{_X}))"
# the same test, the strip's own case first (a blank line, then the next bullet): fewer steps
_ENTRY_END_STRIP = rf"(?=\n{_B}\n{_W}{_X}|\n{_W}{_X}|\Z|\n{_B}(?:\Z|\n{_B}(?:\n|\Z)))"
_FAST_ENTRY = lazy(
    rf"{_W}[•*·‣◦▪●\-–][ \t\u00a0\u202f]+(?P<name>[^\s|][^|\n]*?){_W}\n"
    rf"(?:{_B}\n)?"
    rf"{_W}(?P<v>{_FNUM}){_W}\n"
    rf"{_W}(?P<c>{_FNUM})[ \u00a0]?\((?P<p>{_FNUM})[ \u00a0]?%\){_W}"
    + _ENTRY_END
)
# The same entries in their commonest form (the seed layout), a subset of _FAST_ENTRY: where this
# matches, that one matches with the same groups. A name of single-spaced words; the numbers
# with a decimal point, en grouping and ASCII signs (one reading unless 3 decimals: checked),
# at most 11 decimals (the float check's resolution; more go the general way).
# The digits after each point are a group of their own (their count is the number's precision);
# ``entry`` is the whole entry, up to the next one's bullet line (fast_strip counts its lines).
# Possessive repeats where giving back never leads to a match: the same matches, fewer steps.
# A name's characters: [^\s|%\u200b\ufeff] with \s spelt out (str.isspace(), as re reads \s):
# a set of characters is tested in one step, a category in several.
_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
               "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_NAME_CHAR = "[^" + re.escape(_WHITESPACE) + "|%\u200b\ufeff]"
_EN_ENTRY = (
    rf"(?P<entry> *• (?P<name>{_NAME_CHAR}++(?: {_NAME_CHAR}++)*+) *\n"
    r"(?: *\n)?"
    r" *(?P<v>(?:\d{1,3}(?:,\d{3})*+|\d{4,})\.(?P<vf>\d{1,11})) *\n"
    r" *(?P<c>[+-]?(?:\d{1,3}(?:,\d{3})*+|\d{4,})\.(?P<cf>\d{1,11})) \((?P<p>[+-]?\d+\.\d{1,11})%\) *"
    # the entry's end (_ENTRY_END), then the gap up to the next entry's bullet line. A plain blank
    # line before the next bullet passes that test, so it comes first, without it (same match)
    + rf"(?:\n[ \u00a0]*\n(?= *•)|{_ENTRY_END_STRIP}(?:\n{_B}(?=\n))*\n|{_ENTRY_END_STRIP}))"
)
# A run of consecutive entries in one findall: each match starts where the last one ended, as
# the second branch takes whatever follows the last entry (in one step: ".*" to the end)
_EN_RUN = lazy(_EN_ENTRY + r"|(?s:.+)")
def _ambiguous(raw: str) -> bool:
    """Does an _EN_ENTRY number also read as a de integer ("1.234", "-28.416")?"""
    i = raw.lstrip("+-").split(".")[0]
    return len(raw) - raw.find(".") == 4 and len(i) <= 3 and "," not in raw and i[0] != "0"


_GAP = re.compile(rf"(?:\n{_B}(?=\n))*\n")
# names fast_strip has found _heading_ok: a site prints the same few names page after page
_NAMES_OK: set[str] = set()
# (float, Decimal, decimals, unit in the last place) of the percents fast_strip has met: "+0.88"
# is one of a few thousand
_PCTS: dict[str, tuple[float, Decimal, int, float]] = {}
# from the end of a strip's last line: does one of the next 5 lines (as far as cut_off_warnings
# looks) start with a bullet sign?
_BULLET_NEAR = lazy(r"(?:\n[^\n]*){0,4}\n[%s]*[•*·‣◦▪●\-–]" % re.escape(_STRIP.replace("\n", "")))
_DOT = frozenset(".")


def _soft(gap: str, inner: bool = False) -> bool:
    """True when ``gap`` (text between two numbers, ``inner``, or before the first or after
    the last) keeps them in one entry."""
    if not gap:
        return True
    for ch in gap:
        if ch not in _SOFT_CHARS:
            return _SOFT.fullmatch(gap) is not None or (inner and gap.strip(_SPC) == "/")
    return True


class _Lines:
    """The page's lines with lazily computed, cached classification."""

    __slots__ = ("raw", "n", "_kind", "_text", "_fields")

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")  # the caller has turned CRLF and CR into LF
        self.n = len(self.raw)
        self._kind: dict[int, int] = {}
        self._text: dict[int, str] = {}
        self._fields: dict[int, list[_Field]] = {}

    def text(self, i: int) -> str:
        s = self._text.get(i)
        if s is None:
            s = self._text[i] = _strip(self.raw[i])
        return s

    def fields(self, i: int) -> list[_Field]:
        f = self._fields.get(i)
        if f is None:
            f = self._fields[i] = [_Field(m) for m in _FIELD.finditer(self.text(i))]
        return f

    def kind(self, i: int) -> int:
        k = self._kind.get(i)
        if k is None:
            k = self._kind[i] = self._classify(i)
        return k

    def _classify(self, i: int) -> int:
        s = self.text(i)
        if not s or not s.strip("|" + _STRIP):
            return _BLANK
        if _BULLET.match(s) or not _DIGIT.search(s):
            if len(s) <= 4 and _UNIT_ONLY.fullmatch(s):  # "JPY", "PKT" between the numbers
                return _BLANK
            return _HOLD if _PLACEHOLDER.fullmatch(s) else _TEXT
        if _SPACED_INT.fullmatch(s):
            self._fields[i] = [_Field.make(s, False, False, 0, len(s))]
            return _NUM
        m = _SIMPLE_LINE.fullmatch(s) or _SPACED_CP.fullmatch(s)
        if m:  # the common shapes "3,367.90" and "+29.33 (+0.88%)" without the big regex
            v, pc = m.group(1), m.group(2)
            if pc is None:
                self._fields[i] = [_Field.make(v, False, False, 0, len(s))]
            else:
                self._fields[i] = [_Field.make(v, False, False, 0, m.end(1)),
                                   _Field.make(pc, True, True, m.start(2) - 1, len(s))]
            return _NUM
        fs = self.fields(i)
        if not fs:
            return _TEXT
        pos = 0
        for f in fs:
            if not _soft(s[pos : f.start], pos > 0):
                return _TEXT
            pos = f.end
        return _NUM if _soft(s[pos:]) else _TEXT


# --------------------------------------------------------------------------- arithmetic


def _decimals(d: Decimal) -> int:
    e = d.as_tuple().exponent
    return -e if isinstance(e, int) and e < 0 else 0


def check_arithmetic(value: Decimal, change: Decimal, change_pct: Decimal) -> bool:
    """Does ``change_pct ≈ 100·change / (value − change)``, allowing for print rounding?

    Each number may be off by one unit in its last printed digit (sites round or truncate);
    a percent of the value itself (``100·change/value``) is accepted too.

    >>> check_arithmetic(Decimal("3367.90"), Decimal("29.33"), Decimal("0.88"))
    True
    >>> check_arithmetic(Decimal("10.635"), Decimal("-0.19"), Decimal("-1.71"))
    True
    >>> check_arithmetic(Decimal("4373.63"), Decimal("45.85"), Decimal("1.1"))   # prose rounding
    True
    >>> check_arithmetic(Decimal("200"), Decimal("-56.50"), Decimal("-0.76"))
    False
    >>> check_arithmetic(Decimal("71.91"), Decimal("0.00"), Decimal("0.00"))
    True
    """
    return _consistent(
        float(value), float(change), float(change_pct),
        10.0 ** -_decimals(value), 10.0 ** -_decimals(change), 10.0 ** -_decimals(change_pct),
    )


def _misfit(v: float, c: float, p: float) -> float:
    """How far the printed percent is from the arithmetic of value and change."""
    prev = v - c
    return abs(100.0 * c / prev - p) if prev > 0 else float("inf")


def _consistent(v: float, c: float, p: float, uv: float, uc: float, up: float) -> bool:
    prev = v - c
    if prev <= 0 or v == 0:  # no previous close, or a zero "value" (a no-data widget)
        return False
    tol = 100.0 * (uc * abs(v) + uv * abs(c)) / (prev * prev) + up + 1e-9
    if abs(100.0 * c / prev - p) <= tol:
        return True
    return v > 0 and abs(100.0 * c / v - p) <= 100.0 * (uc * v + uv * abs(c)) / (v * v) + up + 1e-9


_NUMS: dict[tuple[str, str], tuple[Decimal, float, float] | None] = {}


def _num(raw: str, sep: str) -> tuple[Decimal, float, float] | None:
    """(exact value, float value, one unit in the last printed digit) of a printed number."""
    key = (raw, sep)
    try:
        return _NUMS[key]
    except KeyError:
        pass
    r = read_number(raw, sep)
    out = None if r is None else (r[0], float(r[0]), _ULP[r[1]] if r[1] < 12 else 10.0 ** -r[1])
    if len(_NUMS) > 50000:
        _NUMS.clear()
    _NUMS[key] = out
    return out


_ULP = [10.0 ** -k for k in range(12)]


def _allowed(c: "_Cand") -> frozenset[str]:
    v, ch, p = c.order[0][:3]
    return decimal_candidates(v.raw) & decimal_candidates(ch.raw) & decimal_candidates(p.raw)


def _cand_line(c: "_Cand") -> int:
    return c.span[0]


# --------------------------------------------------------------------------- entries


class _Cand:
    """A candidate entry: three fields in value/change/percent roles, a name, a provenance."""

    __slots__ = ("v", "c", "p", "name", "symbol", "line", "strong", "order", "span", "alt")
    quote = None  # (a _Done has its quote already)

    def __init__(self, v, c, p, name, symbol, line, strong, order, span, alt=None):
        self.v, self.c, self.p = v, c, p
        self.name, self.symbol, self.line = name, symbol, line
        self.strong, self.order, self.span, self.alt = strong, order, span, alt


class _Done:
    """A strip entry :meth:`_Parser.fast_strip` has already made into its quote: all that
    :meth:`_Parser.resolve` reads of a :class:`_Cand` once its ``quote`` is set (made only on
    pages where fast and general entries mix)."""

    __slots__ = ("quote", "span")
    alt = None

    def __init__(self, quote: Quote, span: tuple[int, int]) -> None:
        self.quote, self.span = quote, span


def _roles(fs: list[_Field]) -> list[tuple[_Field, _Field, _Field, str]]:
    """Possible (value, change, percent) readings of exactly three fields.

    Several readings come back only when the order is ambiguous; the arithmetic picks.
    """
    pcts = [i for i, f in enumerate(fs) if f.pct]
    if len(fs) != 3 or len(pcts) != 1:
        return []
    a, b, c = fs
    k = pcts[0]
    if k == 2:
        return [(a, b, c, "vcp")]
    if k == 1:  # 17.999,59 +0,41% +72,62   or   +72,62 (+0,41%) 17.999,59
        if a.signed and not c.signed:
            return [(c, a, b, "cpv"), (a, c, b, "vpc")]
        return [(a, c, b, "vpc"), (c, a, b, "cpv")]
    return [(c, b, a, "pcv"), (b, c, a, "pvc")]


_COLUMN = lazy(
    r"(?i)(?<!\w)(?:"
    r"(?P<p>chg\.?\s*%|%\s*chg\.?|change\s*%|%\s*change|var\.?\s*%|%\s*var\.?|\+/-\s*%|%)"
    r"|(?P<n>prev(?:ious)?\.?\s*close|vortag|open|high|low|hoch|tief|eröffnung|bid|ask|vol(?:ume)?\.?"
    r"|volumen|umsatz|ouverture|plus\s*haut|plus\s*bas|m[áa]x(?:imo)?\.?|m[íi]n(?:imo)?\.?)"
    r"|(?P<c>net\s*chg\.?|net\s*change|chg\.?|change|\+/-|var\.?|veränderung|variation|variación|variazione)"
    r"|(?P<v>last(?:\s*price)?|price|kurs|letzter|aktuell|value|ltp|cours|dernier|[úu]ltimo|precio|prezzo"
    r"|current|close)"
    r")(?!\w)"
)


def _name_number(s: str, start: int, f: _Field) -> bool:
    """Is ``f`` (first number of a run) the end of a name, like "225" in "Nikkei 225 38,471.20"?"""
    return f.raw.isdigit() and not f.pct and not f.paren and _LETTER.search(s[start : f.start]) is not None


def _clean_name(s: str) -> str:
    return " ".join(s.split())


def _split_symbol(name: str) -> tuple[str, str | None]:
    """``^FTMC - FTSE 250`` -> (``FTSE 250``, ``^FTMC``); ``S&P 500 (^GSPC)`` likewise.

    >>> _split_symbol("^FTMC - FTSE 250")
    ('FTSE 250', '^FTMC')
    >>> _split_symbol("Hong Kong Hang Seng Index (HSI:IND)")
    ('Hong Kong Hang Seng Index', 'HSI:IND')
    >>> _split_symbol("Öl (Brent)")
    ('Öl (Brent)', None)
    """
    m = _SYM_DASH_NAME.fullmatch(name)
    if m and _LETTER.search(m.group(1)) and _LETTER.search(m.group(2)):
        return m.group(2), m.group(1)
    m = _NAME_PAREN_SYM.fullmatch(name)
    if m and _LETTER.search(m.group(2)) and _LETTER.search(m.group(1)):
        return m.group(1), m.group(2)
    return name, None


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


def _inline_name(s: str) -> str | None:
    """The name of a row/tape entry from the text before its numbers, or None."""
    s = _TABLE_HEAD.sub("", s, count=1) if "%" in s else s
    s = s.strip(_STRIP + ",;|•·*-–—:=")
    m = _BULLET.match(s)
    if m:
        s = s[m.end():]
    if "|" in s:
        s = next((c for c in (x.strip(_STRIP) for x in s.split("|")) if c), "")
    if ": " in s:
        s = s.rsplit(": ", 1)[1]
    s = _clean_name(s)
    if not s or len(s) > 60 or "%" in s or not _LETTER.search(s):
        return None
    words = s.split()
    if len(words) > 8 or _LABELS.match(s) or _DECIMAL_IN_NAME.search(s) or _PERIOD.fullmatch(s):
        return None
    if any(w.lower().strip(",.;") in _STOPWORDS for w in words):
        return None
    return s


class _Parser:
    def __init__(self, text: str, strict: bool, fast: bool = True) -> None:
        self.fast = fast  # False: every entry through the general path (tests compare both)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.source = text
        self._L: _Lines | None = None
        self.strict = strict
        self.cands: list[_Cand | _Done] = []
        self.warnings: list[str] = []
        self.consumed = -1  # highest line index used by an accepted candidate
        self.spaced_fields = 0  # space-grouped numbers among the candidates (resolve)
        # bullet entries in page order, (name line, last line); a fast strip's as a slice of
        # fast_entries (bullet_spans works out their lines when something needs them)
        self.bullets: list[tuple[int, int] | slice] = []
        # the bullet entries cut_off_warnings looks after: all but those of a fast strip that the
        # strip's next entry follows directly
        self.open_entries: list[tuple[int, int]] = []
        # fast_strip's entries, kept apart from self.cands (resolve merges them when both exist):
        # (name, value, change, percent, line, value, change, percent) - the numbers' digits
        # without group commas (the percent a Decimal already), the line 1-based, then the floats
        # of the check. They become Quotes only when a ParsedPage needs them (_fast_quote).
        self.fast_entries: list[tuple] = []
        self.columns: tuple[tuple, ...] | None = None  # run(columns=True): the quotes as columns
        self.strip_starts: dict[int, int] = {}  # first line of a fast strip -> its char offset
        self.strip_ends: dict[int, int] = {}  # last line of a fast strip -> offset of its end
        self.strip_stop = -1  # where the last fast strip ended
        self._line = 0  # line_of() state
        self._pos = 0

    @property
    def L(self) -> _Lines:
        """The page split into lines, made only when something needs them."""
        if self._L is None:
            self._L = _Lines(self.source)
        return self._L

    # ---- vertical groups: numbers alone on their lines
    def group(self, i: int) -> tuple[int, int]:
        return self._reach(i, -1), self._reach(i, 1)

    def _reach(self, i: int, step: int) -> int:
        """The farthest number line from line ``i`` in direction ``step``: within 8 lines, not
        into consumed lines, across at most one blank line at a time."""
        L = self.L
        edge, k, gap = i, i + step, 0
        while (k > self.consumed if step < 0 else k < L.n) and abs(k - i) < 8:
            kd = L.kind(k)
            if kd == _NUM:
                edge, gap = k, 0
            elif kd == _BLANK and gap == 0:
                gap = 1
            else:
                break
            k += step
        return edge

    def name_above(self, start: int) -> tuple[str, str | None, int, bool] | None:
        """Name for numbers starting at line ``start``: (name, symbol, line, is_bullet)."""
        L = self.L
        k, seen = start - 1, 0
        symbol: tuple[str, int] | None = None
        while k > self.consumed and seen < 4 and start - k < 9:
            kd = L.kind(k)
            if kd == _BLANK:
                k -= 1
                continue
            if kd != _TEXT:
                break
            s = L.text(k)
            m = _BULLET.match(s)
            if m:
                name = _clean_name(s[m.end():])
                if symbol is None and _heading_ok(name) and "|" not in name:
                    return name, None, k, True
                break
            if _noise(s) or _STATUS.fullmatch(s):
                seen += 1
                k -= 1
                continue
            if symbol is None and _SYMBOL.fullmatch(s) and _LETTER.search(s):
                symbol = (s, k)
                seen += 1
                k -= 1
                continue
            m = _SYMBOL_EXCHANGE.fullmatch(s)  # ".DJI:Dow Jones Global Indexes"
            if symbol is None and m:
                symbol = (m.group(1), k)
                seen += 1
                k -= 1
                continue
            if "|" in s and not _DIGIT.search(s):  # "RT Quote | Exchange": a tab row, not a name
                seen += 1
                k -= 1
                continue
            if _LABELS.match(s) or _UNIT_LINE.fullmatch(s):  # "Last Price", "Punkte"
                seen += 1
                k -= 1
                continue
            if _heading_ok(s):
                name, sym = _split_symbol(_clean_name(s))
                if symbol is None:
                    return name, sym, k, False
                if sym is not None:  # "Dow Jones Industrial Average (DJI)" above "US30"
                    return name, sym, k, False
                first = next((ch for ch in name if ch.isalnum()), "").upper()
                if first and first in symbol[0].upper():
                    return name, symbol[0], k, False
            break
        if symbol is not None:
            code = symbol[0]
            return code, (code if any(ch in code for ch in "^:=.$") else None), symbol[1], False
        return None

    def vertical(self, i: int) -> None:
        L = self.L
        lo, hi = self.group(i)
        fs: list[_Field] = []
        for k in range(lo, hi + 1):
            if L.kind(k) == _NUM:
                fs.extend(L.fields(k))
        if len(fs) == 2 and fs[1].pct and not fs[0].pct:
            self.borrow(lo, hi, fs)
            return
        roles = _roles(fs)
        if not roles:
            return
        named = self.name_above(lo)
        if named is None:
            return
        name, symbol, nline, bullet = named
        # Yahoo shape: value alone on a line, then "change (percent)" on the next
        yahoo = (
            roles[0][3] == "vcp"
            and fs[2].paren
            and len(L.fields(lo)) == 1
            and not fs[0].pct
        )
        strong = bullet or yahoo
        self.cands.append(_Cand(*roles[0][:3], name, symbol, nline, strong, roles, (nline, hi)))
        self.consumed = hi
        if bullet:
            self.bullets.append((nline, hi))
            self.open_entries.append((nline, hi))

    def fast_entry(self, q: int) -> int:
        """The Yahoo entry whose percent sign is at ``q``: bullet name, value line, then
        "change (percent)". Returns the char offset where the entry ends, or -1.

        Gives exactly what :meth:`vertical` would make of such an entry, only quicker (a few
        ``rfind`` and one anchored match); anything else is left to the general path.
        """
        src = self.source
        lc = src.rfind("\n", 0, q)  # newline ending the value line
        if lc <= 0:
            return -1
        lv = src.rfind("\n", 0, lc)  # newline ending the line above the value
        if lv < 0:
            return -1
        lb = src.rfind("\n", 0, lv) + 1
        if not src[lb:lv].strip(_STRIP + "|"):  # one blank line between bullet and value
            if lb == 0:
                return -1
            lb = src.rfind("\n", 0, lb - 1) + 1
        end = self.fast_strip(lb)
        return end if end >= 0 else self.fast_entry_at(lb, q)

    def fast_strip(self, pos: int) -> int:
        """Consecutive entries in the commonest form (:data:`_EN_ENTRY`) from the bullet line
        at offset ``pos``; returns where the last one taken ends, or -1 for none.

        An entry is taken here (into :attr:`fast_entries`, its Quote made by :func:`_fast_quote`
        when needed) when nothing is left to decide: numbers only the en way reads, and the
        float arithmetic check passes. :meth:`resolve` then has nothing to do for it, and gives
        the same quote :meth:`resolve_one` would. Stops at the first entry that is
        anything else; the caller hands that one to :meth:`fast_entry_at`.
        """
        line = self.line_of(pos)
        if line <= self.consumed:
            return -1
        start = pos
        entries: list[tuple] = []
        names_ok, pcts = _NAMES_OK, _PCTS
        ulp, dec, flt = _ULP, Decimal, float
        for entry, name, v, vf, c, cf, p in _EN_RUN.findall(self.source, pos):
            if not entry:  # the rest of the page
                break
            if name not in names_ok:
                if not _heading_ok(name):
                    break
                if len(names_ok) >= 2000:
                    names_ok.clear()
                names_ok.add(name)
            try:
                fp, pct, dp, up = pcts[p]
            except KeyError:
                if len(pcts) >= 10000:
                    pcts.clear()
                dp = len(p) - p.find(".") - 1
                fp, pct, dp, up = pcts[p] = (flt(p), dec(p), dp, ulp[dp])
            dv, dc = len(vf), len(cf)
            if dv == 3 or dc == 3 or dp == 3:
                if _ambiguous(v) or _ambiguous(c) or _ambiguous(p):
                    break  # "28.416": 28416 on a de page; the general path decides
            if "," in v:
                v = v.replace(",", "")
            if "," in c:
                c = c.replace(",", "")
            fv, fc = flt(v), flt(c)
            prev = fv - fc
            uv, uc = ulp[dv], ulp[dc]
            if not (prev > 0 and fv != 0 and abs(100.0 * fc / prev - fp)
                    <= 100.0 * (uc * fv + uv * abs(fc)) / (prev * prev) + up + 1e-9) \
                    and not _consistent(fv, fc, fp, uv, uc, up):
                break
            entries.append((name, v, c, pct, line + 1, fv, fc, fp))
            line += entry.count("\n")
            pos += len(entry)
            taken_entry = entry
        if not entries:
            return -1
        # the last entry taken: its last line is the change's, which holds its last ")"; the
        # gap after it (blank lines only) starts at the next newline
        first = entries[-1][4] - 1
        close = taken_entry.rindex(")")
        last = first + taken_entry.count("\n", 0, close)
        gap = taken_entry.find("\n", close)
        end = pos - len(taken_entry) + (gap if gap >= 0 else len(taken_entry))
        n = len(self.fast_entries)
        self.fast_entries += entries
        self.bullets.append(slice(n, n + len(entries)))
        self.strip_starts[entries[0][4] - 1] = start
        self.strip_ends[last] = end
        # each entry but the last runs straight into the next: nothing cut off there
        self.open_entries.append((first, last))
        self.consumed = last
        self.strip_stop = end
        return end

    def _spans(self, entries: list[tuple]) -> list[tuple[int, int]]:
        """(name line, last line) of fast_strip entries: a blank line (spaces only) between the
        name and the value makes the change the fourth line, else the third."""
        raw = self.L.raw
        return [(f, f + 2 if raw[f + 1].strip(" ") else f + 3) for f in (e[4] - 1 for e in entries)]

    def bullet_spans(self) -> list[tuple[int, int]]:
        """All bullet entries, (name line, last line), in page order."""
        out: list[tuple[int, int]] = []
        for b in self.bullets:
            if type(b) is slice:
                out += self._spans(self.fast_entries[b])
            else:
                out.append(b)
        return out

    def fast_entry_at(self, lb: int, q: int) -> int:
        """:meth:`fast_entry` for an entry whose bullet line starts at offset ``lb``."""
        src = self.source
        m = _FAST_ENTRY.match(src, lb)
        if m is None or m.end() <= q:
            return -1
        line = self.line_of(lb)
        if line <= self.consumed:
            return -1
        name = " ".join(m.group("name").split())
        if not _heading_ok(name):
            return -1
        last = line + m.group(0).count("\n")
        L = self.L
        if L.kind(last - 1) != _NUM or L.kind(last) != _NUM:  # "0." is no number: as vertical() sees it
            return -1
        fs = (_Field.make(m.group("v"), False, False, 0, 0), _Field.make(m.group("c"), False, False, 0, 0),
              _Field.make(m.group("p"), True, True, 0, 0))
        self.cands.append(_Cand(fs[0], fs[1], fs[2], name, None, line, True,
                                ((fs[0], fs[1], fs[2], "vcp"),), (line, last)))
        self.bullets.append((line, last))
        self.open_entries.append((line, last))
        self.consumed = last
        return m.end()

    def line_of(self, offset: int) -> int:
        """0-based line of a char offset (cheap when offsets mostly increase)."""
        if offset >= self._pos:
            self._line += self.source.count("\n", self._pos, offset)
        else:
            self._line -= self.source.count("\n", offset, self._pos)
        self._pos = offset
        return self._line

    def borrow(self, lo: int, hi: int, fs: list[_Field]) -> None:
        """``Nikkei 225 19,006.98`` then ``-129.34 (-0.68%)``: the value ends the line above."""
        L = self.L
        k = lo - 1
        if k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _TEXT:
            return
        s = L.text(k)
        above = L.fields(k)
        if not above or above[-1].pct or not _soft(s[above[-1].end:]):
            return
        name = _inline_name(s[: above[-1].start])
        if name is None:
            return
        roles = [(above[-1], fs[0], fs[1], "vcp")]
        self.cands.append(_Cand(*roles[0][:3], name, None, k, False, roles, (k, hi)))
        self.consumed = hi

    # ---- entries inside a line of text
    def inline(self, i: int) -> None:
        L = self.L
        s = L.text(i)
        fs = L.fields(i)
        if len(fs) < 3:
            return
        runs: list[list[_Field]] = [[fs[0]]]
        for a, b in zip(fs, fs[1:]):
            if _soft(s[a.end : b.start], True):
                runs[-1].append(b)
            else:
                runs.append([b])
        seg_start = 0
        for run in runs:
            pcts = [j for j, f in enumerate(run) if f.pct]
            if not pcts:  # numbers without a percent stay part of the text before the next run
                continue
            for j in pcts:
                if len(run) == 3 and len(pcts) == 1:
                    window, roles = run, _roles(run)
                else:
                    if j < 2 or run[j - 1].pct or run[j - 2].pct:
                        continue
                    k = j - 2
                    first = next(n for n, f in enumerate(run) if f.start >= seg_start)
                    if k > first and not (k == first + 1 and _name_number(s, seg_start, run[first])):
                        # more numbers before the change than a value: which one is the value?
                        k = self.table_value(i, run, first, j)
                        if k is None:
                            seg_start = run[j].end
                            continue
                    window = [run[k], run[j - 1], run[j]]
                    roles = [(window[0], window[1], window[2], "vcp")]
                if not roles:
                    continue
                name = _inline_name(s[seg_start : window[0].start])
                alt = None
                v = roles[0][0]
                if roles[0][3] == "vcp" and any(ch in v.raw for ch in " \u00a0\u202f\u2009"):
                    alt = v  # "CMC Crypto 200 885,54": maybe the name ends in "200"
                if name is None and alt is None:
                    seg_start = window[-1].end
                    continue
                self.cands.append(_Cand(*roles[0][:3], name, None, i, False, roles, (i, i), alt))
                seg_start = window[-1].end
            seg_start = max(seg_start, run[-1].end)
        if self.cands and self.cands[-1].span[1] == i:
            self.consumed = i

    def table_value(self, i: int, run: list[_Field], first: int, j: int) -> int | None:
        """Index in ``run`` of the value of a table row with more numbers than a quote
        (``Last High Low Chg. Chg.%``, ``Kurs Vortag +/- %``), or None when unsure.

        The table's header says which column is the value; without one, a number that
        the change turns into another number of the row (value − change = previous close)
        is the value. Otherwise the row is left alone: a High or Low taken for the value
        would pass the arithmetic as easily as the value itself.
        """
        L = self.L
        ch = run[j - 1]
        head = self.table_header(i)
        if head is not None:
            text, cols = head
            s = L.text(i)
            if "|" in text and "|" in s:  # pipe table: cells line up
                try:
                    vcell = next(n for n, kind in cols if kind == "v")
                    ccell = next(n for n, kind in cols if kind == "c" and n > vcell)
                except StopIteration:
                    return None
                want = s.count("|", 0, ch.start) - (ccell - vcell)
                for k in range(first, j - 1):
                    if not run[k].pct and s.count("|", 0, run[k].start) == want:
                        return k
                return None
            kinds = [kind for _, kind in cols]
            if "v" in kinds:
                v = kinds.index("v")
                if "c" in kinds[v + 1 :]:
                    k = j - 1 - (kinds.index("c", v + 1) - v)
                    return k if k >= first and not run[k].pct else None
            return None
        pre = [k for k in range(first, j - 1) if not run[k].pct]
        seps = decimal_candidates(ch.raw)
        for sep in (".", ","):
            if sep not in seps:
                continue
            c = parse_number(ch.raw, decimal_sep=sep)
            nums = {k: parse_number(run[k].raw, decimal_sep=sep) for k in pre}
            for k in pre:
                if nums[k] is not None and c is not None and any(
                        m != k and nums[m] == nums[k] - c for m in pre):
                    return k
        return None

    def table_header(self, i: int) -> tuple[str, list[tuple[int, str]]] | None:
        """The nearest line above row ``i`` that names table columns, with its columns
        as (cell or token index, kind): ``v`` value, ``c`` change, ``p`` percent, ``n`` other."""
        L = self.L
        for k in range(i - 1, max(-1, i - 40), -1):
            t = L.text(k)
            if not t or not t.strip("-|: "):  # blank, or a markdown rule "---|---|"
                continue
            if _DIGIT.search(t):
                if L.kind(k) == _TEXT and "%" in t and len(L.fields(k)) >= 3:
                    continue  # another row of the table
                return None
            if "|" in t:
                cols = []
                for n, cell in enumerate(t.split("|")):
                    kinds = {m.lastgroup for m in _COLUMN.finditer(cell)}
                    for kind in "cpnv":
                        if kind in kinds:
                            cols.append((n, kind))
                            break
            else:
                cols = [(n, m.lastgroup) for n, m in enumerate(_COLUMN.finditer(t))]
            kinds = [kind for _, kind in cols]
            return (t, cols) if "v" in kinds and "c" in kinds else None
        return None

    # ---- the whole page
    def run(self, columns: bool = False) -> ParsedPage:
        """The page. ``columns``: a store's form instead - the quotes left out of the page and
        put in :attr:`columns` (see :func:`parse_for_store`)."""
        src = self.source
        fast = self.fast
        q = src.find("%")
        while q >= 0:
            end = self.fast_entry(q) if fast else -1
            if end >= 0:  # the strip's next entries follow right after this one
                while True:
                    g = _GAP.match(src, end)
                    if g is None:
                        break
                    # where fast_strip stopped, it would stop again at once: straight to the
                    # general reading of that entry
                    nxt = self.fast_strip(g.end()) if end != self.strip_stop else -1
                    if nxt < 0:
                        nxt = self.fast_entry_at(g.end(), -1)
                        if nxt < 0:
                            break
                    end = nxt
            else:
                line = self.line_of(src.rfind("\n", 0, q) + 1)
                if line > self.consumed:
                    kd = self.L.kind(line)
                    if kd == _NUM:
                        self.vertical(line)
                    elif kd == _TEXT:
                        self.inline(line)
                end = src.find("\n", q)
                if end < 0:
                    break
            q = src.find("%", end)
        if columns and not self.cands:  # every quote from fast_strip: nothing else to decide
            e = self.fast_entries
            n = len(e)
            names, _, _, _, lines, values, changes, pcts = zip(*e) if e else ((),) * 8
            self.columns = (names, (None,) * n, values, changes, pcts, (True,) * n, lines)
            quotes = ()
        else:
            quotes = self.resolve()
            if columns:
                self.columns = quote_columns(quotes)
                quotes = ()
        self.cut_off_warnings()
        status = self.market_status()
        page = _PageSlots()  # ParsedPage(quotes=..., ...), see _QuoteSlots
        page.quotes = tuple(quotes)
        page.market_status = status
        page.page_time = self.page_time(status)
        page.warnings = tuple(self.warnings)
        page.__class__ = ParsedPage
        return page

    def resolve(self) -> list[Quote]:
        if not self.cands:
            # all made by fast_strip, in page order: nothing to decide (they pass the check, so
            # no warnings), and two entries of a strip are never folded into one
            return list(map(_fast_quote, self.fast_entries))
        if self.fast_entries:
            # both kinds: in page order, as they were found (they are found in line order, and
            # a fast entry never shares its first line with another candidate)
            self.cands += map(_Done, map(_fast_quote, self.fast_entries), self._spans(self.fast_entries))
            self.cands.sort(key=_cand_line)
        cands = self.cands
        allowed = [_DOT if c.quote is not None else _allowed(c) for c in cands]
        hint = "."
        self.spaced_fields = sum(
            1 for c in cands if c.quote is None for f in (c.v, c.c, c.p) if " " in f.raw or "\u00a0" in f.raw or "\u202f" in f.raw
        ) if any(c.alt is not None for c in cands) else 0
        if any(len(x) == 2 for x in allowed):
            # page-wide number format: votes of the unambiguous numbers in the entries
            votes = {".": 0, ",": 0}
            for c in cands:
                if c.quote is not None:  # three numbers that read only the en way
                    votes["."] += 3
                    continue
                for f in (c.v, c.c, c.p):
                    d = decimal_candidates(f.raw)
                    if len(d) == 1:
                        votes[next(iter(d))] += 1
            hint = "," if votes[","] > votes["."] else "."
        out: list[Quote] = []
        # keyed by the numbers as floats (hashing a Decimal costs microseconds); a float key only
        # finds the candidates, the Decimals decide
        seen: dict[tuple[float, float, float], list[int]] = {}
        drop: set[int] = set()
        bullets = {a for a, _ in self.bullet_spans()}
        in_strip: list[bool] = []
        for c, al in zip(cands, allowed):
            q = c.quote or self.resolve_one(c, hint, al)
            if q is None:
                continue
            # a header repeating a strip entry ("STI" above "STI Straits Times Index"): keep one;
            # two entries of a strip are two quotes, whatever their numbers
            key = (float(q.value), float(q.change), float(q.change_pct))
            same = seen.get(key)
            prior = None
            if same is None:
                seen[key] = [len(out)]
            else:
                for n in reversed(same):
                    o = out[n]
                    if o.value == q.value and o.change == q.change and o.change_pct == q.change_pct:
                        prior = n
                        break
                same.append(len(out))
            bullet = c.span[0] in bullets
            if prior is not None and not (bullet and in_strip[prior]):
                wa, wb = _words(out[prior].name), _words(q.name)
                if wa != wb and (wa <= wb or wb <= wa):
                    drop.add(prior if len(wa) < len(wb) else len(out))
            out.append(q)
            in_strip.append(bullet)
        quotes = []
        for n, q in enumerate(out):
            if n in drop:
                continue
            if not q.consistent:
                self.warnings.append(
                    f"line {q.line}: {q.name!r} fails the arithmetic check "
                    f"({q.value} {q.change} {q.change_pct}%)"
                    + ("; dropped (strict)" if self.strict else "; kept")
                )
                if self.strict:
                    continue
            quotes.append(q)
        return quotes

    def resolve_one(self, c: _Cand, hint: str, first_allowed: frozenset[str]) -> Quote | None:
        best = None
        for n, (v, ch, p, order) in enumerate(c.order):
            allowed = first_allowed if n == 0 else (
                decimal_candidates(v.raw) & decimal_candidates(ch.raw) & decimal_candidates(p.raw))
            if not allowed:
                continue
            seps = (hint, "," if hint == "." else ".") if len(allowed) == 2 else tuple(allowed)
            for sep in seps:
                nv, nc, np_ = _num(v.raw, sep), _num(ch.raw, sep), _num(p.raw, sep)
                if nv is None or nc is None or np_ is None:
                    continue
                if (v.down or ch.down or p.down) and not ch.signed and not p.signed:
                    nc = (-nc[0], -nc[1], nc[2])
                    np_ = (-np_[0], -np_[1], np_[2])
                if _consistent(nv[1], nc[1], np_[1], nv[2], nc[2], np_[2]):
                    if c.alt is not None:
                        # "S&P 500 100,01 0,01 (0,01%)": both readings pass. The one whose
                        # percent is printed closer to its arithmetic wins (100.01: 0.0100%,
                        # 500100.01: 0.0000%); on a tie, with no other space-grouped number on
                        # the page, "500" belongs to the name
                        q = self._split_alt(c, hint)
                        if q is not None:
                            mine = _misfit(nv[1], nc[1], np_[1])
                            other = _misfit(float(q.value), float(q.change), float(q.change_pct))
                            if other < mine - 1e-9 or (other <= mine + 1e-9 and self.spaced_fields <= 1):
                                return q
                    return self._quote(c, nv[0], nc[0], np_[0], True)
                if best is None and order == "vcp":
                    best = (nv[0], nc[0], np_[0])
        if c.alt is not None:  # try the value's first space group as the end of the name
            q = self._split_alt(c, hint)
            if q is not None:
                return q
        if best is not None and c.strong and c.name is not None:
            if not best[0]:  # "0.00 / 0.00 (0.00%)": a widget with no data, not a quote
                self.warnings.append(f"line {c.line + 1}: entry {c.name!r} shows a zero value; dropped")
                return None
            return self._quote(c, *best, False)
        return None

    def _split_alt(self, c: _Cand, hint: str) -> Quote | None:
        raw = c.v.raw
        m = re.match(r"([+\-−]?\d{1,3})[ \u00a0\u202f\u2009](.+)", raw)
        if not m or c.v.pct:
            return None
        rest = m.group(2)
        vv = parse_number(rest, decimal_sep=",") if "," in decimal_candidates(rest) else parse_number(rest)
        allowed = decimal_candidates(c.c.raw) & decimal_candidates(c.p.raw) & decimal_candidates(rest)
        if not allowed:
            return None
        sep = hint if hint in allowed else next(iter(allowed))
        vv = parse_number(rest, decimal_sep=sep)
        cc = parse_number(c.c.raw, decimal_sep=sep)
        pp = parse_number(c.p.raw, decimal_sep=sep)
        if vv is None or cc is None or pp is None or not check_arithmetic(vv, cc, pp):
            return None
        s = self.L.text(c.line)
        name = _inline_name(s[: c.v.start] + m.group(1))
        if name is None:
            return None
        return Quote(name, vv, cc, pp, c.line + 1, None, True)

    def _quote(self, c: _Cand, v: Decimal, ch: Decimal, p: Decimal, ok: bool) -> Quote | None:
        if c.name is None:
            return None
        return Quote(c.name, v, ch, p, c.line + 1, c.symbol, ok)

    # ---- strips cut off or with holes
    def cut_off_warnings(self) -> None:
        L = taken = None
        for first, last in self.open_entries:
            end = self.strip_ends.get(last)
            if end is not None and _BULLET_NEAR.match(self.source, end) is None:
                continue  # no bullet on the 5 lines after a fast strip: no entry to warn about
            if L is None:
                L = self.L
                taken = {a for a, _ in self.bullet_spans()}
            k = last + 1
            while k < L.n and k - last < 5 and k not in taken and (
                    L.kind(k) == _BLANK or _noise(L.text(k))):
                k += 1
            if k >= L.n or k in taken or L.kind(k) != _TEXT:
                continue
            m = _BULLET.match(L.text(k))
            if not m:
                continue
            name = _clean_name(L.text(k)[m.end():])
            seen_value = False
            j = k + 1
            reason = None
            while j < L.n and j - k < 6:
                kd = L.kind(j)
                if kd == _NUM:
                    seen_value = True
                elif kd == _HOLD:
                    reason = f"shows {L.text(j)!r} instead of a change"
                    break
                elif kd == _TEXT:
                    if _BULLET.match(L.text(j)) or not _noise(L.text(j)):
                        break
                j += 1
            else:
                if j >= L.n:
                    reason = "cut off before its " + ("change" if seen_value else "value")
            if reason is None and not seen_value:
                continue
            if reason is None:
                reason = "has no change and percent"
            self.warnings.append(f"line {k + 1}: entry {name!r} {reason}; dropped")

    # ---- status line and page time
    def market_status(self) -> str | None:
        looked: set[int] = set()
        src = self.source
        for b in self.bullets[:1]:
            nline = self.fast_entries[b.start][4] - 1 if type(b) is slice else b[0]
            at = self.strip_starts.get(nline)  # a fast strip's start: read the lines above there
            for k in range(nline - 1, max(-1, nline - 4), -1):
                looked.add(k)
                if at is None:
                    s = self.L.text(k)
                else:
                    b, at = at - 1, src.rfind("\n", 0, at - 1) + 1
                    s = _strip(src[at:b])
                status = _status_line(s)
                if status is not None:
                    return status
        L = self.L
        head = self.source[:3000]
        hits = set()
        for key in _STATUS_KEYS:
            i = head.find(key)
            while i >= 0:
                line = head.count("\n", 0, i)
                if line >= 25:
                    break
                hits.add(line)
                i = head.find(key, i + 1)
        for k in sorted(hits - looked):
            status = _status_line(L.text(k))
            if status is not None:
                return status
        for _, last in (c.span for c in self.cands) if self.cands else self._spans(self.fast_entries):
            for k in range(last + 1, min(L.n, last + 4)):
                s = L.text(k)
                if s and len(s) <= 100 and _AT_CLOSE.fullmatch(s):
                    return _clean_name(s)
        return None

    def page_time(self, status: str | None) -> datetime | None:
        """A full date and time printed with the data (status line, "Updated at ...")."""
        if status and ":" in status:  # every pattern of _parse_datetime has a clock time
            t = _parse_datetime(status)
            if t is not None:
                return t
        src = self.source
        i = src.find(":")
        tries = 0
        while 0 <= i and tries < 40:
            tries += 1
            if 0 < i < len(src) - 2 and src[i - 1].isdigit() and src[i + 1 : i + 3].isdigit():
                a = src.rfind("\n", 0, i) + 1
                b = src.find("\n", i)
                b = len(src) if b < 0 else b
                line = src[a:b]
                if len(line) <= 200:
                    low = line.lower()
                    if any(k in low for k in _TIME_WORDS):
                        t = _parse_datetime(line)
                        if t is not None:
                            return t
                i = b
            i = src.find(":", i + 1)
        return None


_STATUS_LINES: dict[str, str | None] = {}


def _status_line(s: str) -> str | None:
    """The market status line ``s`` (stripped) is, cleaned, or None. Remembered: a site prints
    the same few status lines page after page, and the pattern is a long one."""
    if not s or len(s) > 90:
        return None
    try:
        return _STATUS_LINES[s]
    except KeyError:
        pass
    if len(_STATUS_LINES) >= 2000:
        _STATUS_LINES.clear()
    status = _STATUS_LINES[s] = _clean_name(s) if _STATUS.fullmatch(s) else None
    return status


def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.casefold()))


# --------------------------------------------------------------------------- page time

_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTHS.update({"mär": 3, "mai": 5, "okt": 10, "dez": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12})
_TZ = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "PST": -480, "PDT": -420,
    "JST": 540, "KST": 540, "SGT": 480, "HKT": 480, "AEST": 600, "AEDT": 660, "IST": 330,
}
_MON = r"(?P<mon>[A-Za-zäéû]{3,9})\.?"
_TM = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
_TZP = r"(?:\s*(?P<tz>[A-Z]{1,4}|[+-]\d{2}:?\d{2}))?"
_DATETIMES = [
    lazy(rf"(?P<d>\d{{1,2}})\.?\s+{_MON}\s+(?P<y>\d{{4}}),?\s+(?:at\s+|um\s+|à\s+)?{_TM}{_TZP}"),
    lazy(rf"{_MON}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}),?\s+(?:at\s+)?{_TM}{_TZP}"),
    lazy(rf"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})[T ]{_TM}{_TZP}"),
    lazy(rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}),?\s+(?:um\s+)?{_TM}(?:\s*Uhr)?{_TZP}"),
]


def _parse_datetime(s: str) -> datetime | None:
    """A full date and time printed in ``s``, tz-aware (UTC when no zone is printed).

    >>> _parse_datetime("Quotes 10 Minutes Delayed. Updated at 15 Feb 2018 12:04")
    datetime.datetime(2018, 2, 15, 12, 4, tzinfo=datetime.timezone.utc)
    >>> _parse_datetime("At close: May 17, 2024 at 4:00PM EDT").isoformat()
    '2024-05-17T16:00:00-04:00'
    >>> _parse_datetime("At close: 4:35PM BST") is None
    True
    """
    for rx in _DATETIMES:
        m = rx.search(s)
        if not m:
            continue
        g = m.groupdict()
        try:
            if g.get("mon"):
                mon = _MONTHS.get(g["mon"][:4].lower()) or _MONTHS.get(g["mon"][:3].lower())
                if mon is None:
                    continue
            else:
                mon = int(g["m"])
            h = int(g["h"])
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and h < 12:
                h += 12
            elif ampm == "am" and h == 12:
                h = 0
            tzs = g.get("tz")
            if tzs and tzs[0] in "+-":
                sign = -1 if tzs[0] == "-" else 1
                digits = tzs[1:].replace(":", "")
                tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
            elif tzs and tzs in _TZ:
                tz = timezone(timedelta(minutes=_TZ[tzs]))
            else:
                tz = timezone.utc
            return datetime(int(g["y"]), mon, int(g["d"]), h, int(g["mi"]), int(g.get("s") or 0), tzinfo=tz)
        except (ValueError, OverflowError):
            continue
    return None


# --------------------------------------------------------------------------- entry point


def parse(text: str, *, strict: bool = False) -> ParsedPage:
    """Parse the text of one page.

    ``strict=True`` drops quotes that fail the arithmetic check (the warning stays).
    Never raises for a ``str``; anything else raises :class:`ParseError`.

    >>> parse("Hang Seng Index (HSI:IND)\\n27,653.12 -86.59 (-0.31%)").quotes[0].symbol
    'HSI:IND'
    >>> parse("Deutsche Märkte geschlossen").market_status
    'Deutsche Märkte geschlossen'
    >>> parse(b"bytes")
    Traceback (most recent call last):
    ...
    ticker.parse.ParseError: parse() needs str, got bytes
    """
    return _parse(text, strict, columns=False)[0]


def parse_for_store(text: str, *, strict: bool = False) -> tuple[ParsedPage, tuple[tuple, ...]]:
    """:func:`parse` in the form a store keeps: the page without its quotes (``quotes=()``),
    and the quotes as columns, :func:`quote_columns`. The same answer as ``parse``, cheaper: a
    strip read by the fast path never becomes Quotes and Decimals, its floats are those the
    arithmetic check computed (``float(Decimal(s)) == float(s)``: both round the exact value).

    >>> page, columns = parse_for_store("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n")
    >>> page.quotes, columns
    ((), (('Nikkei',), (None,), (40074.69,), (443.63,), (1.12,), (True,), (1,)))
    """
    return _parse(text, strict, columns=True)


def _parse(text: str, strict: bool, columns: bool) -> tuple[ParsedPage, tuple[tuple, ...] | None]:
    """The page, and (``columns``) its quotes as columns; never raises for a ``str``."""
    if not isinstance(text, str):
        raise ParseError(f"parse() needs str, got {type(text).__name__}")
    try:
        parser = _Parser(text, strict)
        return parser.run(columns=columns), parser.columns
    except Exception as exc:  # pragma: no cover - defensive: one odd page must not stop a run
        return ParsedPage(warnings=(f"internal parser error: {exc!r}",)), quote_columns(()) if columns else None


def quote_columns(quotes: tuple[Quote, ...] | list[Quote]) -> tuple[tuple, ...]:
    """Quotes as columns of plain values - (names, symbols, values, changes, change_pcts,
    consistent, lines), the numbers as floats - the form a store writes.

    >>> quote_columns(parse("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n").quotes)
    (('Nikkei',), (None,), (40074.69,), (443.63,), (1.12,), (True,), (1,))
    >>> quote_columns(())
    ((), (), (), (), (), (), ())
    """
    if not quotes:
        return ((),) * 7
    return tuple(zip(*[(q.name, q.symbol, float(q.value), float(q.change), float(q.change_pct), q.consistent, q.line)
                       for q in quotes]))


def _fast_quote(entry: tuple) -> Quote:
    """The Quote of a fast_strip entry: Quote(name, value, change, percent, line, None, True)."""
    name, v, c, pct, line = entry[:5]
    q = _QuoteSlots()  # see _QuoteSlots
    q.name = name
    q.value = Decimal(v)
    q.change = Decimal(c)
    q.change_pct = pct
    q.line = line
    q.symbol = None
    q.consistent = True
    q.__class__ = Quote
    return q
