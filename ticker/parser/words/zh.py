"""Chinese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "glued_units": ["元"],
    "col_value": ["最新价", "最新"],
    "col_change": ["涨跌额"],
    "col_pct": ["涨跌幅"],
    # zh-Hant quote pages: 按盤價 (the nominal price), 升跌 (change), 升跌(%)
    "field_value": ["按盤價", "現價", "最新價", "最新价"],
    "field_change": ["升跌", "漲跌", "涨跌", "涨跌额"],
    "field_pct": ["涨跌幅", "漲跌幅", "升跌幅"],
    "col_rank": ["序号", "排名"],
    "status_words": ["收市", "已收市", "休市", "開市", "收盘", "已收盘", "休市中", "交易中"],
    "actions": ["加自选", "添加自选", "自选", "买入", "卖出", "对比", "提醒", "加入自選", "加入自选", "自選", "追蹤", "關注", "关注", "買入", "賣出"],
    "quote_labels": ["最新价", "现价", "最新"],
    "name_kinds": ["指数"],
    # a category or tab word above a quote's value ("指数", "基金"): the section, never the name
    "name_labels": ["指数", "股票", "基金", "债券", "債券", "行情", "期货", "期貨", "外汇", "外匯"],
    "tabs": ["新闻", "图表", "概览", "资讯", "新聞", "圖表", "概覽", "資訊"],
    "time_labels": ["更新時間", "更新时间", "最後更新", "最后更新", "數據時間"],
    "news_headings": ["新聞", "新闻", "资讯"],
    "markets_glued": ["市場", "市场", "股市"],
    "sites": ["新浪财经", "新浪財經", "东方财富", "东方财富网", "雪球", "腾讯财经", "凤凰财经", "和讯", "富途牛牛", "aastocks", "經濟日報"],
    "descriptors": ["实时", "即時", "报价", "報價", "走势", "行情中心"],
}
