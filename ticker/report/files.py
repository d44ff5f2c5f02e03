"""Output files written whole or not at all: a temporary file beside the target, renamed into
place once complete, so an interrupted or failed write (a full disk) never leaves a half file where
a good one was. A failure is one line: ``cannot write FILE: no space left on device``."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import ReportError

__all__ = ["write_atomic"]


def _reason(err: OSError) -> str:
    """'no space left on device', 'permission denied': the system's words, without the errno."""
    text = os.strerror(err.errno) if err.errno else (err.strerror or str(err))
    return text[:1].lower() + text[1:]


def write_atomic(path: str | os.PathLike, content: str | bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``content`` (text as UTF-8, bytes, or a function writing to a binary file) to
    ``path``: parent folders made, a temporary file beside it, flushed to disk, renamed over it.
    Raises :class:`ReportError` (one line) when that fails; the target is then as it was.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "board.csv"
    >>> write_atomic(target, "a,b\\n").read_text()
    'a,b\\n'
    """
    target = Path(path)
    tmp_name = None
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where a folder of the path should be
            raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            if callable(content):
                content(fh)
            else:
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():  # keep the mode a user gave the file
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
        return target
    except OSError as err:
        raise ReportError(f"cannot write {target}: {_reason(err)}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
