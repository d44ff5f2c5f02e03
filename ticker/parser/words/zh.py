"""Chinese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "glued_units": ["元"],
    "status_words": ["收市", "已收市", "休市", "開市", "收盘", "已收盘", "休市中", "交易中"],
}
