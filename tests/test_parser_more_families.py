"""More layout families of quote headers, found by a held-out check (pages of sites the parser
had not seen): the value alone with its change and percent labelled on lines of their own, a
clock time after the percent on the quote's line, a unit glued to a figure by the markup, and
market status lines printed as a state and its date, a date and a one-word status, or a place,
a market word and a status without spaces.

Every snippet is written here in the shape such pages take; names, figures and the words around
them are invented, the arithmetic holds (``pct ≈ 100·change / (value − change)``).
"""
from __future__ import annotations

import pytest

from ticker.pages import html_to_text
from ticker.parser import parse

from snippets import Q
from snippets import quotes as _quotes

READ = [
    # the value unlabelled under the name, the change and percent labelled below it
    pytest.param("Cotizaciones > Índices\nIBEX Ejemplo\n11.380,70\nDif.: -42,10\nVar.: -0,37%\nApertura: 11.431,00\n"
                 "Máximo: 11.469,20\n",
                 Q(("IBEX Ejemplo", "11380.70", "-42.10", "-0.37")), id="es-dif-var-under-the-value"),
    pytest.param("Indices\nAcme Composite\n5,432.10\nChange: +43.21\n% Change: +0.80%\nOpen: 5,390.00\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80")), id="en-change-and-pct-change-labelled"),
    pytest.param("Acme Composite\n5,432.10\n\nChange +43.21\n\n% Change +0.80%\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80")), id="en-labelled-blank-lines-between"),
    # each field under its own label, the Spanish way ("Diferencia", "Dif. %")
    pytest.param("Índices\nIBEX Ejemplo\nÚltimo\n11.521,00\nDiferencia\n-81,20\nDif. %\n-0,70%\nCierre 13/12/2024 17:38\n",
                 Q(("IBEX Ejemplo", "11521.00", "-81.20", "-0.70")), id="es-ultimo-diferencia-dif-pct"),
    # an arrow image's text between the value and the change, glued to its sign
    pytest.param("Acme Industrial Average\n.AIA:Acme Global Indexes\nLast | 11/29/24 EST\n"
                 "44,910.65 quote price arrow up+188.59 (+0.42%)\nDay High\n44,980.29\n",
                 Q(("Acme Industrial Average", "44910.65", "188.59", "0.42")), id="arrow-alt-text-glued-to-sign"),
    pytest.param("Acme Industrial Average\n44,910.65 arrow down −188.59 (−0.42%)\n",
                 Q(("Acme Industrial Average", "44910.65", "-188.59", "-0.42")), id="arrow-alt-text-then-signed-change"),
    # the value's and the change's labels on the numbers' line, tab-separated: the name above
    pytest.param("Notowania  Wykresy  Portfel\n\nZIG20 - Zeta Indeks (ZIG20)\nKurs\t2634.18\tZmiana\t+21.47 (+0.82%)\n"
                 "Data\t2026-12-03 17:15:00\n", Q(("Zeta Indeks (ZIG20)", "2634.18", "21.47", "0.82")), id="pl-kurs-zmiana-one-line"),
    pytest.param("Acme Composite\nLast 5,432.10 Change +43.21 (+0.80%)\n", Q(("Acme Composite", "5432.10", "43.21", "0.80")),
                 id="en-last-change-one-line"),
    # one row of numbers without a name under a wide header: the heading's quote
    pytest.param("Mercados | Acciones | Índices\nIBEX Ejemplo\nÚltimo\tDif.\tDif. %\tMáximo\tMínimo\tVolumen\n"
                 "16.284,30\t-97,60\t-0,60%\t16.402,10\t16.251,80\t512.338.120\nRentabilidad\n",
                 Q(("IBEX Ejemplo", "16284.30", "-97.60", "-0.60")), id="es-header-then-one-unnamed-row"),
    pytest.param("Acme Composite\nLast Chg %Chg High Low\n5,432.10 +43.21 +0.80% 5,440.00 5,380.20\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80")), id="en-header-then-one-unnamed-row"),
    # an unnamed row that is not the first: whose numbers are they? (the named one is read)
    pytest.param("Acme Composite\nLast Chg %Chg High Low\nZeta 1,210.20 +10.10 +0.84% 1,215.00 1,200.00\n"
                 "5,432.10 +43.21 +0.80% 5,440.00 5,380.20\n", Q(("Zeta", "1210.20", "10.10", "0.84")),
                 id="unnamed-row-not-first"),
    # the day's change, then an extended session's: the day's is the quote's
    pytest.param("Invest  Crypto  Retirement  Learn\nLog in  Sign up\nZETAVIA\n$182.41\n+$3.27 (+1.83%) Today\n"
                 "-$0.58 (-0.32%) After-hours\n1D 1W 1M 3M YTD 1Y\n", Q(("ZETAVIA", "182.41", "3.27", "1.83")),
                 id="day-change-then-after-hours"),
    pytest.param("Zeta AG\n182,41 €\n+3,27 € (+1,83 %)\n-0,58 € (-0,32 %) nachbörslich\n",
                 Q(("Zeta AG", "182.41", "3.27", "1.83")), id="de-day-change-then-nachboerslich"),
    # a rate and its currency unit, the change and percent with an arrow on the next line (uk)
    pytest.param("Курси валют › НБУ › Долар США\nЗета США (ZET/UAH)\nОфіційний курс НБУ\n41,4520 грн\n▲ +0,0830 (+0,20%)\n",
                 Q(("Зета США", "41.4520", "0.0830", "0.20")), id="uk-rate-in-hryvnia"),
    # the price and the change labelled on their lines (id), '.' grouping a whole rupiah price
    pytest.param("Pusat Data › Saham › ZBCA\nZBCA\nBank Zeta Asia Tbk\nHarga 9.875\nPerubahan +125 (+1,28%)\n"
                 "Penutupan sebelumnya 9.750\n", Q(("ZBCA", "9875", "125", "1.28")), id="id-harga-perubahan"),
    # Persian digits, labelled rate and change, the direction a word in parentheses after them
    pytest.param("صفحه اصلی › طلا › انس مثال\nانس مثال\nXAU/USD · دلار\nنرخ فعلی: ۲,۶۵۴.۳۲\n"
                 "میزان تغییر: ۱۲.۴۵ (۰.۴۷%) (افزایش)\nزمان ثبت آخرین نرخ: ۱۹:۱۲:۴۰\n",
                 Q(("انس مثال", "2654.32", "12.45", "0.47")), id="fa-labelled-rate-and-change"),
    # the day's percent and change first, the value under its label below them (sv)
    pytest.param("Index\nOMX Exempel 30\nOMXE30\nIndex · Sverige\nUtveckling idag\n+0,75 %\n+19,20\nSenast\n2 573,64\n"
                 "Stängd\nHögst\n2 581,23\n", Q(("OMX Exempel 30", "2573.64", "19.20", "0.75")), id="sv-pct-change-then-labelled-value"),
    # the value, the percent without its sign (an arrow the page drew), the signed change and
    # "Today": the percent takes the change's minus
    pytest.param("Zeta Industrial Average\nINDEXZJX: .ZJI\n43,297.03\n0.066%\n-28.77 Today\n"
                 "Dec 3, 4:59:58 PM GMT-5 · INDEXZJX · Disclaimer\n", Q(("Zeta Industrial Average", "43297.03", "-28.77", "-0.066")),
                 id="unsigned-pct-takes-the-change-s-minus"),
    # a tape of name, value, percent and (change), names ending in a number, fr numbers
    pytest.param("EN DIRECT\nZAC 40 8 112,45 -0,30% (-24,61) | ZAX 24 012,37 +0,50% (+118,52) | "
                 "ZTSE 100 9 734,20 -0,09% (-8,75)\n",
                 Q(("ZAC 40", "8112.45", "-24.61", "-0.30"), ("ZAX", "24012.37", "118.52", "0.50"),
                   ("ZTSE 100", "9734.20", "-8.75", "-0.09")), id="fr-tape-value-pct-change-names-with-numbers"),
    # rows printing each name after its numbers, a section's heading above the first
    pytest.param("Zeta Zeitung\nWirtschaft\n\nMärkte\n12’934.56  +23.45 (+0.18%)  ZMI\n17’412.30  +30.88 (+0.18%)  ZPI\n"
                 "0.9342  -0.0011 (-0.12%)  EUR/CHF\nKurse verzögert\n",
                 Q(("ZMI", "12934.56", "23.45", "0.18"), ("ZPI", "17412.30", "30.88", "0.18"),
                   ("EUR/CHF", "0.9342", "-0.0011", "-0.12")), id="rows-names-after-numbers-heading-above"),
    # a pipe table whose rows end in a bar, the percent column without signs
    pytest.param("Titel | Kurs | +/- | % |\nZMI | 12’934.56 | +23.45 | +0.18 |\nZPI | 17’412.30 | +30.88 | +0.18 |\n"
                 "Zeta Group N | -- | -- | -- |\n", Q(("ZMI", "12934.56", "23.45", "0.18"), ("ZPI", "17412.30", "30.88", "0.18")),
                 id="pipe-rows-ending-in-a-bar"),
    # a tab table whose percent cell is named with the change's sign ("+/- %"), before the change
    pytest.param("Börsen just nu\nNamn\tSenast\t+/- %\t+/-\tTid\nZMX Stockholm 30\t2 756,78\t+0,40\t+11,01\t17:29\n"
                 "EUR/ZEK\t10,9521\t-0,19\t-0,0213\t17:29\n",
                 Q(("ZMX Stockholm 30", "2756.78", "11.01", "0.40"), ("EUR/ZEK", "10.9521", "-0.0213", "-0.19")),
                 id="sv-tab-table-pct-cell-before-change"),
    # a tab table naming its change "Move" and its percent "% Move", the percents without signs
    pytest.param("Market Overview\nName\tLast\tMove\t% Move\nZSE All Share\t84172.55\t+254.41\t+0.30\n"
                 "USD/ZAR\t17.6824\t-0.0677\t-0.38\n",
                 Q(("ZSE All Share", "84172.55", "254.41", "0.30"), ("USD/ZAR", "17.6824", "-0.0677", "-0.38")),
                 id="en-move-and-pct-move-columns"),
    # a clock time after the percent, on the quote's line
    pytest.param("Koersen > Indices\nVoorbeeld 25\n945,32 +3,18 +0,34% 17:35\nVorige slot 942,14 Open 943,01\n",
                 Q(("Voorbeeld 25", "945.32", "3.18", "0.34")), id="nl-clock-after-the-percent"),
    pytest.param("Acme Composite\n5,432.10 +43.21 (+0.80%) 4:00 PM EST\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80")), id="en-clock-and-zone-after-the-percent"),
    pytest.param("Acme Corp\n150.12 2.30 1.56% 10:30\n",
                 Q(("Acme Corp", "150.12", "2.30", "1.56")), id="unsigned-change-then-clock"),
]

TABLES = [
    # a header whose column names hold digits ("52-Wk High"), a period's return last ("YTD %Chg"),
    # group headings between the rows, percents without "%", rises unsigned
    pytest.param("Major Indexes\nClose\nLatest Chg %Chg 52-Wk High Low YTD %Chg\nAcme Group\n"
                 "Acme Industrial Average 41234.56 123.45 0.30 42000.00 35000.00 9.87\n"
                 "Acme Transport Average 15320.10 -45.60 -0.30 16000.00 12000.00 4.56\nOther Indexes\n"
                 "Zeta 2000 2210.40 11.05 0.50 2300.00 1800.00 7.10\n",
                 Q(("Acme Industrial Average", "41234.56", "123.45", "0.30"),
                   ("Acme Transport Average", "15320.10", "-45.60", "-0.30"),
                   ("Zeta 2000", "2210.40", "11.05", "0.50")), id="en-numbered-header-period-columns"),
    # the same rows under a header of period columns only: no day's change to read
    pytest.param("Performance\nLatest YTD %Chg 52-Wk High Low\nAcme Industrial Average 41234.56 9.87 42000.00 35000.00\n",
                 [], id="en-period-columns-only"),
    # one cell per line with a code column before the name (zh): not read yet
    pytest.param("全球指数\n代码\n名称\n最新价\n涨跌额\n涨跌幅\n开盘价\n000001\n示例指数\n3897.71\n22.98\n0.59%\n3880.12\n"
                 "000002\n样本成指\n13102.55\n-41.62\n-0.32%\n13150.00\n",
                 Q(("示例指数", "3897.71", "22.98", "0.59"), ("样本成指", "13102.55", "-41.62", "-0.32")),
                 id="zh-cells-code-column-first"),
    # the header's percent cell without "%", a column of volumes after it, no blank lines
    pytest.param("行情\n沪深指数\n代码\n名称\n最新价\n涨跌额\n涨跌幅\n成交额(亿)\n000001\n示例指数\n3889.52\n-7.99\n-0.21%\n"
                 "8123.45\n399001\n样本成指\n13054.87\n-47.68\n-0.36%\n10512.30\n",
                 Q(("示例指数", "3889.52", "-7.99", "-0.21"), ("样本成指", "13054.87", "-47.68", "-0.36")),
                 id="zh-cells-volume-column"),
    # fr: code, name, last, percent before change, then open, high, low
    pytest.param("Indices mondiaux\nCode\nNom\nDernier\nVar. %\nVar.\nOuv.\n+ Haut\n+ Bas\nPXA\nIndice Exemple 40\n"
                 "8\u202f089,56\n+0,23%\n+18,38\n8\u202f075,10\n8\u202f102,44\n8\u202f061,37\nPXB\nIndice Modèle 120\n"
                 "6\u202f132,48\n+0,19%\n+11,58\n6\u202f120,00\n6\u202f140,10\n6\u202f118,20\n",
                 Q(("Indice Exemple 40", "8089.56", "18.38", "0.23"), ("Indice Modèle 120", "6132.48", "11.58", "0.19")),
                 id="fr-cells-code-pct-before-change"),
    # en: code, name, then 52-week columns after the percent
    pytest.param("Regional Indices\nCode\nIndex\nLast\nChange\n% Change\n52 Week High\n52 Week Low\nZASI\nZeta All Share\n"
                 "10,980.12\n-32.34\n-0.29%\n12,536.10\n10,366.45\nQGI\nQuux General Index\n6,012.45\n+24.33\n+0.41%\n"
                 "6,300.00\n5,100.20\n",
                 Q(("Zeta All Share", "10980.12", "-32.34", "-0.29"), ("Quux General Index", "6012.45", "24.33", "0.41")),
                 id="en-cells-code-52-week-columns"),
    # columns of numbers before the value, percents without "%", rises unsigned
    pytest.param("Indices\nIndex\nOpen\nHigh\nLow\nLast\nChg\n% Chg\nVol ('00)\nZeta Composite\n1,621.50\n1,624.02\n"
                 "1,615.33\n1,618.74\n-3.39\n-0.21\n1,024,551\nZeta Top 100\n11,925.40\n11,940.00\n11,890.10\n11,902.35\n"
                 "-23.05\n-0.19\n512,330\n",
                 Q(("Zeta Composite", "1618.74", "-3.39", "-0.21"), ("Zeta Top 100", "11902.35", "-23.05", "-0.19")),
                 id="en-cells-open-high-low-before-last"),
    # the table ends on the page's last line: no error
    pytest.param("代码\n名称\n最新价\n涨跌额\n涨跌幅\n000001\n示例指数\n3897.71\n22.98\n0.59%\n000002",
                 Q(("示例指数", "3897.71", "22.98", "0.59")), id="zh-cells-code-at-page-end"),
]


@pytest.mark.parametrize("text, want", TABLES)
def test_tables(text, want):
    assert _quotes(text) == want


REFUSED = [
    # the labels there, but the arithmetic fails: another statistic's numbers
    pytest.param("IBEX Ejemplo\n11.380,70\nDif.: -42,10\nVar.: -0,20%\n", id="es-labelled-arithmetic-fails"),
    # the number above the labels is a statistic's, under its own label
    pytest.param("Acme Corp\nVolume\n16,380\nChange: -42.10\n% Change: -0.26%\n", id="labelled-value-of-another-label"),
    # ... under a column word that no label list holds: that statistic's number, not the value
    pytest.param("IBEX Ejemplo\nApertura\n16.380,70\nDif.: -42,10\nVar.: -0,26%\n", id="es-labelled-value-of-a-column-word"),
    pytest.param("Acme Corp\nDay High\n16,380.70\nChange: -42.10\nChange %: -0.26%\n", id="labelled-value-of-day-high"),
    # a value and a percent with a clock time: no change, no quote
    pytest.param("Voorbeeld 25\n945,32 +0,34% 17:35\n", id="value-pct-clock-no-change"),
    # ... the arithmetic refuses a value that is not the one the change was of
    pytest.param("OMX Exempel 30\nUtveckling idag\n+0,75 %\n+19,20\nSenast\n3 573,64\n", id="sv-labelled-value-fails-check"),
    # ... only where the arithmetic passes with that minus
    pytest.param("Zeta Industrial Average\n43,297.03\n0.166%\n-28.77 Today\n", id="unsigned-pct-check-fails"),
    # an arrow's text against the change's sign: which one is wrong?
    pytest.param("Acme Industrial Average\n44,910.65 quote price arrow down+188.59 (+0.42%)\n", id="arrow-against-sign"),
    # two clock times after the numbers: an axis or a timetable, not the quote's time
    pytest.param("Voorbeeld 25\n945,32 +3,18 +0,34% 17:35 12:00\n", id="two-clocks-after"),
    # a direction word against the arrow on a change line: the inline family refuses it, and
    # the labelled family must not take it from the value above
    pytest.param("코스피\n3,912.34\n전일대비 ▼28.42 -0.72% 상승\n", id="ko-arrow-against-word"),
]


@pytest.mark.parametrize("text, want", READ)
def test_read(text, want):
    assert _quotes(text) == want


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text):
    assert _quotes(text) == []


QUOTE = "Acme Composite\n5,432.10\n+43.21 (+0.80%)\n"
STATUS = [
    # a state and its date after a middle dot or bar, under the numbers
    pytest.param(f"{QUOTE}Geschlossen·02/12\nVortag\n5.388,89\n", "Geschlossen·02/12", id="de-state-dot-date"),
    pytest.param(f"{QUOTE}Closed | 12/02/26\n", "Closed | 12/02/26", id="en-state-bar-date"),
    # a date, then a one-word status, perhaps "as of" it in parentheses
    pytest.param("예시지수\n2026.12.02 기준(장마감)\n3,980.12\n▲12.34 +0.31%\n", "2026.12.02 기준(장마감)",
                 id="ko-date-as-of-status"),
    pytest.param("예시지수\n3,980.12\n▲12.34 +0.31%\n12.02 장마감\n", "12.02 장마감", id="ko-month-day-status"),
    # a place, a market word and a status, no spaces
    pytest.param("廣告\n香港市場已收市\n示例指數\n25,880.12\n+120.30 (+0.47%)\n", "香港市場已收市", id="zh-place-market-status"),
    # a label and the time
    pytest.param("IBEX Ejemplo\n11.380,70\n-42,10 (-0,37%)\nHora: 17:38:20\n", "Hora: 17:38:20", id="es-hora"),
    pytest.param("Indice Exemple\n8 104,22 pts\n-30,11 (-0,37 %)\nCours en temps réel - 02/12/2026 17:38:42\n",
                 "Cours en temps réel - 02/12/2026 17:38:42", id="fr-cours-en-temps-reel"),
    # the clock, its zone, then the date, over a table's header
    pytest.param("Close\n4:30 PM EST 12/02/26\nIndex Last Chg %Chg\nAcme Composite 5,432.10 +43.21 +0.80%\n"
                 "Zeta Small Cap 2,100.50 -10.50 -0.50%\n", "4:30 PM EST 12/02/26", id="en-clock-zone-date-over-table"),
]


@pytest.mark.parametrize("text, status", STATUS)
def test_market_status(text, status):
    page = parse(text)
    assert page.quotes, "the quote itself must be read"
    assert page.market_status == status


NOT_STATUS = [
    # a price of 12.02 after the "Open" label is a statistic, not a state and its date
    pytest.param(f"{QUOTE}Open · 12.02\n", id="open-label-and-a-price"),
    # a state word alone in a menu, far from the header, with no date
    pytest.param(f"{QUOTE}Open\n", id="bare-open"),
]


@pytest.mark.parametrize("text", NOT_STATUS)
def test_not_a_status(text):
    assert parse(text).market_status is None


HTML = [
    # a unit in its own element right after the figure: apart, so the figure is read
    pytest.param("<h1>Acme Aktie</h1><div><span>238,45</span><span>EUR</span> <span>+3,15 EUR</span> "
                 "<span>+1,34 %</span></div>", Q(("Acme Aktie", "238.45", "3.15", "1.34")), id="unit-element-after-figure"),
    # a CJK name's code, then the session and time in the next element; the price's unit, then
    # the arrowed change in the next: apart
    pytest.param("<div><span>예시전자</span> <span>012345</span><span>코스피 12.02 15:30 장마감</span></div>"
                 "<div><span>71,200</span><span>원</span><span>▲1,300</span> <span>+1.86%</span></div>",
                 Q(("예시전자", "71200", "1300", "1.86")), id="ko-code-then-session-unit-then-arrow"),
    pytest.param("<div><span>沪示指数</span> <span>000123</span><span>收盘 12-02 15:00:00</span></div>"
                 "<div><span>3287.45</span> <span>+15.23</span> <span>+0.47%</span></div>",
                 Q(("沪示指数", "3287.45", "15.23", "0.47")), id="zh-code-then-session"),
    # an ordinal's suffix in its own element stays glued (a word, not a figure and a unit)
    pytest.param("<p>1<sup>st</sup> quarter</p>", [], id="ordinal-suffix"),
]


@pytest.mark.parametrize("html, want", HTML)
def test_html_figure_then_capital(html, want):
    text = html_to_text(html)
    assert _quotes(text) == want
    if not want:
        assert "1st" in text


NAMES = [
    # an index's code as the heading, its full name under it: "CODE Name", the code its symbol
    pytest.param("Indizes\nSchweiz\nZMI\nZeta Market Index\nValor 123456 | ISIN CH0000000001\n9’945.60 Pkt.\n"
                 "−22.55 (−0.23%)\n", ("ZMI Zeta Market Index", "ZMI"), id="code-heading-over-full-name"),
    pytest.param("Notowania\nIndeksy\nZIG\nZetański Indeks Giełdowy\nKurs: 15 234,67 pkt\nZmiana: -36,35 pkt (-0,24%)\n",
                 ("ZIG Zetański Indeks Giełdowy", "ZIG"), id="pl-code-heading-over-full-name"),
    # a stock's ticker over its company's name: the ticker is the symbol, not a part of the name
    pytest.param("ZWI\nZeta Widgets Inc.\n211.76 +2.80 (+1.34%)\n", ("Zeta Widgets Inc.", "ZWI"), id="ticker-over-company"),
    pytest.param("ZWH\nZeta Widget Holdings plc\n6.76 +0.08 (+1.20%)\n", ("Zeta Widget Holdings plc", "ZWH"),
                 id="ticker-over-plc"),
    # a CJK name with its exchange's numeric code after a space: the code is its symbol
    pytest.param("行情中心\n沪示指数 000123\n已收盘 12-02 15:00:03\n3088.64\n+12.34 +0.40%\n", ("沪示指数", "000123"),
                 id="zh-name-six-digit-code"),
    pytest.param("증권\n예시전자 012345\n71,400\n▲1,200 +1.71%\n", ("예시전자", "012345"), id="ko-name-six-digit-code"),
    pytest.param("港股\n示例控股 00123\n388.20\n+4.60 (+1.20%)\n", ("示例控股", "00123"), id="hk-name-five-digit-code"),
    # a site's menu of words no list has, then a section word: all menu items, none the name
    # (the section word printed again in the page gives it no credit over the heading)
    pytest.param("Uutiset\nPörssi\nSijoittaminen\nKurssit\nIndeksit\nValuutat\nIndeksit\nZeta Helsinki 25\nZETH25\n"
                 "4 570,12\n-16,05\n-0,35 %\nKurssitiedot viivästettyjä.\n", ("Zeta Helsinki 25", "ZETH25"),
                 id="fi-menu-then-name-and-code"),
    # ... and where no list has the menu's words: a name with its own code under it (the code
    # made of its letters) outweighs a menu item printed again lower down
    pytest.param("Uudet\nTuotteet\nOsastot\nZeta Helsinki 25\nZETH25\n4 570,12\n-16,05\n-0,35 %\nOsastot ja uutiset\n",
                 ("Zeta Helsinki 25", "ZETH25"), id="name-over-its-own-code-under-a-mentioned-menu-item"),
    pytest.param("News\nSport\nWeather\nMoney\nMarkets\nZeta Average\nZTA\n43,297.03\n-28.77 (-0.07%)\nMoney news\n",
                 ("Zeta Average", "ZTA"), id="en-menu-of-sections-then-name"),
    # a pair's name over its long code and its venue, the name printed again over the numbers
    pytest.param("Markets\n/\nCryptocurrencies\n/\nZTCUSD\nZetacoin / U.S. Dollar\nZTCUSD\nBitstamp\nCrypto\n"
                 "Zetacoin / U.S. Dollar\n91,842.37\nUSD\n-1,318.05\n-1.41%\nMarket open\nRelated coins\nZTCUSD chart\n",
                 ("Zetacoin / U.S. Dollar", None), id="pair-name-over-its-long-code"),
    # a site's name over its menu row (items two spaces apart), the name over the numbers
    pytest.param("Zeta Kabu Navi\nトップ  マーケット  銘柄検索  ニュース\n\n例示平均株価\n38,487.90\n前日比 +251.83 (+0.66%)\n"
                 "15:15 大引け\n© Zeta Kabu Navi\n", ("例示平均株価", None), id="site-name-over-a-menu-row"),
    # a breadcrumb whose last item is the heading under it, a subtitle under that: the item
    pytest.param("Zetastock\nTrang chủ\nĐăng nhập\nChúng tôi sử dụng cookie để cải thiện trải nghiệm. Đồng ý\n\n"
                 "Chứng khoán › Chỉ số › ZN-Index\nZN-Index\nSàn Zeta\n1.265,43\n▼ -7,89 / -0,62%\n", ("ZN-Index", None),
                 id="breadcrumb-last-item-is-the-heading"),
    # a cookie notice, then a breadcrumb, then the code: the code is not the notice's
    pytest.param("Zetafinance\nหน้าแรก\nเว็บไซต์นี้ใช้คุกกี้ ยอมรับ\n\nข้อมูลหุ้น › ดัชนี › ZET\nZET\n"
                 "ดัชนีตัวอย่างแห่งประเทศ\nล่าสุด เปลี่ยนแปลง %เปลี่ยนแปลง\n1,412.34 +8.56 +0.61%\n", ("ZET", None),
                 id="code-under-a-breadcrumb-not-the-notice-s"),
    # an exchange's name beside the index's code: a code and venue line, the name above it
    pytest.param("الأسواق › السوق السعودية › المؤشرات\nمؤشر السوق المثال (مثال)\nZMPL · تداول السعودية\n١١٬٢٣٤٫٥٦\nالتغير\n"
                 "-٤٥٫٦٧\nنسبة التغير\n-٠٫٤٠٪\n", ("مؤشر السوق المثال (مثال)", None), id="ar-code-and-exchange-under-name"),
    # the name, then a line describing it by its exchange: the name
    pytest.param("Home  Notizie  Mercati  Azioni  Indici\nZTSE MIB\nIndice principale di Borsa Italiana\n43.518,22\n"
                 "Var. +201,64\nVar. % +0,47%\n", ("ZTSE MIB", None), id="it-name-then-its-description"),
    pytest.param("Markets\nZeta 225\nThe main index of the Tokyo Stock Exchange\n38,487.90\n+251.83 (+0.66%)\n",
                 ("Zeta 225", None), id="en-name-then-its-description"),
    # a menu row of items up to three words, the index's code, then its exchange and unit
    pytest.param("Zeitung\nWirtschaft  Finanzen & Börse  Märkte  Immobilien\nZTX\nWiener Börse · Punkte\n3.612,40\n"
                 "-27,37 (-0,75 %)\nStand: 05.12.2024, 17:35 Uhr\n", ("ZTX", None), id="de-menu-row-code-exchange-unit"),
    # a Latin name keeps its number: it is a part of the name
    pytest.param("Indices\nZeta 2000\n2,105.40\n+12.60 (+0.60%)\n", ("Zeta 2000", None), id="latin-name-with-number"),
]


@pytest.mark.parametrize("text, want", NAMES)
def test_names(text, want):
    q = parse(text).quotes
    assert [(x.name, x.symbol) for x in q] == [want]


TILES = [
    # tiles that print each name under its numbers, under a category word
    pytest.param("港股\n指數\n25,910.33\n+150.21 (+0.58%)\n示例指數\n9,201.40\n+42.63 (+0.47%)\n樣本指數\n"
                 "5,712.88\n+22.57 (+0.40%)\n科技指數\n大市成交\n",
                 Q(("示例指數", "25910.33", "150.21", "0.58"), ("樣本指數", "9201.40", "42.63", "0.47"),
                   ("科技指數", "5712.88", "22.57", "0.40")), id="zh-names-under-numbers"),
    pytest.param("Markets\nIndices\n5,432.10\n+43.21 (+0.80%)\nAcme Composite\n2,100.50\n-10.50 (-0.50%)\nZeta Small Cap\n"
                 "812.40\n+4.04 (+0.50%)\nQuux 50\nMore markets news below.\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80"), ("Zeta Small Cap", "2100.50", "-10.50", "-0.50"),
                   ("Quux 50", "812.40", "4.04", "0.50")), id="en-names-under-numbers",
                 marks=pytest.mark.xfail(strict=True, reason="the first tile has only section words above it: "
                                                            "no quote is made of it, so no run to shift")),
    # a board of tiles each named by the line over its numbers, the site's name and menu above
    # the first: the first is named as the others are
    pytest.param("Zeta News\nVideo\nLive\nShows\nShop\nBusiness\nMarkets\nZJIA\n43,297.03\n-28.77 | -0.07%\n"
                 "ZASDAQ\n19,764.89\n-17.24 | -0.09%\nZ&P 500\n5,974.07\n-5.40 | -0.09%\nStocks end little changed\nBy Zeta News\n",
                 Q(("ZJIA", "43297.03", "-28.77", "-0.07"), ("ZASDAQ", "19764.89", "-17.24", "-0.09"),
                   ("Z&P 500", "5974.07", "-5.40", "-0.09")), id="first-tile-named-like-the-others"),
    # two tiles are no evidence: the first keeps the name its window gives
    pytest.param("Acme Composite\nIndices\n5,432.10\n+43.21 (+0.80%)\nZeta Small Cap\n2,100.50\n-10.50 (-0.50%)\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80"), ("Zeta Small Cap", "2100.50", "-10.50", "-0.50")),
                 id="two-tiles-first-keeps-its-heading"),
    # names above their numbers, a category word over the first name: as printed
    pytest.param("Indices\nAcme Composite\n5,432.10\n+43.21 (+0.80%)\nZeta Small Cap\n2,100.50\n-10.50 (-0.50%)\n"
                 "Quux 50\n812.40\n+4.04 (+0.50%)\nMarket news\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80"), ("Zeta Small Cap", "2100.50", "-10.50", "-0.50"),
                   ("Quux 50", "812.40", "4.04", "0.50")), id="en-names-over-numbers-kept"),
]


@pytest.mark.parametrize("text, want", TILES)
def test_tiles(text, want):
    assert _quotes(text) == want


VENUES = [
    # name, ticker, exchange line with its segment: the ticker is the name's symbol
    pytest.param("Burse\nBVB\nAcțiuni\nBanca Exemplu\nBEX\nBursa de Valori București | Categoria Premium\n29,8400 lei\n"
                 "+0,61%\n+0,1800\n", ("Banca Exemplu", "BEX"), id="ro-name-ticker-exchange"),
    # a section word over an index's code and exchange: the code names it
    pytest.param("Cotações\nÍndices\nPSX\nEuronext Lisboa\nCotação\n8156,73\nVariação\n-0,16% (-13,32 pts)\n",
                 ("PSX", None), id="pt-section-over-code-and-exchange"),
]


@pytest.mark.parametrize("text, want", VENUES)
def test_venue_lines(text, want):
    q = parse(text).quotes
    assert [(x.name, x.symbol) for x in q] == [want]
