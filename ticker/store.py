"""The notebook façade: :class:`Store` (what ``ticker.connect()`` gives), whose methods delegate.

Reads are :mod:`ticker.db.queries` (the same SQL as the command line's pandas-free path), made
into typed DataFrames by :mod:`ticker.frames`; writes go through :mod:`ticker.ingest` and the
writer; the engine, its settings and its errors are :mod:`ticker.db.engine`'s.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from . import analysis, frames, ingest, pages
from .db import doctor, migrate, queries
from .db import engine as db_engine
from .db.engine import make_engine
from .db.location import DEFAULT_DB, database_url, safe_url
from .db.writer import Writer
from .errors import BadArgument, StoreError, UnknownInstrument
from .instruments import builtin_aliases, display_name, lookup, name_key, resolve
from .records import DoctorReport, IngestSummary, PageResult, ReparseResult

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_DB", "Store", "StoreError", "UnknownInstrument", "PageResult", "IngestSummary", "ReparseResult",
           "make_engine"]

Time = str | date | datetime | None


def _need_name(name, what: str = "name") -> None:
    if not isinstance(name, str):
        raise BadArgument(f"{what}: an instrument name (text), not {name!r}")


class Store:
    """A ticker store: a SQLite file (default ``data/ticker.db``) or any SQLAlchemy URL.

    ``create=False`` (every read command) refuses to make a store that is not there yet: no
    file, no folder, no schema in an empty database (:class:`StoreError`, "no store at …").

    >>> store = Store(":memory:")
    >>> store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n", source="note")
    PageResult(source='note', status='stored', quotes=1, reason=None, warnings=(), snapshot_id=1, time_from='now')
    >>> store.series("nikkei")[["value", "change", "change_pct"]].to_dict("records")
    [{'value': 40074.69, 'change': 443.63, 'change_pct': 1.12}]
    """

    def __init__(
        self, url_or_path: str | os.PathLike | None = None, *, migrate_on_open: bool = True, create: bool = True,
        verify: bool = True,
    ):
        self.url = database_url(url_or_path)
        if not create:
            db_engine.require_existing(self.url)
        # verify: refuse a damaged SQLite file (ticker.db.health); doctor opens it to say why
        self.engine = make_engine(self.url, verify=verify, create=create)
        self._writer: Writer | None = None
        self._writer_lock = threading.Lock()  # threads sharing the store share one writer (made once)
        if migrate_on_open:
            if not create:  # an empty database (PostgreSQL's, an empty file) gets no schema from a read
                self._guard(migrate.require_store, self.engine, safe_url(self.url))
            self._guard(migrate.ensure_current, self.engine)

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _guard(self, fn, *args, **kwargs):
        """Run a database call, turning driver errors into one-line StoreErrors (no passwords)."""
        return db_engine.guard(self.url, fn, *args, **kwargs)

    def _read(self, read, *args, **kwargs):
        """``read(connection, …)`` of :mod:`ticker.db.queries` on a connection of the engine."""

        def run():
            with self.engine.connect() as conn:
                return read(conn, *args, **kwargs)

        return self._guard(run)

    # ---------------------------------------------------------------- ingest

    def writer(self) -> Writer:
        """The store's :class:`ticker.ingest.Writer`, on a connection of its engine (made once)."""
        with self._writer_lock:
            if self._writer is None:
                self._writer = db_engine.writer_on(self.engine, self.url)
        return self._writer

    def iter_ingest(self, inputs: Iterable[pages.PageInput | pages.BadInput], **options) -> Iterator[PageResult]:
        """Ingest pages, yielding a :class:`PageResult` for each, in input order.

        Options as :func:`ticker.ingest.ingest`: ``at``, ``strict``, ``now``, ``batch_pages``,
        ``workers``. Pages are written many to a transaction; a page is stored whole or not at all.
        """
        yield from ingest.ingest(self.writer(), inputs, **options)

    def ingest(self, paths: Iterable[str] | str, *, recursive: bool = False, **options) -> IngestSummary:
        """Ingest files, folders (``recursive`` for subfolders) or ``"-"`` for stdin.

        Bad inputs are counted in the summary (``summary.failed``); they never stop the others.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [os.fspath(paths)]
        elif paths is None or isinstance(paths, bytes):
            raise BadArgument(f"paths: a file, a folder, '-' or a list of them, not {paths!r}")
        summary = IngestSummary()
        for result in self.iter_ingest(pages.expand(paths, recursive=recursive), **options):
            summary.add(result)
        return summary

    def ingest_text(
        self, text: str, *, source: str = "<text>", at: datetime | None = None, strict: bool = False,
        url: str | None = None,
    ) -> PageResult:
        """Ingest a page already in hand as text (a notebook's, a scraper's); ``url`` is where it came from."""
        writer = self.writer()
        [result] = writer.write([ingest.prepare_text(text, source=source, at=at, strict=strict,
                                                     stored_time=writer.stored_time, url=url)])
        return result

    # ---------------------------------------------------------------- reparse

    def reparse(self, *, apply: bool = False, strict: bool = False) -> Iterator[ReparseResult]:
        """Run the current parser over every snapshot's stored page text and say what changed.

        With ``apply``, a changed snapshot's quotes and status are replaced, one transaction each.
        """
        for snapshot_id in self._read(queries.snapshot_ids):
            yield self._guard(self._reparse_one, snapshot_id, apply, strict)

    def _reparse_one(self, snapshot_id: int, apply: bool, strict: bool) -> ReparseResult:
        with self.engine.connect() as conn:
            page = queries.stored_page(conn, snapshot_id)
            old = queries.stored_quotes(conn, snapshot_id)
        result, parsed = ingest.reparse(snapshot_id, page, old, strict=strict)
        if apply and parsed is not None:
            self.writer().replace_quotes(snapshot_id, parsed.market_status, ingest.quote_values(parsed))
        return result

    # ---------------------------------------------------------------- instruments and aliases

    def find_instrument(self, name: str) -> dict:
        """The instrument a name means (any case and spacing, any alias or symbol).

        Raises :class:`UnknownInstrument` listing the closest known names.
        """
        _need_name(name)
        found = self._read(queries.find_instrument, name)
        if found is None:
            raise UnknownInstrument(name, self._read(queries.suggestions, name))
        return dict(zip(("id", "name", "symbol", "kind"), found))

    def add_alias(self, printed: str, canonical: str, *, create: bool = False) -> dict:
        """Map a printed name to an instrument (``ticker alias add``): a stored one, or one of the
        shipped table; an unknown ``canonical`` name is refused (:class:`UnknownInstrument`, a typo
        would make a new instrument) unless ``create``.

        Quotes already stored under the printed name move to the instrument too. Gives the
        target (id, name, symbol, kind), ``previous`` (the instrument the alias meant, or None)
        and ``moved`` (how many quotes moved).
        """
        _need_name(printed, "printed")
        _need_name(canonical, "canonical")
        try:
            target_id = self.find_instrument(canonical)["id"]
        except UnknownInstrument as unknown:
            if lookup(canonical) is None and not create:
                import difflib

                shipped = {name_key(i.name): i.name for i in builtin_aliases().values()}
                close = [shipped[k] for k in difflib.get_close_matches(name_key(canonical), list(shipped), n=3, cutoff=0.6)]
                suggestions = list(dict.fromkeys(unknown.suggestions + close))[:5]
                raise UnknownInstrument(canonical, suggestions, "--create makes it a new instrument") from None
            target_id = None
        inst = resolve(canonical)

        def run():
            with self.engine.connect().execution_options(ticker_write=True) as conn, conn.begin():
                return queries.set_alias(conn, name_key(printed), display_name(printed),
                                         (inst.name, inst.symbol, inst.kind), target_id)

        target, previous, moved = self._guard(run)
        if self._writer is not None:
            self._writer.forget()
        return {**dict(zip(("id", "name", "symbol", "kind"), target)), "previous": previous, "moved": moved}

    def aliases(self) -> pd.DataFrame:
        """Every alias: printed name, instrument, symbol, origin (``seen`` on a page, or ``user``)
        and the number of quotes stored under that printed name."""
        return frames.frame(self._read(queries.aliases), queries.ALIASES)

    def remove_alias(self, printed: str) -> dict:
        """Forget a printed name (``ticker alias remove``); its stored quotes stay with their
        instrument, and a page printing it again is named by the shipped table. Gives (printed,
        instrument, origin) of what was removed; :class:`UnknownInstrument` if there is no such alias."""

        def run():
            with self.engine.connect().execution_options(ticker_write=True) as conn, conn.begin():
                return queries.remove_alias(conn, name_key(printed))

        removed = self._guard(run)
        if removed is None:
            raise UnknownInstrument(printed, self._read(queries.suggestions, printed), "`ticker alias list` shows them")
        if self._writer is not None:
            self._writer.forget()
        return dict(zip(("printed", "instrument", "origin"), removed))

    # ---------------------------------------------------------------- queries (DataFrames)

    def series(self, name: str, *, since: Time = None, until: Time = None, last: int | None = None,
               site: str | None = None) -> pd.DataFrame:
        """One instrument's quotes over time, indexed by ``captured_at`` (tz-aware UTC), oldest first.

        Columns: value, change, change_pct (float64), name_printed, source, market_status,
        consistent (bool), snapshot_id (int64). ``since``/``until`` bound the time (inclusive;
        a date, an ISO time or a datetime, UTC unless it says otherwise; a date as ``until`` means
        the end of that day), ``last`` keeps the newest ``last`` points, ``site`` (``example.com``)
        only the pages whose URL is on that site or under it.

        >>> store = Store(":memory:")
        >>> from datetime import UTC
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n", at=datetime(2024, 5, 17, 8, tzinfo=UTC))
        >>> store.series("Nikkei", since="2024-05-17", until="2024-05-17")["value"].tolist()
        [40074.69]
        """
        inst = self.find_instrument(name)
        lo, hi = analysis.time_bound(since), analysis.time_bound(until, end=True)
        rows = self._read(queries.series, inst["id"], since=lo, until=hi, last=last, site=site)
        df = frames.frame(rows, queries.SERIES)
        df.attrs["instrument"] = inst["name"]
        df.attrs["symbol"] = inst["symbol"]
        return df.set_index("captured_at")

    def latest(self) -> pd.DataFrame:
        """The board: the newest quote of every instrument, one row each, by instrument name."""
        return frames.frame(self._read(queries.latest), queries.LATEST)

    def instruments(self) -> pd.DataFrame:
        """Every instrument with its number of quotes and when it was first and last seen."""
        # min()/max() lose the column type, so the times come back as text on SQLite.
        return frames.frame(self._read(queries.instruments), queries.INSTRUMENTS)

    def snapshots(self) -> pd.DataFrame:
        """Every stored page: id, source, captured_at (and where that time came from), status, quotes."""
        return frames.frame(self._read(queries.snapshots), queries.SNAPSHOTS)

    def _each(self, names: Sequence[str] | str, **window) -> dict[str, pd.DataFrame]:
        if not isinstance(names, str):
            if names is None or not all(isinstance(n, str) for n in names):
                raise BadArgument(f"names: an instrument name or a list of names, not {names!r}")
        fetched: dict[str, pd.DataFrame] = {}
        for name in [names] if isinstance(names, str) else list(names):
            series = self.series(name, **window)
            fetched.setdefault(series.attrs["instrument"], series)
        return fetched

    def wide(self, names: Sequence[str] | str, resample: str | None = None, *, since: Time = None,
             until: Time = None, last: int | None = None) -> pd.DataFrame:
        """Several instruments side by side: one float64 value column per instrument (named by its
        canonical name), indexed by ``captured_at`` (UTC), aligned on time, NaN where missing.

        ``resample`` (a pandas offset such as ``"1h"``, ``"1D"``) gives each instrument's last value
        in each bucket instead, indexed by ``bucket``, empty buckets left out. The filters are
        those of :meth:`series` (``last`` is per instrument).

        >>> store = Store(":memory:")
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n• Dow\\n39,157.93\\n-11.59 (-0.03%)\\n")
        >>> store.wide(["Nikkei", "Dow"]).columns.tolist()
        ['Nikkei 225', 'Dow Jones Industrial Average']
        """
        return analysis.wide(self._each(names, since=since, until=until, last=last), resample)

    def summary(self, names: Sequence[str] | str, *, since: Time = None, until: Time = None,
                last: int | None = None) -> pd.DataFrame:
        """One row per instrument: count, first/last (value and time), min/max (and when), change
        and change_pct over the period, ``stale`` (points with the same value as the point before),
        and the largest single move between consecutive points (``largest_move``, ``_pct``, ``_at``).

        Columns and dtypes are :data:`ticker.report.SUMMARY_COLUMNS` (times ``datetime64[us, UTC]``).

        >>> store = Store(":memory:")
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n")
        >>> store.summary("Nikkei")[["instrument", "count", "last_value", "stale"]].values.tolist()
        [['Nikkei 225', 1, 40074.69, 0]]
        """
        return frames.summary_table(self._each(names, since=since, until=until, last=last))

    def long(self, names: Sequence[str] | str | None = None, *, since: Time = None, until: Time = None,
             last: int | None = None, site: str | None = None) -> pd.DataFrame:
        """Every stored quote as one long table (what ``ticker export`` writes), oldest first.

        Columns: captured_at (datetime64[us, UTC]), instrument, symbol, name_printed (strings),
        value, change, change_pct (float64), source, market_status, url (strings). ``names`` limits it
        to some instruments (default all); the filters are those of :meth:`series` (``last`` is
        per instrument).

        >>> store = Store(":memory:")
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n", source="note")
        >>> store.long()[["instrument", "symbol", "value", "source"]].values.tolist()
        [['Nikkei 225', '^N225', 40074.69, 'note']]
        """
        if isinstance(names, str):
            names = [names]
        ids = None if names is None else sorted({self.find_instrument(n)["id"] for n in names})
        lo, hi = analysis.time_bound(since), analysis.time_bound(until, end=True)
        return frames.frame(self._read(queries.long, ids, since=lo, until=hi, last=last, site=site), queries.LONG)

    def counts(self) -> dict[str, int]:
        return self._read(queries.counts)

    def revision(self) -> str | None:
        """The store's schema revision (None for an empty database), without changing anything."""
        return self._read(migrate.current_revision)

    def doctor(self, *, full: bool = False) -> DoctorReport:
        """Check the store without changing it: schema version, SQLite's ``quick_check`` (or the
        slower ``integrity_check`` with ``full``), row counts, snapshots without quotes and quotes
        without a snapshot. ``report.problems`` lists what is wrong; empty means healthy.
        """
        return self._guard(doctor.check, self.engine, safe_url(self.url), full)
