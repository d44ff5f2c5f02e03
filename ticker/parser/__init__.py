"""Text of a saved web page -> the market quotes it shows (:class:`ParsedPage`).

Pure: stdlib only, no files, no database, no clock. The stages, one module each:

* :mod:`~ticker.parser.lines` - the page's lines (normalised: native digits, direction marks,
  Arabic separators) and the number fields printed in them;
* :mod:`~ticker.parser.numbers` - every reading a printed number's format allows;
* :mod:`~ticker.parser.candidates`, :mod:`~ticker.parser.tables`, :mod:`~ticker.parser.glued` -
  candidates per layout family: strip entries and quote headers (numbers one per line under a
  name), rows and tapes, tables (one row or one cell a line), labelled fields, glued text;
* :mod:`~ticker.parser.check` - the arithmetic check ``change_pct ≈ 100·change/(value − change)``
  within print rounding, the strongest evidence there is;
* :mod:`~ticker.parser.names` - where a quote's name comes from;
* :mod:`~ticker.parser.resolve` - the page's number format, readings and overlaps decided;
* :mod:`~ticker.parser.statistic` - quote-shaped statistics that are no market quote (polls,
  standings, counts) left out;
* :mod:`~ticker.parser.status` - market status and the quote time the page prints;
* :mod:`~ticker.parser.words` - the language words all of them rely on, as data;
* :mod:`~ticker.parser.yahoo` - an accelerator for bullet strips in their commonest form, which
  gives what the general stages give (a contract test holds it);
* :mod:`~ticker.parser.state` - the state the stages share, declared once with its types;
* :mod:`~ticker.parser.compose` - the composer that runs them.

>>> page = parse('''UK markets closed
...   • FTSE 100
...
...     8,139.83
...     +60.97 (+0.75%)
... ''')
>>> page.market_status
'UK markets closed'
>>> q = page.quotes[0]
>>> q.name, q.value, q.change, q.change_pct, q.line
('FTSE 100', Decimal('8139.83'), Decimal('60.97'), Decimal('0.75'), 2)
>>> parse("The index rose 45.85 points, or 1.1%, to 4,373.63.").quotes
()
"""
from __future__ import annotations

from .check import check_arithmetic
from .compose import explain, parse, parse_for_store
from .model import ParsedPage, ParseError, Quote, quote_columns

__all__ = ["Quote", "ParsedPage", "ParseError", "parse", "parse_for_store", "quote_columns", "check_arithmetic", "explain"]
