"""Spanish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "today": ["hoy"],
    "markets": ["mercados?", "bolsas?"],
    "states": ["cerrad[oa]s?", "abiert[oa]s?"],
    "countdown": ["en"],
    "at_close": ["al cierre", "última actualización"],
    "noise_line": ["publicidad", "anuncio", "cerrado"],
    "noise_parts": ["diferido", "divisa en", "tiempo real"],
    "exchanges": ["bme", "bolsa de madrid"],
    "name_labels": ["índice", "acciones", "mercados", "bolsa"],
    "links": ["ver todo", "volver"],
    "unit_lines": ["precio"],
    "time_words": ["cierre", "retraso"],
    "col_value": ["[úu]ltimo", "precio"],
    "col_change": ["variación", "dif\\.?"],
    "col_pct": ["%\\s*dif\\.?", "dif\\.?\\s*%"],
    "col_other": ["m[áa]x(?:imo)?\\.?", "m[íi]n(?:imo)?\\.?"],
    "field_value": ["último", "precio"],
    "field_change": ["variación"],
}
