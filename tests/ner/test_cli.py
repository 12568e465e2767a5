"""`rasd eval ner` prints per-type lines and the micro line last, and writes predictions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasd.cli.main import main

MICRO = re.compile(r"^micro P=\d\.\d{4} R=\d\.\d{4} F1=\d\.\d{4}$")


def test_eval_ner_on_a_small_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    test = tmp_path / "t.txt"
    test.write_text("قال O\nالرئيس O\nحسني B-PERS\nمبارك I-PERS\nفي O\nالقاهرة B-LOC\n\n"
                    "زار O\nبوش B-PERS\nلندن B-LOC\n", encoding="utf-8")
    pred = tmp_path / "p.txt"
    assert main(["eval", "ner", "--test", str(test), "--predictions", str(pred)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert MICRO.match(lines[-1])
    assert any(line.startswith("PERS ") for line in lines[:-1])
    rows = [r.split() for r in pred.read_text(encoding="utf-8").splitlines() if r]
    assert len(rows) == 9 and all(len(r) == 3 for r in rows)
    assert {r[2] for r in rows} <= {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG",
                                    "B-MISC", "I-MISC"}
