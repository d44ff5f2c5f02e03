"""Ingest: pages in, snapshots out - the hot path of ``ticker ingest``.

:func:`prepare` reads, hashes, decodes and parses one input: everything but the database, so
that it can run in worker processes when there are many pages and more than one core;
:func:`ingest` hands the prepared pages, in batches, to a :class:`ticker.db.writer.Writer`
while the workers go on parsing. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime

from . import pages
from .db.open import open_writer
from .db.textstore import compress_text, decompress_text
from .db.writer import Pending, Writer, display_name
from .parser import ParsedPage, parse, parse_for_store, quote_columns
from .records import PageResult, ReparseResult

__all__ = ["Writer", "open_writer", "ingest", "prepare", "quote_values"]

# Pages per write transaction, and the page text per transaction at most (memory stays bounded).
BATCH_PAGES = 500
BATCH_BYTES = 32 << 20
POOL_MIN_PAGES = 200  # below this, starting workers costs more than it saves
CHUNK_PAGES = 128  # pages a worker reads per task: fewer tasks, less to hand over (32: +10% CPU in the writer)
# Real-size pages (2 MB of HTML: ~50 ms each to read and parse) pay for workers long before 200
# pages, and 128 of them would be one task for one worker: the first pages' sizes decide too.
POOL_MIN_BYTES = 16 << 20
CHUNK_BYTES = 2 << 20  # ~1 real-size HTML page a task: the last tasks end together


# ---------------------------------------------------------------- the part before the database
# Module-level functions, so that worker processes can run them.


def _utcnow() -> datetime:
    return datetime.now(UTC)


def prepare(item, *, at: datetime | None = None, strict: bool = False,
            now: Callable[[], datetime] = _utcnow, stored_time: Callable | None = None) -> Pending:
    """Read and parse one input (a :class:`pages.PageInput` or :class:`pages.BadInput`).

    ``stored_time`` turns the snapshot's times into what the database stores (the writer's
    :attr:`Writer.stored_time`), here in the worker rather than in the writing process.
    """
    if isinstance(item, pages.BadInput):
        return Pending(PageResult(item.source, "error", reason=item.reason))
    try:
        page = pages.load(item)
    except pages.PageError as err:
        return Pending(PageResult(item.source, "error", reason=str(err)))
    return prepare_loaded(page, at=at, strict=strict, now=now(), stored_time=stored_time)


def prepare_loaded(page: pages.LoadedPage, *, at, strict: bool, now: datetime,
                   stored_time: Callable | None = None, url: str | None = None) -> Pending:
    parsed, columns = parse_for_store(page.text, strict=strict)
    warnings = (*page.notes, *parsed.warnings)
    count = len(columns[0])
    if not count:
        return Pending(PageResult(page.source, "no_strip", warnings=warnings))
    captured_at, origin = pages.capture_time(
        at=at, page_time=parsed.page_time, name_time=page.name_time, mtime=page.mtime, now=now,
        header_time=page.header_time, header_origin=page.header_origin,
    )
    page_time = parsed.page_time
    if stored_time is not None:
        captured_at, page_time, now = stored_time(captured_at), stored_time(page_time), stored_time(now)
    if url is None:
        url = getattr(page, "url", None)  # where the loader found one (a WARC header, og:url)
    row = (page.source, page.content_hash, captured_at, origin, parsed.market_status, page_time, now,
           compress_text(page.text, page.utf8), url)
    return Pending(PageResult(page.source, "stored", count, warnings=warnings, time_from=origin), row,
                   _for_writer(columns))

def quote_values(parsed: ParsedPage) -> tuple[tuple, ...]:
    """A parsed page's quotes as the writer takes them: :func:`ticker.parser.quote_columns` - plain
    values, cheap to send back from a worker process, that the writer zips into rows in C - with
    the names tidied for display.

    >>> quote_values(parse("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n"))
    (('Nikkei',), (None,), (40074.69,), (443.63,), (1.12,), (True,), (1,))
    """
    return _for_writer(quote_columns(parsed.quotes))


def _for_writer(columns: tuple[tuple, ...]) -> tuple[tuple, ...]:
    names, *rest = columns
    return (tuple(map(display_name, names)), *rest)


def prepared(inputs, prepare_one, workers: int | None) -> Iterator[Pending]:
    """prepare_one(item) for every input, in order; in worker processes when there are many pages.

    Inputs are consumed as they come and at most ``workers`` × 512 pages (4 chunks each) are in flight, so memory
    does not grow with the number of pages.
    """
    it = iter(inputs)
    head = list(itertools.islice(it, POOL_MIN_PAGES))
    head_bytes = _file_bytes(head)
    if workers is None:
        many = len(head) >= POOL_MIN_PAGES or head_bytes >= POOL_MIN_BYTES
        workers = (os.cpu_count() or 1) if many else 1
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
        chunk_pages = CHUNK_PAGES if not head_bytes else max(1, min(CHUNK_PAGES, CHUNK_BYTES * len(head) // head_bytes))
        for chunk in _chunks(itertools.chain(head, it), chunk_pages):
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


def _file_bytes(items) -> int:
    """The size of the page files among ``items``: an archive's (zip, WARC) once for its pages
    there, pipes not counted."""
    total = 0
    archives = set()
    for item in items:
        if type(item) is pages.PageInput and item.regular and item.path is not None:
            if item.member is not None:
                if item.path in archives:
                    continue
                archives.add(item.path)
            try:
                total += os.stat(item.path).st_size
            except OSError:
                pass  # load() will say what is wrong with it
    return total


def _chunks(items, size: int):
    """Lists of up to ``size`` file inputs; stdin, a pipe or a device alone, as itself: those are
    read in this process, where Ctrl-C can interrupt a read that waits for a writer."""
    chunk: list = []
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


def _results(done) -> list[Pending]:
    if isinstance(done, list):
        return done
    return [Pending(PageResult(*result), row, parsed) for *result, row, parsed in done.result()]


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

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            libc = None
        _keep_freed_memory(libc)
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


# glibc (Linux) by default hands a freed block of a few MiB back to the kernel, and the next page
# faults the same memory in again: a 2 MB HTML page's buffers, its decoded text and lexbor's tree
# cost ~1,100 page faults, 4-5 ms of system time a page (-> 39 faults, ~1 ms). Kept instead, the
# peak is the same, and between pages a worker holds what its largest page needed (the cap on a
# page: 16 MiB of HTML).
_MMAP_THRESHOLD = 32 << 20  # (as far as glibc raises it by itself on 64-bit systems)
_TRIM_THRESHOLD = 64 << 20


def _keep_freed_memory(libc) -> None:
    """Have glibc's malloc keep freed memory for the next page (see above); elsewhere, nothing."""
    mallopt = getattr(libc, "mallopt", None)  # (musl has none)
    if mallopt is None:
        return
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
    mallopt(M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    mallopt(M_TRIM_THRESHOLD, _TRIM_THRESHOLD)


def _prepare_chunk(prepare_one, items) -> list[tuple]:
    # Plain tuples back to the parent: they pickle in half the time of the dataclasses.
    packed = []
    for item in items:
        p = prepare_one(item)
        r = p.result
        packed.append((r.source, r.status, r.quotes, r.reason, r.warnings, r.snapshot_id, r.time_from, p.row, p.parsed))
    return packed

def prepare_text(text: str, *, source: str = "<text>", at: datetime | None = None, strict: bool = False,
                 stored_time: Callable | None = None, url: str | None = None) -> Pending:
    """:func:`prepare` for a page already in hand as text (a notebook's, a scraper's)."""
    import hashlib

    page = pages.LoadedPage(source, text, hashlib.sha256(text.encode()).hexdigest(), None, "utf-8")
    return prepare_loaded(page, at=at, strict=strict, now=datetime.now(UTC), stored_time=stored_time, url=url)


def reparse(snapshot_id: int, page: tuple[str, str | None, bytes | None], old: list[tuple], *,
            strict: bool = False) -> tuple[ReparseResult, ParsedPage | None]:
    """The current parser over a stored page ((source, market_status, page_text)) against its
    stored quotes ((name_printed, value, change, change_pct) in page order): what changed, and
    the new parse when something did (to store)."""
    source, status, blob = page
    if blob is None:
        return ReparseResult(snapshot_id, source, "no_text"), None
    parsed = parse(decompress_text(blob), strict=strict)
    new = [(display_name(q.name), float(q.value), float(q.change), float(q.change_pct)) for q in parsed.quotes]
    if new == old and parsed.market_status == status:
        return ReparseResult(snapshot_id, source, "same"), None
    removed = [q for q in old if q not in new]
    added = [q for q in new if q not in old]
    return ReparseResult(snapshot_id, source, "changed", tuple(removed), tuple(added), status,
                         parsed.market_status), parsed


# ---------------------------------------------------------------- the whole run


def ingest(
    writer: Writer,
    inputs: Iterable[pages.PageInput | pages.BadInput],
    *,
    at: datetime | None = None,
    strict: bool = False,
    now: Callable[[], datetime] | None = None,
    batch_pages: int = BATCH_PAGES,
    workers: int | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[PageResult]:
    """Ingest pages, yielding a :class:`PageResult` for each, in input order.

    Pages are written ``batch_pages`` to a transaction (see :meth:`Writer.write`). Reading and
    parsing run in ``workers`` processes (default: one per core when there are many pages)
    while this process writes. ``on_bytes(n)`` is told, before each result is yielded and once
    at the end, how many bytes of the input files are through (see :class:`BytesThrough`; the
    whole is :func:`ticker.pages.input_bytes`).
    """
    through = BytesThrough(on_bytes) if on_bytes is not None else None
    if through is not None:
        inputs = through.listed(inputs)
    batch: list[Pending] = []
    batch_bytes = 0
    prepare_one = functools.partial(prepare, at=at, strict=strict, now=now or _utcnow,
                                    stored_time=writer.stored_time)
    for pending in prepared(inputs, prepare_one, workers):
        batch.append(pending)
        if pending.row is not None:
            batch_bytes += len(pending.row[7])  # the compressed page text (SNAPSHOT_ROW)
        if len(batch) >= batch_pages or batch_bytes >= BATCH_BYTES:
            yield from _told(writer.write(batch), through)
            batch, batch_bytes = [], 0
    yield from _told(writer.write(batch), through)
    if through is not None:
        through.finished()


def _told(results: list[PageResult], through: BytesThrough | None) -> Iterator[PageResult]:
    for result in results:
        if through is not None:
            through.page_out()
        yield result


class BytesThrough:
    """Bytes of the input files through the ingest, as their pages' results come out (in input
    order), for a progress bar: a page file's size (compressed, as on disk) once its result is
    out; in a web archive the offset of the next page record (the compressed offset in a
    ``.warc.gz``: everything before it is read), the archive's size once its last page is out; a
    zip's size once its last member is out. Never less than it said before. Pipes count nothing.
    """

    def __init__(self, report: Callable[[int], None]):
        self.report = report
        self.queued: collections.deque = collections.deque()  # inputs listed, results not yet out
        self.files = 0  # bytes of the files done
        self.archive: str | None = None  # the archive being read, and how far
        self.archive_size = 0
        self.within = 0

    def listed(self, inputs):
        for item in inputs:
            self.queued.append(item)
            yield item

    def page_out(self) -> None:
        item = self.queued.popleft()
        if type(item) is pages.PageInput and item.path is not None and item.regular:  # not stdin, a pipe, a bad argument
            self._through(item, os.fspath(item.path))
        self.report(self.files + self.within)

    def _through(self, item: pages.PageInput, path: str) -> None:
        member = item.member
        if member is None:
            self._archive_done()
            self.files += _size(path)
        else:
            if self.archive != path or (isinstance(member, int) and member < self.within):  # another, or again
                self._archive_done()
                self.archive, self.archive_size, self.within = path, _size(path), 0
            after = self.queued[0] if self.queued else None
            if after is None:  # not listed yet: this record's start, at least
                if isinstance(member, int):
                    self.within = max(self.within, min(member, self.archive_size))
            elif _later_page(after, path, member):
                if isinstance(after.member, int):
                    self.within = max(self.within, min(after.member, self.archive_size))
            else:  # the archive's last page
                self._archive_done()

    def finished(self) -> None:
        self._archive_done()
        self.report(self.files)

    def _archive_done(self) -> None:
        if self.archive is not None:
            self.files += self.archive_size
            self.archive, self.archive_size, self.within = None, 0, 0


def _later_page(after, path: str, member: int | str) -> bool:
    """Whether the input ``after`` is a later page of the archive at ``path``."""
    if type(after) is not pages.PageInput or after.member is None or after.path is None or os.fspath(after.path) != path:
        return False
    return not isinstance(member, int) or (isinstance(after.member, int) and after.member > member)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
