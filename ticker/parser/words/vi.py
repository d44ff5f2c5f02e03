"""Vietnamese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # "Cập nhật: 15:05 03/12/2026" (updated), "Cập nhật lúc 15:05" (updated at)
    "time_labels": ["cập nhật(?: lúc)?", "cập nhật lần cuối", "lần cập nhật cuối", "thời gian"],
    "clock_words": ["lúc"],
    "news_headings": ["tin tức"],
}
