"""The entities stage on the reference article, scored by ../shared/tools/score_records.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from rasd.extract.entities import entities_stage
from rasd.model import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ARTICLE = SHARED / "examples" / "000_98c889641a669656.txt"
GOLD = SHARED / "examples" / "000_98c889641a669656.gold.json"
pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="../shared (reference article) is absent")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_records", SHARED / "tools" / "score_records.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _article() -> Article:
    # Built by hand until the readers land: the file's lines minus the source line and comment prompt.
    lines = [ln for ln in ARTICLE.read_text(encoding="utf-8").split("\n")
             if ln.strip() and ln.strip() not in ("المصدر: سانا", "إضافة تعليق جديد")]
    return Article(id="ref", text="\n".join(lines), title=lines[0], published="2017-09-25")


@pytest.fixture(scope="module")
def record() -> dict:
    return entities_stage()(_article()).to_dict()


def test_every_gold_entity_is_found(record: dict) -> None:
    import json

    scorer = _scorer()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"][0]
    tally = scorer.Tally()
    scorer.score_article({"file": gold["file"], "entities": gold["entities"]}, record, tally)
    assert tally.misses.get("entities", []) == []
    assert scorer.check_offsets(record) == []


@pytest.mark.parametrize(("text", "canonical"), [
    ("لافروف", "سيرغي لافروف"), ("ريابكوف", "سيرغي ريابكوف"), ("كوناشينكوف", "إيغور كوناشينكوف"),
    ("سورية", "سوريا"), ("الدفاع الروسية", "وزارة الدفاع الروسية"),
])
def test_mentions_share_canonical_names(record: dict, text: str, canonical: str) -> None:
    assert {e["canonical"] for e in record["entities"] if e["text"] == text} == {canonical}


@pytest.mark.parametrize("text", ["صوراً", "المدينة", "الجديدة", "روسي", "بريف دير الزور"])
def test_no_false_entities(record: dict, text: str) -> None:
    assert text not in {e["text"] for e in record["entities"]}
