"""Stage 1: the page's lines and the number fields printed in them."""
from __future__ import annotations

import re

from .lazyre import LazyPattern
from .numbers import MINUS_SIGNS
from .words import merged

# --------------------------------------------------------------------------- tokens

_SPC = " \t\u00a0\u202f\u2009\u2007\u3000"
_SP = f"[{_SPC}]"
_SIGN = "[+" + re.escape(MINUS_SIGNS) + "]"
# Space grouping (fr: 37 783,04) needs a decimal comma; otherwise the space is far more often a
# gap between two numbers ("CMC Crypto 200 776.87", "750 100 (15.38%)"). A space-grouped
# integer alone on its line ("38 471") is read by _Lines._classify.
_BODY = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # Indian lakh grouping: 12,34,567.80
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+\.\d+"  # a no-break space group with a point: 40 074.69
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+,\d+"
    r"|\d{1,3}(?:['’ʼ]\d{3})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
    r"|[.,]\d+)"
)
_ARROWS_UP = "▲△↑⬆"
_ARROWS_DOWN = "▼▽↓⬇"
_CURSYM = "$€£¥₹₩₽₺₪฿₫₦₱"
CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # kana, CJK ideographs, Hangul
# (a sign glued to a word before it is the number's where the word is CJK, which has no hyphened
# compounds, or where it is a plus: "前日比+232.86", "Change+23.4"; "COVID-19" keeps its hyphen;
# an arrow glued to the number before it starts the next: "19,234.56▼31.90(0.17%)")
_FIELD = LazyPattern(
    rf"(?=[\d(.,+{re.escape(MINUS_SIGNS)}{_ARROWS_UP}{_ARROWS_DOWN}{_CURSYM}])"
    rf"(?:(?P<open>\({_SP}*)|(?<![^\W\d_])(?={_SIGN})|(?<=[{CJK}])(?={_SIGN})|(?<=[^\W\d_])(?=\+\d)"
    rf"|(?<=[A-Z])(?=\$)|(?<=[\d%)])(?=[{_ARROWS_UP}{_ARROWS_DOWN}])|(?<![\w.,:/'’ʼ%]))"
    rf"(?P<arrow>[{_ARROWS_UP}{_ARROWS_DOWN}]{_SP}*)?"
    rf"(?P<num>{_SIGN}?[{_CURSYM}]?{_SIGN}?{_BODY})"
    r"(?!\d)(?![.,:/'’ʼ]\d)"
    rf"(?P<pct>{_SP}?%)?"
    rf"(?P<close>{_SP}*\))?"
    # (a letter may follow a percent sign, as glued text gives it: "-1.47%收盘", "+0,48 %Stand:")
    r"(?:(?<=%)|(?<=%\))|(?![^\W\d_]))"
)
_UNIT = "(?:" + "|".join(sorted({*merged("units"), *merged("glued_units")}, key=len, reverse=True)) + r")\.?(?![^\W_])"
# a unit printed right after its number ("3,456円"): set apart by a space, as other units are
_GLUED_UNIT = LazyPattern(r"(?<=\d)(" + "|".join(map(re.escape, merged("glued_units"))) + ")")
# their first letters: one cheap search says whether a line may hold one
_GLUED_FIRST = LazyPattern("[" + "".join(sorted({re.escape(u[0]) for u in merged("glued_units")})) + "]")
_TODAY = LazyPattern("(?:" + "|".join(merged("today")) + ")", re.I)
# the day's period after a percent, perhaps in parentheses ("▲ 1.49%  (24H)", "+0.8% 1D"): the
# day's change (not "(7D)", a week's)
_DAY_TAIL = LazyPattern(r"\(?(?:24\s?h(?:rs?|ours)?|1\s?d|" + _TODAY.pattern + r")\)?", re.I)
# (a unit may close the parentheses its number opened: "-0,16% (-13,32 pts)")
_SOFT = LazyPattern(rf"{_SP}*(?:(?:\||{_UNIT}\)?|[{_CURSYM}]){_SP}*)*", re.I)
_SOFT_CHARS = frozenset(_SPC)
# a dollar's country printed before its sign ("US$", "HK$"): the units that end with a dollar sign
_DOLLAR_COUNTRY = LazyPattern("(?:" + "|".join(u[:-2] for u in merged("units") if u.endswith("\\$")) + ")$", re.I)
_UNIT_ONLY = LazyPattern(_UNIT, re.I)
_BULLET = LazyPattern(r"[•*·‣◦▪●\-–][ \t\u00a0\u202f]+(?=\S)")
_PLACEHOLDER = LazyPattern(r"[-–—]{1,3}|-?\.--|n/?a|--%|[-–—]{1,2}\s*\([-–—%]*\)", re.I)
_STRIP = " \t\r\n\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200e\u200f\u2028\u2029\u202f\u205f\u3000\ufeff"


def _strip(s: str) -> str:
    return s.strip(_STRIP)


class _Field:
    """One printed number in a line: raw text and how it was dressed."""

    __slots__ = ("raw", "pct", "paren", "down", "up", "start", "end")

    @classmethod
    def make(cls, raw: str, pct: bool, paren: bool, start: int, end: int) -> _Field:
        f = cls.__new__(cls)
        f.raw, f.pct, f.paren, f.down, f.up, f.start, f.end = raw, pct, paren, False, False, start, end
        return f

    def __init__(self, m: re.Match[str]) -> None:
        self.raw = m.group("num")
        self.pct = m.group("pct") is not None
        self.paren = m.group("open") is not None or m.group("close") is not None
        arrow = m.group("arrow")
        self.down = bool(arrow) and arrow[0] in _ARROWS_DOWN
        self.up = bool(arrow) and arrow[0] in _ARROWS_UP
        self.start = m.start()
        self.end = m.end()

    @property
    def signed(self) -> bool:
        # (a currency's sign may come before the number's: "$-8.40")
        return self.raw[0] in _SIGNS_STR or self.raw[0] in _CURSYM and self.raw[1:2] in _SIGNS_STR

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.raw}{'%' if self.pct else ''}>"


_SIGNS_STR = "+" + MINUS_SIGNS
_BLANK, _NUM, _TEXT, _HOLD = 0, 1, 2, 3
_DIGIT = LazyPattern(r"\d")
_SPACED_INT = LazyPattern(rf"{_SIGN}?\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+")
_SPACED_CP = LazyPattern(  # "+1 107 (+5,63 %)": a space-grouped integer change
    rf"({_SIGN}?\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+)[ \u00a0]?\(({_SIGN}?\d+(?:,\d+)?)[ \u00a0\u202f]?%\)")
# (possessive quantifiers: in such a line a number is followed by a space, "(", "%" or the end,
# never by a digit, "," or "." - giving back what a quantifier took can never make a match, and
# not trying it halves the time of a change line; tests/test_parser_lines.py holds the equivalence)
_SNUM = rf"{_SIGN}?(?:\d{{1,3}}+(?:,\d{{3}})++(?:\.\d++)?+|\d{{1,3}}+(?:\.\d{{3}})++(?:,\d++)?+|\d++(?:[.,]\d++)?+)"
# the same without possessive quantifiers (the clear form; a test checks the two agree)
_SNUM_PLAIN = rf"{_SIGN}?(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_SIMPLE_LINE = LazyPattern(rf"({_SNUM})(?:[ \u00a0]?\(({_SNUM})[ \u00a0]?%\))?")
# the first characters of such a line (a cheap test before the pattern's)
_SIMPLE_FIRST = frozenset("0123456789+" + MINUS_SIGNS)
_EDGE = r"[\s\u200b\u200e\u200f\ufeff]*"
_W = "[ \\t\u00a0\u202f\u2009\u200b\ufeff]*"  # spaces inside a line
_B = "[ \\t\u00a0\u202f\u2009\u200b\ufeff|]*"  # a blank line's content
# a character no line of numbers starts with (the Unicode spaces spelt out: the fast path's
# patterns are compiled with re.ASCII, where \s is ASCII only and "\u00a0" would be such a start)
_X = "[^\\s\\d+\\-−–‒(.,$€£¥₹▲▼△▽↑↓⬆⬇|\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


# between two numbers of one quote: "1,234.5 / +2.5", "0.00·+0.15%", "+1.2 • 0.5%"
_INNER_SEPARATORS = frozenset("/·•∙")


def _soft(gap: str, inner: bool = False) -> bool:
    """True when ``gap`` (text between two numbers, ``inner``, or before the first or after
    the last) keeps them in one entry."""
    if not gap:
        return True
    for ch in gap:
        if ch not in _SOFT_CHARS:
            if _SOFT.fullmatch(gap) is not None:
                return True
            if inner:  # "0.00·+0.15%", "+172,64 Pkt. / +0,93 %": a separator, maybe after a unit
                rest = gap.strip(_SPC)
                return rest in _INNER_SEPARATORS or (rest[-1:] in _INNER_SEPARATORS and _SOFT.fullmatch(rest[:-1]) is not None)
            return False
    return True


_BLANK_CHARS = "|" + _STRIP
# (perhaps after the day's date: "... -0.74(-0.87%)03.12.2026 17:31:04")
_CLOCK_TAIL = re.compile(rf"(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}{_SP}+)?"
                         rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:{_SP}*[AaPp]\.?[Mm]\.?)?(?:{_SP}+[^\W\d_]{{1,12}})?")
_new_field = _Field.__new__


# Lines seen on earlier pages -> what reading them gave: pages of one site repeat most of their
# lines (menus, labels, names, blank spacers), and a line's text, kind and fields depend on
# nothing but the line. An entry is (text, kind, what reading the kind did to the line's fields,
# the fields the number pattern finds or None); the fields are kept as plain tuples and made anew
# for each page (a stage may mark a field's direction). Lines of numbers are not kept (prices
# move), nor long lines. Bounded: cleared when full. Plain dict operations, atomic in CPython:
# threads sharing it at worst read a line twice.
_LINE_CACHE: dict[str, tuple] = {}
_LINE_CACHE_MAX = 20_000
_LINE_KEY_MAX = 200
# what _classify did to the line's fields (the third item of an entry): nothing, or read them
# all with the number pattern (made then, or _SEEN: made before)
_FS_NONE, _FS_ALL, _FS_SEEN = 0, 1, 2


def _specs(fs: list[_Field]) -> tuple[tuple, ...]:
    return tuple((f.raw, f.pct, f.paren, f.down, f.up, f.start, f.end) for f in fs)


def _made(specs: tuple[tuple, ...]) -> list[_Field]:
    out = []
    new = _Field.__new__
    for raw, pct, paren, down, up, start, end in specs:
        f = new(_Field)
        f.raw, f.pct, f.paren, f.down, f.up, f.start, f.end = raw, pct, paren, down, up, start, end
        out.append(f)
    return out


def _line_text(raw: str) -> str:
    """A raw line stripped and :func:`normalize`-d (every line a stage looks at comes here)."""
    return normalize(raw.strip(_STRIP))


def _simple_fields(s: str, m: re.Match[str]) -> list[_Field]:
    """The fields of a line ``s`` that ``_SIMPLE_LINE`` matched (``m``): a value, or a change
    and its percent in parentheses."""
    v, pc = m.groups()
    f = _new_field(_Field)
    # (one attribute a statement: a tuple of seven packed and unpacked costs more)
    f.raw = v
    f.pct = f.paren = f.down = f.up = False
    f.start = 0
    if pc is None:
        f.end = len(s)
        return [f]
    f.end = m.end(1)
    g = _new_field(_Field)
    g.raw = pc
    g.pct = g.paren = True
    g.down = g.up = False
    g.start = m.start(2) - 1
    g.end = len(s)
    return [f, g]


class _Lines:
    """The page's lines with lazily computed, cached classification: per line its kind, text
    and fields, in lists indexed by line (None: not made yet)."""

    __slots__ = ("raw", "n", "kinds", "_text", "_fields")

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")  # the caller has turned CRLF and CR into LF
        self.n = n = len(self.raw)
        # (lists, not dicts: a stage reads a line's kind a few times; an index is the cheapest look-up)
        self.kinds: list[int | None] = [None] * n
        self._text: list[str | None] = [None] * n
        self._fields: list[list[_Field] | None] = [None] * n

    def text(self, i: int) -> str:
        """Line ``i`` stripped and :func:`normalize`-d (a line at a time: most of a page is
        never looked at)."""
        s = self._text[i]
        if s is None:
            raw = self.raw[i]
            e = _LINE_CACHE.get(raw)
            s = self._text[i] = _line_text(raw) if e is None else e[0]
        return s

    def fields(self, i: int) -> list[_Field]:
        f = self._fields[i]
        if f is None:
            e = _LINE_CACHE.get(self.raw[i])
            if e is None or e[3] is None:
                f = [_Field(m) for m in _FIELD.finditer(self.text(i))]
            else:
                f = _made(e[3])
            self._fields[i] = f
        return f

    def kind(self, i: int) -> int:
        k = self.kinds[i]
        if k is None:
            raw = self.raw[i]
            if not raw or (raw[-1] == " " and not raw.strip(" ")):
                # an empty line or one of spaces (a strip's spacer): blank, its text empty, as
                # _classify and the cache say, without hashing the line for the cache
                if self._text[i] is None:
                    self._text[i] = ""
                self.kinds[i] = _BLANK
                return _BLANK
            e = _LINE_CACHE.get(raw)
            if e is None:
                s = raw.strip(_STRIP)
                if s[:1] in _SIMPLE_FIRST and s.isascii():
                    m = _SIMPLE_LINE.fullmatch(s)
                    if m is not None:
                        # "3,367.90", "+29.33 (+0.88%)": what _classify makes of them, without
                        # normalize (the identity on such an ASCII line) and the steps before
                        self._text[i] = s
                        self._fields[i] = _simple_fields(s, m)
                        self.kinds[i] = _NUM
                        return _NUM
                if self._text[i] is None:  # (text() would look the line up again)
                    self._text[i] = normalize(s)
                how = [_FS_NONE]
                k = self._classify(i, how)
                if k != _NUM and len(raw) <= _LINE_KEY_MAX:
                    # (a line of numbers is seldom printed again: prices move)
                    if len(_LINE_CACHE) >= _LINE_CACHE_MAX:
                        _LINE_CACHE.clear()
                    fs = self._fields[i] if how[0] == _FS_ALL else None
                    _LINE_CACHE[raw] = (self._text[i], k, how[0], None if fs is None else _specs(fs))
            else:
                k = e[1]
                if self._text[i] is None:  # (text() would look the line up again)
                    self._text[i] = e[0]
                if e[2] != _FS_NONE:  # what _classify did to the line's fields, again
                    self.fields(i)
            self.kinds[i] = k
        return k

    def _classify(self, i: int, how: list) -> int:
        """Line ``i``'s kind; what it did to the line's fields noted in ``how[0]`` (its text made)."""
        s = self._text[i] or ""
        if not s or not s.strip(_BLANK_CHARS):
            return _BLANK
        m = _SIMPLE_LINE.fullmatch(s)
        if m:  # the common shapes "3,367.90" and "+29.33 (+0.88%)" without the big regex
            # (first: such a line is no bullet, has a digit and is no space-grouped integer)
            self._fields[i] = _simple_fields(s, m)
            return _NUM
        if _BULLET.match(s) or not _DIGIT.search(s):
            if len(s) <= 4 and _UNIT_ONLY.fullmatch(s):  # "JPY", "PKT" between the numbers
                return _BLANK
            return _HOLD if _PLACEHOLDER.fullmatch(s) else _TEXT
        if _SPACED_INT.fullmatch(s):
            self._fields[i] = [_Field.make(s, False, False, 0, len(s))]
            return _NUM
        m = _SPACED_CP.fullmatch(s)
        if m:  # "+1 107 (+5,63 %)"
            v, pc = m.group(1), m.group(2)
            if pc is None:
                self._fields[i] = [_Field.make(v, False, False, 0, len(s))]
            else:
                self._fields[i] = [_Field.make(v, False, False, 0, m.end(1)),
                                   _Field.make(pc, True, True, m.start(2) - 1, len(s))]
            return _NUM
        # (fields a stage read before may have been marked since: kept out of the cache)
        how[0] = _FS_ALL if self._fields[i] is None else _FS_SEEN
        fs = self.fields(i)
        if not fs:
            return _TEXT
        pos = 0
        for n, f in enumerate(fs):
            gap = s[pos : f.start]
            if not _soft(gap, pos > 0) and not (n == 0 and _TODAY.fullmatch(gap.strip(_SPC))) and not (
                    f.raw[0] == "$" and self._dollar_country(gap, f, pos > 0)):
                # ("Idag +0,92 %": the day's word before the numbers, as after them)
                return self._with_tail(i, s, fs, n)
            pos = f.end
        return _NUM if _soft(s[pos:]) else self._with_tail(i, s, fs, len(fs))

    @staticmethod
    def _dollar_country(gap: str, f: _Field, inner: bool) -> bool:
        """``gap`` ends with the country of the dollar ``f`` starts with ("US$-8.40"), perhaps
        after an arrow ("▼ US$-8.40", the arrow then ``f``'s)."""
        m = _DOLLAR_COUNTRY.search(gap)
        if m is None:
            return False
        before = gap[: m.start()]
        if _soft(before, inner):
            return True
        arrow = before.strip(_SPC)
        if len(arrow) == 1 and arrow in _ARROWS_UP + _ARROWS_DOWN and _soft(before[: before.index(arrow)], inner):
            f.down, f.up = arrow in _ARROWS_DOWN, arrow in _ARROWS_UP
            return True
        return False

    def _with_tail(self, i: int, s: str, fs: list[_Field], n: int) -> int:
        """A line of numbers with words after them ("-138.64 (-0.17%) Last updated on ...",
        "25,887.38 -26.72 (-0.10%) Official Close 3/19/2019"): numbers up to a percent, then
        a letter. The words are the page's time or a label, never a quote's part."""
        if n < 1:
            return _TEXT
        tail = s[fs[n - 1].end :].lstrip(_SPC)
        if (tail[:1] == "(" or tail[:1] in _DIGITS) and fs[n - 1].pct and _DAY_TAIL.fullmatch(tail):
            self._fields[i] = fs[:n]  # "▲ 1.49%  (24H)", "+1,785.55 (1.18%) 1D": the day's change
            return _NUM
        if not tail or not (tail[0].isalpha() or _CLOCK_TAIL.fullmatch(tail)):
            return _TEXT  # (a clock time after the percent is the quote's: "945,32 +3,18 +0,34% 17:35")
        word = _DIRECTION_TAIL.fullmatch(tail) if n == 1 and fs[0].pct and not fs[0].signed else None
        if word is not None:
            # "%0,89 düştü": the percent, then the direction's word (the change on the next line)
            fs[0].down, fs[0].up = word.group("down") is not None, word.group("up") is not None
            self._fields[i] = fs[:1]
            return _NUM
        if (n < 2 or not fs[n - 1].pct) and not (fs[n - 1].signed and _TODAY.fullmatch(tail)):
            return _TEXT  # but "+2.19 Today": the day's change, its percent on the line above
        self._fields[i] = fs[:n]
        return _NUM


# --------------------------------------------------------------------------- arithmetic


# --------------------------------------------------------------------------- normalising

# the zero of every block of decimal digits the Unicode database lists (Arabic-Indic, Devanagari,
# Bengali, Thai, Myanmar, fullwidth, ...): each block runs zero to nine
_DIGIT_ZEROS = (0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
                0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
                0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
                0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
                0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50,
                0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC,
                0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0)
# invisible direction marks (Hebrew and Arabic pages put them around signs and percents)
_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NORMAL: dict[int, str | None] = {ord(ch): None for ch in _BIDI}
_NORMAL.update({z + k: str(k) for z in _DIGIT_ZEROS for k in range(10)})
_NORMAL.update({0xFF05: "%", 0x066A: "%", 0xFE6A: "%",  # fullwidth, Arabic and small percent signs
                0x066B: ".", 0x066C: ",", 0x060C: ",",  # Arabic decimal and group separators (N'Ko groups with ،)
                0xFF0B: "+", 0xFF0C: ",", 0xFF0E: ".", 0xFF08: "(", 0xFF09: ")"})  # (fullwidth parentheses: "（+1.16%）")
# the percent sign before its number (tr: "%1,12", "(+%1,12)") -> after it; not where another
# percent sign follows the number ("76.67 %23.33 %": two glued percents)
# percent followed by a space after a word is the word's, a label's ("Veränderung % -1,56"), and
# after a number and a space, with a signed number after it, it is the first number's ("+0,65 %
# +123,45": the percent, then the change)
_PCT_FIRST = LazyPattern(r"(?<![\d%])%(?:(?<![^\W\d_]%)(?<![^\W\d_][ \u00a0]%)(?!(?<=\d[ \u00a0]%)[ \u00a0][+\-−])[ \u00a0])?"
                        r"([+\-−]?(?:\d[\d.,]*\d|\d))(?![\d%.,]|[ \u00a0]%)")


# a minus printed after its number, in right-to-left order ("١٢٣٫٤٥-", "(٠٫٩٩٪-)"): only where
# the page prints Arabic-Indic digits (a "-" after a Latin number is a range or a dash)
_ARABIC_DIGIT = LazyPattern("[\u0660-\u0669\u06f0-\u06f9]")
_TRAILING_MINUS = LazyPattern(r"(?<![\d.,])(\d[\d.,]*\d|\d)(%?)-(?=[)\s]|$)")


def normalize(text: str) -> str:
    """The page's text with every number in plain digits and signs, line for line.

    Native digits become ASCII digits, Arabic separators and fullwidth or Arabic percent signs
    their plain forms, direction marks go, and a percent sign printed before its number moves
    after it. Nothing else changes (a line stays a line).

    >>> normalize("TASI ١٢٬٣٤٥٫٦٧ (+١٫٠١٪)")
    'TASI 12,345.67 (+1.01%)'
    >>> normalize("BIST 100 9.876,54 +108,66 (+%1,11)")
    'BIST 100 9.876,54 +108,66 (+1,11%)'
    >>> normalize("(\\u200e-0.54%\\u200e)"), normalize("+1.12％")
    ('(-0.54%)', '+1.12%')
    """
    if not text.isascii():
        rtl = "-" in text and _ARABIC_DIGIT.search(text) is not None
        text = text.translate(_NORMAL)
        if rtl:
            text = _TRAILING_MINUS.sub(r"-\1\2", text)
        if _GLUED_FIRST.search(text) is not None:
            text = _GLUED_UNIT.sub(r" \1", text)
    if text[:1] in _DIGITS and "%" in text:
        m = _VALUE_PCT_CHANGE.fullmatch(text)
        if m is not None:  # "9.418,66%-0,61-58,21": a header's value, then its percent with the sign first (tr)
            return f"{m.group(1)} {m.group(2)}% {m.group(3)}"
    if "%" in text and _PCT_BEFORE.search(text) is not None:
        text = _PCT_FIRST.sub(r"\1%", text)
    if ("+" in text or "-" in text or "\u2212" in text) and _GLUED_BEFORE_SIGN.search(text) is not None:
        # a unit or a currency's code glued between a number and the next one's sign:
        # "128.456pts+1.234(+0,97%)", "84.26CHF-0.74(-0.87%)" (one search first: most lines have none)
        text = _UNIT_BEFORE_SIGN.sub(r" \1 ", text)
        text = _CODE_BEFORE_SIGN.sub(lambda m: f" {m.group(1)} " if m.group(1).lower() in _CURRENCY_UNITS else m.group(), text)
    if len(text) > 4 and text[-1].isalpha() and (text[-4] in _DIGITS or text[-5] in _DIGITS):
        m = _GLUED_CODE.fullmatch(text)
        if m is not None and m.group(2).lower() in _CURRENCY_UNITS:
            text = f"{m.group(1)} {m.group(2)}"  # "24,677.80INR", "2,684.50GBp": a value alone, its currency glued
    if "%" in text and _SIGN_WORD_AFTER.search(text) is not None:
        # "27.44 하락 -0.66%": the direction's word after the change, before its signed percent
        text = _SIGN_WORD_AFTER.sub(_sign_word_after, text)
    if text and text[0] in _SIGN_WORD_FIRST:
        m = _SIGN_WORD.fullmatch(text)
        if m is not None:  # "상승 1,200" / "플러스 1.41%" / "up38.00 / 0.85%": the word is the number's sign
            label, pct = m.group("label"), m.group("pct") or ""
            text = ((label + " " if label else "") + _SIGN_WORDS[m.group("word").lower()] + m.group("num")
                    + (" " + pct.lstrip(" \u00a0") if pct[:1] not in ("", " ", "\u00a0", "/") else pct))
    return text


_DIGITS = frozenset("0123456789")
# a direction's word alone after a number ("düştü", "fell")
_DIRECTION_TAIL = LazyPattern("(?i)(?:(?P<down>" + "|".join(sorted(merged("direction_down"), key=len, reverse=True))
                              + ")|(?P<up>" + "|".join(sorted(merged("direction_up"), key=len, reverse=True)) + r"))\.?")
# a unit glued between a number and the next number's sign (the units of words, not currencies' codes)
_UNIT_BEFORE_SIGN = LazyPattern(r"(?<=\d)((?:" + "|".join(sorted((u for u in merged("units") if len(u) != 3 or u in ("pts", "pkt")),
                                                               key=len, reverse=True))
                                + r")\.?)(?=[+\-\u2212]\d)", re.I)
# the currencies' codes among the units ("usd", "inr", "btc", "usdt")
_CURRENCY_UNITS = frozenset(u for u in merged("units") if len(u) in (3, 4) and u.isascii() and u.isalpha())
# a line of a value glued to a percent sign, the percent, and the signed change (nothing else)
_VALUE_PCT_CHANGE = LazyPattern(r"(\d(?:[\d.,]|[ \u00a0\u202f](?=\d{3}))*\d)%([+\-\u2212]?\d[\d.,]*?\d|[+\-\u2212]?\d)"
                                r"([+\-\u2212]\d[\d.,]*\d|[+\-\u2212]\d)")
_GLUED_BEFORE_SIGN = LazyPattern(r"\d[ \u00a0]?[^\W\d_]+\.?[+\-\u2212]\d")
_CODE_BEFORE_SIGN = LazyPattern("(?<=\\d)[ \u00a0]?([A-Z]{3})(?=[+\\-\u2212]\\d)")
_GLUED_CODE = LazyPattern("([+\\-\u2212]?\\d[\\d.,\u00a0\u202f ]*\\d|\\d)([A-Z]{2,3}[A-Za-z]?)")
_SIGN_WORDS: dict[str, str] = merged("sign_words")
_PCT_WORDS = merged("percent_words")
_PCT_WORD = LazyPattern("(?:(" + "|".join(sorted(map(re.escape, _SIGN_WORDS), key=len, reverse=True)) + r")[ \u00a0]?)?"
                        r"(\d[\d.,]*)[ \u00a0]?(?:" + "|".join(map(re.escape, _PCT_WORDS)) + r")(?![^\W\d_])", re.I)
_SIGN_WORD_AFTER = LazyPattern(r"(?<![\d.,+\-\u2212])(\d[\d.,]*)[ \u00a0]("
                               + "|".join(sorted((re.escape(w) for w, sign in _SIGN_WORDS.items() if sign), key=len, reverse=True))
                               + r")[ \u00a0]((?:(?<=[ \u00a0])[+\-\u2212]\d[\d.,]*|\([+\-\u2212]\d[\d.,]*)[ \u00a0]?%\)?)", re.I)


def _sign_word_after(m: re.Match[str]) -> str:
    """The change signed by its direction's word, where the percent's sign agrees with the word."""
    sign = _SIGN_WORDS[m.group(2).lower()]
    pct_sign = "-" if m.group(3).lstrip("(")[0] in "-\u2212" else "+"
    return f"{sign}{m.group(1)} {m.group(3)}" if sign == pct_sign else m.group()


# (a change's label may be glued before the word, as glued text gives it: "전일대비하락900-1.25%")
_CHANGE_LABELS = merged("field_change")
_SIGN_WORD_FIRST = frozenset(ch for w in (*_SIGN_WORDS, *(x for x in _CHANGE_LABELS if x[0].isalpha()))
                             for ch in (w[0], w[0].upper()))  # ("Down 0.92" too)
_SIGN_WORD = LazyPattern("(?:(?P<label>" + "|".join(sorted(_CHANGE_LABELS, key=len, reverse=True)) + "))?"
                        "(?P<word>" + "|".join(sorted(map(re.escape, _SIGN_WORDS), key=len, reverse=True))
                        + r")[ \u00a0]?(?P<num>\d[\d.,]*(?:[ \u00a0]?%)?)"
                        # (then perhaps the percent after a slash, "up38.00 / 0.85%", or after
                        # the change, signed and glued or in parentheses: "하락900-1.25%")
                        r"(?P<pct>[ \u00a0]*/[ \u00a0]*\d[\d.,]*[ \u00a0]?%|[ \u00a0]*\(?[+\-\u2212]\d[\d.,]*[ \u00a0]?%\)?)?", re.I)


def unify_percent_signs(text: str) -> str:
    """The page with fullwidth, Arabic and small percent signs as ``%`` (the parser finds its
    work by ``%``); cheap on a page without them."""
    for sign in _OTHER_PERCENT:
        if sign in text:
            text = text.replace(sign, "%")
    if any(w in text for w in _PCT_WORDS):
        # "700 마이너스 1.27 퍼센트" (a quote spelled for screen readers): the words of a sign and
        # a percent after a number as the signs
        text = _PCT_WORD.sub(lambda m: (_SIGN_WORDS[m.group(1).lower()] if m.group(1) else "") + m.group(2) + "%", text)
    return text


_OTHER_PERCENT = ("\uff05", "\u066a", "\ufe6a")


_PCT_BEFORE = LazyPattern(r"%[ \u00a0]?[+\-−]?\d")
