"""Japanese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "noise_line": ["広告"],
    "statistic_contexts": ["人口", "興行収入"],
    "forecasts": ["目標株価"],
    "status_words": ["大引け", "取引終了", "取引時間外"],
    # "38,208.03" / "前日比" / "+558.84(+1.48%)": the change's label (compared with the day before)
    "field_change": ["前日比"],
    "field_pct": ["騰落率", "前日比率"],
    "field_value": ["現在値", "終値", "株価"],
    "glued_units": ["円"],
    "actions": ["ポートフォリオに追加", "お気に入りに追加", "お気に入り", "アラート設定", "買う", "売る", "比較"],
    "quote_labels": ["現在値", "株価", "現在価格"],
    "name_kinds": ["指数", "株価"],
    "index_kinds": ["指数"],
    "exchanges": ["東証(?:プライム|スタンダード|グロース|[psgｐｓｇ])?", "名証"],
    "tabs": ["ニュース", "チャート", "概要"],
    # a category word above a quote's value, or the sector printed under a stock's name (the
    # exchange's 33 industries): a section, never the name
    "name_labels": ["指数", "株式", "国内株式", "投資信託", "債券", "為替", "先物", "水産・農林業", "鉱業", "建設業",
                    "食料品", "繊維製品", "パルプ・紙", "化学", "医薬品", "石油・石炭製品", "ゴム製品", "ガラス・土石製品",
                    "鉄鋼", "非鉄金属", "金属製品", "機械", "電気機器", "輸送用機器", "精密機器", "その他製品",
                    "電気・ガス業", "陸運業", "海運業", "空運業", "倉庫・運輸関連業", "情報・通信業", "卸売業", "小売業",
                    "銀行業", "証券、商品先物取引業", "保険業", "その他金融業", "不動産業", "サービス業"],
    "time_labels": ["更新日時", "更新時刻", "取引時間"],
    "news_headings": ["ニュース"],
    "markets_glued": ["市場"],
    "sites": ["株探", "kabutan", "yahoo!ファイナンス", "日本経済新聞", "日経電子版", "みんかぶ", "minkabu"],
    "descriptors": ["株価", "リアルタイム", "チャート", "株価情報"],
    "col_value": ["現在値", "株価", "終値"],
    "col_change": ["前日比"],
    "col_pct": ["前日比\\s*[(（]%[)）]", "騰落率", "前日比率"],
    "col_other": ["出来高", "始値", "高値", "安値"],
    "col_code": ["コード", "銘柄コード"],
    "time_after": ["更新", "現在", "時点"],
}
