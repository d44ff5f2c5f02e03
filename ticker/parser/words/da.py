"""Danish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "links": ["søg"],
    "tabs": ["nyheder"],
    "news_headings": ["nyheder"],
    "name_labels": ["aktier", "indeks", "indekser", "valuta", "råvarer", "investeringsforeninger"],
    # a quote page's labelled fields (latest, change, change in percent)
    "field_value": ["seneste", "seneste kurs", "kurs"],
    "field_change": ["ændring", "ændr\\."],
    "field_pct": ["ændring %", "ændring\\s*\\(%\\)"],
    "conjunctions": ["og"],
}
