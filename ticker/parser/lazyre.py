"""Regular expressions compiled when first used, not when the parser is imported.

Compiling the parser's ~115 patterns took ~2/3 of ``import ticker.parser`` (most of it the big
alternations of language words), and a page uses few of them: parsing seed pages compiles 6, a
page through the general stages ~16. Every process that parses (each ingest worker) paid for
all of them. A :class:`LazyPattern` compiles on its first match, search or substitution, then
puts the compiled pattern's own methods in its place, so a call costs what a compiled
pattern's does.
"""
from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled on first use. ``pattern`` and ``flags`` are
    the arguments as given (what other patterns are built from, without compiling this one).

    >>> p = LazyPattern(r"(\\d+)%")
    >>> p.pattern, p.search("up 5% today").group(1), p.sub(r"\\1 pct", "5%")
    ('(\\\\d+)%', '5', '5 pct')
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; its methods replace this object's own from now on (two
        threads may both compile it once: the same pattern either way)."""
        p = re.compile(self.pattern, self.flags)
        self.__dict__.update({name: getattr(p, name) for name in _METHODS})
        return p

    # the first call of each method compiles; later calls find the compiled pattern's bound
    # method in the instance (an instance attribute wins over a plain method of the class)
    def match(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self.compiled().fullmatch(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self.compiled().search(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled().split(*args, **kwargs)
