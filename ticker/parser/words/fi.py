"""Finnish words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "descriptors": ["kurssit", "kurssitiedot"],
    "name_labels": ["indeksit", "osakkeet", "rahastot", "valuutat", "raaka-aineet"],
    "markets": ["pörssi"],
    "states": ["suljettu", "avoinna"],
    # "Päivitetty 2.12.2026 klo 18.29": updated ... at (o'clock), the time printed with a dot
    "time_labels": ["päivitetty", "viimeksi päivitetty", "viimeisin kauppa", "päätöskurssi"],
    "time_words": ["päivitetty"],
    "dotted_clock": ["klo"],
    "bylines": ["julkaistu"],
    "exchanges": ["nasdaq helsinki", "helsinki", "first north"],
    "news_headings": ["uutiset"],
    # a quote page's labelled fields: "Viimeisin" (latest), "Muutos" (change), "Muutos %"
    "field_value": ["viimeisin", "viimeisin kurssi", "kurssi"],
    "field_change": ["muutos"],
    "field_pct": ["muutos %", "muutos\\s*\\(%\\)"],
    "delays": ["viivästetty", "viiveellä"],
    "minutes": ["minuuttia", "min\\."],
    "sources": ["lähde"],
    "data_nouns": ["kurssit", "tiedot"],
}
