"""Arabic words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # "آخر تحديث: ٠٢/١٢/٢٠٢٦ ١٥:٢٠": last update (digits Arabic-Indic or ASCII)
    "time_labels": ["آخر تحديث", "تاريخ التحديث", "آخر صفقة", "تحديث"],
    "time_words": ["تحديث"],
    "bylines": ["نشر في"],
}
