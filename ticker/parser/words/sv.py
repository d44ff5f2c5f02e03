"""Swedish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "today": ["idag", "i dag"],
    "states": ["stängd", "öppen"],
}
