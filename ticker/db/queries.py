"""Every read of a store, written once, in SQL that SQLite and PostgreSQL both take.

Each function takes an open connection: a :class:`sqlite3.Connection` (the command line's
pandas- and SQLAlchemy-free paths) or a SQLAlchemy ``Connection`` (:class:`ticker.Store`, any
backend), and returns plain rows. Parameters are named (``:name``), which both sqlite3 and
SQLAlchemy's ``text()`` accept. Times come back as the driver gives them: datetimes from
PostgreSQL, ISO 8601 UTC text with its offset from SQLite (:func:`ticker.db.sqlite.stored_time`'s
form); :func:`window` turns bounds into what the backend compares.
"""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta

from ..errors import DAMAGED, StoreError, is_damage
from ..instruments import name_key, pick
from . import location
from .sqlite import open_reader, stored_time

__all__ = ["SERIES", "SERIES_BRIEF", "LATEST", "INSTRUMENTS", "SNAPSHOTS", "LONG", "rows", "window", "site_filter",
           "find_instrument", "suggestions", "series", "latest", "instruments", "snapshots", "long", "counts",
           "snapshot_ids", "stored_page", "stored_quotes", "doctor_rows", "set_alias", "ALIASES", "aliases",
           "remove_alias"]

TABLES = ("instruments", "aliases", "snapshots", "quotes")

# Column name -> dtype, for every column a read gives (ticker.frames builds typed DataFrames).
DTYPES = {
    "id": "int64", "snapshot_id": "int64", "quotes": "int64",
    "captured_at": "datetime", "ingested_at": "datetime", "first_seen": "datetime", "last_seen": "datetime",
    "value": "float64", "change": "float64", "change_pct": "float64", "consistent": "bool",
    "instrument": "string", "symbol": "string", "kind": "string", "name_printed": "string", "source": "string",
    "market_status": "string", "captured_at_source": "string", "url": "string",
}


def _columns(*names: str) -> dict[str, str]:
    return {name: DTYPES[name] for name in names}


# The columns of each read, in order.
SERIES = _columns("captured_at", "value", "change", "change_pct", "name_printed", "source", "market_status",
                  "consistent", "snapshot_id")
# What the plain report reads: the quotes' columns come from the covering index alone (0002).
SERIES_BRIEF = _columns("captured_at", "value", "change", "change_pct", "source")
LATEST = _columns("instrument", "symbol", "captured_at", "value", "change", "change_pct", "name_printed", "source")
INSTRUMENTS = _columns("instrument", "symbol", "kind", "quotes", "first_seen", "last_seen")
SNAPSHOTS = _columns("id", "source", "captured_at", "captured_at_source", "market_status", "ingested_at", "quotes")
LONG = _columns("captured_at", "instrument", "symbol", "name_printed", "value", "change", "change_pct", "source",
                "market_status", "url")

# Where each column of the reads above comes from.
_SOURCE = {
    "captured_at": "s.captured_at", "value": "q.value", "change": "q.change", "change_pct": "q.change_pct",
    "name_printed": "q.name_printed", "source": "s.source", "market_status": "s.market_status",
    "consistent": "q.consistent", "snapshot_id": "s.id", "instrument": "i.name", "symbol": "i.symbol",
    "url": "s.url",
}
_JOIN = "FROM quotes q JOIN snapshots s ON s.id = q.snapshot_id"


def rows(conn, sql: str, params: dict | None = None) -> list[tuple]:
    """The rows of one statement, on a sqlite3 or a SQLAlchemy connection."""
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql, params or {}).fetchall()
    from sqlalchemy import text

    return [tuple(r) for r in conn.execute(text(sql), params or {})]


def execute(conn, sql: str, params: dict | None = None) -> int:
    """Run one statement that returns no rows; gives the number of rows it changed."""
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql, params or {}).rowcount
    from sqlalchemy import text

    return conn.execute(text(sql), params or {}).rowcount


def _dialect(conn) -> str:
    return "sqlite" if isinstance(conn, sqlite3.Connection) else conn.dialect.name


def window(conn, since: datetime | None, until: datetime | None) -> tuple[str, dict]:
    """SQL (`` AND …``) and parameters keeping snapshots captured from ``since`` to ``until``
    (tz-aware, both inclusive).

    On SQLite times are text of one fixed-width form (:func:`ticker.db.sqlite.stored_time`,
    ``2024-05-17T09:00:00.000000+00:00``: revision 0003 rewrote every older form), so bounds in
    the same form compare right as text; the upper bound is exclusive, one microsecond on.

    >>> con = sqlite3.connect(":memory:")
    >>> from datetime import UTC
    >>> window(con, datetime(2024, 5, 17, tzinfo=UTC), datetime(2024, 5, 18, tzinfo=UTC))[1]
    {'lo': '2024-05-17T00:00:00.000000+00:00', 'hi': '2024-05-18T00:00:00.000001+00:00'}
    """
    sql, params = "", {}
    lo: datetime | str | None = since
    hi: datetime | str | None = until + timedelta(microseconds=1) if until is not None else None
    if _dialect(conn) == "sqlite":
        lo, hi = stored_time(since), stored_time(hi)  # type: ignore[arg-type]
    if lo is not None:
        sql, params["lo"] = sql + " AND s.captured_at >= :lo", lo
    if hi is not None:
        sql, params["hi"] = sql + " AND s.captured_at < :hi", hi
    return sql, params


def site_filter(site: str | None) -> tuple[str, dict]:
    """SQL (`` AND …``) and parameters keeping snapshots whose URL is on ``site``: that host or
    any host under it (``example.com`` takes ``www.example.com``), any scheme and port.

    >>> site_filter("Example.com/")[1]["site_host"]
    '%://example.com'
    """
    if site is None:
        return "", {}
    host = site.strip().lower()
    host = host.split("://", 1)[-1].split("/", 1)[0]
    params = {"site_host": f"%://{host}", "site_sub": f"%://%.{host}"}
    tests = " OR ".join(f"lower(s.url) LIKE :{name}{end}" for name in params for end in ("", " || '/%'", " || ':%'"))
    return f" AND s.url IS NOT NULL AND ({tests})", params


# ---------------------------------------------------------------- instruments


def find_instrument(conn, name: str) -> tuple[int, str, str | None, str | None] | None:
    """(id, name, symbol, kind) of the stored instrument a name means (any case and spacing,
    any alias or symbol; the rules of :func:`ticker.instruments.pick`), or None."""
    hit = rows(conn, "SELECT instrument_id FROM aliases WHERE alias_key = :key", {"key": name_key(name)})
    stored = rows(conn, "SELECT id, name, symbol, kind FROM instruments")
    chosen = pick(name, hit[0][0] if hit else None, [(r[0], r[1], r[2]) for r in stored])
    return next((tuple(r) for r in stored if r[0] == chosen), None)  # type: ignore[misc]


def suggestions(conn, name: str, n: int = 5) -> list[str]:
    """The stored names (canonical names first, then aliases as printed) closest to ``name``."""
    known = {name_key(r[0]): r[0] for r in rows(conn, "SELECT name FROM instruments")}
    for alias_key, printed in rows(conn, "SELECT alias_key, printed FROM aliases"):
        known.setdefault(alias_key, printed)
    close = difflib.get_close_matches(name_key(name), list(known), n=n, cutoff=0.5)
    return [known[k] for k in close]


# ---------------------------------------------------------------- series and tables


def series(conn, instrument_id: int, *, since: datetime | None = None, until: datetime | None = None,
           last: int | None = None, columns: Sequence[str] = tuple(SERIES), site: str | None = None) -> list[tuple]:
    """One instrument's quotes, oldest first (by capture time, snapshot, position on the page):
    ``columns`` of :data:`SERIES`; ``last`` keeps the newest ``last``; ``site`` only pages of that site."""
    where, params = window(conn, since, until)
    on_site, site_params = site_filter(site)
    where, params = where + on_site, {**params, **site_params}
    params["instrument_id"] = instrument_id
    sql = (f"SELECT {', '.join(_SOURCE[c] for c in columns)} {_JOIN} "
           f"WHERE q.instrument_id = :instrument_id{where}")
    if last is None:
        return rows(conn, sql + " ORDER BY s.captured_at, s.id, q.position", params)
    params["last"] = max(int(last), 0)
    newest = rows(conn, sql + " ORDER BY s.captured_at DESC, s.id DESC, q.position DESC LIMIT :last", params)
    newest.reverse()
    return newest


def latest(conn) -> list[tuple]:
    """The board: the newest quote of every instrument (columns of :data:`LATEST`), by name."""
    cols = ", ".join(f"{_SOURCE[c]} AS {c}" for c in LATEST)
    return rows(conn, f"""SELECT {', '.join(LATEST)} FROM (
        SELECT {cols}, row_number() OVER (PARTITION BY q.instrument_id
                                          ORDER BY s.captured_at DESC, s.id DESC, q.position) AS rank
        {_JOIN} JOIN instruments i ON i.id = q.instrument_id) ranked
        WHERE rank = 1 ORDER BY instrument""")


def instruments(conn) -> list[tuple]:
    """Every instrument with quotes: name, symbol, kind, number of quotes, first and last seen."""
    return rows(conn, """SELECT i.name, i.symbol, i.kind, count(q.id), min(s.captured_at), max(s.captured_at)
        FROM instruments i JOIN quotes q ON q.instrument_id = i.id JOIN snapshots s ON s.id = q.snapshot_id
        GROUP BY i.id, i.name, i.symbol, i.kind ORDER BY i.name""")


def snapshots(conn) -> list[tuple]:
    """Every stored page (columns of :data:`SNAPSHOTS`), by capture time."""
    return rows(conn, """SELECT s.id, s.source, s.captured_at, s.captured_at_source, s.market_status, s.ingested_at,
        (SELECT count(q.id) FROM quotes q WHERE q.snapshot_id = s.id) FROM snapshots s
        ORDER BY s.captured_at, s.id""")


def long(conn, instrument_ids: Sequence[int] | None = None, *, since: datetime | None = None,
         until: datetime | None = None, last: int | None = None, site: str | None = None) -> list[tuple]:
    """Every stored quote as one long table (columns of :data:`LONG`), oldest first; only some
    instruments with ``instrument_ids``; ``last`` is per instrument; ``site`` only pages of that site."""
    where, params = window(conn, since, until)
    on_site, site_params = site_filter(site)
    where, params = where + on_site, {**params, **site_params}
    if instrument_ids is not None:
        marks = [f":id{n}" for n in range(len(instrument_ids))]
        params.update(zip((m[1:] for m in marks), instrument_ids))
        where += f" AND q.instrument_id IN ({', '.join(marks) or 'NULL'})"
    cols = ", ".join(f"{_SOURCE[c]} AS {c}" for c in LONG)
    body = f"{_JOIN} JOIN instruments i ON i.id = q.instrument_id WHERE 1 = 1{where}"
    if last is None:
        return rows(conn, f"SELECT {cols} {body} ORDER BY s.captured_at, s.id, q.position", params)
    params["last"] = int(last)
    return rows(conn, f"""SELECT {', '.join(LONG)} FROM (
        SELECT {cols}, s.id AS snapshot_id, q.position AS position,
               row_number() OVER (PARTITION BY q.instrument_id
                                  ORDER BY s.captured_at DESC, s.id DESC, q.position DESC) AS rank
        {body}) ranked
        WHERE rank <= :last ORDER BY captured_at, snapshot_id, position""", params)


def counts(conn) -> dict[str, int]:
    """Rows per table."""
    return {t: rows(conn, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def read_series(db, name: str, *, since: datetime | None = None, until: datetime | None = None,
                last: int | None = None, site: str | None = None) -> tuple[tuple[str, str | None], list[tuple]] | None:
    """The plain report's read, with sqlite3 alone: ((instrument, symbol), rows) with rows of
    :data:`SERIES_BRIEF` (times as aware UTC datetimes), filtered like :func:`series`; None
    unless ``db`` is an existing SQLite store at head that knows the name (then
    :class:`ticker.Store` answers: it migrates, suggests names, and so on)."""
    path = location.existing_file(db)
    conn = open_reader(path) if path is not None else None
    if conn is None:
        return None
    try:
        inst = find_instrument(conn, name)
        if inst is None:
            return None
        found = series(conn, inst[0], since=since, until=until, last=last, columns=tuple(SERIES_BRIEF), site=site)
    except sqlite3.Error as err:
        if is_damage(err):
            raise StoreError(f"{path}: {DAMAGED}") from None
        return None
    finally:
        conn.close()
    parse = datetime.fromisoformat  # the stored text has its offset: one C call per time
    return (inst[1], inst[2]), [(parse(t), v, c, p, s) for t, v, c, p, s in found]


# ---------------------------------------------------------------- reparse and doctor


def snapshot_ids(conn) -> list[int]:
    return [r[0] for r in rows(conn, "SELECT id FROM snapshots ORDER BY id")]


def stored_page(conn, snapshot_id: int) -> tuple[str, str | None, bytes | None]:
    """(source, market_status, page_text) of a snapshot."""
    [row] = rows(conn, "SELECT source, market_status, page_text FROM snapshots WHERE id = :id", {"id": snapshot_id})
    return row  # type: ignore[return-value]


def stored_quotes(conn, snapshot_id: int) -> list[tuple]:
    """(name_printed, value, change, change_pct) of a snapshot's quotes, in page order."""
    return rows(conn, "SELECT name_printed, value, change, change_pct FROM quotes WHERE snapshot_id = :id "
                      "ORDER BY position", {"id": snapshot_id})


def doctor_rows(conn) -> dict:
    """What ``ticker doctor`` counts: rows per table, quotes failing the check, snapshots without
    quotes (how many, and the first five), quotes whose snapshot is missing."""
    bare = "FROM snapshots s WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.snapshot_id = s.id)"
    return {
        "counts": counts(conn),
        "inconsistent_quotes": rows(conn, "SELECT count(*) FROM quotes WHERE NOT consistent")[0][0],
        "snapshots_without_quotes": rows(conn, f"SELECT count(*) {bare}")[0][0],
        "examples_without_quotes": [tuple(r) for r in rows(conn, f"SELECT s.id, s.source {bare} ORDER BY s.id LIMIT 5")],
        "orphan_quotes": rows(conn, "SELECT count(*) FROM quotes q LEFT JOIN snapshots s ON s.id = q.snapshot_id "
                                    "WHERE s.id IS NULL")[0][0],
    }


# ---------------------------------------------------------------- the one write outside the writer


def set_alias(conn, key: str, printed: str, instrument: tuple[str, str | None, str | None] | None,
              target_id: int | None) -> tuple[tuple, str | None, int]:
    """Map the alias ``key`` (printed as ``printed``) to instrument ``target_id``, or to
    ``instrument`` (name, symbol, kind), made if new; quotes stored under the printed name move
    with it. In the caller's write transaction; gives ((id, name, symbol, kind) of the target,
    the name of the instrument the alias meant before (None if it is new), quotes moved)."""
    if target_id is None:
        name, symbol, kind = instrument  # type: ignore[misc]
        execute(conn, "INSERT INTO instruments (name, symbol, kind) VALUES (:name, :symbol, :kind) "
                   "ON CONFLICT (name) DO NOTHING", {"name": name, "symbol": symbol, "kind": kind})
        [target] = rows(conn, "SELECT id, name, symbol, kind FROM instruments WHERE name = :name", {"name": name})
    else:
        [target] = rows(conn, "SELECT id, name, symbol, kind FROM instruments WHERE id = :id", {"id": target_id})
    old = rows(conn, "SELECT a.instrument_id, i.name FROM aliases a JOIN instruments i ON i.id = a.instrument_id "
                     "WHERE a.alias_key = :key", {"key": key})
    params = {"key": key, "printed": printed, "id": target[0]}
    moved = 0
    if not old:
        execute(conn, "INSERT INTO aliases (alias_key, printed, instrument_id, origin) "
                   "VALUES (:key, :printed, :id, 'user')", params)
    else:
        execute(conn, "UPDATE aliases SET instrument_id = :id, origin = 'user' WHERE alias_key = :key", params)
        if old[0][0] != target[0]:
            moved = execute(conn, "UPDATE quotes SET instrument_id = :id WHERE instrument_id = :old "
                                  "AND lower(name_printed) = :key", {**params, "old": old[0][0]})
    return tuple(target), (old[0][1] if old else None), moved


ALIASES = {"printed": "string", "instrument": "string", "symbol": "string", "origin": "string", "quotes": "int64"}


def aliases(conn) -> list[tuple]:
    """Every alias (columns of :data:`ALIASES`): the printed name, its instrument, ``seen`` on a
    page or set by a ``user``, and the quotes stored under that printed name; by instrument."""
    return rows(conn, """SELECT a.printed, i.name, i.symbol, a.origin,
        (SELECT count(q.id) FROM quotes q WHERE q.instrument_id = a.instrument_id
                                            AND lower(q.name_printed) = a.alias_key)
        FROM aliases a JOIN instruments i ON i.id = a.instrument_id ORDER BY i.name, a.printed""")


def remove_alias(conn, key: str) -> tuple[str, str, str] | None:
    """Delete the alias ``key``, in the caller's write transaction; gives (printed, instrument,
    origin) of what was removed, or None when there was no such alias. Quotes stay where they are."""
    found = rows(conn, "SELECT a.printed, i.name, a.origin FROM aliases a JOIN instruments i ON i.id = a.instrument_id "
                       "WHERE a.alias_key = :key", {"key": key})
    if not found:
        return None
    execute(conn, "DELETE FROM aliases WHERE alias_key = :key", {"key": key})
    return tuple(found[0])  # type: ignore[return-value]
