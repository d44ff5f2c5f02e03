"""Ukrainian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # "41,4520 грн": hryvnia after a rate
    "units": ["грн", "грн\\.", "пунктів"],
    "field_value": ["курс", "ціна"],
    "field_change": ["зміна"],
    "field_prev": ["попереднє закриття"],
    "labels": ["відкриття", "максимум", "мінімум", "обсяг", "купівля", "продаж"],
    "time_labels": ["оновлено", "станом на", "час"],
    "news_headings": ["новини"],
    "name_labels": ["індекси", "акції", "валюти"],
}
