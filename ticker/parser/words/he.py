"""Hebrew words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # "נכון ל- 29/11/2024 17:25": correct as of
    "at_close": ["נכון ל", "עדכון אחרון"],
    "time_words": ["נכון ל", "עודכן"],
    "field_value": ["שער אחרון", "שער", "מחיר"],
    "field_change": ["שינוי"],
    "field_pct": ["שינוי\\s*\\(%\\)", "% שינוי", "שינוי %", "שינוי באחוזים"],
}
