"""Dutch words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "forecasts": ["koersdoel", "koersdoelen", "prognose"],
    "today": ["vandaag"],
    "markets": ["beurs", "markt(?:en)?"],
    "states": ["gesloten", "geopend"],
    "countdown": ["om"],
    "name_labels": ["aandelen", "indices"],
    "actions": ["volgen", "kopen", "verkopen", "vergelijk(?:en)?", "alert instellen", "toevoegen aan (?:watchlist|volglijst)"],
    "field_value": ["laatste koers", "laatste"],
    "field_change": ["verschil", "wijziging", "verandering"],
    "col_value": ["laatste"],
    "col_change": ["verschil"],
    "quote_labels": ["koers", "laatste koers"],
    "name_kinds": ["index", "n\\.v\\."],
    "index_kinds": ["index"],
    "countries": ["nederland"],
    "tabs": ["nieuws", "grafiek", "overzicht", "profiel"],
    "time_labels": ["laatste update", "bijgewerkt(?: op)?", "laatst bijgewerkt"],
    "clock_words": ["om"],
    "months": {"mrt": 3, "mei": 5},
    "news_headings": ["nieuws"],
}
