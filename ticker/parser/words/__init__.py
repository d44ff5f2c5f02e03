"""Language words the parser relies on, as data: one module per language, plain dicts.

Each language module has a ``WORDS`` dict of categories (below); an entry is a lower-case word
or phrase, or a small regular-expression fragment where a word inflects (``fermée?s?``).
:mod:`ticker.parser.lexicon` builds its patterns from :func:`merged`. Adding a language is
adding a module here and its name to :data:`LANGUAGES`; a test checks every entry is
well-formed and is matched by the pattern built from it.

>>> "closed" in merged("states")
True
>>> merged("months")["dez"]
12
"""
from __future__ import annotations

from importlib import import_module

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "tr", "pl", "cs", "hu", "el", "ro", "he", "ar", "ru", "uk", "fa", "id", "th", "vi", "ko", "zh", "ja")

#: what each category is for (the lexicon reads exactly these)
CATEGORIES = {
    "markets": "the subject of a market status line (Singapore *markets* closed)",
    "status_words": "a whole line that is a market status in one word (장마감, 收市), perhaps after its date",
    "markets_glued": "a market word printed without a space before its one-word status (香港*市場*已收市)",
    "as_of": "a word between a date and the status it is of (2026.12.02 *기준*(장마감))",
    "states": "what a status line says of the markets (closed, open)",
    "countdown": "the preposition of a countdown (markets close *in* 3 hours)",
    "at_close": "the start of a quote-time line (At close: 4:35PM BST)",
    "sessions": "an extended-hours session after the numbers of its own change (-0.58 (-0.32%) *After-hours*): "
                "another quote's change, never joined to the day's",
    "noise_start": "the start of a line that sits between a name and its numbers",
    "noise_line": "a whole line that sits between a name and its numbers (Advertisement)",
    "noise_parts": "a part of such a line (Delayed price, Currency in USD)",
    "links": "link or navigation text, never a name (View all indices, Back to)",
    "of_words": "a preposition that, with an exchange's name after it, makes a line the instrument's description "
                "(Indice principale *di* Borsa Italiana), not its name",
    "site_pages": "a page of the site itself, first in a footer's link (About *Us*, About *Privacy*): never a page's subject",
    "labels": "the label of a statistic, never a name (Open, High, 52-week range)",
    "forecasts": "a word of a forecast's or an analyst's target (Price target, Kursziel): the numbers printed "
                 "right under it are a target and its distance from the price, no quote",
    "unit_lines": "a line holding only a unit or a price label (Punkte, Kurs)",
    "today": "a word after a change saying it is the day's (+2.19 Today)",
    "sign_words": "a word printed instead of the sign before a number on its own line: up (상승 1,200), down",
    "percent_words": "a word printed instead of the percent sign after a number, as screen readers' text gives it "
                     "(1.27 *퍼센트*)",
    "units": "units printed beside a number (pts, Punkte, USD)",
    "glued_units": "units printed right after a number, without a space (3,456円): set apart like other units",
    "stopwords": "words of prose: text with them before numbers is a sentence, not a name",
    "time_words": "words of a line that carries the page's own time (Updated, As of)",
    "time_labels": "the label of a quote-time line that must be followed by a date or a clock time and nothing else "
                   "(Last updated, Stand, Päivitetty, آخر تحديث, 更新時間); unlike at_close, never a session's name",
    "time_after": "a word after a quote-time's date or clock time saying it is the data's (2026/12/03 15:30 *更新*, "
                  "12/03 15:00 *現在*): with it the time line is labelled, as with a time label before",
    "clock_words": "a word printed between a date and its clock time (2.12.2026 *um* 17:35, 02/12/2026 *à* 17:35)",
    "clock_units": "a word after a clock time saying it is the hour (09:15 *น.*, the Thai o'clock)",
    "zone_words": "a word after a clock time's zone saying it is that zone's time (16:59 NY *Time*)",
    "rounds": "the round of a price announced several times a day, in brackets after its time line "
              "(ประจำวันที่ 4 ธันวาคม 2569 เวลา 09:15 น. *(ครั้งที่ 1)*)",
    "dotted_clock": "a word before a clock time printed with a dot instead of a colon (*klo* 18.29, *kl.* 17.29)",
    "am_words": "a word after a 12-hour clock time saying it is the morning's (03:20 *ص*); am/a.m. are built in",
    "pm_words": "a word after a 12-hour clock time saying it is the afternoon's (03:20 *م*)",
    "delays": "the word of a notice saying the quotes are late, before or after its minutes (Data *delayed* at least 15 "
              "minutes, Kurser *fördröjda* 15 minuter, Datos con 15 minutos de *retraso*)",
    "outages": "what a notice says of the data when the page has none to show, after what it is (Data *unavailable*, "
               "Kurse *nicht verfügbar*)",
    "data_nouns": "what such a notice says is late, before the delay (*Data* delayed at least 15 minutes, *Kurser* "
                  "fördröjda 15 minuter; not \"Index delayed 15 minutes\", one entry's note)",
    "minutes": "the unit of such a notice's delay (15 *minutes*, 15 *min.*, 15 *Minuten*)",
    "sources": "the label of the data's source ending such a notice or a quote-time line (*Källa*: Infront, "
               "*provided by* Example Indices)",
    "news_headings": "the heading of a news list (News, Nachrichten, 新聞): the dates below it are its articles', not the quote's",
    "bylines": "a word of an article's byline or a news list's date, never the quote's time (Published, min read)",
    "months": "month abbreviations -> month number",
    "periods": "a return period naming a table row, never an instrument (1 week, YTD)",
    "col_value": "a table column holding the value (Last, Kurs)",
    "col_change": "a table column holding the change (Chg, +/-)",
    "col_pct": "a table column holding the percent (Chg %, %)",
    "col_other": "a table column holding something else (High, Volume)",
    "col_code": "a table column holding each row's code or symbol, before or after its name (Code, Symbol, 代码)",
    "col_rank": "a table's first column numbering its rows (#, No., 序号): the number is not the name's",
    "field_value": "the label of a value in a block of labelled fields (Price, Value)",
    "field_change": "the label of a change there (Change Today)",
    "field_pct": "the label of a percent there (% Change)",
    "field_prev": "the label of the previous close among a quote page's statistics (Prev. close, Clôture veille): "
                  "value − change must be that number",
    "direction_down": "words between a value and an unsigned change saying it fell (Decreased By)",
    "direction_up": "words between a value and an unsigned change saying it rose (Increased By)",
    "bid_ask": "the label of a bid or ask price printed between a quote's value and its change (Bid, Ask): that number is not the quote's",
    "id_labels": "the label of an identifier printed on the line below it (ISIN, WKN, Exchange)",
    "exchanges": "a line naming only the exchange or trading venue above a quote's numbers (Xetra, NYSE)",
    "name_labels": "a whole line naming the kind of instrument, a section or a disclaimer, never a name (Index, Disclaimer)",
    "subject_before": "words before the page's subject in a heading (News for *Dow Jones*)",
    "subject_after": "words after the page's subject in a heading (*Dow Jones* Chart)",
    # the name of a quote page's quote (ticker.parser.subject): lines between the heading and the value
    "actions": "a whole line that is a button or a link of a quote page, never a name (Create Alert, Sparplan)",
    "quote_labels": "a whole line labelling a quote page's value, never a name (Aktuell, Last price)",
    "share_classes": "a part of a stock's share-class line under its name (Namens-Aktien, Ordinary fully paid)",
    "name_kinds": "a word of a heading that names an instrument (Index, Aktie, Inc.): evidence for the name",
    "index_kinds": "a kind word of an index's full name (Index, Indeks, 指数): a code heading over such a name is "
                   "part of the name ('SMI Swiss Market Index'); over a company's name ('AAPL' / 'Apple Inc.') it is not",
    "symbol_labels": "the label of the instrument's code inside an identifier line (Symbol DTE)",
    "tabs": "a whole line that is a tab of a quote page's menu (News, Chart, Übersicht), never a name",
    "countries": "a whole line naming only a country or region (United States, Deutschland), never a name",
    "providers": "a word of a company's name printed under an index's heading as its provider or publisher "
                 "(FTSE International *Ltd*, Nikkei *Inc.*, S&P Dow Jones *Indices*): that line names no quote",
    "statistic_labels": "the label of a count or reading that is no market's (Followers, Temperature, Seats): a row "
                        "or header it names is no quote (also a label of a statistic, like labels)",
    "statistic_contexts": "a word of a page of polls, standings, weather or audience counts (poll, seats, league, "
                          "forecast): whole-number quote shapes there are its statistics, not market quotes",
    "sites": "the name of a finance site or its publisher, printed as a line of its page (MarketWatch, 新浪财经), never a name",
    "conjunctions": "the 'and' of a list of sectors or kinds printed under a quote's name (Petróleo, Gás *e* "
                    "Biocombustíveis; Oil, Gas *and* Consumable Fuels): such a line names no quote",
    "descriptors": "a word of a line describing a quote's kind, price or source rather than naming the instrument "
                   "(Stock Price, Real-time quote, Indice Borsa Italiana: with name_labels, exchanges, countries, sites)",
}

_CACHE: dict[str, object] = {}


def language(code: str) -> dict:
    """One language's WORDS dict."""
    return import_module(f"{__name__}.{code}").WORDS


def merged(category: str):
    """Every language's entries of ``category``: a list (in language order, no duplicates),
    or a dict for ``months`` and ``sign_words``."""
    if category not in CATEGORIES:
        raise KeyError(category)
    try:
        return _CACHE[category]
    except KeyError:
        pass
    if category in ("months", "sign_words"):
        out: dict[str, object] = {}
        for code in LANGUAGES:
            out.update(language(code).get(category, {}))
        _CACHE[category] = out
        return out
    seen: list[str] = []
    for code in LANGUAGES:
        for entry in language(code).get(category, ()):
            if entry not in seen:
                seen.append(entry)
    _CACHE[category] = seen
    return seen
