"""`rasd bench`: progress lines every N articles and a final count, as text or JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.cli.bench import parse_stages
from rasd.cli.main import main
from rasd.pipeline import DEFAULT_PIPELINE

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_bench_json_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", str(SAMPLES), "--stages", "none", "--every", "2", "--json"]) == 0
    reports = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["articles"] for r in reports] == [2, 4, 6, 6]
    assert [r["final"] for r in reports] == [False, False, False, True]
    assert reports[-1]["stages"] == "none" and reports[-1]["peak_rss_mb"] > 0


def test_bench_text_summary_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", str(SAMPLES), "--stages", "none", "--every", "0", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "articles: 3 " in out and "articles/s" in out and "peak RSS" in out


@pytest.mark.parametrize(("value", "expected"), [
    ("none", ()),
    (None, tuple(DEFAULT_PIPELINE)),
    ("default", tuple(DEFAULT_PIPELINE)),
    ("sentences, dates", ("sentences", "dates")),
])
def test_parse_stages(value: str | None, expected: tuple[str, ...]) -> None:
    assert parse_stages(value) == expected
