"""Greek words (see :mod:`ticker.parser.words`)."""

WORDS = {
    # the Athens exchange's names, printed under an index's heading
    "exchanges": ["χα - αθήνα", "χα", "χρηματιστήριο αθηνών", "athex"],
    "name_labels": ["δείκτες", "μετοχές", "χρηματιστήριο"],
    "field_value": ["τιμή", "τελευταία τιμή"],
    "field_change": ["μεταβολή"],
    "field_pct": ["μεταβολή %", "μεταβολή\\s*\\(%\\)"],
    "time_labels": ["τελ\\. ενημέρωση", "τελευταία ενημέρωση"],
}
