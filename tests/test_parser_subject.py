"""The name of a quote page's quote: the instrument's, chosen by scored evidence
(:mod:`ticker.parser.subject`), not the nearest line above the value.

Each snippet is written the way quote pages print their header as text (nav lines, the
heading, a subtitle or share class, a code line, buttons, a field label, the numbers, a time
line, related quotes, some body text); the numbers are invented, the arithmetic consistent.
"""
from __future__ import annotations

import pytest

from ticker.parser import parse


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
""", [("Deutsche Telekom Aktie", "DTE")], id="de-stock-share-class-ids-buttons",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
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
""", [("Apple Inc.", "AAPL")], id="en-stock-code-line-buttons",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""SMI
Swiss Market Index | ISIN CH0009980894
Alarm
11’942.05
+24.46 (+0.21%)
Verzögert 15 Min.
""", [("SMI", None)], id="de-ch-index-subtitle-with-isin",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""BHP Group Limited (BHP)
ORDINARY FULLY PAID
Add to Watchlist
Last price
$44.12
-0.38 (-0.85%)
Delayed 20 min
""", [("BHP Group Limited", "BHP")], id="en-au-share-class",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""S&P/ASX 200 (XJO)
Trading Status: Active
Follow
8,123.40
-45.60 (-0.56%)
As at 4:10 PM AEST
""", [("S&P/ASX 200", "XJO")], id="en-au-index-status-label-value",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""Bitcoin / U.S. Dollar
BTC/USD
Coinbase
Trade now
Compare
64,210.55
-1,234.45 (-1.89%)
24h volume
""", [("Bitcoin / U.S. Dollar", None)], id="en-crypto-pair-code-exchange",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""上证指数
sh000001
3,088.64
+12.30 +0.40%
更新时间 15:00:03
""", [("上证指数", None)], id="zh-index-lowercase-code",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""Индекс МосБиржи
IMOEX
Добавить в избранное
2 876,45
−12,30 (−0,43%)
Данные на 18:50 МСК
""", [("Индекс МосБиржи", None)], id="ru-index-code",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""CAC 40
FR0003500008
Créer une alerte
Dernier cours
7 512,34
+45,67 (+0,61 %)
Temps réel Euronext Paris
""", [("CAC 40", None)], id="fr-index-isin-button-label",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""IBEX 35
Crear alerta
Último
11.234,50
-56,70 (-0,50%)
Datos en tiempo real
""", [("IBEX 35", None)], id="es-index-button-label",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""FTSE MIB
Indice
Aggiungi al portafoglio
Ultimo
34.512,33
+123,45 (+0,36%)
""", [("FTSE MIB", None)], id="it-index-kind-button-label",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""トヨタ自動車
7203 東証プライム
ポートフォリオに追加
現在値
2,845.5
+32.0 (+1.14%)
""", [("トヨタ自動車", None)], id="ja-stock-code-exchange-button",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""삼성전자
005930 코스피
관심종목 추가
현재가
71,200
+800 (+1.14%)
""", [("삼성전자", None)], id="ko-stock-code-exchange-button",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""WIG20
Indeks
Dodaj do obserwowanych
Kurs
2 345,67
+12,34 (+0,53%)
""", [("WIG20", None)], id="pl-index-button-label",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""BIST 100
XU100
Alarm kur
Son fiyat
9.876,54
+108,21 (+%1,11)
""", [("BIST 100", None)], id="tr-index-code-button",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""Ibovespa
IBOV
Seguir
Último
128.450,12
+1.234,56 (+0,97%)
""", [("Ibovespa", None)], id="pt-index-code-button",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""AEX
Index
Volgen
Koers
912,34
+4,56 (+0,50%)
""", [("AEX", None)], id="nl-index-button",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""OMX Stockholm 30
Bevaka
Senast
2 512,80
-10,20 (-0,40%)
""", [("OMX Stockholm 30", None)], id="sv-index-button",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
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
""", [("Nasdaq Composite", ".IXIC")], id="en-nav-run-then-heading-code",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""Hang Seng Index - HSI
Add an alert
Price
17,234.50
+210.30 (+1.24%)
""", [("Hang Seng Index", None)], id="en-name-dash-code",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""Nikkei 225
Create Alert
38,471.20
+761.60 (+2.02%)
""", [("Nikkei 225", None)], id="en-button-between",
    marks=xfail("the nearest line above the value is taken (a button, label, code or share class)")),
    pytest.param("""EUR/USD
Euro / US Dollar
1.0842
+0.0021 (+0.19%)
""", [("Euro / US Dollar", None)], id="en-fx-code-then-name"),
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
""", [("비트코인", "BTC/KRW"), ("이더리움", "ETH/KRW")], id="ko-name-cell-then-symbol-cell",
    marks=xfail("the code cell is taken for the name")),
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
""", [("NASDAQ-100", "NDX"), ("S&P 500", "SPX")], id="en-symbol-cell-then-name-cell",
    marks=xfail("the code cell is taken for the name")),
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
