"""`ticker parse --explain`: each quote's evidence and why near-misses were refused."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from ticker.cli import app
from ticker.parser import explain

PAGE = ("Euro Stoxx 50\n\n-21,50 -0,44%\n4.912,40\n\nMost viewed\n"
        "ALPHA AG -0,61 -5,01% 11,65€\nBETA SE -1,55 -2,93% 51,36€\n"
        "Nikkei 225 38,471.20 +761.60 (+5.02%)\n")


def test_explain_gives_evidence_and_refusals():
    page, evidence = explain(PAGE)
    assert [q.name for q in page.quotes] == ["Euro Stoxx 50"]
    quote = next(e for e in evidence if e["decision"] == "quote")
    assert quote["printed"] == ["4.912,40", "-21,50", "-0,44%"]
    assert quote["arithmetic"] == "passes" and quote["number_format"] == "decimal comma"
    refused = {e["name"]: e["decision"] for e in evidence if e["decision"].startswith("refused")}
    assert "list below the page's quote header" in refused["ALPHA AG"]
    assert "arithmetic fails" in refused["Nikkei 225"]


def test_explain_agrees_with_parse():
    from ticker.parser import parse

    assert explain(PAGE)[0] == parse(PAGE)


def test_cli_explain_json_and_table(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["parse", "--explain", "--format", "json", str(page)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)[0]
    assert any(e["decision"] == "quote" and e["name"] == "Euro Stoxx 50" for e in report["explain"])
    result = runner.invoke(app, ["parse", "--explain", str(page)])
    assert result.exit_code == 0 and "refused: a row of a list" in result.output


def test_explain_says_why_a_statistic_is_no_quote():
    page, evidence = explain("Poll of polls\nLabour 34 +2 (+6.2%)\n\nChannel stats\nSubscribers\n98,765\n+1,234 (+1.27%)\n")
    assert page.quotes == ()
    why = {e["line"]: e["decision"] for e in evidence}
    assert why[2].startswith("refused: whole numbers under a heading of other statistics")
    assert why[5] == "refused: the numbers of a statistic its label names, not a market's"


def test_explain_says_why_a_price_target_is_no_quote():
    page, evidence = explain("Acme AG – Kursziele\n\nDurchschnittliches Kursziel (12 Monate)\n210,00 € +22,60 € (+12,06 %)\n")
    assert page.quotes == ()
    why = {e["line"]: e["decision"] for e in evidence}
    assert why[3] == "refused: the numbers under a forecast's or target's label"
