"""ticker: market-quote strips from saved web pages, as a time series.

From a notebook::

    import ticker
    store = ticker.connect()             # data/ticker.db, or TICKER_DB, or any SQLAlchemy URL
    store.ingest(["data/samples/"])
    store.series("Nikkei")               # DataFrame indexed by captured_at (UTC)
    ticker.parse(text).quotes            # parse text in hand, store nothing

The heavy parts (pandas, SQLAlchemy) load on first use, so ``import ticker`` stays cheap.
"""

# No `from __future__ import annotations` here: it imports a module, and the Ctrl-C guard below
# is to run before anything that takes time (sys and os are loaded with the interpreter).
import sys as _sys


def _quiet_ctrl_c_while_the_command_starts() -> None:
    """The ``ticker`` command (not a notebook): Ctrl-C while its modules load ends it quietly
    (exit 130) instead of printing a traceback of the import in progress. ``ticker.cli.main``
    puts Python's own handler back before any command runs."""
    import _signal  # the C module: `signal` itself builds enums on import, time Ctrl-C could land in
    import os

    def stop(_signum, _frame):
        # At once: an exception raised here can land anywhere in the import machinery (a
        # callback whose errors Python prints as "Exception ignored"). Nothing is open yet.
        os._exit(130)

    stop.ticker_startup = True  # type: ignore[attr-defined]  # how main() knows it
    try:
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            _signal.signal(_signal.SIGINT, stop)
    except ValueError:  # not the main thread
        pass


# the console script, or `python -m ticker` (whose argv[0] is "-m" while the package loads)
if _sys.argv and (_sys.argv[0] == "-m" or _sys.argv[0].rsplit("/", 1)[-1] in ("ticker", "ticker.exe")):
    _quiet_ctrl_c_while_the_command_starts()

from typing import TYPE_CHECKING  # noqa: E402

# Imported here, not lazily: importing the submodule ticker.parse (the store does) would
# otherwise rebind ``ticker.parse`` to the module. The parser is stdlib-only and cheap to import.
from .errors import TickerError  # noqa: E402 - after the Ctrl-C guard above
from .parser import ParsedPage, ParseError, Quote, parse  # noqa: E402

if TYPE_CHECKING:
    from .store import Store

__all__ = ["connect", "parse", "ParsedPage", "ParseError", "Quote", "Store", "TickerError"]
__version__ = "0.1.0"


def connect(url_or_path: "str | None" = None) -> "Store":
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
