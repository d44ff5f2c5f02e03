"""Quote pages of sites the parser had not seen (a held-out check): a yield printed with its percent sign, the day's period after a percent, a change's label alone on its
line above the change and percent, an unlabelled change line right beside a labelled value, a
value labelled "last" in Czech, an icon font's ligature in HTML (its arrow's name), and the lines of a site's chrome that name no quote (a search
field's placeholder, a section tab, a breadcrumb's sections, a copyright line).

Every snippet is written here in the shape such pages take; names, figures and the words around
them are invented, the arithmetic holds (``pct ≈ 100·change / (value − change)``).
"""
from __future__ import annotations

import pytest

from ticker.pages import html_to_text
from ticker.parser.subject import mention_text

from snippets import Q
from snippets import quotes as _quotes

READ = [
    # the value labelled "Poslední" (last), the change and percent labelled on the next line
    pytest.param("Akcie › Praha › Zeta\nZeta Energie\nISIN: CZ0000000001 · Burza cenných papírů Praha\n"
                 "Poslední: 512,00 Kč\nZměna: -7,50 Kč (-1,44 %)\nPředchozí: 519,50\n",
                 Q(("Zeta Energie", "512.00", "-7.50", "-1.44")), id="cs-posledni-zmena"),
    # the change's label alone on its line, the change and percent on the next
    pytest.param("Acme Global Equity ETF\nOrdinary Shares  |  LSE: ACGE\nSell: 54.18  Buy: 54.22\nPrice 54.20\n"
                 "Change today\n+0.27 (+0.50%)\nPrices shown in GBP\n",
                 Q(("Acme Global Equity ETF", "54.20", "0.27", "0.50")), id="en-change-today-label-above-its-numbers"),
    pytest.param("Zeta Chemie AG\nWKN: 000001\nKurs 45,10 EUR\nVeränderung\n+0,20 (+0,45%)\n",
                 Q(("Zeta Chemie AG", "45.10", "0.20", "0.45")), id="de-veraenderung-label-above-its-numbers"),
    # an unlabelled change line right above the labelled value
    pytest.param("Markeder › Aktier › Danmark\nZeta Pharma B\nZETA B · Nasdaq Copenhagen · DK0000000001\n"
                 "▼ -4,20 (-1,30%)\nKurs 318,90 DKK\nForrige luk 323,10\n",
                 Q(("Zeta Pharma B", "318.90", "-4.20", "-1.30")), id="da-change-line-above-kurs"),
    pytest.param("Acme Robotics Inc.\nACRB · NASDAQ\n▲ +1.10 (+0.52%)\nPrice 212.80 USD\n",
                 Q(("Acme Robotics Inc.", "212.80", "1.10", "0.52")), id="en-change-line-above-price"),
    # the site's chrome above the heading names nothing: a search field's placeholder, the
    # news tab (named again by the news list's heading), a breadcrumb's first crumbs, the
    # site's name (named again in its copyright line)
    pytest.param("Voorbeeld Invest\nMarkeder\nNyheder\nForum\nLog ind\nSøg efter aktie eller indeks\n\n"
                 "Markeder › Aktier › Danmark\nZeta Pharma B\nZETA B · Nasdaq Copenhagen · DK0000000001\n"
                 "▼ -4,20 (-1,30%)\nKurs 318,90 DKK\n\nNyheder\n© Voorbeeld Invest 2026\n",
                 Q(("Zeta Pharma B", "318.90", "-4.20", "-1.30")), id="da-menu-crumbs-copyright"),
    # the day's period in parentheses after the percent ("(24H)"): the day's change
    pytest.param("Home > Price > Zetacoin\nZetacoin\nZTC\nZetacoin Price in INR\n₹4,12,345.67\n+₹6,056.78\n"
                 "▲ 1.49%  (24H)\nLast updated: 03 Dec 2026, 10:42 AM IST\n",
                 Q(("Zetacoin", "412345.67", "6056.78", "1.49")), id="inr-lakh-percent-then-24h"),
    pytest.param("Zetacoin\n$2,345.10\n+34.20\n+1.48% (24h)\n", Q(("Zetacoin", "2345.10", "34.20", "1.48")),
                 id="percent-then-24h-lower-case"),
    # a yield printed with its percent sign, its change in percentage points, then the relative
    # change (the arithmetic says the first percent is the value)
    pytest.param("Märkte > Anleihen > Renditen\nRendite 5-jährige Musteranleihe\nMusterland 5 J.  |  Kennung: XX05YT\n"
                 "2,450 %\n+0,030\nProzentpunkte\n+1,24 %\nStand: 02.12.26 17:30 Uhr\n",
                 Q(("Rendite 5-jährige Musteranleihe", "2.450", "0.030", "1.24")), id="de-yield-prozentpunkte"),
    pytest.param("Acme 10-Year Note Yield\n4.150%\n-0.031\npercentage points\n-0.74%\n",
                 Q(("Acme 10-Year Note Yield", "4.150", "-0.031", "-0.74")), id="en-yield-percentage-points"),
    pytest.param("Acme 10-Year Note Yield\n4.150%\n-0.031\n-0.74%\n",
                 Q(("Acme 10-Year Note Yield", "4.150", "-0.031", "-0.74")), id="en-yield-change-pct"),
    # an identifier's label in a later cell: the line is the identifiers', the name is above
    pytest.param("Musterindex\nMusterland  |  Kennung: MUSTER1\n1.234,56\n+12,34 (+1,01%)\n",
                 Q(("Musterindex", "1234.56", "12.34", "1.01")), id="de-kennung-after-a-pipe"),
    # the quote header's line: the currency before the value and the change, the direction word
    # between, the quote's time after; the sector's list under the name names nothing
    pytest.param("ZETA3 ZETA ENERGIA ON\nEnergia, Gás e Saneamento\nValor atual\n"
                 "R$ 24,80 arrow_upward R$ 0,37 1,51% Atualizado em 02/12/2026 17:07\nMin. 52 semanas\n19,40\n",
                 Q(("ZETA3 ZETA ENERGIA ON", "24.80", "0.37", "1.51")), id="pt-currency-direction-time-tail"),
    pytest.param("Acme Oil Corp\nOil, Gas & Consumable Fuels\n$24.80 arrow_downward $0.37 1.47% Updated 12/02/2026 4:00 PM\n",
                 Q(("Acme Oil Corp", "24.80", "-0.37", "-1.47")), id="en-currency-direction-time-tail"),
    # a unit line after the percent, other numbers below it: the quote ends at the percent
    pytest.param("Acme Index\n1.234,56\n+12,34\n+1,01%\nPunkte\n12% 1.449,63 40% 13%\n",
                 Q(("Acme Index", "1234.56", "12.34", "1.01")), id="unit-line-after-the-percent"),
    # the change's label and then its direction word before the unsigned change
    pytest.param("국내증시\n코스닥\nKOSDAQ\n712.40\n전일대비 하락 3.25 -0.45%\n장마감\n",
                 Q(("코스닥", "712.40", "-3.25", "-0.45")), id="ko-label-then-direction-line"),
    pytest.param("국내증시\n코스닥\n712.40 전일대비 상승 3.25 +0.46%\n",
                 Q(("코스닥", "712.40", "3.25", "0.46")), id="ko-label-then-direction-inline"),
    pytest.param("Acme Composite\n1,902.55\nChange Down 8.10 0.42%\nClosed\n",
                 Q(("Acme Composite", "1902.55", "-8.10", "-0.42")), id="en-label-then-direction-line"),
    # the value alone on its line, its currency's code glued to it (a smaller span in the markup)
    pytest.param("Acme 50 Index\nXSE:ACME50\n24,677.80INR\n\u2212138.25\u22120.56%\nAt close\n",
                 Q(("Acme 50 Index", "24677.80", "-138.25", "-0.56")), id="value-glued-currency-code"),
    # a block of labelled fields: the arrow after the unsigned change is its sign
    pytest.param("Zeta Composite\n\nLast Value        6,543.21\nChange            21.87  ▼\n"
                 "% Change          0.34%\n", Q(("Zeta Composite", "6543.21", "-21.87", "-0.34")), id="labelled-arrow-after-change"),
    pytest.param("Zeta Composite\n\nLast Value        6,543.21\nChange            21.87  ▲\n"
                 "% Change          0.34%\n", Q(("Zeta Composite", "6543.21", "21.87", "0.34")), id="labelled-up-arrow-after-change"),
    # each label on its own line over its number; a unit with an apostrophe in the change's label
    pytest.param("זטה בע\"מ\nZETA\n\nשער אחרון\n2,101.37\nשינוי (נק')\n-8.62\n% שינוי\n-0.41%\n",
                 Q(("זטה בע\"מ", "2101.37", "-8.62", "-0.41")), id="he-labels-over-numbers-unit-apostrophe"),
    # the code with its share class, the exchange and the currency under the name: not the name
    pytest.param("Zeta Pharma B\nZETA B · Nasdaq Copenhagen · DKK\n\nKurs\n741,20\nÆndring i dag\n+12,60\n+1,73%\n",
                 Q(("Zeta Pharma B", "741.20", "12.60", "1.73")), id="da-share-class-code-venue-line"),
    # a tearsheet's change line: the direction's word glued to the change, the percent after a slash
    pytest.param("Zeta PLC\nZETA:LSE\nPrice (GBX)\n4,512.00\nToday's Change\nup38.00 / 0.85%\nShares traded\n2.18m\n",
                 Q(("Zeta PLC", "4512.00", "38.00", "0.85")), id="ft-up-glued-slash"),
    pytest.param("Zeta PLC\nZETA:LSE\nPrice (GBX)\n4,512.00\nToday's Change\ndown 38.00 / 0.85%\n",
                 Q(("Zeta PLC", "4512.00", "-38.00", "-0.85")), id="ft-down-slash"),
    # a unit glued between the value and the change's sign
    pytest.param("Zetaindex\nZETA11\n128.456pts+1.234(+0,97%)\n", Q(("Zetaindex", "128456", "1234", "0.97")),
                 id="pt-unit-glued-before-the-change"),
    # a unit after the change, the percent first, under the value
    pytest.param("Zeta B\nZETA B\n289,40 SEK\nIdag +1,30 % +3,70 SEK\n", Q(("Zeta B", "289.40", "3.70", "1.30")),
                 id="sv-today-pct-change-unit-tail"),
    # the index's last value, the percent, then the change in points, each under its label
    pytest.param("זטה 35\nמספר מדד: 142\nמדד אחרון\n2,412.38\nשינוי (%)\n-0.59%\nשינוי בנקודות\n-14.27\n",
                 Q(("זטה 35", "2412.38", "-14.27", "-0.59")), id="he-index-last-pct-points"),
    # the exchange, then its description of the index, under the name and its code: no name
    pytest.param("Cotações > Índices > ZETA\nZetavespa\nZETA\nB3 - Índice Zeta Bolsa Balcão\n127.845,32\npts\n"
                 "-612,48 (-0,48%)\n", Q(("Zetavespa", "127845.32", "-612.48", "-0.48")), id="pt-exchange-description-line"),
    # a site's menu, then the instrument's code, its name and exchange: the menu's last item is
    # not the name whose code follows (three lines of buttons and sections between)
    pytest.param("Home\nLatest News\nMarkets\nEconomy\nCoupons\nSign In\nSubscribe Now\nMarkets\nFutures\nZC00\n"
                 "Zeta Continuous Contract\nCOMEX\nClosed\n$\n2,384.60\n-18.30\n-0.76%\n",
                 Q(("Zeta Continuous Contract", "2384.60", "-18.30", "-0.76")), id="menu-item-far-above-the-code"),
    # the change's label and the change over the value's label and the value
    pytest.param("Zeta Wholesale\nNASDAQ: ZETA\n\nZeta Wholesale Stock Quote\nMarket Cap: $398B\nToday's Change\n"
                 "$7.86 (-0.87%)\nCurrent Price\n$898.11\nPrice as of Dec 2, 2025, 4:00 PM ET\n",
                 Q(("Zeta Wholesale", "898.11", "-7.86", "-0.87")), id="en-change-above-current-price"),
    # the day's period after the change and its percent in parentheses
    pytest.param("Zeta Industries\nZETA\n₹1,53,420.00\n+1,785.55 (1.18%) 1D\nNSE • 02 Dec, 3:30 PM IST\n",
                 Q(("Zeta Industries", "153420.00", "1785.55", "1.18")), id="inr-change-pct-then-1d"),
    # the value under its label, the quote's time under it, the change's label, then the change
    # and percent; the code, exchange and sector line under the name is none
    pytest.param("ゼータ自動車\n7203  東証プライム  輸送用機器\n現在値\n3,041.0円\n(12/02 15:30)\n前日比\n-27.0 (-0.88%)\n",
                 Q(("ゼータ自動車", "3041.0", "-27.0", "-0.88")), id="ja-value-label-time-change-label"),
    # the index's description by its exchange under its name (an article after the preposition)
    pytest.param("Economía > Mercados > Índices\n\nZBEX 35\nÍndice de referencia de la Bolsa española\nCierre 02/12/2025 17:38\n"
                 "Último  Dif.  Dif. %  Máx.  Mín.\n16.374,60  +66,30  +0,41%  16.410,20  16.288,05\n",
                 Q(("ZBEX 35", "16374.60", "66.30", "0.41")), id="es-description-de-la-bolsa"),
    # the name with its number code in parentheses over the company's full name: the code's heading
    pytest.param("KLCI 1,612.44 ▲0.26%\n\nZETABANK (1155)\nZETA BANKING BHD\nMain Market : Financial Services : Banking\n\n"
                 "10.26\n+0.08 (+0.79%)\nLast Updated: 03-Dec-2026 16:59 | Market Closed\n",
                 Q(("ZETABANK", "10.26", "0.08", "0.79")), id="name-numeric-code-in-parentheses"),
    # labels naming their unit after a space ("Var. pt", "+/- SEK"), the percent's label first
    pytest.param("Zeta MIB\nUltimo\n34.218,75\nVar. %\n+0,62%\nVar. pt\n+211,40\nOra\n17:50:02\n",
                 Q(("Zeta MIB", "34218.75", "211.40", "0.62")), id="it-var-pt-label"),
    pytest.param("Zeta B\nSenast\n284,60\n+/- %\n−1,18 %\n+/- SEK\n−3,40\nUppdaterad 17:29\n",
                 Q(("Zeta B", "284.60", "-3.40", "-1.18")), id="sv-plus-minus-currency-label"),
    # the direction in words before the unsigned change and its unit
    pytest.param("ZAC 40\nFR0000000000 - Euronext Paris\n\n7 421,18 pts\nen baisse de 38,64 pts (0,52 %)\n"
                 "Données temps réel - 03/12/2026 17:38\n", Q(("ZAC 40", "7421.18", "-38.64", "-0.52")), id="fr-en-baisse-de"),
    # glued header lines: the currency's code glued before the change's sign, the date and time
    # glued after the percent; the name glued to its identifiers under the breadcrumb naming it
    pytest.param("Börse\nAktien\nIndizes\nDevisen\nFonds\nZertifikate\nStartseite›Börse›Aktien›Zeta\n"
                 "Zeta AktieWKN: 723610ISIN: DE0000000001\n187,46EUR+2,94+1,59%Xetra 17:36:12\n",
                 Q(("Zeta Aktie", "187.46", "2.94", "1.59")), id="de-glued-identifiers-currency-code"),
    pytest.param("Zeta N\nZETN · SIX Swiss Exchange · CHF · CH0000000002\n84.26CHF-0.74(-0.87%)03.12.2026 17:31:04\n",
                 Q(("Zeta N", "84.26", "-0.74", "-0.87")), id="ch-glued-code-then-date-time"),
    # direction words in place of the signs, under their labels ("Down 0.92" / "Down 5.18%")
    pytest.param("Zeta Volatility Index\nZVX\nLast\n16.84\nChange\nDown 0.92\n% Change\nDown 5.18%\nDec 03, 2026 4:15 PM ET\n",
                 Q(("Zeta Volatility Index", "16.84", "-0.92", "-5.18")), id="en-down-words-under-labels"),
    # a site's call to subscribe is no name
    pytest.param("Start Free Trial\nNASDAQ:ZETA\nZeta (ZETA) Stock Price, News & Analysis\n$238.45 +3.12 (+1.33%)\n"
                 "As of 12/03/2026 04:00 PM Eastern\n", Q(("Zeta (ZETA) Stock Price, News & Analysis", "238.45", "3.12", "1.33")),
                 id="start-free-trial-no-name"),
    # the percent with the direction's word after it, then the unsigned change with its unit
    pytest.param("Piyasalar / Endeksler / ZIST 100\nZIST 100\nXZ100 · Borsa İstanbul\n\n9.684,21\n%0,89 düştü\n87,35 puan\n"
                 "Son güncelleme: 03.12.2026 18:10\n", Q(("ZIST 100", "9684.21", "-87.35", "-0.89")), id="tr-percent-direction-word-puan"),
    # the direction's word alone on its line between the percent and the change
    pytest.param("זטה 35\n2,614.08\n0.72%\nירידה\n18.92 נק'\nעודכן: 03/12/2026 17:25\n",
                 Q(("זטה 35", "2614.08", "-18.92", "-0.72")), id="he-direction-line-between-percent-and-change"),
    # label and value rows of more languages: "Current Index", Czech "Změna v %", Romanian
    # "Valoare" / "Variaţie" with its unit "puncte"
    pytest.param("ZSE-100 Index\nZeta Stock Exchange\n\nCurrent Index    78,452.10\nChange           +612.35\n"
                 "% Change         +0.79%\nHigh             78,590.44\n", Q(("ZSE-100 Index", "78452.10", "612.35", "0.79")),
                 id="en-current-index-rows"),
    pytest.param("Zeta Energie\nISIN: CZ0000000003\nBurza: BCPP / Prime Market\n\nPoslední cena       985,00 Kč\n"
                 "Změna               +12,50 Kč\nZměna v %           +1,29 %\n", Q(("Zeta Energie", "985.00", "12.50", "1.29")),
                 id="cs-zmena-v-procentech"),
    pytest.param("ZET\nIndicele ZET al Bursei de Valori Bucureşti\nValoare: 16.850,42\nVariaţie: +75,48 puncte (+0,45%)\n",
                 Q(("ZET", "16850.42", "75.48", "0.45")), id="ro-valoare-variatie-puncte"),
    # the exchange's name under the index's code is no name
    pytest.param("Mercados › Indicadores\n\nZPSA\nBolsa de Santiago\n\n6.512,33 pts.\n+0,82% ▲ 52,97\nCierre 03-12-2026\n",
                 Q(("ZPSA", "6512.33", "52.97", "0.82")), id="es-bolsa-de-santiago-venue"),
    # the value glued to its percent, the change labelled (with its currency) on the next line; the
    # heading right under the breadcrumb names the page, not the site's name further up
    pytest.param("Zámbito\nIngresar\nFinanzas›Mercados›Índices\nS&P Zerval\nÍndice líder de BYMA\n1.845.230,15+2,35%\n"
                 "Var. $ +42.372,10\nActualizado: 03/12/2026 17:00\n© 2026 Zámbito\n",
                 Q(("S&P Zerval", "1845230.15", "42372.10", "2.35")), id="es-value-pct-then-labelled-change"),
    # a CJK name glued to its number code, the listing board and sector under it: the name
    pytest.param("台股›個股›9999\n賽塔電9999\n上市 半導體業\n1,035▲15(+1.47%)\n成交時間 2026/12/03 13:30\n",
                 Q(("賽塔電", "1035", "15", "1.47")), id="zh-name-glued-code-board-sector"),
    # the value, the percent with its day's period, then the change and its currency's code
    pytest.param("Zetacoin\nZTC\n$97,412.58-1.89%(24h)-1,873.40 USD\n", Q(("Zetacoin", "97412.58", "-1873.40", "-1.89")),
                 id="crypto-pct-24h-then-change-code"),
    # Greek: the index's heading, the Athens exchange's name under it (no name), the glued numbers
    pytest.param("Αρχική/Χρηματιστήριο/Δείκτες\nΓενικός Δείκτης Ζ\nΧΑ - Αθήνα\n1.412,35+0,62%+8,70\n"
                 "Τελ. ενημέρωση: 03/12/2026 17:20\n", Q(("Γενικός Δείκτης Ζ", "1412.35", "8.70", "0.62")), id="el-athens-exchange-line"),
    # a heading whose code a minified page glued before the name: both words of it kept apart
    pytest.param("Cotações › Ações › ZETA4\nZETA4Zetrobras PN\nR$ 38,72\n-0,41 (-1,05%)\n",
                 Q(("ZETA4 Zetrobras PN", "38.72", "-0.41", "-1.05")), id="glued-code-before-heading-name"),
    # labels of the day's change and percent above their numbers ("Idag +/-", "Idag %")
    pytest.param("Zeta B\nZETA B · Stockholmsbörsen · SEK\n\nSenast\n287,60\nIdag +/-\n+3,40\nIdag %\n+1,20 %\nStängd · 17:29:58\n",
                 Q(("Zeta B", "287.60", "3.40", "1.20")), id="sv-idag-labels"),
    # prices in cents under "Last Trade (c)", the move in cents and in percent (no percent sign)
    pytest.param("ZETAPERS LTD -N-\nZPN · JSE\nLast Trade (c)\n391200\nMove (c)       -4800\nMove (%)       -1.21\n"
                 "Time           17:05:21  03 Dec 2026\n", Q(("ZETAPERS LTD -N-", "391200", "-4800", "-1.21")), id="za-last-trade-move-cents"),
    # the value alone, the change after its label, the percent alone under it
    pytest.param("מדד זטה-35\nZTA-35\n\n2,145.67\nשינוי: 12.34\n0.58%\nעודכן: 03/12/2026 17:24\n",
                 Q(("מדד זטה-35", "2145.67", "12.34", "0.58")), id="he-value-labelled-change-bare-percent"),
    pytest.param("Zeta Index\n\n2,145.67\nChange: 12.34\n0.58%\n", Q(("Zeta Index", "2145.67", "12.34", "0.58")),
                 id="en-value-labelled-change-bare-percent"),
    # a currency's code after a space, then the change's sign glued to it
    pytest.param("Accueil>Cotations>Euronext Paris>Zeta SE\nZeta SE\nZT FR0000000004\nEuronext Paris\n612,30 EUR-8,80-1,42%\n"
                 "27/11/2026 17:35:22 - Clôture\n", Q(("Zeta SE", "612.30", "-8.80", "-1.42")), id="fr-code-space-then-glued-sign"),
    # a header's value glued to the percent sign of the percent after it, then the change (tr);
    # the name glued to its code
    pytest.param("Ana Sayfa>Borsa>Endeksler>ZIST 100\nZIST 100XZ100\n9.876,54%-1,23-123,45\nSon Güncelleme: 03.12.2026 18:10\n",
                 Q(("ZIST 100 XZ100", "9876.54", "-123.45", "-1.23")), id="tr-value-glued-prefixed-percent-change"),
    # a bid's and an ask's labels are no names
    pytest.param("ZETA/TRY\nAlış\n34,5018\nSatış\n34,5123\nDeğişim\n+0,0841 (%0,24)\n", [], id="tr-bid-ask-labels-no-name"),
    # labels alone on their lines: "+/-" the change's, "%" the percent's (printed without its sign)
    pytest.param("Zeta B\nZETA B\nLarge Cap Stockholm · SEK\nKöp\nSälj\nSenast\n285,40\n+/-\n−3,20\n%\n−1,11\n"
                 "Köpare\n285,30\n", Q(("Zeta B", "285.40", "-3.20", "-1.11")), id="sv-plus-minus-and-percent-labels"),
    # the percent in fullwidth parentheses under the change's label and the change
    pytest.param("ゼータ自動車(7203)\n7203\nゼータ自動車\n株価\n2,845.5円\n前日比\n+32.5\n（+1.16%）\n15:30\n",
                 Q(("ゼータ自動車", "2845.5", "32.5", "1.16")), id="ja-fullwidth-parentheses"),
    # a value with its currency in pence glued to it
    pytest.param("Zeta PLC\nZETA.L\nLondon Stock Exchange\nDelayed\n2,684.50GBp\n-21.00(-0.78%)\n",
                 Q(("Zeta PLC", "2684.50", "-21.00", "-0.78")), id="value-glued-pence"),
    # the change's label glued to the change's sign (CJK labels; a plus after any word)
    pytest.param("日経平均株価\n38,513.02\n前日比+232.86(+0.61%)\n15:15\n",
                 Q(("日経平均株価", "38513.02", "232.86", "0.61")), id="ja-label-glued-to-plus"),
    pytest.param("코스닥\n712.40\n전일대비-3.25(-0.45%)\n",
                 Q(("코스닥", "712.40", "-3.25", "-0.45")), id="ko-label-glued-to-minus"),
    # the change's label, then the direction's word, glued to the change and its percent
    pytest.param("제타전자\n000001 코스피\n현재가\n71,200\n전일대비하락900-1.25%\n거래량 12,345,678\n",
                 Q(("제타전자", "71200", "-900", "-1.25")), id="ko-label-direction-word-glued"),
    pytest.param("제타전자\n71,200\n하락900(-1.25%)\n", Q(("제타전자", "71200", "-900", "-1.25")),
                 id="ko-direction-word-glued-percent-in-parentheses"),
    # the change and percent spelled for screen readers: the words of the signs and the percent
    pytest.param("제타전자\n000001 코스피\n2026.12.04 장마감\n오늘의시세\n54,300\n전일대비 하락 700 마이너스 1.27 퍼센트\n"
                 "전일 55,000\n", Q(("제타전자", "54300", "-700", "-1.27")), id="ko-screen-reader-words"),
    # a value glued to its name and its currency's code, the change and percent glued after
    pytest.param("Börse\nAktien\nZeta GroupAktieWKN: 000001ISIN: DE0000000001\nZeta Group47,26EUR+0,88+1,90%\n"
                 "Tradegate · 04.12.2026 · 21:58:40\n", Q(("Zeta Group", "47.26", "0.88", "1.90")), id="de-name-value-code-glued"),
    # the change and percent an ideographic space apart; the code, market and sector on one line
    pytest.param("제타 금융\n홈　국내　해외　시장지표　뉴스\n제타전자\n000001 코스피 전기·전자\n71,500원\n▲1,200　+1.71%\n"
                 "12.04 15:30 장마감\n", Q(("제타전자", "71500", "1200", "1.71")), id="ko-ideographic-space-code-market-sector"),
    pytest.param("ゼータ自動車\n9999 東証Ｐ　輸送用機器\n2,841.5円\n前日比\n+36.5\n+1.30%\n",
                 Q(("ゼータ自動車", "2841.5", "36.5", "1.30")), id="ja-code-fullwidth-exchange-sector"),
    # units of the lira, the koruna and Brazil's index points after the numbers
    pytest.param("Gram Zeta\n2.956,34\n%0,44\n+12,87 TL\nSon güncelleme: 18:02:15\n",
                 Q(("Gram Zeta", "2956.34", "12.87", "0.44")), id="tr-percent-first-lira-unit"),
    pytest.param("Akcie Zeta\nZeta\n1 045,00 Kč\n+15,00 Kč (+1,46 %)\nAktualizace: 4.12.2026 16:25\n",
                 Q(("Zeta", "1045.00", "15.00", "1.46")), id="cs-koruna-unit"),
    pytest.param("Zetavespa\nZBOV\n128.456,78\n+1.234,56 pontos\n+0,97%\n",
                 Q(("Zetavespa", "128456.78", "1234.56", "0.97")), id="pt-pontos-unit"),
    # the day's word before the percent; the code and share class with its exchange
    pytest.param("Zeta B\nZETA B · Stockholmsbörsen\n285,40 SEK\nIdag +0,92 %\n+2,60 SEK\nSenast uppdaterad 17:29:59\n",
                 Q(("Zeta B", "285.40", "2.60", "0.92")), id="sv-idag-before-percent"),
    # the direction's word (id) before the change, the percent unsigned
    pytest.param("ZHSG\n7.123,45\nturun 45,67 (0,64%)\nUpdate terakhir 04/12/2026 16:15 WIB\n",
                 Q(("ZHSG", "7123.45", "-45.67", "-0.64")), id="id-turun"),
    # Thai labels between the fields (index, change, percent change)
    pytest.param("ZET\nดัชนี\n1,412.35\nเปลี่ยนแปลง\n+5.67\n%เปลี่ยนแปลง\n+0.40\nข้อมูลล่าสุด 16:40:12\n",
                 Q(("ZET", "1412.35", "5.67", "0.40")), id="th-labelled-fields"),
    # a path of two items above the heading; a name and its country after a dash
    pytest.param("Nyheter  Börsen  Placera\nBörsen > Index\nZMX Stockholm 30\nSenast\n2 801,56\n+/-\n-14,22\n+/- %\n-0,51 %\n",
                 Q(("ZMX Stockholm 30", "2801.56", "-14.22", "-0.51")), id="sv-two-item-path-above-heading"),
    pytest.param("Notowania  Wykresy  Portfel\nZWIG20 - Polska\nKurs 2744.18   Zmiana -9.61 (-0.35%)\nData 2026-12-04 17:05 CET\n",
                 Q(("ZWIG20", "2744.18", "-9.61", "-0.35")), id="pl-code-dash-country"),
    # the direction's word between the unsigned change and the signed percent
    pytest.param("국내증시 > 제타\n제타\n4,123.58\n27.44 하락 -0.66%\n2026.12.04 15:30 장마감\n",
                 Q(("제타", "4123.58", "-27.44", "-0.66")), id="ko-change-word-signed-percent"),
    # a currency's sign before the change's own sign: the change is signed (the arrow agrees)
    pytest.param("Zeta Gold Price\n2,651.30\n▼ $-8.40 (-0.32%)\n", Q(("Zeta Gold Price", "2651.30", "-8.40", "-0.32")),
                 id="arrow-dollar-then-minus"),
    # the dollar's country before the change's sign, perhaps after an arrow
    pytest.param("Zeta Gold Price\nLive at 16:42 UTC\nUS$ 2,651.30/oz\n▼ US$-8.40 (-0.32%)\n",
                 Q(("Zeta Gold Price", "2651.30", "-8.40", "-0.32")), id="arrow-us-dollar-then-minus"),
    pytest.param("Zeta Gold Price\nUS$ 2,651.30/oz\nUS$-8.40 (-0.32%)\n",
                 Q(("Zeta Gold Price", "2651.30", "-8.40", "-0.32")), id="us-dollar-then-minus"),
    # a stock's numeric code in parentheses glued to its CJK name; the menu above names nothing
    pytest.param("示例财经\n首页 股票 基金 期货 港股 美股 外汇\n示例酒业(600999)\n1689.00\n-21.50\n-1.26%\n2026-12-04 15:00:00\n",
                 Q(("示例酒业", "1689.00", "-21.50", "-1.26")), id="zh-name-glued-paren-code"),
    pytest.param("Zeta Composite\n1,902.55\nChange+8.10(+0.43%)\n",
                 Q(("Zeta Composite", "1902.55", "8.10", "0.43")), id="en-label-glued-to-plus"),
    # an index's name (a number in it, or its kind word) right over its code: the name
    pytest.param("Markets\nS&P/ZSX 200\nXZJ\n8,234.5\n+23.4\n(+0.29%)\nAs at 4:10pm AEDT\n",
                 Q(("S&P/ZSX 200", "8234.5", "23.4", "0.29")), id="index-name-over-unrelated-code"),
    pytest.param("Markets\nZeta Composite Index\nQRX\n1,902.55\n-8.10 (-0.42%)\n",
                 Q(("Zeta Composite Index", "1902.55", "-8.10", "-0.42")), id="index-kind-name-over-unrelated-code"),
    # the percent before the change, a space between the percent sign and the change's sign
    pytest.param("Musterindex\n19.234,56 Pkt. +0,65 % +123,45\nStand: 17:45 Uhr\n",
                 Q(("Musterindex", "19234.56", "123.45", "0.65")), id="de-value-pct-space-change"),
    pytest.param("Musterindex\nAktuell 19.234,56 Veränderung +0,65 % +123,45\n",
                 Q(("Musterindex", "19234.56", "123.45", "0.65")), id="de-labelled-value-pct-first-inline"),
    pytest.param("Musterindex\nKurs 19.234,56 Pkt. Veränderung +123,45 +0,65 %\n",
                 Q(("Musterindex", "19234.56", "123.45", "0.65")), id="de-labelled-value-unit-then-change-label"),
    pytest.param("Musterindex\nKurs 19.234,56\nVeränderung +0,65 % +123,45\n",
                 Q(("Musterindex", "19234.56", "123.45", "0.65")), id="de-change-label-pct-first"),
    pytest.param("Zetacoin / TetherUS\nZTCUSDT\n91,234.50USDT\n+1,210.40+1.34%\n",
                 Q(("Zetacoin / TetherUS", "91234.50", "1210.40", "1.34")), id="value-glued-usdt"),
    # a dollar's country before the value, a commodity's measure after it
    pytest.param("Zeta Gold Price\nUS$ 2,651.40 /oz\n+18.20 (+0.69%)\nUpdated 14:32 GMT\n",
                 Q(("Zeta Gold Price", "2651.40", "18.20", "0.69")), id="us-dollar-prefix-per-ounce"),
    pytest.param("Zeta Holdings\n0999.HK\nHK$ 418.60\n+5.20 (+1.26%)\n",
                 Q(("Zeta Holdings", "418.60", "5.20", "1.26")), id="hk-dollar-prefix"),
    pytest.param("Zeta Crude\n$78.12/bbl\n+0.54 (+0.70%)\n", Q(("Zeta Crude", "78.12", "0.54", "0.70")),
                 id="dollar-glued-per-barrel"),
    pytest.param("Commodities\nZeta Crude 78.12 USD/bbl +0.54 (+0.70%)\nZeta Gold 2,651.40 USD/t oz +18.20 (+0.69%)\n",
                 Q(("Zeta Crude", "78.12", "0.54", "0.70"), ("Zeta Gold", "2651.40", "18.20", "0.69")),
                 id="commodity-rows-usd-per-measure"),
]

REFUSED = [
    # (guard) the day's word before a percent in a table of returns: no change, no quote
    pytest.param("Zeta B\nUtveckling\nIdag +0,92 %\n1 mån +4,12 %\ni år +8,34 %\n", id="sv-idag-returns-table"),
    # an unlabelled change line with no heading above: whose change is it? (not the site's)
    pytest.param("▼ -4,20 (-1,30%)\nKurs 318,90 DKK\n", id="change-line-without-heading"),
    # the change's label above numbers the arithmetic refuses
    pytest.param("Acme Global Equity ETF\nPrice 54.20\nChange today\n+0.27 (+5.50%)\n", id="change-label-arithmetic-fails"),
    # an unlabelled change line away from the value: another statistic's between
    pytest.param("Zeta Pharma B\n▼ -4,20 (-1,30%)\nVolumen 2.845.113\nKurs 318,90 DKK\n", id="change-line-not-beside-value"),
    # an unlabelled change line beside a statistic's label, not the value's
    pytest.param("Zeta Pharma B\n▼ -4,20 (-1,30%)\nForrige luk 323,10\n", id="change-line-beside-previous-close"),
    # a longer period after the percent: a week's change, not the day's
    pytest.param("Zetacoin\n$2,345.10\n+34.20\n+1.48% (7D)\n", id="percent-then-7d"),
    # a percent, a change and a percent the arithmetic refuses: a yield's statistics, no quote
    pytest.param("Acme 10-Year Note Yield\n4.150%\n-0.031\n-2.74%\n", id="yield-arithmetic-fails"),
    pytest.param("Acme Fund\nDividend yield\n5.91%\n0.30\n5.35%\n", id="yield-unsigned-change"),
    # the same line with something else than a time after it: whose numbers are they?
    pytest.param("Acme Oil Corp\n$24.80 arrow_downward $0.37 1.47% Volume 1,234,567\n", id="header-line-other-tail"),
    # a label's direction word against the change's sign
    pytest.param("Acme Composite\n1,902.55 Change Up -8.10 -0.42%\n", id="label-direction-against-sign"),
    # letters glued to a number that are no currency: a code, not a unit
    pytest.param("Acme 50 Index\n24,677.80XYZ\n\u2212138.25\u22120.56%\n", id="value-glued-other-letters"),
]


@pytest.mark.parametrize("text, want", READ)
def test_read(text, want):
    assert _quotes(text) == want


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text):
    assert _quotes(text) == []



def test_mention_text_keeps_the_last_crumb_only():
    folded = "koersen > indices > zex\nzex\n© voorbeeld 2026\n"
    assert mention_text(folded) == "zex\nzex\n\n"
    assert mention_text("bitcoin / u.s. dollar\n") == "bitcoin / u.s. dollar\n"


HTML_TEXT = [
    # an icon font's ligature between the value and the change: a word of its own on both sides
    pytest.param("<div><strong>R$ 38,45</strong><span><i class=\"material-icons up\">arrow_upward</i>"
                 "<span>R$ 0,57</span> <b>1,50%</b></span></div>", "R$ 38,45 arrow_upward R$ 0,57 1,50%",
                 id="icon-ligature-apart"),
    # a percent, then the next element's capitalised word: apart (as a figure then a capital)
    pytest.param("<div><b>1,50%</b><small>Atualizado em 02/12/2026 17:07</small></div>",
                 "1,50% Atualizado em 02/12/2026 17:07", id="percent-then-capital-apart"),
    # a lone percent sign's element is no figure's: as before
    pytest.param("<p><i>%</i><b>Nikkei</b></p>", "%Nikkei", id="lone-percent-glued"),
]


@pytest.mark.parametrize("html, text", HTML_TEXT)
def test_html_text(html, text):
    assert html_to_text(html) == text


def test_icon_ligature_gives_the_direction():
    html = ("<h1>Acme Corp</h1><div><strong>38.45</strong><span><i class=\"material-icons\">arrow_downward</i>"
            "<span>0.57</span> <b>1.46%</b></span></div>")
    assert _quotes(html_to_text(html)) == Q(("Acme Corp", "38.45", "-0.57", "-1.46"))
