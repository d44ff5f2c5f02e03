"""The contract of the Yahoo fast path (ticker/parser/yahoo.py): given a page, it returns exactly
what the general stages alone would, or nothing. Run on every snippet table of the parser's tests
(the property tests check the same on every rendered page)."""
from __future__ import annotations

import pytest
from test_parse import CASES, FAST_EDGES, SEED  # noqa: E402
from test_parser_stages import FAMILIES, REFUSALS  # noqa: E402

from ticker.parser.compose import PageParser, read_strips

TEXTS = [p.values[0] for p in CASES] + FAST_EDGES + [p.values[0] for p in FAMILIES] + [p.values[0] for p in REFUSALS]


def general(text: str, strict: bool):
    return PageParser(text, strict, fast=False).run()


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("strict", [False, True])
def test_fast_path_gives_what_the_general_stages_give_or_nothing(text, strict):
    fast = read_strips(text, strict)
    assert fast is None or fast == general(text, strict)
    # and parse() (the fast path where it applies) always answers as the general stages do
    assert PageParser(text, strict).run() == general(text, strict)


def test_the_fast_path_is_used():
    used = [t for t in TEXTS if read_strips(t) is not None]
    assert SEED in TEXTS and read_strips(SEED) is not None
    assert len(used) > 20


# pages the property tests found where the two disagreed: a number line after a strip's last
# entry, which the general stages join to the entry (and then drop it: four numbers), also on
# the entry's spacer line ("\xa01": re.ASCII's \s is no "\xa0")
_ENTRY = "  • Dow Jones 30\r\n\r\n    1\r\n    0 (0.00%)\r\n    \xa0\r\n"
_STRIP = ("UK markets closed\r\n" + _ENTRY * 6 + "  • S&P 500\r\n\r\n    1.0\r\n    0.0 (0.00%)\r\n")
AFTER_THE_LAST_ENTRY = [
    pytest.param(_ENTRY * 4 + "  • S&P 500\r\n\r\n    10.000\r\n    0.000 (0.00%)\r\n    \xa0\r\n\r1\nMarkets were quiet.",
                 id="a-number-two-blank-lines-below"),
    pytest.param(_STRIP + "    \xa01\r\n\r\nMarkets were quiet.", id="a-number-on-the-spacer-line"),
    pytest.param(_ENTRY + "  • S&P 500\r\n\r\n    1.0\r\n    0.0 (0.00%)\r\n    \xa0\r\n\r1\nMarkets were quiet.",
                 id="two-entries-a-number-two-blank-lines-below"),
]


@pytest.mark.parametrize("text", AFTER_THE_LAST_ENTRY)
def test_a_number_after_the_last_entry(text):
    assert PageParser(text, False).run() == general(text, False)


@pytest.mark.parametrize("indent", ["", "  ", " " * 12, "\t\u00a0 "])
def test_a_strip_entry_indented_any_way_is_read_by_the_fast_path(indent):
    # (the fast path first looks for the bullet sign at the start of the entry's first line)
    text = f"{indent}• Nikkei 225\n40,074.69\n+443.63 (+1.12%)\n"
    page = PageParser(text, False).run()
    assert [q.name for q in page.quotes] == ["Nikkei 225"] and page == general(text, False)
    if not indent.strip(" "):  # (the strip's own form; other spaces: fast_entry_at's)
        assert read_strips(text) == page
    assert read_strips("| Nikkei 225\n40,074.69\n+443.63 (+1.12%)\n") is None


ROW_LINES = [
    "Symbol | Name | Price | Change | Change %\nINTC\n|\nIntel Corporation\n|\n|\n24.38\n+1.90 (+8.43%)\n"
    "| +1.90 | +8.43% | 210.224M | 74.418M | 105.544B | - | -48.97% | |\n",
    "Dow 17,918.62 Decreased By 39.32 (0.22%)\n",
    "Nikkei 225 +2.02% 38,471.20 +761.60\n",
    "FTSE 100 8,139.83 Bid 8,139.50 Ask 8,140.10 +60.97 (+0.75%)\n",
    "Gold 2,332.90 +0.45% +10.40 -0.12% 2,300.00\n",
    "1W +1.20% 1M -3.40% YTD +12.50%\n",
]


@pytest.mark.parametrize("text", TEXTS + ROW_LINES)
def test_inline_reads_the_same_without_its_early_refusal(text, monkeypatch):
    # (inline refuses a line whose fields cannot make an entry before it looks at the gaps
    # between them: the same answer as reading it through)
    import ticker.parser.candidates as candidates

    quick = PageParser(text, False, fast=False).run()
    monkeypatch.setattr(candidates, "_may_read_entries", lambda fs: True)
    assert PageParser(text, False, fast=False).run() == quick
