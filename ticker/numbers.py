"""Numbers as web pages print them, turned into exact :class:`~decimal.Decimal` values.

Quote strips write numbers in many ways: ``3,367.90`` (en), ``17.771,76`` (de),
``37 783,04`` (fr, with a plain, no-break or narrow no-break space), ``11’942.05`` (ch),
with a unicode minus (``−0.0400``), an explicit plus (``+1,930.52``), no leading zero
(``.53``) or a currency sign (``$1.14``, ``₹76,957.98``, ``-$1,399.30``).

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

Stdlib only.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["parse_number", "decimal_candidates", "count_decimals", "MINUS_SIGNS"]

#: Characters accepted as a minus sign when they are attached to the digits.
MINUS_SIGNS = "-\u2212\u2013\u2012\ufe63\uff0d"
_SIGNS = "+" + MINUS_SIGNS
#: Grouping characters that can never be a decimal separator.
_SPACE_GROUPS = " \u00a0\u202f\u2009\u2007"
_APOS_GROUPS = "'\u2019\u02bc\u2018"

_CURRENCY = re.compile(
    r"^(?:US\$|[A-Z]{1,2}\$|R\$|Rs\.?\s?|[$€£¥₹₩₽₺₪฿₫₦₱])|(?:[$€£¥₹₩₽₺₪฿₫₦₱])$"
)
_ONLY_DIGITS = re.compile(r"\d+")
_BODY = re.compile(r"[\d.,'\u2019\u02bc\u2018 \u00a0\u202f\u2009\u2007]*\d[\d.,'\u2019\u02bc\u2018 \u00a0\u202f\u2009\u2007]*|[.,]\d+")
_GROUPED = {g: re.compile(r"\d{1,3}(?:%s\d{3})+" % re.escape(g)) for g in ".," + _SPACE_GROUPS + _APOS_GROUPS}

_DECIMAL_CACHE: dict[str, frozenset[str]] = {}
_BOTH = frozenset(".,")
_DOT = frozenset(".")
_COMMA = frozenset(",")
_NONE: frozenset[str] = frozenset()


def _split(text: str) -> tuple[str, str] | None:
    """Split a printed number into (sign, body) with parens, percent, currency removed.

    >>> _split(" (-$1,399.30) ")
    ('-', '1,399.30')
    >>> _split("+0,41 %")
    ('', '0,41')
    >>> _split("abc") is None
    True
    """
    s = text.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    sign = ""
    for _ in range(2):  # sign and currency in either order: -$1.00, $-1.00
        if s and s[0] in _SIGNS:
            if sign:
                return None
            sign = "-" if s[0] in MINUS_SIGNS else "+"
            s = s[1:].lstrip()
        m = _CURRENCY.search(s)
        if m:
            s = (s[: m.start()] + s[m.end():]).strip()
    if not s or not _BODY.fullmatch(s):
        return None
    return ("-" if sign == "-" else ""), s


def _classify(body: str) -> frozenset[str]:
    """Which decimal separators ('.' or ',') give a valid reading of ``body``.

    An empty set means the body is not a well-formed number; for bodies without any
    separator both readings are valid.
    """
    if _ONLY_DIGITS.fullmatch(body):
        return _BOTH
    hit = _DECIMAL_CACHE.get(body)
    if hit is not None:
        return hit
    result = _classify_slow(body)
    if len(_DECIMAL_CACHE) < 4096:
        _DECIMAL_CACHE[body] = result
    return result


def _valid_int(int_part: str) -> bool:
    """A well-formed integer part: plain digits, or 1-3 digits then groups of three."""
    if _ONLY_DIGITS.fullmatch(int_part):
        return True
    for g, rx in _GROUPED.items():
        if g in int_part:
            return bool(rx.fullmatch(int_part))
    return False


def _classify_slow(body: str) -> frozenset[str]:
    dots, commas = body.count("."), body.count(",")
    if body[0] in ".,":  # ".53": the separator can only be a decimal point
        if dots + commas != 1:
            return _NONE
        return _DOT if body[0] == "." else _COMMA
    spaced = any(c in body for c in _SPACE_GROUPS + _APOS_GROUPS)
    if dots and commas:
        last = "." if body.rfind(".") > body.rfind(",") else ","
        other = "," if last == "." else "."
        int_part, _, frac = body.rpartition(last)
        if spaced or body.count(last) != 1 or not frac.isdigit():
            return _NONE
        return (_DOT if last == "." else _COMMA) if _valid_int(int_part) and other in int_part else _NONE
    if not dots and not commas:
        return _BOTH if _valid_int(body) else _NONE
    sep = "." if dots else ","
    n = dots or commas
    if n > 1:  # 1.234.567 / 1,234,567: a grouped integer
        if spaced:
            return _NONE
        return (_COMMA if sep == "." else _DOT) if _valid_int(body) else _NONE
    int_part, _, frac = body.partition(sep)
    if not frac.isdigit() or not int_part:
        return _NONE
    as_decimal = _valid_int(int_part)
    as_group = (
        not spaced
        and len(frac) == 3
        and 1 <= len(int_part) <= 3
        and int_part.isdigit()
        and int_part[0] != "0"
    )
    if as_decimal and as_group:
        return _BOTH
    if as_decimal:
        return _DOT if sep == "." else _COMMA
    if as_group:
        return _COMMA if sep == "." else _DOT
    return _NONE


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
    parts = _split(text)
    if parts is None:
        return _NONE
    return _classify(parts[1])


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
    >>> parse_number("₹76,957.98")
    Decimal('76957.98')
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
    if not isinstance(text, str):
        return None
    parts = _split(text)
    if parts is None:
        return None
    sign, body = parts
    allowed = _classify(body)
    if not allowed:
        return None
    if decimal_sep is None:
        sep = "." if "." in allowed else ","
    elif decimal_sep in allowed:
        sep = decimal_sep
    else:
        return None
    int_part, _, frac = body.partition(sep) if body.count(sep) == 1 else (body, "", "")
    digits = "".join(c for c in int_part if c.isdigit())
    try:
        return Decimal(f"{sign}{digits or '0'}.{frac}" if frac else f"{sign}{digits}")
    except InvalidOperation:  # pragma: no cover - the shapes above are all valid
        return None


def count_decimals(text: str, decimal_sep: str) -> int:
    """How many digits ``text`` prints after its decimal separator.

    >>> count_decimals("4.4390", "."), count_decimals("1.234", ","), count_decimals("17,5 %", ",")
    (4, 0, 1)
    """
    s = text.strip().rstrip(")").rstrip().rstrip("%").rstrip()
    i = s.rfind(decimal_sep)
    if i < 0 or s.count(decimal_sep) != 1:
        return 0
    return len(s) - i - 1
