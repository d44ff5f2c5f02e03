"""The composer: runs the stages over one page."""
from __future__ import annotations

import re
from typing import Any, Literal, overload

from .candidates import Candidates
from .glued import Glued
from .lines import _ARROWS_DOWN, _ARROWS_UP, _NUM, _TEXT, CJK, unify_percent_signs
from .model import ParsedPage, ParseError, Quote, _PageSlots, quote_columns
from .resolve import Resolver
from .statistic import market_quotes
from .status import StatusTime
from .tables import Tables, numbered_header
from .yahoo import _GAP, FastPath

_GLUED_HINT = re.compile(rf"\d(?:[ \u00a0]?[^\W\d_]{{1,6}}\.?[ \u00a0]?)?(?:[ \u00a0]?[{CJK}]{{1,4}})?(?:[+\-−]|[{_ARROWS_UP}{_ARROWS_DOWN}]\s?)\d[\d,.]*\s?\(?"
                         rf"[{_ARROWS_UP}{_ARROWS_DOWN}]?[+\-−]?\d[\d,.]*[ \u00a0]?%"
                         r"|[^\W\d_]\d[\d,.]*\d[ \u00a0][+\-−]\d[\d,.]*[ \u00a0]?\(?[+\-−]?\d[\d,.]*%"
                         r"|\d%[+\-−]?\d[\d,.]*[+\-−]\d")

#: lines holding a ``%`` read per page at most (a real page has hundreds; the work per line is
#: bounded, so this bounds the work per page)
MAX_PERCENT_LINES = 5000


class PageParser(FastPath, Candidates, Tables, Glued, Resolver, StatusTime):
    """One page's parse: the state the stages share."""

    def __init__(self, text: str, strict: bool, fast: bool = True, explain: bool = False) -> None:
        self.explain = [] if explain else None  # evidence per candidate
        self.fast = fast  # False: every entry through the general path (tests compare both)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = unify_percent_signs(text)
        self.source = text
        self._L = None
        self.strict = strict
        self.cands = []
        self.warnings = []
        self.consumed = -1  # highest line index used by an accepted candidate
        self.spaced_fields = 0  # space-grouped numbers among the candidates (resolve)
        # bullet entries in page order, (name line, last line); a fast strip's as a slice of
        # fast_entries (bullet_spans works out their lines when something needs them)
        self.bullets = []
        # the bullet entries cut_off_warnings looks after: all but those of a fast strip that the
        # strip's next entry follows directly
        self.open_entries = []
        # fast_strip's entries, kept apart from self.cands (resolve merges them when both exist):
        # (name, value, change, percent, line, value, change, percent) - the numbers' digits
        # without group commas (the percent a Decimal already), the line 1-based, then the floats
        # of the check. They become Quotes only when a ParsedPage needs them (_fast_quote).
        self.fast_entries = []
        self.columns = None  # run(columns=True): the quotes as columns
        self.strip_starts = {}  # first line of a fast strip -> its char offset
        self.strip_ends = {}  # last line of a fast strip -> offset of its end
        self.strip_stop = -1  # where the last fast strip ended
        self.refused = []  # near-misses: (line, name, why)
        self.name_evidence = {}  # explain: name line -> how the subject stage chose it
        self.folded_text = None  # the page's text case-folded (candidates' name mentions)
        self.glued_status = None  # a status line glued to a name (Glued)
        self.resolved = ()  # the quotes resolved (the status stage reads near them)
        self.unnamed_tried = False  # the page's subject named an unnamed quote header (vertical)
        self.table_head = self.first_row = -1  # (a table sets them for its rows)
        self.pct_header_words = None  # known when first asked (cell_table_above)
        self._run = None  # the rest of fast_strip's last findall, and where it starts
        self._line = 0  # line_of() state
        self._pos = 0


    def run(self, columns: bool = False) -> ParsedPage:
        """The page. ``columns``: a store's form instead - the quotes left out of the page and
        put in :attr:`columns` (see :func:`parse_for_store`)."""
        src = self.source
        fast = self.fast
        q = src.find("%")
        budget = MAX_PERCENT_LINES
        while q >= 0:
            budget -= 1
            if budget < 0:  # a bound on the work one page may cost (a hostile or generated page)
                self.warnings.append(f"line {self.line_of(q) + 1}: more than {MAX_PERCENT_LINES:,} lines with a "
                                     "percent sign; the rest of the page not read")
                break
            end = self.fast_entry(q) if fast else -1
            if end >= 0:  # the strip's next entries follow right after this one
                while True:
                    g = _GAP.match(src, end)
                    if g is None:
                        break
                    # where fast_strip stopped, it would stop again at once: straight to the
                    # general reading of that entry
                    nxt = self.fast_strip(g.end()) if end != self.strip_stop else -1
                    if nxt < 0:
                        nxt = self.fast_entry_at(g.end(), -1)
                        if nxt < 0:
                            break
                    end = nxt
            else:
                line = self.line_of(src.rfind("\n", 0, q) + 1)
                if line > self.consumed:
                    L = self._L or self.L
                    kd = L.kind(line)
                    if kd == _NUM:
                        if not self.cell_table_above(line) and not self.labelled(line):
                            self.vertical(line)
                    elif kd == _TEXT:
                        s = L.text(line)
                        if not L.fields(line) or (s[:1].isalpha() and numbered_header(s)):
                            if len(s) <= 80 and not self.stacked(line) and not self.cell_table(line):  # a table's header
                                made = len(self.cands)
                                self.table(line)
                                if len(self.cands) == made and line > self.consumed and len(s) <= 24:
                                    stacked = self.stacked_header(line)
                                    if stacked is not None:  # "Name" / "Kurs" / "%" / "+/-", then rows of tabs
                                        self.table(stacked[0], stacked[1])
                                if len(self.cands) == made and line > self.consumed and _GLUED_HINT.search(s) is not None:
                                    self.glued(line)  # "코스닥843.12▲2.410.29%": no field apart from its neighbours
                                if len(self.cands) == made and s == "%" and line > self.consumed:
                                    # "%" / "−1,11": a percent's label over a number without its sign,
                                    # the last of a block of labelled fields ("Senast", "+/-", "%")
                                    below = self._next_text(line)
                                    if below is not None and L.kind(below) == _NUM:
                                        self.labelled(below)
                        elif _GLUED_HINT.search(s) is not None and self.glued(line):
                            pass  # "Index3,367.90+29.33(+0.88%)": no space between the fields
                        elif not self.labelled(line):
                            self.inline(line)
                end = src.find("\n", q)
                if end < 0:
                    break
            q = src.find("%", end)
        if not self.cands and not self.fast_entries:
            self.bare_header()
        if columns and not self.cands:  # every quote from fast_strip: nothing else to decide
            e = self.fast_entries
            n = len(e)
            names, _, _, _, lines, values, changes, pcts = zip(*e) if e else ((),) * 8
            self.columns = (names, (None,) * n, values, changes, pcts, (True,) * n, lines)
            quotes: list[Quote] | tuple[()] = ()
        else:
            if [c.layout for c in self.cands].count("header") >= 3:
                # (both read runs of three quote headers or more: none on a page of fewer)
                self.names_after_numbers()
                self.first_tile_name()
            # (polls, standings: no quotes; the page's lines when the stages split it)
            quotes = market_quotes(self.resolve(), src, self.refused, None if self._L is None else self._L.raw)
            self.resolved = quotes
            if columns:
                self.columns = quote_columns(quotes)
                quotes = ()
        self.cut_off_warnings()
        status = self.market_status()
        # ParsedPage(quotes=..., ...), see _QuoteSlots (Any: it becomes a ParsedPage below)
        page: Any = _PageSlots()
        page.quotes = tuple(quotes)
        page.market_status = status
        page.page_time = self.page_time(status)
        page.warnings = tuple(self.warnings)
        page.__class__ = ParsedPage
        return page


def parse(text: str, *, strict: bool = False) -> ParsedPage:
    """Parse the text of one page.

    ``strict=True`` drops quotes that fail the arithmetic check (the warning stays).
    Never raises for a ``str``; anything else raises :class:`ParseError`.

    >>> parse("Hang Seng Index (HSI:IND)\\n27,653.12 -86.59 (-0.31%)").quotes[0].symbol
    'HSI:IND'
    >>> parse("Deutsche Märkte geschlossen").market_status
    'Deutsche Märkte geschlossen'
    >>> parse(b"bytes")
    Traceback (most recent call last):
    ...
    ticker.parser.model.ParseError: parse() needs str, got bytes
    """
    return _parse(text, strict, columns=False)[0]


def parse_for_store(text: str, *, strict: bool = False) -> tuple[ParsedPage, tuple[tuple, ...]]:
    """:func:`parse` in the form a store keeps: the page without its quotes (``quotes=()``),
    and the quotes as columns, :func:`quote_columns`. The same answer as ``parse``, cheaper: a
    strip read by the fast path never becomes Quotes and Decimals, its floats are those the
    arithmetic check computed (``float(Decimal(s)) == float(s)``: both round the exact value).

    >>> page, columns = parse_for_store("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n")
    >>> page.quotes, columns
    ((), (('Nikkei',), (None,), (40074.69,), (443.63,), (1.12,), (True,), (1,)))
    """
    return _parse(text, strict, columns=True)


@overload
def _parse(text: str, strict: bool, columns: Literal[True]) -> tuple[ParsedPage, tuple[tuple, ...]]: ...
@overload
def _parse(text: str, strict: bool, columns: Literal[False]) -> tuple[ParsedPage, None]: ...
def _parse(text: str, strict: bool, columns: bool) -> tuple[ParsedPage, tuple[tuple, ...] | None]:
    """The page, and (``columns``) its quotes as columns; never raises for a ``str``."""
    if not isinstance(text, str):
        raise ParseError(f"parse() needs str, got {type(text).__name__}")
    try:
        parser = PageParser(text, strict)
        return parser.run(columns=columns), parser.columns
    except Exception as exc:  # pragma: no cover - defensive: one odd page must not stop a run
        return ParsedPage(warnings=(f"internal parser error: {exc!r}",)), quote_columns(()) if columns else None


def explain(text: str, *, strict: bool = False) -> tuple[ParsedPage, list[dict]]:
    """The page, and the evidence of every candidate the general stages weighed: its layout,
    the numbers as printed and as read, the arithmetic, where its name came from, and the
    decision (a quote, or why it was refused), in page order.

    >>> page, why = explain("Nikkei 225\\n38,471.20\\n+761.60 (+2.02%)\\nDAX 18.693,37 +0,93%\\n")
    >>> [(e["name"], e["arithmetic"], e["decision"]) for e in why]
    [('Nikkei 225', 'passes', 'quote')]
    >>> explain("The index rose 45.85 points, or 1.1%, to 4,373.63.")[1]
    []
    """
    if not isinstance(text, str):
        raise ParseError(f"explain() needs str, got {type(text).__name__}")
    parser = PageParser(text, strict, fast=False, explain=True)
    page = parser.run()
    evidence = sorted(parser.explain or [], key=lambda e: e["line"])
    for e in evidence:  # a quote header's name: the lines weighed and why this one
        line = e.get("name_from", "")
        if line.startswith("line ") and line[5:].isdigit() and int(line[5:]) - 1 in parser.name_evidence:
            e["name_from"] = parser.name_evidence[int(line[5:]) - 1]
    for line, name, why in parser.refused:
        same = [e for e in evidence if e["line"] == line]
        if any(e["decision"].startswith("refused") for e in same):
            continue
        if same and same[0]["decision"] == "quote":  # a quote left out after resolving (a statistic)
            same[0]["decision"] = "refused: " + why
        else:
            evidence.append({"line": line, "name": name, "decision": "refused: " + why})
    return page, evidence


def read_strips(text: str, strict: bool = False):
    """The page when the fast path reads any of it (the general stages then give exactly the
    same :class:`~ticker.parser.ParsedPage`), else None: nothing here for the fast path.

    >>> read_strips("  • Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n").quotes[0].name
    'Nikkei'
    >>> read_strips("Nikkei 40.074,69 +443,63 (+1,12%)") is None
    True
    """
    parser = PageParser(text, strict, fast=True)
    page = parser.run()
    return page if parser.fast_entries else None
