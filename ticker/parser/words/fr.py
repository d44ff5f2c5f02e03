"""French words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "markets": ["marchés?", "bourses?"],
    "states": ["fermée?s?", "ouverte?s?"],
    "countdown": ["dans"],
    "at_close": ["à la clôture", "a la clôture"],
    "noise_line": ["publicité", "annonce", "fermé"],
    "noise_parts": ["différé", "devise en", "temps réel"],
    "exchanges": ["euronext paris"],
    "name_labels": ["indice", "actions?", "marchés", "bourse"],
    "links": ["voir tout", "retour"],
    "labels": ["ouverture", "plus haut", "plus bas", "clôture veille"],
    "unit_lines": ["cours"],
    "time_words": ["mis à jour", "clôture"],
    "months": {"janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12},
    "col_value": ["cours", "dernier"],
    "col_change": ["var\\.?", "variation"],
    "col_pct": ["var\\.?\\s*%", "%\\s*var\\.?"],
    "col_other": ["ouverture", "plus\\s*haut", "plus\\s*bas"],
    "field_value": ["cours", "dernier cours"],
    "field_change": ["variation"],
    "field_pct": ["variation %", "var\\. %"],
}
