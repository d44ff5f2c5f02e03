"""Arabic words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # "آخر تحديث: ٠٢/١٢/٢٠٢٦ ١٥:٢٠": last update (digits Arabic-Indic or ASCII)
    "time_labels": ["آخر تحديث", "تاريخ التحديث", "آخر صفقة", "تحديث"],
    "time_words": ["تحديث"],
    "bylines": ["نشر في"],
    # "03:20 م": the afternoon (masa'an), "09:45 ص": the morning (sabahan)
    "am_words": ["ص", "صباحا", "صباحًا"],
    "pm_words": ["م", "مساء", "مساءً"],
    "news_headings": ["أخبار", "الأخبار"],
}
