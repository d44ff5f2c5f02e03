"""A regular expression compiled on first use, so that importing the parser stays cheap.

``ticker parse`` imports :mod:`ticker.parse` on every start; compiling all its patterns up front
costs tens of milliseconds, and most pages need only a few of them.

>>> rx = lazy(r"\\d+")
>>> rx.fullmatch("42").group()
'42'
>>> [m.group() for m in rx.finditer("a1b22")]
['1', '22']
"""
from __future__ import annotations

import re

__all__ = ["lazy"]

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


class _Lazy:
    """Stands in for a compiled pattern; compiles it, and binds its methods to itself, on the
    first attribute asked for (after that, ``rx.match`` is a plain attribute lookup)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        rx = re.compile(*self._args)
        for method in _METHODS:
            setattr(self, method, getattr(rx, method))
        self.pattern = rx.pattern
        return getattr(rx, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return _Lazy(pattern, flags)  # type: ignore[return-value]
