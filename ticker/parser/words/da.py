"""Danish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "exchanges": ["(?:large|mid|small) cap copenhagen", "nasdaq københavn", "nasdaq copenhagen", "københavns fondsbørs"],
    "links": ["søg"],
    "tabs": ["nyheder"],
    "news_headings": ["nyheder"],
    "name_labels": ["aktier", "indeks", "indekser", "valuta", "råvarer", "investeringsforeninger"],
    # a quote page's labelled fields (latest, change, change in percent)
    "field_value": ["seneste", "seneste kurs", "kurs"],
    "field_change": ["ændring", "ændring i dag", "dagens ændring", "ændr\\."],
    "field_pct": ["ændring %", "ændring\\s*\\(%\\)"],
    "states": ["lukket", "åben"],
    "time_labels": ["opdateret", "senest opdateret", "sidst opdateret", "lukkekurs"],
    "dotted_clock": ["kl\\."],
    "delays": ["forsinkede", "forsinket"],
    "minutes": ["minutter", "min\\."],
    "sources": ["kilde"],
    "data_nouns": ["kurser(?:ne)?", "data"],
    "conjunctions": ["og"],
}
