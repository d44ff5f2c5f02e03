"""Italian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "today": ["oggi"],
    "markets": ["mercati", "mercato", "borsa"],
    "states": ["chius[oia]", "apert[oia]"],
    "countdown": ["tra", "fra"],
    "at_close": ["alla chiusura", "ultimo aggiornamento", "(?:ora )?ultimo contratto", "aggiornato al"],
    "noise_line": ["pubblicità", "chiuso"],
    "noise_parts": ["ritardat", "valuta in", "tempo reale"],
    "exchanges": ["borsa italiana"],
    "name_labels": ["indice", "azioni", "mercati", "borsa"],
    "links": ["vedi tutti", "torna"],
    "labels": ["ultimo prezzo", "prezzo apertura", "massimo", "minimo", "tipologia", "prezzo rif\\. precedente",
               "variazione punti", "variazione"],
    "unit_lines": ["prezzo"],
    "time_words": ["chiusura", "aggiornato", "aggiornamento"],
    "col_change": ["variazione"],
    "col_value": ["prezzo"],
    "field_value": ["ultimo prezzo", "prezzo", "ultimo"],
    "field_change": ["variazione punti", "var\\.?\\s*ass(?:\\.|oluta)", "variazione assoluta"],
    "field_pct": ["variazione %", "var\\.?\\s*%"],
    "subject_before": ["quotazioni", "notizie su"],
}
