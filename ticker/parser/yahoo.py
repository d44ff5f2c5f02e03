"""The Yahoo fast path: an accelerator for bullet strips in their commonest form.

A strip entry whose numbers are en-formatted with one reading and pass the float arithmetic
check ("  • Nikkei" / "40,074.69" / "+443.63 (+1.12%)") is read here with one regular-expression
scan for the whole run of entries and kept as floats, never Decimals, when a store takes the
page (:func:`ticker.parser.parse_for_store`). Anything else (another format, a failing check, a
name that might be prose) is left to the general stages, which would give the same quote: a
contract test (tests/test_parser_contract.py) runs both on the snippet tables and the property
tests. :func:`ticker.parser.compose.read_strips` is the contract's form: the page as the fast path
reads it, or None.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .candidates import _Cand
from .check import _consistent
from .lazyre import LazyPattern
from .lines import _B, _NUM, _STRIP, _W, _X, _Field
from .model import Quote, _QuoteSlots
from .names import _heading_ok
from .numbers import _ULP
from .state import PageState

_FNUM = r"[+\-−–]?[0-9][0-9,.]*"  # ASCII digits; loose on purpose (fast); resolve() drops malformed numbers
# (the general stages join a line of numbers to the entry across up to three blank lines: the
# entry ends at the page's end, a line no number starts, or a fourth blank line)
_AFTER_BLANKS = rf"(?:\Z|\n{_W}{_X}|\n{_B}(?:\Z|\n{_W}{_X}|\n{_B}(?:\Z|\n{_W}{_X}|\n{_B}(?:\n|\Z))))"
_ENTRY_END = rf"(?=\Z|\n{_W}{_X}|\n{_B}{_AFTER_BLANKS})"
# the same test, the strip's own case first (a blank line, then the next bullet): fewer steps
_ENTRY_END_STRIP = rf"(?=\n{_B}\n{_W}{_X}|\n{_W}{_X}|\Z|\n{_B}{_AFTER_BLANKS})"
_FAST_ENTRY = LazyPattern(
    rf"{_W}[•*·‣◦▪●\-–][ \t\u00a0\u202f]+(?P<name>[^\s|][^|\n]*?){_W}\n"
    rf"(?:{_B}\n)?"
    rf"{_W}(?P<v>{_FNUM}){_W}\n"
    rf"{_W}(?P<c>{_FNUM})[ \u00a0]?\((?P<p>{_FNUM})[ \u00a0]?%\){_W}"
    + _ENTRY_END
)
# The same entries in their commonest form (the seed layout), a subset of _FAST_ENTRY: where this
# matches, that one matches with the same groups. A name of single-spaced words; the numbers
# with a decimal point, en grouping and ASCII signs (one reading unless 3 decimals: checked),
# at most 11 decimals (the float check's resolution; more go the general way).
# The digits after each point are a group of their own (their count is the number's precision);
# ``entry`` is the whole entry, up to the next one's bullet line (fast_strip counts its lines).
# Possessive repeats where giving back never leads to a match: the same matches, fewer steps.
# A name's characters: [^\s|%\u200b\ufeff] with \s spelt out (str.isspace(), as re reads \s):
# a set of characters is tested in one step, a category in several.
_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
               "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_NAME_CHAR = "[^" + re.escape(_WHITESPACE) + "|%\u200b\ufeff]"
_EN_ENTRY = (
    rf"(?P<entry> *• (?P<name>{_NAME_CHAR}++(?: {_NAME_CHAR}++)*+) *\n"
    r"(?: *\n)?"
    r" *(?P<v>(?:\d{1,3}(?:,\d{3})*+|\d{4,})\.(?P<vf>\d{1,11})) *\n"
    r" *(?P<c>[+-]?(?:\d{1,3}(?:,\d{3})*+|\d{4,})\.(?P<cf>\d{1,11})) \((?P<p>[+-]?\d+\.\d{1,11})%\) *"
    # the entry's end (_ENTRY_END), then the gap up to the next entry's bullet line. A plain blank
    # line before the next bullet passes that test, so it comes first, without it (same match)
    + rf"(?:\n[ \u00a0]*\n(?= *•)|{_ENTRY_END_STRIP}(?:\n{_B}(?=\n))*\n|{_ENTRY_END_STRIP}))"
)
# A run of consecutive entries in one findall: each match starts where the last one ended, as
# the second branch takes whatever follows the last entry (in one step: ".*" to the end)
# ASCII digits only: a page of native digits goes the general way (its lines are normalised)
_EN_RUN = LazyPattern(_EN_ENTRY + r"|(?s:.+)", re.ASCII)
def _ambiguous(raw: str) -> bool:
    """Does an _EN_ENTRY number also read as a de integer ("1.234", "-28.416")?"""
    i = raw.lstrip("+-").split(".")[0]
    return len(raw) - raw.find(".") == 4 and len(i) <= 3 and "," not in raw and i[0] != "0"


_GAP = LazyPattern(rf"(?:\n{_B}(?=\n))*\n")
# names fast_strip has found _heading_ok: a site prints the same few names page after page
_NAMES_OK: set[str] = set()
# (float, Decimal, decimals, unit in the last place) of the percents fast_strip has met: "+0.88"
# is one of a few thousand
_PCTS: dict[str, tuple[float, Decimal, int, float]] = {}
# from the end of a strip's last line: does one of the next 5 lines (as far as cut_off_warnings
# looks) start with a bullet sign?
_BULLET_NEAR = LazyPattern(r"(?:\n[^\n]*){0,4}\n[%s]*[•*·‣◦▪●\-–]" % re.escape(_STRIP.replace("\n", "")))
_DOT = frozenset(".")
# what may open an entry's bullet line in _FAST_ENTRY (and _EN_ENTRY, a subset): _W's spaces,
# then one of these
_LINE_SPACES = " \t\u00a0\u202f\u2009\u200b\ufeff"
_BULLET_SIGNS = frozenset("•*·‣◦▪●-–")



class FastPath(PageState):
    """The fast path's part of :class:`ticker.parser.compose.PageParser`."""

    def fast_entry(self, q: int) -> int:
        """The Yahoo entry whose percent sign is at ``q``: bullet name, value line, then
        "change (percent)". Returns the char offset where the entry ends, or -1.

        Gives exactly what :meth:`vertical` would make of such an entry, only quicker (a few
        ``rfind`` and one anchored match); anything else is left to the general path.
        """
        src = self.source
        lc = src.rfind("\n", 0, q)  # newline ending the value line
        if lc <= 0:
            return -1
        lv = src.rfind("\n", 0, lc)  # newline ending the line above the value
        if lv < 0:
            return -1
        lb = src.rfind("\n", 0, lv) + 1
        if not src[lb:lv].strip(_STRIP + "|"):  # one blank line between bullet and value
            if lb == 0:
                return -1
            lb = src.rfind("\n", 0, lb - 1) + 1
        # Both patterns start with a bullet sign after a line's spaces: a line without one (a
        # table's row, "| +1.90 | +8.43% | ...", most percent signs of a big page) is none
        if src[lb:lv].lstrip(_LINE_SPACES)[:1] not in _BULLET_SIGNS:
            return -1
        end = self.fast_strip(lb)
        return end if end >= 0 else self.fast_entry_at(lb, q)

    def fast_strip(self, pos: int) -> int:
        """Consecutive entries in the commonest form (:data:`_EN_ENTRY`) from the bullet line
        at offset ``pos``; returns where the last one taken ends, or -1 for none.

        An entry is taken here (into :attr:`fast_entries`, its Quote made by :func:`_fast_quote`
        when needed) when nothing is left to decide: numbers only the en way reads, and the
        float arithmetic check passes. :meth:`resolve` then has nothing to do for it, and gives
        the same quote :meth:`resolve_one` would. Stops at the first entry that is
        anything else; the caller hands that one to :meth:`fast_entry_at`.
        """
        line = self.line_of(pos)
        if line <= self.consumed:
            return -1
        start = pos
        entries: list[tuple] = []
        names_ok, pcts = _NAMES_OK, _PCTS
        ulp, dec, flt = _ULP, Decimal, float
        # One findall for the run of entries (one C call; each match starts where the last one
        # ended). A run that stops at an entry failing the check is met again at its next entry:
        # the rest of the same findall is taken up there, never scanned again (a page of 16,000
        # failing entries stays linear)
        run = self._run
        if run is not None and run[1] == pos:
            items = run[0]
        else:
            items = iter(_EN_RUN.findall(self.source, pos))
        nxt = -1  # where the entry after the last one read starts (-1: none read)
        for entry, name, v, vf, c, cf, p in items:
            if not entry:  # the rest of the page
                nxt = pos
                break
            if name not in names_ok:
                if not _heading_ok(name):
                    nxt = pos + len(entry)
                    break
                if len(names_ok) >= 2000:
                    names_ok.clear()
                names_ok.add(name)
            try:
                fp, pct, dp, up = pcts[p]
            except KeyError:
                if len(pcts) >= 10000:
                    pcts.clear()
                dp = len(p) - p.find(".") - 1
                fp, pct, dp, up = pcts[p] = (flt(p), dec(p), dp, ulp[dp])
            dv, dc = len(vf), len(cf)
            if dv == 3 or dc == 3 or dp == 3:
                if _ambiguous(v) or _ambiguous(c) or _ambiguous(p):
                    nxt = pos + len(entry)
                    break  # "28.416": 28416 on a de page; the general path decides
            if "," in v:
                v = v.replace(",", "")
            if "," in c:
                c = c.replace(",", "")
            fv, fc = flt(v), flt(c)
            prev = fv - fc
            uv, uc = ulp[dv], ulp[dc]
            if not (prev > 0 and fv != 0 and abs(100.0 * fc / prev - fp)
                    <= 100.0 * (uc * fv + uv * abs(fc)) / (prev * prev) + up + 1e-9) \
                    and not _consistent(fv, fc, fp, uv, uc, up):
                nxt = pos + len(entry)
                break
            entries.append((name, v, c, pct, line + 1, fv, fc, fp))
            line += entry.count("\n")
            pos += len(entry)
            taken_entry = entry
        else:
            if entries:
                nxt = pos
        self._run = (items, nxt) if nxt >= 0 else None
        if not entries:
            return -1
        # the last entry taken: its last line is the change's, which holds its last ")"; the
        # gap after it (blank lines only) starts at the next newline
        first = entries[-1][4] - 1
        close = taken_entry.rindex(")")
        last = first + taken_entry.count("\n", 0, close)
        gap = taken_entry.find("\n", close)
        end = pos - len(taken_entry) + (gap if gap >= 0 else len(taken_entry))
        n = len(self.fast_entries)
        self.fast_entries += entries
        self.bullets.append(slice(n, n + len(entries)))
        self.strip_starts[entries[0][4] - 1] = start
        self.strip_ends[last] = end
        # each entry but the last runs straight into the next: nothing cut off there
        self.open_entries.append((first, last))
        self.consumed = last
        self.strip_stop = end
        return end

    def _spans(self, entries: list[tuple]) -> list[tuple[int, int]]:
        """(name line, last line) of fast_strip entries: a blank line (spaces only) between the
        name and the value makes the change the fourth line, else the third."""
        raw = self.L.raw
        return [(f, f + 2 if raw[f + 1].strip(" ") else f + 3) for f in (e[4] - 1 for e in entries)]

    def bullet_spans(self) -> list[tuple[int, int]]:
        """All bullet entries, (name line, last line), in page order (not to be changed: without
        a fast strip it is :attr:`bullets` itself)."""
        if not self.fast_entries:  # (a fast strip's entries are slices of them: none)
            return self.bullets  # type: ignore[return-value]
        out: list[tuple[int, int]] = []
        for b in self.bullets:
            if type(b) is slice:
                out += self._spans(self.fast_entries[b])
            else:
                out.append(b)
        return out

    def fast_entry_at(self, lb: int, q: int) -> int:
        """:meth:`fast_entry` for an entry whose bullet line starts at offset ``lb``."""
        src = self.source
        m = _FAST_ENTRY.match(src, lb)
        if m is None or m.end() <= q:
            return -1
        line = self.line_of(lb)
        if line <= self.consumed:
            return -1
        name = " ".join(m.group("name").split())
        if not _heading_ok(name):
            return -1
        last = line + m.group(0).count("\n")
        L = self._L or self.L
        if L.kind(last - 1) != _NUM or L.kind(last) != _NUM:  # "0." is no number: as vertical() sees it
            return -1
        fs = (_Field.make(m.group("v"), False, False, 0, 0), _Field.make(m.group("c"), False, False, 0, 0),
              _Field.make(m.group("p"), True, True, 0, 0))
        self.cands.append(_Cand(fs[0], fs[1], fs[2], name, None, line, True,
                                ((fs[0], fs[1], fs[2], "vcp"),), (line, last), layout="bullet"))
        self.bullets.append((line, last))
        self.open_entries.append((line, last))
        self.consumed = last
        return m.end()

    def line_of(self, offset: int) -> int:
        """0-based line of a char offset (cheap when offsets mostly increase)."""
        if offset >= self._pos:
            self._line += self.source.count("\n", self._pos, offset)
        else:
            self._line -= self.source.count("\n", offset, self._pos)
        self._pos = offset
        return self._line


def _fast_quote(entry: tuple) -> Quote:
    """The Quote of a fast_strip entry: Quote(name, value, change, percent, line, None, True)."""
    name, v, c, pct, line = entry[:5]
    q: Any = _QuoteSlots()  # see _QuoteSlots (Any: it becomes a Quote below)
    q.name = name
    q.value = Decimal(v)
    q.change = Decimal(c)
    q.change_pct = pct
    q.line = line
    q.symbol = None
    q.consistent = True
    q.__class__ = Quote
    return q
