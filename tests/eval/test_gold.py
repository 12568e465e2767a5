"""`rasd eval gold`: the score_records rules, the report lines, and runs on gold files."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from rasd.cli.gold import format_report
from rasd.cli.main import main
from rasd.eval.gold import evaluate_gold, same_name, score_records
from rasd.extract.counts import counts_stage
from rasd.extract.quotes import quotes_stage
from rasd.model import Article, DateMention, Entity, Place
from rasd.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
REF = SHARED / "examples" / "000_98c889641a669656.txt"
REF_GOLD = SHARED / "examples" / "000_98c889641a669656.gold.json"
needs_shared = pytest.mark.skipif(not REF_GOLD.exists(), reason="../shared examples not present")


@pytest.mark.parametrize(("gold", "cand", "ok"), [
    ("سيرغي لافروف", "لافروف", True),
    ("سيرغي لافروف", "وزير الخارجية سيرغي لافروف", True),
    ("فاليرى أسابوف|فاليري أسابوف", "فاليري أسابوف", True),
    ("وزارة الدفاع الروسية|الوزارة", "والوزارة", True),
    ("حماة", "حماه", True),
    ("سيرغي لافروف", "ريابكوف", False),
    ("حمص", "", False),
])
def test_same_name(gold: str, cand: str, ok: bool) -> None:
    assert same_name(gold, cand) is ok


GOLD_ONE: dict[str, Any] = {
    "file": "a.txt",
    "quote_speakers": [{"speaker": "سيرغي لافروف", "min": 2, "contains": "الوضع مطمئن"}],
    "counts": [{"kind": "killed", "count": 3, "place": "حمص"}],
    "forbidden_counts": [{"kind": "killed", "count": 2017}],
}


def _record(quotes: list[dict[str, Any]], counts: list[dict[str, Any]], text: str = "") -> dict[str, Any]:
    return {"text": text, "quotes": quotes, "counts": counts}


def test_scores_follow_the_rules() -> None:
    rec = _record(
        [{"text": "الوضع مطمئن", "start": 0, "end": 11, "speaker": "لافروف"}],
        [{"kind": "killed", "count": 3, "place": {"name": "حماة"}, "text": "x", "start": 11, "end": 12},
         {"kind": "killed", "count": 2017, "text": "x", "start": 11, "end": 12}],
        text="الوضع مطمئنx")
    report = score_records([GOLD_ONE], {"a.txt": rec})
    assert (report.hit.get("quotes", 0), report.total["quotes"]) == (1, 2)  # quoted once, want 2
    assert report.ratio("counts") == 1.0
    assert report.ratio("count_places") == 0.0  # right figure, wrong place
    assert report.ratio("no_false_counts") == 0.0
    assert report.offset_errors == []


def test_offset_errors_and_missing_records_are_reported() -> None:
    rec = _record([{"text": "كلام", "start": 0, "end": 2, "speaker": "س", "speaker_start": 0,
                    "speaker_end": 1}], [], text="كلام")
    report = score_records([GOLD_ONE, {**GOLD_ONE, "file": "b.txt"}], {"a.txt": rec})
    assert report.missing == ["b.txt"]
    assert len(report.offset_errors) == 2
    lines, failed = format_report(report)
    assert failed and lines[0] == "missing record for b.txt" and lines[-1].startswith("FAIL ")


def test_report_lines_mark_metrics_below_their_minimum() -> None:
    report = score_records([GOLD_ONE], {"a.txt": _record([], [])})
    lines, failed = format_report(report, minimums={"counts": 0.5}, verbose=True)
    assert failed
    assert "counts              0/1    0.000  BELOW 0.50" in lines
    assert "    miss: a.txt: killed 3" in lines


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(
        "عنوان الخبر\nوقال لافروف إن الوضع مطمئن جدا.\nوأسفر القصف عن مقتل 3 مدنيين.\n",
        encoding="utf-8")
    gold = {"articles": [{
        "file": "docs/a.txt", "args": ["--published", "2017-09-25", "--source", "سانا"],
        "fields": {"published": "2017-09-25", "source": "سانا"},
        "quote_speakers": [{"speaker": "لافروف", "contains": "الوضع مطمئن"}],
        "counts": [{"kind": "killed", "count": 3}],
    }]}
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_evaluate_gold_reads_files_beside_the_gold_file_with_their_args(gold_dir: Path) -> None:
    report = evaluate_gold(gold_dir / "gold.json", pipeline=Pipeline(["quotes", "counts"]))
    assert {m: report.ratio(m) for m in report.metrics()} == {
        "quotes": 1.0, "counts": 1.0, "fields": 1.0}


def test_cli_prints_the_metrics_and_fails_below_a_minimum(
        gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["eval", "gold", str(gold_dir / "gold.json"), "--stages", "quotes,counts"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "quotes              2/2    1.000" in out and out.rstrip().endswith("fields=1.00")
    (gold_dir / "docs" / "a.txt").write_text("عنوان\nنص بلا أرقام ولا أقوال.\n", encoding="utf-8")
    assert main(args + ["--min-counts", "1"]) == 1


def _reference_article() -> Article:
    """The reference article built by hand, with the entities, places and dates later stages give."""
    lines = [x for x in REF.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = [x for x in lines if not x.startswith("المصدر") and x.strip() != "إضافة تعليق جديد"]
    text = "\n".join(lines)
    a = Article(id="ref", text=text, title=lines[0], published="2017-09-25", source="سانا")
    for name in ("اللاذقية", "حمص", "حماة", "ريف دمشق", "درعا", "دير الزور", "سورية"):
        for m in re.finditer(name, text):
            a.places.append(Place(text=name, start=m.start(), end=m.end(), name=name, country="SY",
                                  kind="country" if name == "سورية" else "city"))
    for m in re.finditer("أمس", text):
        a.dates.append(DateMention(text="أمس", start=m.start(), end=m.end(), value="2017-09-24"))
    for surname, full in (("لافروف", "سيرغي لافروف"), ("ريابكوف", "سيرغي ريابكوف"),
                          ("كوناشينكوف", "إيغور كوناشينكوف")):
        for m in re.finditer(surname, text):
            a.entities.append(Entity(text=surname, type="PER", start=m.start(), end=m.end(),
                                     canonical=full))
    a.places.sort(key=lambda p: p.start)
    a.entities.sort(key=lambda e: e.start)
    return a


@needs_shared
def test_reference_quotes_counts_and_count_places_are_all_found() -> None:
    art = counts_stage(quotes_stage(_reference_article()))
    gold = json.loads(REF_GOLD.read_text(encoding="utf-8"))["articles"]
    report = score_records(gold, {gold[0]["file"]: art.to_dict()})
    assert {m: report.ratio(m) for m in ("quotes", "counts", "count_places")} == {
        "quotes": 1.0, "counts": 1.0, "count_places": 1.0}, report.misses
    assert report.offset_errors == []


@needs_shared
def test_reference_through_eval_gold_finds_quotes_and_counts() -> None:
    report = evaluate_gold(REF_GOLD, pipeline=Pipeline(["quotes", "counts"]))
    assert (report.ratio("quotes"), report.ratio("counts")) == (1.0, 1.0), report.misses
