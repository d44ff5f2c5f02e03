"""Japanese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "status_words": ["大引け", "取引終了", "取引時間外"],
}
