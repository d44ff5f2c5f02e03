"""Helpers of the parser's table tests (tests/test_parser_*.py): rows of page snippets and the
quotes they must parse to."""
from __future__ import annotations

import pytest

from ticker.parser import parse


def known(params, *ids, reason="not read yet"):
    """``params`` with the cases named by ``ids`` marked as known failures (strict: a fix shows)."""
    mark = pytest.mark.xfail(strict=True, reason=reason)
    assert set(ids) <= {p.id for p in params}
    return [pytest.param(*p.values, id=p.id, marks=[*p.marks, mark]) if p.id in ids else p for p in params]


def Q(*rows):
    """Expected quotes: (name, value, change, change_pct) as strings."""
    return [(n, v, c, p) for n, v, c, p in rows]


def quotes(text):
    """The page's quotes in Q's form."""
    return [(q.name, str(q.value), str(q.change), str(q.change_pct)) for q in parse(text).quotes]
