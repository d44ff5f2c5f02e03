"""The subject stage counts a short name's mentions as a word of its own, by str.find: the same
count as the regex it replaced, on page-like text and on random text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ticker.parser.subject import count_mentions


def by_regex(core: str, folded: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(core) + r"(?!\w)", folded))


@pytest.mark.parametrize("core, folded, expected", [
    ("smi", "smi chart · smith & co · news for smi", 2),
    ("amd", "amd\n|\nadvanced micro devices, inc.\n|\n+1.20 (+0.9%)\namd news", 2),
    ("nio", "nio inc.\nniobium\n_nio\nnio_\n(nio)", 2),
    ("aaa", "aaaa aaa aaaaaa", 1),
    ("s&p", "s&p 500 · the s&p", 2),
    ("^dji", "^dji 44,750.31 · x^dji", 1),
    ("dax", "dax®, daxplus, mdax", 1),
    ("ftse", "", 0),
    ("€", "€€ 1 € 2", 3),
    ("日経", "日経平均 日経", 1),  # CJK letters are word characters: 日経平均 is another word
])
def test_a_short_name_is_counted_as_a_word_of_its_own(core, folded, expected):
    assert count_mentions(core, folded) == expected == by_regex(core, folded)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_ .é1&-", min_size=1, max_size=4), st.text(alphabet="ab_ .é1&-\n", max_size=60))
def test_the_count_is_the_regex_count(core, folded):
    assert count_mentions(core, folded) == by_regex(core, folded)
