"""Is a SQLite store damaged? SQLite's ``quick_check``, run when the file changed since ticker last
saw it sound - the cheap rule that keeps a damaged store from being written to or read as if whole.

A read that meets a damaged page fails (SQLite says "malformed"), but damage that looks like a
sound page (bytes copied over a page of an index) is silently read as a shorter series, and an
ingest would go on writing into such a file. ``quick_check`` finds both, at ~5 ms per MB of store
(37 ms on a 3,000-page store of 8 MB), too much for every command on a large store. So it runs
only when the file is not as ticker last left it: after each check that passed, and after each
ingest that closed without meeting damage, ticker notes the file's identity, size and
modification time (and its ``-wal`` file's) in its cache folder. Another program writing the file,
a copy put in its place or a restore changes them, and the next command checks. Damage that
changes none of them (a failing disk) is not caught until a read meets it or ``ticker doctor``
runs: then it is the "malformed" error, which every command shows as :data:`DAMAGED`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from ..errors import DAMAGED, StoreError

__all__ = ["DAMAGED", "verify", "note_sound", "cache_dir"]


def cache_dir() -> Path:
    """Where ticker notes the stores it found sound: ``TICKER_CACHE_DIR``, else the user's cache."""
    named = os.environ.get("TICKER_CACHE_DIR")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ticker"


def _state(path: Path) -> list | None:
    """What changes when anybody writes the file: its identity, size and modification time, and
    its WAL's (SQLite's write-ahead log holds the newest commits; an empty one, which every
    connection makes when it opens the store, holds nothing)."""
    out: list = []
    for p in (path, Path(f"{path}-wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            out.append(None)
            continue
        except OSError:
            return None
        out.append([st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns] if st.st_size or p == path else None)
    return out


def _note_file(path: Path) -> Path:
    key = hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:32]
    return cache_dir() / f"sound-{key}.json"


def _noted(path: Path) -> list | None:
    try:
        return json.loads(_note_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def note_sound(path: Path) -> None:
    """Note the file as it is now as sound (after a check that passed, or ticker's own writes)."""
    state = _state(path)
    if state is None:
        return
    note = _note_file(path)
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        tmp = note.with_name(f"{note.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, note)
    except OSError:
        pass  # no cache folder (a read-only home): every command checks then, which costs only time


def verify(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`StoreError` (:data:`DAMAGED`) if the store at ``path`` (open on ``conn``)
    fails ``quick_check``; run only when the file changed since it was last noted sound."""
    state = _state(path)
    if state is not None and state == _noted(path):
        return
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as err:
        if "not a database" in str(err):
            raise  # not a store at all: the caller says so
        rows = [(str(err),)]
    if rows != [("ok",)]:
        raise StoreError(f"{path}: {DAMAGED}")
    if state == _state(path):  # nobody wrote it while we checked
        note_sound(path)
