"""Ingest: pages in, snapshots out - the hot path of ``ticker ingest``.

Two halves. :func:`prepare` reads, hashes, decodes and parses one input: everything but the
database, so that it can run in worker processes when there are many pages and more than one
core. A :class:`Writer` stores prepared pages many to a transaction (:func:`write`), through the
database driver's DB-API connection (SQLite: 500 quote rows to an INSERT, the writer checking
its own references; PostgreSQL: ``executemany`` in a pipeline): per-row parameter processing in
SQLAlchemy would cost more than SQLite's insert itself. If a batch fails, its pages are written
again one transaction each, so a bad page fails alone and every page is stored whole or not at
all.

Nothing here imports SQLAlchemy: on a SQLite store at head, :func:`open_writer` connects with
:mod:`sqlite3` (see :mod:`ticker.sqlite`), and ``ticker ingest`` never pays for the import.
Any other store is opened by :class:`ticker.Store`, which lends its engine's connection.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import os
import random
import signal
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from . import pages, sqlite
from .instruments import display_name as _display_name
from .instruments import name_key as _name_key
from .instruments import resolve
from .parser import ParsedPage, parse, parse_for_store, quote_columns

__all__ = ["PageResult", "IngestSummary", "StoreError", "Writer", "open_writer", "ingest", "prepare"]

# Pages per write transaction, and the page text per transaction at most (memory stays bounded).
BATCH_PAGES = 500
BATCH_BYTES = 32 << 20
QUOTES_PER_INSERT = 500  # rows in one SQLite INSERT (bound by SQLite's limit on parameters)
POOL_MIN_PAGES = 200  # below this, starting workers costs more than it saves
CHUNK_PAGES = 128  # pages a worker reads per task: fewer tasks, less to hand over (32: +10% CPU in the writer)
# deadlock_detected, serialization_failure: PostgreSQL aborted the transaction, retrying is safe.
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})

# Column order of the inserts (the hot path); a test checks them against ticker.schema.
SNAPSHOT_ROW = ("source", "content_hash", "captured_at", "captured_at_source", "market_status", "page_time",
                "ingested_at", "page_text")
QUOTE_ROW = ("snapshot_id", "position", "instrument_id", "name_printed", "value", "change", "change_pct",
             "consistent", "line")

# A strip prints the same few dozen names on every page: tidy each once, not once per quote.
display_name = functools.lru_cache(maxsize=8192)(_display_name)
name_key = functools.lru_cache(maxsize=8192)(_name_key)


class StoreError(Exception):
    """A store that cannot be opened or used; ``str(err)`` is one line, passwords hidden."""


class StoreUnavailable(StoreError):
    """The store itself failed (connection lost, locked past the busy timeout), not one page:
    writing the batch's pages one by one would only fail as many times again."""


@dataclass(frozen=True, slots=True)
class PageResult:
    source: str
    status: str  # stored, duplicate, no_strip, error
    quotes: int = 0
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    snapshot_id: int | None = None


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    no_strip: int = 0
    errors: int = 0
    quotes: int = 0
    warned: int = 0  # pages read, with warnings (a cut entry, a failed check, another encoding)
    failed: list[PageResult] = field(default_factory=list)

    def add(self, result: PageResult) -> None:
        if result.warnings and result.status != "error":
            self.warned += 1
        if result.status == "stored":
            self.stored += 1
            self.quotes += result.quotes
        elif result.status == "duplicate":
            self.duplicates += 1
        elif result.status == "no_strip":
            self.no_strip += 1
        else:
            self.errors += 1
            self.failed.append(result)


@dataclass(slots=True)
class _Pending:
    """A page between parsing and writing: its (provisional) result, snapshot row and quotes."""

    result: PageResult
    row: tuple | None = None  # the snapshots row, in SNAPSHOT_ROW order
    parsed: tuple[tuple, ...] | None = None  # quote_values() of the page


# ---------------------------------------------------------------- the part before the database
# Module-level functions, so that worker processes can run them.


def _utcnow() -> datetime:
    return datetime.now(UTC)


def prepare(item, *, at: datetime | None = None, strict: bool = False,
            now: Callable[[], datetime] = _utcnow, stored_time: Callable | None = None) -> _Pending:
    """Read and parse one input (a :class:`pages.PageInput` or :class:`pages.BadInput`).

    ``stored_time`` turns the snapshot's times into what the database stores (the writer's
    :attr:`Writer.stored_time`), here in the worker rather than in the writing process.
    """
    if isinstance(item, pages.BadInput):
        return _Pending(PageResult(item.source, "error", reason=item.reason))
    try:
        page = pages.load(item)
    except pages.PageError as err:
        return _Pending(PageResult(item.source, "error", reason=str(err)))
    return prepare_loaded(page, at=at, strict=strict, now=now(), stored_time=stored_time)


def prepare_loaded(page: pages.LoadedPage, *, at, strict: bool, now: datetime,
                   stored_time: Callable | None = None) -> _Pending:
    parsed, columns = parse_for_store(page.text, strict=strict)
    warnings = (*page.notes, *parsed.warnings)
    count = len(columns[0])
    if not count:
        return _Pending(PageResult(page.source, "no_strip", warnings=warnings))
    captured_at, origin = pages.capture_time(
        at=at, page_time=parsed.page_time, name_time=page.name_time, mtime=page.mtime, now=now
    )
    page_time = parsed.page_time
    if stored_time is not None:
        captured_at, page_time, now = stored_time(captured_at), stored_time(page_time), stored_time(now)
    row = (page.source, page.content_hash, captured_at, origin, parsed.market_status, page_time, now,
           compress_text(page.text, page.utf8))
    return _Pending(PageResult(page.source, "stored", count, warnings=warnings), row, _for_writer(columns))


_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


@functools.cache
def _zstd():
    import zstandard

    return zstandard.ZstdCompressor(level=1), zstandard.ZstdDecompressor()


def compress_text(text: str, utf8: bytes | None = None) -> bytes:
    """A page's text as stored: UTF-8, zstd level 1 (a few µs a page; zlib took 3x as long).
    ``utf8``: the text's UTF-8 bytes, when the caller has them (the file's own bytes).

    >>> decompress_text(compress_text("Nikkei 40,074.69"))
    'Nikkei 40,074.69'
    """
    return _zstd()[0].compress(text.encode("utf-8") if utf8 is None else utf8)


def decompress_text(blob: bytes) -> str:
    """The text of a stored page: zstd, or zlib (stores written by earlier versions of ticker).

    >>> decompress_text(zlib.compress("Dow".encode()))
    'Dow'
    """
    if blob[:4] == _ZSTD_MAGIC:
        return _zstd()[1].decompress(blob).decode("utf-8")
    return zlib.decompress(blob).decode("utf-8")


def quote_values(parsed: ParsedPage) -> tuple[tuple, ...]:
    """A parsed page's quotes as the writer takes them: :func:`ticker.parse.quote_columns` - plain
    values, cheap to send back from a worker process, that the writer zips into rows in C - with
    the names tidied for display.

    >>> quote_values(parse("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n"))
    (('Nikkei',), (None,), (40074.69,), (443.63,), (1.12,), (True,), (1,))
    """
    return _for_writer(quote_columns(parsed.quotes))


def _for_writer(columns: tuple[tuple, ...]) -> tuple[tuple, ...]:
    names, *rest = columns
    return (tuple(map(display_name, names)), *rest)


def prepared(inputs, prepare_one, workers: int | None) -> Iterator[_Pending]:
    """prepare_one(item) for every input, in order; in worker processes when there are many pages.

    Inputs are consumed as they come and at most ``workers`` × 512 pages (4 chunks each) are in flight, so memory
    does not grow with the number of pages.
    """
    it = iter(inputs)
    head = list(itertools.islice(it, POOL_MIN_PAGES))
    if workers is None:
        workers = (os.cpu_count() or 1) if len(head) >= POOL_MIN_PAGES else 1
    if workers <= 1:
        yield from map(prepare_one, itertools.chain(head, it))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    window = workers * 4  # chunks in flight (~1,000 pages): workers keep parsing while a batch is written
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                               initargs=(os.getpid(),))
    try:
        in_flight: collections.deque = collections.deque()
        started = False
        for chunk in _chunks(itertools.chain(head, it), CHUNK_PAGES):
            if isinstance(chunk, list):
                if not started:  # the first submit forks the workers
                    with _sigint_blocked():
                        in_flight.append(pool.submit(_prepare_chunk, prepare_one, chunk))
                    started = True
                else:
                    in_flight.append(pool.submit(_prepare_chunk, prepare_one, chunk))
            else:  # stdin or a pipe, read by this process; its place in the order is kept
                in_flight.append([prepare_one(chunk)])
            while len(in_flight) > window:
                yield from _results(in_flight.popleft())
        while in_flight:
            yield from _results(in_flight.popleft())
    except BaseException:  # Ctrl-C, a failed write, a consumer that stopped: drop queued work
        # Workers finish the chunk in hand and stop: they read regular files only (pipes are
        # read here, see _chunks), so that takes moments. Killing them instead can leave half a
        # result in the pool's pipe, and its thread waiting for the rest forever; not waiting
        # races the interpreter's exit hook against the pool's thread (Python 3.11: EBADF).
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


def _chunks(items, size: int):
    """Lists of up to ``size`` file inputs; stdin, a pipe or a device alone, as itself: those are
    read in this process, where Ctrl-C can interrupt a read that waits for a writer."""
    chunk = []
    for item in items:
        if type(item) is pages.PageInput and (item.path is None or not item.regular):
            if chunk:
                yield chunk
                chunk = []
            yield item
            continue
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(done) -> list[_Pending]:
    if isinstance(done, list):
        return done
    return [_Pending(PageResult(*result), row, parsed) for *result, row, parsed in done.result()]


@contextlib.contextmanager
def _sigint_blocked():
    """Hold back Ctrl-C while the workers are forked: a worker must not see it before it has
    set itself to ignore it (:func:`_worker_init`). This process gets it right after."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _worker_init(parent_pid: int) -> None:
    """A worker dies with the ingest that started it. Killed with SIGKILL, the parent cannot tell
    its workers to stop, and they would wait for work forever, holding its stdout and stderr open
    (a ``ticker ingest | tee log`` would never end)."""
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)
    # Ctrl-C reaches the whole process group. The parent handles it and stops the pool; a worker
    # interrupted while it holds the result queue's lock would leave the others (and the parent's
    # shutdown) waiting on that lock forever. (Forked with SIGINT blocked: see _sigint_blocked.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    def watch() -> None:  # elsewhere (and as a second line of defence): poll for the parent
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="ticker-parent-watch", daemon=True).start()


def _prepare_chunk(prepare_one, items) -> list[tuple]:
    # Plain tuples back to the parent: they pickle in half the time of the dataclasses.
    packed = []
    for item in items:
        p = prepare_one(item)
        r = p.result
        packed.append((r.source, r.status, r.quotes, r.reason, r.warnings, p.row, p.parsed))
    return packed


# ---------------------------------------------------------------- the database


class Writer:
    """Writes prepared pages to a store through a DB-API connection (``sqlite3`` or psycopg).

    ``label`` names the store in messages (no password); ``driver_error`` is the driver's base
    exception class; ``reconnect`` (if given) makes a new connection when the server dropped
    this one (a restart, an idle timeout); ``on_close`` runs after the connection is closed.
    """

    def __init__(self, conn, dialect: str, *, label: str, driver_error: type[Exception],
                 reconnect: Callable[[], object] | None = None, on_close: Callable[[], None] | None = None) -> None:
        self.conn = conn
        self._reconnect = reconnect
        self.dialect = dialect
        self.label = label
        self.driver_error = driver_error
        self._on_close = on_close
        # printed name or alias key -> instruments.id, and a strip's names tuple -> their ids;
        # committed rows only
        self._instrument_ids: dict = {}
        # How times are stored: SQLite keeps UTC text (the form SQLAlchemy writes), psycopg
        # takes datetimes. Applied by prepare(), in the workers.
        self.stored_time = sqlite.stored_time if dialect == "sqlite" else None
        mark = "?" if dialect == "sqlite" else "%s"
        self._mark = mark
        self._quotes_sql = _insert_sql("quotes", QUOTE_ROW, mark)
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
        if self.conn is not None:
            try:
                self.conn.close()
            except self.driver_error:
                pass  # already gone
            self.conn = None
        if self._on_close is not None:
            self._on_close()
            self._on_close = None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def forget(self) -> None:
        """Drop the remembered instrument ids (an alias was moved to another instrument)."""
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
                    raise StoreUnavailable(_one_line(self.label, err)) from None
                if "database is locked" in str(err):
                    raise StoreUnavailable(_one_line(self.label, err)) from None
                raise StoreError(_one_line(self.label, err)) from None
            except (UnicodeError, OverflowError) as err:  # a value the driver cannot take: this page's
                self._rollback()
                raise StoreError(f"cannot store this page: {err}".splitlines()[0]) from None
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
    def write(self, batch: list[_Pending]) -> list[PageResult]:
        """Store the batch's pages in one transaction (one each if that fails); results in order."""
        writes = [p for p in batch if p.row is not None]
        if writes:
            try:
                ids = self._store(writes)
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
                    p.result = PageResult(r.source, "stored", r.quotes, warnings=r.warnings, snapshot_id=snapshot_id)
        return [p.result for p in batch]

    def _store(self, writes: list[_Pending]) -> list[int | None]:
        ids, new_ids = self._transaction(self._write_many, writes, own_checks=True)
        # Only ids of committed rows are remembered: a rolled-back batch must not leave ids behind.
        self._instrument_ids.update(new_ids)
        return ids

    def _write_many(self, cur, writes: list[_Pending]) -> tuple[list[int | None], dict[str, int]]:
        """Snapshots and all of their quotes: the snapshot ids (None for a duplicate), and the
        instrument ids this transaction made or looked up."""
        new_ids: dict[str, int] = {}
        first: dict[str, _Pending] = {}
        for p in writes:  # the same bytes twice in one batch: the first is stored
            first.setdefault(p.row[1], p)
        if self.dialect == "sqlite":
            by_hash = self._insert_snapshots_sqlite(cur, list(first.values()))
        else:
            by_hash = self._insert_snapshots_returning(cur, first)
        ids = [by_hash.get(h) if first[h] is p else None for p, h in ((p, p.row[1]) for p in writes)]
        stored = [(p, snapshot_id) for p, snapshot_id in zip(writes, ids) if snapshot_id is not None]
        if self.dialect != "sqlite":
            rows: list[tuple] = []
            for p, snapshot_id in stored:
                rows.extend(self._quote_rows(cur, snapshot_id, p.parsed, new_ids))
            if rows:
                cur.executemany(self._quotes_sql, rows)
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

    def _quote_params(self, cur, stored: list[tuple[_Pending, int]], new_ids: dict) -> tuple[list, set[int]]:
        """SQLite: the parameters of all the quote rows of the stored pages, one flat list in
        :data:`QUOTE_ROW` order, and the instrument ids they name. Made column by column (a list
        extended per page per column, then interleaved by slice assignment): no tuple per row."""
        columns: list[list] = [[] for _ in QUOTE_ROW]
        snapshot_ids, positions, instrument_ids, names_col, values_col, changes_col, pcts_col, consistent_col, \
            lines_col = columns
        for p, snapshot_id in stored:
            names, symbols, values, changes, pcts, consistent, lines = p.parsed
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

    def _insert_snapshots_sqlite(self, cur, pendings: list[_Pending]) -> dict[str, int]:
        """SQLite: the batch holds the write lock (BEGIN IMMEDIATE), so nobody else can insert
        between our look-up and our insert: skip stored hashes and number the new rows ourselves,
        which lets the driver's executemany do the insert without RETURNING."""
        stored = {h for (h,) in _select_in(cur, "SELECT content_hash FROM snapshots WHERE content_hash",
                                           [p.row[1] for p in pendings])}
        next_id = cur.execute("SELECT coalesce(max(id), 0) + 1 FROM snapshots").fetchone()[0]
        tuples, by_hash = [], {}
        for p in pendings:  # times are text already (stored_time, in the worker)
            content_hash = p.row[1]
            if content_hash in stored:
                continue
            by_hash[content_hash] = next_id
            tuples.append((next_id, *p.row))
            next_id += 1
        if tuples:
            cur.executemany(_insert_sql("snapshots", ("id", *SNAPSHOT_ROW), "?"), tuples)
        return by_hash

    def _insert_snapshots_returning(self, cur, first: dict[str, _Pending]) -> dict[str, int]:
        """PostgreSQL: skip stored hashes with ON CONFLICT, the new ids from RETURNING. In hash
        order: two writers inserting overlapping pages then lock the unique index entries in the
        same order, and cannot deadlock on each other."""
        sql = (_insert_sql("snapshots", SNAPSHOT_ROW, "%s")
               + " ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash")
        rows = [first[h].row for h in sorted(first)]
        by_hash: dict[str, int] = {}
        cur.executemany(sql, rows, returning=True)  # psycopg 3: one round trip per pipeline
        while True:
            for snapshot_id, content_hash in cur.fetchall():
                by_hash[content_hash] = snapshot_id
            if not cur.nextset():
                break
        return by_hash

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
        cur.execute(f"SELECT instrument_id FROM aliases WHERE alias_key = {m}", (key,))
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
        def work(cur):
            m = self._mark
            new_ids: dict[str, int] = {}
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


def _one_line(label: str, err: Exception) -> str:
    detail = (str(err).strip().splitlines() or [err.__class__.__name__])[0]
    if "file is not a database" in detail:
        detail = "the file is not a SQLite database"
    return f"{label}: {detail}"


# ---------------------------------------------------------------- the whole run


def open_writer(db: str | os.PathLike | None = None) -> Writer:
    """A writer for the store ``db`` names (as ``--db`` does), brought to head first.

    A SQLite file that is new or at head is written with :mod:`sqlite3` alone; anything else is
    opened by :class:`ticker.Store` (SQLAlchemy, migrations), which lends its connection.
    Raises :class:`StoreError` with a one-line reason.
    """
    import sqlite3

    path = sqlite.file_target(db)
    if path is not None:
        conn = sqlite.open_current(path)
        if conn is not None:
            label = f"sqlite:///{path.resolve()}"  # as Store names it in its messages
            return Writer(conn, "sqlite", label=label, driver_error=sqlite3.Error)
    from .store import Store

    store = Store(db)
    return store.writer(on_close=store.close)


def ingest(
    writer: Writer,
    inputs: Iterable[pages.PageInput | pages.BadInput],
    *,
    at: datetime | None = None,
    strict: bool = False,
    now: Callable[[], datetime] | None = None,
    batch_pages: int = BATCH_PAGES,
    workers: int | None = None,
) -> Iterator[PageResult]:
    """Ingest pages, yielding a :class:`PageResult` for each, in input order.

    Pages are written ``batch_pages`` to a transaction (see :meth:`Writer.write`). Reading and
    parsing run in ``workers`` processes (default: one per core when there are many pages)
    while this process writes.
    """
    batch: list[_Pending] = []
    batch_bytes = 0
    prepare_one = functools.partial(prepare, at=at, strict=strict, now=now or _utcnow,
                                    stored_time=writer.stored_time)
    for pending in prepared(inputs, prepare_one, workers):
        batch.append(pending)
        if pending.row is not None:
            batch_bytes += len(pending.row[-1])
        if len(batch) >= batch_pages or batch_bytes >= BATCH_BYTES:
            yield from writer.write(batch)
            batch, batch_bytes = [], 0
    yield from writer.write(batch)
