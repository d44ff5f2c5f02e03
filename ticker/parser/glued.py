"""Stage 2, the glued family: quotes run together with their names, as text from minified pages."""
from __future__ import annotations

import re

from .candidates import _Cand
from .check import check_arithmetic
from .lazyre import LazyPattern
from .lexicon import _GLUED_STATUS, _SESSION_TAIL
from .lines import _ARROWS_DOWN, _ARROWS_UP, _CURSYM, CJK, _Field
from .names import _clean_name, _inline_name, _noise, _split_symbol, _unglue, split_glued_code
from .numbers import decimal_candidates, parse_number
from .state import PageState
from .words import merged

# A quote glued to its name and fields, as text extraction of a minified page gives it:
# "Straits Times Index3,367.90+29.33(+0.88%)". The change's sign ends the value; the percent's
# "%" ends the entry. Where the name's digits end and the value's begin is for the number
# formats and the arithmetic to decide.
# the value's unit glued between it and the change ("128.456pts+1.234(+0,97%)"), or a CJK
# unit and label ("49,303.45円前日比-640.09(-1.28%)")
_UNIT = "(?i:" + "|".join(sorted(merged("units"), key=len, reverse=True)) + r")\.?"
# An arrow may stand for the change's sign ("DAX19,234.56▼31.90(0.17%)").
# An unsigned percent never starts inside the change's digits: "52,14+0,81%" is a value and a
# percent, not the change "+0,8" and the percent "1". A value's digits may be grouped by spaces
# ("WIG202 345,67+12,34(+0,53%)").
_GLUED = LazyPattern(
    r"(?P<head>[^\d%]*?[^\W\d_][^\d%]{0,3}?[\d]*?)(?P<digits>\d(?:[\d,.]|[ \u00a0\u202f](?=\d{3}))*\d)"
    rf"(?:{_UNIT}|[ \u00a0]{_UNIT}[ \u00a0]?)?(?:[ \u00a0]?[{CJK}]{{1,4}})?(?P<c>[+\-−]\d[\d,.]*\d|[+\-−]\d|(?P<arrow>[{_ARROWS_UP}{_ARROWS_DOWN}])\s?\d[\d,.]*)"
    rf"(?:\s?\(?[{_ARROWS_UP}{_ARROWS_DOWN}]?(?P<p>[+\-−]\d[\d,.]*|(?<![\d,.])\d[\d,.]*)\s?%\)?"
    # (or the percent sign before the percent, as Turkish pages print it, in a tape where the
    # next entry's name follows: "+119,92%1,23BIST 30..."; at a line's end "+1,67%5,48" may as
    # well be a percent and another column)
    r"|%(?P<q>[+\-−]?\d[\d,.]*\d|[+\-−]?\d)(?=[^\W\d_]))"
)

# the last entry of such a tape, its signed percent at the line's end ("...BRENT63,42-0,71%-1,11"):
# read only where the line's other entries are of that shape
_GLUED_Q_END = LazyPattern(_GLUED.pattern.replace(r"(?=[^\W\d_]))", r"$)").replace(
    r"%(?P<q>[+\-−]?\d", r"%(?P<q>[+\-−]\d"))
assert _GLUED_Q_END.pattern != _GLUED.pattern

# the name glued to its value, the change apart ("Dow Jones39,118.86 -45.20 -0.12%": spans of a
# minified page, no space between name and value)
_GLUED_SPACED = LazyPattern(
    r"(?P<head>[^\d%]*?[^\W\d_])(?P<digits>\d[\d,.]*\d)[ \u00a0]"
    r"(?P<c>[+\-−]\d[\d,.]*\d|[+\-−]\d)[ \u00a0]?\(?(?P<p>[+\-−]\d[\d,.]*|(?<![\d,.])\d[\d,.]*)\s?%\)?"
)


# the percent first, its sign before it (Turkish), then the signed change: "BIST 1009.684,21%-0,89-87,35"
_GLUED_PCT_FIRST = LazyPattern(
    r"(?P<head>[^\d%]*?[^\W\d_][^\d%]{0,3}?[\d]*?)(?P<digits>\d(?:[\d,.]|[ \u00a0\u202f](?=\d{3}))*\d)"
    r"%(?P<p>[+\-−]?\d[\d,.]*?\d|[+\-−]?\d)(?P<c>[+\-−]\d[\d,.]*\d|[+\-−]\d)(?![\d,.])"
)
# a CJK page's noise word glued before its status ("廣告", an advertisement's label)
_CJK_NOISE_LEAD = LazyPattern("(?:" + "|".join(w for w in merged("noise_line") if re.search(f"[{CJK}]", w)) + f")(?=[{CJK}])")
_GLUE_SPLIT = LazyPattern(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


# an arrowed change run into its unsigned percent ("843.12▲2.410.29%": the change 2.41, the
# percent 0.29): the value's decimals say where the change ends
_ARROW_RUN = LazyPattern(r"(?<=\.)(?P<value_dec>\d+)(?P<arrow>[▲▼])(?P<run>\d[\d,]*\.\d+\.\d+)%")


def _split_arrow_run(m: re.Match[str]) -> str:
    """``m``'s change and percent apart, cut after as many decimals as the value's; unchanged
    when the value has none."""
    run = m.group("run")
    places = len(m.group("value_dec"))
    point = run.find(".")
    if not places or point < 0 or point + 1 + places >= len(run):
        return m.group()
    cut = point + 1 + places
    return f"{m.group('value_dec')}{m.group('arrow')}{run[:cut]} {run[cut:]}%"


class Glued(PageState):
    """The glued layout family, a part of :class:`PageParser`."""

    def glued(self, i: int) -> bool:
        """Entries glued together on line ``i``; True when any was found."""
        L = self._L or self.L
        s = L.text(i)
        if "▲" in s or "▼" in s:
            s = _ARROW_RUN.sub(_split_arrow_run, s)
        found = 0
        pos = 0
        matches = list(_GLUED.finditer(s))
        if matches and matches[-1].end() < len(s) and any(m.group("q") is not None for m in matches):
            last = _GLUED_Q_END.fullmatch(s, matches[-1].end())
            if last is not None:
                matches.append(last)
        for m in matches or list(_GLUED_SPACED.finditer(s)) or list(_GLUED_PCT_FIRST.finditer(s)):
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
            arrow = m.groupdict().get("arrow")
            if arrow is None:
                c = _Field.make(m.group("c"), False, False, m.start("c"), m.end("c"))
            else:
                c = _Field.make(m.group("c")[1:].strip(), False, False, m.start("c"), m.end("c"))
                c.down, c.up = arrow in _ARROWS_DOWN, arrow in _ARROWS_UP
            pct = "p" if m.group("p") is not None else "q"
            p = _Field.make(m.group(pct), True, pct == "p", m.start(pct), m.end())
            for text_name, raw in readings:
                text_name = s[pos:m.start()] + text_name
                st = _GLUED_STATUS.search(text_name)
                if st is not None:  # "U.S. markets closedS&P 500": the status, then the name
                    if self.glued_status is None:
                        parts = _GLUE_SPLIT.split(text_name[: st.end()])
                        while len(parts) > 1 and _noise(parts[0].strip()):
                            parts.pop(0)  # "AdvertisementSingapore markets closed"
                        status = "".join(parts)
                        ad = _CJK_NOISE_LEAD.match(status)
                        if ad is not None:  # "廣告香港市場已收市": no capital letter to split at
                            status = status[ad.end():]
                        self.glued_status = _clean_name(status)
                    text_name = text_name[st.end():]
                if _SESSION_TAIL.search(text_name) is not None:
                    break  # "... Post-Market: $430.11+0.87 (+0.20%)": an extended session's numbers
                # (a currency's sign glued before the value: "Tesla, Inc.$429.24-1.93 (-0.45%)")
                name = _inline_name(_unglue(text_name.rstrip(_CURSYM)))
                if name is None:
                    continue
                name, code = split_glued_code(name)
                if code is None and name[-1:] == ")":
                    name, code = _split_symbol(name)  # "贵州茅台(SH:600519)"
                v = _Field.make(raw, False, False, m.end("digits") - len(raw), m.end("digits"))
                ok = False
                for sep in decimal_candidates(raw) & decimal_candidates(c.raw) & decimal_candidates(p.raw):
                    nv, nc, np_ = (parse_number(x, decimal_sep=sep) for x in (raw, c.raw, p.raw))
                    if nc is not None and np_ is not None and c.down:  # "▼15.00▼1.36%": the arrow's minus
                        nc = -abs(nc)
                        np_ = -abs(np_)
                    if nv is not None and nc is not None and np_ is not None and check_arithmetic(nv, nc, np_):
                        ok = True
                        break
                if ok:  # the longest value that passes (the name keeps no more digits than it must)
                    self.cands.append(_Cand(v, c, p, name, code, i, False, [(v, c, p, "vcp")], (i, i),
                                            layout="glued"))
                    found += 1
                    break
            pos = m.end()
        if found:
            self.consumed = max(self.consumed, i)
        return found > 0
