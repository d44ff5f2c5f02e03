"""The writer: prepared pages into a store, many to a transaction - the hot path of ``ticker ingest``.

A :class:`Writer` stores prepared pages (:class:`Pending`) many to a transaction
(:meth:`Writer.write`), through the database driver's DB-API connection (SQLite: 500 quote rows
to an INSERT, the writer checking its own references; PostgreSQL: a batch's snapshots in one
multi-row INSERT, its quotes in one ``COPY``, every constraint checked by the server): per-row
parameter processing in SQLAlchemy would cost more than SQLite's insert itself. If a batch
fails, its pages are written again one transaction each, so a bad page fails alone and every
page is stored whole or not at all.

Nothing here imports SQLAlchemy: on a SQLite store at head, :func:`ticker.db.open.open_writer` connects with
:mod:`sqlite3` (see :mod:`ticker.db.sqlite`), and ``ticker ingest`` never pays for the import.
Any other store is opened through :mod:`ticker.db.engine` (SQLAlchemy, migrations), which lends
its engine's connection.
"""

from __future__ import annotations

import functools
import itertools
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import StoreError, StoreUnavailable, is_damage, one_line
from ..instruments import display_name as _display_name
from ..instruments import name_key as _name_key
from ..instruments import resolve
from ..records import PageResult
from . import sqlite

__all__ = ["Pending", "Writer", "SNAPSHOT_ROW", "QUOTE_ROW"]

QUOTES_PER_INSERT = 500  # rows in one SQLite INSERT (bound by SQLite's limit on parameters)
# PostgreSQL: where a batch's snapshot rows are copied before they are inserted (a temporary table)
PAGES_TABLE = "pg_temp.ticker_new_pages"
# deadlock_detected, serialization_failure: PostgreSQL aborted the transaction, retrying is safe.
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})

# Column order of the inserts (the hot path); a test checks them against ticker.db.schema.
SNAPSHOT_ROW = ("source", "content_hash", "captured_at", "captured_at_source", "market_status", "page_time",
                "ingested_at", "page_text", "url")
QUOTE_ROW = ("snapshot_id", "position", "instrument_id", "name_printed", "value", "change", "change_pct",
             "consistent", "line")

# A strip prints the same few dozen names on every page: tidy each once, not once per quote.
display_name = functools.lru_cache(maxsize=8192)(_display_name)
name_key = functools.lru_cache(maxsize=8192)(_name_key)

@dataclass(slots=True)
class Pending:
    """A page between parsing and writing: its (provisional) result, snapshot row and quotes."""

    result: PageResult
    row: tuple | None = None  # the snapshots row, in SNAPSHOT_ROW order
    parsed: tuple[tuple, ...] | None = None  # quote_values() of the page

class Writer:
    """Writes prepared pages to a store through a DB-API connection (``sqlite3`` or psycopg).

    ``label`` names the store in messages (no password); ``driver_error`` is the driver's base
    exception class; ``reconnect`` (if given) makes a new connection when the server dropped
    this one (a restart, an idle timeout); ``on_close`` (if given) is called once, with the
    writer, after :meth:`close` has closed the connection: whoever opened the store releases
    what it holds (an engine's pool) or notes how the writer left it (:attr:`met_damage`).
    """

    def __init__(self, conn, dialect: str, *, label: str, driver_error: type[Exception],
                 reconnect: Callable[[], object] | None = None,
                 on_close: Callable[[Writer], object] | None = None) -> None:
        self.conn = conn
        self._reconnect = reconnect
        self.dialect = dialect
        self.label = label
        self.driver_error = driver_error
        self._on_close = on_close
        self.met_damage = False  # SQLite said "malformed" (see ticker.db.health)
        # One transaction at a time on the one connection: a Store shared by threads (a notebook's
        # concurrent.futures) hands them all this writer, and interleaved batches on one sqlite3
        # connection commit each other's halves (issue 15.1). The threads queue here instead.
        self._lock = threading.RLock()
        # printed name or alias key -> instruments.id, and a strip's names tuple -> their ids;
        # committed rows only
        self._instrument_ids: dict = {}
        # How times are stored: SQLite keeps UTC text (the form SQLAlchemy writes), psycopg
        # takes datetimes. Applied by prepare(), in the workers.
        self.stored_time = sqlite.stored_time if dialect == "sqlite" else None
        mark = "?" if dialect == "sqlite" else "%s"
        self._mark = mark
        self._quotes_sql = _insert_sql("quotes", QUOTE_ROW, mark)
        self._quotes_copy_sql = f"COPY quotes ({', '.join(QUOTE_ROW)}) FROM STDIN (FORMAT BINARY)"
        # PostgreSQL: the columns' types as the server reports them (a binary COPY must match them;
        # the snapshots' arrays are cast to them), read once per table
        self._column_types: dict[str, list[str]] = {}
        # PostgreSQL: may this session make a temporary table (the TEMPORARY privilege)? Then a
        # batch's snapshots go by binary COPY (see _insert_snapshots_returning); asked once.
        self._temp_allowed: bool | None = None
        # SQLite: quotes go in QUOTES_PER_INSERT rows to a statement (see _insert_quotes)
        self._quotes_per_insert = 1
        if dialect == "sqlite":
            import sqlite3

            bound = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
            self._quotes_per_insert = max(1, min(QUOTES_PER_INSERT, bound // len(QUOTE_ROW)))
            # OR ROLLBACK: a failed row ends the transaction (the batch is then written again page
            # by page), so SQLite keeps no statement journal for undoing half a statement.
            self._quotes_many_sql = "INSERT OR ROLLBACK" + self._quotes_sql[len("INSERT"):] + (
                f", ({', '.join('?' * len(QUOTE_ROW))})" * (self._quotes_per_insert - 1))

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except self.driver_error:
                pass  # already gone
            self.conn = None
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close(self)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def forget(self) -> None:
        """Drop the remembered instrument ids (an alias was moved to another instrument)."""
        with self._lock:
            self._instrument_ids.clear()

    # ---- transactions
    def _transaction(self, work: Callable, *args, own_checks: bool = False):
        """Run ``work(cursor, *args)`` in one transaction; driver errors become a StoreError
        (PostgreSQL's deadlock and serialization aborts are retried: the pages are not lost).

        ``own_checks``: on SQLite, ``work`` makes sure every reference it writes exists (see
        :meth:`_write_many`: it fails the transaction otherwise), and SQLite's foreign-key checks
        are off for the transaction.
        They cost a B-tree look-up per reference per row, and in a many-row INSERT they make
        SQLite keep a statement journal: together a quarter of the quote inserts' time.
        """
        checks_off = own_checks and self.dialect == "sqlite"
        for attempt in range(5):
            cur = None
            try:
                cur = self.conn.cursor()
                if checks_off:
                    cur.execute("PRAGMA foreign_keys=OFF")  # outside a transaction only
                if self.dialect == "sqlite":
                    # Take the write lock up front: a deferred transaction that later needs to
                    # write can fail with "database is locked" at once; IMMEDIATE waits.
                    cur.execute("BEGIN IMMEDIATE")
                result = work(cur, *args)
                if self.dialect == "sqlite":
                    cur.execute("COMMIT")
                else:
                    self.conn.commit()
                return result
            except self.driver_error as err:
                if _interrupted(err):
                    self._discard()
                    raise KeyboardInterrupt from None
                self._rollback()
                if attempt < 4 and getattr(err, "sqlstate", None) in _RETRY_SQLSTATES:
                    time.sleep(random.uniform(0.01, 0.1) * (attempt + 1))  # let the other writer finish
                    continue
                if self._lost():
                    if attempt < 4 and self._new_connection():
                        continue  # nothing was stored: the dropped transaction rolled back
                    raise StoreUnavailable(one_line(err, self.label)) from None
                if is_damage(err):
                    self.met_damage = True
                    raise StoreUnavailable(one_line(err, self.label)) from None
                if "database is locked" in str(err):
                    raise StoreUnavailable(one_line(err, self.label)) from None
                raise StoreError(one_line(err, self.label)) from None
            except (UnicodeError, OverflowError) as err:  # a value the driver cannot take: this page's
                self._rollback()
                raise StoreError(one_line(err, "cannot store this page")) from None
            except BaseException as err:  # Ctrl-C, a bug: the transaction is abandoned
                self._discard()
                if _interrupted(err):  # psycopg, interrupted in a pipeline, raises errors of its own
                    raise KeyboardInterrupt from None
                raise
            finally:
                if cur is not None:
                    try:
                        if checks_off:
                            cur.execute("PRAGMA foreign_keys=ON")  # as sqlite.configure left it
                        cur.close()
                    except self.driver_error:
                        pass

    def _discard(self) -> None:
        """Give up a transaction cut short: SQLite rolls back; a psycopg connection interrupted
        half way through a command is dropped (see :meth:`_abandon`)."""
        if self.dialect == "sqlite":
            self._rollback()
        else:
            self._abandon()

    def _abandon(self) -> None:
        """Drop a connection interrupted half way through a command (psycopg then refuses even a
        ROLLBACK): the server rolls the transaction back, and the pool must not try to reset it
        at exit, which prints a traceback."""
        try:
            invalidate = getattr(self.conn, "invalidate", None)
            invalidate() if invalidate is not None else self.conn.close()
        except Exception:  # noqa: BLE001 - already unusable; nothing more to do
            pass

    def _lost(self) -> bool:
        """Is the connection gone (PostgreSQL: the server closed it)? SQLite's never is."""
        return self.dialect != "sqlite" and bool(getattr(self.conn, "closed", False) or getattr(self.conn, "broken", False))

    def _new_connection(self) -> bool:
        if self._reconnect is None:
            return False
        try:
            self.conn.invalidate()  # a pooled connection: the pool must not hand it out again
        except Exception:  # noqa: BLE001 - a plain DB-API connection has no invalidate(); it is dead anyway
            pass
        try:
            self.conn = self._reconnect()
        except Exception:  # noqa: BLE001 - the server is still away: the caller reports the first error
            return False
        return True

    def _rollback(self) -> None:
        try:
            if self.dialect == "sqlite":
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            else:
                self.conn.rollback()
        except self.driver_error:
            pass  # the connection is gone; the database rolled back on its own

    # ---- pages
    def write(self, batch: list[Pending]) -> list[PageResult]:
        """Store the batch's pages in one transaction (one each if that fails); results in order.
        Safe to call from several threads: one batch is written at a time."""
        with self._lock:
            return self._write(batch)

    def _write(self, batch: list[Pending]) -> list[PageResult]:
        writes = [p for p in batch if p.row is not None]
        if writes:
            ids: list[int | StoreError | None]
            try:
                ids = list(self._store(writes))
            except StoreUnavailable as err:
                ids = [err] * len(writes)
            except StoreError as err:
                if len(writes) == 1:
                    ids = [err]
                else:  # find the page that failed: each page alone, in its own transaction
                    ids = []
                    for p in writes:
                        try:
                            ids.extend(self._store([p]))
                        except StoreError as one_err:
                            ids.append(one_err)
            for p, snapshot_id in zip(writes, ids):
                r = p.result
                if isinstance(snapshot_id, StoreError):
                    p.result = PageResult(r.source, "error", reason=str(snapshot_id), warnings=r.warnings)
                elif snapshot_id is None:
                    p.result = PageResult(r.source, "duplicate", warnings=r.warnings)
                else:
                    p.result = PageResult(r.source, "stored", r.quotes, warnings=r.warnings, snapshot_id=snapshot_id,
                                          time_from=r.time_from)
        return [p.result for p in batch]

    def _store(self, writes: list[Pending]) -> list[int | None]:
        ids, new_ids = self._transaction(self._write_many, writes, own_checks=True)
        # Only ids of committed rows are remembered: a rolled-back batch must not leave ids behind.
        self._instrument_ids.update(new_ids)
        return ids

    def _write_many(self, cur, writes: list[Pending]) -> tuple[list[int | None], dict[str, int]]:
        """Snapshots and all of their quotes: the snapshot ids (None for a duplicate), and the
        instrument ids this transaction made or looked up."""
        new_ids: dict[str, int] = {}
        self._recheck_aliases(cur)
        first: dict[str, Pending] = {}
        for p in writes:  # the same bytes twice in one batch: the first is stored
            first.setdefault(p.row[1], p)  # type: ignore[index]  # rows of written pages are set
        if self.dialect == "sqlite":
            by_hash = self._insert_snapshots_sqlite(cur, list(first.values()))
        else:
            by_hash = self._insert_snapshots_returning(cur, first)
        ids = [by_hash.get(h) if first[h] is p else None for p, h in ((p, p.row[1]) for p in writes)]  # type: ignore[index]  # rows of written pages are set
        stored = [(p, snapshot_id) for p, snapshot_id in zip(writes, ids) if snapshot_id is not None]
        if self.dialect != "sqlite":
            self._copy_quotes(cur, stored, new_ids)
            return ids, new_ids
        params, instrument_ids = self._quote_params(cur, stored, new_ids)
        if params and not self._instruments_exist(cur, instrument_ids):
            # An instrument remembered from an earlier transaction is gone (deleted by hand, by
            # another program): look every name up again, in this transaction.
            self._instrument_ids.clear()
            new_ids.clear()
            params, instrument_ids = self._quote_params(cur, stored, new_ids)
            if not self._instruments_exist(cur, instrument_ids):
                # an alias left naming a deleted instrument (deleted where foreign keys were off):
                # refused, as SQLite's own check refused it
                raise self.driver_error("FOREIGN KEY constraint failed: an alias names an instrument that is gone")
        if params:
            self._insert_quotes(cur, params)
        return ids, new_ids

    def _recheck_aliases(self, cur) -> None:
        """Forget the remembered instrument ids if an alias they came from now names another
        instrument (``ticker alias add`` in another process, between two of our transactions):
        else this run would go on storing the name's quotes under the old instrument after the
        alias moved the earlier ones (issue 15.3). One query per transaction, a few dozen keys.
        On SQLite the transaction holds the write lock, so no alias can change until it commits;
        on PostgreSQL the rows are read ``FOR SHARE``, so an alias change waits for our commit
        (and then moves the quotes we stored), or we wait for its and see the new instrument."""
        cached = [(k, v) for k, v in self._instrument_ids.items() if isinstance(k, str)]
        if not cached:
            return
        keys = sorted({name_key(k) for k, _ in cached})
        if self.dialect == "sqlite":
            found = dict(_select_in(cur, "SELECT alias_key, instrument_id FROM aliases WHERE alias_key", keys))
        else:
            cur.execute("SELECT alias_key, instrument_id FROM aliases WHERE alias_key = ANY(%s) FOR SHARE", (keys,))
            found = dict(cur.fetchall())
        if any(found.get(name_key(k)) != v for k, v in cached):
            self._instrument_ids.clear()

    def _quote_params(self, cur, stored: list[tuple[Pending, int]], new_ids: dict) -> tuple[list, set[int]]:
        """SQLite: the parameters of all the quote rows of the stored pages, one flat list in
        :data:`QUOTE_ROW` order, and the instrument ids they name. Made column by column (a list
        extended per page per column, then interleaved by slice assignment): no tuple per row."""
        columns: list[list] = [[] for _ in QUOTE_ROW]
        snapshot_ids, positions, instrument_ids, names_col, values_col, changes_col, pcts_col, consistent_col, \
            lines_col = columns
        for p, snapshot_id in stored:
            names, symbols, values, changes, pcts, consistent, lines = p.parsed  # type: ignore[misc]  # rows of written pages are set
            n = len(names)
            snapshot_ids += [snapshot_id] * n
            positions += range(n)
            instrument_ids += self._instrument_ids_of(cur, names, symbols, new_ids)
            names_col += names
            values_col += values
            changes_col += changes
            pcts_col += pcts
            # sqlite3 binds an int as it is; a bool goes through its adapter look-ups first (7% of
            # the writing process's time). SQLite stores both as 1/0.
            consistent_col += map(int, consistent)
            lines_col += lines
        width = len(QUOTE_ROW)
        params: list = [None] * (width * len(snapshot_ids))
        for k, column in enumerate(columns):
            params[k::width] = column
        return params, set(instrument_ids)

    @staticmethod
    def _instruments_exist(cur, wanted: set[int]) -> bool:
        """Does every instrument in ``wanted`` exist? With SQLite's own checks off (see
        :meth:`_transaction`), this is the writer's: its snapshot ids are made in this very
        transaction, its instrument ids are looked up in it (through aliases, which may name a
        deleted instrument) or remembered from earlier ones; this checks them all. A batch names
        a few dozen instruments: one query."""
        return len(_select_in(cur, "SELECT id FROM instruments WHERE id", list(wanted))) == len(wanted)

    def _insert_quotes(self, cur, params: list) -> None:
        """SQLite: the quote rows (:meth:`_quote_params`), many to one ``INSERT … VALUES (…), (…)``:
        SQLite's per-statement work (a step, a reset) is then paid once per QUOTES_PER_INSERT
        rows, which takes ~20% off the writing process's insert time (measured against
        ``executemany`` of one-row statements). The rest goes one row a time."""
        width = len(QUOTE_ROW)
        per = self._quotes_per_insert * width  # parameters per statement
        full = len(params) - len(params) % per if per > width else 0
        for i in range(0, full, per):
            cur.execute(self._quotes_many_sql, params[i : i + per])
        if full < len(params):
            rest = iter(params[full:])
            cur.executemany(self._quotes_sql, zip(*[rest] * width))  # rows of `width` each

    def _insert_snapshots_sqlite(self, cur, pendings: list[Pending]) -> dict[str, int]:
        """SQLite: the batch holds the write lock (BEGIN IMMEDIATE), so nobody else can insert
        between our look-up and our insert: skip stored hashes and number the new rows ourselves,
        which lets the driver's executemany do the insert without RETURNING."""
        stored = {h for (h,) in _select_in(cur, "SELECT content_hash FROM snapshots WHERE content_hash",
                                           [p.row[1] for p in pendings])}  # type: ignore[index]  # rows of written pages are set
        next_id = cur.execute("SELECT coalesce(max(id), 0) + 1 FROM snapshots").fetchone()[0]
        tuples, by_hash = [], {}
        for p in pendings:  # times are text already (stored_time, in the worker)
            content_hash = p.row[1]  # type: ignore[index]  # rows of written pages are set
            if content_hash in stored:
                continue
            by_hash[content_hash] = next_id
            tuples.append((next_id, *p.row))  # type: ignore[misc]  # rows of written pages are set
            next_id += 1
        if tuples:
            cur.executemany(_insert_sql("snapshots", ("id", *SNAPSHOT_ROW), "?"), tuples)
        return by_hash

    def _insert_snapshots_returning(self, cur, first: dict[str, Pending]) -> dict[str, int]:
        """PostgreSQL: the batch's new snapshots in one ``INSERT … ON CONFLICT (content_hash) DO
        NOTHING RETURNING id, content_hash`` (stored hashes skipped, the new ids returned), in hash
        order: two writers inserting overlapping pages then lock the unique index entries in the
        same order, and cannot deadlock on each other.

        The rows reach the server by binary COPY into a temporary table of this session
        (:data:`PAGES_TABLE`, emptied at every commit and rollback), which the INSERT selects
        from: psycopg formats a COPY row in C, where query parameters go through Python per
        value. For 3,000 pages the client's CPU went from ~0.21 s to ~0.025 s, the server's from
        ~0.13 to ~0.09 (against the unnest form below). A session without the TEMPORARY
        privilege sends the same rows as one array parameter per column (``unnest``): nine
        parameters whatever the batch, one statement text; a test checks both store alike."""
        hashes = sorted(first)
        types = self._types(cur, "snapshots", SNAPSHOT_ROW)
        names = ", ".join(SNAPSHOT_ROW)
        if self._temp_allowed is None:
            cur.execute("SELECT has_database_privilege(current_database(), 'TEMPORARY')")
            self._temp_allowed = bool(cur.fetchone()[0])
        if self._temp_allowed:
            # IF NOT EXISTS: the table lives as long as the session (a new connection, or a
            # rolled-back transaction that made it, makes it again)
            cur.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {PAGES_TABLE.split('.')[1]} ON COMMIT DELETE ROWS "
                        f"AS SELECT {names} FROM snapshots WITH NO DATA")
            with cur.copy(f"COPY {PAGES_TABLE} ({names}) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(types)
                for h in hashes:
                    copy.write_row(first[h].row)
            cur.execute(f"INSERT INTO snapshots ({names}) SELECT {names} FROM {PAGES_TABLE} "
                        'ORDER BY content_hash COLLATE "C" ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash')
        else:
            columns = list(map(list, zip(*(first[h].row for h in hashes))))  # type: ignore[misc]  # lists: psycopg sends a tuple as a record
            arrays = ", ".join(f"%s::{t}[]" for t in types)
            cur.execute(f"INSERT INTO snapshots ({names}) SELECT {names} FROM unnest({arrays}) WITH ORDINALITY "
                        f"AS page({names}, n) ORDER BY n ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash",
                        columns)
        return {content_hash: snapshot_id for snapshot_id, content_hash in cur.fetchall()}

    def _types(self, cur, table: str, columns: tuple[str, ...]) -> list[str]:
        """PostgreSQL: the types of ``table``'s ``columns``, as the server reports them (read once)."""
        if table not in self._column_types:
            cur.execute("SELECT attname, atttypid::regtype::text FROM pg_attribute "
                        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped", (table,))
            types = dict(cur.fetchall())
            self._column_types[table] = [types[column] for column in columns]
        return self._column_types[table]

    def _copy_quotes(self, cur, stored: list[tuple[Pending, int]], new_ids: dict) -> None:
        """PostgreSQL: the quote rows of the stored pages in one ``COPY … FROM STDIN``. The
        server checks the foreign keys and the unique ``(snapshot_id, position)`` as for an
        INSERT; a failing row fails the COPY, and so the batch's transaction (its pages are then
        written one each, see :meth:`write`). Against ``executemany`` of one-row INSERTs in a
        pipeline, the server's per-statement work goes, and the writing process's own CPU for
        3,000 generated pages from ~0.8 to ~0.3 s (the writer alone, timed; the whole ingest in
        bench/bench_postgres.py).

        Binary format, in the column types the server reports (read once; a binary COPY must
        match them exactly): no number is formatted as text and parsed back. For 45,000 rows
        that took the client 0.12 CPU-s and the server 0.80 as text, 0.035 and 0.77 in binary."""
        rows: list[tuple] = []
        for p, snapshot_id in stored:  # every instrument id first: no other command runs during a COPY
            rows.extend(self._quote_rows(cur, snapshot_id, p.parsed, new_ids))  # type: ignore[arg-type]  # rows of written pages are set
        if rows:
            types = self._types(cur, "quotes", QUOTE_ROW)
            with cur.copy(self._quotes_copy_sql) as copy:
                copy.set_types(types)
                for row in rows:
                    copy.write_row(row)

    def _quote_rows(self, cur, snapshot_id: int, columns: tuple[tuple, ...], new_ids: dict) -> Iterator[tuple]:
        """Rows for the quotes table, in :data:`QUOTE_ROW` order, from :func:`quote_values`. A
        strip prints the same names page after page: their ids are remembered by the names
        tuple (in ``new_ids`` until the transaction commits, like every id)."""
        names, symbols, values, changes, pcts, consistent, lines = columns
        ids = self._instrument_ids_of(cur, names, symbols, new_ids)
        return zip(itertools.repeat(snapshot_id), range(len(names)), ids, names, values, changes, pcts, consistent,
                   lines)

    def _instrument_ids_of(self, cur, names: tuple[str, ...], symbols: tuple, new_ids: dict) -> tuple[int, ...]:
        """The instrument ids of a strip's names, remembered by the names tuple."""
        ids = self._instrument_ids.get(names) or new_ids.get(names)
        if ids is None:
            ids = new_ids[names] = tuple(
                self._instrument_id(cur, name, symbol, new_ids) for name, symbol in zip(names, symbols))
        return ids

    def _instrument_id(self, cur, printed: str, symbol: str | None, new_ids: dict) -> int:
        """The instrument id of a printed name. Remembered by the name as printed and by its
        alias key: one dict serves both, since a printed name that equals some alias key has
        that key as its own key (name_key is idempotent), and so the same instrument."""
        known = self._instrument_ids.get(printed) or new_ids.get(printed)
        if known is not None:
            return known
        key = name_key(printed)
        known = self._instrument_ids.get(key) or new_ids.get(key)
        if known is not None:
            new_ids[printed] = known
            return known
        m = self._mark
        lock = "" if self.dialect == "sqlite" else " FOR SHARE"  # see _recheck_aliases
        cur.execute(f"SELECT instrument_id FROM aliases WHERE alias_key = {m}{lock}", (key,))
        hit = cur.fetchone()
        if hit is not None:
            found = hit[0]
        else:
            inst = resolve(printed, symbol)
            cur.execute(f"INSERT INTO instruments (name, symbol, kind) VALUES ({m}, {m}, {m}) "
                        "ON CONFLICT (name) DO NOTHING", (inst.name, inst.symbol, inst.kind))
            cur.execute(f"SELECT id FROM instruments WHERE name = {m}", (inst.name,))
            found = cur.fetchone()[0]
            cur.execute(f"INSERT INTO aliases (alias_key, printed, instrument_id, origin) VALUES ({m}, {m}, {m}, 'seen') "
                        "ON CONFLICT (alias_key) DO NOTHING", (key, display_name(printed), found))
        new_ids[key] = new_ids[printed] = found
        return found

    # ---- reparse
    def replace_quotes(self, snapshot_id: int, market_status: str | None, values: tuple[tuple, ...]) -> None:
        """A snapshot's quotes and status, replaced in one transaction (``ticker reparse --apply``)."""
        with self._lock:
            self._replace_quotes(snapshot_id, market_status, values)

    def _replace_quotes(self, snapshot_id: int, market_status: str | None, values: tuple[tuple, ...]) -> None:
        def work(cur):
            m = self._mark
            new_ids: dict[str, int] = {}
            self._recheck_aliases(cur)
            cur.execute(f"DELETE FROM quotes WHERE snapshot_id = {m}", (snapshot_id,))
            cur.execute(f"UPDATE snapshots SET market_status = {m} WHERE id = {m}", (market_status, snapshot_id))
            if values[0]:
                cur.executemany(self._quotes_sql, self._quote_rows(cur, snapshot_id, values, new_ids))
            return new_ids

        self._instrument_ids.update(self._transaction(work))


def _interrupted(err: BaseException | None) -> bool:
    """Is Ctrl-C behind this exception (itself, or what it was raised while handling)?"""
    seen = 0
    while err is not None and seen < 20:
        if isinstance(err, KeyboardInterrupt):
            return True
        err, seen = err.__context__, seen + 1
    return False


def _select_in(cur, select: str, values: list) -> list[tuple]:
    """The rows of ``{select} IN (values)`` on SQLite, 500 values to a query (SQLite bounds the
    number of parameters)."""
    rows: list[tuple] = []
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        cur.execute(f"{select} IN ({','.join('?' * len(chunk))})", chunk)
        rows += cur.fetchall()
    return rows


def _insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
