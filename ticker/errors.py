"""Every error ticker shows a user, under one base: :class:`TickerError`.

Each is raised where it happens and caught once, by the command line (``error: …``, exit 1);
``str(err)`` is always one line (passwords hidden). A notebook catches ``ticker.TickerError``.

>>> issubclass(UnknownInstrument, TickerError) and issubclass(UnknownInstrument, LookupError)
True
>>> one_line(ValueError("first line\\nsecond line"), "data/ticker.db")
'data/ticker.db: first line'
"""

from __future__ import annotations

__all__ = ["TickerError", "StoreError", "StoreUnavailable", "SchemaError", "UnknownInstrument", "ReportError",
           "one_line"]


class TickerError(Exception):
    """Bad input or an unusable store: a user's problem, shown as one line, never a traceback."""


class StoreError(TickerError):
    """A store that cannot be opened or used; ``str(err)`` is one line, passwords hidden."""


class StoreUnavailable(StoreError):
    """The store itself failed (connection lost, locked past the busy timeout), not one page:
    writing the batch's pages one by one would only fail as many times again."""


class SchemaError(StoreError):
    """The database's schema is one this version of ticker cannot use."""


class UnknownInstrument(TickerError, LookupError):
    """No stored instrument goes by this name; ``suggestions`` are the closest known names."""

    def __init__(self, name: str, suggestions: list[str], remedy: str | None = None):
        self.name, self.suggestions = name, suggestions
        hint = f"; closest known: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no instrument called {name!r}{hint}" + (f" ({remedy})" if remedy else ""))


class ReportError(TickerError, ValueError):
    """Bad report input (a resample rule, a time zone, a time); ``str(err)`` is one line."""


def one_line(err: BaseException, label: str | None = None) -> str:
    """An exception as one line for a user: its first line of text (a driver's error: the error
    of the driver itself, which SQLAlchemy wraps as ``err.orig``), else its class name; after
    ``label: `` when given.

    >>> one_line(RuntimeError(""))
    'RuntimeError'
    >>> one_line(OSError("file is not a database"), "x.db")
    'x.db: the file is not a SQLite database'
    """
    inner = getattr(err, "orig", None) or err
    detail = (str(inner).strip().splitlines() or [inner.__class__.__name__])[0]
    if "file is not a database" in detail:
        detail = "the file is not a SQLite database"
    return f"{label}: {detail}" if label else detail
