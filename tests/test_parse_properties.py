"""Property tests for ticker.parse: render random strips, parse them back.

* Round trip: random quotes (names, magnitudes, 0-6 decimals, signs) rendered in a random
  number format (en/de/fr/ch), layout (Yahoo bullets, code bullets, name line, rows, markdown,
  tapes) and line ending come back exactly, in order.
* Robustness: arbitrary text and mutated strips never raise, and a quote that fails the
  arithmetic check always comes with a warning naming it.
* The fast path for Yahoo bullet strips gives exactly what the general path gives, on all of
  the above.
"""
from __future__ import annotations

import dataclasses
import os
from decimal import ROUND_HALF_EVEN, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticker.parser import check_arithmetic, parse, parse_for_store, quote_columns
from ticker.parser.compose import PageParser as _Parser
from ticker.parser.numbers import parse_number

# TICKER_HYPOTHESIS_EXAMPLES=5000 for a longer hunt; 200 keeps the suite fast
SETTINGS = settings(max_examples=int(os.environ.get("TICKER_HYPOTHESIS_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

NAMES = [
    "Straits Times Index", "S&P 500", "Dow", "Dow Jones 30", "Nasdaq", "Bitcoin USD", "BTC-AUD",
    "CMC Crypto 200", "FTSE 100", "Gold", "Crude Oil", "10-Yr Bond", "Nikkei 225", "Hang Seng",
    "NIKKEI 225", "GOLD FUTURES", "CRUDE OIL", "Öl (Brent)", "EUR/USD", "GBP/USD", "S&P/TSX",
    "Euro Stoxx 50", "DAX", "MDAX", "CAC 40", "Russell 2000", "Jakarta Composite Index",
    "FTSE Bursa Malaysia", "Bitcoin EUR", "AUD/NZD", "VOLATILITY", "ALL ORDS",
]
FORMATS = ["en", "de", "fr", "ch"]
LAYOUTS = ["yahoo", "code", "heading", "row", "markdown", "tape"]
INLINE = {"row", "markdown", "tape"}


def group(int_digits: str, sep: str) -> str:
    out = []
    while len(int_digits) > 3:
        out.append(int_digits[-3:])
        int_digits = int_digits[:-3]
    out.append(int_digits)
    return sep.join(reversed(out))


def render(d: Decimal, fmt: str, sign: str, space: str) -> str:
    """Print a Decimal the way a page in ``fmt`` would."""
    neg = d < 0 or (d == 0 and d.is_signed())
    text = format(abs(d), "f")
    i, _, f = text.partition(".")
    gsep, dsep = {"en": (",", "."), "de": (".", ","), "fr": (space, ","), "ch": ("’", ".")}[fmt]
    body = group(i, gsep) + (dsep + f if f else "")
    if neg:
        return sign + body
    return ("+" if sign else "") + body


@st.composite
def quotes(draw):
    decimals = draw(st.integers(0, 6))
    magnitude = draw(st.integers(-1, 5))
    unit = Decimal(1).scaleb(-decimals)
    prev = Decimal(draw(st.integers(1000, 9999))).scaleb(magnitude - 3)
    prev = max(prev.quantize(unit, rounding=ROUND_HALF_EVEN), unit)
    ratio = Decimal(draw(st.integers(-20000, 20000))) / Decimal(100000)
    change = (prev * ratio).quantize(unit, rounding=ROUND_HALF_EVEN)
    value = prev + change
    pct = (100 * change / prev).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    name = draw(st.sampled_from(NAMES))
    return name, value, change, pct


@st.composite
def pages(draw):
    fmt = draw(st.sampled_from(FORMATS))
    layout = draw(st.sampled_from(LAYOUTS))
    qs = draw(st.lists(quotes(), min_size=1, max_size=8))
    if layout not in ("yahoo", "code"):
        # Outside bullet strips, an entry repeating the numbers of another whose name holds or is
        # held by its own ("STI" above "STI Straits Times Index") is one quote printed twice.
        seen: set[tuple[Decimal, Decimal, Decimal]] = set()
        qs = [q for q in qs if not (q[1:] in seen or seen.add(q[1:]))]
    if layout in INLINE and fmt in ("fr", "de"):
        # A comma-decimal row "Nikkei 225 885,54 0,00 (0,00 %)" is ambiguous (is "225" part of the
        # name or of a space-grouped number?) when the percent is 0,00: the arithmetic passes
        # either way (xfails in test_parse), and so it does at 0,01 % (the percent may be off by
        # one unit in its last digit: "S&P 500 100,01 0,01 (0,01%)" is also "S&P" at 500 100,01,
        # rightly flagged). fr rows print decimals ("Index 1 000" is ambiguous).
        qs = [q for q in qs if not (q[0][-1].isdigit() and fmt == "fr") and abs(q[3]) > Decimal("0.01")
              and (fmt == "de" or q[1].as_tuple().exponent < 0)]
        qs = qs or [("Gold", Decimal("2332.90"), Decimal("-6.00"), Decimal("-0.26"))]
    minus = draw(st.sampled_from(["-", "\u2212"]))
    space = draw(st.sampled_from([" ", "\u00a0", "\u202f"]))
    bullet = draw(st.sampled_from(["•", "*", "-", "·"]))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    signed = draw(st.booleans())
    pct_space = draw(st.sampled_from(["", " "])) if fmt in ("de", "fr") else ""
    status = draw(st.sampled_from([None, "UK markets closed", "Deutsche Märkte geschlossen",
                                   "La bourse est fermée", "US markets open in 2 hours 5 minutes"]))
    lines = ["Advertisement"] if status and draw(st.booleans()) else []
    if status:
        lines.append(status)
    tape = []
    for name, value, change, pct in qs:
        v = render(value, fmt, "", space)
        c = render(change, fmt, minus if signed or change < 0 else "", space)
        if not signed and change >= 0:
            c = c.lstrip("+")
        p = render(pct, fmt, minus if signed or pct < 0 else "", space)
        if not signed and pct >= 0:
            p = p.lstrip("+")
        if layout == "yahoo":
            lines += [f"  {bullet} {name}", "", f"    {v}", f"    {c} ({p}{pct_space}%)", "    \u00a0"]
        elif layout == "code":
            lines += [f"  {bullet} {name}", f"    {v}", f"    {c} ({p}{pct_space}%)", "     "]
        elif layout == "heading":
            lines += [name, v, f"{c} ({p}{pct_space}%)", ""]
        elif layout == "row":
            lines.append(f"{name} {v} {c} ({p}{pct_space}%)")
        elif layout == "markdown":
            lines.append(f"{name} | {v} | {c} ({p}{pct_space}%) |")
        else:
            tape.append(f"{name} : {v} {c}({p}{pct_space}%)")
    if tape:
        lines.append(" , ".join(tape) + " ,")
    lines += ["", "Markets were quiet today as traders waited for the central bank."]
    want = [(" ".join(n.split()), v, c, p) for n, v, c, p in qs]
    return eol.join(lines), want, status


@SETTINGS
@given(pages())
def test_rendered_strips_parse_back_exactly(case):
    text, want, status = case
    page = parse(text)
    got = [(q.name, q.value, q.change, q.change_pct) for q in page.quotes]
    assert got == want, text
    assert all(q.consistent for q in page.quotes)
    assert page.market_status == status
    assert not page.warnings
    assert page == _Parser(text, False, fast=False).run()
    assert parse_for_store(text) == (dataclasses.replace(page, quotes=()), quote_columns(page.quotes))


def _check_invariants(text: str) -> None:
    page = parse(text)
    bad = [q for q in page.quotes if not q.consistent]
    for q in bad:
        assert any(f"line {q.line}:" in w and repr(q.name) in w for w in page.warnings), (q, page.warnings)
    for q in page.quotes:
        assert q.consistent == check_arithmetic(q.value, q.change, q.change_pct)
        assert q.name and q.name == " ".join(q.name.split())
        assert 1 <= q.line <= text.count("\n") + text.count("\r") + 1
    assert not any(w.startswith("internal parser error") for w in page.warnings)
    strict = parse(text, strict=True)
    assert all(q.consistent for q in strict.quotes)
    # the fast path (Yahoo bullet strips) gives exactly what the general path gives
    assert page == _Parser(text, False, fast=False).run()
    assert strict == _Parser(text, True, fast=False).run()
    # and the store's form of the same answer
    assert parse_for_store(text) == (dataclasses.replace(page, quotes=()), quote_columns(page.quotes))
    assert parse_for_store(text, strict=True) == (dataclasses.replace(strict, quotes=()), quote_columns(strict.quotes))


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    _check_invariants(text)


NUMBERISH = st.sampled_from(list("0123456789.,+-−%() \n\u00a0•|:$€’")) | st.sampled_from(
    ["3,367.90", "+29.33 (+0.88%)", "  • Dow\n\n", "N/A", "--", "\r\n", "17.771,76", "(-1,41%)"])


@SETTINGS
@given(st.lists(NUMBERISH, max_size=80).map("".join))
def test_number_soup_never_raises(text):
    _check_invariants(text)


@SETTINGS
@given(pages(), st.data())
def test_mutated_strips_never_raise_or_hide_failures(case, data):
    text = case[0]
    ops = data.draw(st.lists(st.tuples(st.sampled_from(["del", "dup", "ins", "swap"]),
                                       st.integers(0, max(0, len(text) - 1)),
                                       st.sampled_from(["1", "9", "-", "+", "%", "\n", ",", ".", " ", "(", "x"])),
                             max_size=6))
    chars = list(text)
    for op, i, ch in ops:
        if not chars:
            break
        i %= len(chars)
        if op == "del":
            del chars[i]
        elif op == "dup":
            chars.insert(i, chars[i])
        elif op == "ins":
            chars.insert(i, ch)
        else:
            chars[i] = ch
    _check_invariants("".join(chars))


@SETTINGS
@given(pages())
def test_page_cut_anywhere_keeps_only_complete_entries(case):
    text, want, _ = case
    # cutting the page can only lose quotes (never invent or alter one that was complete)
    for cut in range(0, len(text), max(1, len(text) // 7)):
        got = [(q.name, q.value, q.change, q.change_pct) for q in parse(text[:cut]).quotes]
        assert all(g in want for g in got), (text[:cut], got)


@SETTINGS
@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
       st.sampled_from(FORMATS))
def test_parse_number_reads_rendered_numbers(d, fmt):
    text = render(d, fmt, "-", "\u202f")
    sep = "," if fmt in ("de", "fr") else "."
    assert parse_number(text, decimal_sep=sep) == d
