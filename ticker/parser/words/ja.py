"""Japanese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "status_words": ["大引け", "取引終了", "取引時間外"],
    # "38,208.03" / "前日比" / "+558.84(+1.48%)": the change's label (compared with the day before)
    "field_change": ["前日比"],
    "field_value": ["現在値", "終値"],
    "glued_units": ["円"],
    "actions": ["ポートフォリオに追加", "お気に入りに追加", "お気に入り", "アラート設定", "買う", "売る", "比較"],
    "quote_labels": ["現在値", "株価", "現在価格"],
    "name_kinds": ["指数", "株価"],
    "exchanges": ["東証(?:プライム|スタンダード|グロース)?", "名証"],
    "tabs": ["ニュース", "チャート", "概要"],
    "time_labels": ["更新日時", "更新時刻", "取引時間"],
    "news_headings": ["ニュース"],
}
