"""Numbers as web pages print them, turned into exact :class:`~decimal.Decimal` values.

Quote strips write numbers in many ways: ``3,367.90`` (en), ``17.771,76`` (de),
``37 783,04`` (fr, with a plain, no-break or narrow no-break space), ``11’942.05`` (ch),
``1,23,456.78`` (Indian lakh grouping), with a unicode minus (``−0.0400``), an explicit plus
(``+1,930.52``), no leading zero (``.53``) or a currency sign (``$1.14``, ``₹76,957.98``,
``-$1,399.30``).

:func:`parse_number` reads one such number exactly as printed (trailing zeros kept):

>>> parse_number("3,367.90")
Decimal('3367.90')
>>> parse_number("17.771,76")
Decimal('17771.76')
>>> parse_number("−0.0400")
Decimal('-0.0400')

Only one shape is truly ambiguous: a single ``,`` or ``.`` followed by exactly three digits
(``1,234``: one thousand two hundred and thirty-four in English, one point two three four in
German). Without a hint it is read the English way; pass ``decimal_sep`` when the page (or the
arithmetic of the quote) says otherwise, and use :func:`decimal_candidates` to find out which
readings a number allows.

Stdlib only. Results are cached per printed text (bounded), so a page full of numbers costs a
few microseconds each.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .lazyre import LazyPattern

__all__ = ["parse_number", "read_number", "decimal_candidates", "MINUS_SIGNS"]

#: Characters accepted as a minus sign when they are attached to the digits.
MINUS_SIGNS = "-\u2212\u2013\u2012\ufe63\uff0d"
_MINUS_RX = re.escape(MINUS_SIGNS)
_CURRENCY_SIGNS = "$€£¥₹₩₽₺₪฿₫₦₱"
_GROUP_CHARS = ",.'\u2019\u02bc\u2018 \u00a0\u202f\u2009\u2007"
_DROP_GROUPS = str.maketrans("", "", _GROUP_CHARS)

# One match reads the whole printed number: parentheses, sign (before or after a currency
# prefix), the digits in one of the grouping shapes, percent sign, currency suffix.
_NUMBER = LazyPattern(
    r"\s*\(?\s*"
    rf"(?P<s1>[+{_MINUS_RX}])?\s?"
    rf"(?:(?:US\$|[A-Z]{{1,2}}\$|R\$|Rs\.?\s?|[{_CURRENCY_SIGNS}])\s?)?"
    rf"(?P<s2>[+{_MINUS_RX}])?"
    r"(?:"
    r"(?P<plain>\d+)(?:(?P<sep>[.,])(?P<frac>\d+))?"
    r"|(?P<grouped>\d{1,3}(?P<gc>[,.'\u2019\u02bc\u2018 \u00a0\u202f\u2009\u2007])\d{3}(?:(?P=gc)\d{3})*)"
    r"(?:(?P<gsep>[.,])(?P<gfrac>\d+))?"
    r"|(?P<lakh>\d{1,2}(?:,\d{2})+,\d{3})(?:\.(?P<lfrac>\d+))?"
    r"|(?P<lead>[.,])(?P<lfrac2>\d+)"
    r")"
    rf"\s?(?:[{_CURRENCY_SIGNS}])?\s?%?\s*\)?\s*"
)

_QUICK = LazyPattern(rf"([+{_MINUS_RX}]?)([1-9]\d{{0,2}}(?:,\d{{3}})+|\d+)(?:([.,])(\d+))?")
_BOTH = frozenset(".,")
_DOT = frozenset(".")
_COMMA = frozenset(",")
_NONE: frozenset[str] = frozenset()
_SEPSET = {".": _DOT, ",": _COMMA}
_OTHER = {".": _COMMA, ",": _DOT}

# text -> (sign, integer digits, {sep: fraction digits}) or None
_Info = tuple[str, dict[str, tuple[str, str]]]
_INFO: dict[str, _Info | None] = {}
_CACHE_MAX = 1 << 16
_MISSING: Any = object()


def _analyse(text: str) -> _Info | None:
    """Every valid reading of ``text``: sign and, per decimal separator, (int, fraction).

    >>> sign, readings = _analyse("1,234")
    >>> sign, sorted(readings.items())
    ('', [(',', ('1', '234')), ('.', ('1234', ''))])
    >>> _analyse("(-$1,399.30%)")
    ('-', {'.': ('1399', '30')})
    >>> _analyse("1,2,3") is None
    True
    """
    m = _QUICK.fullmatch(text)
    if m is not None:  # the common shapes, without the big pattern
        s, int_part, sep, frac = m.groups()
        sign = "-" if s and s != "+" else ""
        if "," in int_part:  # en grouping
            digits = int_part.replace(",", "")
            if sep == ".":
                return sign, {".": (digits, frac)}
            if sep is None:
                if int_part.count(",") == 1:  # 12,345: also 12.345 (de)
                    a, _, b = int_part.partition(",")
                    return sign, {".": (digits, ""), ",": (a, b)}
                return sign, {".": (digits, "")}
            return None
        if sep is None:
            return sign, {".": (int_part, ""), ",": (int_part, "")}
        if len(frac) == 3 and len(int_part) <= 3 and int_part[0] != "0":
            other = "," if sep == "." else "."
            return sign, {sep: (int_part, frac), other: (int_part + frac, "")}
        return sign, {sep: (int_part, frac)}
    m = _NUMBER.fullmatch(text)
    if m is None:
        return None
    s1, s2 = m.group("s1"), m.group("s2")
    if s1 and s2:
        return None
    sign = "-" if (s1 or s2 or "+") in MINUS_SIGNS else ""
    plain = m.group("plain")
    if plain is not None:
        sep = m.group("sep")
        if sep is None:
            return sign, {".": (plain, ""), ",": (plain, "")}
        frac = m.group("frac")
        if len(frac) == 3 and len(plain) <= 3 and plain[0] != "0":  # 1,234 / 1.234
            other = "," if sep == "." else "."
            return sign, {sep: (plain, frac), other: (plain + frac, "")}
        return sign, {sep: (plain, frac)}
    grouped = m.group("grouped")
    if grouped is not None:
        gc, gsep = m.group("gc"), m.group("gsep")
        digits = grouped.translate(_DROP_GROUPS)
        if gsep is None:
            if gc in ".,":
                return sign, {("," if gc == "." else "."): (digits, "")}
            return sign, {".": (digits, ""), ",": (digits, "")}
        if gsep == gc:
            return None
        return sign, {gsep: (digits, m.group("gfrac"))}
    lakh = m.group("lakh")
    if lakh is not None:
        return sign, {".": (lakh.replace(",", ""), m.group("lfrac") or "")}
    return sign, {m.group("lead"): ("0", m.group("lfrac2"))}


def _info(text: str) -> _Info | None:
    info = _INFO.get(text, _MISSING)  # (not try/except: a new number's KeyError costs more than get)
    if info is not _MISSING:
        return info
    info = _analyse(text) if isinstance(text, str) else None
    if len(_INFO) >= _CACHE_MAX:
        _INFO.clear()
    _INFO[text] = info
    return info


def decimal_candidates(text: str) -> frozenset[str]:
    """The decimal separators under which ``text`` is a well-formed number.

    >>> sorted(decimal_candidates("1,234"))      # 1234 (en) or 1.234 (de)
    [',', '.']
    >>> sorted(decimal_candidates("1,0629"))     # only a decimal comma fits
    [',']
    >>> sorted(decimal_candidates("3,367.90"))
    ['.']
    >>> sorted(decimal_candidates("37 783,04"))
    [',']
    >>> sorted(decimal_candidates("0.123"))      # a leading zero is never grouped
    ['.']
    >>> sorted(decimal_candidates("N/A"))
    []
    """
    got = _READ.get(text)
    return (got if got is not None else _read(text))[0]


def reading(text: str, decimal_sep: str) -> tuple[Decimal, float, float] | None:
    """``text`` read under ``decimal_sep`` (``"."`` or ``","``): its exact value, that value
    as a float, and one unit in its last printed digit (the arithmetic check's inputs); None
    when that separator gives no number.

    >>> reading("1,234", ","), reading("3,367.90", ","), reading("-0.0400", ".")
    ((Decimal('1.234'), 1.234, 0.001), None, (Decimal('-0.0400'), -0.04, 0.0001))
    """
    got = _READ.get(text)
    if got is None:
        got = _read(text)
    return got[1] if decimal_sep == "." else got[2]


# text -> (decimal_candidates(text), reading(text, "."), reading(text, ",")), made together when
# the text is first asked about: a candidate's numbers are asked both, three times each (bounded)
_Reading = tuple[Decimal, float, float]
_READ: dict[str, tuple[frozenset[str], _Reading | None, _Reading | None]] = {}
_UNREAD: tuple[frozenset[str], None, None] = (_NONE, None, None)
_ULP = [10.0 ** -k for k in range(12)]


def _read(text: str) -> tuple[frozenset[str], _Reading | None, _Reading | None]:
    m = _QUICK.fullmatch(text) if isinstance(text, str) else None
    if m is not None:
        s, int_part, sep, frac = m.groups()
        # the commonest shapes read straight, as _analyse reads them: a decimal point after en
        # grouping ("3,367.90") or after plain digits, when the point cannot be a group's
        # ("43.38", "4.4449"; not "1.234")
        if sep == "." and ("," in int_part or len(frac) != 3 or len(int_part) > 3 or int_part[0] == "0"):
            # (_exact, inline: a new number's call costs a tenth of its reading)
            plain = f"{'-' if s and s != '+' else ''}{int_part.replace(',', '')}.{frac}"
            n = len(frac)
            got: tuple[frozenset[str], _Reading | None, _Reading | None] = (
                _DOT, (Decimal(plain), float(plain), _ULP[n] if n < 12 else 10.0 ** -n), None)
            if len(_READ) >= _CACHE_MAX:
                _READ.clear()
            _READ[text] = got
            return got
    info = _analyse(text) if isinstance(text, str) else None
    if info is None:
        got = _UNREAD
    else:
        sign, readings = info
        dot, comma = readings.get("."), readings.get(",")
        got = (_BOTH if dot is not None and comma is not None else _DOT if comma is None else _COMMA,
               None if dot is None else _exact(sign, *dot), None if comma is None else _exact(sign, *comma))
    if len(_READ) >= _CACHE_MAX:
        _READ.clear()
    _READ[text] = got
    return got


def _exact(sign: str, int_part: str, frac: str) -> _Reading:
    # (the float of the plain string, not of the Decimal: the same float, and float(Decimal)
    # goes through a string of its own)
    plain = f"{sign}{int_part}.{frac}" if frac else f"{sign}{int_part}"
    n = len(frac)
    return Decimal(plain), float(plain), _ULP[n] if n < 12 else 10.0 ** -n


def read_number(text: str, decimal_sep: str | None = None) -> tuple[Decimal, int] | None:
    """Like :func:`parse_number`, with the count of printed decimals alongside.

    >>> read_number("-0.0400")
    (Decimal('-0.0400'), 4)
    >>> read_number("1.234", ",")
    (Decimal('1234'), 0)
    """
    r = plain_number(text, decimal_sep)
    if r is None:
        return None
    try:
        return Decimal(r[0]), r[1]
    except InvalidOperation:  # pragma: no cover - the shapes above are all valid
        return None


def plain_number(text: str, decimal_sep: str | None = None) -> tuple[str, int] | None:
    """The number ``text`` prints, in plain digits with a point and its sign, and the count of
    printed decimals (:func:`read_number` before it becomes a ``Decimal``; ``float`` of the
    string is the float of that ``Decimal``: both round the same exact value).

    >>> plain_number("-1,930.5"), plain_number("1.234", ","), plain_number("N/A")
    (('-1930.5', 1), ('1234', 0), None)
    """
    info = _info(text)
    if info is None:
        return None
    sign, readings = info
    reading: tuple[str, str] | None
    if decimal_sep is None:
        reading = readings.get(".") or readings[","]
    else:
        reading = readings.get(decimal_sep)
        if reading is None:
            return None
    int_part, frac = reading
    return (f"{sign}{int_part}.{frac}" if frac else f"{sign}{int_part}"), len(frac)


def parse_number(text: str, *, decimal_sep: str | None = None) -> Decimal | None:
    """Read one printed number exactly; ``None`` when ``text`` is not a number.

    ``decimal_sep`` is ``"."`` or ``","``; ``None`` infers it, reading the one ambiguous
    shape (``1,234`` / ``1.234``) the English way.

    >>> parse_number("3,367.90")
    Decimal('3367.90')
    >>> parse_number("37\\u202f783,04")
    Decimal('37783.04')
    >>> parse_number("11’942.05")
    Decimal('11942.05')
    >>> parse_number("+1,930.52")
    Decimal('1930.52')
    >>> parse_number("(.53%)")
    Decimal('0.53')
    >>> parse_number("₹76,957.98"), parse_number("₹1,23,456.78")
    (Decimal('76957.98'), Decimal('123456.78'))
    >>> parse_number("-$1,399.30")
    Decimal('-1399.30')
    >>> parse_number("1,0629")
    Decimal('1.0629')
    >>> parse_number("1,234"), parse_number("1,234", decimal_sep=",")
    (Decimal('1234'), Decimal('1.234'))
    >>> parse_number("17.771,76", decimal_sep=".") is None
    True
    >>> parse_number("--") is None, parse_number("1.2.3,4,5") is None
    (True, True)
    """
    r = read_number(text, decimal_sep)
    return None if r is None else r[0]
