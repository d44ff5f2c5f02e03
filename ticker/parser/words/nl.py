"""Dutch words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "today": ["vandaag"],
    "markets": ["beurs", "markt(?:en)?"],
    "states": ["gesloten", "geopend"],
    "countdown": ["om"],
}
