"""The parser's results: :class:`Quote` and :class:`ParsedPage`, and its one error."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote as the page printed it.

    ``value``/``change``/``change_pct`` keep the printed digits (``Decimal("4.4390")``);
    ``line`` is the 1-based line where the entry starts (its name); ``consistent`` says
    whether the arithmetic check passed.
    """

    name: str
    value: Decimal
    change: Decimal
    change_pct: Decimal
    line: int
    symbol: str | None = None
    consistent: bool = True


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """Everything :func:`parse` found on one page."""

    quotes: tuple[Quote, ...] = ()
    market_status: str | None = None
    page_time: datetime | None = None
    warnings: tuple[str, ...] = ()


class _PageSlots:
    """ParsedPage's slots, not frozen: filled and given its class like :class:`_QuoteSlots`."""

    __slots__ = ParsedPage.__slots__


class ParseError(ValueError):
    """Raised by :func:`parse` only when it is not given a ``str``."""


class _QuoteSlots:
    """Quote's slots, not frozen. The fast path fills one with plain attribute stores and then
    makes it the Quote it is (``__class__`` may be assigned between classes of the same slots):
    a fifth of the time of Quote(...), whose frozen ``__init__`` goes through
    ``object.__setattr__``."""

    __slots__ = Quote.__slots__



def quote_columns(quotes: tuple[Quote, ...] | list[Quote]) -> tuple[tuple, ...]:
    """Quotes as columns of plain values - (names, symbols, values, changes, change_pcts,
    consistent, lines), the numbers as floats - the form a store writes.

    >>> from ticker.parser import parse
    >>> quote_columns(parse("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n").quotes)
    (('Nikkei',), (None,), (40074.69,), (443.63,), (1.12,), (True,), (1,))
    >>> quote_columns(())
    ((), (), (), (), (), (), ())
    """
    if not quotes:
        return ((),) * 7
    return tuple(zip(*[(q.name, q.symbol, float(q.value), float(q.change), float(q.change_pct), q.consistent, q.line)
                       for q in quotes]))


class _Cand:
    """A candidate entry: three fields in value/change/percent roles, a name, a provenance.

    ``layout`` names the layout family that found it (``bullet``, ``header``, ``subject``,
    ``borrow``, ``row``, ``tape``); ``strong`` says its layout alone makes it a quote (a bullet
    entry, a strip's shape, a tape's repeated entry): it is kept, flagged, when the arithmetic
    fails, where a weak one is dropped."""

    __slots__ = ("v", "c", "p", "name", "symbol", "line", "strong", "order", "span", "alt", "layout")
    quote = None  # (a _Done has its quote already)

    def __init__(self, v, c, p, name, symbol, line, strong, order, span, alt=None, layout="row"):
        self.v, self.c, self.p = v, c, p
        self.name, self.symbol, self.line = name, symbol, line
        self.strong, self.order, self.span, self.alt = strong, order, span, alt
        self.layout = layout


_new_cand = object.__new__


def make_cand(v, c, p, name, symbol, line, strong, order, span, layout) -> _Cand:
    """``_Cand(v, c, p, name, symbol, line, strong, order, span, layout=layout)``, made without
    the class call (``type()`` calling ``__init__`` with a keyword costs three times as much): the
    hot paths' form (a strip entry, a quote header)."""
    x = _new_cand(_Cand)
    x.v = v
    x.c = c
    x.p = p
    x.name = name
    x.symbol = symbol
    x.line = line
    x.strong = strong
    x.order = order
    x.span = span
    x.alt = None
    x.layout = layout
    return x


class _Done:
    """A strip entry :meth:`_Parser.fast_strip` has already made into its quote: all that
    :meth:`_Parser.resolve` reads of a :class:`_Cand` once its ``quote`` is set (made only on
    pages where fast and general entries mix)."""

    __slots__ = ("quote", "span")
    alt = None
    layout = "bullet"

    def __init__(self, quote: Quote, span: tuple[int, int]) -> None:
        self.quote, self.span = quote, span
