"""Swedish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "states": ["stängd", "öppen"],
}
