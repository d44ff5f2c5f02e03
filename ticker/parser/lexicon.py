"""Patterns over the language words of :mod:`ticker.parser.words`: status lines, labels, noise."""
from __future__ import annotations

import re

from .lazyre import LazyPattern
from .lines import _UNIT, CJK
from .words import merged

# --------------------------------------------------------------------------- lines

def _alt(category: str) -> str:
    """The entries of one words category as a regex alternation, longest first."""
    return "|".join(sorted(merged(category), key=len, reverse=True))


_STATUS = LazyPattern(
    # a one-word status after its date (perhaps with its clock time), perhaps "as of" it, in
    # parentheses ("12.02 장마감", "12.02 15:30 장마감", "2026.12.02 기준(장마감)"), or after its
    # place and market word ("香港市場已收市")
    rf"(?:(?:\d{{4}}[./-])?\d{{1,2}}[./-]\d{{1,2}}\.?(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*"
    rf"(?:(?:{_alt('as_of')})\s*)?\(?)?(?:{_alt('status_words')})\)?|"
    rf"[^\W\d_]{{0,6}}?(?:{_alt('markets_glued')})(?:{_alt('status_words')})|"
    # a state and the date it is of, after a dot or bar ("Geschlossen·02/12", "Closed | 12/02/26")
    rf"(?:{_alt('states')})\s*[·•|]\s*(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}})?)"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?|"
    r"(?:[\w.’'&/()\-]+\s+){0,4}?"
    rf"(?:{_alt('markets')})"
    r"(?:\s+[\w.’'&/()\-]+){0,4}?\s+"
    rf"(?:{_alt('states')}"
    rf"|(?:{_alt('countdown')})\s+(?:\d+\s*[^\W\d_]+\.?\s*){{1,3}})\s*",
    re.I,
)
# status lines are looked for near the top of a page by str.find of these keys: a market word's
# letters from the second on (so "Markets", "markets" and "MARKETS" are all found), lower and upper
_STATUS_KEYS = tuple(sorted({k for w in merged("markets") for base in [re.sub(r"[?()]|\(\?:[^)]*\)", "", re.split(r"[(?\[]", w)[0])]
                             for k in (base[1:5].lower(), base[1:5].upper()) if len(base) > 3}))
_STATUS_KEYS += tuple(merged("status_words"))  # one-word statuses have no case: the word itself
# a whole name that is the session of an extended-hours quote ("After-Hours", "Pre-Market")
# a footer's link to a page of the site ("About Privacy Terms", "About Us"): no subject
_SITE_PAGE = LazyPattern(rf"(?i)(?:{_alt('site_pages')})(?![^\W\d_])")
_SESSION_NAME = LazyPattern(rf"(?i)(?:{_alt('at_close')})")
# a line of numbers ending in an extended-hours session's word ("-$0.58 (-0.32%) After-hours")
_SESSION_TAIL = LazyPattern(rf"(?i)(?<![^\W\d_])(?:{_alt('sessions')})\W*$")
# ... or a line that starts with it, under the session's numbers ("After-hours: Dec 2, 7:59 PM EST")
_SESSION_HEAD = LazyPattern(rf"(?i)[\W]*(?:{_alt('sessions')})(?![^\W\d_])")
# (the label then a colon, a space, or a dash or bar: "Last | 4:00 PM EST", Hebrew "נכון ל- 29/11/2024")
_AT_CLOSE = LazyPattern(rf"(?:{_alt('at_close')})\b[:\s|\-–].{{0,80}}", re.I)
_NOISE_START = LazyPattern(
    rf"(?:(?:{_alt('noise_start')})\b|(?:{_alt('noise_line')})$|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d)",
    re.I,
)
_NOISE_PARTS = tuple(merged("noise_parts"))
_LINKS = LazyPattern(rf"(?i)(?:{_alt('links')})\b")
_CLOCK = LazyPattern(r"\d{1,2}:\d{2}")

_SYMBOL = LazyPattern(r"[\^$.]?[A-Z0-9][A-Z0-9.\-=:^/&]{0,14}")
_SYMBOL_EXCHANGE = LazyPattern(r"([.^$]?[A-Z0-9][A-Z0-9.\-=^]{0,14}):[ ]?[A-Z][\w .&'()-]{2,40}")
_SYM_DASH_NAME = LazyPattern(r"([\^$]?[A-Z0-9][A-Z0-9.\-=:^]{0,14})\s+[-–—:]\s+(\S.*)")
_NAME_PAREN_SYM = LazyPattern(r"(\S.*?)\s*\(([\^$]?[A-Z0-9][A-Z0-9.\-=:^/]{0,14})\)")
_LETTER = LazyPattern(r"[^\W\d_]")
_STOPWORDS = frozenset(merged("stopwords"))
_LABELS = LazyPattern(rf"(?i)^(?:{_alt('labels')}|{_alt('statistic_labels')})\b")
_STATISTIC_LABEL = LazyPattern(rf"(?i)(?:{_alt('statistic_labels')})[\s:]*")
_UNIT_LINE = LazyPattern(rf"(?i){_UNIT}|{_alt('unit_lines')}")
_DECIMAL_IN_NAME = re.compile(r"\d[.,]\d")
# a row named by a period is a line of a financial table ("Q1 2024 | 94.8 | +5.1 | +5.7% |")
_PERIOD = LazyPattern(r"(?i)(?:[QH][1-4]|FY|CY|[1-4]Q)\s*'?\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
               r"[a-z]*\.?\s*'?\d{2,4}|(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?")
_TABLE_HEAD = LazyPattern(r"(?i)^.*\b(?:chg|change|veränderung|var\.?|variation)\s*%\s*")
# a line with a clock time and one of these words may carry the page's own time
_TIME_WORDS = tuple(merged("time_words"))
# a row named by a return period is a line of a performance table, not a quote
_RETURN_PERIOD = LazyPattern(rf"(?i)(?:{_alt('periods')})(?:\s+(?:change|return|performance))?")
_MONTHS: dict[str, int] = merged("months")


# a change's column with a percent sign before or after it is the percent's, in every language
# that names the change in words ("Fark %", "%Fark", "Veränderung (%)"; not "+/- %", two columns)
_COL_PCT = "|".join(sorted({*merged("col_pct")} | {f for e in merged("col_change") if e[:1].isalpha() for f in
                                                   (rf"{e}\s*\(?%\)?", rf"\(?%\)?\s*{e}")}, key=len, reverse=True))
_COLUMN = LazyPattern(
    r"(?i)(?<!\w)(?:"
    rf"(?P<p>{_COL_PCT})"
    rf"|(?P<n>{_alt('col_other')})"
    rf"|(?P<c>{_alt('col_change')})"
    rf"|(?P<v>{_alt('col_value')})"
    r")(?!\w)"
)

# a table's column of codes ("Code", "Symbol", "代码")
_COL_CODE = LazyPattern(rf"(?i)(?:{_alt('col_code')})")
# a table's first column numbering its rows ("#", "序号")
_ROW_NUMBER_COL = LazyPattern(rf"(?i)(?:{_alt('col_rank')})")

# the label of one field in a block of labelled fields ("Change Today: -3.38", "% Change -0.02 %")
_FIELD_LABELS = [(role, LazyPattern(rf"(?i)(?:{_alt(cat)})")) for role, cat in
                 (("p", "field_pct"), ("c", "field_change"), ("v", "field_value"))]


def field_role(label: str) -> str | None:
    """``v``, ``c`` or ``p`` when ``label`` names a quote's value, change or percent.

    >>> field_role("Change Today:"), field_role("% Change"), field_role("Value"), field_role("High")
    ('c', 'p', 'v', None)
    >>> field_role("Veränderung %"), field_role("Change (%)"), field_role("High %")
    ('p', 'p', None)
    """
    label = label.strip(" \t:|\u00a0").rstrip(" :|")
    for role, rx in _FIELD_LABELS:
        if rx.fullmatch(label):
            return role
    # a change's label with a percent sign before or after it names the percent, in any
    # language that names the change ("Veränderung %", "升跌(%)", "% Var.", "Variação (%)")
    m = _UNIT_MARK.fullmatch(label) or _UNIT_AFTER.fullmatch(label)
    if m is not None:  # "Var. (pts)", "Variação (R$)", "Price (GBX)", "Var. pt", "+/- SEK": a label and its unit
        for role, rx in _FIELD_LABELS[1:]:
            if rx.fullmatch(m.group(1)):
                return role
    m = _PCT_MARK.fullmatch(label)
    if m is not None:
        rest = m.group("a") or m.group("b") or ""
        if rest and _FIELD_LABELS[1][1].fullmatch(rest.strip(" \t\u00a0:")):
            return "p"
    return None


_PREV_CLOSE = LazyPattern(rf"(?i)(?:{_alt('field_prev')})")


def prev_close_label(label: str) -> bool:
    """``label`` names the previous close ("Prev. close", "Clôture veille", "Vortag").

    >>> prev_close_label("Previous Close:"), prev_close_label("Close")
    (True, False)
    """
    return _PREV_CLOSE.fullmatch(label.strip(" \t:|\u00a0")) is not None


_UNIT_AFTER = LazyPattern(rf"(.+?)\s+(?:{_alt('units')}|[$€£¥₹])\.?", re.I)
_UNIT_MARK = LazyPattern(r"(.+?)\s*\([^\W\d_]{0,5}[.'’$€£¥₹]?\)", re.I)  # ("(pts)", "(R$)", "(נק')")
_PCT_MARK = LazyPattern(r"[(\[]?%[)\]]?[\s:]*(?P<a>[^%]+)|(?P<b>[^%]+?)[\s:]*(?:in\s+)?[(\[]?%[)\]]?")


# a heading naming the page's subject: "News for Dow Jones", "Dow Jones Chart"
_SUBJECT = LazyPattern(
    rf"(?i)(?:(?:{_alt('subject_before')})\s+(?P<a>\S.{{0,50}}?)|(?P<b>\S.{{0,50}}?)\s+(?:{_alt('subject_after')}))"
)
# a line naming only the exchange ("Xetra", "Nasdaq Global Select Market"), or the instrument's kind,
# a section or a disclaimer ("Index", "Disclaimer"): between a name and its numbers, never the name
_EXCHANGE_LINE = LazyPattern(rf"(?i)(?:{_alt('exchanges')})")
# a stock's number code with its exchange ("068270 코스피", "7203 TSE", "NSE: 500209")
# (a six-digit code and one word: "005930 코스피", the market's name that is also its index's)
_CODE_EXCHANGE = LazyPattern(rf"(?i)\d{{4,8}}\s+(?:{_alt('exchanges')})|(?:{_alt('exchanges')}):?\s+\d{{4,8}}"
                            r"|\d{6}\s+[^\W\d_]{2,6}")
_NAME_LABEL = LazyPattern(rf"(?i)(?:{_alt('name_labels')})[.:]?")
# an ISIN ("CH0009980894"), and a line of identifiers between pipes ("NESN | CH0038863350 | SIX",
# "BSE: 500290 | NSE: MRF"): every cell a code or "label: value"
_ISIN = LazyPattern(r"[A-Z]{2}[A-Z0-9]{9}\d")
_ID_LABEL = LazyPattern(rf"(?i)(?:{_alt('id_labels')}):?")
# a line of identifiers: "ISIN: DE0008469008 | WKN 846900", "Symbol: DAX | Börse:"
ID_LABEL_THEN_CODE = rf"(?i:{_alt('id_labels')})(?::|\s+[A-Z0-9]{{4,}}\b)"
_ID_LINE = LazyPattern(rf"(?i){ID_LABEL_THEN_CODE}")
# a bid's or ask's label before its number, between a quote's value and its change ("Bid 6,111.50")
_BID_ASK = LazyPattern(rf"(?i)[ \t\u00a0|]*(?:{_alt('bid_ask')})[ \t\u00a0]*:?[ \t\u00a0]*")
_DIRECTION = LazyPattern(rf"(?i)[ \t\u00a0]*(?:(?P<down>{_alt('direction_down')})|(?P<up>{_alt('direction_up')}))[ \t\u00a0]*")
# the letters a line holding only a direction word starts with (each entry starts with a letter)
_DIRECTION_FIRST = frozenset(c for w in (*merged("direction_down"), *merged("direction_up")) for c in (w[0], w[0].upper()))
# a market status glued to the name after it ("U.S. markets closedS&P 500", "UK markets close in
# 3h 32mFTSE 100"): the units of a countdown are a letter and lower-case letters
# (a country's code may stand between the market word and its state, "Mercados BR fechados"; a
# CJK market word has its one-word status glued, "香港市場已收市恒生指數")
_GLUED_STATUS = LazyPattern(
    rf"(?i:{_alt('markets')})\s+(?:[A-Z]{{2,3}}\s+)?(?:(?i:{_alt('states')})|[^\W\d_]+\s+(?i:{_alt('countdown')})"
    r"(?:\s*\d+\s*[^\W\d_][a-zäöüßéèàç]*\.?)+?)(?=[A-Z0-9^$&])"
    rf"|(?:{_alt('markets_glued')})(?:{_alt('status_words')})(?=[{CJK}A-Z0-9])"
)
