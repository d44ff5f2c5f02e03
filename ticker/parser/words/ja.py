"""Japanese words (see :mod:`ticker.parser.words`)."""

WORDS = {
    "status_words": ["大引け", "取引終了", "取引時間外"],
    "actions": ["ポートフォリオに追加", "お気に入りに追加", "お気に入り", "アラート設定", "買う", "売る", "比較"],
    "quote_labels": ["現在値", "株価", "現在価格"],
    "name_kinds": ["指数", "株価"],
    "exchanges": ["東証(?:プライム|スタンダード|グロース)?", "名証"],
    "tabs": ["ニュース", "チャート", "概要"],
}
