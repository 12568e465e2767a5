"""The hand-labelled 16-type event sentences, the modality of an event, and the 16-type classifier on
their held-out part."""
from __future__ import annotations

from collections import Counter

import pytest

from rasd.eval.events import evaluate_labelled
from rasd.eval.gsr import split_of
from rasd.extract.events.classifier import EventClassifier
from rasd.extract.events.features import EVENT_CUES, words
from rasd.extract.events.rules import cue_for, modality
from rasd.extract.events.stage import EventsStage
from rasd.lang.ar.plover import PLOVER_TYPES
from rasd.model import Article
from rasd.training.events import read_sentences


def test_labelled_sentences_cover_every_type_with_a_fixed_split() -> None:
    rows = read_sentences()
    assert len(rows) >= 1500
    assert len({r.text for r in rows}) == len(rows)
    assert all(r.split == ("test" if split_of(r.text) == "test" else "train") for r in rows)
    for split in ("train", "test"):
        per_type = Counter(t for r in rows if r.split == split for t in r.events)
        assert set(per_type) == set(PLOVER_TYPES), split
    # hard negatives: many sentences report no event, and planned ones are labelled as such
    assert sum(not r.events for r in rows) >= 500
    assert any(m == "planned" for r in rows for _, m in r.labels)


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("ومن المقرر أن يلتقي الرئيسان في سنغافورة", "CONSULT", "planned"),
    ("وقال إن واشنطن ستفرض عقوبات جديدة على طهران", "SANCTION", "planned"),
    ("وفي حال تم التوصل إلى اتفاق فإن الأسعار سترتفع", "AGREE", "hypothetical"),
    ("نفت الجبهة الوطنية انسحاب أي من قواتها", "RETREAT", "denied"),
    ("واعتقلت الشرطة مشتبها به في الحادث", "COERCE", "asserted"),
])
def test_modality(text: str, etype: str, expected: str) -> None:
    toks = words(text)
    cue = cue_for(toks, etype, EVENT_CUES.find(toks))
    assert cue is not None
    assert modality(toks, cue) == expected


def test_stage_drops_planned_events_and_marks_denied_ones() -> None:
    text = "ومن المقرر أن يلتقي الرئيسان في سنغافورة.\nنفت الجبهة الوطنية انسحاب أي من قواتها."
    art = EventsStage()(Article(id="t", text=text, title=""))
    assert "CONSULT" not in {e.type for e in art.events}
    retreat = [e for e in art.events if e.type == "RETREAT"]
    assert retreat and retreat[0].negated and retreat[0].modality == "denied"
    assert all(e.negated == (e.modality == "denied") for e in art.events)


def test_classify_all_uses_the_classifier_for_every_type() -> None:
    text = "واعتقلت الشرطة الإسرائيلية عشرات المتظاهرين الفلسطينيين في القدس أمس."
    art = EventsStage(classify_all=True)(Article(id="t", text=text, title=""))
    for e in art.events:
        assert e.confidence is not None and 0.0 <= e.confidence <= 1.0


# Floors on the held-out 30% of the labelled sentences (micro-averaged over the 14 types trained on
# them alone); measured when pinned: see the README (Events). A drop below is a regression to explain.
MICRO_F1_FLOOR = 0.40


def test_sixteen_type_classifier_on_the_held_out_sentences() -> None:
    test = [r for r in read_sentences() if r.split == "test"]
    scores = evaluate_labelled(test, EventClassifier.load())
    rest = [s for t, s in scores.items() if t not in ("ASSAULT", "PROTEST")]
    tp, fp, fn = (sum(getattr(s, k) for s in rest) for k in ("tp", "fp", "fn"))
    assert 2 * tp / (2 * tp + fp + fn) >= MICRO_F1_FLOOR
