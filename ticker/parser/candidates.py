"""Stage 2: candidates per layout family - vertical groups, lines, tables."""
from __future__ import annotations

import re


from .lexicon import _AT_CLOSE, _RETURN_PERIOD, _GLUED_STATUS, _DIRECTION, _ID_LINE, field_role, _ID_LABEL, _COLUMN, _LABELS, _LETTER, _STATUS, _SYMBOL, _SYMBOL_EXCHANGE, _UNIT_LINE
from .lines import _BLANK, _NUM, _TEXT, _BULLET, _DIGIT, _Field, _soft
from .model import Quote
from .names import _unglue, _link, _sentence, page_subject, _clean_name, _heading_ok, _inline_name, _name_number, _noise, _split_symbol
from .check import check_arithmetic
from .numbers import decimal_candidates, parse_number


class _Cand:
    """A candidate entry: three fields in value/change/percent roles, a name, a provenance.

    ``layout`` names the layout family that found it (``bullet``, ``header``, ``subject``,
    ``borrow``, ``row``, ``tape``); ``strong`` says its layout alone makes it a quote (a bullet
    entry, a strip's shape, a tape's repeated entry): it is kept, flagged, when the arithmetic
    fails, where a weak one is dropped."""

    __slots__ = ("v", "c", "p", "name", "symbol", "line", "strong", "order", "span", "alt", "layout")
    quote = None  # (a _Done has its quote already)

    def __init__(self, v, c, p, name, symbol, line, strong, order, span, alt=None, layout="row"):
        self.v, self.c, self.p = v, c, p
        self.name, self.symbol, self.line = name, symbol, line
        self.strong, self.order, self.span, self.alt = strong, order, span, alt
        self.layout = layout


class _Done:
    """A strip entry :meth:`_Parser.fast_strip` has already made into its quote: all that
    :meth:`_Parser.resolve` reads of a :class:`_Cand` once its ``quote`` is set (made only on
    pages where fast and general entries mix)."""

    __slots__ = ("quote", "span")
    alt = None
    layout = "bullet"

    def __init__(self, quote: Quote, span: tuple[int, int]) -> None:
        self.quote, self.span = quote, span


def _roles(fs: list[_Field]) -> list[tuple[_Field, _Field, _Field, str]]:
    """Possible (value, change, percent) readings of exactly three fields.

    Several readings come back only when the order is ambiguous; the arithmetic picks.
    """
    pcts = [i for i, f in enumerate(fs) if f.pct]
    if len(fs) != 3 or len(pcts) != 1:
        return []
    a, b, c = fs
    k = pcts[0]
    if k == 2:
        return [(a, b, c, "vcp")]
    if k == 1:  # 17.999,59 +0,41% +72,62   or   +72,62 (+0,41%) 17.999,59
        if a.signed and not c.signed:
            return [(c, a, b, "cpv"), (a, c, b, "vpc")]
        return [(a, c, b, "vpc"), (c, a, b, "cpv")]
    return [(c, b, a, "pcv"), (b, c, a, "pvc")]




def _label_between(s: str) -> bool:
    """A label naming the change or percent, between a quote's value and its change ("Today's Change")."""
    if len(s) > 30 or _BULLET.match(s) or _RETURN_PERIOD.match(s) or _DIGIT.search(s):
        return False  # not "1-Year Change": a period's change is another statistic
    return field_role(s) in ("c", "p") or "change" in s.lower()


def _TIME_LINE_BETWEEN(s: str) -> bool:
    """A time or "delayed" line that may sit between the fields of one quote."""
    return _noise(s) and _DIGIT.search(s) is not None and not _BULLET.match(s)


class Candidates:
    """The general stages' candidate search, a part of :class:`ticker.parser.compose.PageParser`."""

    def group(self, i: int) -> tuple[int, int]:
        return self._reach(i, -1), self._reach(i, 1)

    def _reach(self, i: int, step: int) -> int:
        """The farthest number line from line ``i`` in direction ``step``: within 8 lines, not
        into consumed lines, across at most one blank line at a time."""
        L = self.L
        edge, k, gap = i, i + step, 0
        while (k > self.consumed if step < 0 else k < L.n) and abs(k - i) < 12:
            kd = L.kind(k)
            if kd == _NUM:
                edge, gap = k, 0
            elif kd == _BLANK and gap < 3:
                # blank lines and unit lines ("Pts") between the fields: up to three in a row
                # (a strip's spacer and its next name line end the entry)
                gap += 1
            elif kd == _TEXT and gap < 2 and _label_between(L.text(k)):
                # "8,139.83" / "Today's Change" / "60.97 / 0.75%": a label between two fields
                # (a group of more numbers than a quote is no quote; the arithmetic decides)
                gap += 1
            else:
                break
            k += step
        return edge

    def name_above(self, start: int) -> tuple[str, str | None, int, bool] | None:
        """Name for numbers starting at line ``start``: (name, symbol, line, is_bullet)."""
        L = self.L
        k, seen, prose = start - 1, 0, 0
        symbol: tuple[str, int] | None = None
        while k > self.consumed and seen < 6 and start - k < 12:
            kd = L.kind(k)
            if kd == _BLANK:
                k -= 1
                continue
            up = k - 1
            while up > self.consumed and L.kind(up) == _BLANK:
                up -= 1
            if up > self.consumed and _ID_LABEL.fullmatch(L.text(up)):
                # "ISIN" above "DE0008469008", "Börse" above "Xetra": an identifier, not a name
                seen += 1
                k = up - 1
                continue
            if kd != _TEXT:
                break
            s = L.text(k)
            m = _BULLET.match(s)
            if m:
                name = _clean_name(s[m.end():])
                if symbol is None and _heading_ok(name) and "|" not in name:
                    return name, None, k, True
                break
            if _noise(s) or _STATUS.fullmatch(s) or _link(s) or s[-1] == "*" or _ID_LINE.match(s):
                # a time, a status, a link, a label with a footnote mark ("MI Indication*")
                seen += 1
                k -= 1
                continue
            if symbol is None and _SYMBOL.fullmatch(s) and _LETTER.search(s):
                symbol = (s, k)
                seen += 1
                k -= 1
                continue
            m = _SYMBOL_EXCHANGE.fullmatch(s)  # ".DJI:Dow Jones Global Indexes"
            if symbol is None and m:
                symbol = (m.group(1), k)
                seen += 1
                k -= 1
                continue
            if "|" in s and not _DIGIT.search(s):  # "RT Quote | Exchange": a tab row, not a name
                seen += 1
                k -= 1
                continue
            if _LABELS.match(s) or _UNIT_LINE.fullmatch(s):  # "Last Price", "Punkte"
                seen += 1
                k -= 1
                continue
            if prose < 2 and symbol is None and _sentence(s) and not _heading_ok(s):
                prose += 1  # a description between the heading and its numbers
                k -= 1
                continue
            if _heading_ok(s):
                name, sym = _split_symbol(_unglue(_clean_name(s)))
                if symbol is None:
                    return name, sym, k, False
                if sym is not None:  # "Dow Jones Industrial Average (DJI)" above "US30"
                    return name, sym, k, False
                first = next((ch for ch in name if ch.isalnum()), "").upper()
                if first and first in symbol[0].upper():
                    return name, symbol[0], k, False
            break
        if symbol is not None:
            code = symbol[0]
            return code, (code if any(ch in code for ch in "^:=.$") else None), symbol[1], False
        return None

    def vertical(self, i: int) -> None:
        L = self.L
        own = L.fields(i)
        if len(own) == 3 and sum(f.pct for f in own) == 1:
            lo = hi = i  # a whole quote on its line: a row of a list, never joined to the next
        else:
            lo, hi = self.group(i)
        fs: list[_Field] = []
        for k in range(lo, hi + 1):
            if L.kind(k) == _NUM:
                fs.extend(L.fields(k))
        if len(fs) == 2 and fs[1].pct and not fs[0].pct:
            value = self._value_above_time_line(lo)
            if value is None:
                self.borrow(lo, hi, fs)
                return
            lo, fs = value[0], [value[1], *fs]  # "38,471.20" / "Last updated 15:00 JST" / "+761.60 (+2.02%)"
        roles = _roles(fs)
        if not roles:
            return
        named = self.name_above(lo)
        if named is None and lo == hi:
            # "38,471.20 +761.60 +2.02% Nikkei 225": the name after the numbers on their line
            # (not a time or a label: "... Official Close 3/19/2019"); weak, as a row is
            s = L.text(lo)
            tail = s[fs[-1].end :].strip(" \t\u00a0|")
            name = _inline_name(tail) if tail and not _noise(tail) and not _AT_CLOSE.match(tail) else None
            if name is not None and roles[0][3] == "vcp":
                self.cands.append(_Cand(*roles[0][:3], name, None, lo, False, roles[:1], (lo, hi), layout="row"))
                self.consumed = hi
                return
        if named is None:
            # a quote header with no name above it ("7,439.74 -8.32 -0.11%" first on the page):
            # named by the page's subject when it has one (the arithmetic must pass)
            if self.unnamed_tried or lo > 40:
                return
            self.unnamed_tried = True
            subject = page_subject(L.text(k) for k in range(min(L.n, hi + 120)))
            if subject is None:
                return
            named = (subject, None, lo, False)
            roles = [r for r in roles if r[3] == roles[0][3]]
            self.cands.append(_Cand(*roles[0][:3], subject, None, lo, False, roles, (lo, hi), layout="subject"))
            self.consumed = hi
            return
        name, symbol, nline, bullet = named
        # Yahoo shape: value alone on a line, then "change (percent)" on the next
        yahoo = (
            roles[0][3] == "vcp"
            and fs[2].paren
            and len(L.fields(lo)) == 1
            and not fs[0].pct
        )
        strong = bullet or yahoo
        self.cands.append(_Cand(*roles[0][:3], name, symbol, nline, strong, roles, (nline, hi),
                                layout="bullet" if bullet else "header"))
        self.consumed = hi
        if bullet:
            self.bullets.append((nline, hi))
            self.open_entries.append((nline, hi))

    def _value_above_time_line(self, lo: int) -> tuple[int, _Field] | None:
        """A value alone on its line, then a time line, then the change and percent at ``lo``."""
        L = self.L
        k = lo - 1
        while k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _TEXT or not _TIME_LINE_BETWEEN(L.text(k)):
            return None
        k -= 1
        while k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _NUM:
            return None
        fs = L.fields(k)
        if len(fs) != 1 or fs[0].pct:
            return None
        return k, fs[0]

    def borrow(self, lo: int, hi: int, fs: list[_Field]) -> None:
        """``Nikkei 225 19,006.98`` then ``-129.34 (-0.68%)``: the value ends the line above."""
        L = self.L
        k = lo - 1
        if k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _TEXT:
            return
        s = L.text(k)
        above = L.fields(k)
        if not above or above[-1].pct or not _soft(s[above[-1].end:]):
            return
        name = _inline_name(s[: above[-1].start])
        if name is None:
            return
        roles = [(above[-1], fs[0], fs[1], "vcp")]
        self.cands.append(_Cand(*roles[0][:3], name, None, k, False, roles, (k, hi), layout="borrow"))
        self.consumed = hi

    # ---- entries inside a line of text

    def inline(self, i: int) -> None:
        L = self.L
        s = L.text(i)
        fs = L.fields(i)
        if len(fs) < 3:
            return
        runs: list[list[_Field]] = [[fs[0]]]
        for a, b in zip(fs, fs[1:]):
            gap = s[a.end : b.start]
            if _soft(gap, True):
                runs[-1].append(b)
                continue
            m = _DIRECTION.fullmatch(gap)
            if m is not None and not b.signed and not a.pct:  # "17,918.62 Decreased By 39.32 (0.22%)"
                b.down, b.up = m.group("down") is not None, m.group("up") is not None
                runs[-1].append(b)
            else:
                runs.append([b])
        seg_start = found = 0
        for run in runs:
            if (len(run) == 4 and run[1].pct and not any(f.pct for f in run[2:])
                    and _name_number(s, seg_start, run[0])):
                run = run[1:]  # "Nikkei 225 +2.02% 38,471.20 +761.60": "225" ends the name
            pcts = [j for j, f in enumerate(run) if f.pct]
            if not pcts:  # numbers without a percent stay part of the text before the next run
                continue
            for j in pcts:
                if len(run) == 3 and len(pcts) == 1:
                    window, roles = run, _roles(run)
                else:
                    if j < 2 or run[j - 1].pct or run[j - 2].pct:
                        continue
                    k = j - 2
                    first = next(n for n, f in enumerate(run) if f.start >= seg_start)
                    if k > first and not (k == first + 1 and _name_number(s, seg_start, run[first])):
                        # more numbers before the change than a value: which one is the value?
                        k = self.table_value(i, run, first, j)
                        if k is None:
                            seg_start = run[j].end
                            continue
                    window = [run[k], run[j - 1], run[j]]
                    roles = [(window[0], window[1], window[2], "vcp")]
                if not roles:
                    continue
                name = _inline_name(s[seg_start : window[0].start])
                alt = None
                v = roles[0][0]
                if (roles[0][3] == "vcp" and any(ch in v.raw for ch in " \u00a0\u202f\u2009")
                        and v.start >= 2 and s[v.start - 1] in " \u00a0" and not s[v.start - 2].isspace()):
                    # "CMC Crypto 200 885,54": maybe the name ends in "200". Not across a wider
                    # gap ("Russell 2000  5 992,39"): there the printed group starts at "5"
                    alt = v
                if name is None and alt is None:
                    seg_start = window[-1].end
                    continue
                self.cands.append(_Cand(*roles[0][:3], name, None, i, False, roles, (i, i), alt,
                                        layout="bullet" if found == 0 and _BULLET.match(s) else "row"))
                found += 1
                seg_start = window[-1].end
            seg_start = max(seg_start, run[-1].end)
        if found >= 3 and len(runs) >= found:
            # a tape: three or more entries on one line, each its own run of numbers between
            # names ("Sensex : 84,393.07 -5.20(0.25%) , Nifty : ..."). The repeated shape is
            # evidence of its own: an entry failing the arithmetic is kept, flagged
            for c in self.cands[-found:]:
                if c.name is not None:
                    c.strong, c.layout = True, "tape"
        if self.cands and self.cands[-1].span[1] == i:
            self.consumed = i

    def table_value(self, i: int, run: list[_Field], first: int, j: int) -> int | None:
        """Index in ``run`` of the value of a table row with more numbers than a quote
        (``Last High Low Chg. Chg.%``, ``Kurs Vortag +/- %``), or None when unsure.

        The table's header says which column is the value; without one, a number that
        the change turns into another number of the row (value − change = previous close)
        is the value. Otherwise the row is left alone: a High or Low taken for the value
        would pass the arithmetic as easily as the value itself.
        """
        L = self.L
        ch = run[j - 1]
        head = self.table_header(i)
        if head is not None:
            text, cols = head
            s = L.text(i)
            if "|" in text and "|" in s:  # pipe table: cells line up
                try:
                    vcell = next(n for n, kind in cols if kind == "v")
                    ccell = next(n for n, kind in cols if kind == "c" and n > vcell)
                except StopIteration:
                    return None
                want = s.count("|", 0, ch.start) - (ccell - vcell)
                for k in range(first, j - 1):
                    if not run[k].pct and s.count("|", 0, run[k].start) == want:
                        return k
                return None
            kinds = [kind for _, kind in cols]
            if "v" in kinds:
                v = kinds.index("v")
                if "c" in kinds[v + 1 :]:
                    k = j - 1 - (kinds.index("c", v + 1) - v)
                    return k if k >= first and not run[k].pct else None
            return None
        pre = [k for k in range(first, j - 1) if not run[k].pct]
        seps = decimal_candidates(ch.raw)
        for sep in (".", ","):
            if sep not in seps:
                continue
            c = parse_number(ch.raw, decimal_sep=sep)
            if c is None:
                continue
            nums = {k: parse_number(run[k].raw, decimal_sep=sep) for k in pre}
            # one pass with a count of each number (not a pairwise scan: a row of 16,000 numbers
            # must stay linear)
            counts: dict = {}
            for x in nums.values():
                if x is not None:
                    counts[x] = counts.get(x, 0) + 1
            for k in pre:
                x = nums[k]
                if x is not None and counts.get(x - c, 0) > (1 if c == 0 else 0):
                    return k
        return None

    def table_header(self, i: int) -> tuple[str, list[tuple[int, str]]] | None:
        """The nearest line above row ``i`` that names table columns, with its columns
        as (cell or token index, kind): ``v`` value, ``c`` change, ``p`` percent, ``n`` other."""
        L = self.L
        for k in range(i - 1, max(-1, i - 40), -1):
            t = L.text(k)
            if not t or not t.strip("-|: "):  # blank, or a markdown rule "---|---|"
                continue
            if _DIGIT.search(t):
                if L.kind(k) == _TEXT and "%" in t and len(L.fields(k)) >= 3:
                    continue  # another row of the table
                return None
            if "|" in t:
                cols = []
                for n, cell in enumerate(t.split("|")):
                    kinds = {m.lastgroup for m in _COLUMN.finditer(cell)}
                    for kind in "cpnv":
                        if kind in kinds:
                            cols.append((n, kind))
                            break
            else:
                cols = [(n, m.lastgroup) for n, m in enumerate(_COLUMN.finditer(t))]
            kinds = [kind for _, kind in cols]
            return (t, cols) if "v" in kinds and "c" in kinds else None
        return None

    # ---- the whole page


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ROW_SYMBOL = re.compile(r"\s+([\^$.][A-Z0-9][A-Z0-9.\-=^]{0,14}|[A-Z][A-Z0-9]{0,5}[.:^][A-Z0-9.]{1,8})$")
_LABELLED = re.compile(r"(?P<label>(?:%\s*)?[^\W\d][^\d+\-−–(]{0,40}?)[\s:]*(?=[\d+\-−–(.$€£¥₹▲▼])")


def header_columns(text: str) -> list[str]:
    """The kinds of the columns a table's header row names, in order: ``v`` value, ``c``
    change, ``p`` percent, ``n`` another number. Glued headers ("IndexSymbolLastChg% Chg",
    as text from a minified page) are split where a lower-case letter meets a capital.

    >>> header_columns("IndexSymbolLastChg% Chg")
    ['v', 'p', 'c']
    >>> header_columns("Name Last High Low Chg. Chg. %")
    ['v', 'n', 'n', 'c', 'p']
    """
    return [m.lastgroup for m in _COLUMN.finditer(_CAMEL.sub(" ", text))]


class Tables:
    """Layout families without a ``%`` on the quote's line: table rows under a header naming
    their columns, and blocks of labelled fields. A part of :class:`PageParser`."""

    def cell_table(self, i: int) -> bool:
        """A table printed one cell per line, its header too ("Index" / "Last" / "Chg" /
        "% Chg", then "Nikkei 225" / "38,471.20" / "761.60" / "2.02"): the header's cells are
        the short lines ending at line ``i``; each row a name line, then one number per
        numeric column. Weak evidence: each row must pass the arithmetic."""
        L = self.L
        cols: list[str] = []
        k = i
        while k > self.consumed and i - k < 6:
            s = L.text(k)
            if not s or len(s) > 20 or _DIGIT.search(s):
                break
            kinds = header_columns(s)
            if len(kinds) > 1:
                break
            cols.insert(0, kinds[0] if kinds else "")
            k -= 1
        numeric = [c for c in cols if c]
        if sorted(numeric) != ["c", "p", "v"] or cols[0] != "":
            return False  # a name column first, then value, change and percent in some order
        order = "".join(numeric)
        j, rows, end = i + 1, 0, min(L.n, i + 6 * 400)
        while j < end:
            while j < end and L.kind(j) == _BLANK:
                j += 1
            if j >= end or L.kind(j) != _TEXT:
                break
            name = _inline_name(L.text(j))
            cells: list[_Field] = []
            m = j + 1
            while m < end and len(cells) < 3:
                if L.kind(m) == _BLANK:
                    m += 1
                    continue
                fs = L.fields(m) if L.kind(m) == _NUM else []
                if len(fs) != 1:
                    break
                cells.append(fs[0])
                m += 1
            if name is None or len(cells) != 3:
                break
            f = dict(zip(order, cells))
            self.cands.append(_Cand(f["v"], f["c"], f["p"], name, None, j, False, [(f["v"], f["c"], f["p"], "vcp")],
                                    (j, m - 1), layout="table"))
            rows += 1
            j = m
        if rows:
            self.consumed = max(self.consumed, j - 1)
        return rows > 0

    def table(self, i: int) -> None:
        """Rows under the header at line ``i``: each row a name (and a symbol) then exactly
        three numbers in the header's value/change/percent order, the percent with or without
        its sign ("S&P/TSX Composite Index ^TSX 15,598.57 92.35 0.60"). Weak evidence: each
        row must pass the arithmetic."""
        L = self.L
        cols = header_columns(L.text(i))
        order = "".join(k for k in cols if k in "vcp")
        if sorted(order) != ["c", "p", "v"] or "n" in "".join(cols)[min(map(cols.index, "vcp")):max(map(cols.index, "vcp"))]:
            return
        if order == "vpc":  # "Last Chg% Chg" glued: a header lists the change before its percent
            order = "vcp"
        k, misses, last = i + 1, 0, i
        while k < L.n and misses < 3 and k - i < 2000:
            kd = L.kind(k)
            if kd == _BLANK:
                k += 1
                continue
            row = self._row(k, order)
            if row is None:
                misses += 1
            else:
                misses = 0
                last = k
            k += 1
        if last > i:
            self.consumed = max(self.consumed, last)

    def _row(self, k: int, order: str) -> bool | None:
        L = self.L
        s = L.text(k)
        fs = L.fields(k)
        if len(fs) < 3:
            return None
        run = [fs[-1]]
        for a, b in zip(reversed(fs[:-1]), reversed(fs)):
            if not _soft(s[a.end : b.start], True):
                break
            run.insert(0, a)
        tail = s[run[-1].end :].strip()
        if tail and not tail[0].isalpha():
            return None
        # the run of numbers ending the row; a name before it ("S&P/TSX 60 Index (CAD)" keeps
        # its "60": the numbers are the last three)
        run = run[-3:]
        if len(run) != 3:
            return None
        head = s[: run[0].start].rstrip()
        symbol = None
        m = _ROW_SYMBOL.search(head)
        if m:
            symbol, head = m.group(1), head[: m.start()]
        name = _inline_name(head, max_words=12)  # a table cell holds a long name whole
        if name is None:
            return None
        f = dict(zip(order, run))
        roles = [(f["v"], f["c"], f["p"], "vcp")]
        self.cands.append(_Cand(f["v"], f["c"], f["p"], name, symbol, k, False, roles, (k, k), layout="table"))
        return True

    def labelled(self, i: int) -> bool:
        """A block of labelled fields around line ``i`` ("Value 9,675.43" / "Change -22.94
        (-0.24%)", "Price 22,579.43" / "Change Today -3.38" / "% Change -0.02 %"): each role
        named by its label (:func:`ticker.parser.lexicon.field_role`), within three lines of
        each other. Named by the heading above the block, else the page's subject or title.
        Weak evidence: the arithmetic must pass."""
        L = self.L
        m = _LABELLED.match(L.text(i))
        if m is None or field_role(m.group("label")) not in ("c", "p"):
            return False  # the percent's own line names the change or the percent, or no block
        found: dict[str, tuple[int, list[_Field]]] = {}
        lo = max(self.consumed + 1, i - 3)
        for k in range(lo, min(L.n, i + 4)):
            s = L.text(k)
            m = _LABELLED.match(s)
            if m is None:
                continue
            role = field_role(m.group("label"))
            if role is None:
                continue
            fs = [f for f in L.fields(k) if f.start >= m.end("label")]
            if not fs or (role == "c" and len(fs) > 2) or (role != "c" and len(fs) != 1):
                continue
            if role == "c" and len(fs) == 2:  # "Change -22.94 (-0.24%)"
                if not fs[1].pct or "p" in found:
                    continue
                found["p"] = (k, [fs[1]])
                fs = fs[:1]
            if role in found:
                return False  # two of a kind: a table of statistics, not one quote
            found[role] = (k, fs)
        if set(found) != {"v", "c", "p"}:
            return False
        v, c, p = found["v"][1][0], found["c"][1][0], found["p"][1][0]
        if v.pct or c.pct or (not p.pct and not p.paren):
            return False
        top = min(k for k, _ in found.values())
        bottom = max(k for k, _ in found.values())
        named = self.name_above(top)
        name = symbol = None
        if named is not None and not named[3] and top - named[2] <= 4:
            name, symbol = named[0], named[1]
        if name is None:
            name = page_subject(L.text(k) for k in range(min(L.n, bottom + 120))) or self.page_title()
        if name is None:
            return False
        self.cands.append(_Cand(v, c, p, name, symbol, top, False, [(v, c, p, "vcp")], (top, bottom), layout="labelled"))
        self.consumed = max(self.consumed, bottom)
        return True

    def page_title(self) -> str | None:
        """The page's first line when it is a heading (a quote page opens with its instrument)."""
        L = self.L
        for k in range(min(L.n, 3)):
            s = L.text(k)
            if not s:
                continue
            if _heading_ok(s) and not _noise(s) and not _link(s) and not _LABELS.match(s) and not _DIGIT.search(s[:1]):
                return _split_symbol(_clean_name(s))[0]
            return None
        return None

    def bare_header(self, limit: int = 400) -> None:
        """A quote header printed without any ``%`` ("21281.93" / "Punkte" / "Zeithorizont:" /
        "164.05 Punkte" / "0.78"): three numbers one per line near the top of a page, with at
        most two unit or label lines between them, under a name. Looked for only on a page
        where nothing else was found, and taken only when the arithmetic proves the third
        number is the percent (weak evidence)."""
        L = self.L
        k = self.consumed + 1
        end = min(L.n, limit)
        while k < end:
            if L.kind(k) != _NUM:
                k += 1
                continue
            fs, j, between, last = list(L.fields(k)), k + 1, 0, k
            while j < end and len(fs) < 4 and j - k < 10:
                kd = L.kind(j)
                if kd == _NUM:
                    fs += L.fields(j)
                    last, between = j, 0
                elif kd == _BLANK:
                    pass
                elif between < 2 and _bare_gap(L.text(j)):
                    between += 1
                else:
                    break
                j += 1
            # no parentheses or percent signs (those lines are read elsewhere), and a line
            # after the last number: a page cut inside "0.78" must not give "0.7"
            if (len(fs) == 3 and not fs[0].signed and not any(f.pct or f.paren for f in fs)
                    and last < L.n - 1):
                named = self.name_above(k)
                if named is not None and not named[3]:
                    roles = [(fs[0], fs[1], fs[2], "vcp")]
                    self.cands.append(_Cand(fs[0], fs[1], fs[2], named[0], named[1], named[2], False, roles,
                                            (named[2], last), layout="header"))
                    self.consumed = last
                    return
            k = last + 1


def _bare_gap(s: str) -> bool:
    """A unit line ("Punkte") or a short label ending in a colon ("Zeithorizont:")."""
    return _UNIT_LINE.fullmatch(s) is not None or (len(s) <= 30 and s.endswith(":") and not _DIGIT.search(s))


# A quote glued to its name and fields, as text extraction of a minified page gives it:
# "Straits Times Index3,367.90+29.33(+0.88%)". The change's sign ends the value; the percent's
# "%" ends the entry. Where the name's digits end and the value's begin is for the number
# formats and the arithmetic to decide.
_GLUED = re.compile(
    r"(?P<head>[^\d%]*?[^\W\d_][^\d%]{0,3}?[\d]*?)(?P<digits>\d[\d,.]*\d)"
    r"(?P<c>[+\-−]\d[\d,.]*\d|[+\-−]\d)\s?\(?(?P<p>[+\-−]?\d[\d,.]*)\s?%\)?"
)


_GLUE_SPLIT = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


class Glued:
    """The glued layout family, a part of :class:`PageParser`."""

    def glued(self, i: int) -> bool:
        """Entries glued together on line ``i``; True when any was found."""
        L = self.L
        s = L.text(i)
        found = 0
        pos = 0
        for m in _GLUED.finditer(s):
            head, digits = m.group("head"), m.group("digits")
            readings = []
            # every split of the digits into the end of the name and a well-formed value
            for cut in range(0, min(len(digits) - 1, 6)):
                if cut and not digits[cut - 1].isdigit():
                    break
                raw = digits[cut:]
                if not raw[0].isdigit() or (raw[0] == "0" and len(raw) > 1 and raw[1].isdigit()):
                    continue
                if not decimal_candidates(raw):
                    continue
                readings.append((head + digits[:cut], raw))
            c = _Field.make(m.group("c"), False, False, m.start("c"), m.end("c"))
            p = _Field.make(m.group("p"), True, True, m.start("p"), m.end())
            for text_name, raw in readings:
                text_name = s[pos:m.start()] + text_name
                st = _GLUED_STATUS.search(text_name)
                if st is not None:  # "U.S. markets closedS&P 500": the status, then the name
                    if self.glued_status is None:
                        parts = _GLUE_SPLIT.split(text_name[: st.end()])
                        while len(parts) > 1 and _noise(parts[0].strip()):
                            parts.pop(0)  # "AdvertisementSingapore markets closed"
                        self.glued_status = _clean_name("".join(parts))
                    text_name = text_name[st.end():]
                name = _inline_name(_unglue(text_name))
                if name is None:
                    continue
                v = _Field.make(raw, False, False, m.end("digits") - len(raw), m.end("digits"))
                ok = False
                for sep in decimal_candidates(raw) & decimal_candidates(c.raw) & decimal_candidates(p.raw):
                    nv, nc, np_ = (parse_number(x, decimal_sep=sep) for x in (raw, c.raw, p.raw))
                    if nv is not None and nc is not None and np_ is not None and check_arithmetic(nv, nc, np_):
                        ok = True
                        break
                if ok:  # the longest value that passes (the name keeps no more digits than it must)
                    self.cands.append(_Cand(v, c, p, name, None, i, False, [(v, c, p, "vcp")], (i, i),
                                            layout="glued"))
                    found += 1
                    break
            pos = m.end()
        if found:
            self.consumed = max(self.consumed, i)
        return found > 0
