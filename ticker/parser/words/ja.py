"""Japanese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "status_words": ["大引け", "取引終了", "取引時間外"],
    # "38,208.03" / "前日比" / "+558.84(+1.48%)": the change's label (compared with the day before)
    "field_change": ["前日比"],
    "field_value": ["現在値", "終値"],
    "glued_units": ["円"],
}
