"""Known failures found in the review of the layout-families / speed round, kept as strict
xfails (a fix shows). Snippets written in the shapes pages print; none copied from a page."""
from __future__ import annotations

import pytest

from ticker.pages import html
from ticker.parser import parse


@pytest.mark.xfail(strict=True, reason="empty_unseen tells a tag's inside from the nearest '<' before a "
                   "'<script': an attribute value holding markup ('<b>Note</b><script>') fools it, and the "
                   "script is emptied to the next real end tag, with the page between")
@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_script_tag_in_an_attribute_holding_markup(as_bytes, monkeypatch):
    markup = '<a data-tip="<b>Note</b><script>">x</a><p>Dow 34,000.12</p><script>1</script><p>y</p>'
    page = markup.encode() if as_bytes else markup
    quick = html.html_page(page)
    monkeypatch.setattr(html, "empty_unseen", lambda m: m)
    assert quick == html.html_page(page)


@pytest.mark.xfail(strict=True, reason="a row's numbers are read without the header: columns the header "
                   "names as periods (1 Day, 1 Week) give a period-return row taken as a quote")
def test_a_period_return_table_under_its_header():
    text = "Name | Price | 1 Day | 1 Week | 1 Month\nAcme | 45.10 | +2.10 | +4.88% | +9.10%\n"
    assert parse(text).quotes == ()
