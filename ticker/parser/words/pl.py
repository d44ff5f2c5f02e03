"""Polish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "actions": ["dodaj do obserwowanych", "obserwuj", "kup", "sprzedaj", "porównaj", "ustaw alert"],
    "quote_labels": ["kurs", "ostatni kurs", "cena"],
    "name_kinds": ["indeks", "sa"],
    "name_labels": ["indeks", "indeksy", "akcje"],
    "countries": ["polska"],
    "tabs": ["wiadomości", "wykres", "przegląd", "notowania"],
}
