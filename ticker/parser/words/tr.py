"""Turkish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "actions": ["alarm kur", "takip et", "al", "sat", "karşılaştır", "izleme listesine ekle"],
    "quote_labels": ["son fiyat", "fiyat", "son"],
    "name_kinds": ["endeksi?", "a\\.ş\\."],
    "name_labels": ["endeks", "endeksler", "hisse"],
    "countries": ["türkiye"],
    "tabs": ["haberler", "grafik", "genel bakış"],
}
