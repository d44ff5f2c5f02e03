"""Czech words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # a quote page's labelled fields (price, change, change in percent)
    "field_value": ["kurz", "poslední", "poslední kurz", "poslední cena", "cena"],
    "field_change": ["změna"],
    "units": ["kč", "bodů", "bodu"],
    "field_pct": ["změna v %", "změna %", "změna\\s*\\(%\\)"],
    "delays": ["zpožděn[éaý]", "zpožděním"],
    "minutes": ["minut", "min\\."],
    "sources": ["zdroj"],
    "data_nouns": ["kurzy", "data"],
    "time_labels": ["aktualizováno", "aktualizace"],
    "status_words": ["obchodování ukončeno", "obchodování probíhá"],
}
