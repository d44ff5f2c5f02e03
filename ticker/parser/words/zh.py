"""Chinese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "glued_units": ["元"],
    "col_value": ["最新价", "最新"],
    "col_change": ["涨跌额"],
    "col_pct": ["涨跌幅"],
    "col_rank": ["序号", "排名"],
    "status_words": ["收市", "已收市", "休市", "開市", "收盘", "已收盘", "休市中", "交易中"],
    "actions": ["加自选", "添加自选", "自选", "买入", "卖出", "对比", "提醒"],
    "quote_labels": ["最新价", "现价", "最新"],
    "name_kinds": ["指数"],
    "tabs": ["新闻", "图表", "概览", "资讯"],
    "time_labels": ["更新時間", "更新时间", "最後更新", "最后更新", "數據時間"],
    "news_headings": ["新聞", "新闻", "资讯"],
}
