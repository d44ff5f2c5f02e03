"""The language words (ticker/parser/words): well-formed, and each one used by the lexicon."""
from __future__ import annotations

import re

import pytest

from ticker.parser import lexicon, lines, names, statistic, status, subject, tables
from ticker.parser.words import CATEGORIES, LANGUAGES, language, merged

# which built pattern (or collection) uses each category: an entry must be matched by it
_USERS = {
    "markets": lambda w: re.fullmatch(rf"(?:{lexicon._alt('markets')})", w, re.I),
    "status_words": lambda w: lexicon._STATUS.fullmatch(w),
    "states": lambda w: lexicon._STATUS.fullmatch(f"Test markets {w}") and lexicon._STATUS.fullmatch(f"{w} · 02/12"),
    "as_of": lambda w: lexicon._STATUS.fullmatch(f"2026.12.02 {w}(장마감)"),
    "markets_glued": lambda w: lexicon._STATUS.fullmatch(f"香港{w}已收市"),
    "countdown": lambda w: lexicon._STATUS.fullmatch(f"Test markets close {w} 3 hours"),
    "at_close": lambda w: lexicon._AT_CLOSE.fullmatch(f"{w}: 4:35PM"),
    "noise_start": lambda w: lexicon._NOISE_START.match(w),
    "noise_line": lambda w: lexicon._NOISE_START.match(w),
    "noise_parts": lambda w: w in lexicon._NOISE_PARTS,
    "links": lambda w: lexicon._LINKS.match(w),
    "labels": lambda w: lexicon._LABELS.match(w),
    "forecasts": lambda w: subject.classify(f"Mittleres {w} (12M)").kind == "forecast",
    "sessions": lambda w: lexicon._SESSION_TAIL.search(f"-0.58 (-0.32%) {w}"),
    "of_words": lambda w: subject._OF_EXCHANGE.search(f"Indice principale {w} Borsa Italiana"),
    "site_pages": lambda w: lexicon._SITE_PAGE.match(w) and names.page_subject([f"About {w}"]) is None,
    "unit_lines": lambda w: lexicon._UNIT_LINE.fullmatch(w),
    "units": lambda w: lines._UNIT_ONLY.fullmatch(w),
    "glued_units": lambda w: [f.raw for f in lines._Lines(f"3,456{w}").fields(0)] == ["3,456"]
    and lines._Lines(f"3,456{w}").kind(0) == lines._NUM and lines.normalize(f"3,456{w}") == f"3,456 {w}",
    "sign_words": lambda w: lines.normalize(f"{w} 1.5%") in ("+1.5%", "-1.5%", "1.5%"),
    "percent_words": lambda w: lines.unify_percent_signs(f"1.5 {w}") == "1.5%",
    "today": lambda w: lines._TODAY.fullmatch(w),
    "stopwords": lambda w: w in lexicon._STOPWORDS,
    "time_words": lambda w: w in lexicon._TIME_WORDS,
    # quote-time lines (ticker.parser.status): a label then only a time; a word before the clock
    # (in a line and in the page time read from it); a dotted clock after its word; a byline
    "time_after": lambda w: status._labelled_time(f"2026/12/03 15:30 {w}") and status._labelled_time(f"12/03 {w}"),
    "time_labels": lambda w: status._LABELLED_TIME.fullmatch(f"{w}: 17:35") and status._time_line(f"{w} 02.12.2026 17:35"),
    "clock_words": lambda w: status._time_line(f"02.12.2026 {w} 17:35")
    and status._parse_datetime(f"02.12.2026 {w} 17:35") is not None,
    "clock_units": lambda w: status._time_line(f"02.12.2026 17:35 {w}") and status._time_line(f"Last updated 17:35 {w}"),
    "zone_words": lambda w: status._time_line(f"Dec 02, 2026 - 16:59 NY {w}") and not status._time_line("Dec 02, 2026 - 16:59 NY Zeta"),
    "rounds": lambda w: status._LABELLED_TIME.fullmatch(f"Last updated 02.12.2026 17:35 ({w})")
    and not status._LABELLED_TIME.fullmatch("Last updated 02.12.2026 17:35 (Zeta 1)"),
    "dotted_clock": lambda w: status._time_line(f"{w} 18.29") and not status._time_line("18.29")
    and status._parse_datetime(f"2.12.2026 {w} 18.29") is not None,
    "am_words": lambda w: status._parse_datetime(f"02/12/2026 12:20 {w}").hour == 0,
    "pm_words": lambda w: status._parse_datetime(f"02/12/2026 03:20 {w}").hour == 15,
    # a notice about the data (ticker.parser.status): what is late, its delay in minutes, its source
    "data_nouns": lambda w: status._data_note(f"{w} delayed 15 minutes") and not status._data_note("Zeta delayed 15 minutes"),
    "delays": lambda w: status._data_note(f"Data {w} 15 minutes") or status._data_note(f"Data 15 minutes {w}"),
    "outages": lambda w: status._OUTAGE.fullmatch(f"Data {w}") and not status._OUTAGE.fullmatch(f"Zeta {w}"),
    "minutes": lambda w: status._data_note(f"Data delayed 15 {w}"),
    "sources": lambda w: status._data_note(f"Data delayed 15 minutes. {w} Example")
    and status._data_note(f"Updated 17:35, {w}: Example Indices (EXI)."),
    "news_headings": lambda w: status._news_heading(w) and status._news_heading(f"{w} zu Beispiel AG"),
    "bylines": lambda w: status._time_of(f"{w} Dec 2, 2026, 4:05 PM EST") is None
    and status._time_of("Dec 2, 2026, 4:05 PM EST") is not None,
    "months": lambda w: w in lexicon._MONTHS,
    "periods": lambda w: lexicon._RETURN_PERIOD.fullmatch(w),
    "col_value": lambda w: any(m.lastgroup == "v" for m in lexicon._COLUMN.finditer(w)),
    "col_change": lambda w: any(m.lastgroup == "c" for m in lexicon._COLUMN.finditer(w)),
    "col_pct": lambda w: any(m.lastgroup == "p" for m in lexicon._COLUMN.finditer(w)),
    "col_rank": lambda w: lexicon._ROW_NUMBER_COL.fullmatch(w),
    "col_code": lambda w: tables._header_cell(w) == "s",
    "col_other": lambda w: any(m.lastgroup == "n" for m in lexicon._COLUMN.finditer(w)),
    "field_value": lambda w: lexicon.field_role(w) == "v",
    "field_change": lambda w: lexicon.field_role(w) == "c",
    "field_pct": lambda w: lexicon.field_role(w) == "p",
    "field_prev": lambda w: lexicon.prev_close_label(w) and lexicon.prev_close_label(f"{w.title()}:"),
    "direction_down": lambda w: lexicon._DIRECTION.fullmatch(w).group("down") and w[0] in lexicon._DIRECTION_FIRST,
    "direction_up": lambda w: lexicon._DIRECTION.fullmatch(w).group("up") and w[0] in lexicon._DIRECTION_FIRST,
    "bid_ask": lambda w: lexicon._BID_ASK.fullmatch(f" {w} ") and lexicon._BID_ASK.fullmatch(f"{w.title()}:"),
    "id_labels": lambda w: lexicon._ID_LABEL.fullmatch(w),
    "exchanges": lambda w: lexicon._EXCHANGE_LINE.fullmatch(w),
    "name_labels": lambda w: lexicon._NAME_LABEL.fullmatch(w),
    "subject_before": lambda w: lexicon._SUBJECT.fullmatch(f"{w} Dow Jones").group("a") == "Dow Jones",
    "subject_after": lambda w: lexicon._SUBJECT.fullmatch(f"Dow Jones {w}").group("b") == "Dow Jones",
    # the subject stage: each entry must give its reason there (not be shadowed by another check)
    "actions": lambda w: subject.classify(w).reasons == ("a button or link",),
    "quote_labels": lambda w: subject.classify(w).reasons == ("a field label",),
    "countries": lambda w: subject.classify(w).reasons == ("a country or region",),
    "providers": lambda w: subject._PROVIDER.search(f"Zeta {w}") and subject.choose_name(
        [(0, "Zeta 100"), (1, f"Zeta {w}")]).name == "Zeta 100",
    "statistic_labels": lambda w: lexicon._LABELS.match(w) and lexicon._STATISTIC_LABEL.fullmatch(w),
    "statistic_contexts": lambda w: statistic._CONTEXT.fullmatch(w),
    "sites": lambda w: subject.classify(w).reasons == ("a site's or publisher's name",),
    "descriptors": lambda w: subject.classify(f"Index {w}").reasons == ("a descriptor of the quote's kind, price or source",),
    "conjunctions": lambda w: subject.classify(f"Oil, Gas {w} Fuels").reasons == ("a list of sectors or kinds",),
    "tabs": lambda w: subject.classify(w).reasons == ("a tab or menu item",),
    "share_classes": lambda w: any(r.startswith("a share class") for r in subject.classify(f"Zeta Corp {w}").reasons),
    "name_kinds": lambda w: subject._kind_word(f"Zeta {w}") is not None,
    "index_kinds": lambda w: subject._INDEX_KIND.search(f"Zeta {w}") is not None,
    "symbol_labels": lambda w: subject.classify(f"WKN 555750 | {w} DTE").code == "DTE",
}


def _example(entry: str) -> str:
    """A text the regex fragment ``entry`` matches (the fragment with its optional parts left out)."""
    s = re.sub(r"\(\?:([^)|]*)[^)]*\)\?", "", entry)          # (?:...)? -> nothing
    s = re.sub(r"\(\?:([^)|]*)(?:\|[^)]*)?\)", r"\1", s)      # (?:a|b) -> a
    s = re.sub(r"\[([^\]])[^\]]*\]", r"\1", s)                # [oa] -> o
    s = re.sub(r".\?", "", s)                                 # e? -> nothing
    s = s.replace("\\d+", "1").replace("\\s*", " ").replace("\\s+", " ")
    return re.sub(r"(?<!\\)[*+]", "", s).replace("\\", "")


def test_every_category_is_known_and_every_language_loads():
    for code in LANGUAGES:
        words = language(code)
        assert set(words) <= set(CATEGORIES), code


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_entries_are_well_formed(category):
    for code in LANGUAGES:
        entries = language(code).get(category, {} if category in ("months", "sign_words") else [])
        if category == "months":
            assert all(isinstance(v, int) and 1 <= v <= 12 for v in entries.values()), code
            entries = list(entries)
        if category == "sign_words":
            assert all(v in ("+", "-", "") for v in entries.values()), code
            entries = list(entries)
        assert len(entries) == len(set(entries)), (code, "duplicate")
        for e in entries:
            assert e == e.strip() and e == e.lower() and e, (code, e)
            re.compile(e)


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_every_entry_is_used(category):
    entries = merged(category)
    assert entries, category
    for entry in entries:
        example = _example(entry)
        assert _USERS[category](example), (category, entry, example)
