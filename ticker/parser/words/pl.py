"""Polish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "units": ["zł", "pln", "pkt"],
    "at_close": ["ostatnia aktualizacja"],
    "field_value": ["kurs", "ostatni kurs", "cena"],
    "field_change": ["zmiana"],
    "field_pct": ["zmiana %", "zmiana\\s*\\(%\\)"],
    "actions": ["dodaj do obserwowanych", "obserwuj", "kup", "sprzedaj", "porównaj", "ustaw alert"],
    "quote_labels": ["kurs", "ostatni kurs", "cena"],
    "name_kinds": ["indeks", "sa"],
    "index_kinds": ["indeks"],
    "exchanges": ["gpw"],
    "name_labels": ["indeks", "indeksy", "akcje"],
    "countries": ["polska"],
    "tabs": ["wiadomości", "wykres", "przegląd", "notowania"],
    "news_headings": ["wiadomości"],
    "sites": ["bankier\\.pl", "bankier", "stooq", "parkiet", "biznesradar"],
    "descriptors": ["notowania", "kurs", "cena", "na żywo"],
    "delays": ["opóźnion[ey]", "opóźnieniem"],
    "minutes": ["minut", "min\\."],
    "sources": ["źródło"],
    "data_nouns": ["notowania", "dane"],
}
