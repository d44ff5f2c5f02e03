"""Norwegian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "name_labels": ["aksjer", "indekser", "indeks", "valuta", "råvarer", "fond"],
    # a quote page's labelled fields (latest, change, change in percent)
    "field_value": ["siste", "siste kurs", "kurs"],
    "field_change": ["endring", "endr\\."],
    "field_pct": ["endring %", "endring\\s*\\(%\\)"],
    "conjunctions": ["og"],
}
