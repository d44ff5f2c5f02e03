"""Quote-page layouts of sites the parser was not written against: quote-time lines, labelled
fields one a line with the percent before the change, labels and direction words between the
value and the change, currency suffixes, and tables with extra or reordered columns.

Every snippet is written from how such pages print these layouts (names, numbers and prose
invented, arithmetic consistent: ``change_pct ≈ 100·change / (value − change)``), with the
headings, navigation and body text around them; none is copied from a page.
"""
from __future__ import annotations

import pytest

from ticker.parser import parse

from snippets import Q
from snippets import quotes as _quotes

# --------------------------------------------------------------------------- A: quote-time lines
# (text, the status/time line the page prints with its quote)

TIMES = [
    pytest.param("Markets\nIndices\nDow Jones Industrial Average\nDJIA\n44,910.65\n+188.59 (+0.42%)\n"
                 "Last | 4:00 PM EST\n\nKey Data\nOpen 44,722.06\n",
                 "Last | 4:00 PM EST", id="en-last-pipe-time"),
    pytest.param("Startseite > Indizes\nDAX\n19.626,45\n+199,83 (+1,03%)\nXetra · 29.11.24, 17:45:00\n\n"
                 "Der Index schloss die Woche freundlich.\n",
                 "Xetra · 29.11.24, 17:45:00", id="de-venue-dot-short-date"),
    pytest.param("Borsa Italiana\nFTSE MIB\n33.427,61\n+287,12 (+0,87%)\nOra ultimo contratto 29/11/24 - 17:35:12\n"
                 "Apertura 33.210,40\n",
                 "Ora ultimo contratto 29/11/24 - 17:35:12", id="it-last-contract-time"),
    pytest.param("株価指数\n日経平均株価\n38,208.03\n+558.84(+1.48%)\n2024/11/29 15:15\n\n始値 37,830.25\n",
                 "2024/11/29 15:15", id="bare-date-time-under-the-quote"),
    pytest.param("上海综合指数\n3,326.46\n+30.58 (+0.93%)\n2024年11月29日 15:30\n今开 3,296.12\n",
                 "2024年11月29日 15:30", id="zh-date-with-year-month-day-signs"),
    pytest.param("Piyasalar\nBIST 100\n9.645,31\n+98,21 (+%1,03)\nSon Güncelleme: 29.11.2024 18:10\nGünlük Aralık\n",
                 "Son Güncelleme: 29.11.2024 18:10", id="tr-last-update"),
    pytest.param("מדדים\nת\"א 35\n2,234.51\n(\u200e+12.30\u200e) (\u200e+0.55%\u200e)\nנכון ל- 29/11/2024 17:25\n",
                 "נכון ל- 29/11/2024 17:25", id="he-correct-as-of"),
    pytest.param("FTSE 100\n8,287.30\n+7.67 (+0.09%)\nData delayed at least 15 minutes, as of Nov 29 2024 21:00 GMT\n",
                 "Data delayed at least 15 minutes, as of Nov 29 2024 21:00 GMT", id="en-delayed-as-of-no-stop"),
    pytest.param("World Indices\nAs of 11/29/2024 4:00 PM ET\nIndex | Last | Chg | % Chg\n"
                 "S&P 500 | 6,032.38 | 33.64 | 0.56%\nNasdaq Composite | 19,218.17 | 157.69 | 0.83%\n",
                 "As of 11/29/2024 4:00 PM ET", id="table-as-of-above"),
    pytest.param("Índices\nÍndice | Último | Var. | Var. %\nIBEX 35 | 11.641,30 | 40,20 | 0,35%\n"
                 "IBEX Medium Cap | 14.870,20 | -30,10 | -0,20%\n"
                 "Datos con 15 minutos de retraso. 29/11/2024 17:38\n",
                 "Datos con 15 minutos de retraso. 29/11/2024 17:38", id="table-delay-note-below"),
    # the time part of a longer line next to the quote: before a bar of links, or ending prose
    pytest.param("DAX\n\n19.626,45 +1,03% +199,83\n17:45:00 Uhr Xetra aktualisieren | Orderbuch | Mehr Kurse\nWKN: 846900\n",
                 "17:45:00 Uhr Xetra", id="time-before-a-bar-of-links"),
    pytest.param("Indices\nIndex values refresh through the session, except the summary indices. Nov 29, 2024, 4:15 PM EST\n"
                 "Index | Last | Chg | % Chg\nS&P 500 | 6,032.38 | 33.64 | 0.56%\n",
                 "Nov 29, 2024, 4:15 PM EST", id="time-ending-a-line-above-a-table"),
]


@pytest.mark.parametrize("text,want", TIMES)
def test_quote_time_line_is_the_market_status(text, want):
    page = parse(text)
    assert page.quotes, "the quote itself is read"
    assert page.market_status == want


# the time line must belong to the quote: a date in the prose, a date far below, an event's
# date in a news list are not its time
TIME_REFUSALS = [
    pytest.param("DAX\n19.626,45\n+199,83 (+1,03%)\n\nNachrichten\nDie Sitzung am 29.11.2024 um 17:45 Uhr endete "
                 "mit Gewinnen im Leitindex.\n", id="date-in-prose"),
    pytest.param("FTSE 100\n8,287.30\n+7.67 (+0.09%)\n" + "Key statistics and notes about the index.\n" * 8
                 + "29/11/2024 17:25\n", id="date-far-below"),
    pytest.param("Termine\n29.11.2024 17:45 Hauptversammlung\n\nDAX\n19.626,45\n+199,83 (+1,03%)\n", id="event-date-above"),
    pytest.param("DAX\n19.626,45\n+199,83 (+1,03%)\n17:45 Uhr Termin | 18:30 Uhr Termin\n", id="times-in-a-bar-are-no-link-bar"),
]


@pytest.mark.parametrize("text", TIME_REFUSALS)
def test_a_date_elsewhere_is_no_quote_time(text):
    page = parse(text)
    assert page.quotes and page.market_status is None


@pytest.mark.parametrize("line,iso", [
    ("Last | 4:00 PM EST", None),  # a time without a date: no page time
    # a two-digit year is no page time: a broken one ("17.10.60") would put the snapshot in 1960
    # or 2060, and the page time outranks the file's name and mtime
    ("Xetra · 29.11.24, 17:45:00", None),
    ("Ora ultimo contratto 29/11/24 - 17:35:12", None),
    ("2024/11/29 15:15", "2024-11-29T15:15:00"),
    ("2024年11月29日 15:30", "2024-11-29T15:30:00"),
    ("Son Güncelleme: 29.11.2024 18:10", "2024-11-29T18:10:00"),
    ("נכון ל- 29/11/2024 17:25", "2024-11-29T17:25:00"),
    ("As of 11/29/2024 4:00 PM ET", "2024-11-29T16:00:00-05:00"),
    ("As of 05/11/2024 4:00 PM ET", "2024-05-11T16:00:00-04:00"),  # month first with a 12-hour clock
    ("Aggiornato al 05/11/2024 17:25", "2024-11-05T17:25:00"),     # else day first
    ("Data delayed at least 15 minutes, as of Nov 29 2024 21:00 GMT", "2024-11-29T21:00:00+00:00"),
])
def test_quote_time_is_the_page_time(line, iso):
    page = parse(f"Index One\n1,234.50\n+12.30 (+1.01%)\n{line}\n")
    got = page.page_time
    if iso is None:
        assert got is None
    else:
        assert got is not None and got.isoformat().startswith(iso)


# --------------------------------------------------------------------------- B to E: one quote's fields

FIELDS = [
    # B: labelled fields one a line, the percent before the absolute change
    pytest.param("Borsa Italiana > Azioni\nEni\nUltimo\n13,9780\nVar %\n+0,85\nVar. Assoluta\n+0,1178\n"
                 "Apertura\n13,8600\n",
                 Q(("Eni", "13.9780", "0.1178", "0.85")), id="it-var-pct-then-var-assoluta"),
    pytest.param("FTSE MIB\n34.092,3800\nVar %\n+0,85\nVar. Assoluta\n+287,1234\nOra ultimo contratto 29/11/24 - 17:35:12\n",
                 Q(("FTSE MIB", "34092.3800", "287.1234", "0.85")), id="it-unlabelled-value-four-decimals"),
    pytest.param("Hisseler\nTüpraş\nSon Fiyat\n25,56\nDeğişim (%)\n%1,79\nDeğişim\n0,45\nHacim\n1.234.567\n",
                 Q(("Tüpraş", "25.56", "0.45", "1.79")), id="tr-percent-sign-first-unsigned"),
    pytest.param("Hisseler\nAselsan\nSon Fiyat\n64,10\nDeğişim (%)\n%-0,93\nDeğişim\n-0,60\n",
                 Q(("Aselsan", "64.10", "-0.60", "-0.93")), id="tr-negative"),
    pytest.param("מניות\nטבע\nשער אחרון\n\u200e2,231.00\u200e\nשינוי (%)\n\u200e-0.55%\u200e\nשינוי\n\u200e-12.34\u200e\n",
                 Q(("טבע", "2231.00", "-12.34", "-0.55")), id="he-direction-marks-around-numbers"),
    # C: a label line between the value and the change
    pytest.param("国内指数\n日経平均株価\n38,208.03\n前日比\n+558.84(+1.48%)\n始値 37,830.25\n",
                 Q(("日経平均株価", "38208.03", "558.84", "1.48")), id="ja-label-between-value-and-change"),
    pytest.param("銘柄情報\nトヨタ自動車\n3,456円\n前日比\n−12(−0.35%)\n売買高 12,345,600株\n",
                 Q(("トヨタ自動車", "3456", "-12", "-0.35")), id="ja-yen-suffix-and-unicode-minus"),
    # D: an unsigned change after a direction word, its sign from the word
    pytest.param("국내증시\n코스피\n2,455.91\n하락\n12.34\n-0.50%\n거래량 412,345\n",
                 Q(("코스피", "2455.91", "-12.34", "-0.50")), id="ko-down-word-unsigned-change"),
    pytest.param("국내증시\n코스닥\n678.19\n상승\n5.27\n+0.78%\n",
                 Q(("코스닥", "678.19", "5.27", "0.78")), id="ko-up-word"),
    # E: a currency suffix on value and change, labels between, the percent alone in parentheses
    pytest.param("Notowania\nPKN Orlen SA\n52,16 zł\nzmiana\n-0,48 zł\n(-0,91%)\nObrót 123 456 789 zł\n",
                 Q(("PKN Orlen SA", "52.16", "-0.48", "-0.91")), id="pl-currency-suffix-label-between"),
    pytest.param("Notowania\nWIG20\n2 187,44 pkt\nzmiana\n+14,20 pkt\n(+0,65%)\n",
                 Q(("WIG20", "2187.44", "14.20", "0.65")), id="pl-points-suffix"),
]


@pytest.mark.parametrize("text,want", FIELDS)
def test_fields_of_one_quote(text, want):
    assert _quotes(text) == want


FIELD_REFUSALS = [
    # a value and a percent without an absolute change is no quote, in any of these layouts
    pytest.param("FTSE MIB\n34.092,38\nVar %\n+0,85\nApertura\n33.800,00\n", id="it-value-and-percent-only"),
    pytest.param("Tüpraş\nSon Fiyat\n25,56\nDeğişim (%)\n%1,79\nHacim\n1.234.567\n", id="tr-value-and-percent-only"),
    pytest.param("日経平均株価\n38,208.03\n前日比\n(+1.48%)\n", id="ja-value-label-percent-only"),
    pytest.param("코스피\n2,455.91\n하락\n-0.50%\n", id="ko-down-word-percent-only"),
    # the arithmetic decides: these numbers are no quote's
    pytest.param("FTSE MIB\n34.092,38\nVar %\n+1,85\nVar. Assoluta\n+287,12\n", id="it-failing-the-arithmetic"),
    pytest.param("코스피\n2,455.91\n상승\n12.34\n-0.50%\n", id="ko-up-word-against-a-minus-percent"),
    # period returns are not quotes
    pytest.param("Rendimenti\n1 settimana\n+1,20%\n1 mese\n+3,40%\nDa inizio anno\n+12,10%\n", id="period-returns"),
    pytest.param("PKN Orlen SA\n52,16 zł\nzmiana 1M\n-2,48 zł\n(-4,54%)\n", id="pl-month-change"),
]


@pytest.mark.parametrize("text", FIELD_REFUSALS)
def test_field_refusal(text):
    assert _quotes(text) == []


# --------------------------------------------------------------------------- F: tables

TABLES = [
    pytest.param("Indices mondiaux\nNom Dernier Plus haut Plus bas Var. Var. %\n"
                 "CAC 40 7\u00a0235,11 7\u00a0260,34 7\u00a0190,22 +42,36 +0,59%\n"
                 "SBF 120 5\u00a0468,20 5\u00a0480,00 5\u00a0431,50 +29,74 +0,55%\n",
                 Q(("CAC 40", "7235.11", "42.36", "0.59"), ("SBF 120", "5468.20", "29.74", "0.55")),
                 id="fr-extra-columns-between-value-and-change"),
    pytest.param("Mercados\nÍndice Último % Dif. Dif.\nIBEX 35 11.641,30 0,35 40,20\nIBEX Small Cap 8.120,50 -0,41 -33,40\n",
                 Q(("IBEX 35", "11641.30", "40.20", "0.35"), ("IBEX Small Cap", "8120.50", "-33.40", "-0.41")),
                 id="es-percent-column-before-change"),
    pytest.param("沪深指数\n序号 名称 最新价 涨跌幅 涨跌额\n1 上证指数 3,326.46 0.93% 30.58\n2 深证成指 10,611.89 1.14% 119.62\n",
                 Q(("上证指数", "3326.46", "30.58", "0.93"), ("深证成指", "10611.89", "119.62", "1.14")),
                 id="zh-row-numbers-percent-before-change"),
    pytest.param("Top indices\n# Name Last Chg Chg %\n1 Kospi 2,650.30 12.40 0.47\n2 Taiex 20,120.55 -80.25 -0.40\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47"), ("Taiex", "20120.55", "-80.25", "-0.40")),
                 id="row-numbers-under-a-numbered-header"),
    pytest.param("Ranking\nRank Name Last Chg Chg %\n1 Kospi 2,650.30 12.40 0.47\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47")), id="row-numbers-under-rank"),
    pytest.param("Top indices\nNo. Name Last Chg Chg%\n1 Kospi 2,650.30 12.40 0.47%\n",
                 Q(("Kospi", "2650.30", "12.40", "0.47")), id="row-numbers-rows-with-percent-signs"),
    pytest.param("Name Last Chg Chg%\n3 Day Fund 2,650.30 12.40 0.47%\n",
                 Q(("3 Day Fund", "2650.30", "12.40", "0.47")), id="a-number-opening-a-name-stays-without-a-rank-column"),
]


@pytest.mark.parametrize("text,want", TABLES)
def test_table_rows(text, want):
    assert _quotes(text) == want


TABLE_REFUSALS = [
    pytest.param("Performances\nNom 1S 1M YTD\nCAC 40 +1,20% +3,40% +12,10%\n", id="period-return-columns"),
    pytest.param("Índice Último % Dif.\nIBEX 35 11.641,30 0,35\n", id="percent-without-change-column"),
]


@pytest.mark.parametrize("text", TABLE_REFUSALS)
def test_table_refusal(text):
    assert _quotes(text) == []
