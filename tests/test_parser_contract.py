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
