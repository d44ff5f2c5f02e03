"""LazyPattern: the same answers as the compiled pattern, before and after its first use."""
from __future__ import annotations

import re

import pytest

from ticker.parser.lazyre import LazyPattern

CASES = [
    ("match", (r"\d+", 0), ("12ab",)),
    ("fullmatch", (r"[a-z]+", re.I), ("AbC",)),
    ("search", (r"(\d+)%", 0), ("up 5% today",)),
    ("finditer", (r"\d", 0), ("a1b2",)),
    ("findall", (r"\d", 0), ("a1b2",)),
    ("sub", (r"(\d)%", 0), (r"\1 pct", "5% 6%")),
    ("subn", (r"\d", 0), ("#", "a1b2")),
    ("split", (r"[,;]", 0), ("a,b;c",)),
]


def _plain(x):
    if isinstance(x, re.Match):
        return x.span(), x.groups()
    if not isinstance(x, (str, list, tuple)) and x is not None:  # an iterator of matches
        return [_plain(m) for m in x]
    return x


@pytest.mark.parametrize(("method", "made", "args"), CASES)
def test_lazy_pattern_answers_as_compiled(method, made, args):
    lazy, compiled = LazyPattern(*made), re.compile(*made)
    want = _plain(getattr(compiled, method)(*args))
    assert _plain(getattr(lazy, method)(*args)) == want  # first call: compiles
    assert _plain(getattr(lazy, method)(*args)) == want  # then the compiled pattern's own method
    assert getattr(lazy, method).__self__ is not lazy
    assert (lazy.pattern, lazy.flags) == made


def test_lazy_pattern_compiles_on_first_use_only():
    lazy = LazyPattern(r"(")  # an invalid pattern raises only when used
    with pytest.raises(re.error):
        lazy.search("x")


def test_every_lazy_pattern_of_the_parser_compiles():
    # (compiled on first use: a malformed pattern, e.g. from a words entry, would otherwise
    # show only on the first page that needs it)
    import importlib
    import pkgutil

    import ticker.parser

    found = 0
    for info in pkgutil.iter_modules(ticker.parser.__path__):
        module = importlib.import_module(f"ticker.parser.{info.name}")
        for value in vars(module).values():
            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, LazyPattern):
                    assert isinstance(item.compiled(), re.Pattern)
                    found += 1
    assert found > 100
