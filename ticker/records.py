"""What ticker's operations give back: plain records, no behaviour beyond counting.

:class:`PageResult` for each page ingested and :class:`IngestSummary` for a run, a
:class:`ReparseResult` for each snapshot reparsed, and what ``ticker doctor`` found
(:class:`DoctorReport`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["PageResult", "IngestSummary", "ReparseResult", "DoctorReport"]


@dataclass(frozen=True, slots=True)
class PageResult:
    source: str
    status: str  # stored, duplicate, no_strip, error
    quotes: int = 0
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    snapshot_id: int | None = None
    time_from: str | None = None  # where the capture time came from: at, page, name, mtime, now


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    no_strip: int = 0
    errors: int = 0
    quotes: int = 0
    warned: int = 0  # pages read, with warnings (a cut entry, a failed check, another encoding)
    from_mtime: int = 0  # pages stored with the file's modification time as their capture time
    failed: list[PageResult] = field(default_factory=list)

    def add(self, result: PageResult) -> None:
        if result.warnings and result.status != "error":
            self.warned += 1
        if result.status == "stored":
            self.stored += 1
            self.quotes += result.quotes
            if result.time_from == "mtime":
                self.from_mtime += 1
        elif result.status == "duplicate":
            self.duplicates += 1
        elif result.status == "no_strip":
            self.no_strip += 1
        else:
            self.errors += 1
            self.failed.append(result)


@dataclass(frozen=True, slots=True)
class ReparseResult:
    snapshot_id: int
    source: str
    status: str  # same, changed, no_text
    removed: tuple[tuple, ...] = ()  # (name_printed, value, change, change_pct) no longer parsed
    added: tuple[tuple, ...] = ()  # ... newly parsed
    old_status: str | None = None
    new_status: str | None = None


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
