"""Stage 2: candidates per layout family - strip entries and quote headers (numbers one per line
under a name), rows and tapes (a quote on one line). Tables and labelled blocks are in
:mod:`ticker.parser.tables`, glued text in :mod:`ticker.parser.glued`."""
from __future__ import annotations

import re

from .check import fields_pass
from .lazyre import LazyPattern
from .lexicon import (
    _AT_CLOSE,
    _BID_ASK,
    _COLUMN,
    _DIRECTION,
    _DIRECTION_FIRST,
    _EXCHANGE_LINE,
    _ID_LABEL,
    _LABELS,
    _NAME_LABEL,
    _RETURN_PERIOD,
    _ROW_NUMBER_COL,
    _SESSION_HEAD,
    _SESSION_TAIL,
    _STATISTIC_LABEL,
    _UNIT_LINE,
    field_role,
    prev_close_label,
)
from .lines import (
    _ARROWS_DOWN,
    _ARROWS_UP,
    _BLANK,
    _BULLET,
    _DAY_TAIL,
    _DIGIT,
    _NUM,
    _SOFT,
    _TEXT,
    _TODAY,
    _Field,
    _soft,
)
from .model import Quote, _Cand, _Done, make_cand  # noqa: F401 (_Done: the stages take both from here)
from .names import (
    _clean_name,
    _heading_ok,
    _inline_name,
    _name_number,
    _noise,
    page_subject,
)
from .numbers import decimal_candidates, parse_number
from .state import PageState
from .subject import _DECIMAL, THRESHOLD, choose_name, classify, count_mentions, mention_text
from .words import merged


def _roles(fs: list[_Field]) -> list[tuple[_Field, _Field, _Field, str]]:
    """Possible (value, change, percent) readings of exactly three fields.

    Several readings come back only when the order is ambiguous; the arithmetic picks.
    """
    if len(fs) != 3:
        return []
    a, b, c = fs
    if a.pct + b.pct + c.pct != 1:
        return []
    k = 2 if c.pct else 1 if b.pct else 0  # where the one percent is
    if k == 2:
        return [(a, b, c, "vcp")]
    if k == 1:  # 17.999,59 +0,41% +72,62   or   +72,62 (+0,41%) 17.999,59
        if a.signed and not c.signed:
            return [(c, a, b, "cpv"), (a, c, b, "vpc")]
        return [(a, c, b, "vpc"), (c, a, b, "cpv")]
    return [(c, b, a, "pcv"), (b, c, a, "pvc")]




def _yield_fields(fs: list[_Field]) -> bool:
    """A yield, its change in percentage points and its relative change: an unsigned percent,
    a signed number, a signed percent, the arithmetic passing."""
    a, b, c = fs
    return (a.pct and not a.signed and not b.pct and b.signed and c.pct and c.signed
            and fields_pass(a.raw.rstrip("%"), b.raw, c.raw))


_ROW_NUMBER = LazyPattern(r"\d{1,4}\.?\s+")  # a row's number before its name
_UNIT_PAREN = LazyPattern(r"\s*\([^()]{1,8}\)$")
# a code printed alone on its line under a name: four to six digits, no grouping, sign or decimals
_CODE_LINE = LazyPattern(r"\d{4,6}")


def _filler(s: str) -> bool:
    """A line without digits that may sit between a value and its change: a field label
    ("Veränderung zum Vortag", "Change"), an image's alt text or a delay note ("quote price
    arrow up"); never a name line of its own."""
    return (len(s) <= 40 and _DIGIT.search(s) is None and not _BULLET.match(s)
            and (field_role(s) is not None or _noise(s)))


def _label_between(s: str) -> bool:
    """A label naming the change or percent, between a quote's value and its change ("Today's Change")."""
    if len(s) > 30 or _BULLET.match(s) or _RETURN_PERIOD.match(s) or _DIGIT.search(s):
        return False  # not "1-Year Change": a period's change is another statistic
    return field_role(s) in ("c", "p") or "change" in s.lower()


# the day's change labelled by its period ("24h", "1D", "Today", "24h:"): not "1W", "1M", a
# longer period's change
_DAY_RX = LazyPattern(rf"[ \t\u00a0]*(?:24\s?h(?:rs?|ours)?|1\s?d|{_TODAY.pattern})(?P<rest>[^\d]{{0,20}}?)[ \t\u00a0]*:?[ \t\u00a0]*", re.I)


class _Day:
    """``fullmatch``: a day label - "24h", "1D", "Today", optionally with a change's label
    after it ("24h change", "1D Chg:")."""

    @staticmethod
    def fullmatch(s: str) -> bool | None:
        m = _DAY_RX.fullmatch(s)
        if m is None:
            return None
        rest = m.group("rest").strip(" \t\u00a0:")
        return True if not rest or field_role(rest) == "c" else None


_DAY = _Day()


# a text line -> whether it may sit between two fields of one quote (see _between): a site
# prints the same labels and names page after page (bounded: cleared when full)
_BETWEEN: dict[str, bool] = {}


def _between(s: str) -> bool:
    """A text line that may sit between two fields of one quote: the change's or percent's
    label ("Today's Change"), a direction word or arrow ("하락", "▼"), a day label ("24h")."""
    got = _BETWEEN.get(s)
    if got is None:
        got = _label_between(s) or _direction_line(s) is not None or _DAY.fullmatch(s) is not None
        if len(_BETWEEN) >= 5000:
            _BETWEEN.clear()
        _BETWEEN[s] = got
    return got


def _day_label(s: str) -> bool:
    """A label saying the change after it is the day's ("24h", "1D", "Today", "Day change")."""
    return _DAY.fullmatch(s) is not None or (len(s) <= 30 and field_role(s) == "c" and _DIGIT.search(s) is None)


def _time_line_between(s: str) -> bool:
    """A time or "delayed" line that may sit between the fields of one quote."""
    return _noise(s) and _DIGIT.search(s) is not None and not _BULLET.match(s)


def _direction_line(s: str) -> tuple[bool, bool] | None:
    """A line holding only a direction word ("하락", "Decreased By") or arrow ("▼"): (down, up),
    the sign of the unsigned change (and percent) on the next number line. (Its first letter
    first: most lines start otherwise.)"""
    if s[:1] in _ARROW_CHARS:  # an arrow alone (an icon's text), or before its word ("▼ Decreased By")
        down = s[0] in _ARROWS_DOWN
        rest = s[1:].strip(" \t\u00a0")
        if not rest:
            return down, not down
        m = _DIRECTION.fullmatch(rest) if rest[:1] in _DIRECTION_FIRST else None
        return None if m is None or (m.group("down") is not None) != down else (down, not down)
    m = _DIRECTION.fullmatch(s) if s[:1] in _DIRECTION_FIRST else None
    return None if m is None else (m.group("down") is not None, m.group("up") is not None)


def _after_units(gap: str) -> str:
    """A gap between two numbers without the units and spaces it starts with ("Pkt. Veränderung"
    → "Veränderung")."""
    m = _SOFT.match(gap)
    return gap[m.end() :].strip(" \t\u00a0") if m is not None else gap.strip(" \t\u00a0")


def _labelled_direction(s: str) -> tuple[bool, bool] | None:
    """A change's label, then a direction word ("전일대비 상승", "Change Up"): (down, up), as
    :func:`_direction_line` gives them for the word alone."""
    k = s.find(" ")
    while k > 0:
        if _day_label(s[:k]) and (d := _direction_line(s[k + 1 :].strip(" \t\u00a0"))) is not None:
            return d
        k = s.find(" ", k + 1)
    return None


_ARROW_CHARS = frozenset(_ARROWS_UP + _ARROWS_DOWN)
# the first letters of the statistic labels (a cheap test before the pattern's)
_STATISTIC_FIRST = frozenset(ch for w in merged("statistic_labels") for ch in (w[0], w[0].upper()))


def _without_bid_ask(s: str, fs: list[_Field]) -> tuple[list[_Field], set[int]]:
    """The fields of a line less those a bid's or ask's label names ("6,111.81 Bid 6,111.50
    Ask 6,112.00 +59.84 (+0.99%)"), and the starts of the fields right after them (the gap
    before those is the bid and ask, which keeps the value and the change in one entry)."""
    if not any(_BID_ASK.fullmatch(s[a.end : b.start]) for a, b in zip(fs, fs[1:])):
        return fs, set()
    out: list[_Field] = []
    joined: set[int] = set()
    skipped = False
    prev_end = 0
    for f in fs:
        if not f.pct and _BID_ASK.fullmatch(s[prev_end : f.start]):
            skipped = True
        else:
            if skipped:
                if not _soft(s[prev_end : f.start], True):
                    return [], set()  # words after the ask: no quote's line
                joined.add(f.start)
            out.append(f)
            skipped = False
        prev_end = f.end
    return out, joined


def _may_read_entries(fs: list[_Field]) -> bool:
    """Whether :meth:`Candidates.inline` could read an entry from a line's fields, or mark one's
    direction: a cheap test on the fields alone, before the gaps between them are looked at.

    An entry is three fields of one run (fields the gaps keep together, a bid and ask taken out):
    a percent with two fields before it, the one next to it no percent, or three fields with one
    percent (the four-field "name ending in a number" case reads three of them). A run is a
    stretch of the fields, and taking a bid or an ask (never a percent) out of them joins no
    stretch that was not there: a line where neither is found reads none. A direction word
    between two fields marks the second when it is unsigned and the first no percent.

    >>> from ticker.parser.lines import _Field
    >>> f = lambda raw, pct: _Field.make(raw, pct, False, 0, 0)
    >>> _may_read_entries([f("+1.90", False), f("+8.43", True), f("-48.97", True)])
    False
    >>> _may_read_entries([f("6,111.81", False), f("+59.84", False), f("+0.99", True)])
    True
    """
    n = len(fs)
    for j, f in enumerate(fs):
        # a percent two fields in or more, after no percent; an unsigned field after no percent
        # (a direction word in the gap before it would mark it)
        if j and not fs[j - 1].pct and (f.pct and j >= 2 or not f.signed):
            return True
        if j + 2 < n and f.pct + fs[j + 1].pct + fs[j + 2].pct == 1:
            return True
    return False


# a bullet line -> (its name, whether that may name the numbers below): a strip's names repeat
# from page to page (bounded: cleared when full)
_BULLET_NAMES: dict[str, tuple[str, bool]] = {}


def _bullet_name(s: str, at: int) -> tuple[str, bool]:
    got = _BULLET_NAMES.get(s)
    if got is None:
        name = _clean_name(s[at:])
        if len(_BULLET_NAMES) >= 5000:
            _BULLET_NAMES.clear()
        got = _BULLET_NAMES[s] = (name, _heading_ok(name) and "|" not in name)
    return got


def _closes_at(v: str, c: str, prev: str) -> bool:
    """value − change is the previous close printed, under a decimal separator all three allow."""
    for sep in decimal_candidates(v) & decimal_candidates(c) & decimal_candidates(prev):
        nv, nc, np_ = parse_number(v, decimal_sep=sep), parse_number(c, decimal_sep=sep), parse_number(prev, decimal_sep=sep)
        if nv is not None and nc is not None and np_ is not None and abs(nv - nc - np_) <= abs(np_) / 2000:
            return True
    return False


# a year as a table's column names it ("2025", "2025年10月", "Oct 2025")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class Candidates(PageState):
    """The general stages' candidate search, a part of :class:`ticker.parser.compose.PageParser`."""

    def group(self, i: int) -> tuple[int, int]:
        """The farthest number lines from line ``i`` up and down: each within 12 lines, not into
        consumed lines, across at most three blank or label lines in a row (both walks in
        one call: they share their set-up)."""
        L = self._L or self.L
        kinds = L.kinds
        texts = L._text  # (a classified line's text is made: read from the list)
        consumed = self.consumed
        lo = i
        for step in (-1, 1):
            # the lines looked at: from i + step up to (not including) stop
            if step < 0:
                stop = i - 12
                if stop < consumed:
                    stop = consumed
            else:
                stop = i + 12
                if stop > L.n:
                    stop = L.n
            edge, gap = i, 0
            for k in range(i + step, stop, step):
                kd = kinds[k]
                if kd is None:
                    kd = L.kind(k)
                if kd == _NUM:
                    if step > 0 and _SESSION_TAIL.search(texts[k]):  # type: ignore[arg-type]
                        break  # "+$3.27 (+1.83%) Today" / "-$0.58 (-0.32%) After-hours": the session's own change
                    edge, gap = k, 0
                elif kd == _BLANK:
                    if gap >= 3:
                        break
                    # blank lines and unit lines ("Pts") between the fields: up to three in a row
                    # (a strip's spacer and its next name line end the entry)
                    gap += 1
                elif kd == _TEXT and gap < 2:
                    t: str = texts[k]  # type: ignore[assignment]
                    between = _BETWEEN.get(t)  # (_between's answer, without its call: a site's lines seen before)
                    if between is None:
                        between = _between(t)
                    # (a change's unit has numbers on both sides: the line come from first)
                    if not between and not (kinds[k - step] in (_NUM, None) and self._change_unit(k)):
                        break
                    # "8,139.83" / "Today's Change" / "60.97 / 0.75%": a label between two fields
                    # (a group of more numbers than a quote is no quote; the arithmetic decides),
                    # or a direction word ("2,455.91" / "하락" / "12.34" / "-0.50%")
                    gap += 1
                else:
                    break
            if step < 0:
                lo = edge
        return lo, edge

    def _change_unit(self, k: int) -> bool:
        """Line ``k`` is the unit of the change printed right above it, its percent alone right
        below ("+0,032" / "Prozentpunkte" / "+1,24 %")."""
        L = self._L or self.L
        if not 0 < k < L.n - 1 or L.kind(k - 1) != _NUM or L.kind(k + 1) != _NUM:
            return False  # (the lines' kinds first: known already, and most lines fail there)
        if _UNIT_LINE.fullmatch(L.text(k)) is None:
            return False
        above, below = L.fields(k - 1), L.fields(k + 1)
        return len(above) == 1 and not above[0].pct and above[0].signed and len(below) == 1 and below[0].pct

    def name_above(self, start: int) -> tuple[str, str | None, int, bool] | None:
        """Name for numbers starting at line ``start``: (name, symbol, line, is_bullet).

        The lines above, up to the previous quote, a line of numbers or a strip's bullet entry
        (at most 16 of them), are scored as names by :func:`ticker.parser.subject.choose_name`;
        a bullet entry with nothing that could be a name below it names the numbers."""
        L = self._L or self.L
        kinds = L.kinds
        texts = L._text
        window: list[tuple[int, str]] = []
        bullet = None
        for k in range(start - 1, max(self.consumed, start - 24), -1):
            kd = kinds[k]
            if kd is None:
                kd = L.kind(k)
            if kd == _BLANK:
                continue
            s: str = texts[k]  # type: ignore[assignment]  # (made when the line was classified)
            if kd != _TEXT:
                up = k - 1
                while up > self.consumed and L.kind(up) == _BLANK:
                    up -= 1
                if not (up > self.consumed and _ID_LABEL.fullmatch(L.text(up))) and not _CODE_LINE.fullmatch(s):
                    break
                # (a stock's or index's code alone under its name, "7203", "000001": a code line)
                # "WKN" above "846900": an identifier under its label, not another quote's numbers
            m = _BULLET.match(s)
            if m:
                bullet = (k, *_bullet_name(s, m.end()))
                break
            if "%" in s and L.fields(k):
                break  # another quote's line
            window.append((k, s))
            if len(window) == 16:
                break
        if not window:  # (nothing to choose from: the bullet's name, or none)
            return None if bullet is None else (bullet[1], None, bullet[0], True) if bullet[2] else None
        window.reverse()
        choice = choose_name(window, self.mentions)
        if choice is None and classify(window[-1][1]).kind == "forecast":
            # (said, for --explain: the numbers under a target's label are no quote)
            self.refused.append((window[-1][0] + 1, window[-1][1], "the numbers under a forecast's or target's label"))
            return None
        if choice is not None and L.kind(choice.line) != _TEXT:
            choice = None  # a code of digits alone ("7203") names nothing: the name is a line of words
        if choice is not None:
            if self.explain is not None:
                self.name_evidence[choice.line] = choice.explain()
            return choice.name, choice.symbol, choice.line, False
        if bullet is not None:
            return (bullet[1], None, bullet[0], True) if bullet[2] else None
        for line, s in reversed(window):
            if _EXCHANGE_LINE.fullmatch(s):  # "Nasdaq" alone above its numbers: the index of that name
                return s, None, line, False
        return None

    def names_after_numbers(self) -> None:
        """Tiles that print each name under its numbers ("指數" / "25,910.33" / "+150.21
        (+0.58%)" / "恒生指數" / "9,201.40" / ...): read as names above, every name is the
        previous tile's. The evidence: a run of three or more quotes each named by the line
        right after the previous one's numbers, the first named across a category word
        ("指數", "Indices") printed over its numbers, and a last name-like line after the
        last numbers that names nothing. Then each quote takes the name below it."""
        cs = [c for c in self.cands if isinstance(c, _Cand)]
        if len(cs) < 3:
            return
        start = 0
        for j in range(1, len(cs) + 1):
            if (j < len(cs) and cs[j].layout == "header" and cs[j - 1].layout == "header"
                    and self._next_line(cs[j - 1].span[1]) == cs[j].line):
                continue
            if j - start >= 3:
                self._shift_names(cs[start:j])
            start = j

    def first_tile_name(self) -> None:
        """Tiles of a board each printing its name right above its numbers ("DJIA" / "43,297.03"
        / "-28.77 | -0.07%" / "NASDAQ" / ...): the later tiles can only be named by that line (the
        window stops at the tile before), the first may have taken a heading further up (the
        site's name over its menu, "ABC News"). Two tiles after it, each named by the line over
        its numbers, are the evidence: the first is named the same way when that line can name."""
        cs = [c for c in self.cands if isinstance(c, _Cand)]
        for a, b, c in zip(cs, cs[1:], cs[2:]):
            if not (a.layout == b.layout == c.layout == "header" and self._next_line(a.span[1]) == b.line
                    and self._next_line(b.span[1]) == c.line):
                continue
            value_a, value_b, value_c = self._value_line(a), self._value_line(b), self._value_line(c)
            if (value_a is None or value_b is None or value_c is None or self._next_line(b.line) != value_b
                    or self._next_line(c.line) != value_c):
                continue
            above = value_a - 1
            while above > a.line and self.L.kind(above) == _BLANK:
                above -= 1
            if above <= a.line:
                continue  # named by that line already
            sc = classify(self.L.text(above))
            if sc.score is None or sc.score <= THRESHOLD or sc.kind == "forecast":
                continue
            a.name, a.symbol, a.line = sc.name or sc.text, sc.symbol, above
            a.span = (above, a.span[1])
            if self.explain is not None:
                self.name_evidence[above] = ("the line right above its numbers, as the two tiles after it are "
                                             "named")

    def _value_line(self, c: _Cand) -> int | None:
        """The first line of a header candidate's numbers (a line of numbers alone), or None."""
        L = self._L or self.L
        for k in range(c.line + 1, c.span[1] + 1):
            kd = L.kind(k)
            if kd == _NUM:
                return k
        return None

    def _next_line(self, k: int) -> int:
        """The first non-blank line after line ``k`` (or the page's end)."""
        L = self._L or self.L
        k += 1
        while k < L.n and L.kind(k) == _BLANK:
            k += 1
        return k

    def _shift_names(self, run: list) -> None:
        L = self._L or self.L
        value = run[0].span[1]  # the first tile's numbers, and the line over them: a category word
        while value - 1 > run[0].line and L.kind(value - 1) in (_NUM, _BLANK):
            value -= 1
        above = value - 1
        while above > run[0].line and L.kind(above) == _BLANK:
            above -= 1
        if L.kind(above) != _TEXT or (_NAME_LABEL.fullmatch(L.text(above)) is None and not self._names_close_tiles(run)):
            return
        last = self._next_line(run[-1].span[1])
        if last >= L.n or L.kind(last) != _TEXT:
            return
        fs = L.fields(last)
        if fs and (len(fs) > 1 or fs[0].pct or not fs[0].raw.isdigit()):
            return  # (a name's own number only: "TA-90", "Nikkei 225")
        after = self._next_line(last)
        if after < L.n and L.kind(after) == _NUM:
            return  # the line names the numbers below it
        tail = L.text(last)
        if len(tail) > 40 or classify(tail).score is None:
            return
        names = [(c.name, c.symbol, c.line) for c in run[1:]] + [(_clean_name(tail), None, last)]
        for c, (name, symbol, line) in zip(run, names, strict=True):
            c.name, c.symbol = name, symbol
            c.span = (c.span[0], max(c.span[1], line))
        self.consumed = max(self.consumed, last)

    def _names_close_tiles(self, run: list) -> bool:
        """Every tile of ``run`` prints a line right under its numbers and a blank line right
        above them ("2,234.56" / "+0.43%" / "+9.56" / "ת"א 35" / "" / "2,298.41" ...): the
        blank lines part the tiles, so the line under each tile's numbers is its name."""
        L = self.L
        for c in run:
            first = c.span[1]
            while first - 1 > c.line and L.kind(first - 1) == _NUM:
                first -= 1
            below = c.span[1] + 1
            if L.kind(first - 1) != _BLANK or below >= L.n or L.kind(below) != _TEXT:
                return False
        return True

    def mentions(self, core: str) -> int:
        """How often the page names ``core`` (case-folded): a title, a breadcrumb, "… News"."""
        folded = self.folded_text
        if folded is None:  # (once a page, when first asked: the first 200,000 characters)
            folded = self.folded_text = mention_text(self.source[:200_000].casefold())
        return count_mentions(core, folded)

    def vertical(self, i: int) -> None:
        L = self._L or self.L
        kinds = L.kinds  # (line i and the group's lines are classified: the composer and group did it)
        fields = L._fields
        own = fields[i] or L.fields(i)
        if len(own) == 3 and sum(f.pct for f in own) == 1:
            lo = hi = i  # a whole quote on its line: a row of a list, never joined to the next
        else:
            lo, hi = self.group(i)
            label = None
            for k in range(hi, lo, -1):
                if kinds[k] == _TEXT:
                    label = k
                    break
            if label is not None and self._other_label_above(lo):
                # "Previous close" / "211.76" / "Change" / "+2.80 (+1.34%)": the number above the
                # change's label is another statistic's; the group starts below the label
                lo = next(k for k in range(label + 1, hi + 1) if kinds[k] == _NUM)
        fs: list[_Field] = []
        word = None
        for k in range(lo, hi + 1):
            kd = kinds[k]
            if kd == _NUM:
                line_fs = fields[k] or L.fields(k)
                if word is not None and fs and not line_fs[0].signed and not line_fs[0].pct:
                    # the direction word on its own line above is the sign of this unsigned change
                    line_fs[0].down, line_fs[0].up = word
                word = None
                fs.extend(line_fs)
            elif kd == _TEXT:
                word = _direction_line(L.text(k))
        if len(fs) == 2 and fs[1].pct and not fs[0].pct:
            value = self._value_above_time_line(lo)
            if value is None:
                if not ((len(L.fields(lo)) == 1 or lo == hi and len(L.fields(lo)) == 2)
                        and self._change_below(lo, hi, fs[0], fs[1])):
                    self.borrow(lo, hi, fs)  # ("1.845.230,15+2,35%" / "Var. $ +42.372,10": one line too)
                return
            lo, fs = value[0], [value[1], *fs]  # "38,471.20" / "Last updated 15:00 JST" / "+761.60 (+2.02%)"
        elif len(fs) == 2 and fs[0].pct and not fs[1].pct and len(L.fields(lo)) == 1 and len(L.fields(hi)) == 1:
            # "Utveckling idag" / "+0,75 %" / "+19,20" / "Senast" / "2 573,64": the day's percent and
            # change, then the value under its label below them
            below = self._value_below_label(hi)
            if below is None:
                return
            hi, fs = below[0], [below[1], fs[1], fs[0]]
        returns = len(fs) > 3 and not fs[0].pct and not fs[1].pct and all(f.pct for f in fs[2:])
        if returns and all(len(L.fields(k)) == 1 for k in range(lo, hi + 1) if L.kind(k) == _NUM):
            # a table printed one cell a line: value, change, percent, then period returns
            # ("+1.12%" 1 month, "+14.23%" 1 year) - the first percent is the quote's
            fs = fs[:3]
        else:
            returns = False
        roles = _roles(fs)
        if (len(fs) == 3 and lo != hi and fs[1].pct and fs[1].signed and not fs[2].pct and not fs[2].signed
                and not (fs[2].down or fs[2].up)):
            # "402.3円" / "+2.61%" / "10" / "トヨタ自動車": a signed percent, then an unsigned number
            # on the next line is no change of the same quote (a site signs both); a list's rank
            roles = [r for r in roles if r[3] != "vpc"]
        if not roles and len(fs) == 3 and _yield_fields(fs):
            # a yield and its change in points ("2,614 %" / "+0,032" / "Prozentpunkte" / "+1,24 %"):
            # the first percent is the value; only when the arithmetic proves it
            roles = [(fs[0], fs[1], fs[2], "vcp")]
        if not roles:
            return
        # the first line above with text (the lines above were classified walking up: their
        # texts are made)
        texts = L._text
        consumed = self.consumed
        above = ""
        up = lo - 1
        while up > consumed:
            t = texts[up]
            if t is None:
                t = L.text(up)
            if t:
                above = t
                break
            up -= 1
        if above[:1] in _STATISTIC_FIRST and up > self.consumed and _STATISTIC_LABEL.fullmatch(above):
            # "Subscribers" / "98,765" / "+1,234 (+1.27%)": the numbers of a statistic its label names
            self.refused.append((up + 1, L.text(up), "the numbers of a statistic its label names, not a market's"))
            self.consumed = hi
            return
        named = self.name_above(lo)
        name = self._tail_name(lo, fs[-1].end) if lo == hi else None
        if name is not None and named is not None:
            # a heading above the first of rows that each print their name after their numbers
            # ("12’934.56  +23.45 (+0.18%)  SMI" / "17’412.30 ... SPI"): the row's own name
            row = self._next_line(hi)
            following = L.fields(row) if row < L.n and L.kind(row) == _NUM else []
            if not (len(following) == 3 and self._tail_name(row, following[-1].end) is not None):
                name = None
        if (named is None or name is not None) and lo == hi:
            # "38,471.20 +761.60 +2.02% Nikkei 225": the name after the numbers on their line
            # (not a time or a label: "... Official Close 3/19/2019"); weak, as a row is
            if name is not None and roles[0][3] == "vcp":
                self.cands.append(_Cand(*roles[0][:3], name, None, lo, False, roles[:1], (lo, hi), layout="row"))
                self.consumed = hi
                return
        if named is None:
            # a quote header with no name above it ("7,439.74 -8.32 -0.11%" first on the page):
            # named by the page's subject when it has one (the arithmetic must pass)
            if self.unnamed_tried or lo > 40:
                return
            after = self._next_line(hi)
            if (after < L.n and _SESSION_HEAD.match(L.text(after))
                    or _SESSION_HEAD.match(L.text(hi)[fs[-1].end :].strip())):
                # "229.55" / "-0.32 (-0.14%)" / "After-hours: Dec 2, ...", or the session named on
                # the numbers' line ("138.07 +2.73 (2.02%) After-hours: ..."): an extended session's quote
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
        # a bullet entry, or the Yahoo shape: value alone on a line, then "change (percent)" on
        # the next; with returns after it the arithmetic decides
        strong = (bullet or (roles[0][3] == "vcp" and fs[2].paren and len(fields[lo] or L.fields(lo)) == 1
                             and not fs[0].pct)) and not returns
        v, c, p, _ = roles[0]
        self.cands.append(make_cand(v, c, p, name, symbol, nline, strong, roles, (nline, hi),
                                    "bullet" if bullet else "header"))
        self.consumed = hi
        if bullet:
            self.bullets.append((nline, hi))
            self.open_entries.append((nline, hi))

    def _value_below_label(self, hi: int) -> tuple[int, _Field] | None:
        """The value labelled as such on the line after line ``hi`` ("Senast" / "2 573,64"): its
        line and field, or None."""
        L = self._L or self.L
        label = self._next_line(hi)
        if label >= L.n or L.kind(label) != _TEXT or field_role(L.text(label)) != "v":
            return None
        k = self._next_line(label)
        if k >= L.n or L.kind(k) != _NUM or len(L.fields(k)) != 1 or L.fields(k)[0].pct:
            return None
        return k, L.fields(k)[0]

    def _change_below(self, lo: int, hi: int, v: _Field, p: _Field) -> bool:
        """The value and the percent at the top of a quote page ("8 035,41 Pts" / "+0,47%"), the
        day's change a few lines below among the statistics, labelled as such ("Var. veille
        +37,42"): one quote when the arithmetic confirms it (the label alone is no evidence of
        the number it labels being this value's change). Never a value and percent alone."""
        L = self._L or self.L
        if len(L.fields(hi)) != (1 if lo != hi else 2) or not p.pct or v.pct:
            return False
        found: tuple[int, _Field] | None = None
        prev: _Field | None = None
        for k in range(hi + 1, min(L.n, hi + 12)):
            if L.kind(k) != _TEXT:
                if L.kind(k) == _NUM:
                    break  # another quote's numbers
                continue
            s = L.text(k)
            fs = L.fields(k)
            if "%" in s or len(fs) != 1 or fs[0].pct or s[fs[0].end :].strip(" \t\u00a0"):
                continue
            label = s[: fs[0].start].strip(" \t\u00a0:|")
            if prev_close_label(label):
                prev = fs[0]
                continue
            if not label or _DIGIT.search(label) or field_role(label) != "c" or _RETURN_PERIOD.match(label):
                continue
            if found is not None:
                return False  # two changes: which one is the day's?
            found = (k, fs[0])
        if found is None:
            return False
        k, c = found
        if not fields_pass(v.raw, c.raw, p.raw) or (prev is not None and not _closes_at(v.raw, c.raw, prev.raw)):
            return False  # (the previous close printed: value − change must be it)
        named = self.name_above(lo)
        if named is None or named[3]:
            return False
        roles = [(v, c, p, "vcp")]
        self.cands.append(_Cand(v, c, p, named[0], named[1], named[2], False, roles, (named[2], k), layout="header"))
        self.consumed = k
        return True

    def _tail_name(self, k: int, end: int) -> str | None:
        """The name printed after the numbers of line ``k`` (they end at ``end``), or None (a time,
        a label: "... Official Close 3/19/2019")."""
        tail = self.L.text(k)[end:].strip(" \t\u00a0|")
        return _inline_name(tail) if tail and not _noise(tail) and not _AT_CLOSE.match(tail) else None

    def _value_above_time_line(self, lo: int) -> tuple[int, _Field] | None:
        """A value alone on its line, then a time line, then the change and percent at ``lo``."""
        L = self._L or self.L
        k = lo - 1
        while k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _TEXT or not (_time_line_between(L.text(k)) or _filler(L.text(k))):
            return None
        k -= 1
        while k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _NUM:
            return None
        fs = L.fields(k)
        if len(fs) != 1 or fs[0].pct:
            return None
        if self._other_label_above(k):
            return None  # "Previous close" / "211.49" / "Change" / ...: not the value
        return k, fs[0]

    def _other_label_above(self, k: int) -> bool:
        """The line above the number at line ``k`` labels another statistic ("Previous close"
        above "211.49"): that number is not the quote's value."""
        L = self._L or self.L
        up = k - 1
        while up > self.consumed and L.kind(up) == _BLANK:
            up -= 1
        if up > self.consumed and L.kind(up) == _TEXT:
            label = L.text(up)
            # (a value's label with its unit, "Price (GBX)", labels the value)
            return bool(_LABELS.match(label) and _DIGIT.search(label) is None
                        and field_role(_UNIT_PAREN.sub("", label)) != "v" and not _UNIT_LINE.fullmatch(label))
        return False

    def borrow(self, lo: int, hi: int, fs: list[_Field]) -> None:
        """``Nikkei 225 19,006.98`` then ``-129.34 (-0.68%)``: the value ends the line above."""
        L = self._L or self.L
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
        L = self._L or self.L
        s = L.text(i)
        fs = L.fields(i)
        if len(fs) == 2:
            self._change_line(i, s, fs)
            return
        if len(fs) < 3:
            return
        if not _may_read_entries(fs):  # ("| +1.90 | +8.43% | 210.224M | ... | -48.97% | |": a row's other columns)
            if self.cands and self.cands[-1].span[1] == i:
                self.consumed = i  # (as at the end below)
            return
        fs, joined = _without_bid_ask(s, fs)
        if len(fs) < 3:
            return
        runs: list[list[_Field]] = [[fs[0]]]
        for a, b in zip(fs, fs[1:]):
            gap = s[a.end : b.start]
            if _soft(gap, True) or b.start in joined:
                runs[-1].append(b)
                continue
            sign = gap[-1] if gap[-1:] in ("+", "-", "\u2212") else ""
            m = _DIRECTION.fullmatch(gap[:-1] if sign else gap)
            if m is None and not sign:
                # the change's currency after the direction word ("R$ 38,45 arrow_upward R$ 0,57 1,50%")
                m = _DIRECTION.match(gap)
                if m is not None and (m.end() == len(gap) or not _soft(gap[m.end():], True)):
                    m = None
            if (m is not None and not b.signed and not a.pct
                    and (not sign or (sign == "+") == (m.group("up") is not None))):
                # "17,918.62 Decreased By 39.32 (0.22%)"; "44,910.65 quote price arrow up+188.59
                # (+0.42%)": an arrow image's text glued to the change's sign, which must agree
                b.down, b.up = m.group("down") is not None, m.group("up") is not None
                runs[-1].append(b)
            elif (m is not None and not sign and b.signed and not a.pct and not b.pct
                  and (b.raw[0] == "+") == (m.group("up") is not None)):
                runs[-1].append(b)  # "44,910.65 arrow down -188.59 (-0.42%)": the sign agrees
            elif a.pct and not b.pct and _DAY_TAIL.fullmatch(gap.strip(" \t\u00a0")):
                runs[-1].append(b)  # "$97,412.58 -1.89% (24h) -1,873.40 USD": the day's percent, then the change
            elif not a.pct and _day_label(_after_units(gap)):
                # "97,250.10 24h: +1,250.40 (+1.30%)", "97,250.10 Day change +1,250.40 (+1.30%)",
                # "19.234,56 Pkt. Veränderung +0,65 % +123,45" (the value's unit before the label)
                runs[-1].append(b)
            elif (not a.pct and not b.pct and not sign
                  and (d := _labelled_direction(gap.strip(" \t\u00a0"))) is not None
                  and (not b.signed or (b.raw[0] == "+") == d[1])):
                # "2,500.12 전일대비 상승 12.34 +0.50%": the change's label, then its direction
                if not b.signed:
                    b.down, b.up = d
                runs[-1].append(b)
            else:
                runs.append([b])
        seg_start = found = 0
        for run in runs:
            if (len(run) == 4 and run[1].pct and not any(f.pct for f in run[2:])
                    and _name_number(s, seg_start, run[0])):
                run = run[1:]  # "Nikkei 225 +2.02% 38,471.20 +761.60": "225" ends the name
            elif (len(run) == 4 and run[2].pct and not run[0].pct and not run[1].pct and not run[3].pct
                  and _name_number(s, seg_start, run[0])
                  and any(fields_pass(v.raw, c.raw, p.raw) for v, c, p, _ in _roles(run[1:]))):
                run = run[1:]  # "CAC 40 8 112,45 -0,30% (-24,61)": "40" ends the name, the arithmetic says so
            pcts = [j for j, f in enumerate(run) if f.pct]
            if not pcts:  # numbers without a percent stay part of the text before the next run
                continue
            for j in pcts:
                if len(run) == 3 and len(pcts) == 1:
                    window, roles = run, _roles(run)
                else:
                    if j < 2 or run[j - 1].pct:
                        continue
                    k = j - 2
                    first = next(n for n, f in enumerate(run) if f.start >= seg_start)
                    if run[k].pct and (k != first or run[k].signed):
                        # a yield printed with its percent sign opens the run ("4.398% +0.053
                        # +1.22%": change in points); any other percent before the change: no quote
                        continue
                    if k > first and not (k == first + 1 and _name_number(s, seg_start, run[first])):
                        # more numbers before the change than a value: which one is the value?
                        value_at = self.table_value(i, run, first, j)
                        if value_at is None:
                            seg_start = run[j].end
                            continue
                        k = value_at
                    window = [run[k], run[j - 1], run[j]]
                    roles = [(window[0], window[1], window[2], "vcp")]
                if not roles:
                    continue
                name = _inline_name(s[seg_start : window[0].start])
                if name is not None and name[0].isdigit() and self._numbered_rows(i):
                    name = _ROW_NUMBER.sub("", name, count=1)  # "1 上证指数" under "序号 名称 ..."
                alt = None
                v = roles[0][0]
                if (roles[0][3] == "vcp" and any(ch in v.raw for ch in " \u00a0\u202f\u2009")
                        and v.start >= 2 and s[v.start - 1] in " \u00a0" and not s[v.start - 2].isspace()):
                    # "CMC Crypto 200 885,54": maybe the name ends in "200". Not across a wider
                    # gap ("Russell 2000  5 992,39"): there the printed group starts at "5"
                    alt = v
                label = (found == 0 and window[0] is fs[0] and window[0].start > seg_start
                         and field_role(s[seg_start : window[0].start]) == "v")
                tail = s[window[-1].end :].strip(" \t\u00a0|")
                if (label or name is None and alt is None and found == 0 and window[0] is fs[0]
                        and (not (head := s[: window[0].start].strip(" \t\u00a0")) or _soft(head))
                        and (not tail or tail[0].isalpha() and (_time_line_between(tail) or _soft(tail)))):
                    # "0.6512 down 0.0008 (0.12%)": the quote header's line, its name above it (also
                    # after the value's label, "Kurs 2634.18 Zmiana +21.47 (+0.82%)": no name; the
                    # quote's time may end the line, "... 1,50% Atualizado em 02/12/2026 17:07")
                    named = self.name_above(i)
                    if len(roles) > 1:  # "Aktuell 19.234,56 Veränderung +0,65 % +123,45": the arithmetic says which
                        roles = [r for r in roles if fields_pass(r[0].raw, r[1].raw, r[2].raw)]
                    if named is not None and not named[3] and len(roles) == 1:
                        self.cands.append(_Cand(*roles[0][:3], named[0], named[1], named[2], False, roles,
                                                (named[2], i), layout="header"))
                        self.consumed = i
                        return
                if label or name is None and alt is None:
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
                if isinstance(c, _Cand) and c.name is not None:  # (all are: this line's candidates)
                    c.strong, c.layout = True, "tape"
        if self.cands and self.cands[-1].span[1] == i:
            self.consumed = i

    def _change_line(self, i: int, s: str, fs: list[_Field]) -> None:
        """A line of the change and percent after a direction word or a day label
        ("Decreased By ▼ 12.5 (0.4%)", "24h: +1,250.40 (+1.30%)"), the value alone on the line
        above, the name above that: a quote header. Weak: the arithmetic must pass."""
        c, p = fs
        tail = s[max(c.end, p.end) :].strip(" \t\u00a0|")
        after = _direction_line(tail) if tail else None  # "전일대비 ▼28.42 -0.72% 하락": the direction last
        if tail and after is None and not _soft(tail):
            return  # (a unit may end the line: "Idag +1,30 % +3,70 SEK")
        if c.pct and not p.pct:  # "24h: +1.30% (+1,250.40)": the percent first
            c, p = p, c
            if not _soft(s[p.end : c.start], True):
                return
        elif c.pct or not p.pct or not _soft(s[c.end : p.start], True):
            return
        head = s[: min(c.start, p.start)].strip(" \t\u00a0")
        word = (_direction_line(head) or _labelled_direction(head)) if head else None
        if word is not None and after is not None and word[0] != after[0]:
            return  # two direction words against each other
        if head and word is None and not _DAY.fullmatch(head) and not _day_label(head):
            return  # (a change's label, "전일대비", names the day's change)
        if not head and after is None:
            return
        word = word or after
        L = self._L or self.L
        k = i - 1
        while k > self.consumed and L.kind(k) == _BLANK:
            k -= 1
        if k <= self.consumed or L.kind(k) != _NUM or len(L.fields(k)) != 1 or L.fields(k)[0].pct:
            return
        if word is not None:
            if c.signed or c.down or c.up:
                if c.down != word[0] and (c.down or c.up):
                    return  # an arrow against its word
            else:
                c.down, c.up = word
        v = L.fields(k)[0]
        named = self.name_above(k)
        if named is None or named[3] or self._other_label_above(k):
            return
        roles = [(v, c, p, "vcp")]
        self.cands.append(_Cand(v, c, p, named[0], named[1], named[2], False, roles, (named[2], i), layout="header"))
        self.consumed = i

    def table_value(self, i: int, run: list[_Field], first: int, j: int) -> int | None:
        """Index in ``run`` of the value of a table row with more numbers than a quote
        (``Last High Low Chg. Chg.%``, ``Kurs Vortag +/- %``), or None when unsure.

        The table's header says which column is the value; without one, a number that
        the change turns into another number of the row (value − change = previous close)
        is the value. Otherwise the row is left alone: a High or Low taken for the value
        would pass the arithmetic as easily as the value itself.
        """
        L = self._L or self.L
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
        if self._dated_columns(i):
            return None  # "Item Oct 2025 Oct 2024 Change Change %": a year-ago comparison, no quote
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

    def _dated_columns(self, i: int) -> bool:
        """Row ``i`` is under a header whose columns are two or more years or dated periods
        ("项目 2025年10月 2024年10月 增减 增幅", "Item | Q3 2025 | Q3 2024 | Change | %"): each row
        sets a figure beside its own past, its change a difference of periods, not a day's."""
        L = self._L or self.L
        for k in range(i - 1, max(-1, i - 40), -1):
            t = L.text(k)
            if not t or not t.strip("-|: "):
                continue
            if L.kind(k) == _TEXT and "%" in t and len(L.fields(k)) >= 3:
                continue  # another row of the table
            return len(_YEAR.findall(t)) >= 2 and not _DECIMAL.search(t)  # (a header's line prints no decimal number)
        return False

    def _numbered_rows(self, i: int) -> bool:
        """Line ``i`` is a row of a table whose header (the nearest line above without digits)
        opens with a column numbering the rows ("序号 名称 最新价", "# Name Last")."""
        L = self._L or self.L
        for k in range(i - 1, max(-1, i - 40), -1):
            t = L.text(k)
            if t and not _DIGIT.search(t):
                first = t.split(maxsplit=1)[0]
                return _ROW_NUMBER_COL.fullmatch(first) is not None
        return False

    def table_header(self, i: int) -> tuple[str, list[tuple[int, str | None]]] | None:
        """The nearest line above row ``i`` that names table columns, with its columns
        as (cell or token index, kind): ``v`` value, ``c`` change, ``p`` percent, ``n`` other."""
        L = self._L or self.L
        for k in range(i - 1, max(-1, i - 40), -1):
            t = L.text(k)
            if not t or not t.strip("-|: "):  # blank, or a markdown rule "---|---|"
                continue
            if _DIGIT.search(t):
                if L.kind(k) == _TEXT and "%" in t and len(L.fields(k)) >= 3:
                    continue  # another row of the table
                return None
            cols: list[tuple[int, str | None]]
            if "|" in t:
                cols = []
                for n, cell in enumerate(t.split("|")):
                    cell_kinds = {m.lastgroup for m in _COLUMN.finditer(cell)}
                    for kind in "cpnv":
                        if kind in cell_kinds:
                            cols.append((n, kind))
                            break
            else:
                cols = [(n, m.lastgroup) for n, m in enumerate(_COLUMN.finditer(t))]
            kinds = [kind for _, kind in cols]
            return (t, cols) if "v" in kinds and "c" in kinds else None
        return None

    # ---- the whole page
