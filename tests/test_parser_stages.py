"""Each stage of ticker.parser on its own, and the layout families and refusals of issue 11.

The snippets are written from how pages print these layouts (numbers invented, arithmetic
consistent), not copied from any page.
"""
from __future__ import annotations

import time
from decimal import Decimal

import pytest

from ticker.parser import parse
from ticker.parser.lexicon import field_role
from ticker.parser.lines import _BLANK, _NUM, _TEXT, _Lines, normalize
from ticker.parser.names import _unglue, page_subject
from ticker.parser.status import _time_line
from ticker.parser.tables import header_columns

from snippets import Q

# --------------------------------------------------------------------------- stage 1: lines


@pytest.mark.parametrize("raw,want", [
    ("TASI ١٢٬٣٤٥٫٦٧ (+١٫٠١٪)", "TASI 12,345.67 (+1.01%)"),          # Arabic digits and separators
    ("SENSEX १२,३४५.६७", "SENSEX 12,345.67"),                          # Devanagari digits
    ("(\u200f-0,54\u200f%)", "(-0,54%)"),                               # direction marks
    ("\u061c+1.2%", "+1.2%"),
    ("١٢٣٫٤٥- (٠٫٩٩٪-)", "-123.45 (-0.99%)"), ("12-15", "12-15"),      # a minus after its number
    ("+1.12％", "+1.12%"),                                              # fullwidth percent
    ("BIST 100 9.876,54 (+%1,11)", "BIST 100 9.876,54 (+1,11%)"),       # percent before the number
    ("76.67 %23.33 %", "76.67 %23.33 %"),                               # two glued percents: left alone
    ("Plain 1,234.5 (+0.5%)", "Plain 1,234.5 (+0.5%)"),
    ("상승 1,200", "+1,200"), ("마이너스 1.46%", "-1.46%"), ("보합 0", "0"),   # a word for the sign
    ("상승세 1,200", "상승세 1,200"), ("상승 종목 1,200", "상승 종목 1,200"),
])
def test_normalize(raw, want):
    assert normalize(raw) == want


@pytest.mark.parametrize("line,kind,fields", [
    ("3,367.90", _NUM, ["3,367.90"]),
    ("+29.33 (+0.88%)", _NUM, ["29.33", "0.88%"]),
    ("0.00·+0.15%", _NUM, ["0.00", "+0.15%"]),
    ("40\u00a0074.69", _NUM, ["40\u00a0074.69"]),
    ("12,34,567.80", _NUM, ["12,34,567.80"]),
    ("-138.64 (-0.17%) Last updated on 18 Jun, 2025 | 15:59 IST", _NUM, ["-138.64", "-0.17%"]),
    ("164.05 Punkte", _NUM, ["164.05"]),
    ("Punkte", _TEXT, []),
    ("+2.19 Today", _NUM, ["+2.19"]),
    ("2.19 Today", _TEXT, None),
    ("  |  ", _BLANK, []),
    ("Previous close 1,234.56 of the day", _TEXT, None),
])
def test_line_kinds_and_fields(line, kind, fields):
    L = _Lines(line)
    assert L.kind(0) == kind
    if fields is not None:
        got = [f.raw.lstrip("+").replace("−", "-") + ("%" if f.pct else "") for f in L.fields(0)] if kind == _NUM else []
        assert [g.lstrip("+") for g in got] == [f.lstrip("+") for f in fields]


def _simple_lines(n: int, seed: int = 7) -> list[str]:
    """Lines in and near the shapes _Lines.kind reads before its cache ("3,367.90",
    "+29.33 (+0.88%)"), with edge spaces, other minus signs, decimal commas and junk."""
    import random

    rnd = random.Random(seed)

    def num() -> str:
        sign = rnd.choice(["", "", "+", "-", "−", "–", "(", "$"])
        shape = rnd.randrange(6)
        if shape == 0:
            body = f"{rnd.randint(1, 999)},{rnd.randint(0, 999):03d}.{rnd.randint(0, 99):02d}"
        elif shape == 1:
            body = f"{rnd.randint(1, 999)}.{rnd.randint(0, 999):03d},{rnd.randint(0, 99):02d}"
        elif shape == 2:
            body = f"{rnd.randint(0, 99999)}{rnd.choice(['.', ','])}{rnd.randint(0, 9999)}"
        elif shape == 3:
            body = str(rnd.randint(0, 10**rnd.randint(1, 9)))
        elif shape == 4:
            body = f"{rnd.randint(1, 99)},{rnd.randint(0, 99):02d},{rnd.randint(0, 999):03d}.5"
        else:
            body = "".join(rnd.choice("0123456789,.") for _ in range(rnd.randint(1, 9)))
        return sign + body

    out = []
    for _ in range(n):
        s = num()
        if rnd.random() < 0.6:
            s += rnd.choice(["", " ", "\u00a0"]) + "(" + num() + rnd.choice(["", " "]) + "%)"
        if rnd.random() < 0.1:
            s += rnd.choice(["%", " Pts", "·", ")", "\u200e"])
        out.append(rnd.choice(["", " ", "    ", "\t", "\u00a0"]) + s + rnd.choice(["", " ", "\u2009"]))
    return out


def test_number_lines_read_before_the_cache_as_the_clear_path_reads_them():
    """Contract of _Lines.kind's first test (the common number lines, before the line cache and
    normalize): kind, text and fields as normalize and _classify make them."""
    from ticker.parser.lines import _STRIP, _specs

    for line in _simple_lines(3000):
        fast = _Lines(line)
        clear = _Lines(line)
        clear._text[0] = normalize(line.strip(_STRIP))
        assert fast.kind(0) == clear._classify(0, [0]), line
        assert fast.text(0) == clear._text[0], line
        assert _specs(fast.fields(0)) == _specs(clear.fields(0)), line


def test_number_line_pattern_possessive_form_matches_as_the_plain_form():
    """Contract of _SIMPLE_LINE's possessive quantifiers: on lines in and near its shapes (and
    on random strings of its characters) it matches what the plain pattern matches, with the
    same groups."""
    import random
    import re

    from ticker.parser.lines import _SIMPLE_LINE, _SNUM_PLAIN

    plain = re.compile(rf"({_SNUM_PLAIN})(?:[ \u00a0]?\(({_SNUM_PLAIN})[ \u00a0]?%\))?")
    rnd = random.Random(3)
    junk = ["".join(rnd.choice("0123456789,.+-−( )%\u00a0") for _ in range(rnd.randint(1, 16))) for _ in range(3000)]
    hits = 0
    for line in [*(s.strip() for s in _simple_lines(3000)), *junk]:
        a, b = plain.fullmatch(line), _SIMPLE_LINE.fullmatch(line)
        assert (a is None) == (b is None), line
        if a is not None and b is not None:
            hits += 1
            assert (a.groups(), a.span(1), a.span(2)) == (b.groups(), b.span(1), b.span(2)), line
    assert hits > 1000  # (the lines are mostly of the shapes the pattern reads)


def test_new_number_read_straight_as_the_clear_path_reads_it():
    """Contract of numbers._read's first test (a decimal point that cannot be a group's, read from
    the quick pattern's groups): the separators and readings _analyse's readings give."""
    import random

    from ticker.parser.numbers import _READ, _analyse, _exact, _read

    rnd = random.Random(11)

    def clear(t: str) -> tuple:
        info = _analyse(t)
        if info is None:
            return (frozenset(), None, None)
        sign, readings = info
        dot, comma = readings.get("."), readings.get(",")
        return (frozenset(readings), None if dot is None else _exact(sign, *dot),
                None if comma is None else _exact(sign, *comma))

    shapes = [lambda: f"{rnd.randint(1, 999)},{rnd.randint(0, 999):03d}" + rnd.choice(["", f".{rnd.randint(0, 9999)}"]),
              lambda: f"{rnd.randint(0, 99999)}.{rnd.randint(0, 9999)}",
              lambda: f"{rnd.randint(0, 999)}.{rnd.randint(0, 999):03d}",
              lambda: f"0{rnd.randint(0, 99)}.{rnd.randint(0, 999)}",
              lambda: "".join(rnd.choice("0123456789,.") for _ in range(rnd.randint(1, 9)))]
    for _ in range(5000):
        t = rnd.choice(["", "+", "-", "−", "(", "$"]) + rnd.choice(shapes)()
        _READ.pop(t, None)
        got = _read(t)
        want = clear(t)
        assert got == want and str(got[1:]) == str(want[1:]), t  # (str: Decimal("1.10") == Decimal("1.1"))


# --------------------------------------------------------------------------- words, names, status


@pytest.mark.parametrize("label,role", [
    ("Value", "v"), ("Price", "v"), ("Kurs", "v"), ("Change Today:", "c"), ("Change", "c"),
    ("% Change", "p"), ("Änderung in %", "p"), ("High", None), ("52 Week High:", None),
])
def test_field_role(label, role):
    assert field_role(label) == role


@pytest.mark.parametrize("header,cols", [
    ("IndexSymbolLastChg% Chg", ["v", "p", "c"]),
    ("Name Kurs +/- %", ["v", "c", "p"]),
    ("Name Last High Low Chg. Chg. %", ["v", "n", "n", "c", "p"]),
])
def test_header_columns(header, cols):
    assert header_columns(header) == cols


@pytest.mark.parametrize("lines,want", [
    (["FTSE 100 Chart", "News for FTSE 100", "Prev. Close"], "FTSE 100"),
    (["Stocks FTSE 250"], "FTSE 250"),
    (["6 Month Chart", "1 Day Chart"], None),        # return periods are no subject
    (["View all Chart"], None),
    (["Markets rose today."], None),
])
def test_page_subject(lines, want):
    assert page_subject(lines) == want


@pytest.mark.parametrize("name,want", [
    ("Nifty 50LiveMarket Closed", "Nifty 50"), ("Hang SengDelayed", "Hang Seng"),
    ("S&P 500", "S&P 500"), ("iShares Core", "iShares Core"),
])
def test_unglue(name, want):
    assert _unglue(name) == want


@pytest.mark.parametrize("line,want", [
    ("At close: 4:35PM BST", True), ("Official Close 3/19/2019", True), ("18:05:00", True),
    ("12 December 03:59 PM", True), ("As on 12 Jun, 2024 10:04 IST", True),
    ("Prev. Close", False), ("Close 33,562.86", False), ("The market closed higher.", False),
    # dates before the clock, zones after it, quote-time words of more languages, a "closed" time
    ("11.03.2025 17:35:12 CET", True), ("Mar 14, 2025 4:16 p.m. EDT", True), ("Sep 3 09:30 HKT", True),
    ("2025/03/11 15:00", True), ("14.03.2025, 18:45 МСК", True), ("Ultimo aggiornamento 11/03/2025 17:36", True),
    ("As at 14/03/2025 4:10 PM AEDT", True), ("Closed · 16:00:05", True), ("Clôture 14/03/2025 17:35", True),
    ("Prices delayed 15 minutes, as of Mar 14 2025 16:30 GMT.", True),
    ("After Hours Volume: 2.1M", False), ("Volume 12:30", False), ("Closed for the holiday", False),
])
def test_time_line(line, want):
    assert _time_line(line) is want


# --------------------------------------------------------------------------- layout families



FAMILIES = [
    pytest.param("Swiss Market Index\n\n12,004.18\n\nPts\n\n+84.22\n\nPts\n\n+0.71%\n",
                 Q(("Swiss Market Index", "12004.18", "84.22", "0.71")), id="one-field-per-line-with-units"),
    pytest.param("Nikkei 225\n38,471.20\nLast updated 15:00 JST\n+761.60 (+2.02%)\n",
                 Q(("Nikkei 225", "38471.20", "761.60", "2.02")), id="time-line-between-value-and-change"),
    pytest.param("IBEX 35\nHere is today's summary of the Spanish benchmark index and its members.\n"
                 "11.069,50 +93,20 +0,85%\n",
                 Q(("IBEX 35", "11069.50", "93.20", "0.85")), id="description-between-heading-and-numbers"),
    pytest.param("Hang Seng Index\nBack to Indices\n17,769.14 +50.53 (+0.29%)\n",
                 Q(("Hang Seng Index", "17769.14", "50.53", "0.29")), id="link-text-is-not-a-name"),
    pytest.param("Nasdaq 100\nISIN\nUS6311011026\nExchange\nNASDAQ\n18,001.30 +120.10 +0.67%\n",
                 Q(("Nasdaq 100", "18001.30", "120.10", "0.67")), id="identifiers-under-their-labels"),
    pytest.param("Kospi | 2,650.30 | +12.40 | +0.47%\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47")), id="pipes"),
    pytest.param("S&P 500 · 5,478.50 · +3.41 · +0.06%\n",
                 Q(("S&P 500", "5478.50", "3.41", "0.06")), id="middle-dots"),
    pytest.param("Euro Stoxx 50 4,912.40 Decreased By 21.50 (0.44%)\n",
                 Q(("Euro Stoxx 50", "4912.40", "-21.50", "-0.44")), id="direction-words"),
    pytest.param("Bovespa 128.150,44 ▼ 1.034,20 (0,80%)\n",
                 Q(("Bovespa", "128150.44", "-1034.20", "-0.80")), id="arrow-unsigned"),
    pytest.param("ASX 2007,812.30+40.10(+0.52%)Nikkei 22538,471.20+761.60(+2.02%)\n",
                 Q(("ASX 200", "7812.30", "40.10", "0.52"), ("Nikkei 225", "38471.20", "761.60", "2.02")),
                 id="glued-names-and-fields"),
    pytest.param("UK markets close in 3h 12mFTSE 1008,139.83+60.97 (+0.75%)FTSE 25020,451.20-12.40 (-0.06%)\n",
                 Q(("FTSE 100", "8139.83", "60.97", "0.75"), ("FTSE 250", "20451.20", "-12.40", "-0.06")),
                 id="glued-strip-after-its-status"),
    pytest.param("Nifty BankLiveMarket Open\n48,125.60\n+310.25 (+0.65%)\n",
                 Q(("Nifty Bank", "48125.60", "310.25", "0.65")), id="status-word-glued-to-name"),
    pytest.param("IndexSymbolLastChg% Chg\nShanghai Composite ^SSEC 3,052.10 15.20 0.50 details\n"
                 "Shenzhen Component ^SZSC 9,410.45 -42.30 -0.45 details\n",
                 Q(("Shanghai Composite", "3052.10", "15.20", "0.50"), ("Shenzhen Component", "9410.45", "-42.30", "-0.45")),
                 id="table-glued-header-percent-without-sign"),
    pytest.param("Name\nLast\nChg\n% Chg\nKospi\n2,650.30\n12.40\n0.47\nTaiex\n20,120.55\n-80.25\n-0.40\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47"), ("Taiex", "20120.55", "-80.25", "-0.40")),
                 id="table-one-cell-per-line-percent-without-sign"),
    pytest.param("Sensex : 72,100.50 +150.20(0.21%) , Nifty : 21,900.40 -30.10(-0.14%) , "
                 "Bank Nifty : 46,800.10 +55.40(0.12%) ,\n",
                 Q(("Sensex", "72100.50", "150.20", "0.21"), ("Nifty", "21900.40", "-30.10", "-0.14"),
                   ("Bank Nifty", "46800.10", "55.40", "0.12")), id="tape"),
    pytest.param("Index Value 7,050.25\nChange -35.10 (-0.50%)\nHigh 7,100.00\n",
                 [], id="labelled-block-without-a-name-is-refused"),
    pytest.param("Jakarta Composite\n\nValue 7,050.25\nChange -35.10 (-0.50%)\nHigh 7,100.00\n",
                 Q(("Jakarta Composite", "7050.25", "-35.10", "-0.50")), id="labelled-block"),
    pytest.param("Overview\n9,120.40 +45.60 (+0.50%)\nOfficial Close 3/19/2024\n\nOMX Stockholm 30 Chart\n\n"
                 "News for OMX Stockholm 30\n",
                 Q(("OMX Stockholm 30", "9120.40", "45.60", "0.50")), id="name-after-the-numbers"),
    pytest.param("MOEX\n\n3,412.55\n\nPunkte\n\nZeithorizont:\n21.34 Punkte\n0.63\nTageshoch\n",
                 Q(("MOEX", "3412.55", "21.34", "0.63")), id="percent-without-sign-proven"),
    pytest.param("FTSE 250 Index\nPrice (GBX)\n20,451.20\nToday's Change\n-12.40 / -0.06%\nShares traded\n",
                 Q(("FTSE 250 Index", "20451.20", "-12.40", "-0.06")), id="change-label-between-value-and-change"),
    pytest.param("CAC 40\nIndex\n7,517.68\n+90.66 (1.22%) today\n",
                 Q(("CAC 40", "7517.68", "90.66", "1.22")), id="type-word-line-and-trailing-word"),
    pytest.param("Hang Seng Index .HSI:HKEX\nRT Quote | Exchange\n17,769.14\n+50.53 (+0.29%)\n",
                 Q(("Hang Seng Index", "17769.14", "50.53", "0.29")), id="code-after-the-name"),
    pytest.param("MDAX\n26.033,10 Pkt.\n-413,20 Pkt. / -1,56 %\n",
                 Q(("MDAX", "26033.10", "-413.20", "-1.56")), id="unit-then-slash"),
    pytest.param("Kospi 200 +0.47% 352.30 +1.65\nNikkei +2.02% 38,471.20 +761.60\n",
                 Q(("Kospi 200", "352.30", "1.65", "0.47"), ("Nikkei", "38471.20", "761.60", "2.02")), id="percent-first-rows"),
    pytest.param("2,650.30 +12.40 +0.47% Kospi\n17,769.14 +50.53 +0.29% Hang Seng\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47"), ("Hang Seng", "17769.14", "50.53", "0.29")), id="names-after-numbers"),
    pytest.param("Sensex 12,34,567.80 +1,234.50 (+0.10%)\n",
                 Q(("Sensex", "1234567.80", "1234.50", "0.10")), id="lakh-grouping"),
    pytest.param("Nikkei 40\u00a0074.69 +443.63 (+1.12%)\n",
                 Q(("Nikkei", "40074.69", "443.63", "1.12")), id="nbsp-group-with-point"),
    pytest.param("TA 35\n1,987.65\n(\u200e+12.30\u200e) (\u200e+0.62%\u200e)\n",
                 Q(("TA 35", "1987.65", "12.30", "0.62")), id="bidi-marks"),
    pytest.param("XU100 9.876,54 +108,66 (+%1,11)\n",
                 Q(("XU100", "9876.54", "108.66", "1.11")), id="percent-before-number"),
    # names: the nearest line above that reads as a name, past codes, ISINs, exchanges and labels
    pytest.param("Allianz SE\nWKN: 840400 | ISIN: DE0008404005\nTradegate\n268,40 €\n+2,10 € (+0,79 %)\n",
                 Q(("Allianz SE", "268.40", "2.10", "0.79")), id="name-above-identifiers-and-venue"),
    pytest.param("Euro Stoxx 50\nEU0009658145\n4.912,40\n-21,50\n-0,44%\n",
                 Q(("Euro Stoxx 50", "4912.40", "-21.50", "-0.44")), id="name-above-an-isin"),
    pytest.param("Roche Holding\nROG | CH0012032048 | SIX Swiss Exchange\nCHF 245.10\n-1.30 (-0.53%)\n",
                 Q(("Roche Holding", "245.10", "-1.30", "-0.53")), id="name-above-a-line-of-codes"),
    pytest.param("Kospi\nIndex\n2,650.30\n+12.40\n(+0.47%)\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47")), id="name-above-its-kind"),
    pytest.param("Microsoft Corp (MSFT)\nNasdaq Global Select Market\nCurrency in USD\nDisclaimer\n450.20\n+3.15(+0.70%)\n",
                 Q(("Microsoft Corp", "450.20", "3.15", "0.70")), id="name-above-exchange-and-disclaimer"),
    pytest.param("Infosys Ltd.\nBSE: 500209 | NSE: INFY | ISIN: INE009A01021\nNSE\nBSE\n1,612.35\n+18.40 (+1.15%)\n",
                 Q(("Infosys Ltd.", "1612.35", "18.40", "1.15")), id="name-above-labelled-codes-and-venues"),
    pytest.param("Nikkei 225\nNKY (Osaka: Nikkei Indexes)\nReal time index\n38,471.20\n+761.60\n+2.02%\n",
                 Q(("Nikkei 225", "38471.20", "761.60", "2.02")), id="name-above-code-with-its-exchange"),
    pytest.param("Nasdaq\n17,732.60\n-126.08\n-0.71%\n",
                 Q(("Nasdaq", "17732.60", "-126.08", "-0.71")), id="venue-word-alone-is-the-index"),
    # a table printed one cell a line: the quote's percent, then its period returns
    pytest.param("Index\nValue\nNet Change\n% Change\n1 Month\n1 Year\nFTSE 100 INDEX\n8,139.83\n+60.97\n+0.75%\n"
                 "-1.20%\n+6.35%\n07/12/2024\nHANG SENG INDEX\n17,769.14\n+50.53\n+0.29%\n-3.10%\n+2.44%\n07/12/2024\n",
                 Q(("FTSE 100 INDEX", "8139.83", "60.97", "0.75"), ("HANG SENG INDEX", "17769.14", "50.53", "0.29")),
                 id="one-cell-a-line-with-period-returns"),
    pytest.param("DAX\n18.235,45\n+45,23\n+0,25%\n+1,80%\n+9,12%\n",
                 Q(("DAX", "18235.45", "45.23", "0.25")), id="period-returns-after-the-percent-decimal-comma"),
    # label and filler lines inside a block: a field label or an arrow's alt text between value
    # and change, a currency sign alone above the value, the labels stacked above the values
    pytest.param("Siemens AG\nKurs\n172,48\nVeränderung zum Vortag\n+1,86 / +1,09%\n",
                 Q(("Siemens AG", "172.48", "1.86", "1.09")), id="field-label-between-value-and-change"),
    pytest.param("Netflix Inc\n652.10\nprice arrow down\n-4.35 (-0.66%)\n",
                 Q(("Netflix Inc", "652.10", "-4.35", "-0.66")), id="arrow-alt-text-between-value-and-change"),
    pytest.param("Amazon.com Inc.\nAMZN\nClosed\nDelayed quote\n$\n185.44\n2.19\n1.20%\n",
                 Q(("Amazon.com Inc.", "185.44", "2.19", "1.20")), id="currency-sign-alone-above-the-value"),
    pytest.param("Straits Times Index (STI)\nLast\nChange\n% Change\n3,367.90\n+29.33\n+0.88%\n",
                 Q(("Straits Times Index", "3367.90", "29.33", "0.88")), id="labels-stacked-above-the-values"),
    # a yield printed with its percent sign, the change in points, then the percent of the yield
    pytest.param("Bund Yields\nName\tYield\tChg\t%Chg\nGermany 10Y\t2.512%\t-0.031\t-1.22%\n"
                 "Germany 2Y\t2.874%\t+0.018\t+0.63%\n",
                 Q(("Germany 10Y", "2.512", "-0.031", "-1.22"), ("Germany 2Y", "2.874", "0.018", "0.63")),
                 id="yields-with-percent-signs"),
    pytest.param("UK 10 Year Gilt 4.112% +0.041 +1.01%\n",
                 Q(("UK 10 Year Gilt", "4.112", "0.041", "1.01")), id="yield-row-without-header"),
    # table rows printing the percent before the change: the percent sign says which is which
    pytest.param("Indices\nName\tLast\tChg %\tChg\nSTOXX 600\t512,30\t+0,41%\t+2,10\n"
                 "FTSE MIB\t34.512,33\t+0,36%\t+123,45\n",
                 Q(("STOXX 600", "512.30", "2.10", "0.41"), ("FTSE MIB", "34512.33", "123.45", "0.36")),
                 id="table-percent-before-change"),
    # the name glued to its value (spans without spaces), the change and percent apart
    pytest.param("  • Nasdaq Composite17,732.60 -126.08 -0.71%\n  • Kospi2,650.30 +12.40 (+0.47%)\n",
                 Q(("Nasdaq Composite", "17732.60", "-126.08", "-0.71"), ("Kospi", "2650.30", "12.40", "0.47")),
                 id="name-glued-to-value-change-apart"),
    pytest.param("DAX18.235,45 +45,23 +0,25%\n", Q(("DAX", "18235.45", "45.23", "0.25")),
                 id="name-glued-to-value-decimal-comma"),
    # the day's change with a word after it, its percent on the line above
    pytest.param("Meta Platforms Inc\n502.30\nUSD\n-1.15%\n-5.84 Today\n",
                 Q(("Meta Platforms Inc", "502.30", "-5.84", "-1.15")), id="change-then-today"),
    pytest.param("Allianz SE\n268,40\nEUR\n+0,79%\n+2,10 heute\n",
                 Q(("Allianz SE", "268.40", "2.10", "0.79")), id="change-then-heute"),
    # labels glued to their numbers
    pytest.param("Vodafone Group\nPrice (GBX)71.36\nToday's Change-0.84 / -1.16%\nShares traded12.3m\n",
                 Q(("Vodafone Group", "71.36", "-0.84", "-1.16")), id="labels-glued-to-numbers"),
    pytest.param("Rio Tinto\nPrice4,950.00\nChange+35.50 / +0.72%\n",
                 Q(("Rio Tinto", "4950.00", "35.50", "0.72")), id="labels-glued-to-numbers-no-space"),
    # labels stacked each above its number, the percent's number without its sign
    pytest.param("FTSE Italia Mid Cap\nUltimo\n48.120,55\nVar. %\n-0,41\nVar. ass.\n-198,10\nMassimo\n48.400,00\n",
                 Q(("FTSE Italia Mid Cap", "48120.55", "-198.10", "-0.41")), id="labels-each-above-its-number"),
    pytest.param("CAC 40\nDernier cours\n7.724,32\nVar. %\n-0,54\nVariation\n-41,83\n",
                 Q(("CAC 40", "7724.32", "-41.83", "-0.54")), id="labels-each-above-its-number-fr"),
    # a down or up triangle glued to the number is its sign
    pytest.param("KOSPI\n2,789.41\n▼12.35\n-0.44%\n",
                 Q(("KOSPI", "2789.41", "-12.35", "-0.44")), id="glued-down-triangle-signed-percent"),
    pytest.param("Bovespa\n128.150,44\n▲1.034,20\n+0,81%\n",
                 Q(("Bovespa", "128150.44", "1034.20", "0.81")), id="glued-up-triangle"),
    pytest.param("日経平均\n38,471.20\n▼761.60\n▼1.94%\n",
                 Q(("日経平均", "38471.20", "-761.60", "-1.94")), id="glued-down-triangles-unsigned"),
]


@pytest.mark.parametrize("text,want", FAMILIES)
def test_layout_family(text, want):
    got = [(q.name, str(q.value), str(q.change), str(q.change_pct)) for q in parse(text).quotes]
    assert got == want


REFUSALS = [
    pytest.param("The benchmark gained 45.85 points, or 1.1%, to finish at 4,373.63.\n", id="prose"),
    pytest.param("DAX 18.693,37 +0,93%\nMDAX 26.033,10 -1,56%\n", id="value-and-percent-without-change"),
    pytest.param("Period Price Change Percent Change\n1 week 22,940.21 -360.78 -1.57%\n"
                 "1 month 20,964.75 +1,614.68 +7.70%\nYTD 19,609.69 +2,969.74 +15.14%\n", id="period-returns"),
    pytest.param("Top Gainers\nAcme Corp 12.30 +4.10%\nBeta Ltd 8.15 +3.90%\n", id="gainers-without-change"),
    pytest.param("Bid 57,28 EUR\nAsk 57,29 EUR\nDiff. Vortag in % --\n", id="bid-ask-and-placeholder"),
    pytest.param("[[ item.lastPrice ]] [[ item.priceChange ]] ([[ item.percentChange ]])\n", id="template"),
    pytest.param("Letzter Wert N/A\nTägliche Änderung N/A\nÄnderung in % N/A\n", id="n-a-widget"),
    pytest.param("Russell 2000  5 992,39  9,39 (0,96 %)\n", id="space-group-never-split-across-a-gap"),
    pytest.param("Straits Times Index\n10\n1 (11", id="cut-inside-the-percent"),
    pytest.param("Index\n39,631.06\n-28.14\n(-0.07%)\n", id="a-kind-label-is-no-name"),
    # what the new families must still leave alone: calendars (percents in a row or a cell a
    # line), bid/ask above a percent, a gainers list printed a cell a line with its returns
    pytest.param("Event\tActual\tForecast\tPrevious\nCPI y/y\t3.1%\t3.2%\t3.4%\nUnemployment Rate\t4.1%\t4.0%\t4.0%\n",
                 id="calendar-rows-of-percents"),
    pytest.param("CPI y/y\nActual\n3.1%\nForecast\n3.2%\nPrevious\n3.4%\n", id="calendar-a-cell-a-line"),
    pytest.param("Bid\n57,28\nAsk\n57,29\nVar. %\n+0,36\n", id="bid-ask-stacked-above-a-percent"),
    pytest.param("Top Gainers\nAcme Corp\n12.30\n+9.82%\n+25.10%\nBeta Ltd\n8.15\n+3.90%\n+11.20%\n",
                 id="gainers-a-cell-a-line-with-returns"),
    pytest.param("FTSE MIB\nMassimo\n34.600,10\nMinimo\n34.300,00\nVar. %\n+0,36\n", id="stacked-labels-without-value-and-change"),
    pytest.param("FTSE MIB\nUltimo\n34.512,33\nVar. %\n+1,36\nVar. ass.\n+123,45\n", id="stacked-labels-failing-the-arithmetic"),
    pytest.param("Rio Tinto\nOpen4,950.00\nHigh4,990.10\nToday's Change+35.50 / +0.72%\n", id="glued-labels-without-a-value"),
    pytest.param("Rio Tinto\nPrice4,950.00\nShares traded1.2m\n1 Year change+5.69%\n", id="glued-labels-period-change"),
    pytest.param("Nasdaq\n17,732.60\n-0.71%\n-126.08 yesterday\n", id="a-change-of-another-day"),
    pytest.param("Apple\n214.29\n+1.32%\n1,200 today\n", id="an-unsigned-count-of-today"),
    pytest.param("Volume62,627,688 +2.80 (+1.32%)\nThe index closed at4,373.63 +45.85 +1.1% on Friday.\n",
                 id="glued-label-or-prose-before-the-numbers"),
    pytest.param("Germany 10Y 2.512% +1.22%\nUK 10 Year Gilt 4.112% -0.031%\n", id="yield-and-percent-without-change"),
    pytest.param("Europe -1.20% +0.031 +1.22%\n", id="a-percent-change-is-no-yield"),
    pytest.param("Period\tPrice\tChange %\tChange\n1 Month\t39,118.86\t+1.12%\t+433.10\n"
                 "1 Year\t39,118.86\t+14.23%\t+4,872.90\n", id="period-returns-percent-before-change"),
    pytest.param("Apple\nPrevious close\n211.76\nChange\n+2.80 (+1.34%)\n", id="a-previous-close-is-no-value"),
    pytest.param("After-Hours: $214.50 +0.21 (+0.10%)\n", id="an-extended-hours-quote"),
    pytest.param("Stoxx 600\n512.30\n+2.10\n+1.50%\n+3.20%\n", id="returns-after-a-quote-failing-the-arithmetic"),
    pytest.param("Nikkei 225\n39,631.06\n-0.07%\n+1.12%\n+14.23%\n", id="value-then-percents-only"),
    pytest.param("1 Month\n+1.12%\n1 Year\n+14.23%\n3 Years\n+21.40%\n", id="period-returns-one-a-line"),
    pytest.param("Disclaimer\n248.23\n+6.43 (+2.66%)\n", id="a-disclaimer-is-no-name"),
    pytest.param("KOSPI\n2,789.41\n▼12.35\n+0.44%\n", id="down-triangle-against-a-plus-percent"),
]


@pytest.mark.parametrize("text", REFUSALS)
def test_refusal(text):
    assert parse(text).quotes == ()


def test_list_below_a_quote_header_is_refused_and_remembered():
    from ticker.parser.compose import PageParser

    text = ("Euro Stoxx 50\n\n-21,50 -0,44%\n4.912,40\n\nMost viewed\n"
            "ALPHA AG -0,61 -5,01% 11,65€\nBETA SE -1,55 -2,93% 51,36€\n")
    p = PageParser(text, False)
    page = p.run()
    assert [(q.name, str(q.value)) for q in page.quotes] == [("Euro Stoxx 50", "4912.40")]
    assert {name for _, name, _ in p.refused} == {"ALPHA AG", "BETA SE"}


def test_quote_time_between_name_and_numbers():
    page = parse("OMX 30\n\nKurszeit: 09.05.2025 17:30 Uhr\n\n2,650.30\n\nPunkte\n12.40 Punkte\n0.47\nTageshoch\n")
    assert page.quotes and page.market_status == "Kurszeit: 09.05.2025 17:30 Uhr"


def test_glued_status_is_the_market_status():
    assert parse("AdvertisementFrankfurt markets closedDAX17.771,76-10,20(-0,06%)\n").market_status == "Frankfurt markets closed"


def test_ambiguous_space_group_is_flagged():
    page = parse("CMC Crypto 200 885,54 0,00 (0,00 %)\n")
    assert page.quotes[0].value == Decimal("885.54")
    assert any("ambiguous" in w for w in page.warnings)


# --------------------------------------------------------------------------- issue 15.7 / 15.9


@pytest.mark.parametrize("line", ["Last updated: 0001-01-01T00:00:00+08:00", "At close: Dec 31, 9999 11:59PM -1400"])
def test_impossible_page_time_is_ignored_with_a_warning(line):
    page = parse(f"{line}\n  • Nikkei\n40,074.69\n+443.63 (+1.12%)\n")
    assert page.page_time is None and len(page.quotes) == 1
    assert any("out of range" in w for w in page.warnings)


@pytest.mark.parametrize("text", [
    "  • Nikkei\n" + "1" * 400 + ".00\n+443.63 (+1.12%)\n",
    "Nikkei " + "9" * 400 + " +443.63 (+1.12%)\n",
])
def test_number_that_is_no_finite_float_is_dropped_with_a_warning(text):
    page = parse(text)
    assert page.quotes == () and any("too large" in w for w in page.warnings)


# --------------------------------------------------------------------------- bounded work


@pytest.mark.parametrize("text", [
    "Name " + "1 " * 16000 + ",5 (1%)",
    "1.5 2.5 3.5%\n" * 16000,
    "1.5 2.5 3.5% " * 16000,
    "  • A\n1.5\n2.5 (3.5%)\n" * 3000,
])
def test_hostile_pages_finish(text):
    # not a timed assertion (bench/ holds the figures): a quadratic stage takes minutes here,
    # and the page-wide bound says where reading stopped
    start = time.process_time()
    page = parse(text)
    assert time.process_time() - start < 30
    assert isinstance(page.warnings, tuple)
