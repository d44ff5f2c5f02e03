"""Dutch words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "markets": ["beurs", "markt(?:en)?"],
    "states": ["gesloten", "geopend"],
    "countdown": ["om"],
}
