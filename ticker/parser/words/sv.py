"""Swedish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "of_words": ["på", "vid"],
    "forecasts": ["riktkurs", "riktkurser", "prognos"],
    "today": ["idag", "i dag"],
    "states": ["stängd", "öppen"],
    "name_labels": ["aktier", "index", "valutor", "råvaror", "fonder"],
    "actions": ["bevaka", "köp", "sälj", "jämför", "lägg till i bevakningslista"],
    "field_value": ["senaste kurs", "senast"],
    "field_change": ["förändring", "förändr\\."],
    # "Utv. idag" (the day's development): the percent, printed with its sign
    "field_pct": ["förändring %", "utv\\.(?: idag)?", "utveckling(?: idag)?"],
    "quote_labels": ["senast", "senaste kurs"],
    "name_kinds": ["index", "ab"],
    "index_kinds": ["index"],
    "countries": ["sverige"],
    "tabs": ["nyheter", "översikt", "graf"],
    "time_labels": ["senast uppdaterad", "uppdaterad", "stängningskurs"],
    "dotted_clock": ["kl\\."],
    "months": {"maj": 5},
    "news_headings": ["nyheter"],
    "delays": ["fördröjda?", "försenade?"],
    "minutes": ["minuter", "min\\."],
    "sources": ["källa"],
    "data_nouns": ["kurser", "data", "priser"],
    "conjunctions": ["och"],
}
