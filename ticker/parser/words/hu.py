"""Hungarian words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # a quote page's labelled fields (last price, change, change in percent)
    "field_value": ["árfolyam", "utolsó ár", "utolsó árfolyam", "záróár"],
    "field_change": ["változás"],
    "field_pct": ["változás %", "változás\\s*\\(%\\)"],
    # units beside a number: forint, points
    "units": ["ft", "huf", "pont"],
    "time_labels": ["utolsó kötés", "frissítve", "frissítés"],
    "name_labels": ["részvények", "indexek", "árfolyamok"],
}
