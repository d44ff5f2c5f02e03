"""Every error ticker shows a user, under one base: :class:`TickerError`.

Each is raised where it happens and caught once, by the command line (``error: …``, exit 1);
``str(err)`` is always one line (passwords hidden). A notebook catches ``ticker.TickerError``.

>>> issubclass(UnknownInstrument, TickerError) and issubclass(UnknownInstrument, LookupError)
True
>>> one_line(ValueError("first line\\nsecond line"), "data/ticker.db")
'data/ticker.db: first line'
"""

from __future__ import annotations

import re

__all__ = ["DAMAGED", "BadArgument", "TickerError", "StoreError", "StoreUnavailable", "SchemaError", "UnknownInstrument", "ReportError",
           "one_line", "redact", "register_secret"]


# What every command says when SQLite finds the store's file damaged ("malformed").
DAMAGED = "store is damaged (run ticker doctor)"


def is_damage(err: BaseException) -> bool:
    """Is this SQLite's word for a damaged file (SQLITE_CORRUPT)?"""
    text = str(getattr(err, "orig", None) or err)
    return "disk image is malformed" in text or "malformed database schema" in text


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


class BadArgument(TickerError, TypeError):
    """A library call given what it cannot take (``store.series(None)``): a message, not a
    ``TypeError`` from deep inside."""


class ReportError(TickerError, ValueError):
    """Bad report input (a resample rule, a time zone, a time); ``str(err)`` is one line."""


# Passwords seen in database URLs this run (ticker.db.location registers them): no message shows them.
_SECRETS: set[str] = set()
_PASSWORD_FIELD = re.compile(r"(?i)(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;,)\]\"]+)")
_USERINFO = re.compile(r"(://[^:/?#@\s]*:)[^/?#\s]*@(?=[^@/?#\s]*(?:[/?#\s]|$))")


def register_secret(secret: str | None) -> None:
    """A password no message may show (as given, and as it appears percent-encoded in a URL)."""
    from urllib.parse import quote

    if secret:
        _SECRETS.update({secret, quote(secret, safe="")})


def redact(text: str) -> str:
    """``text`` without credentials: a URL's ``user:password@``, ``password=…`` (a URL's query, a
    DSN string) and every password registered this run.

    >>> redact("postgresql://me:p@ss@db/x?sslpassword=k3y and host=db password='a b' dbname=x")
    'postgresql://me:***@db/x?sslpassword=*** and host=db password=*** dbname=x'
    """
    text = _PASSWORD_FIELD.sub(r"\1***", text)
    text = _USERINFO.sub(r"\1***@", text)
    for secret in sorted(_SECRETS, key=len, reverse=True):
        if len(secret) >= 3:  # a one- or two-letter password would mask letters everywhere
            text = text.replace(secret, "***")
    return text


def one_line(err: BaseException, label: str | None = None) -> str:
    """An exception as one line for a user: its first line of text (a driver's error: the error
    of the driver itself, which SQLAlchemy wraps as ``err.orig``), else its class name; after
    ``label: `` when given.

    >>> one_line(RuntimeError(""))
    'RuntimeError'
    >>> one_line(OSError("file is not a database"), "x.db")
    'x.db: the file is not a SQLite database'
    >>> one_line(OSError("database disk image is malformed"), "x.db")
    'x.db: store is damaged (run ticker doctor)'
    >>> one_line(OSError("disk I/O error"), "x.db")
    "x.db: disk I/O error (is the store's disk full, failing or gone?)"
    """
    inner = getattr(err, "orig", None) or err
    detail = (str(inner).strip().splitlines() or [inner.__class__.__name__])[0]
    if "file is not a database" in detail:
        detail = "the file is not a SQLite database"
    elif is_damage(inner):
        detail = DAMAGED
    elif detail == "disk I/O error":  # SQLite's word for a full disk at some moments, a failing one at others
        detail = "disk I/O error (is the store's disk full, failing or gone?)"
    elif "readonly database" in detail:
        detail += " (the store's file, folder or disk is read-only)"
    return redact(f"{label}: {detail}" if label else detail)
