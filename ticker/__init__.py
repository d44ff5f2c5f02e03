"""ticker: market-quote strips from saved web pages, as a time series.

From a notebook::

    import ticker
    store = ticker.connect()             # data/ticker.db, or TICKER_DB, or any SQLAlchemy URL
    store.ingest(["data/samples/"])
    store.series("Nikkei")               # DataFrame indexed by captured_at (UTC)
    ticker.parse(text).quotes            # parse text in hand, store nothing

The heavy parts (pandas, SQLAlchemy) load on first use, so ``import ticker`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Imported here, not lazily: importing the submodule ticker.parse (the store does) would
# otherwise rebind ``ticker.parse`` to the module. The parser is stdlib-only and cheap to import.
from .parser import ParsedPage, ParseError, Quote, parse

if TYPE_CHECKING:
    from .store import Store

__all__ = ["connect", "parse", "ParsedPage", "ParseError", "Quote", "Store"]
__version__ = "0.1.0"


def connect(url_or_path: str | None = None) -> Store:
    """Open (creating and migrating if needed) a store: a SQLite path, a SQLAlchemy URL, or the default."""
    from .store import Store

    return Store(url_or_path)


_LAZY = {"Store": "store"}


def __getattr__(name: str):
    # Loaded on first use: `ticker --help` should not pay for SQLAlchemy.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'ticker' has no attribute {name!r}")
