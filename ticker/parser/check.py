"""Stage 3: the arithmetic check, and numbers read under one decimal separator."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .numbers import decimal_candidates, read_number


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


# per decimal separator: printed number -> its reading (a dict keyed by the string alone: no
# tuple to make and hash per look-up)
_NUMS: dict[str, dict[str, tuple[Decimal, float, float] | None]] = {".": {}, ",": {}}
_MISSING: Any = object()


def _num(raw: str, sep: str) -> tuple[Decimal, float, float] | None:
    """(exact value, float value, one unit in the last printed digit) of a printed number."""
    cache = _NUMS[sep]
    out = cache.get(raw, _MISSING)  # (not try/except: a new number's KeyError costs more than get)
    if out is not _MISSING:
        return out
    r = read_number(raw, sep)
    out = None if r is None else (r[0], float(r[0]), _ULP[r[1]] if r[1] < 12 else 10.0 ** -r[1])
    if len(cache) > 25000:
        cache.clear()
    cache[raw] = out
    return out


_ULP = [10.0 ** -k for k in range(12)]




def fields_pass(v: str, c: str, p: str, down: bool = False) -> bool:
    """Do three printed numbers pass the arithmetic under a decimal separator all three allow?
    ``down``: a down arrow or word is the minus of the unsigned change and percent. The
    evidence that a number printed without ``%`` is the percent (its label or column says so).

    >>> fields_pass("24.512,30", "+112,40", "+0,46"), fields_pass("21.281,93", "164.05", "0.78")
    (True, False)
    """
    for sep in decimal_candidates(v) & decimal_candidates(c) & decimal_candidates(p):
        nv, nc, np_ = _num(v, sep), _num(c, sep), _num(p, sep)
        if nv is None or nc is None or np_ is None:
            continue
        fc, fp = nc[1], np_[1]
        if down:
            fc = -fc if c[:1] not in "+-\u2212\u2013" else fc
            fp = -fp if p[:1] not in "+-\u2212\u2013" else fp
        elif (c[:1] not in "+-\u2212\u2013" and p[:1] in "-\u2212\u2013"
              and _consistent(nv[1], -fc, fp, nv[2], nc[2], np_[2])):
            return True  # an unsigned change takes the percent's minus
        elif (p[:1] not in "+-\u2212\u2013" and c[:1] in "-\u2212\u2013"
              and _consistent(nv[1], fc, -fp, nv[2], nc[2], np_[2])):
            return True  # and an unsigned percent the change's
        if _consistent(nv[1], fc, fp, nv[2], nc[2], np_[2]):
            return True
    return False
