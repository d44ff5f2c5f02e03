"""Printed names -> one instrument.

Pages print the same instrument many ways: "Nikkei", "NIKKEI 225", "N225 Nikkei 225", "^N225".
The alias table shipped in ``ticker/data/instruments.csv`` maps them to one canonical instrument;
users extend it per store with ``ticker alias add PRINTED CANONICAL`` (kept in the ``aliases``
table, see :mod:`ticker.store`).

>>> resolve("NIKKEI 225")
Instrument(name='Nikkei 225', symbol='^N225', kind='index')
>>> resolve("  nikkei ").name
'Nikkei 225'
>>> resolve("^n225").name
'Nikkei 225'
>>> resolve("Some New Index")
Instrument(name='Some New Index', symbol=None, kind=None)
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["Instrument", "name_key", "resolve", "pick", "lookup", "builtin_aliases"]


@dataclass(frozen=True, slots=True)
class Instrument:
    name: str
    symbol: str | None
    kind: str | None  # index, crypto, commodity, bond, fx; None when not known


# Trademark signs and similar decorations never distinguish two instruments.
_DECORATION = re.compile(r"[®™©*]")


def name_key(printed: str) -> str:
    """The matching key of a printed name: case-folded, decorations dropped, spaces collapsed.

    >>> name_key("  DAX ® ")
    'dax'
    >>> name_key("Dow\\u00a0Jones   30")
    'dow jones 30'
    """
    return " ".join(_DECORATION.sub(" ", printed).casefold().split())


def display_name(printed: str) -> str:
    """A printed name tidied for storage: whitespace collapsed, case kept.

    >>> display_name(" Öl  (Brent) ")
    'Öl (Brent)'
    """
    return " ".join(printed.split())


@functools.cache
def builtin_aliases() -> dict[str, Instrument]:
    """Every key (canonical name, symbol, alias) of the shipped table -> its instrument."""
    table: dict[str, Instrument] = {}
    with resources.files("ticker.data").joinpath("instruments.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            inst = Instrument(row["canonical"], row["symbol"] or None, row["kind"] or None)
            names = [row["canonical"], row["symbol"], *row["aliases"].split("|")]
            for name in names:
                if name:
                    # First row wins: the table is ordered so that a shared alias goes to
                    # the instrument most pages mean by it.
                    table.setdefault(name_key(name), inst)
    return table


def lookup(printed: str, symbol: str | None = None) -> Instrument | None:
    """The shipped instrument for a printed name (or its printed symbol), or None."""
    table = builtin_aliases()
    key = name_key(printed)
    if key in table:
        return table[key]
    if symbol and name_key(symbol) in table:
        return table[name_key(symbol)]
    # "STI Straits Times Index", "KOR KOSPI": a short code printed before the name.
    first, _, rest = key.partition(" ")
    if rest and len(first) <= 6 and rest in table:
        return table[rest]
    # "Hong Kong Hang Seng Index (HSI:IND)": a symbol in parentheses after the name.
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", key)
    if bare != key and bare in table:
        return table[bare]
    return None


def pick(name: str, alias_target: int | None, stored: list[tuple[int, str, str | None]]) -> int | None:
    """Which stored instrument a queried name means, by id; None when none does.

    The rules, in order: the instrument the store's alias table maps the name to
    (``alias_target``); a stored instrument whose name or symbol matches; the stored instrument the
    shipped table names for it. ``stored`` is ``(id, name, symbol)`` rows. Store and the
    command line's fast path both ask this, so they cannot disagree.

    >>> stored = [(1, "Nikkei 225", "^N225"), (2, "Dow Jones Industrial Average", "^DJI")]
    >>> pick("^dji", None, stored), pick("NIKKEI", None, stored), pick("Nikkei", 7, stored), pick("FTSE", None, stored)
    (2, 1, 7, None)
    """
    if alias_target is not None:
        return alias_target
    key = name_key(name)
    for id_, stored_name, symbol in stored:
        if key in (name_key(stored_name), name_key(symbol or "")):
            return id_
    shipped = lookup(name)
    if shipped is not None:
        for id_, stored_name, _symbol in stored:
            if stored_name == shipped.name:
                return id_
    return None


def resolve(printed: str, symbol: str | None = None) -> Instrument:
    """The instrument a printed name means: the shipped one, or a new one named as printed."""
    return lookup(printed, symbol) or Instrument(display_name(printed), symbol, None)
