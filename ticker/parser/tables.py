"""Stage 2, the table families: rows under a header naming their columns (one row a line, or one
cell a line), blocks of labelled fields, and a quote header printed without a percent sign."""
from __future__ import annotations

from typing import cast

from .candidates import _Cand
from .check import fields_pass
from .lazyre import LazyPattern
from .lexicon import _COL_CODE, _COLUMN, _LABELS, _ROW_NUMBER_COL, _UNIT_LINE, field_role
from .lines import _ARROWS_DOWN, _ARROWS_UP, _BLANK, _BULLET, _DIGIT, _FIELD, _NUM, _TEXT, _Field, _soft
from .names import _clean_name, _heading_ok, _inline_name, _link, _noise, _split_symbol, page_subject
from .state import PageState
from .words import merged

_CAMEL = LazyPattern(r"(?<=[a-z])(?=[A-Z])")
_ROW_SYMBOL = LazyPattern(r"\s+([\^$.][A-Z0-9][A-Z0-9.\-=^]{0,14}|[A-Z][A-Z0-9]{0,5}[.:^][A-Z0-9.]{1,8})$")
_ROW_NUMBER = LazyPattern(r"\d{1,4}\.?\s+")
# (a label's "(%)" is part of it: "升跌(%) +0.60", "Değişim (%): 1,24%")
_LABELLED = LazyPattern(r"(?P<label>(?:%\s*)?[^\W\d](?:\(%\)|[^\d+\-−–(]){0,40}?)[\s:|]*(?=[\d+\-−–.$€£¥₹▲▼]|\((?!%))")


def header_columns(text: str) -> list[str]:
    """The kinds of the columns a table's header row names, in order: ``v`` value, ``c``
    change, ``p`` percent, ``n`` another number. Glued headers ("IndexSymbolLastChg% Chg",
    as text from a minified page) are split where a lower-case letter meets a capital.

    >>> header_columns("IndexSymbolLastChg% Chg")
    ['v', 'p', 'c']
    >>> header_columns("Name Last High Low Chg. Chg. %")
    ['v', 'n', 'n', 'c', 'p']
    """
    # (every alternative of _COLUMN is a named group: lastgroup is never None)
    return cast(list[str], [m.lastgroup for m in _COLUMN.finditer(_CAMEL.sub(" ", text))])


def numbered_header(text: str) -> bool:
    """A header row whose column names hold digits ("Latest Chg %Chg 52-Wk High Low YTD
    %Chg"): every digit inside a column's name, and a value, change and percent column.

    >>> numbered_header("Latest Chg %Chg 52-Wk High Low YTD %Chg"), numbered_header("Nikkei 225 38,471.20 +1.2%")
    (True, False)
    """
    if len(text) > 120:
        return False
    rest = _COLUMN.sub(" ", _CAMEL.sub(" ", text))
    return _DIGIT.search(rest) is None and {"v", "c", "p"} <= set(header_columns(text))


def header_readings(text: str) -> list[list[str]]:
    """Every reading of a header's columns: :func:`header_columns`'s, and where a percent's
    column name holds a change's word it may be two columns (``Change %`` as ``Change`` and
    ``%``, with no other change column), or the change's column with the next one the percent's
    (``Change % Change`` as ``Change`` and ``% Change``). The rows decide: the printed
    percent signs and the arithmetic.

    >>> header_readings("Index Value Open High Low Change %")
    [['v', 'n', 'n', 'n', 'p'], ['v', 'n', 'n', 'n', 'c', 'p']]
    >>> header_readings("Symbol Last Prev Close Change % Change Volume")
    [['v', 'n', 'p', 'c', 'n'], ['v', 'n', 'c', 'p', 'n']]
    """
    ms = list(_COLUMN.finditer(_CAMEL.sub(" ", text)))
    base = cast(list[str], [m.lastgroup for m in ms])
    out = [base]
    worded = [n for n, m in enumerate(ms) if m.lastgroup == "p" and _WORD.search(m.group()) and "%" in m.group()]
    for n in worded:
        if "c" not in base:  # "Change %": the change's column, then the percent's
            out.append([*base[:n], "c", "p", *base[n + 1 :]])
        elif n + 1 < len(base) and base[n + 1] == "c" and base.count("c") == 1:
            out.append([*base[:n], "c", "p", *base[n + 2 :]])  # "Change % Change": "Change", "% Change"
    return out


_WORD = LazyPattern(r"[^\W\d_]")


_PARENS = LazyPattern(r"\([^)]*\)")


def _header_cell(s: str) -> str | None:
    """The kind of a one-cell line of a table's header: ``v``, ``c``, ``p``, ``n`` (another
    number's column), ``s`` (the code's), ``""`` (the name's, or a word the header does not
    know), None for a line that is no header cell. Digits only inside a column's words or
    parentheses ("52 Week High", "Vol ('00)").

    >>> [_header_cell(s) for s in ("Code", "Nom", "Var. %", "52 Week High", "Vol ('00)", "8 089,56")]
    ['s', '', 'p', 'n', 'n', None]
    """
    if not s or len(s) > 24:
        return None
    kinds = header_columns(s)
    if len(kinds) > 1:
        return None
    if _DIGIT.search(s) and _DIGIT.search(_COLUMN.sub(" ", _PARENS.sub(" ", s))):
        return None
    if not kinds:
        return "s" if _COL_CODE.fullmatch(s) else ""
    return kinds[0]


# a percent column's words printed without "%" ("涨跌幅", "등락률"): a header cell of them has
# no "%" for the page's reading to stop at (literal words: found by a plain search)
_PCT_WORDS = tuple(w for w in merged("col_pct") if "%" not in w and not any(ch in w for ch in ".^$*+?{}[]\\|()"))
_HEADER_KINDS: dict[str, str | None] = {}


def _header_kind(s: str) -> str | None:
    """:func:`_header_cell`, remembered (a site prints the same header page after page;
    bounded: cleared when full)."""
    try:
        return _HEADER_KINDS[s]
    except KeyError:
        if len(_HEADER_KINDS) >= 5000:
            _HEADER_KINDS.clear()
        kind = _HEADER_KINDS[s] = _header_cell(s)
        return kind


class Tables(PageState):
    """Layout families without a ``%`` on the quote's line: table rows under a header naming
    their columns, and blocks of labelled fields. A part of :class:`PageParser`."""

    def cell_table_above(self, i: int) -> bool:
        """The first row's percent at line ``i`` of a table printed one cell per line under a
        header with no ``%`` in it ("代码" / "名称" / "最新价" / "涨跌额" / "涨跌幅" /
        "成交额(亿)" / "000001" / "上证指数" / ... / "-0.21%"): the header's percent cell
        within twelve short lines above; read as :meth:`cell_table` reads it. (The page is
        searched for those words only when a line above may be such a cell: a strip's entry
        above, the commonest case, ends the look before it.)"""
        L = self._L or self.L
        kinds = L.kinds
        for k in range(i - 1, max(self.consumed, i - 13), -1):
            kd = kinds[k]
            if (kd if kd is not None else L.kind(k)) == _TEXT:  # (a number's line is no header cell: not looked at)
                s: str = L._text[k]  # type: ignore[assignment]  # (made when the line was classified)
                if len(s) > 24 or _BULLET.match(s):
                    return False  # (a strip's entry above: no cell table)
                if "%" not in s and _DIGIT.search(s) is None:
                    if self.pct_header_words is None:  # (one search of the page for the few such words)
                        self.pct_header_words = any(w in self.source for w in _PCT_WORDS)
                    if not self.pct_header_words:
                        return False
                    if _header_kind(s) == "p":
                        return self.cell_table(k)
        return False

    def cell_table(self, i: int) -> bool:
        """A table printed one cell per line, its header too ("Index" / "Last" / "Chg" /
        "% Chg", then "Nikkei 225" / "38,471.20" / "761.60" / "2.02"): the header's cells are
        the short lines ending at line ``i``; each row a name line, then one number per
        numeric column. Weak evidence: each row must pass the arithmetic."""
        L = self._L or self.L
        cols: list[str] = []
        k = i
        while k > self.consumed and i - k < 10:  # (a name column, a code column and up to eight others)
            kind = _header_cell(L.text(k))
            if kind is None:
                break
            cols.insert(0, kind)
            k -= 1
        below = i + 1  # the header's cells after the percent's ("Volume", "52 Week High")
        while below < L.n and below - i < 9 and cols and cols[0] in ("", "s"):
            kind = _header_cell(L.text(below))
            if not kind or kind == "s" or kind in "vcp" and kind in cols:  # ("Var. %" / "Var.": the change after)
                break
            cols.append(kind)
            below += 1
        # the name's column (and the code's) right before the first numeric one: lines above
        # them are the page's, not the header's ("行情" / "沪深指数" / "代码" / "名称" / ...)
        first_num = next((n for n, c in enumerate(cols) if c not in ("", "s")), len(cols))
        lead = cols[max(0, first_num - 2) : first_num]
        lead = lead if lead.count("s") == 1 and lead.count("") == 1 else lead[-1:]
        cols = [*lead, *cols[first_num:]]
        # a code column before or after the name's ("Code" / "Nom", "代码" / "名称"): its cell
        # starts or follows the row's name
        code = cols[:2].count("s") == 1 and "" in cols[:2] and "s" not in cols[2:]
        if code:
            code_first = cols[0] == "s"
            cols = ["", *cols[2:]]
        numeric = [c for c in cols if c]
        if sorted(c for c in numeric if c != "n") != ["c", "p", "v"] or cols[0] != "" or "" in cols[1:]:
            return False  # a name column first, then value, change and percent in some order
        order = "".join(numeric)
        i = below - 1
        j, rows, end = i + 1, 0, min(L.n, i + (len(numeric) + 3) * 400)
        while j < end:
            while j < end and L.kind(j) == _BLANK:
                j += 1
            symbol = None
            if code and code_first and j < end:  # the code's cell, then the name's
                symbol = L.text(j)
                if len(symbol) > 12 or " " in symbol:
                    break
                j += 1
                while j < end and L.kind(j) == _BLANK:
                    j += 1
            if j >= end or L.kind(j) != _TEXT:
                break
            name = _inline_name(L.text(j))
            m = j + 1
            if code and not code_first:
                while m < end and L.kind(m) == _BLANK:
                    m += 1
                symbol = L.text(m) if m < end else ""
                if not symbol or len(symbol) > 12 or " " in symbol:
                    break
                m += 1
            cells: list[_Field | None] = []
            while m < end and len(cells) < len(order):
                if L.kind(m) == _BLANK:
                    m += 1
                    continue
                fs = L.fields(m) if L.kind(m) == _NUM else []
                if len(fs) != 1:
                    t = L.text(m)
                    if order[len(cells)] == "n" and len(t) <= 12 and _DIGIT.search(t) and " " not in t:
                        cells.append(None)  # another column's cell, not a number ("2.1B", "1.2M")
                        m += 1
                        continue
                    break
                cells.append(fs[0])
                m += 1
            if name is None or len(cells) != len(order):
                break
            f = {kind: cell for kind, cell in zip(order, cells) if kind != "n"}
            if any(cell is None for cell in f.values()):
                break
            self.cands.append(_Cand(f["v"], f["c"], f["p"], name, symbol, j, False, [(f["v"], f["c"], f["p"], "vcp")],
                                    (j, m - 1), layout="table"))
            rows += 1
            j = m
        if rows:
            self.consumed = max(self.consumed, j - 1)
        return rows > 0

    def table(self, i: int, head: str | None = None) -> None:
        """Rows under the header at line ``i`` (its text, or ``head``: the cells of a header
        printed one a line): each row a name (and a symbol) then exactly
        three numbers in the header's value/change/percent order, the percent with or without
        its sign ("S&P/TSX Composite Index ^TSX 15,598.57 92.35 0.60"). Weak evidence: each
        row must pass the arithmetic."""
        L = self._L or self.L
        text = L.text(i) if head is None else head
        readings = [r for r in header_readings(text) if sorted(k for k in r if k in "vcp") == ["c", "p", "v"]]
        if not readings:
            cells = _cell_reading(text)
            if cells is None:
                return
            readings = [cells]
        cols = readings[0]
        if max(len(r) for r in readings) > 3:  # more numbers a row than a quote's: each picked by its column
            self.wide_table(i, readings)
            return
        order = "".join(k for k in cols if k in "vcp")
        # "Último % Dif. Dif.", "涨跌幅 涨跌额": the percent's column before the change's; and
        # "Last Chg% Chg" glued, where the change comes first. Rows without a percent sign to
        # say which is which are read both ways: the arithmetic decides
        both = order == "vpc"
        if both:
            order = "vcp"
        first = text.split(maxsplit=1)
        numbered = bool(first) and _ROW_NUMBER_COL.fullmatch(first[0]) is not None  # "序号 名称 最新价 ..."
        self._first_row_under(i)
        k, misses, last = i + 1, 0, i
        while k < L.n and misses < 3 and k - i < 2000:
            kd = L.kind(k)
            if kd == _BLANK:
                k += 1
                continue
            row = self._row(k, order, both, numbered)
            if row is None:
                misses += 1
            else:
                misses = 0
                last = k
            k += 1
        if last > i:
            self.consumed = max(self.consumed, last)

    def wide_table(self, i: int, readings: list[list[str]]) -> None:
        """Rows under a header naming more numeric columns than a quote's three ("Name | Last |
        High | Low | Chg | Chg % | Volume", "Index Last Change %Change 52w High 52w Low", "Kurs
        +/- % Hoch Tief"): value, change and percent each taken from its own column, the
        percent with or without its sign. Cells between pipes or tabs line up with the
        header's; a row of numbers between spaces is aligned to the header from its end (a
        name may end in a number, "Nikkei 225") or, with a text cell after it ("2.1B"), from
        the name. Weak evidence: each row must pass the arithmetic."""
        L = self._L or self.L
        head = L.text(i)
        sep = "|" if "|" in head else "\t" if "\t" in head else None
        cells: dict[int, str] | None = None
        ncells = len(head.split(sep)) if sep is not None else 0
        if sep is not None:  # the kind of each cell of the header, by cell index
            cells = {}
            for n, cell in enumerate(head.split(sep)):
                kinds = header_columns(cell)
                if kinds == ["c", "p"]:
                    kinds = ["p"]  # "+/- %" in one cell: the percent's column
                if len(kinds) == 1:
                    cells[n] = kinds[0]
                elif kinds:
                    cells = None
                    break
            if cells is not None and sorted(k for k in cells.values() if k in "vcp") != ["c", "p", "v"]:
                cells = None
        k, misses, last = i + 1, 0, i
        self._first_row_under(i)
        while k < L.n and misses < 3 and k - i < 2000:
            if L.kind(k) == _BLANK:
                k += 1
                continue
            if self._wide_row(k, readings, sep, cells, ncells):
                misses, last = 0, k
            else:
                misses += 1
            k += 1
        if last > i:
            self.consumed = max(self.consumed, last)

    def stacked_header(self, i: int) -> tuple[int, str] | None:
        """A table's header printed one cell a line around line ``i`` ("Name" / "Kurs" / "%" /
        "+/-"), its rows below with their cells on one line (tabs or bars): the header's last
        line and its cells joined by tabs, or None."""
        L = self.L

        def cell(k: int) -> bool:
            s = L.text(k)
            return L.kind(k) == _TEXT and 0 < len(s) <= 24 and not L.fields(k) and _DIGIT.search(s) is None

        if not cell(i):
            return None
        lo, hi = i, i
        while lo - 1 > self.consumed and i - lo < 6 and cell(lo - 1):
            lo -= 1
        while hi + 1 < L.n and hi - i < 6 and cell(hi + 1):
            hi += 1
        cells = [L.text(k) for k in range(lo, hi + 1)]
        if len(cells) < 3 or sum(1 for c in cells if _COLUMN.fullmatch(c)) < 3:
            return None
        row = hi + 1
        if row >= L.n or L.kind(row) == _BLANK or len(L.fields(row)) < 3:
            return None
        t = L.text(row)
        if "\t" not in t and "|" not in t:
            return None
        return hi, "\t".join(cells)

    def _first_row_under(self, i: int) -> None:
        """Note header line ``i`` and its first row (a row without a name there is the quote of
        the heading above the header: :meth:`_heading_of_row`)."""
        first = i + 1
        while first < self.L.n and self.L.kind(first) == _BLANK:
            first += 1
        self.table_head, self.first_row = i, first

    def _wide_row(self, k: int, readings: list[list[str]], sep: str | None, cells: dict[int, str] | None,
                  ncells: int) -> bool:
        """A row under a wide header: with several readings of the header, the first whose
        columns put no percent sign in the value's or the change's cell and that the
        arithmetic confirms (else the first one the signs allow: the arithmetic refuses it)."""
        if len(readings) == 1:
            return self._wide_row_as(k, readings[0], sep, cells, ncells, True)
        for final in (False, True):
            for cols in readings:
                if self._wide_row_as(k, cols, sep, cells, ncells, final):
                    return True
        return False

    def _wide_row_as(self, k: int, cols: list[str], sep: str | None, cells: dict[int, str] | None,
                     ncells: int, final: bool) -> bool:
        """One reading of a wide table's row; ``final`` False: only when the arithmetic passes."""
        L = self._L or self.L
        s = L.text(k)
        fs = L.fields(k)
        if len(fs) < 3:
            return False
        iv, ic, ip = cols.index("v"), cols.index("c"), cols.index("p")
        roles: list[tuple[_Field, _Field, _Field, str]] = []
        if sep is not None and cells is not None and sep in s:
            parts = s.split(sep)
            if len(parts) != ncells:
                return False
            starts: list[tuple[int, int]] = []
            pos = 0
            for part in parts:
                starts.append((pos, pos + len(part)))
                pos += len(part) + 1
            got: dict[str, _Field] = {}
            for n, kind in cells.items():
                if kind not in "vcp" or n >= len(starts):
                    continue
                a, b = starts[n]
                inside = [f for f in fs if f.start >= a and f.end <= b]
                if len(inside) != 1:
                    return False
                got[kind] = inside[0]
            if len(got) != 3:
                return False
            name_end = min(f.start for f in got.values())
            # (the first cell with a letter: not a rank's "1")
            name_cell = next((p for p in parts if any(ch.isalpha() for ch in p)), "")
            head = name_cell if s.index(name_cell) < name_end else ""
            roles.append((got["v"], got["c"], got["p"], "vcp"))
        else:
            run = [fs[-1]]
            for fa, fb in zip(reversed(fs[:-1]), reversed(fs)):
                if not _soft(s[fa.end : fb.start], True):
                    break
                run.insert(0, fa)
            tail = s[run[-1].end :].strip()
            if tail and not (tail[0].isalnum()):
                return False
            offsets = []
            if len(run) >= len(cols):
                offsets.append(len(run) - len(cols))  # aligned from the row's end
            if tail and len(run) < len(cols) + 2:
                offsets.append(0)  # a text cell after the numbers: aligned from the name
                if len(run) > 1:
                    offsets.append(1)  # (the name's own number first: "Nikkei 225")
            aligned = [(o, (run[iv + o], run[ic + o], run[ip + o], "vcp")) for o in dict.fromkeys(offsets)
                       if max(iv, ic, ip) + o < len(run)]
            if not aligned:
                return False
            # the alignment the arithmetic confirms (else the first, which it will refuse)
            o, role = next(((o, r) for o, r in aligned if fields_pass(r[0].raw, r[1].raw, r[2].raw)), aligned[0])
            roles.append(role)
            head = s[: run[o].start]
        roles = [r for r in roles if not (r[0].pct or r[1].pct)]
        if not roles or not final and not fields_pass(roles[0][0].raw, roles[0][1].raw, roles[0][2].raw):
            return False
        symbol = None
        head = head.rstrip(" \t|")
        m = _ROW_SYMBOL.search(head)
        if m:
            symbol, head = m.group(1), head[: m.start()]
        name = _inline_name(head, max_words=12)
        line = k
        if name is None:
            named = self._heading_of_row(k, head)
            if named is None:
                return False
            name, symbol, line = named
        v, c, p, _ = roles[0]
        self.cands.append(_Cand(v, c, p, name, symbol, line, False, roles, (line, k), layout="table"))
        return True

    def _row(self, k: int, order: str, both: bool = False, numbered: bool = False) -> bool | None:
        L = self._L or self.L
        s = L.text(k)
        fs = L.fields(k)
        if len(fs) < 3:
            return None
        run = [fs[-1]]
        for a, b in zip(reversed(fs[:-1]), reversed(fs)):
            if not _soft(s[a.end : b.start], True):
                break
            run.insert(0, a)
        tail = s[run[-1].end :].strip(" \t\u00a0|")  # (a pipe table's last bar ends the row)
        if tail and not tail[0].isalpha():
            return None
        # the run of numbers ending the row; a name before it ("S&P/TSX 60 Index (CAD)" keeps
        # its "60": the numbers are the last three)
        run = run[-3:]
        if len(run) != 3:
            return None
        head = s[: run[0].start].rstrip()
        if numbered:  # the row's number before its name ("1 上证指数")
            head = _ROW_NUMBER.sub("", head, count=1)
        symbol = None
        m = _ROW_SYMBOL.search(head)
        if m:
            symbol, head = m.group(1), head[: m.start()]
        name = _inline_name(head, max_words=12)  # a table cell holds a long name whole
        line = k
        if name is None:
            named = self._heading_of_row(k, head)
            if named is None:
                return None
            name, symbol, line = named
        f = dict(zip(order, run))
        if run[1].pct != run[2].pct and not run[0].pct:
            # the printed percent sign says which is the percent ("Price Change % Change" rows
            # "39,631.06 -0.07% -28.14"), whatever order a (perhaps glued) header gave
            f["c"], f["p"] = (run[2], run[1]) if run[1].pct else (run[1], run[2])
            both = False
        roles = [(f["v"], f["c"], f["p"], "vcp")]
        if both:
            roles.append((f["v"], f["p"], f["c"], "vcp"))
        self.cands.append(_Cand(f["v"], f["c"], f["p"], name, symbol, line, False, roles, (line, k), layout="table"))
        return True

    def _heading_of_row(self, k: int, head: str) -> tuple[str, str | None, int] | None:
        """The name of a row without one: only the first row right under the header
        ("Actual Chg %Chg" / "4.142 -0.031 -0.74%", "Último Dif. Dif. % Máximo ..." / "16.284,30
        ..."), which is the quote of the page's heading above the header."""
        if head.strip(" \t|") or k != self.first_row:
            return None
        named = self.name_above(self.table_head)
        if named is None or named[3]:
            return None
        return named[0], named[1], named[2]

    def labelled(self, i: int) -> bool:
        """A block of labelled fields around line ``i`` ("Value 9,675.43" / "Change -22.94
        (-0.24%)", "Price 22,579.43" / "Change Today -3.38" / "% Change -0.02 %"): each role
        named by its label (:func:`ticker.parser.lexicon.field_role`), within three lines of
        each other. Named by the heading above the block, else the page's subject or title.
        Weak evidence: the arithmetic must pass."""
        L = self._L or self.L
        kinds = L.kinds
        kd = kinds[i]
        if kd is None:
            kd = L.kind(i)
        # (a line of numbers alone holds no label: the tests of its neighbours come first)
        m = _LABELLED.match(L.text(i)) if kd != _NUM else None
        bare = False  # the percent's line holds only numbers: labelled above it, or beside the value's
        if m is None or field_role(m.group("label")) not in ("c", "p"):
            if kd != _NUM:
                return False
            # (self._prev_text(i), without its call: most lines of numbers end here)
            up = i - 1
            consumed = self.consumed
            while up > consumed and i - up < 4 and (kinds[up] if kinds[up] is not None else L.kind(up)) == _BLANK:
                up -= 1
            above = up if up > consumed and (kinds[up] if kinds[up] is not None else L.kind(up)) != _BLANK else None
            if above is not None and kinds[above] == _NUM:  # (classified just now)
                return False  # a bare value above the numbers: a quote header's (vertical), no block
            under_change = above is not None and self._change_label_line(above) and self._lone_pct(i)
            if self._own_label(i) not in ("c", "p") and not self._bare_change(i) and not under_change:
                return False  # the percent's own line names the change or the percent, or no block
            bare = self._own_label(i) is None and not under_change
        else:
            under_change = False
        found: dict[str, tuple[int, list[_Field]]] = {}
        if under_change:
            found["p"] = (i, L.fields(i))  # "2,145.67" / "שינוי: 12.34" / "0.58%": the percent under the change
        lo, hi = self._near(i, 3, 4)
        for k in range(lo, min(L.n, hi)):
            s = L.text(k)
            m = _LABELLED.match(s)
            if bare and k == i:
                found["c"] = (k, L.fields(k)[:1])  # "▼ -9,40 (-1,30%)" / "Kurs 712,60 DKK"
                found["p"] = (k, L.fields(k)[1:])
                continue
            if m is None and L.kind(k) == _TEXT and not L.fields(k) and field_role(s) is not None:
                j = self._next_text(k)
                if j is None or L.kind(j) != _NUM:
                    continue
                role, fs = field_role(s), list(L.fields(j))  # "Change today" / "+0.58 (+0.52%)"
            elif m is None:
                continue
            else:
                role = field_role(m.group("label"))
                fs = [f for f in L.fields(k) if f.start >= m.end("label")]
            if role is None:
                continue
            if m is not None and m.end("label") < len(s) and (s[m.end("label")] in "+-−–" or s[m.end("label")].isdigit()):
                # the label glued to its number ("Today's Change-23.46 / -0.28%"): the fields of
                # the text after the label
                at = m.end("label")
                fs = [_Field(f) for f in _FIELD.finditer(s[at:])]
                for f in fs:
                    f.start, f.end = f.start + at, f.end + at
            if not fs or (role == "c" and len(fs) > 2) or (role != "c" and len(fs) != 1):
                continue
            if role == "c" and not fs[0].signed:
                arrow = s[fs[-1].end :].strip(" \t\u00a0")[:1]
                if arrow and arrow in _ARROWS_DOWN + _ARROWS_UP:
                    # "Change 21.87  ▼": the arrow after the unsigned change is its sign
                    fs[0].down, fs[0].up = arrow in _ARROWS_DOWN, arrow in _ARROWS_UP
            if role == "c" and len(fs) == 2 and fs[0].pct and not fs[1].pct and (fs[1].paren or fs[1].signed):
                # "Zmiana +0,44% (+12,34)", "Veränderung +0,65 % +123,45": the percent first
                fs = [fs[1], fs[0]]
            if role == "c" and len(fs) == 2:  # "Change -22.94 (-0.24%)"
                if not fs[1].pct or "p" in found:
                    continue
                found["p"] = (k, [fs[1]])
                fs = fs[:1]
            if role == "c" and len(fs) == 1 and fs[0].pct and "c" in found and "p" not in found:
                role = "p"  # "Dif.: -42,10" / "Var.: -0,26%": a change word labels the percent, its sign says so
            if role in found:
                return False  # two of a kind: a table of statistics, not one quote
            found[role] = (k, fs)
        if set(found) == {"c", "p"} and found["c"][0] != found["p"][0]:
            # the value printed alone under the name, the change and percent labelled below it
            # on lines of their own ("16.380,70" / "Dif.: -42,10" / "Var.: -0,26%"; a change
            # line holding both is the inline family's, which reads its direction words)
            value = self._value_above_labels(min(k for k, _ in found.values()))
            if value is not None:
                found["v"] = (value[0], [value[1]])
        elif set(found) == {"c", "p"} and L.kind(found["c"][0]) == _TEXT and not L.fields(found["c"][0]):
            # the change's label alone on its line over the change and percent, the value under
            # its own label above it ("現在値" / "3,041.0円" / "(12/02 15:30)" / "前日比" / "-27.0 (-0.88%)")
            # (only across the quote's time: without it the quote header's family reads the lines)
            value = self._value_above_labels(found["c"][0])
            if value is not None and self._own_label(value[0]) == "v" and self._prev_text(found["c"][0]) != value[0]:
                found["v"] = (value[0], [value[1]])
        if set(found) != {"v", "c", "p"}:
            return False
        if bare and found["v"][0] not in (self._next_text(i), self._prev_text(i)):
            return False  # an unlabelled change line belongs to the value printed right beside it
        v, c, p = found["v"][1][0], found["c"][1][0], found["p"][1][0]
        if v.pct or c.pct or (not p.pct and not p.paren and not fields_pass(v.raw, c.raw, p.raw)):
            # (a percent printed without its sign: its label says it is one, "Veränderung %:
            # +0,46", and the arithmetic must confirm it here - a block it refuses is no block)
            return False
        top = min(k for k, _ in found.values())
        bottom = max(k for k, _ in found.values())
        if self._repeats(v, c, p):
            self.consumed = max(self.consumed, bottom)
            return True
        named = self.name_above(top)
        name = symbol = None
        if named is not None and not named[3] and (top - named[2] <= 4 or top - named[2] <= 8 and not any(
                L.kind(k) == _NUM for k in range(named[2] + 1, top))):
            # (further up where only words are between: a code, a venue line, buttons)
            name, symbol = named[0], named[1]
        if name is None and bare:
            return False  # (an unlabelled change line is read only under its heading)
        if name is None:
            name = page_subject(L.text(k) for k in range(min(L.n, bottom + 120))) or self.page_title()
        if name is None or any(name in L.text(k) for k in range(top, bottom + 1)):
            return False  # (the subject or first line is one of the block's own: "Kurs 45,10")
        self.cands.append(_Cand(v, c, p, name, symbol, top, False, [(v, c, p, "vcp")], (top, bottom), layout="labelled"))
        self.consumed = max(self.consumed, bottom)
        return True

    def _next_text(self, k: int) -> int | None:
        """The next line after ``k`` that is not blank, within three lines."""
        L = self._L or self.L
        j = k + 1
        while j < L.n and j - k < 4 and L.kind(j) == _BLANK:
            j += 1
        return j if j < L.n and L.kind(j) != _BLANK else None

    def _prev_text(self, k: int) -> int | None:
        """The line before ``k`` that is not blank, within three lines, not into consumed lines."""
        L = self._L or self.L
        kinds = L.kinds
        j = k - 1
        while j > self.consumed and k - j < 4 and (kinds[j] if kinds[j] is not None else L.kind(j)) == _BLANK:
            j -= 1
        return j if j > self.consumed and (kinds[j] if kinds[j] is not None else L.kind(j)) != _BLANK else None

    def _change_label_line(self, k: int) -> bool:
        """Line ``k`` is a change's label and the change alone after it ("שינוי: 12.34")."""
        L = self.L
        fs = L.fields(k)
        if L.kind(k) != _TEXT or len(fs) != 1 or fs[0].pct:
            return False
        s = L.text(k)
        return not s[fs[0].end :].strip(" \t\u00a0") and field_role(s[: fs[0].start]) == "c"

    def _lone_pct(self, i: int) -> bool:
        """Line ``i`` holds one percent and nothing else."""
        fs = self.L.fields(i)
        return len(fs) == 1 and fs[0].pct

    def _own_label(self, i: int) -> str | None:
        """The role named by a label printed alone on the line right above the numbers of
        line ``i`` ("Change today" / "+0.58 (+0.52%)")."""
        L = self._L or self.L
        k = self._prev_text(i)
        if k is None or L.kind(k) != _TEXT or L.fields(k):
            return None
        return field_role(L.text(k))

    def _bare_change(self, i: int) -> bool:
        """Line ``i`` holds only a change and its percent in parentheses ("▼ -9,40 (-1,30%)"),
        and a line right beside it is a labelled value ("Kurs 712,60 DKK")."""
        L = self._L or self.L
        fs = L.fields(i)
        if len(fs) != 2 or fs[0].pct or not fs[1].pct or not fs[1].paren:
            return False
        above = self._prev_text(i)
        if above is not None and L.kind(above) == _NUM:
            return False  # a bare value above ("3,367.90" / "+29.33 (+0.88%)"): a quote header's, not a block's
        for k in (above, self._next_text(i)):
            if k is None or L.kind(k) != _TEXT:
                continue
            m = _LABELLED.match(L.text(k))
            if m is not None and field_role(m.group("label")) == "v":
                return True
        return False

    def _near(self, i: int, up: int, down: int) -> tuple[int, int]:
        """The range of lines around line ``i`` holding ``up`` non-blank lines above it and
        ``down`` - 1 below (pages print blank lines between a block's lines), not into
        consumed lines: (first, end)."""
        L = self._L or self.L
        lo, n = i, 0
        while lo - 1 > self.consumed and n < up and i - lo < 3 * up:
            lo -= 1
            n += L.kind(lo) != _BLANK
        hi, n = i + 1, 0
        while hi < L.n and n < down - 1 and hi - i < 3 * down:
            n += L.kind(hi) != _BLANK
            hi += 1
        return lo, hi

    def _repeats(self, v: _Field, c: _Field, p: _Field) -> bool:
        """The block prints the numbers of a quote found above it (a quote page's header,
        then its statistics "Last 2,840.47" / "Net Change 7.11" / "Net Change(%) 0.25%"):
        the same quote, not another."""
        key = (v.raw, _bare(c.raw), _bare(p.raw))
        return any(isinstance(o, _Cand) and (o.v.raw, _bare(o.c.raw), _bare(o.p.raw)) == key for o in self.cands)

    def stacked(self, i: int) -> bool:
        """Labels each on its own line above its number ("Ultimo" / "34.512,33" / "Var. %" /
        "+0,36" / "Var. ass." / "+123,45"), the percent's label at line ``i``: its number may
        lack the sign, its label says what it is. Named by the heading above the first label.
        Weak evidence: the arithmetic must pass."""
        L = self._L or self.L
        if field_role(L.text(i)) != "p":
            return False
        found: dict[str, tuple[int, _Field]] = {}
        lo, hi = self._near(i, 4, 6)  # (four lines of text above, six below - the value last -, blank lines apart)
        for k in range(lo, min(L.n - 1, hi)):
            if L.kind(k) != _TEXT or L.fields(k):
                continue
            role = field_role(L.text(k))
            if role is None:
                continue
            j = k + 1
            while j < L.n - 1 and j - k < 4 and L.kind(j) == _BLANK:
                j += 1
            if L.kind(j) != _NUM or len(L.fields(j)) != 1:
                continue
            if role in found:
                return False  # two of a kind: a table of statistics, not one quote
            found[role] = (k, L.fields(j)[0])
        if set(found) == {"c", "p"}:
            value = self._value_above_labels(min(k for k, _ in found.values()))
            if value is not None:  # "34.092,38" / "Var %" / "+0,85" / "Var. Assoluta" / "+287,12"
                found["v"] = value
        if set(found) != {"v", "c", "p"}:
            return False
        v, c, p = found["v"][1], found["c"][1], found["p"][1]
        if v.pct or c.pct:
            return False
        top = min(k for k, _ in found.values())
        bottom = max(k for k, _ in found.values()) + 1
        if self._repeats(v, c, p):
            self.consumed = max(self.consumed, bottom)
            return True
        named = self.name_above(top)
        if named is None or named[3] or top - named[2] > 4:
            return False
        self.cands.append(_Cand(v, c, p, named[0], named[1], top, False, [(v, c, p, "vcp")], (top, bottom),
                                layout="labelled"))
        self.consumed = max(self.consumed, bottom)
        return True

    def _value_above_labels(self, top: int) -> tuple[int, _Field] | None:
        """The value printed without a label right above the first label at ``top``: one
        number alone on its line, no label or column word above it (that number would be
        another statistic's), so directly under the name."""
        L = self._L or self.L
        k = top - 1
        while k > self.consumed and (L.kind(k) == _BLANK or L.kind(k) == _TEXT and k == top - 1 and _noise(L.text(k))
                                     and _DIGIT.search(L.text(k)) is not None):
            k -= 1  # (blank lines, and the quote's time right under the value: "3,041.0円" / "(12/02 15:30)")
        if k <= self.consumed or L.kind(k) != _NUM or len(L.fields(k)) != 1 or L.fields(k)[0].pct:
            return None
        up = k - 1
        while up > self.consumed and L.kind(up) == _BLANK:
            up -= 1
        if up <= self.consumed or L.kind(up) != _TEXT:
            return None
        label = L.text(up)
        role = field_role(label)
        if role == "v":
            return k, L.fields(k)[0]  # "Senast" / "285,40" / "+/-" / "−3,20": the value under its own label
        if _LABELS.match(label) or role is not None or _UNIT_LINE.fullmatch(label):
            return None
        if header_columns(label):
            return None  # a statistic's column word ("Volumen", "Apertura", "Day High"): its number, not the value
        return k, L.fields(k)[0]

    def page_title(self) -> str | None:
        """The page's first line when it is a heading (a quote page opens with its instrument)."""
        L = self._L or self.L
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
        L = self._L or self.L
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


def _cell_reading(text: str) -> list[str] | None:
    """The columns of a header of cells (tabs or bars) read cell by cell, where a cell naming a
    change and a percent is the percent's column ("Namn | Senast | +/- % | +/- | Tid": one
    column each); None unless a value, a change and a percent column come out."""
    sep = "\t" if "\t" in text else "|" if "|" in text else None
    if sep is None:
        return None
    out: list[str] = []
    for cell in text.split(sep):
        kinds = header_columns(cell)
        if kinds == ["c", "p"]:
            kinds = ["p"]
        if len(kinds) > 1:
            return None
        out.extend(kinds)
    return out if sorted(k for k in out if k in "vcp") == ["c", "p", "v"] else None


def _bare(raw: str) -> str:
    """A change or percent as printed, without its plus sign."""
    return raw.lstrip("+")


def _bare_gap(s: str) -> bool:
    """A unit line ("Punkte") or a short label ending in a colon ("Zeithorizont:")."""
    return _UNIT_LINE.fullmatch(s) is not None or (len(s) <= 30 and s.endswith(":") and not _DIGIT.search(s))
