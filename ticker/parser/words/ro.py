"""Romanian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "field_pct": ["variaţie %", "variație %"],
    "field_change": ["variaţie", "variație", "variatie"],
    "field_value": ["valoare", "ultima valoare"],
    "units": ["puncte", "lei", "ron"],
    "labels": ["deschidere", "maxim", "minim", "volum", "valoare", "capitalizare"],
    "field_prev": ["preț referință", "închidere anterioară"],
    "time_labels": ["ultima actualizare", "actualizat"],
    "news_headings": ["știri"],
    "exchanges": ["bursa de valori bucurești", "bvb"],
    "delays": ["întârziere", "întârziate"],
    "minutes": ["minute", "min\\."],
    "sources": ["sursa"],
    "data_nouns": ["cotațiile", "datele"],
}
