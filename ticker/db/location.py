"""Where ``--db`` points: a SQLite file path, a SQLAlchemy URL, ``TICKER_DB`` or the default
``data/ticker.db``. One place decides, for the sqlite3 paths and for SQLAlchemy alike.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DEFAULT_DB", "target", "file_target", "existing_file", "database_url", "safe_url"]

DEFAULT_DB = "data/ticker.db"


def target(db: str | os.PathLike | None) -> str:
    """What ``--db`` names, as text: the value given, else ``TICKER_DB``, else the default."""
    return os.fspath(db) if db is not None else os.environ.get("TICKER_DB") or DEFAULT_DB


def file_target(db: str | os.PathLike | None) -> Path | None:
    """The SQLite file a ``--db`` value names (a path, a plain ``sqlite:///`` URL, ``TICKER_DB``
    or the default), whether or not it exists yet; None for other databases, memory, or a URL
    with options (those go through SQLAlchemy).

    >>> file_target("sqlite:///data/x.db"), file_target("postgresql://h/db"), file_target(":memory:")
    (PosixPath('data/x.db'), None, None)
    """
    named = target(db)
    if "://" in named:
        if not named.startswith("sqlite:///") or "?" in named:
            return None
        named = named[len("sqlite:///"):]
    if named in ("", ":memory:"):
        return None
    return Path(named).expanduser()


def existing_file(db: str | os.PathLike | None) -> Path | None:
    """The file of an existing SQLite store named by a path, a ``sqlite:///`` URL, ``TICKER_DB``
    or the default; None for anything else (other databases, memory, URL options, no file yet)."""
    path = file_target(db)
    return path if path is not None and path.is_file() else None


def database_url(url_or_path: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from a URL, a file path, ``TICKER_DB`` or the default ``data/ticker.db``.

    >>> database_url("postgresql+psycopg://me@db/quotes")
    'postgresql+psycopg://me@db/quotes'
    >>> database_url(":memory:")
    'sqlite://'
    >>> database_url("/tmp/x.db")
    'sqlite:////tmp/x.db'
    """
    named = target(url_or_path)
    if named in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite://"
    if "://" in named:
        named = _encode_password(named)
        _register_secrets(named)
        return named
    return f"sqlite:///{Path(named).expanduser().resolve()}"


_SECRET_QUERY_KEYS = ("password", "sslpassword")


def _encode_password(url: str) -> str:
    """A URL whose password holds ``@`` as typed (``me:p@ss@db``), with the password
    percent-encoded: else everything after its first ``@`` is taken for the host (and sent
    to DNS, and printed).

    >>> _encode_password("postgresql://me:p@ss@db:5432/x"), _encode_password("postgresql://me:ok@db/x")
    ('postgresql://me:p%40ss@db:5432/x', 'postgresql://me:ok@db/x')
    """
    from urllib.parse import quote

    scheme, sep, rest = url.partition("://")
    end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    # a "/" or "?" inside the password hides the real end of the host part: take the last "@"
    # before the path that leaves a plausible host (no ":" beyond a port)
    authority, tail = rest[:end], rest[end:]
    if authority.count("@") < 2:
        return url
    userinfo, _, host = authority.rpartition("@")
    user, colon, password = userinfo.partition(":")
    return f"{scheme}{sep}{user}{colon}{quote(password, safe='')}@{host}{tail}"


def _register_secrets(url: str) -> None:
    """Every password the URL carries (user:password@, ?password=) and ``PGPASSWORD``: never shown.

    Read with :mod:`urllib.parse`, not SQLAlchemy: ``ticker ingest`` into a PostgreSQL store at
    head imports no SQLAlchemy (start-up).

    >>> from ticker.errors import redact
    >>> _register_secrets("postgresql://me:s%40cret@db/x?sslpassword=k3y")
    >>> redact("s@cret and k3y")
    '*** and ***'
    """
    from urllib.parse import parse_qsl, unquote, urlsplit

    from ..errors import register_secret

    register_secret(os.environ.get("PGPASSWORD"))
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # a malformed URL: make_engine says so
        return
    register_secret(unquote(password) if password else None)
    for key, value in parse_qsl(parts.query, keep_blank_values=False):
        if key.lower() in _SECRET_QUERY_KEYS:
            register_secret(value)


def safe_url(url: str) -> str:
    """The URL for messages: never a password (``user:password@``, ``?password=``).

    >>> safe_url("postgresql+psycopg://me:s3cret@db/quotes")
    'postgresql+psycopg://me:***@db/quotes'
    >>> safe_url("postgresql+psycopg://me@db/quotes?password=s3cret&sslmode=require")
    'postgresql+psycopg://me@db/quotes?password=***&sslmode=require'
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..errors import redact

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return "<unparseable database URL>"
    hidden = {k: ("***" if k.lower() in _SECRET_QUERY_KEYS else v) for k, v in parsed.query.items()}
    return redact(parsed.set(query=hidden).render_as_string(hide_password=True))
