"""Patterns over the language words of :mod:`ticker.parser.words`: status lines, labels, noise."""
from __future__ import annotations

import re
from .lines import _UNIT

# --------------------------------------------------------------------------- lines

_STATUS = re.compile(
    r"(?:[\w.’'&/()\-]+\s+){0,4}?"
    r"(?:markets?|märkte|marchés?|bourses?|mercados?|mercati|mercato|börsen?|borsa|beurs|markt(?:en)?|bolsas?)"
    r"(?:\s+[\w.’'&/()\-]+){0,4}?\s+"
    r"(?:closed|open|opened|geschlossen|geöffnet|offen|fermée?s?|ouverte?s?|cerrad[oa]s?|abiert[oa]s?"
    r"|chius[oia]|apert[oia]|fechad[oa]s?|abert[oa]s?|gesloten|geopend|stängd|öppen"
    r"|(?:in|dans|en|tra|fra|em|om|über)\s+(?:\d+\s*[^\W\d_]+\.?\s*){1,3})\s*",
    re.I,
)
# first letters left off so that "Markets", "markets" and "MARKETS" are all found by str.find
_STATUS_KEYS = ("arket", "ARKET", "ärkte", "ÄRKTE", "arché", "ARCHÉ", "ourse", "OURSE", "ercad",
                "ERCAD", "ercat", "ERCAT", "örse", "ÖRSE", "orsa", "ORSA", "eurs", "EURS", "arkt",
                "ARKT", "olsa", "OLSA")
_AT_CLOSE = re.compile(
    r"(?:at close|as of|after hours|before hours|pre-?market|post-?market|overnight|"
    r"bei börsenschluss|börsenschluss|nachbörslich|vorbörslich|à la clôture|a la clôture|"
    r"al cierre|alla chiusura|no fechamento|ao fechamento)\b[:\s].{0,80}",
    re.I,
)
_NOISE_START = re.compile(
    r"(?:updated?\b|as of\b|at close|after hours|chart$|overview$|summary$|follow$|quote\b|"
    r"advertisement$|werbung$|publicité$|anzeige$|annonce$|publicidad$|pubblicità$|ad$|sponsored|"
    r"(?:market )?(?:closed|open)$|geschlossen$|fermé$|cerrado$|chiuso$|"
    r"visitors trend|loading|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d)",
    re.I,
)
_NOISE_PARTS = ("delayed", "currency in", "real-time", "realtime", "real time", "last updated",
                "watchlist", "highlight", "verzögert", "währung in", "echtzeit", "différé", "devise en",
                "temps réel", "diferido", "divisa en", "tiempo real", "ritardat", "valuta in",
                "tempo reale", "stock exchange")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")

_SYMBOL = re.compile(r"[\^$.]?[A-Z0-9][A-Z0-9.\-=:^/&]{0,14}")
_SYMBOL_EXCHANGE = re.compile(r"([.^$]?[A-Z0-9][A-Z0-9.\-=^]{0,14}):[ ]?[A-Z][\w .&'()-]{2,40}")
_SYM_DASH_NAME = re.compile(r"([\^$]?[A-Z0-9][A-Z0-9.\-=:^]{0,14})\s+[-–—:]\s+(\S.*)")
_NAME_PAREN_SYM = re.compile(r"(\S.*?)\s*\(([\^$]?[A-Z0-9][A-Z0-9.\-=:^/]{0,14})\)")
_LETTER = re.compile(r"[^\W\d_]")
_STOPWORDS = frozenset(
    "at to rose fell closed gained lost added shed ended finished was is were are has have had its "
    "by from up down dropped climbed slipped jumped declined advanced rising falling gaining losing "
    "traded trading stood settled against than per cent percent points point or while after before "
    "since on of".split()
)
_LABELS = re.compile(
    r"(?i)^(?:prev(?:ious)?\.? close|open|high|low|close|volume|day'?s? range|52[- ]?w(?:ee)?k|"
    r"range|performance|return|dividend|yield|p/e|market cap|bid|ask|net change|change|last|"
    r"last price|price|vortag|eröffnung|hoch|tief|schluss|ouverture|plus haut|plus bas|"
    r"revenue|sales|net income|net profit|operating|ebitda|eps|earnings|profit|income|margin|"
    r"turnover|assets|debt|cash|population|unemployment|inflation|gdp)\b"
)
_UNIT_LINE = re.compile(rf"(?i){_UNIT}|price|kurs|letzter kurs|cours|precio|prezzo|preço")
_DECIMAL_IN_NAME = re.compile(r"\d[.,]\d")
# a row named by a period is a line of a financial table ("Q1 2024 | 94.8 | +5.1 | +5.7% |")
_PERIOD = re.compile(r"(?i)(?:[QH][1-4]|FY|CY|[1-4]Q)\s*'?\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
               r"[a-z]*\.?\s*'?\d{2,4}|(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?")
_TABLE_HEAD = re.compile(r"(?i)^.*\b(?:chg|change|veränderung|var\.?|variation)\s*%\s*")
# a line with a clock time and one of these words may carry the page's own time
_TIME_WORDS = ("update", "as of", "close", "aktualisiert", "stand", "mis à jour", "delayed", "schluss",
               "clôture", "cierre", "chiusura", "fechamento", "last trade", "quote", "real-time")



_COLUMN = re.compile(
    r"(?i)(?<!\w)(?:"
    r"(?P<p>chg\.?\s*%|%\s*chg\.?|change\s*%|%\s*change|var\.?\s*%|%\s*var\.?|\+/-\s*%|%)"
    r"|(?P<n>prev(?:ious)?\.?\s*close|vortag|open|high|low|hoch|tief|eröffnung|bid|ask|vol(?:ume)?\.?"
    r"|volumen|umsatz|ouverture|plus\s*haut|plus\s*bas|m[áa]x(?:imo)?\.?|m[íi]n(?:imo)?\.?)"
    r"|(?P<c>net\s*chg\.?|net\s*change|chg\.?|change|\+/-|var\.?|veränderung|variation|variación|variazione)"
    r"|(?P<v>last(?:\s*price)?|price|kurs|letzter|aktuell|value|ltp|cours|dernier|[úu]ltimo|precio|prezzo"
    r"|current|close)"
    r")(?!\w)"
)

