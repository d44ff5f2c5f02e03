"""Turkish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "at_close": ["son güncelleme", "son işlem(?: zamanı)?"],
    "time_words": ["güncelleme"],
    "col_value": ["son", "son fiyat"],
    "col_change": ["değişim", "fark"],
    "col_other": ["en yüksek", "en düşük", "hacim", "açılış"],
    "field_value": ["son fiyat", "fiyat", "son"],
    "field_change": ["değişim", "fark"],
    "field_pct": ["değişim\\s*\\(%\\)", "değişim %", "% değişim", "fark %"],
    "actions": ["alarm kur", "takip et", "al", "sat", "karşılaştır", "izleme listesine ekle"],
    "quote_labels": ["son fiyat", "fiyat", "son"],
    "name_kinds": ["endeksi?", "a\\.ş\\."],
    "name_labels": ["endeks", "endeksler", "hisse"],
    "countries": ["türkiye"],
    "tabs": ["haberler", "grafik", "genel bakış"],
    "time_labels": ["son güncelleme", "son işlem tarihi", "güncellenme"],
    "news_headings": ["haberler"],
    "delays": ["gecikmeli"],
    "minutes": ["dakika", "dk\\."],
    "sources": ["kaynak"],
    "data_nouns": ["fiyatlar", "veriler"],
}
