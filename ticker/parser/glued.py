"""Stage 2, the glued family: quotes run together with their names, as text from minified pages."""
from __future__ import annotations

from .candidates import _Cand
from .check import check_arithmetic
from .lazyre import LazyPattern
from .lexicon import _GLUED_STATUS
from .lines import _Field
from .names import _clean_name, _inline_name, _noise, _unglue
from .numbers import decimal_candidates, parse_number
from .state import PageState

# A quote glued to its name and fields, as text extraction of a minified page gives it:
# "Straits Times Index3,367.90+29.33(+0.88%)". The change's sign ends the value; the percent's
# "%" ends the entry. Where the name's digits end and the value's begin is for the number
# formats and the arithmetic to decide.
_GLUED = LazyPattern(
    r"(?P<head>[^\d%]*?[^\W\d_][^\d%]{0,3}?[\d]*?)(?P<digits>\d[\d,.]*\d)"
    r"(?P<c>[+\-−]\d[\d,.]*\d|[+\-−]\d)\s?\(?(?P<p>[+\-−]?\d[\d,.]*)\s?%\)?"
)


# the name glued to its value, the change apart ("Dow Jones39,118.86 -45.20 -0.12%": spans of a
# minified page, no space between name and value)
_GLUED_SPACED = LazyPattern(
    r"(?P<head>[^\d%]*?[^\W\d_])(?P<digits>\d[\d,.]*\d)[ \u00a0]"
    r"(?P<c>[+\-−]\d[\d,.]*\d|[+\-−]\d)[ \u00a0]?\(?(?P<p>[+\-−]?\d[\d,.]*)\s?%\)?"
)


_GLUE_SPLIT = LazyPattern(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


class Glued(PageState):
    """The glued layout family, a part of :class:`PageParser`."""

    def glued(self, i: int) -> bool:
        """Entries glued together on line ``i``; True when any was found."""
        L = self._L or self.L
        s = L.text(i)
        found = 0
        pos = 0
        for m in list(_GLUED.finditer(s)) or list(_GLUED_SPACED.finditer(s)):
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
