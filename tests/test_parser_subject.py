"""The name of a quote page's quote: the instrument's, chosen by scored evidence
(:mod:`ticker.parser.subject`), not the nearest line above the value.

Each snippet is written the way quote pages print their header as text (nav lines, the
heading, a subtitle or share class, a code line, buttons, a field label, the numbers, a time
line, related quotes, some body text); the numbers are invented, the arithmetic consistent.
"""
from __future__ import annotations

import pytest

from ticker.parser import explain, parse
from ticker.parser.subject import choose_name, classify


def xfail(reason):
    return pytest.mark.xfail(reason=reason, strict=True)


def _names(page: str) -> list[tuple[str, str | None]]:
    return [(q.name, q.symbol) for q in parse(page).quotes]


# (page, [(name, symbol)]): symbol None means "any" (only the name is checked)
QUOTE_PAGES = [
    pytest.param("""Startseite
Aktien
Indizes
ETFs
Fonds
Deutsche Telekom Aktie
Deutsche Telekom AG Namens-Aktien o.N.
WKN 555750 | ISIN DE0005557508 | Symbol DTE
Alarm erstellen
Sparplan
Kaufen
Aktuell
27,84 EUR
+0,32 EUR
+1,16 %
Xetra · 14:35:12 Uhr

Deutsche Telekom Aktie News
Telekom baut das Glasfasernetz weiter aus
""", [("Deutsche Telekom Aktie", "DTE")], id="de-stock-share-class-ids-buttons"),
    pytest.param("""Markets
Stocks
Apple Inc. (AAPL)
NASDAQ: AAPL
Create Alert
Add to Watchlist
Last price
$189.84
+2.15 (+1.15%)
Real-time quote · 4:00 PM EST
Market open

People also watch
Microsoft Corp is up this morning after its results.
""", [("Apple Inc.", "AAPL")], id="en-stock-code-line-buttons"),
    pytest.param("""SMI
Swiss Market Index | ISIN CH0009980894
Alarm
11’942.05
+24.46 (+0.21%)
Verzögert 15 Min.
""", [("SMI", None)], id="de-ch-index-subtitle-with-isin"),
    pytest.param("""BHP Group Limited (BHP)
ORDINARY FULLY PAID
Add to Watchlist
Last price
$44.12
-0.38 (-0.85%)
Delayed 20 min
""", [("BHP Group Limited", "BHP")], id="en-au-share-class"),
    pytest.param("""S&P/ASX 200 (XJO)
Trading Status: Active
Follow
8,123.40
-45.60 (-0.56%)
As at 4:10 PM AEST
""", [("S&P/ASX 200", "XJO")], id="en-au-index-status-label-value"),
    pytest.param("""Bitcoin / U.S. Dollar
BTC/USD
Coinbase
Trade now
Compare
64,210.55
-1,234.45 (-1.89%)
24h volume
""", [("Bitcoin / U.S. Dollar", None)], id="en-crypto-pair-code-exchange"),
    pytest.param("""上证指数
sh000001
3,088.64
+12.30 +0.40%
更新时间 15:00:03
""", [("上证指数", None)], id="zh-index-lowercase-code"),
    pytest.param("""Индекс МосБиржи
IMOEX
Добавить в избранное
2 876,45
−12,30 (−0,43%)
Данные на 18:50 МСК
""", [("Индекс МосБиржи", None)], id="ru-index-code"),
    pytest.param("""CAC 40
FR0003500008
Créer une alerte
Dernier cours
7 512,34
+45,67 (+0,61 %)
Temps réel Euronext Paris
""", [("CAC 40", None)], id="fr-index-isin-button-label"),
    pytest.param("""IBEX 35
Crear alerta
Último
11.234,50
-56,70 (-0,50%)
Datos en tiempo real
""", [("IBEX 35", None)], id="es-index-button-label"),
    pytest.param("""FTSE MIB
Indice
Aggiungi al portafoglio
Ultimo
34.512,33
+123,45 (+0,36%)
""", [("FTSE MIB", None)], id="it-index-kind-button-label"),
    pytest.param("""トヨタ自動車
7203 東証プライム
ポートフォリオに追加
現在値
2,845.5
+32.0 (+1.14%)
""", [("トヨタ自動車", None)], id="ja-stock-code-exchange-button"),
    pytest.param("""삼성전자
005930 코스피
관심종목 추가
현재가
71,200
+800 (+1.14%)
""", [("삼성전자", None)], id="ko-stock-code-exchange-button"),
    pytest.param("""WIG20
Indeks
Dodaj do obserwowanych
Kurs
2 345,67
+12,34 (+0,53%)
""", [("WIG20", None)], id="pl-index-button-label"),
    pytest.param("""BIST 100
XU100
Alarm kur
Son fiyat
9.876,54
+108,21 (+%1,11)
""", [("BIST 100", None)], id="tr-index-code-button"),
    pytest.param("""Ibovespa
IBOV
Seguir
Último
128.450,12
+1.234,56 (+0,97%)
""", [("Ibovespa", None)], id="pt-index-code-button"),
    pytest.param("""AEX
Index
Volgen
Koers
912,34
+4,56 (+0,50%)
""", [("AEX", None)], id="nl-index-button"),
    pytest.param("""OMX Stockholm 30
Bevaka
Senast
2 512,80
-10,20 (-0,40%)
""", [("OMX Stockholm 30", None)], id="sv-index-button"),
    pytest.param("""Markets
Stocks
Indices
Currencies
Crypto
Nasdaq Composite
.IXIC
Market open
17,345.67
+123.45 (+0.72%)
""", [("Nasdaq Composite", ".IXIC")], id="en-nav-run-then-heading-code"),
    pytest.param("""Hang Seng Index - HSI
Add an alert
Price
17,234.50
+210.30 (+1.24%)
""", [("Hang Seng Index", None)], id="en-name-dash-code"),
    pytest.param("""Nikkei 225
Create Alert
38,471.20
+761.60 (+2.02%)
""", [("Nikkei 225", None)], id="en-button-between"),
    pytest.param("""Euro / US Dollar
EUR/USD
Forex
Add to Watchlist
1.0842
+0.0021 (+0.19%)
""", [("Euro / US Dollar", "EUR/USD")], id="en-fx-name-then-code"),
    pytest.param("""Home
Nikkei 225
Set up price notification
38,471.20
+761.60 (+2.02%)
As of 15:15 JST

Nikkei 225 News
Tokyo stocks climb as exporters gain
""", [("Nikkei 225", None)], id="en-unknown-button-name-repeated-in-news-heading"),
    pytest.param("""Home > Stocks > Tesla
Tesla
NASDAQ · USD
Overview
News
Chart
1D 5D 1M 6M YTD 1Y 5Y Max
242.84
+4.12 (+1.73%)
2 Dec 2026, 16:00 EST
""", [("Tesla", None)], id="en-breadcrumb-venue-tabs-period-selector"),
    pytest.param("""Startseite › Aktien › Siemens
Siemens Aktie
Xetra · EUR
Übersicht
Nachrichten
Chartanalyse
198,46 EUR
-2,14 EUR
-1,07 %
""", [("Siemens Aktie", None)], id="de-breadcrumb-venue-tabs"),
    pytest.param("""Rheinmetall
Frankfurt | EUR
1.512,00
+22,50 (+1,51%)
""", [("Rheinmetall", None)], id="de-exchange-currency-cells"),
    pytest.param("""Dow Jones Industrial Average
Market closed
39,112.16
-45.20 (-0.12%)
At close: 4:05 PM EDT
""", [("Dow Jones Industrial Average", None)], id="en-plain-heading-status"),
]


@pytest.mark.parametrize("page,want", QUOTE_PAGES)
def test_quote_page_name(page, want):
    got = _names(page)
    assert len(got) == len(want), got
    for (name, symbol), (wname, wsymbol) in zip(got, want):
        assert name == wname
        if wsymbol is not None:
            assert symbol == wsymbol


TABLE_ROWS = [
    pytest.param("""가상자산 시세
이름
심볼
현재가
전일대비
등락률
비트코인
BTC/KRW
95,000,000
+1,500,000
+1.60%
이더리움
ETH/KRW
4,120,000
-30,000
-0.72%
""", [("비트코인", "BTC/KRW"), ("이더리움", "ETH/KRW")], id="ko-name-cell-then-symbol-cell"),
    pytest.param("""US Indices
Symbol Name Last Change %Change
NDX
NASDAQ-100
18,234.56
+123.45
+0.68%
SPX
S&P 500
5,234.56
-12.34
-0.24%
""", [("NASDAQ-100", "NDX"), ("S&P 500", "SPX")], id="en-symbol-cell-then-name-cell"),
]


@pytest.mark.parametrize("page,want", TABLE_ROWS)
def test_table_row_name_and_symbol(page, want):
    assert _names(page) == want


# what must stay as it is: a strip's or a list's entries keep their own names, and
# the refusals give no quote
KEEP = [
    pytest.param("""World Indices
Nikkei 225
38,471.20
+761.60 (+2.02%)
DAX
18,693.37
+172.80 (+0.93%)
""", [("Nikkei 225", None), ("DAX", None)], id="list-under-section-heading"),
    pytest.param("""• S&P 500
5,234.56
-12.34 (-0.24%)
• Dow 30
39,112.16
-45.20 (-0.12%)
""", [("S&P 500", None), ("Dow 30", None)], id="bullet-strip"),
]


@pytest.mark.parametrize("page,want", KEEP)
def test_lists_keep_their_names(page, want):
    got = _names(page)
    assert [n for n, _ in got] == [n for n, _ in want]


REFUSALS = [
    pytest.param("""Deutsche Telekom Aktie
Alarm erstellen
Aktuell
27,84 EUR
+1,16 %
""", id="value-and-percent-only"),
    pytest.param("""Apple Inc. (AAPL)
Create Alert
Apple shares rose 2.15 points, or 1.15%, to 189.84 on Tuesday.
""", id="prose-under-heading"),
    pytest.param("""SMI
Alarm
Performance
1 week
+0.85%
1 month
-1.20%
YTD
+4.10%
""", id="period-returns-under-heading"),
    pytest.param("""Bitcoin / U.S. Dollar
BTC/USD
Bid
64,210.55
Ask
64,215.10
--
N/A
""", id="bid-ask-na-widget"),
]


@pytest.mark.parametrize("page", REFUSALS)
def test_refusals_stay(page):
    assert parse(page).quotes == ()


# --------------------------------------------------------------------------- the stage alone

@pytest.mark.parametrize("line,reason", [
    ("Create Alert", "a button or link"), ("Alarm erstellen", "a button or link"), ("Sparplan", "a button or link"),
    ("Kaufen", "a button or link"), ("Trade now", "a button or link"), ("Add to Watchlist", "a button or link"),
    ("Aktuell", "a field label"), ("Last price", "a field label"), ("Dernier cours", "a field label"),
    ("Último", "a field label"), ("Price", "a field label"), ("Kurs", "a field label"),
    ("Trading Status: Active", "a 'label: value' line"), ("Market open", "a status, time or delay line"),
    ("Real-time quote", "a status, time or delay line"), ("Delayed 15 min", "a status, time or delay line"),
    ("NASDAQ: AAPL", "a code and its exchange"), ("7203 東証プライム", "a code and its exchange"),
    ("US", "a country or region"), ("Deutschland", "a country or region"),
    ("Coinbase", "an exchange"), ("Xetra", "an exchange"), ("NYSE", "an exchange"),
    ("USD", "a currency or unit"), ("EUR", "a currency or unit"), ("€", "a currency or unit"),
    ("WKN 555750 | ISIN DE0005557508 | Symbol DTE", "an identifier line (ISIN, WKN)"),
    ("NESN | CH0038863350 | SIX", "a line of identifiers"),
    ("Swiss Market Index | ISIN CH0009980894", "a name printed with its identifiers"),
    ("25.04.2025", "a date or time"), ("2 Dec 2026", "a date or time"),
    ("NASDAQ · USD", "an exchange and currency line"), ("Home > Stocks > Tesla", "a breadcrumb"),
    ("Startseite › Aktien", "a breadcrumb"), ("1D 5D 1M 6M YTD 1Y 5Y Max", "a chart's period selector"),
    ("News", "a tab or menu item"), ("Übersicht", "a tab or menu item"), ("sh000001", "only a code, with a code's marks"), ("AAPL", "only a code"),
    ("NASDAQ-100", "a code-like name"), ("Aktien", "the instrument's kind or a section"),
    ("Apple shares rose after the company reported record results.", "a sentence"),
    ("Deutsche Telekom Aktie", "a heading"),
    # a site's domain with its menu glued after it (a minified page's text); a domain alone may name a company
    ("ZETASTOCKS.com首頁即時報價港股美股", "a site's menu glued to its name"), ("zeta-tv.deNachrichtenPolitik", "a site's menu glued to its name"),
    ("Zetazon.com", "a heading"), ("Zetabook.com Holdings", "a heading"),
    # codes glued before a name, and a stock's number code in parentheses
    ("ZETA4Zetrobras PN", "a heading"), ("ZETABANK (1155)", "a heading"),
])
def test_classify_reason(line, reason):
    assert classify(line).reasons[0] == reason


@pytest.mark.parametrize("line,evidence", [
    ("Apple Inc. (AAPL)", "its code 'AAPL' beside it"),
    ("Hang Seng Index - HSI", "its code 'HSI' beside it"),
    ("Deutsche Telekom Aktie", "an instrument's word 'Aktie'"),
    ("上证指数", "an instrument's word '指数'"),
    ("Deutsche Telekom AG Namens-Aktien o.N.", "a share class 'Namens-Aktien'"),
    ("ORDINARY FULLY PAID", "a share class 'ORDINARY FULLY PAID'"),
])
def test_classify_evidence(line, evidence):
    assert evidence in classify(line).reasons


def _window(text: str) -> list[tuple[int, str]]:
    return [(k, s) for k, s in enumerate(text.splitlines()) if s.strip()]


@pytest.mark.parametrize("window,name,symbol", [
    ("Apple Inc. (AAPL)\nNASDAQ: AAPL\nCreate Alert\nLast price", "Apple Inc.", "AAPL"),
    ("Bitcoin / U.S. Dollar\nBTC/USD\nCoinbase\nTrade now", "Bitcoin / U.S. Dollar", "BTC/USD"),
    ("SMI\nSwiss Market Index | ISIN CH0009980894\nAlarm", "SMI", None),
    ("SMI 998089 / CH0009980894", "SMI", None),                       # only a name printed with its ids
    ("World Indices\nDAX", "DAX", None),                              # the nearest, when nothing says otherwise
    ("Top Stories\nNKY", "NKY", None),                                # a code not the heading's own is the name
    ("NDX\nNASDAQ-100", "NASDAQ-100", "NDX"),                          # a table's code cell, then its name cell
    ("비트코인\nBTC/KRW", "비트코인", "BTC/KRW"),                        # a name cell, then its code cell
    ("Startseite\nAktien\nIndizes\nETFs\nDAX 40\nKursalarm", "DAX 40", None),
    # a numeric code before a CJK name: the heading, though the site's menu runs into it
    ("株探\nトップ\nニュース\n銘柄探検\n決算\nランキング\nログイン\n9999 ゼータ自動車\n東証Ｐ\n12/04 15:30",
     "ゼータ自動車", "9999"),
    # a page's tabs name fields too ("Quote", "Price"), and a tab printed again in the site's
    # menu above is no mention of a name
    ("Investing Ideas\nStocks\nFunds\nMarkets\nPortfolio\nSign In\nZeta 500 Index Admiral\n"
     "Rating as of Nov 30, 2026 | See Zeta Investment Hub\nQuote\nChart\nFund Analysis\nPerformance\n"
     "Risk\nPrice\nPortfolio\nParent\nNAV / 1-Day Return", "Zeta 500 Index Admiral", None),
    # a code and the instrument's kind under the name; menus of ideographic or single spaces
    ("ゼータ探\nホーム　株価検索　ニュース　決算速報\nログイン　会員登録\nゼータ平均\n0000　指数\n2026/12/04 15:15 終値",
     "ゼータ平均", "0000"),
    ("示例酒业\n首页 行情 数据 股吧 基金 财经 博客", "示例酒业", None),
    ("Przykład.pl\nGiełda　Waluty　Fundusze　Kredyty　Wiadomości\nZWIG20", "ZWIG20", None),
    # a section's word over the pair's code (es), and a code with its exchange (ar, Tadawul)
    ("Mercados\nEmpresas\nOpinión\nDivisas\nEUR/USD", "EUR/USD", None),
    ("الرئيسية\nالأسواق\nشركة زيتا\n9999 | تداول\nالسعر", "شركة زيتا", None),
    ("Nasdaq", None, None),                                            # an exchange alone: the caller decides
    ("Create Alert\nLast price", None, None),
    ("ORDINARY FULLY PAID\nAdd to Watchlist", None, None),
])
def test_choose_name(window, name, symbol):
    c = choose_name(_window(window))
    if name is not None:
        assert c is not None and (c.name, c.symbol) == (name, symbol)
    else:
        assert c is None


def test_a_name_repeated_in_the_page_beats_an_unknown_button():
    window = _window("Nikkei 225\nSet up price notification")
    assert choose_name(window).name == "Set up price notification"  # nothing says otherwise: the nearest
    c = choose_name(window, mentions=lambda core: 2 if core == "nikkei 225" else 0)
    assert c.name == "Nikkei 225" and "named again in the page" in c.scored[0].reasons


def test_explain_says_where_the_name_came_from():
    page = "Apple Inc. (AAPL)\nNASDAQ: AAPL\nCreate Alert\n$189.84\n+2.15 (+1.15%)\n"
    [e] = explain(page)[1]
    assert e["name"] == "Apple Inc."
    assert e["name_from"].startswith("line 1 (")
    assert "its code 'AAPL' beside it" in e["name_from"]
    assert "'Create Alert': a button or link" in e["name_from"]


# a line describing the quote, not naming it, between the heading and the numbers: the kind,
# price or source words with an exchange ("Indice Borsa Italiana", "Stock Price"), the site's
# or publisher's name ("MarketWatch", "新浪财经"), an index provider's company under the index
# ("Nikkei Inc."): the heading names the quote (issue 11, names from descriptor lines)
DESCRIPTOR_LINES = [
    pytest.param("FTSE MIB\nIndice Borsa Italiana\n34.512,33\n+123,45 (+0,36%)\n", "FTSE MIB", id="it-kind-and-exchange"),
    pytest.param("上证指数\n新浪财经\n3,245.12\n+12.34 (+0.38%)\n", "上证指数", id="zh-site-name"),
    pytest.param("Dow Jones Industrial Average\nMarketWatch\n42,512.30\n+112.40 (+0.27%)\n",
                 "Dow Jones Industrial Average", id="en-site-name"),
    pytest.param("코스피\n네이버 증권\n2,455.91\n-28.42 (-1.14%)\n", "코스피", id="ko-site-name"),
    pytest.param("CAC 40\nCours Euronext Paris\n7 812,54\n+33,45 (+0,43%)\n", "CAC 40", id="fr-price-word-and-exchange"),
    pytest.param("WIG20\nNotowania GPW\n2 345,67\n+12,34 (+0,53%)\n", "WIG20", id="pl-quotes-word-and-exchange"),
    pytest.param("Ibovespa\nCotação B3\n128.150,44\n+1.034,20 (+0,81%)\n", "Ibovespa", id="pt-price-word-and-site"),
    pytest.param("DAX\nIndex-Kurs\n24.512,30\n+112,40 (+0,46%)\n", "DAX", id="de-kind-and-price-word"),
    pytest.param("Nikkei 225\nNikkei Inc.\n38,471.20\n+761.60 (+2.02%)\n", "Nikkei 225", id="en-provider-company"),
    pytest.param("FTSE 100\n.FTSE\nFTSE International Ltd\n8,139.83\n+60.97 (+0.75%)\n", "FTSE 100",
                 id="en-provider-after-code-line"),
    pytest.param("S&P 500\nS&P Dow Jones Indices\n6,111.81\n+59.84 (+0.99%)\n", "S&P 500", id="en-provider-indices"),
    pytest.param("Hang Seng Index\nHang Seng Indexes Company Ltd\n25,012.35\n+150.20 (+0.60%)\n", "Hang Seng Index",
                 id="en-provider-of-index-word-heading"),
    # kept: an exchange's own index is a name ("NASDAQ Global Index"), a company's heading names its stock
    pytest.param("NASDAQ Global Index\n\nNQGI\n2,840.47 7.11 0.25%\n", "NASDAQ Global Index", id="exchange-named-index-kept"),
    pytest.param("Markets\nApple Inc.\nStock Price\n$189.84\n+2.15 (+1.15%)\n", "Apple Inc.", id="company-heading-kept"),
]


@pytest.mark.parametrize("page, name", DESCRIPTOR_LINES)
def test_descriptor_and_site_lines_name_no_quote(page, name):
    assert [n for n, _ in _names(page)] == [name]


def test_the_same_lines_elsewhere_give_the_same_choice_at_their_own_lines():
    # (choose_name keeps a window's scores per its texts: the lines and the page's mentions
    # are each call's own)
    texts = ["Nikkei 225", "Set up price notification"]
    first = choose_name(list(enumerate(texts)))
    again = choose_name([(40, texts[0]), (42, texts[1])])
    assert (first.name, first.line) == ("Set up price notification", 1)
    assert (again.name, again.line) == ("Set up price notification", 42)
    assert [s.line for s in again.scored] == [40, 42] and again.scored[1:] != first.scored[1:]
    named = choose_name([(40, texts[0]), (42, texts[1])], mentions=lambda core: 2 if core == "nikkei 225" else 0)
    assert (named.name, named.line) == ("Nikkei 225", 40)
