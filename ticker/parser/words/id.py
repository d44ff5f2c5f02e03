"""Indonesian and Malay words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "units": ["rp"],
    # "Harga 9.875" / "Perubahan +125 (+1,28%)": price, change
    "field_value": ["harga", "harga terakhir", "terakhir"],
    "field_change": ["perubahan"],
    # "turun 45,67 (0,64%)": down, up
    "sign_words": {"turun": "-", "naik": "+", "melemah": "-", "menguat": "+"},
    "direction_down": ["turun", "melemah"],
    "direction_up": ["naik", "menguat"],
    "field_prev": ["penutupan sebelumnya"],
    "labels": ["pembukaan", "tertinggi", "terendah", "volume", "nilai"],
    "news_headings": ["berita"],
    "name_labels": ["saham", "indeks"],
    "exchanges": ["idx", "bursa efek indonesia", "bursa malaysia"],
    "time_labels": ["data per", "pembaruan terakhir", "diperbarui", "terakhir diperbarui", "update terakhir", "waktu"],
    "status_words": ["pasar tutup", "pasar buka"],
    "months": {"mei": 5, "agu": 8, "agt": 8, "okt": 10, "des": 12},
}
