"""The state one page's parse shares between its stages.

:class:`ticker.parser.compose.PageParser` is made of one class per stage (the fast path, the
candidate families, the resolver, status and time), each a part of the same object. They all
derive from :class:`PageState`, which declares that shared state once, with its types: a stage
reads and writes these attributes and calls the few methods another stage provides, nothing
else. ``PageParser.__init__`` gives every attribute its starting value.
"""
from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING

from .lines import _Lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .model import Quote, _Cand, _Done


class PageState:
    """The shared state of one page's parse (the attributes are set by ``PageParser.__init__``)."""

    source: str  # the page's text, newlines unified, percent signs plain
    strict: bool  # a number too large to store is an error, not a warning (resolve)
    fast: bool  # False: every entry through the general path (tests compare both)
    explain: list[dict] | None  # evidence per candidate, when asked for
    _L: _Lines | None  # the page's lines, made on first use (L)
    cands: list[_Cand | _Done]  # the candidates found, in page order
    warnings: list[str]
    consumed: int  # highest line index used by an accepted candidate
    spaced_fields: int  # space-grouped numbers among the candidates (resolve)
    # bullet entries in page order, (name line, last line); a fast strip's as a slice of
    # fast_entries (bullet_spans works out their lines when something needs them)
    bullets: list[tuple[int, int] | slice]
    # the bullet entries cut_off_warnings looks after: all but those of a fast strip that the
    # strip's next entry follows directly
    open_entries: list[tuple[int, int]]
    # fast_strip's entries, kept apart from cands (resolve merges them when both exist):
    # (name, value, change, percent, line, value, change, percent) - the numbers' digits
    # without group commas (the percent a Decimal already), the line 1-based, then the floats
    # of the check. They become Quotes only when a ParsedPage needs them (_fast_quote).
    fast_entries: list[tuple]
    columns: tuple[tuple, ...] | None  # run(columns=True): the quotes as columns
    strip_starts: dict[int, int]  # first line of a fast strip -> its char offset
    strip_ends: dict[int, int]  # last line of a fast strip -> offset of its end
    strip_stop: int  # where the last fast strip ended
    refused: list[tuple[int, str | None, str]]  # near-misses: (line, name, why)
    name_evidence: dict[int, str]  # explain: name line -> how the subject stage chose it
    folded_text: str | None  # the page's text case-folded, made when a name is looked for in it
    glued_status: str | None  # a status line glued to a name (Glued)
    table_head: int  # the header line of the table being read (table, wide_table)
    first_row: int  # its first row's line
    resolved: Sequence[Quote]  # the quotes resolved from cands: the status stage reads near them
    unnamed_tried: bool  # the page's subject named an unnamed quote header (vertical)
    pct_header_words: bool | None  # the page prints a percent column's word without "%" (cell_table_above)
    _run: tuple | None  # the rest of fast_strip's last findall, and where it starts
    _line: int  # line_of() state: the last line found
    _pos: int  # line_of() state: the offset where that line starts

    @property
    def L(self) -> _Lines:
        """The page split into lines, made only when something needs them."""
        if self._L is None:
            self._L = _Lines(self.source)
        return self._L

    if TYPE_CHECKING:
        # the methods one stage provides to the others (no runtime definitions here: the
        # stages' own definitions are the only ones)

        @abstractmethod
        def name_above(self, start: int) -> tuple[str, str | None, int, bool] | None:
            """Candidates.name_above."""

        @abstractmethod
        def _spans(self, entries: list[tuple]) -> list[tuple[int, int]]:
            """FastPath._spans."""

        @abstractmethod
        def bullet_spans(self) -> list[tuple[int, int]]:
            """FastPath.bullet_spans."""
