"""Polish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "units": ["zł", "pln", "pkt"],
    "at_close": ["ostatnia aktualizacja"],
    "field_value": ["kurs", "ostatni kurs", "cena"],
    "field_change": ["zmiana"],
    "field_pct": ["zmiana %", "zmiana\\s*\\(%\\)"],
}
