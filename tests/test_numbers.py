"""ticker.numbers.parse_number: one table of printed numbers and what they are."""
from __future__ import annotations

from decimal import Decimal

import pytest

from ticker.parser.numbers import decimal_candidates, parse_number, read_number

D = Decimal

CASES = [
    # text, decimal_sep hint, expected
    ("3,367.90", None, D("3367.90")),
    ("4.4390", None, D("4.4390")),
    ("17.771,76", None, D("17771.76")),
    ("-4.142,80", None, D("-4142.80")),
    ("1,0629", None, D("1.0629")),
    ("885,54", None, D("885.54")),
    ("0,00", None, D("0.00")),
    ("37 783,04", None, D("37783.04")),
    ("37\u00a0783,04", None, D("37783.04")),
    ("37\u202f783,04", None, D("37783.04")),
    ("1 107,28", None, D("1107.28")),
    ("11’942.05", None, D("11942.05")),
    ("11'942.05", None, D("11942.05")),
    ("−0.0400", None, D("-0.0400")),
    ("\u22120,28", None, D("-0.28")),
    ("–12.5", None, D("-12.5")),
    ("+1,930.52", None, D("1930.52")),
    ("-0.0000", None, D("-0.0000")),
    (".53", None, D("0.53")),
    ("(.53%)", None, D("0.53")),
    ("(-1,41%)", None, D("-1.41")),
    ("+0,41 %", None, D("0.41")),
    ("5,63\u00a0%", None, D("5.63")),
    ("$1.14", None, D("1.14")),
    ("₹76,957.98", None, D("76957.98")),
    ("₹1,23,456.78", None, D("123456.78")),
    ("-$1,399.30", None, D("-1399.30")),
    ("$-1,399.30", None, D("-1399.30")),
    ("US$74.17", None, D("74.17")),
    ("€ 17.999,59", None, D("17999.59")),
    ("17.999,59 €", None, D("17999.59")),
    ("12.345.678", None, D("12345678")),
    ("12,345,678", None, D("12345678")),
    ("0.000024", None, D("0.000024")),
    ("  8,139.83  ", None, D("8139.83")),
    # the one ambiguous shape: English reading unless told otherwise
    ("1,234", None, D("1234")),
    ("1,234", ",", D("1.234")),
    ("1.234", None, D("1.234")),
    ("1.234", ",", D("1234")),
    ("26.033", ",", D("26033")),
    ("0,123", None, D("0.123")),  # a leading zero is never a thousands group
    # a hint that contradicts the text gives None, not a wrong number
    ("17.771,76", ".", None),
    ("3,367.90", ",", None),
    ("1,0629", ".", None),
    # not numbers
    ("", None, None),
    ("--", None, None),
    ("N/A", None, None),
    ("-", None, None),
    ("[[ item.lastPrice ]]", None, None),
    ("1.2.3,4,5", None, None),
    ("1,23", ".", None),
    ("12:04", None, None),
    ("10.04.2025", None, None),
    ("3,045km", None, None),
    ("+-5", None, None),
    ("abc", None, None),
]


@pytest.mark.parametrize("text,sep,expected", CASES, ids=[f"{c[0]!r}{'@' + c[1] if c[1] else ''}" for c in CASES])
def test_parse_number(text, sep, expected):
    got = parse_number(text, decimal_sep=sep)
    assert got == expected
    if expected is not None:
        assert str(got) == str(expected)  # printed digits kept: 4.4390 stays 4.4390


@pytest.mark.parametrize("text,expected", [
    ("1,234", {".", ","}),
    ("1234", {".", ","}),
    ("1 234", {".", ","}),
    ("3,367.90", {"."}),
    ("17.771,76", {","}),
    ("1,0629", {","}),
    ("0.123", {"."}),
    ("12.345.678", {","}),
    ("--", set()),
])
def test_decimal_candidates(text, expected):
    assert set(decimal_candidates(text)) == expected


def test_read_number_counts_printed_decimals():
    assert read_number("-0.0400") == (D("-0.0400"), 4)
    assert read_number("2,840") == (D("2840"), 0)
    assert read_number("2,840", ",") == (D("2.840"), 3)


def test_non_str_is_not_a_number():
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_number(3.5) is None  # type: ignore[arg-type]
