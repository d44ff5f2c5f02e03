"""Korean words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "sign_words": {"상승": "+", "플러스": "+", "하락": "-", "마이너스": "-", "보합": ""},
    "status_words": ["장마감", "장중", "장개시 전", "장 마감"],
    "field_value": ["현재가"],
    "glued_units": ["원"],
    "field_change": ["전일대비"],
    "direction_down": ["하락"],
    "direction_up": ["상승"],
}
