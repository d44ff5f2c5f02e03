"""Norwegian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "name_labels": ["aksjer", "indekser", "indeks", "valuta", "råvarer", "fond"],
    "exchanges": ["oslo børs", "euronext oslo", "euronext growth oslo"],
    # a quote page's labelled fields (latest, change, change in percent)
    "field_value": ["siste", "siste kurs", "kurs"],
    "field_change": ["endring", "endr\\."],
    "field_pct": ["endring %", "endring\\s*\\(%\\)"],
    "states": ["stengt", "åpen"],
    "time_labels": ["oppdatert", "sist oppdatert", "sluttkurs"],
    "dotted_clock": ["kl\\."],
    "delays": ["forsinket", "forsinkede"],
    "minutes": ["minutter", "min\\."],
    "sources": ["kilde"],
    "data_nouns": ["kurser", "kursene", "data"],
    "conjunctions": ["og"],
}
