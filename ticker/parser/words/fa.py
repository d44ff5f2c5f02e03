"""Persian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # "نرخ فعلی: ۲,۶۵۴.۳۲" / "میزان تغییر: ۱۲.۴۵ (۰.۴۷%) (افزایش)": current rate, amount of change (a rise)
    "field_value": ["نرخ فعلی", "قیمت", "آخرین قیمت"],
    "field_change": ["میزان تغییر", "تغییر"],
    "direction_up": ["افزایش"],
    "direction_down": ["کاهش"],
    "labels": ["بالاترین قیمت روز", "پایین ترین قیمت روز", "نرخ بازگشایی بازار"],
    "field_prev": ["نرخ روز گذشته"],
    "time_labels": ["زمان ثبت آخرین نرخ", "آخرین به روز رسانی"],
    "news_headings": ["اخبار"],
    "units": ["دلار", "ریال", "تومان"],
}
