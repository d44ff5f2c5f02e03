"""Figures printed in a quote's shape that are no quote, from pages of sites the parser had not
seen: an analyst's price target and its distance from the price, under the target's label; a
table setting each figure beside its value a year before, under columns named by years. The
quote header of the same page, and a table of last and previous prices, are still read.

Every snippet is written here in the shape such pages take; names and figures are invented, the
arithmetic holds (``pct ≈ 100·change / (value − change)``), so only the words tell them apart.
"""
from __future__ import annotations

import pytest

from snippets import Q
from snippets import quotes as _quotes

REFUSED = [
    # a target on its label's line, its distance from the price under it
    pytest.param("Zeta AG Kursziel\nKursziel 210,00 €\n+31,58 € / +17,70 %\nzum aktuellen Kurs\n", id="de-kursziel-label-on-the-value-line"),
    # a ranking one cell a line: rank, name, code, market, price, signed percent; the next rank
    # under the percent is no change
    pytest.param("値上がり率ランキング\n9\nゼータ工業\n1234\n東証P\n402.3円\n+2.61%\n10\nベータ電機\n5678\n東証P\n"
                 "1,512.0円\n+2.57%\n", id="ja-ranking-rank-under-percent"),
    pytest.param("Top gainers\n9\nZeta Mining\n$402.30\n+2.61%\n10\nBeta Power\n$8.75\n+1.93%\n", id="en-ranking-rank-under-percent"),
    # rows of a table whose header names its value a price target: each analyst's target and its change
    pytest.param("Acme Corp (ACME) Price Target\nAnalyst | Firm | Rating | Price Target | Change | Date\n"
                 "Jane Roe | Zeta Securities | Buy | $220.00 | +$15.00 (+7.32%) | 11/21/26\n"
                 "John Doe | Beta Capital | Hold | $195.00 | +$10.00 (+5.41%) | 11/20/26\n", id="price-target-table-pipes"),
    pytest.param("Analyst\tFirm\tKursziel\tVeränderung\nM. Muster\tZeta Bank\t210,00 €\t+22,60 € (+12,06 %)\n",
                 id="de-kursziel-table-tabs"),
    # economic statistics under their heading: a price index, a city's people (the heading over
    # one short line, the row's name, is a heading, not a menu's item)
    pytest.param("Consumer prices\nCPI (index)\n312.45\n+0.82 (+0.26%)\nmonth on month, seasonally adjusted\n",
                 id="consumer-prices-heading"),
    pytest.param("Verbraucherpreise\nIndex 2020=100\n121,4\n+0,3 (+0,25 %)\n", id="de-verbraucherpreise-heading"),
    pytest.param("Population of Zeta City\n1,234,567\n+12,345 (+1.01%)\nsince the last census\n", id="population-heading"),
    # an average target over its distance from the last price, the company's name the heading
    pytest.param("Acme AG – Analystenmeinungen und Kursziele\nWKN: 123456\n\nDurchschnittliches Kursziel (12 Monate)\n"
                 "210,00 € +22,60 € (+12,06 %)\nHöchstes Kursziel: 265,00 € (+41,41 %)\n", id="de-kursziel"),
    pytest.param("Acme Corp. (ACME) Analyst Ratings\nConsensus Rating: Buy\n\nAverage Price Target\n$58.20\n+$6.15 (+11.82%)\n"
                 "Upside from the last price\n", id="en-price-target"),
    pytest.param("Acme SA\nObjectif de cours moyen\n48,50 € +4,10 (+9,23 %)\n", id="fr-objectif-de-cours"),
    pytest.param("エース工業 (1234)\n平均目標株価\n2,450\n+150 (+6.52%)\n", id="ja-target-price"),
    pytest.param("Acme SpA\nPrezzo obiettivo medio\n12,40\n+1,15 (+10,22%)\n", id="it-prezzo-obiettivo"),
    # figures under a heading of other statistics: fuel prices, a league's table, case counts
    pytest.param("Spritpreise heute in Musterstadt\n  • Super E10 1,759 € +0,020 (+1,15 %)\n  • Diesel 1,649 € -0,012 (-0,72 %)\n"
                 "  • Super E5 1,819 € +0,018 (+1,00 %)\n", id="de-fuel-prices"),
    # ... a heading that ends in brackets or a percent sign
    pytest.param("Formtabelle (letzte 5 Spiele)\nZeta München 13 Pkt. +9 86,7 %\nZeta Leipzig 10 Pkt. +4 66,7 %\n",
                 id="de-heading-ending-in-brackets"),
    pytest.param("Team Leaders - Field Goal %\nZeta Celtics 47.9 +1.4 (3.0%)\nZeta Thunder 48.6 -0.3 (-0.6%)\n",
                 id="en-heading-ending-in-percent"),
    pytest.param("NBA standings\nTeam FG% +/- %\nZeta Celtics 47.9 +1.4 (3.0%)\nZeta Thunder 48.6 -0.3 (-0.6%)\n",
                 id="en-standings-decimals"),
    pytest.param("Evolución del COVID-19 en España\nCasos confirmados 13.914.811 +3.412 (+0,02%)\nFallecidos 120.510 +46 (+0,04%)\n",
                 id="es-covid-counts"),
    # rows named by dates: a dividend history, an index's months
    pytest.param("Dividend history\nNov 28, 2025 Dec 15, 2025 $0.51 +$0.025 (+5.15%)\n"
                 "12/2/2025 Zeta Securities Boost Target $300.00 +$25.00 (+9.09%)\n", id="dated-rows"),
    pytest.param("Prijsindex bestaande koopwoningen\noktober 2025 153,4 +0,9 (+0,6%)\n", id="nl-month-row"),
    # a figure, the same a year before, the difference and its percent, under columns of years
    pytest.param("与去年同期对比\n项目 2025年10月 2024年10月 增减 增幅\n猪肉（元/公斤） 23.45 28.70 -5.25 -18.29%\n"
                 "鸡蛋（元/公斤） 9.80 10.65 -0.85 -7.98%\n", id="zh-year-ago-table"),
    # numbers without a name, the page's only "subject" a footer's link
    pytest.param("229.55\n-0.32 (-0.14%)\nNews\n© 2026 Zeta Analysis.\nAbout Privacy Terms\n",
                 id="footer-link-is-no-subject"),
    pytest.param("Prices a year on\nItem | Oct 2025 | Oct 2024 | Change | Change %\nPork (per kg) | 23.45 | 28.70 | -5.25 | -18.29%\n",
                 id="en-year-ago-table-pipes"),
]

READ = [
    # a quote's header, then the extended session's numbers on a line named by its label: one quote
    pytest.param("Zeta Corporation (ZETA)\n(Real Time Quote from BATS)\n$486.74 USD\n-3.26 (-0.67%)\n"
                 "Updated Dec 2, 2025 04:00 PM ET\nAfter-Market: $487.10 +0.36 (0.07%) 7:58 PM ET\n",
                 Q(("Zeta Corporation", "486.74", "-3.26", "-0.67")), id="after-market-label-line"),
    # the quote header is read; the target below it, under its label, is not
    pytest.param("Acme AG Aktie\n187,40 €\n+2,10 € (+1,13 %)\n\nDurchschnittliches Kursziel (12 Monate)\n"
                 "210,00 € +22,60 € (+12,06 %)\n", Q(("Acme AG Aktie", "187.40", "2.10", "1.13")), id="de-quote-over-its-target"),
    # a table of last and previous prices: the row's numbers say which is the value
    pytest.param("Indices\nName Last Prev Chg %Chg\nAcme 50 4,510.20 4,480.10 +30.10 +0.67%\n",
                 Q(("Acme 50", "4510.20", "30.10", "0.67")), id="last-prev-chg-table"),
    # the regular session's quote, then the after-hours session's numbers under it, its
    # session named below them: one quote, the day's
    pytest.param("Zeta Inc. (ZETA)\nNASDAQ: ZETA · Real-Time Price · USD\n229.87\n+3.12 (+1.38%)\n"
                 "At close: Dec 2, 2026, 4:00 PM EST\n229.55\n-0.32 (-0.14%)\nAfter-hours: Dec 2, 2026, 7:59 PM EST\n"
                 "© 2026 Zeta Analysis.\nAbout Privacy Terms\n", Q(("Zeta Inc.", "229.87", "3.12", "1.38")),
                 id="after-hours-numbers-under-the-day-quote"),
    # a statistics word in a menu or in prose says nothing of the quotes under it
    pytest.param("Mail  News  Finance  Weather  Videos\nMarket Summary\nZeta Composite\t47,882.90\t+408.44\t+0.86%\n"
                 "Zeta 500\t6,849.72\t+20.35\t+0.30%\n", Q(("Zeta Composite", "47882.90", "408.44", "0.86"),
                                                          ("Zeta 500", "6849.72", "20.35", "0.30")), id="weather-in-a-menu-row"),
    pytest.param("Zeta News\nVideo\nElection 2024\nShop\nMarkets\nZJIA\n43,297.03\n-28.77 | -0.07%\n",
                 Q(("ZJIA", "43297.03", "-28.77", "-0.07")), id="election-a-menu-item"),
    pytest.param("Dealers talked about the weather and the election all morning.\nZeta Composite 5,432.10 +43.21 (+0.80%)\n",
                 Q(("Zeta Composite", "5432.10", "43.21", "0.80")), id="statistics-words-in-prose"),
    # ... and the after-hours numbers with their session named on their own line
    pytest.param("Zeta Corporation (ZETA)\nNASDAQ: ZETA · Real-Time Price · USD\n135.34\n+3.74 (+2.84%)\n"
                 "At close: Oct 15, 2024, 4:00 PM EDT\n138.07 +2.73 (2.02%) After-hours: Oct 15, 2024, 7:59 PM EDT\n"
                 "About ZETA\n", Q(("Zeta Corporation", "135.34", "3.74", "2.84")), id="after-hours-on-the-numbers-line"),
    # a target word further up the page names no quote's numbers: the nearest heading does
    pytest.param("Price targets and ratings\nAcme Composite\n5,432.10\n+43.21 (+0.80%)\n",
                 Q(("Acme Composite", "5432.10", "43.21", "0.80")), id="target-word-not-nearest"),
]


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text):
    assert _quotes(text) == []


@pytest.mark.parametrize("text, want", READ)
def test_read(text, want):
    assert _quotes(text) == want
