"""Printed names -> instruments: the shipped alias table."""

import pytest

from ticker.instruments import builtin_aliases, resolve


@pytest.mark.parametrize(
    "printed, canonical, symbol",
    [
        ("Nikkei", "Nikkei 225", "^N225"),
        ("NIKKEI 225", "Nikkei 225", "^N225"),
        ("N225 Nikkei 225", "Nikkei 225", "^N225"),
        ("Dow", "Dow Jones Industrial Average", "^DJI"),
        ("Dow Jones 30", "Dow Jones Industrial Average", "^DJI"),
        ("DOW", "Dow Jones Industrial Average", "^DJI"),
        ("STI Straits Times Index", "Straits Times Index", "^STI"),
        ("KLCI FTSE Bursa Malaysia KLCI", "FTSE Bursa Malaysia KLCI", "^KLSE"),
        ("Hong Kong Hang Seng Index (HSI:IND)", "Hang Seng Index", "^HSI"),
        ("HANG SENG", "Hang Seng Index", "^HSI"),
        ("10-Yr Bond", "US 10-Year Treasury Yield", "^TNX"),
        ("GOLD FUTURES", "Gold", "GC=F"),
        ("Öl (Brent)", "Brent Crude Oil", "BZ=F"),
        ("BTC-AUD", "Bitcoin AUD", "BTC-AUD"),
        ("Bitcoin USD", "Bitcoin USD", "BTC-USD"),
        ("DAX ®", "DAX", "^GDAXI"),
        ("Nasdaq Compositive", "Nasdaq Composite", "^IXIC"),  # the page's own typo
        ("S&P/TSX", "S&P/TSX Composite", "^GSPTSE"),
        ("India VIX", "India VIX", "^INDIAVIX"),
    ],
)
def test_printed_names_resolve(printed, canonical, symbol):
    inst = resolve(printed)
    assert (inst.name, inst.symbol) == (canonical, symbol)


def test_unknown_name_is_its_own_instrument_with_printed_symbol():
    inst = resolve("  Some   New Index ", symbol="^SNI")
    assert (inst.name, inst.symbol, inst.kind) == ("Some New Index", "^SNI", None)


def test_symbol_resolves_when_the_name_is_unknown():
    assert resolve("Footsie Two-Fifty", symbol="^FTMC").name == "FTSE 250"


def test_table_has_no_key_claimed_by_two_instruments_silently():
    import csv
    from importlib import resources

    from ticker.instruments import name_key

    seen = {}
    with resources.files("ticker.data").joinpath("instruments.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for name in [row["canonical"], row["symbol"], *row["aliases"].split("|")]:
                if name:
                    key = name_key(name)
                    assert seen.setdefault(key, row["canonical"]) == row["canonical"], f"{name!r} is ambiguous"
    assert len(builtin_aliases()) == len(seen)
