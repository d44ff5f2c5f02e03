"""``python -m ticker`` works like the ``ticker`` console script."""

import os
import sys

# `python -m` puts the working directory first on sys.path (the console script does not), and
# the import system keeps a listing of every folder on it: `python -m ticker ingest .` in a
# folder of 50,000 pages held 5 MB of file names for the whole run (and in each worker). Drop
# it, as `python -P` would: ticker imports nothing from the working directory.
try:
    _cwd = os.getcwd()
except OSError:  # the working directory was deleted
    _cwd = None  # type: ignore[assignment]
if sys.path and not sys.flags.safe_path and sys.path[0] in ("", _cwd):
    sys.path_importer_cache.pop(sys.path.pop(0), None)
    sys.path_importer_cache.pop(_cwd, None)

from ticker.cli import main  # noqa: E402

main()
