"""Korean words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "sign_words": {"상승": "+", "플러스": "+", "하락": "-", "마이너스": "-", "보합": ""},
    "status_words": ["장마감", "장중", "장개시 전", "장 마감"],
    "field_value": ["현재가"],
    "glued_units": ["원"],
    "field_change": ["전일대비"],
    "field_pct": ["등락률"],
    "direction_down": ["하락"],
    "direction_up": ["상승"],
    "actions": ["관심종목(?: 추가)?", "매수", "매도", "알림 설정", "비교"],
    "quote_labels": ["현재가", "종가"],
    "name_kinds": ["지수"],
    "tabs": ["뉴스", "차트", "개요"],
    "name_labels": ["지수", "주식", "국내주식", "해외주식", "펀드", "채권", "시세"],
    "time_labels": ["기준일시", "업데이트"],
    "news_headings": ["뉴스"],
    "as_of": ["기준"],
    "sites": ["네이버 증권", "네이버 금융", "네이버페이 증권", "한국경제", "다음 금융"],
    "descriptors": ["현재가", "실시간", "차트"],
}
