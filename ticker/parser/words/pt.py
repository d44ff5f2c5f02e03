"""Portuguese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "today": ["hoje"],
    "markets": ["mercados?", "bolsas?"],
    "states": ["fechad[oa]s?", "abert[oa]s?"],
    "countdown": ["em"],
    "at_close": ["no fechamento", "ao fechamento"],
    "unit_lines": ["preço"],
    "time_words": ["fechamento"],
    "field_value": ["preço"],
    "actions": ["seguir", "comprar", "vender", "criar alerta", "adicionar (?:à|a) (?:carteira|lista)", "comparar"],
    "quote_labels": ["último", "cotação", "preço atual"],
    "name_kinds": ["índice"],
    "countries": ["brasil", "portugal"],
    "tabs": ["notícias", "histórico", "visão geral"],
    "time_labels": ["atualizado(?: em)?", "última atualização", "fechamento"],
    "clock_words": ["às"],
    "bylines": ["publicado em"],
    "months": {"fev": 2, "set": 9, "out": 10},
    "news_headings": ["notícias"],
}
