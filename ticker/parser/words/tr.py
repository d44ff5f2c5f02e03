"""Turkish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "at_close": ["son güncelleme", "son işlem(?: zamanı)?"],
    "time_words": ["güncelleme"],
    "field_value": ["son fiyat", "fiyat", "son"],
    "field_change": ["değişim", "fark"],
    "field_pct": ["değişim\\s*\\(%\\)", "değişim %", "% değişim", "fark %"],
}
