"""The store: engine, ingest in bulk, and queries that return DataFrames.

A snapshot and all of its quotes are written in one transaction (on SQLite ``BEGIN IMMEDIATE``,
so concurrent writers queue on the busy timeout instead of failing): a page is stored whole or
not at all.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from . import ingest, migrate, pages, sqlite
from .ingest import IngestSummary, PageResult, StoreError, display_name, name_key
from .instruments import resolve
from .parser import parse
from .schema import aliases, instruments, quotes, snapshots

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_DB", "Store", "StoreError", "UnknownInstrument", "PageResult", "IngestSummary", "ReparseResult", "make_engine"]

DEFAULT_DB = sqlite.DEFAULT_DB


class UnknownInstrument(LookupError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name, self.suggestions = name, suggestions
        hint = f"; closest known: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no instrument called {name!r}{hint}")


@dataclass(frozen=True, slots=True)
class ReparseResult:
    snapshot_id: int
    source: str
    status: str  # same, changed, no_text
    removed: tuple[tuple, ...] = ()  # (name_printed, value, change, change_pct) no longer parsed
    added: tuple[tuple, ...] = ()  # ... newly parsed
    old_status: str | None = None
    new_status: str | None = None


def database_url(url_or_path: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from a URL, a file path, ``TICKER_DB`` or the default ``data/ticker.db``.

    >>> database_url("postgresql+psycopg://me@db/quotes")
    'postgresql+psycopg://me@db/quotes'
    >>> database_url(":memory:")
    'sqlite://'
    >>> database_url("/tmp/x.db")
    'sqlite:////tmp/x.db'
    """
    target = os.fspath(url_or_path) if url_or_path is not None else os.environ.get("TICKER_DB") or DEFAULT_DB
    if target in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite://"
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def safe_url(url: str) -> str:
    """The URL for messages: never a password.

    >>> safe_url("postgresql+psycopg://me:s3cret@db/quotes")
    'postgresql+psycopg://me:***@db/quotes'
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def make_engine(url_or_path: str | os.PathLike | None = None) -> Engine:
    url = database_url(url_or_path)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL or path: {safe_url(url)}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"ticker stores live in SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    try:
        return create_engine(url, pool_pre_ping=True, insertmanyvalues_page_size=1000)
    except (ImportError, SQLAlchemyError) as err:
        raise StoreError(f"cannot use {safe_url(url)}: {err.__class__.__name__}: {err}".splitlines()[0]) from None


def _sqlite_engine(url: str, database: str | None) -> Engine:
    memory = not database or database == ":memory:"
    if not memory:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        # One shared connection for an in-memory database, or every connection sees an empty one.
        poolclass=StaticPool if memory else None,
        connect_args={"check_same_thread": False, "timeout": sqlite.BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        sqlite.configure(dbapi_conn, memory=memory)  # the settings of ticker.sqlite's connections

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: a deferred transaction that later needs to write
        # can fail with "database is locked" without waiting; IMMEDIATE waits on busy_timeout.
        immediate = conn.get_execution_options().get("ticker_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _require_existing(url: str) -> None:
    """For commands that must not create a store (``ticker doctor``): a SQLite file must exist."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # make_engine says what is wrong with it
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        if not Path(parsed.database).is_file():
            raise StoreError(f"no store at {parsed.database}")


@dataclass(slots=True)
class DoctorReport:
    """What ``Store.doctor()`` found; ``problems`` empty means healthy."""

    url: str
    backend: str
    head: str
    revision: str | None = None
    schema: str = ""  # current, behind, newer, or empty
    integrity_check: str | None = None  # quick_check / integrity_check (SQLite only)
    integrity: list[str] | None = None  # ["ok"], or what SQLite reported
    journal_mode: str | None = None
    counts: dict[str, int] | None = None
    inconsistent_quotes: int = 0
    snapshots_without_quotes: int = 0
    examples_without_quotes: list[tuple[int, str]] = field(default_factory=list)
    orphan_quotes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _insert(dialect_name: str, table):
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


class Store:
    """A ticker store: a SQLite file (default ``data/ticker.db``) or any SQLAlchemy URL.

    >>> store = Store(":memory:")
    >>> store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n", source="note")
    PageResult(source='note', status='stored', quotes=1, reason=None, warnings=(), snapshot_id=1)
    >>> store.series("nikkei")[["value", "change", "change_pct"]].to_dict("records")
    [{'value': 40074.69, 'change': 443.63, 'change_pct': 1.12}]
    """

    def __init__(
        self, url_or_path: str | os.PathLike | None = None, *, migrate_on_open: bool = True, create: bool = True
    ):
        self.url = database_url(url_or_path)
        if not create:
            _require_existing(self.url)
        self.engine = make_engine(self.url)
        self._writer: ingest.Writer | None = None
        if migrate_on_open:
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
        try:
            return fn(*args, **kwargs)
        except migrate.SchemaError as err:
            raise StoreError(str(err)) from None
        except DBAPIError as err:
            detail = str(err.orig).strip().splitlines()[0] if err.orig else err.__class__.__name__
            if "file is not a database" in detail:
                detail = "the file is not a SQLite database"
            raise StoreError(f"{safe_url(self.url)}: {detail}") from None

    # ---------------------------------------------------------------- ingest

    def writer(self, *, on_close=None) -> ingest.Writer:
        """The store's :class:`ticker.ingest.Writer`, on a connection of its engine (made once)."""
        if self._writer is None:
            raw = self._guard(self.engine.raw_connection)
            dialect = self.engine.dialect
            self._writer = ingest.Writer(raw, dialect.name, label=safe_url(self.url),
                                         driver_error=dialect.loaded_dbapi.Error, reconnect=self.engine.raw_connection)
        if on_close is not None:  # the caller owns the store through its writer
            writer, self._writer = self._writer, None
            writer._on_close = on_close
            return writer
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
        summary = IngestSummary()
        for result in self.iter_ingest(pages.expand(paths, recursive=recursive), **options):
            summary.add(result)
        return summary

    def ingest_text(
        self, text: str, *, source: str = "<text>", at: datetime | None = None, strict: bool = False
    ) -> PageResult:
        """Ingest a page already in hand as text (a notebook's, a scraper's)."""
        import hashlib

        page = pages.LoadedPage(source, text, hashlib.sha256(text.encode()).hexdigest(), None, "utf-8")
        writer = self.writer()
        pending = ingest.prepare_loaded(page, at=at, strict=strict, now=datetime.now(UTC), stored_time=writer.stored_time)
        [result] = writer.write([pending])
        return result

    # ---------------------------------------------------------------- reparse

    def reparse(self, *, apply: bool = False, strict: bool = False) -> Iterator[ReparseResult]:
        """Run the current parser over every snapshot's stored page text and say what changed.

        With ``apply``, a changed snapshot's quotes and status are replaced, one transaction each.
        """
        with self.engine.connect() as conn:
            ids = conn.execute(select(snapshots.c.id).order_by(snapshots.c.id)).scalars().all()
        for snapshot_id in ids:
            yield self._guard(self._reparse_one, snapshot_id, apply, strict)

    def _reparse_one(self, snapshot_id: int, apply: bool, strict: bool) -> ReparseResult:
        with self.engine.connect() as conn:
            source, status, blob = conn.execute(
                select(snapshots.c.source, snapshots.c.market_status, snapshots.c.page_text).where(
                    snapshots.c.id == snapshot_id
                )
            ).one()
            old = [
                tuple(r)
                for r in conn.execute(
                    select(quotes.c.name_printed, quotes.c.value, quotes.c.change, quotes.c.change_pct)
                    .where(quotes.c.snapshot_id == snapshot_id)
                    .order_by(quotes.c.position)
                )
            ]
        if blob is None:
            return ReparseResult(snapshot_id, source, "no_text")
        parsed = parse(ingest.decompress_text(blob), strict=strict)
        new = [(display_name(q.name), float(q.value), float(q.change), float(q.change_pct)) for q in parsed.quotes]
        if new == old and parsed.market_status == status:
            return ReparseResult(snapshot_id, source, "same")
        removed = [q for q in old if q not in new]
        added = [q for q in new if q not in old]
        if apply:
            self.writer().replace_quotes(snapshot_id, parsed.market_status, ingest.quote_values(parsed))
        return ReparseResult(snapshot_id, source, "changed", tuple(removed), tuple(added), status, parsed.market_status)

    # ---------------------------------------------------------------- instruments and aliases

    def find_instrument(self, name: str) -> dict:
        """The instrument a name means (any case and spacing, any alias or symbol).

        Raises :class:`UnknownInstrument` listing the closest known names.
        """
        return self._guard(self._find_instrument, name)

    def _find_instrument(self, name: str) -> dict:
        from .instruments import pick

        key = name_key(name)
        with self.engine.connect() as conn:
            rows = conn.execute(select(instruments)).mappings().all()
            by_id = {r["id"]: dict(r) for r in rows}
            hit = conn.execute(select(aliases.c.instrument_id).where(aliases.c.alias_key == key)).scalar()
            chosen = pick(name, hit, [(r["id"], r["name"], r["symbol"]) for r in rows])
            if chosen is not None:
                return by_id[chosen]
            known = {name_key(r["name"]): r["name"] for r in rows}
            for alias_key, printed in conn.execute(select(aliases.c.alias_key, aliases.c.printed)):
                known.setdefault(alias_key, printed)
        close = difflib.get_close_matches(key, list(known), n=5, cutoff=0.5)
        raise UnknownInstrument(name, [known[k] for k in close])

    def add_alias(self, printed: str, canonical: str) -> dict:
        """Map a printed name to an instrument (``ticker alias add``); creates the instrument if new.

        Quotes already stored under the printed name move to the instrument too.
        """
        return self._guard(self._add_alias, printed, canonical)

    def _add_alias(self, printed: str, canonical: str) -> dict:
        try:
            target = self._find_instrument(canonical)
        except UnknownInstrument:
            target = None
        key = name_key(printed)
        with self.engine.connect().execution_options(ticker_write=True) as conn, conn.begin():
            dialect = conn.dialect.name
            if target is None:
                inst = resolve(canonical)
                conn.execute(
                    _insert(dialect, instruments)
                    .values(name=inst.name, symbol=inst.symbol, kind=inst.kind)
                    .on_conflict_do_nothing(index_elements=["name"])
                )
                target = dict(
                    conn.execute(select(instruments).where(instruments.c.name == inst.name)).mappings().one()
                )
            old = conn.execute(select(aliases.c.instrument_id).where(aliases.c.alias_key == key)).scalar()
            if old is None:
                conn.execute(
                    aliases.insert().values(
                        alias_key=key, printed=display_name(printed), instrument_id=target["id"], origin="user"
                    )
                )
            else:
                conn.execute(
                    aliases.update()
                    .where(aliases.c.alias_key == key)
                    .values(instrument_id=target["id"], origin="user")
                )
                conn.execute(
                    quotes.update()
                    .where(quotes.c.instrument_id == old, func.lower(quotes.c.name_printed) == key)
                    .values(instrument_id=target["id"])
                )
        if self._writer is not None:
            self._writer.forget()
        return target

    # ---------------------------------------------------------------- queries (DataFrames)

    def series(
        self,
        name: str,
        *,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        last: int | None = None,
    ) -> pd.DataFrame:
        """One instrument's quotes over time, indexed by ``captured_at`` (tz-aware UTC), oldest first.

        Columns: value, change, change_pct (float64), name_printed, source, market_status,
        consistent (bool), snapshot_id (int64). ``since``/``until`` bound the time (inclusive;
        a date, an ISO time or a datetime, UTC unless it says otherwise; a date as ``until`` means
        the end of that day) and ``last`` keeps the newest ``last`` points.

        >>> store = Store(":memory:")
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n", at=datetime(2024, 5, 17, 8, tzinfo=UTC))
        >>> store.series("Nikkei", since="2024-05-17", until="2024-05-17")["value"].tolist()
        [40074.69]
        """
        inst = self.find_instrument(name)
        stmt = (
            select(
                snapshots.c.captured_at,
                quotes.c.value,
                quotes.c.change,
                quotes.c.change_pct,
                quotes.c.name_printed,
                snapshots.c.source,
                snapshots.c.market_status,
                quotes.c.consistent,
                snapshots.c.id.label("snapshot_id"),
            )
            .join_from(quotes, snapshots, quotes.c.snapshot_id == snapshots.c.id)
            .where(quotes.c.instrument_id == inst["id"])
            .order_by(snapshots.c.captured_at, snapshots.c.id, quotes.c.position)
        )
        stmt = _window(stmt, since, until, self.engine.dialect.name)
        if last is not None:
            newest = stmt.order_by(None).order_by(
                snapshots.c.captured_at.desc(), snapshots.c.id.desc(), quotes.c.position.desc()
            )
            stmt = newest.limit(max(int(last), 0))
        from .report import frame

        rows = self._guard(self._rows, stmt)
        df = frame(rows[::-1] if last is not None else rows, SERIES_COLUMNS)
        df.attrs["instrument"] = inst["name"]
        df.attrs["symbol"] = inst["symbol"]
        return df.set_index("captured_at")

    def latest(self) -> pd.DataFrame:
        """The board: the newest quote of every instrument, one row each, by instrument name."""
        ranked = (
            select(
                instruments.c.name.label("instrument"),
                instruments.c.symbol,
                snapshots.c.captured_at,
                quotes.c.value,
                quotes.c.change,
                quotes.c.change_pct,
                quotes.c.name_printed,
                snapshots.c.source,
                func.row_number()
                .over(
                    partition_by=quotes.c.instrument_id,
                    order_by=(snapshots.c.captured_at.desc(), snapshots.c.id.desc(), quotes.c.position),
                )
                .label("rank"),
            )
            .join_from(quotes, snapshots, quotes.c.snapshot_id == snapshots.c.id)
            .join(instruments, instruments.c.id == quotes.c.instrument_id)
            .subquery()
        )
        stmt = select(*[c for c in ranked.c if c.name != "rank"]).where(ranked.c.rank == 1).order_by(ranked.c.instrument)
        from .report import frame

        return frame(self._guard(self._rows, stmt), LATEST_COLUMNS)

    def instruments(self) -> pd.DataFrame:
        """Every instrument with its number of quotes and when it was first and last seen."""
        stmt = (
            select(
                instruments.c.name.label("instrument"),
                instruments.c.symbol,
                instruments.c.kind,
                func.count(quotes.c.id).label("quotes"),
                func.min(snapshots.c.captured_at).label("first_seen"),
                func.max(snapshots.c.captured_at).label("last_seen"),
            )
            .join_from(instruments, quotes, quotes.c.instrument_id == instruments.c.id)
            .join(snapshots, snapshots.c.id == quotes.c.snapshot_id)
            .group_by(instruments.c.id, instruments.c.name, instruments.c.symbol, instruments.c.kind)
            .order_by(instruments.c.name)
        )
        from .report import frame

        # min()/max() lose the column type, so the times come back as text on SQLite.
        return frame(self._guard(self._rows, stmt), INSTRUMENT_COLUMNS)

    def snapshots(self) -> pd.DataFrame:
        """Every stored page: id, source, captured_at (and where that time came from), status, quotes."""
        stmt = (
            select(
                snapshots.c.id,
                snapshots.c.source,
                snapshots.c.captured_at,
                snapshots.c.captured_at_source,
                snapshots.c.market_status,
                snapshots.c.ingested_at,
                select(func.count(quotes.c.id))
                .where(quotes.c.snapshot_id == snapshots.c.id)
                .scalar_subquery()
                .label("quotes"),
            )
            .order_by(snapshots.c.captured_at, snapshots.c.id)
        )
        from .report import frame

        return frame(self._guard(self._rows, stmt), SNAPSHOT_COLUMNS)

    def wide(
        self,
        names: Sequence[str] | str,
        resample: str | None = None,
        *,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        last: int | None = None,
    ) -> pd.DataFrame:
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
        from .report import wide

        names = [names] if isinstance(names, str) else list(names)
        fetched = {}
        for name in names:
            series = self.series(name, since=since, until=until, last=last)
            fetched.setdefault(series.attrs["instrument"], series)
        return wide(fetched, resample)

    def summary(
        self,
        names: Sequence[str] | str,
        *,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        last: int | None = None,
    ) -> pd.DataFrame:
        """One row per instrument: count, first/last (value and time), min/max (and when), change
        and change_pct over the period, ``stale`` (points with the same value as the point before),
        and the largest single move between consecutive points (``largest_move``, ``_pct``, ``_at``).

        Columns and dtypes are :data:`ticker.report.SUMMARY_COLUMNS` (times ``datetime64[us, UTC]``).

        >>> store = Store(":memory:")
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n")
        >>> store.summary("Nikkei")[["instrument", "count", "last_value", "stale"]].values.tolist()
        [['Nikkei 225', 1, 40074.69, 0]]
        """
        from .report import summary_table

        names = [names] if isinstance(names, str) else list(names)
        fetched = {}
        for name in names:
            series = self.series(name, since=since, until=until, last=last)
            fetched.setdefault(series.attrs["instrument"], series)
        return summary_table(fetched)

    def long(
        self,
        names: Sequence[str] | str | None = None,
        *,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        last: int | None = None,
    ) -> pd.DataFrame:
        """Every stored quote as one long table (what ``ticker export`` writes), oldest first.

        Columns: captured_at (datetime64[us, UTC]), instrument, symbol, name_printed (strings),
        value, change, change_pct (float64), source, market_status (strings). ``names`` limits it
        to some instruments (default all); the filters are those of :meth:`series` (``last`` is
        per instrument).

        >>> store = Store(":memory:")
        >>> _ = store.ingest_text("• Nikkei\\n40,074.69\\n+443.63 (+1.12%)\\n", source="note")
        >>> store.long()[["instrument", "symbol", "value", "source"]].values.tolist()
        [['Nikkei 225', '^N225', 40074.69, 'note']]
        """
        from .report import frame

        if isinstance(names, str):
            names = [names]
        ids = None if names is None else sorted({self.find_instrument(n)["id"] for n in names})
        cols = [
            snapshots.c.captured_at,
            instruments.c.name.label("instrument"),
            instruments.c.symbol,
            quotes.c.name_printed,
            quotes.c.value,
            quotes.c.change,
            quotes.c.change_pct,
            snapshots.c.source,
            snapshots.c.market_status,
        ]
        order = (snapshots.c.captured_at, snapshots.c.id, quotes.c.position)
        if last is not None:
            rank = func.row_number().over(
                partition_by=quotes.c.instrument_id,
                order_by=(snapshots.c.captured_at.desc(), snapshots.c.id.desc(), quotes.c.position.desc()),
            )
            cols += [snapshots.c.id.label("snapshot_id"), quotes.c.position, rank.label("rank")]
        stmt = (
            select(*cols)
            .join_from(quotes, snapshots, quotes.c.snapshot_id == snapshots.c.id)
            .join(instruments, instruments.c.id == quotes.c.instrument_id)
        )
        if ids is not None:
            stmt = stmt.where(quotes.c.instrument_id.in_(ids))
        stmt = _window(stmt, since, until, self.engine.dialect.name)
        if last is None:
            stmt = stmt.order_by(*order)
        else:
            ranked = stmt.subquery()
            stmt = (
                select(*[ranked.c[name] for name in LONG_COLUMNS])
                .where(ranked.c.rank <= int(last))
                .order_by(ranked.c.captured_at, ranked.c.snapshot_id, ranked.c.position)
            )
        return frame(self._guard(self._rows, stmt), LONG_COLUMNS)

    def counts(self) -> dict[str, int]:
        def count(conn, table):
            return conn.execute(select(func.count()).select_from(table)).scalar_one()

        def run():
            with self.engine.connect() as conn:
                return {t.name: count(conn, t) for t in (instruments, aliases, snapshots, quotes)}

        return self._guard(run)

    def revision(self) -> str | None:
        """The store's schema revision (None for an empty database), without changing anything."""

        def run():
            with self.engine.connect() as conn:
                return migrate.current_revision(conn)

        return self._guard(run)

    def doctor(self, *, full: bool = False) -> DoctorReport:
        """Check the store without changing it: schema version, SQLite's ``quick_check`` (or the
        slower ``integrity_check`` with ``full``), row counts, snapshots without quotes and quotes
        without a snapshot. ``report.problems`` lists what is wrong; empty means healthy.
        """
        return self._guard(self._doctor, full)

    def _doctor(self, full: bool) -> DoctorReport:
        report = DoctorReport(url=safe_url(self.url), backend=self.engine.dialect.name, head=migrate.HEAD_REVISION)
        with self.engine.connect() as conn:
            report.revision = migrate.current_revision(conn)
            if report.revision is None:
                report.schema = "empty (no ticker schema yet)"
            elif report.revision == migrate.HEAD_REVISION:
                report.schema = "current"
            elif report.revision in migrate.KNOWN_REVISIONS:
                report.schema = "behind"
                report.problems.append(
                    f"schema revision {report.revision} is behind head {migrate.HEAD_REVISION}: run `ticker db upgrade`"
                )
            else:
                report.schema = "newer"
                report.problems.append(
                    f"schema revision {report.revision!r} is newer than this ticker knows (head {migrate.HEAD_REVISION!r})"
                )
            if conn.dialect.name == "sqlite":
                check = "integrity_check" if full else "quick_check"
                try:
                    rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {check}")]
                except DBAPIError as err:  # damage bad enough that the check itself cannot run
                    rows = [str(err.orig).strip().splitlines()[0] if err.orig else err.__class__.__name__]
                report.integrity_check = check
                report.integrity = rows
                if rows != ["ok"]:
                    report.problems.append(f"{check} found {len(rows)} problem(s): {rows[0]}")
                report.journal_mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            if report.revision is None or report.schema == "newer":
                return report  # no tables to count, or tables this ticker does not know
            try:
                self._doctor_rows(conn, report)
            except DBAPIError as err:  # a damaged file can fail a query that quick_check survived
                detail = str(err.orig).strip().splitlines()[0] if err.orig else err.__class__.__name__
                report.problems.append(f"reading the tables failed: {detail}")
        return report

    @staticmethod
    def _doctor_rows(conn, report: DoctorReport) -> None:
        count = lambda table: conn.execute(select(func.count()).select_from(table)).scalar_one()  # noqa: E731
        report.counts = {t.name: count(t) for t in (instruments, aliases, snapshots, quotes)}
        report.inconsistent_quotes = conn.execute(
            select(func.count()).select_from(quotes).where(quotes.c.consistent.is_(False))
        ).scalar_one()
        bare = (
            select(snapshots.c.id, snapshots.c.source)
            .where(~select(quotes.c.id).where(quotes.c.snapshot_id == snapshots.c.id).exists())
            .order_by(snapshots.c.id)
        )
        report.snapshots_without_quotes = conn.execute(select(func.count()).select_from(bare.subquery())).scalar_one()
        report.examples_without_quotes = [tuple(r) for r in conn.execute(bare.limit(5))]
        if report.snapshots_without_quotes:
            report.problems.append(f"{report.snapshots_without_quotes} snapshot(s) without quotes")
        report.orphan_quotes = conn.execute(
            select(func.count())
            .select_from(quotes.outerjoin(snapshots, quotes.c.snapshot_id == snapshots.c.id))
            .where(snapshots.c.id.is_(None))
        ).scalar_one()
        if report.orphan_quotes:
            report.problems.append(f"{report.orphan_quotes} quote(s) whose snapshot is missing")

    def _rows(self, stmt) -> list[tuple]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(stmt)]


def _window(stmt, since, until, dialect_name: str):
    """``stmt`` limited to snapshots captured between ``since`` and ``until`` (both inclusive)."""
    from sqlalchemy import String, type_coerce

    from .quick import sqlite_window
    from .report import time_bound

    lo, hi = time_bound(since), time_bound(until, end=True)
    if dialect_name == "sqlite":  # UTC text, in either of two forms: compare as quick.sqlite_window says
        lo_text, hi_text = sqlite_window(lo, hi)
        if lo_text is not None:
            stmt = stmt.where(type_coerce(snapshots.c.captured_at, String) >= lo_text)
        if hi_text is not None:
            stmt = stmt.where(type_coerce(snapshots.c.captured_at, String) < hi_text)
        return stmt
    if lo is not None:
        stmt = stmt.where(snapshots.c.captured_at >= lo)
    if hi is not None:
        stmt = stmt.where(snapshots.c.captured_at <= hi)
    return stmt


# Column name -> dtype of each query's DataFrame; report.frame applies them.
SERIES_COLUMNS = {
    "captured_at": "datetime",
    "value": "float64",
    "change": "float64",
    "change_pct": "float64",
    "name_printed": "string",
    "source": "string",
    "market_status": "string",
    "consistent": "bool",
    "snapshot_id": "int64",
}
LATEST_COLUMNS = {
    "instrument": "string",
    "symbol": "string",
    "captured_at": "datetime",
    "value": "float64",
    "change": "float64",
    "change_pct": "float64",
    "name_printed": "string",
    "source": "string",
}
INSTRUMENT_COLUMNS = {
    "instrument": "string",
    "symbol": "string",
    "kind": "string",
    "quotes": "int64",
    "first_seen": "datetime",
    "last_seen": "datetime",
}
SNAPSHOT_COLUMNS = {
    "id": "int64",
    "source": "string",
    "captured_at": "datetime",
    "captured_at_source": "string",
    "market_status": "string",
    "ingested_at": "datetime",
    "quotes": "int64",
}
LONG_COLUMNS = {
    "captured_at": "datetime",
    "instrument": "string",
    "symbol": "string",
    "name_printed": "string",
    "value": "float64",
    "change": "float64",
    "change_pct": "float64",
    "source": "string",
    "market_status": "string",
}
