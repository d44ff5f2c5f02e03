"""Stage 6: market status and the quote time the page prints."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from .lazyre import LazyPattern
from .lexicon import _AT_CLOSE, _CLOCK, _LABELS, _MONTHS, _NOISE_PARTS, _STATUS, _STATUS_KEYS, _TIME_WORDS, _alt
from .lines import _ARROWS_DOWN, _ARROWS_UP, _BIDI, _BULLET, _NORMAL, _NUM, _TEXT, _strip, normalize
from .names import _clean_name, _noise
from .state import PageState
from .words import merged


class StatusTime(PageState):
    """Status and time: a part of :class:`ticker.parser.compose.PageParser`."""

    def market_status(self) -> str | None:
        looked: set[int] = set()
        src = self.source
        for entry in self.bullets[:1]:
            nline = self.fast_entries[entry.start][4] - 1 if type(entry) is slice else entry[0]
            at = self.strip_starts.get(nline)  # a fast strip's start: read the lines above there
            for k in range(nline - 1, max(-1, nline - 4), -1):
                looked.add(k)
                if at is None:
                    s = self.L.text(k)
                else:
                    end, at = at - 1, src.rfind("\n", 0, at - 1) + 1
                    s = _strip(src[at:end])
                status = _status_line(s)
                if status is not None:
                    return status
        L = self._L or self.L
        # a quote page (no strip): its quote-time line, printed with the header, beats a status
        # line elsewhere in the page's head ("更新時間: 2026/12/02 16:08" over a bare "開市")
        quote_time = self._quote_time() if not self.bullets and not self.fast_entries else None
        if quote_time is not None:
            return quote_time
        head = self.source[:3000]
        hits = set()
        for key in _STATUS_KEYS:
            i = head.find(key)
            while i >= 0:
                line_no = head.count("\n", 0, i)
                if line_no >= 25:
                    break
                hits.add(line_no)
                i = head.find(key, i + 1)
        for k in sorted(hits - looked):
            status = _status_line(L.text(k))
            if status is not None:
                return status
        for _, last in (c.span for c in self.cands) if self.cands else self._spans(self.fast_entries):
            for k in range(last + 1, min(L.n, last + 4)):
                s = L.text(k)
                if s and len(s) <= 100 and _AT_CLOSE.fullmatch(s) and _time_line(s):
                    return _clean_name(s)  # (not "After Hours Volume: 3.05M": a time, a date)
        if self.bullets or self.fast_entries:
            quote_time = self._quote_time()
            if quote_time is not None:
                return quote_time
        # a table's, or a strip's or tape's of two quotes or more: the time line just above its
        # header or just below its rows ("As of 11/29/2024 4:00 PM ET", "Datos con 15 minutos de
        # retraso. 29/11/2024 17:38", "Data delayed at least 15 minutes, as of Dec 20 2024 21:59 GMT."),
        # or a notice that its quotes are delayed, a whole line ("Koersen vertraagd", "Delayed quotes")
        kept = self._kept()
        rows = [c.span for c in kept if getattr(c, "layout", None) == "table"]
        if not rows:  # (not a strip of bullet entries: its status is above it, read first)
            strip = {a for a, _ in self.bullet_spans()} if self.bullets and kept else ()
            rows = [c.span for c in kept if getattr(c, "layout", None) in ("bullet", "tape", "row", "header")
                    and c.span[0] not in strip]  # (a strip of quotes one field a line: headers one after another)
            rows = rows if len(rows) >= 2 else []
        if rows:
            first, last = rows[0]
            for a, b in sorted(c.span for c in kept):  # (a last row read as another layout's)
                if a < first:
                    continue
                if a > last + 3:
                    break
                last = max(last, b)
            starts = {a for a, _ in rows}
            for k in [*range(last + 1, min(L.n, last + 4)), *range(first - 1, max(-1, first - 5), -1)]:
                s = L.text(k)
                t = (_time_of(s) or (s if _DELAY_LINE.fullmatch(s) else None)) if s else None
                if t is not None:
                    if k > last and self._cell(k, starts):
                        continue  # the last row's own time, a cell of its column
                    if k > last and self._after_headline(k, last):
                        break  # an article's date under its headline (a news teaser below the strip)
                    return _clean_name(t)
        if self.glued_status is not None:
            return _unglue_noise(self.glued_status)
        # a status line anywhere in the page ("  • U.S. markets close in 32m" in a menu): after
        # the head read above (its first 25 lines, within 3,000 characters)
        src_len = len(src)
        start = 0
        for _ in range(25):
            start = src.find("\n", start, 3000) + 1
            if start == 0:
                start = 3000
                break
        hits = set()
        for key in _STATUS_KEYS:
            i = src.find(key, start)
            while 0 <= i and len(hits) < 200:
                hits.add(i)
                i = src.find(key, i + 1)
        for i in sorted(hits):
            a = src.rfind("\n", 0, i) + 1
            b = src.find("\n", i)
            line = _strip(src[a : b if b >= 0 else src_len])
            m = _BULLET.match(line)
            status = _status_line(line[m.end() :] if m else line)
            if status is not None:
                return status
        note = self._data_note_below()
        if note is not None:
            return note
        if not self.refused:  # (not a page whose figures were refused: a poll's, a history's)
            # with quotes, only above the first (far below them, a time is not theirs)
            first = min((q.line for q in self.resolved), default=0) - 1 if self.resolved else None
            if first is None and self.fast_entries:
                first = min(e[4] for e in self.fast_entries) - 1
            return self._head_time(40 if first is None else min(40, first))
        return None

    def _head_time(self, stop: int) -> str | None:
        """A page whose numbers were not read (or that has none: a ranking, a rate table, a fund
        list), or whose quotes are far below its head, still prints its data's time in its head,
        under the menu and the heading ("Official Close 8/16/2019" over bare labels,
        "Aktualizacja: 03.12.2026, 16:45" over a table, "2026/12/03 15:30 更新"): a labelled time
        line, a status with its time or a notice of the data's delay with its time, among the
        first 40 lines; a time field's value under its label ("Zeit" / "03.12.26 17:30:02": the
        value); on a page without quotes, a notice that its data is unavailable ("Data
        unavailable" under "N/A" fields); never a byline or the date under a headline, nothing
        past a news list's heading or the second sentence; on a page with quotes, only above
        them (line ``stop``)."""
        L = self.L
        prose = 0
        prev = ""
        quoteless = not self.resolved and not self.fast_entries
        for k in range(min(L.n, stop)):
            s = L.text(k)
            if not s:
                continue
            if _DIGIT.search(s) is not None:  # (every time line has a digit: the cheap test first)
                t = _head_time_line(s)
                # (after a headline or a sentence, an article's time; not with a market's status)
                if t is not None and (not prev or not (_headline(prev) or _prose(prev)) or _state_and_time(t)):
                    return self._printed(k, t)
                if (t is None and _TIME_LABEL.fullmatch(prev) is not None and _CLOCK_LINE.fullmatch(_undot(s)) is not None
                        and _BYLINE.search(prev) is None):
                    return self._printed(k, s)  # the value of a time field, its label over it
            elif _news_heading(s) and self._headline_below(k):
                break  # (not "News", an item of the menu)
            elif quoteless and _OUTAGE.fullmatch(s) is not None:
                return self._printed(k, s)
            if _prose(s):
                prose += 1
                if prose >= 2:
                    break
            prev = s
        return None

    def _quote_time(self) -> str | None:
        """A quote page's quote-time line, printed with its header: words after the numbers on
        their line ("... (-0.17%) Last updated on 18 Jun, 2025 | 15:59 IST"), or a time line
        below, between the name and the numbers, or above ("18:05:00", "As on 12 Jun, 2024
        10:04 IST", "Stand: 02.12.2026, 17:35 Uhr"). Next to the header (three lines) a time
        may end a longer line; farther (up to five lines of text below, three above, across
        buttons, exchange and currency lines) only a whole time line counts, not a byline, and
        prose, a line of numbers or another quote ends the header."""
        L = self._L or self.L
        starts = {c.span[0] for c in self.cands}
        for c in self.cands[:3]:
            layout = getattr(c, "layout", None)
            if layout not in ("header", "subject", "labelled") and not (layout == "glued" and len(self.cands) == 1):
                continue  # (a quote glued to its name, alone on the page, is its header: "Acme44,910.65+188.59(+0.42%)")
            first, last = c.span
            fs = L.fields(last)
            if fs and L.kind(last) == _NUM:
                tail = L.text(last)[fs[-1].end :].strip()
                if tail and (_time_line(tail) or (tail[:1].isalpha() and _state_then_time(tail))):
                    return _clean_name(tail)  # ("... +0.38%已收盘 12-04 15:00:03": a status glued after, then its time)
            after = range(last + 1, min(L.n, last + 4))
            news = next((k for k in after if _news_heading(L.text(k))), None)  # its dates are the articles'
            if news is not None:
                after = range(last + 1, news)
            # a state badge right under the numbers ("Stängd", "Geschlossen"; not "Open", a
            # statistic's label, nor "Closed" / "·" / "24/05", a line cut in three): the status,
            # before the time line under it
            k = next((k for k in after if L.text(k)), None)
            if k is not None and _bare_state(L.text(k)):
                j = next((j for j in range(k + 1, min(L.n, k + 3)) if L.text(j)), None)
                if j is None or any(ch.isalnum() for ch in L.text(j)):
                    return self._printed(k, L.text(k))
            near = [*after, *range(first + 1, last),
                    *range(first - 1, max(-1, first - 4), -1)]  # after, between name and numbers, above
            status = None
            for k in near:
                s = L.text(k)
                t = _time_of(s) if s else None
                if t is not None:
                    if (k > last and self._label_above(k, last)) or self._axis(k) or self._cell(k, starts):
                        continue
                    if k > last and self._after_headline(k, last):
                        break  # an article's date under its headline (a news list below the quote)
                    return self._joined(k, t) if t is s and s[-1:].isdigit() else self._printed(k, t)
                if status is None and s:
                    status = _status_line(s)  # "Geschlossen·02/12" under the numbers: if no time line
            if status is not None:
                return status
            # (below, past the quote's statistics printed label over value, "Omsatt" / "3 412 857":
            # up to eight of them, not counted among the eight lines)
            for ks in (range(last + 4, min(L.n, last + 28)) if news is None else range(0),
                       range(first - 4, max(-1, first - 10), -1)):
                texts = 0
                lines = 0
                value = -1
                for k in ks:
                    if k in starts:
                        break  # another quote
                    if k == value:
                        continue  # a statistic's value under its label
                    lines += 1
                    if lines > 8:
                        break
                    s = L.text(k)
                    if not s:
                        continue
                    if k > last and len(s) <= 30 and _DIGIT.search(s) is None:
                        j = next((j for j in range(k + 1, min(L.n, k + 3)) if L.text(j)), None)
                        if j is not None and self._stat_value(j):
                            value = j
                            lines -= 1
                            continue
                    if k == last + 4 and self._stat_value(k):
                        j = next((j for j in range(k - 1, last, -1) if L.text(j)), None)
                        t = L.text(j) if j is not None else ""
                        if len(t) <= 30 and _DIGIT.search(t) is None:
                            lines -= 1
                            continue  # (its label was the last line read near the header)
                    if k > last and (_news_heading(s) or _headline(s)):
                        break  # a news list: its dates are the articles'
                    if (_time_line(s) and not _BYLINE.search(s) and not self._axis(k)
                            and not (k > last and self._label_above(k, last))):
                        if k > last and self._after_headline(k, last):
                            break  # an article's date under its headline
                        return self._printed(k, s)
                    texts += 1
                    if texts >= (5 if k > last else 3) or _prose(s) or (L.kind(k) != _TEXT and L.fields(k)):
                        break
        return None

    def _stat_value(self, k: int) -> bool:
        """Line ``k`` holds only numbers, and no time: a statistic's value."""
        L = self.L
        return L.kind(k) == _NUM and bool(L.fields(k)) and not _time_line(L.text(k))

    def _joined(self, k: int, t: str) -> str:
        """A bare clock time or date on line ``k`` with the rest of the quote time on the lines
        next to it, as a block of fields prints it: its date ("03.12.26" / "17:36", "15:30" /
        "12/03"), each part's label ("Ora" / "17:50:02" / "Data" / "03/12/2026"); else ``t``."""
        clock = _BARE_CLOCK.fullmatch(t) is not None
        if not clock and _BARE_DATE.fullmatch(t) is None:
            return self._printed(k, t)
        L = self.L

        def text_at(j: int, step: int) -> int | None:
            j += step
            while 0 <= j < L.n and j != k and abs(j - k) <= 3 and not L.text(j):
                j += step
            return j if 0 <= j < L.n and abs(j - k) <= 3 and L.text(j) else None

        def other(s: str) -> bool:  # the other half: a date for a clock, a clock for a date
            return (_BARE_DATE if clock else _BARE_CLOCK).fullmatch(s) is not None

        parts = [L.text(k)]
        j = text_at(k, -1)
        if j is not None:
            s = L.text(j)
            if _TIME_LABEL.fullmatch(s) is not None or other(s):
                parts.insert(0, s)
        j = text_at(k, 1)
        if j is not None:
            s = L.text(j)
            if other(s):
                parts.append(s)
            elif _TIME_LABEL.fullmatch(s) is not None and len(parts) == 2:  # (a label before ours, and one here)
                j = text_at(j, 1)
                if j is not None and other(L.text(j)):
                    parts += [s, L.text(j)]
        if len(parts) == 1 or (len(parts) == 2 and _TIME_LABEL.fullmatch(parts[0]) is not None):
            return self._printed(k, t)  # (a label alone before a bare time: the time, as before)
        return _clean_name(" ".join(parts))

    def _headline_below(self, k: int) -> bool:
        """The next line of text after line ``k`` is a headline."""
        L = self.L
        j = next((j for j in range(k + 1, min(L.n, k + 4)) if L.text(j)), None)
        return j is not None and _headline(L.text(j))

    def _kept(self) -> list:
        """The candidates that became quotes (not a poll's rows, a row failing the arithmetic,
        a list under a quote header)."""
        lines = {q.line for q in self.resolved}
        return [c for c in self.cands if (c.quote.line if c.quote is not None else c.line + 1) in lines]

    def _data_note_below(self) -> str | None:
        """A notice about the data below the page's last quote ("Kurser fördröjda 15 minuter.
        Källa: Infront", "Price data as of Dec 22, 2024, 11:59 PM UTC, provided by Example
        Indices (XBX)."): within 20 lines, past the quote's statistics or an article's teaser,
        not past a news list's heading; farther, it is a footer's disclaimer."""
        if self.cands:
            spans = [c.span for c in self._kept()]
        else:
            spans = self._spans(self.fast_entries[-1:])
        if not spans:
            return None
        L = self._L or self.L
        last = max(b for _, b in spans)
        stop = min(L.n, last + 21)
        if not _note_hint("\n".join(L.raw[last + 1 : stop])):
            return None  # (no minutes, no source: the lines need not be read one by one)
        for k in range(last + 1, stop):
            s = L.text(k)
            if not s:
                continue
            if _news_heading(s):
                break
            if _data_note(s) and _BYLINE.search(s) is None:
                return self._printed(k, s)
        return None

    def _after_headline(self, k: int, floor: int) -> bool:
        """A headline between line ``floor`` (the quote's last) and the time at line ``k``: that
        time is the article's ("Stocks rally as yen weakens on BOJ hopes" / "02.12.2026 17:35")."""
        L = self._L or self.L
        return any(L.kind(j) == _TEXT and _headline(L.text(j)) for j in range(floor + 1, k))

    def _label_above(self, k: int, floor: int) -> bool:
        """Line ``k`` (a time) is the value of a statistic's label on the line above it, below
        line ``floor`` ("Earnings Date" / "Jan 30, 2027 4:30 PM"): an event's date, not the quote's."""
        L = self._L or self.L
        j = k - 1
        while j > floor and not L.text(j):
            j -= 1
        if j <= floor:
            return False
        s = L.text(j)
        return L.kind(j) == _TEXT and _LABELS.match(s) is not None and _TIME_LABEL.match(s) is None

    def _cell(self, k: int, starts: set[int]) -> bool:
        """Line ``k`` is a cell of a table's column printed one cell a line: the line as far
        after the next quote's first line as ``k`` is after this one's prints it again ("WIG20" /
        "2412,37" / "+18,05" / "+0,75%" / "17:05" / "WIG" / ...: each row's time, not the page's)."""
        a = max((x for x in starts if x < k), default=None)
        if a is None:
            return False
        b = min((x for x in starts if x > k), default=None)
        if b is not None:
            j = k + (b - a)
        else:  # after the last row: as far after the row before it
            a0 = max((x for x in starts if x < a), default=None)
            if a0 is None:
                return False
            j = k - (a - a0)
        L = self.L
        return 0 <= j < L.n and j != k and L.text(j) == L.text(k)

    def _axis(self, k: int) -> bool:
        """Line ``k`` is a bare clock time next to another one ("10:00 AM" / "12:00 PM"): a
        chart's axis or a list of events, not the quote's time."""
        L = self._L or self.L
        if _BARE_CLOCK.fullmatch(L.text(k)) is None:
            return False
        for step in (-1, 1):
            j = k + step
            while 0 <= j < L.n and not L.text(j):
                j += step
            if 0 <= j < L.n and _BARE_CLOCK.fullmatch(L.text(j)) is not None:
                return True
        return False

    def _printed(self, k: int, s: str) -> str:
        """``s``, the (normalized) text of line ``k`` or a part of it, as the page prints it: a
        whole line with native digits keeps them ("آخر تحديث: ٠٢/١٢/٢٠٢٦ ١٥:٢٠"), less its
        direction marks."""
        raw = self.L.raw[k]
        if raw.isascii() or s != self.L.text(k):
            return _clean_name(s)
        raw = _strip(raw).translate(_NO_BIDI)
        return _clean_name(raw if raw.translate(_NORMAL) == s else s)

    def page_time(self, status: str | None) -> datetime | None:
        """A full date and time printed with the data (status line, "Updated at ...")."""
        if status:  # (the line as printed: native digits, a dotted clock "klo 18.29")
            st = _undot(status if status.isascii() else normalize(status))
            if ":" in st:  # every pattern of _parse_datetime has a clock time
                t = self._possible(_parse_datetime(st), status)
                if t is not None:
                    return t
        src = self.source
        i = src.find(":")
        tries = 0
        while 0 <= i and tries < 40:
            tries += 1
            if 0 < i < len(src) - 2 and src[i - 1].isdigit() and src[i + 1 : i + 3].isdigit():
                a = src.rfind("\n", 0, i) + 1
                b = src.find("\n", i)
                b = len(src) if b < 0 else b
                line = src[a:b]
                if len(line) <= 200:
                    low = line.lower()
                    if (any(k in low for k in _TIME_WORDS) and _BYLINE.search(line) is None
                            and not _under_headline(src, a)):
                        t = self._possible(_parse_datetime(line), line)
                        if t is not None:
                            return t
                i = b
            i = src.find(":", i + 1)
        return None


    def _possible(self, t: datetime | None, line: str) -> datetime | None:
        """``t`` when it is a time a store can keep (in range once in UTC); else None, with a
        warning ("0001-01-01T00:00:00+08:00" is before year 1 in UTC)."""
        if t is None:
            return None
        try:
            t.astimezone(UTC)
        except (OverflowError, ValueError):
            self.warnings.append(f"page time out of range ignored: {_clean_name(line)[:80]!r}")
            return None
        return t


# a clock time, perhaps after a date ("12 Jul", "12.07.2024,", "Jun 28, 2024", "2024-07-12",
# "2024年11月29日", "29/11/24 -") and a trading venue ("Xetra · 29.11.24, 17:45:00"), before a zone
# ("CET", "МСК") or a venue ("09:00:03 Uhr Xetra")
_VENUE = rf"(?:{_alt('exchanges')})"
# a month's name or abbreviation: a word of three letters or more, or one of the months' own
# entries that a script writes with dots or combining marks ("ธ.ค.", "ธันวาคม": Thai)
_MONTH_MARKED = "|".join(re.escape(k) for k in sorted(_MONTHS, key=len, reverse=True) if re.fullmatch(r"[^\W\d_]+", k) is None)
_MONTH = rf"(?:{_MONTH_MARKED + '|' if _MONTH_MARKED else ''}[^\W\d]{{3,9}}\.?)"
_DATE_PART = (rf"\d{{1,2}}\.?\s+{_MONTH}(?:\s+\d{{4}})?|"
              r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日"
              r"|\d{1,2}\.\d{1,2}\.(?=\s)|\d{1,2}/\d{1,2}(?=[\s,])|\d{2}-\d{2}(?=\s)"  # no year: "2.12. klo 18.29", "02/12 17:35", "12-03 15:00"
              rf"|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?")
# (a word may stand between the date and the clock: "02/12/2026 à 17:35", "2.12.2026 klo 18:29")
_CONNECT = rf"(?:(?:{_alt('clock_words')}|{_alt('dotted_clock')})\s*)"
_CLOCK_LINE = LazyPattern(rf"(?i)(?:{_VENUE}\s*[|·:\-–]?\s*)?(?:(?:{_DATE_PART})(?:,?\s+|\s*[-–|·]\s*))?{_CONNECT}?"
                         # its o'clock word, its zone, perhaps with a word saying it is the zone's time
                         # ("09:15 น.", "16:59 NY Time")
                         rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:{_alt('clock_units')})(?![^\W\d_]))?"
                         rf"(?:\s+[^\W\d_]{{2,4}}(?:\s+(?:{_alt('zone_words')})(?![^\W\d_]))?)?"
                         # the date after the clock ("4:30 PM EST 12/02/26", "4:57 PM ET, 12/20/2024")
                         r"(?:,?\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4})?"
                         rf"(?:\s+{_VENUE})?")
# a clock time printed with a dot after its word ("klo 18.29"): read as "klo 18:29" (a dotted
# number elsewhere is a price)
_DOTTED = LazyPattern(rf"(?i)(?<![^\W\d_])((?:{_alt('dotted_clock')})\s*)(\d{{1,2}})\.(\d{{2}})(?:\.(\d{{2}}))?(?![\d,]|\.\d)")


def _undot(s: str) -> str:
    """``s`` with its dotted clock times in colons.

    >>> _undot("Päivitetty 2.12.2026 klo 18.29")
    'Päivitetty 2.12.2026 klo 18:29'
    """
    if "h" in s and _h_clock(s):  # a clock with an "h" for its colon ("às 17h12", "à 17h35")
        s = _H_CLOCK.sub(r"\1:\2", s)
    if "." not in s:
        return s
    return _DOTTED.sub(lambda m: f"{m[1]}{m[2]}:{m[3]}" + (f":{m[4]}" if m[4] else ""), s)


def _h_clock(s: str) -> bool:
    """An "h" between digits in ``s`` (looked for before the pattern: "h" is in most words)."""
    i = s.find("h")
    while i > 0:
        if s[i - 1].isdigit() and s[i + 1 : i + 2].isdigit():
            return True
        i = s.find("h", i + 1)
    return False


_H_CLOCK = LazyPattern(r"(?<![\w.,])([01]?\d|2[0-3])h([0-5]\d)(?!\w)")


# a quote-time line opening with its label, then a date or a clock time (perhaps both, a zone,
# a venue) and nothing else: "Last updated 16:35 GMT", "Stand: 02.12.2026, 17:35 Uhr",
# "Fechamento: 02/12", "更新時間: 2026/12/02 16:08", "As of 04:00 PM NY Time"
_NUM_DATE = (r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}/\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日"
             rf"|\d{{1,2}}\.?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}")
# (a venue may stand between the label and a date: "Cours de clôture Euronext Paris 10/01/2025")
_LABELLED = (rf"(?:{_alt('time_labels')})(?:\s*[:：|\-–]\s*|\s+)"
             rf"(?:{_CLOCK_LINE.pattern[4:]}(?:\s+[^\W\d_]{{1,5}})?|(?:{_VENUE}\s+)?(?:{_NUM_DATE}))")
# (perhaps then the round of a price announced several times a day: "... 09:15 น. (ครั้งที่ 1)")
_LABELLED_TIME = LazyPattern(rf"(?i){_LABELLED}(?:\s*\((?:{_alt('rounds')})\))?\.?")
# a notice about the page's data: that it is delayed ("Data delayed at least 15 minutes", "Kurser
# fördröjda 15 minuter", "Datos con 15 minutos de retraso"), as of when (a labelled time: "as of
# Dec 20 2024 21:59 GMT", "Mise à jour 17:50") and from where ("Källa: Infront", "provided by
# Example Indices (XBX)"), its parts after a full stop or a comma, the whole line
_MINUTES = rf"\d{{1,3}}\s*(?:{_alt('minutes')})(?![^\W\d_])"
_DELAYED = rf"(?:{_alt('delays')})(?![^\W\d_])"
# (what is late first, perhaps after a word and before one: "Markets data delayed", "Datos con 15
# minutos de retraso")
_NOTICE = (rf"(?:(?:[^\W\d_]+\s+)?(?:{_alt('data_nouns')})(?:\s+[^\W\d_]+)?\s+)?"
           rf"(?:{_DELAYED}(?:\s+[^\W\d_]+){{0,3}}?\s+{_MINUTES}"
           rf"|{_MINUTES}(?:\s+[^\W\d_]+){{0,2}}?\s+{_DELAYED})")
_SOURCE = rf"(?:{_alt('sources')})(?:\s*:\s*|\s+)[^\s.,;:]+(?:\s+[^\s.,;:]+){{0,4}}"
# (read part by part, _note_parts: one pattern of them all would cost ~30 ms to compile)
_NOTE_PART = LazyPattern(rf"(?i)(?P<n>{_NOTICE})|{_SOURCE}")
_NOTE_SEP = LazyPattern(r"[.,;]?\s+")
# (what every delay or source has, looked for first: minutes after a number, a source's word)
_MINUTES_HINT = LazyPattern(rf"(?i)\d\s*(?:{_alt('minutes')})")
_SOURCE_WORDS = tuple(merged("sources"))


def _note_hint(s: str) -> bool:
    """Minutes after a number, or a source's word, in ``s``: what a data notice must hold."""
    if _MINUTES_HINT.search(s) is not None:
        return True
    low = s.lower()
    return any(w in low for w in _SOURCE_WORDS)
# a byline's or a news list's date ("Published 02.12.2026 10:15", "Dec 2, 2026 · 3 min read")
_TIME_LABEL = LazyPattern(rf"(?i)(?:{_alt('time_labels')})(?![^\W\d_])")
_BARE_DATE = LazyPattern(r"\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{4}[./-]\d{1,2}[./-]\d{1,2}")
_BARE_CLOCK = LazyPattern(r"\d{1,2}[:]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?")
_BYLINE = LazyPattern(rf"(?i)(?<![^\W_])(?:{_alt('bylines')})(?![^\W_])")
_NO_BIDI = {ord(ch): None for ch in _BIDI}


_NEWS = LazyPattern(rf"(?i)(?:{_alt('news_headings')})(?![^\W\d_])")


def _news_heading(s: str) -> bool:
    """The heading of a news list ("News", "Nachrichten zur Beispiel AG", "新聞"): the dates
    below it are its articles'."""
    return bool(s) and len(s) <= 60 and _NEWS.match(s) is not None and _DIGIT.search(s) is None


def _headline(s: str) -> bool:
    """A news headline: six words or more without a digit, a colon or a closing full stop
    (not a status, delay or label line - those carry their own words)."""
    return (s.count(" ") >= 5 and len(s) <= 160 and _DIGIT.search(s) is None and ":" not in s
            and not s.endswith(".") and s[:1].isupper() and _status_line(s) is None and not _noise(s))


def _under_headline(src: str, a: int) -> bool:
    """The line starting at offset ``a`` follows a headline (two lines up at most, across blank
    lines and a relative time, "2 hours ago"): an article's time, not the data's."""
    for _ in range(3):
        if a <= 0:
            return False
        b = a - 1
        a = src.rfind("\n", 0, b) + 1
        prev = src[a:b].strip()
        if prev and _headline(prev):
            return True
    return False


def _prose(s: str) -> bool:
    """A sentence (the header has ended): a long line, or words ending with a full stop."""
    return len(s) > 100 or (s.endswith(".") and s.count(" ") >= 3)


_DATE = LazyPattern(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}")


def _time_line(s: str) -> bool:
    """A quote-time line: "At close: 4:35PM BST", "Official Close 3/19/2019", "18:05:00",
    "12 December 03:59 PM".

    >>> _time_line("Official Close 3/19/2019"), _time_line("18:05:00"), _time_line("Prev. Close")
    (True, True, False)
    """
    if len(s) > 100:
        return False
    if _AT_CLOSE.fullmatch(s) and (_DATE.search(s) is not None or _CLOCK.search(s) is not None
                                   or s.lower().startswith(("at close", "as of"))):
        return True
    s = _undot(s)
    if _CLOCK_LINE.fullmatch(s) is not None or _LABELLED_TIME.fullmatch(s) is not None:
        return True
    # a notice about the data with its time ("Cours différés de 15 minutes. Mise à jour 17:50")
    if (_CLOCK.search(s) is not None or _DATE.search(s) is not None) and _note_parts(s):
        return True
    # a line with a full date and time and a word saying it is the data's ("Data delayed at
    # least 15 minutes, as of Jul 05 2024 16:35 BST.")
    low = s.lower()
    return any(w in low for w in _TIME_WORDS) and _parse_datetime(s) is not None


# a full date and time ending a longer line ("... update in real time. Mar 29, 2017, 7:14 AM EDT")
_DATE_TIME_END = LazyPattern(rf"(?i)\b(?:{_DATE_PART})(?:,?\s+|\s*[-–|]\s*)\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?"
                            r"(?:\s+[^\W\d_]{2,4})?\.?$")

# a time line's text before a bar of links on the same line
_TIME_BEFORE_LINKS = LazyPattern(rf"(?i)(?:(?:{_alt('time_labels')})\s*[:：\-–]?\s*)?(?:{_CLOCK_LINE.pattern[4:]})(?=\s+[^|]+\|)")
# the parts of a line of short items ("Fechamento: 02/12 · Atualizado às 18:04", "klo 18.29 |
# Kauppahistoria | Tilauskirja")
_PART_SEP = LazyPattern(r"\s+[|·•]\s+")


def _time_of(s: str) -> str | None:
    """The quote time a line next to a quote prints: the whole line when it is a time line;
    a time opening it before a bar of links ("09:00:03 Uhr Xetra aktualisieren | Orderbuch");
    a full date and time ending it. Else None.

    >>> _time_of("09:00:03 Uhr Xetra aktualisieren | Orderbuch | Mehr Kurse »")
    '09:00:03 Uhr Xetra'
    >>> _time_of("Index values, except the summary indices. Mar 29, 2017, 7:14 AM EDT")
    'Mar 29, 2017, 7:14 AM EDT'
    >>> _time_of("Opening bell at 9:30") is None
    True
    """
    if _BYLINE.search(s) is not None:
        return None  # "Published 02.12.2026 10:15": an article's date
    if s[:1] in _MARKS:  # an arrow or a bullet before it: "▲ آخر تحديث: 03/12/2026 15:20:00 | السوق مغلق"
        m = _LEAD_MARK.match(s)
        if m is not None:
            return _time_of(s[m.end() :])
    if _time_line(s):
        return s
    if len(s) > 300:
        return None
    if s[:1].isalpha() and _state_then_time(s):  # a status, then its time ("已收盘 2026-12-03 15:00:00")
        return s
    if s[-1:].isalpha():  # a time, then a status glued to it: the time ("Kurs z: 03.12.2026 17:15:02Sesja zakończona")
        m = _STATE_GLUED_LAST.search(s)
        if m is not None and _time_line(s[: m.start()]):
            return s[: m.start()]
    u = _undot(s)  # (as long as s: a dotted clock's dot becomes its colon)
    m = _TIME_BEFORE_LINKS.match(u)
    if m is not None and _link_bar(s[m.end() :]):
        return s[: m.end()]
    t = _time_parts(s)
    if t is not None:
        return t
    m = _DATE_TIME_END.search(s)
    return m.group(0) if m is not None else None


_STATE_FIRST = LazyPattern(rf"(?i)(?:{_alt('status_words')}|{_alt('states')})(?:\s*[·•|:\-–]\s*|\s*(?=\d))")
_STATUS_SEP = LazyPattern(r"\s+[-–|·•]\s+")


def _state_then_time(s: str) -> bool:
    """A market status, then its time: a state word before the time, run into it or apart by a
    separator ("已收盘 2026-12-03 15:00:00", "已收盘12-03 15:00:00", "交易中 12-03 14:32:10"), or a
    whole status line, a dash, a bar or a dot, and a time line ("Mercado abierto - 03/12/2026
    15:42", "Markets closed | 12/03/2026 4:00 PM").

    >>> _state_then_time("Mercado abierto - 03/12/2026 15:42"), _state_then_time("Mercado abierto - Panel")
    (True, False)
    """
    if len(s) > 120:
        return False
    m = _STATE_FIRST.match(s)
    if m is not None and _time_line(s[m.end() :]):
        return True
    m = _STATUS_SEP.search(s)
    return m is not None and _status_line(s[: m.start()]) is not None and _time_line(s[m.end() :])
_STATE_GLUED_LAST = LazyPattern(rf"(?i)(?<=\d)(?:{_alt('status_words')}|{_alt('states')})$")


def _head_time_line(s: str) -> str | None:
    """The data's time a line of a page's head prints, where no quote is near to say it is the
    quote's: a labelled time ("Aktualizacja: 03.12.2026, 16:45", "2026/12/03 15:30 更新"), a
    delay notice with its time, a status with its time ("Market closed · Dec 3, 2026, 4:00 PM
    EST"), a labelled time with a status glued after it (the time: "Senast uppdaterad
    17:29:58Stängd"); not a bare date or clock time (a news list's).

    >>> _head_time_line("Market closed · Dec 3, 2026, 4:00 PM EST")
    'Market closed · Dec 3, 2026, 4:00 PM EST'
    >>> _head_time_line("Dec 3, 2026, 4:00 PM EST") is None
    True
    """
    if len(s) > 160:
        return None
    if _labelled_time(s):
        return s
    if _CLOCK.search(s) is None and _DATE.search(s) is None:
        return None  # (the other forms hold a clock time or a date: looked for first)
    if _data_note(s) and _time_line(s):
        return s
    if _BYLINE.search(s) is not None:
        return None
    if _noted_time(s):
        return s
    if s[-1:].isalpha():
        m = _STATE_GLUED_LAST.search(s)
        if m is not None and _labelled_time(s[: m.start()]):
            return s[: m.start()]
    return s if _state_and_time(s) or (s[:1].isalpha() and _state_then_time(s)) else None


def _noted_time(s: str) -> bool:
    """A line of two or three items, time lines and notes about the price (that it is
    real-time or delayed, its venue: "03.12.2026 17:35:18 · temps réel", "Xetra | 03.12.26,
    17:45:00 Uhr"), with a date or a clock time.

    >>> _noted_time("03.12.2026 17:35:18 · temps réel"), _noted_time("03.12.2026 17:35:18 · Marchés")
    (True, False)
    """
    seps = list(_PART_SEP.finditer(s)) if len(s) <= 100 else ()
    if not 1 <= len(seps) <= 2:
        return False
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(s)]
    parts = [s[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    times = [_time_line(p) and (_CLOCK.search(p) is not None or _DATE.search(p) is not None) for p in parts]
    return any(times) and not all(times) and all(t or _note_part(p) for p, t in zip(parts, times, strict=True))


def _state_and_time(s: str) -> bool:
    """A line of two or three items, a market status and time lines ("Market closed · Dec 3,
    2026, 4:00 PM EST", "Aktualizováno: 3.12.2026 16:25 | Obchodování ukončeno")."""
    seps = list(_PART_SEP.finditer(s)) if len(s) <= 100 else ()
    if not 1 <= len(seps) <= 2:
        return False
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(s)]
    parts = [s[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    states = [_status_line(p) is not None for p in parts]
    return any(states) and not all(states) and all(st or _time_line(p) for p, st in zip(parts, states, strict=True))


_MARKS = frozenset(f"{_ARROWS_UP}{_ARROWS_DOWN}•·‣◦▪●►▶■◆")
_LEAD_MARK = LazyPattern(rf"[{_ARROWS_UP}{_ARROWS_DOWN}•·‣◦▪●►▶■◆][ \t\u00a0\u202f]+(?=\S)")


def _time_parts(s: str) -> str | None:
    """A line of two to four short items, one or more of them time lines and the others
    notes without numbers: the whole line ("Fechamento: 02/12 · Atualizado às 18:04",
    "Delayed · Last updated 16:35 GMT"), or the time items before a bar of links.

    >>> _time_parts("klo 18.29 | Kauppahistoria | Tilauskirja")
    'klo 18.29'
    >>> _time_parts("Delayed quote · 15 min") is None
    True
    """
    seps = list(_PART_SEP.finditer(s))
    if not 1 <= len(seps) <= 3:
        return None
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(s)]
    parts = [s[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    times = [_time_line(p) for p in parts]
    if not any(times):
        return None
    if sum(_CLOCK_LINE.fullmatch(_undot(p)) is not None for p in parts) > 1:
        return None  # "09:30 | 12:00 | 16:00": a chart's time axis, a list of events
    # the others: a market status or a notice of the data's delay ("Atualizado às 17h12 · Dados
    # com atraso de 15 minutos", "Aktualizováno: 3.12.2026 16:25 | Obchodování ukončeno"): the
    # whole line, as the page prints it
    notes = [not t and (_status_line(p) is not None or _data_note(p)) for p, t in zip(parts, times, strict=True)]
    if all(t or n for t, n in zip(times, notes, strict=True)):
        return s
    if not all(t or (len(p) <= 30 and _DIGIT.search(p) is None) for p, t in zip(parts, times, strict=True)):
        return None
    if "|" not in s:
        return s
    n = times.index(True)
    if n and times[-1] and all(_note_part(p) for p in parts[:n]):
        return s  # notes about the price, then its time: "Realtime-Kurs | Xetra | 02.12.26, 17:35:00 Uhr"
    n = times.index(False)  # the time, then a bar of links: the time alone
    if n == 0 or any(times[n:]):
        return None
    return s[: seps[n - 1].start()]


_STATE = LazyPattern(rf"(?i)(?:{_alt('states')})")


def _bare_state(s: str) -> bool:
    """A line that is only a state, and no statistic's label ("Closed", "Stängd"; not "Open").

    >>> _bare_state("Stängd"), _bare_state("Open"), _bare_state("Closed today")
    (True, False, False)
    """
    return len(s) <= 20 and _STATE.fullmatch(s) is not None and _LABELS.match(s) is None


# a notice that the data is not available ("Data unavailable", "Kurse nicht verfügbar")
_OUTAGE = LazyPattern(rf"(?i)(?:{_alt('data_nouns')})\s+(?:{_alt('outages')})")
# a notice that the data is delayed, without its minutes: what is late and the delay's word,
# either first ("Koersen vertraagd", "Kurse verzögert", "Delayed quotes", "Cours différés")
_DELAY_LINE = LazyPattern(rf"(?i)(?:{_alt('data_nouns')})\s+(?:{_alt('delays')})|(?:{_alt('delays')})\s+(?:{_alt('data_nouns')})")


def _data_note(s: str) -> bool:
    """A notice about the page's data: its delay, perhaps its time and source.

    >>> _data_note("Kurser fördröjda 15 minuter. Källa: Infront"), _data_note("Delayed quote · 15 min")
    (True, False)
    >>> _data_note("Markets data delayed by at least 15 minutes. © Example Media Ltd 2026.")
    False
    """
    return len(s) <= 160 and _DIGIT.search(s) is not None and _note_parts(_undot(s))


def _note_parts(s: str) -> bool:
    """``s`` is made of a data notice's parts: delay notices, labelled times and sources, after
    a full stop, a comma or a semicolon; a delay or a source among them (a time alone is a
    quote-time line, read where a header is). Each part is matched whole, from each place a
    part before it can end (a date's own commas: "as of Dec 22, 2026, 11:59 PM UTC").

    >>> _note_parts("Cours différés de 15 minutes. Mise à jour 17:50"), _note_parts("Mise à jour 17:50")
    (True, False)
    """
    if not _note_hint(s):
        return False
    end = len(s)
    stops: list[tuple[int, int]] = [(m.start(), m.end()) for m in _NOTE_SEP.finditer(s)]
    stops += [(end - 1, -1), (end, -1)] if s.endswith(".") else [(end, -1)]
    reach = {0: False}  # where a part may start -> a delay or a source before it
    for a, b in stops:
        for pos, note in list(reach.items()):
            if pos >= a:
                continue
            if _NOTE_PART.fullmatch(s, pos, a) is not None:
                note = True
            elif _LABELLED_TIME.fullmatch(s, pos, a) is None:
                continue
            if b < 0:
                if note:
                    return True
            else:
                reach[b] = reach.get(b, False) or note
    return False


def _labelled_time(s: str) -> bool:
    """A time line opening with its label ("Official Close 8/16/2019", "Stand: 02.12.2026,
    17:35 Uhr"), not a byline; a bare time is not enough.

    >>> _labelled_time("Official Close 8/16/2019"), _labelled_time("18:05:00")
    (True, False)
    """
    if len(s) > 100:
        return False
    c = s[:1]
    if c.isdigit():  # the time first, then its word ("2026/12/03 15:30 更新"); else no label
        ok = s[-1:].isalpha() and _TIME_LABELLED_AFTER.fullmatch(_undot(s)) is not None
    elif c.isalpha() or not c.isascii():  # a label first (the patterns are long: a letter first, then they)
        ok = ((_AT_CLOSE.fullmatch(s) is not None and (_DATE.search(s) is not None or _CLOCK.search(s) is not None))
              or _LABELLED_TIME.fullmatch(_undot(s)) is not None)
    else:
        return False  # ("+1,02 zł", "(+0,53%)", "© 2026 …")
    return ok and _BYLINE.search(s) is None


# a date or a clock time, then the word saying it is the data's ("2026/12/03 15:30 更新", "12/03 15:00 現在")
_TIME_LABELLED_AFTER = LazyPattern(rf"(?i)(?:(?:{_CLOCK_LINE.pattern[4:]})|{_NUM_DATE})\s*(?:{_alt('time_after')})")


def _note_part(s: str) -> bool:
    """An item of a time line that is a note about the price: its venue, that it is real-time
    or delayed, a state ("Xetra", "Realtime-Kurs", "Delayed quote", "Stängd")."""
    return _VENUE_LINE.fullmatch(s) is not None or _STATE.fullmatch(s) is not None or any(
        w in s.lower() for w in _NOISE_PARTS)


_VENUE_LINE = LazyPattern(rf"(?i){_VENUE}")


def _link_bar(s: str) -> bool:
    """Short link texts between bars, without numbers ("aktualisieren | Orderbuch | Mehr Kurse »")."""
    cells = [c.strip() for c in s.split("|")]
    return len(cells) >= 2 and all(0 < len(c) <= 30 and _DIGIT.search(c) is None for c in cells)


_DIGIT = LazyPattern(r"\d")
_STATUS_LINES: dict[str, str | None] = {}


def _status_line(s: str) -> str | None:
    """The market status line ``s`` (stripped) is, cleaned, or None. Remembered: a site prints
    the same few status lines page after page, and the pattern is a long one."""
    if not s or len(s) > 90:
        return None
    try:
        return _STATUS_LINES[s]
    except KeyError:
        pass
    if len(_STATUS_LINES) >= 2000:
        _STATUS_LINES.clear()
    status = _STATUS_LINES[s] = (_clean_name(_unglue_noise(s)) if _STATUS.fullmatch(s) or _STATUS_GLUED_AFTER.fullmatch(s)
                                 else None)
    return status


# a whole noise line's word run into the status after it by the page's text extraction
# ("AdvertisementUK markets closed", "WerbungDeutsche Märkte geschlossen"): before a capital
_GLUED_NOISE = LazyPattern(rf"(?i:{_alt('noise_line')})(?=[A-Z])")


def _unglue_noise(s: str) -> str:
    """The status ``s`` without a noise word glued before it, when the rest is still a status.

    >>> _unglue_noise("AdvertisementUK markets closed"), _unglue_noise("UK markets closed")
    ('UK markets closed', 'UK markets closed')
    """
    m = _GLUED_NOISE.match(s)
    if m is None or m.end() == len(s):
        return s
    rest = s[m.end() :]
    return rest if _STATUS.fullmatch(rest) else s


# a status badge glued to the end of a short line of items ("GLOBAL · forexMarket Open", "NYSE ·
# USDMarket Closed"): the last item's lower-case letter or code, then the capitalised status
_STATUS_GLUED_AFTER = LazyPattern(
    rf"[^\n]{{0,40}}?\s[·•|\-–]\s\S{{0,20}}?(?:[a-z]|[A-Z]{{2}})(?=[A-Z][a-z])(?i:{_alt('markets')})\s+(?i:{_alt('states')})"
)



_TZ = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "PST": -480, "PDT": -420,
    "JST": 540, "KST": 540, "SGT": 480, "HKT": 480, "AEST": 600, "AEDT": 660, "IST": 330,
    "WIB": 420, "WITA": 480, "WIT": 540, "ICT": 420, "MYT": 480, "PHT": 480,
}
_MON = rf"(?P<mon>{_MONTH_MARKED + '|' if _MONTH_MARKED else ''}[^\W\d_]{{3,9}})\.?"
_TM = (r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?:(?P<ampm>[AaPp]\.?[Mm]\.?)"
       rf"|(?P<am>{_alt('am_words')})(?![^\W\d_])|(?P<pm>{_alt('pm_words')})(?![^\W\d_]))?")
_TZP = r"(?:\s*(?P<tz>[A-ZА-Я]{1,4}|[+-]\d{2}:?\d{2}))?"
_DATETIMES = [
    # (a dash or a bar may stand between the date and the clock: "Dec 04, 2026 - 16:59 NY Time")
    LazyPattern(rf"(?P<d>\d{{1,2}})\.?\s+{_MON}\s+(?P<y>\d{{4}}),?\s+(?:[-–|]\s+)?{_CONNECT}?{_TM}{_TZP}"),
    LazyPattern(rf"{_MON}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}),?\s+(?:[-–|]\s+)?{_CONNECT}?{_TM}{_TZP}"),
    LazyPattern(rf"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})[T ]{_TM}{_TZP}"),
    LazyPattern(rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}),?\s+{_CONNECT}?{_TM}(?:\s*Uhr)?{_TZP}"),
    # "2024/11/29 15:15", "2024年11月29日 15:30", "2026.12.02 15:30"
    LazyPattern(rf"(?P<y>\d{{4}})(?:(?P<ys>[/.])|年\s?)(?P<m>\d{{1,2}})(?:(?P=ys)|月\s?)(?P<d>\d{{1,2}})日?,?\s+{_TM}{_TZP}"),
    # "29/11/2024 17:25", "11/29/2024 4:00 PM ET", "02-12-2026 17:35": day or month first (see _day_month)
    LazyPattern(rf"(?P<a>\d{{1,2}})(?P<ds>[/-])(?P<b>\d{{1,2}})(?P=ds)(?P<y>\d{{4}}),?\s*(?:[-–|]\s*)?{_CONNECT}?{_TM}{_TZP}"),
    # the clock and its zone first: "4:57 PM ET, 12/20/2026"
    LazyPattern(rf"{_TM}{_TZP},?\s+(?P<a>\d{{1,2}})(?P<ds>[/-])(?P<b>\d{{1,2}})(?P=ds)(?P<y>\d{{4}})"),
]
# a year printed in this range is of the Buddhist era, 543 years ahead of the common era (a
# year past it is no page's: "9999" stays impossible)
_BUDDHIST_ERA_FROM, _BUDDHIST_ERA_TO = 2400, 2700
_BUDDHIST_ERA = 543
# zones printed without saying whether summer time is on: the place's rules say
_TZ_PLACES = {"ET": "America/New_York", "CT": "America/Chicago", "PT": "America/Los_Angeles", "TRT": "Europe/Istanbul",
              "MSK": "Europe/Moscow", "МСК": "Europe/Moscow", "NY": "America/New_York"}


def _day_month(a: int, b: int, twelve_hour: bool) -> tuple[int, int]:
    """(day, month) of a date printed ``a/b/year``: the number above 12 is the day; when both
    could be either, month first with a 12-hour clock (the US way: "11/05/2024 4:00 PM"),
    else day first ("05/11/2024 17:25")."""
    if a > 12 or (b <= 12 and not twelve_hour):
        return a, b
    return b, a



def _parse_datetime(s: str) -> datetime | None:
    """A full date and time printed in ``s``, tz-aware (UTC when no zone is printed).

    >>> _parse_datetime("Quotes 10 Minutes Delayed. Updated at 15 Feb 2018 12:04")
    datetime.datetime(2018, 2, 15, 12, 4, tzinfo=datetime.timezone.utc)
    >>> _parse_datetime("At close: May 17, 2024 at 4:00PM EDT").isoformat()
    '2024-05-17T16:00:00-04:00'
    >>> _parse_datetime("At close: 4:35PM BST") is None
    True
    >>> _parse_datetime("Data as of 4:57 PM ET, 12/20/2026").isoformat()
    '2026-12-20T16:57:00-05:00'
    """
    s = _undot(s)
    for rx in _DATETIMES:
        m = rx.search(s)
        if not m:
            continue
        g = m.groupdict()
        try:
            ampm = "am" if g.get("am") else "pm" if g.get("pm") else (g.get("ampm") or "").lower().replace(".", "")
            day = g.get("d") or "0"
            if g.get("mon"):
                name = g["mon"].lower()
                mon = _MONTHS.get(name) or _MONTHS.get(name[:4]) or _MONTHS.get(name[:3])
                if mon is None:
                    continue
            elif g.get("a"):
                d, mon = _day_month(int(g["a"]), int(g["b"]), bool(g.get("ampm")))  # (the US way: AM/PM)
                day = str(d)
            else:
                mon = int(g["m"])
            h = int(g["h"])
            if ampm == "pm" and h < 12:
                h += 12
            elif ampm == "am" and h == 12:
                h = 0
            tzs = g.get("tz")
            tz: tzinfo
            if tzs and tzs[0] in "+-":
                sign = -1 if tzs[0] == "-" else 1
                digits = tzs[1:].replace(":", "")
                tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
            elif tzs and tzs in _TZ:
                tz = timezone(timedelta(minutes=_TZ[tzs]))
            elif tzs and tzs in _TZ_PLACES:
                tz = _place(tzs)
            else:
                tz = UTC
            year = int(g["y"])
            if _BUDDHIST_ERA_FROM <= year < _BUDDHIST_ERA_TO:  # a year of the Buddhist era (Thai pages: 2569 is 2026)
                year -= _BUDDHIST_ERA
            return datetime(year, mon, int(day), h, int(g["mi"]), int(g.get("s") or 0), tzinfo=tz)
        except (ValueError, OverflowError):
            continue
    return None


def _place(code: str) -> tzinfo:
    """The zone of a place (``ET``: New York's rules), or its winter offset where the system
    has no zone data."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(_TZ_PLACES[code])
    except Exception:  # no tz database on this system
        return timezone(timedelta(minutes=_TZ_WINTER[code]))


_TZ_WINTER = {"ET": -300, "CT": -360, "PT": -480, "TRT": 180, "MSK": 180, "МСК": 180, "NY": -300}
