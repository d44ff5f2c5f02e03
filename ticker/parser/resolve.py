"""Stage 5: resolving candidates into quotes - number format, readings, overlaps."""
from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

from .candidates import _Cand, _Done
from .check import _consistent, _misfit, check_arithmetic
from .lines import _BLANK, _BULLET, _HOLD, _NUM, _TEXT
from .model import Quote, _QuoteSlots
from .names import _clean_name, _inline_name, _noise, _words
from .numbers import _BOTH, _DOT, _READ, MINUS_SIGNS, _read, decimal_candidates, parse_number
from .state import PageState
from .yahoo import _BULLET_NEAR, _fast_quote


def _allowed(c: _Cand) -> frozenset[str]:
    v, ch, p = c.order[0][:3]
    # (decimal_candidates, without its calls: the first item of each number's readings)
    return (_READ.get(v.raw) or _read(v.raw))[0] & (_READ.get(ch.raw) or _read(ch.raw))[0] & (
        _READ.get(p.raw) or _read(p.raw))[0]


def _cand_line(c: _Cand | _Done) -> int:
    return c.span[0]


_FINITE = math.isfinite
_SIGNS = "+" + MINUS_SIGNS

_LAYOUTS = {
    "bullet": "a strip entry: a bullet name, its value, then change and percent",
    "header": "a quote header: a name, then its numbers (one per line or on one line)",
    "subject": "a quote header with no name above it, named by the page's subject heading",
    "borrow": "a value ending the name's line, change and percent on the next",
    "row": "a name and its numbers on one line",
    "tape": "an entry of a tape (three or more on one line)",
    "table": "a row under a header naming its columns",
    "labelled": "a block of labelled fields",
    "glued": "text glued without separators, split by the signs and the arithmetic",
}


def _evidence(c, q, hint: str, why: str | None) -> dict:
    """What made (or refused) one candidate, for ``ticker parse --explain``."""
    if c.quote is not None:  # read by the fast path (the same answer as the general stages)
        q = q or c.quote
        return {"line": q.line, "name": q.name, "layout": _LAYOUTS["bullet"], "printed": None,
                "arithmetic": "passes", "name_from": f"line {q.line}", "decision": why or "quote"}
    printed = [f.raw + ("%" if f.pct else "") for f in (c.v, c.c, c.p)]
    if q is None:
        arithmetic = "fails"
    else:
        arithmetic = "passes" if q.consistent else "fails (kept: the layout is evidence enough; flagged)"
    return {
        "line": c.span[0] + 1, "name": q.name if q else c.name, "layout": _LAYOUTS.get(c.layout, c.layout),
        "printed": printed, "reading": (f"{q.value} {q.change} {q.change_pct}%" if q else None),
        "number_format": "decimal comma" if (_allowed(c) if len(_allowed(c)) == 1 else {hint}) == {","} else "decimal point",
        "arithmetic": arithmetic,
        "name_from": ("the page's subject or title" if c.layout in ("subject",) else f"line {c.line + 1}"),
        "decision": why or "quote",
    }


class Resolver(PageState):
    """The resolving part of :class:`ticker.parser.compose.PageParser`."""

    def resolve(self) -> list[Quote]:
        if not self.cands:
            # all made by fast_strip, in page order: nothing to decide (they pass the check, so
            # no warnings), and two entries of a strip are never folded into one
            return list(map(_fast_quote, self.fast_entries))
        if self.fast_entries:
            # both kinds: in page order, as they were found (they are found in line order, and
            # a fast entry never shares its first line with another candidate)
            self.cands += map(_Done, map(_fast_quote, self.fast_entries), self._spans(self.fast_entries))
            self.cands.sort(key=_cand_line)
        cands = self.cands
        # each candidate's separators (_allowed) and the readings of its first order's numbers
        # (resolve_one reads them again otherwise): one look-up of each number
        allowed: list[frozenset[str]] = []
        reads: list[tuple] = []  # (empty for a _Done)
        get = _READ.get
        for c in cands:
            if c.quote is not None:
                allowed.append(_DOT)
                reads.append(())
                continue
            v, ch, p = c.order[0][:3]
            rv, rc, rp = get(v.raw) or _read(v.raw), get(ch.raw) or _read(ch.raw), get(p.raw) or _read(p.raw)
            allowed.append(rv[0] & rc[0] & rp[0])
            reads.append((rv, rc, rp))
        hint = "."
        for c in cands:  # (any(c.alt is not None ...), without a generator)
            if c.alt is not None:
                self.spaced_fields = sum(
                    1 for c in cands if c.quote is None for f in (c.v, c.c, c.p)
                    if " " in f.raw or "\u00a0" in f.raw or "\u202f" in f.raw)
                break
        else:
            self.spaced_fields = 0
        if _BOTH in allowed:  # (a number that reads both ways: the only two-element set)
            # page-wide number format: votes of the unambiguous numbers in the entries
            votes = {".": 0, ",": 0}
            for c in cands:
                if c.quote is not None:  # three numbers that read only the en way
                    votes["."] += 3
                    continue
                for f in (c.v, c.c, c.p):
                    d = decimal_candidates(f.raw)
                    if len(d) == 1:
                        votes[next(iter(d))] += 1
            hint = "," if votes[","] > votes["."] else "."
        out: list[Quote] = []
        # keyed by the numbers as floats (hashing a Decimal costs microseconds); a float key only
        # finds the candidates, the Decimals decide
        seen: dict[tuple[float, float, float], list[int]] = {}
        drop: set[int] = set()
        bullets = {a for a, _ in self.bullet_spans()}
        in_strip: list[bool] = []
        layouts: list[str] = []
        explain = self.explain
        made: list = []  # the candidate of each quote in out (for explain)
        q: Quote | None
        for c, al, rd in zip(cands, allowed, reads):
            if isinstance(c, _Done):
                q, key = c.quote, None
            else:
                q, key = self.resolve_one(c, hint, al, rd)
            if q is None:
                if explain is not None and c.quote is None:
                    explain.append(_evidence(c, None, hint, "refused: the arithmetic fails, and the layout "
                                             "alone is no evidence" if c.name else "refused: no name"))
                continue
            made.append(c)
            # a header repeating a strip entry ("STI" above "STI Straits Times Index"): keep one;
            # two entries of a strip are two quotes, whatever their numbers
            if key is None:
                key = (float(q.value), float(q.change), float(q.change_pct))
            same = seen.get(key)
            prior = None
            if same is None:
                seen[key] = [len(out)]
            else:
                for n in reversed(same):
                    o = out[n]
                    if o.value == q.value and o.change == q.change and o.change_pct == q.change_pct:
                        prior = n
                        break
                same.append(len(out))
            bullet = c.span[0] in bullets or c.layout in ("tape", "bullet")
            if prior is not None and not (bullet and in_strip[prior]):
                wa, wb = _words(out[prior].name), _words(q.name)
                if wa != wb and (wa <= wb or wb <= wa):
                    drop.add(prior if len(wa) < len(wb) else len(out))
            out.append(q)
            in_strip.append(bullet)
            layouts.append(c.layout)
        # a quote page: one instrument's quote header first, then lists and tables of other
        # securities (most clicked, tops and flops, constituents) - those rows are the page's
        # content, not its quote
        header = (0 if out else None) if not drop else next((n for n in range(len(out)) if n not in drop), None)
        if header is not None and layouts[header] in ("header", "subject"):
            rows = [n for n in range(header + 1, len(out)) if layouts[n] in ("row", "borrow") and n not in drop]
            for n in rows:  # a row with another row next to it: a list (a lone line stays)
                if any(m != n and abs(out[m].line - out[n].line) <= 2 for m in rows):
                    drop.add(n)
                    self.refused.append((out[n].line, out[n].name, "a row of a list below the page's quote header"))
        quotes = []
        refused = {line: why for line, _, why in self.refused} if explain is not None else {}
        for n, q in enumerate(out):
            if explain is not None:
                why = ("refused: " + refused.get(q.line, "repeats another quote's numbers under a shorter name")
                       if n in drop else None)
                explain.append(_evidence(made[n], q, hint, why))
            if n in drop:
                continue
            if not q.consistent:
                self.warnings.append(
                    f"line {q.line}: {q.name!r} fails the arithmetic check "
                    f"({q.value} {q.change} {q.change_pct}%)"
                    + ("; dropped (strict)" if self.strict else "; kept")
                )
                if self.strict:
                    continue
            quotes.append(q)
        return quotes

    def resolve_one(self, c: _Cand, hint: str, first_allowed: frozenset[str], first_reads: tuple
                    ) -> tuple[Quote | None, tuple[float, float, float] | None]:
        """The candidate's quote, or None; and its numbers as floats when they are known here
        (resolve's key for repeated numbers), else None. ``first_allowed`` and ``first_reads``:
        the separators and the three numbers' readings of the first order (resolve has them)."""
        best = None
        for n, (v, ch, p, order) in enumerate(c.order):
            if n == 0:
                allowed = first_allowed
                rv, rc, rp = first_reads
            else:
                allowed = decimal_candidates(v.raw) & decimal_candidates(ch.raw) & decimal_candidates(p.raw)
                # each number's readings (numbers.reading without its three calls a separator)
                rv, rc, rp = (_READ.get(v.raw) or _read(v.raw)), (_READ.get(ch.raw) or _read(ch.raw)), (
                    _READ.get(p.raw) or _read(p.raw))
            if not allowed:
                continue
            seps = (hint, "," if hint == "." else ".") if len(allowed) == 2 else allowed
            for sep in seps:
                if sep == ".":
                    nv, nc, np_ = rv[1], rc[1], rp[1]
                else:
                    nv, nc, np_ = rv[2], rc[2], rp[2]
                if nv is None or nc is None or np_ is None:
                    continue
                if not (_FINITE(nv[1]) and _FINITE(nc[1]) and _FINITE(np_[1])):
                    # "1111…" of 400 digits is no float a store can keep (it would be Inf)
                    self.warnings.append(f"line {c.line + 1}: entry {c.name!r} has a number too large to store; dropped")
                    return None, None
                if v.down or ch.down or p.down:
                    # a down arrow is the minus of the unsigned numbers ("▼2.57" then "-0.30%")
                    if not ch.signed:
                        nc = (-nc[0], -nc[1], nc[2])
                    if not p.signed:
                        np_ = (-np_[0], -np_[1], np_[2])
                elif (p.raw[0] in MINUS_SIGNS and ch.raw[0] not in _SIGNS and not ch.up
                      and _consistent(nv[1], -nc[1], np_[1], nv[2], nc[2], np_[2])):
                    nc = (-nc[0], -nc[1], nc[2])  # "28.42 (-1.14%)": the unsigned change takes the percent's minus
                elif (ch.raw[0] in MINUS_SIGNS and p.raw[0] not in _SIGNS and not p.up
                      and _consistent(nv[1], nc[1], -np_[1], nv[2], nc[2], np_[2])):
                    np_ = (-np_[0], -np_[1], np_[2])  # "0.066%" / "-28.77 Today": and the unsigned percent the change's
                if _consistent(nv[1], nc[1], np_[1], nv[2], nc[2], np_[2]):
                    if c.alt is not None:
                        # "S&P 500 100,01 0,01 (0,01%)": both readings pass. The one whose
                        # percent is printed closer to its arithmetic wins (100.01: 0.0100%,
                        # 500100.01: 0.0000%); on a tie, with no other space-grouped number on
                        # the page, "500" belongs to the name
                        q = self._split_alt(c, hint)
                        if q is not None:
                            mine = _misfit(nv[1], nc[1], np_[1])
                            other = _misfit(float(q.value), float(q.change), float(q.change_pct))
                            self.warnings.append(
                                f"line {c.line + 1}: {c.v.raw!r} is ambiguous: {q.name!r} {q.value} or "
                                f"{c.name!r} {nv[0]} (both pass the arithmetic)")
                            if other < mine - 1e-9 or (other <= mine + 1e-9 and self.spaced_fields <= 1):
                                return q, None
                    if c.name is None:
                        return None, (nv[1], nc[1], np_[1])
                    # (self._quote(c, nv[0], nc[0], np_[0], True), without its call)
                    got: Any = _QuoteSlots()
                    got.name = c.name
                    got.value = nv[0]
                    got.change = nc[0]
                    got.change_pct = np_[0]
                    got.line = c.line + 1
                    got.symbol = c.symbol
                    got.consistent = True
                    got.__class__ = Quote
                    return got, (nv[1], nc[1], np_[1])
                if best is None and order == "vcp":
                    best = (nv, nc, np_)
        if c.alt is not None:  # try the value's first space group as the end of the name
            q = self._split_alt(c, hint)
            if q is not None:
                return q, None
        if best is not None and c.strong and c.name is not None:
            bv, bc, bp = best
            if not bv[0]:  # "0.00 / 0.00 (0.00%)": a widget with no data, not a quote
                self.warnings.append(f"line {c.line + 1}: entry {c.name!r} shows a zero value; dropped")
                return None, None
            return self._quote(c, bv[0], bc[0], bp[0], False), (bv[1], bc[1], bp[1])
        return None, None

    def _split_alt(self, c: _Cand, hint: str) -> Quote | None:
        raw = c.v.raw
        m = re.match(r"([+\-−]?\d{1,3})[ \u00a0\u202f\u2009](.+)", raw)
        if not m or c.v.pct:
            return None
        rest = m.group(2)
        vv = parse_number(rest, decimal_sep=",") if "," in decimal_candidates(rest) else parse_number(rest)
        allowed = decimal_candidates(c.c.raw) & decimal_candidates(c.p.raw) & decimal_candidates(rest)
        if not allowed:
            return None
        sep = hint if hint in allowed else next(iter(allowed))
        vv = parse_number(rest, decimal_sep=sep)
        cc = parse_number(c.c.raw, decimal_sep=sep)
        pp = parse_number(c.p.raw, decimal_sep=sep)
        if vv is None or cc is None or pp is None or not check_arithmetic(vv, cc, pp):
            return None
        s = self.L.text(c.line)
        name = _inline_name(s[: c.v.start] + m.group(1))
        if name is None:
            return None
        return Quote(name, vv, cc, pp, c.line + 1, None, True)

    def _quote(self, c: _Cand, v: Decimal, ch: Decimal, p: Decimal, ok: bool) -> Quote | None:
        """Quote(c.name, v, ch, p, c.line + 1, c.symbol, ok), made as the fast path makes its
        quotes (see _QuoteSlots: a frozen dataclass's __init__ costs five times as much)."""
        if c.name is None:
            return None
        q: Any = _QuoteSlots()
        q.name = c.name
        q.value = v
        q.change = ch
        q.change_pct = p
        q.line = c.line + 1
        q.symbol = c.symbol
        q.consistent = ok
        q.__class__ = Quote
        return q

    # ---- strips cut off or with holes

    def cut_off_warnings(self) -> None:
        L = None
        taken: set[int] = set()  # the bullet entries' first lines (made with L)
        for _first, last in self.open_entries:
            end = self.strip_ends.get(last)
            if end is not None and _BULLET_NEAR.match(self.source, end) is None:
                continue  # no bullet on the 5 lines after a fast strip: no entry to warn about
            if L is None:
                L = self._L or self.L
                taken = {a for a, _ in self.bullet_spans()}
            kinds = L.kinds
            k = last + 1
            while k < L.n and k - last < 5 and k not in taken and (
                    (kinds[k] if kinds[k] is not None else L.kind(k)) == _BLANK or _noise(L.text(k))):
                k += 1
            if k >= L.n or k in taken or (kinds[k] if kinds[k] is not None else L.kind(k)) != _TEXT:
                continue
            m = _BULLET.match(L.text(k))
            if not m:
                continue
            name = _clean_name(L.text(k)[m.end():])
            seen_value = False
            j = k + 1
            reason = None
            while j < L.n and j - k < 6:
                kd = L.kind(j)
                if kd == _NUM:
                    seen_value = True
                elif kd == _HOLD:
                    reason = f"shows {L.text(j)!r} instead of a change"
                    break
                elif kd == _TEXT:
                    if _BULLET.match(L.text(j)) or not _noise(L.text(j)):
                        break
                j += 1
            else:
                if j >= L.n:
                    reason = "cut off before its " + ("change" if seen_value else "value")
            if reason is None and not seen_value:
                continue
            if reason is None:
                reason = "has no change and percent"
            self.warnings.append(f"line {k + 1}: entry {name!r} {reason}; dropped")

    # ---- status line and page time
