"""German words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "markets": ["märkte", "börsen?", "markt(?:en)?"],
    "states": ["geschlossen", "geöffnet", "offen"],
    "countdown": ["über"],
    "at_close": ["bei börsenschluss", "börsenschluss", "nachbörslich", "vorbörslich"],
    "noise_line": ["werbung", "anzeige", "geschlossen", "realtime", "echtzeit"],
    "noise_parts": ["verzögert", "währung in", "echtzeit", "kurszeit"],
    "links": ["alle anzeigen", "zurück", "mehr anzeigen"],
    "labels": ["vortag", "eröffnung", "hoch", "tief", "schluss", "tageshoch", "tagestief", "zeithorizont"],
    "unit_lines": ["kurs", "letzter kurs", "punkte", "pkt\\.?"],
    "units": ["pkt", "pkte", "punkte"],
    "time_words": ["aktualisiert", "stand", "schluss"],
    "months": {"mär": 3, "mai": 5, "okt": 10, "dez": 12},
    "periods": ["\\d+\\s*(?:tage?|wochen?|monate?|jahre?|j)", "lfd\\. jahr"],
    "col_value": ["kurs", "letzter", "aktuell"],
    "col_change": ["veränderung", "änderung"],
    "col_other": ["vortag", "hoch", "tief", "eröffnung", "volumen", "umsatz"],
    "field_value": ["kurs", "letzter kurs", "aktueller kurs"],
    "field_change": ["veränderung", "änderung in punkten", "diff\\. vortag"],
    "field_pct": ["änderung in %", "veränderung in %", "diff\\. vortag in %"],
}
