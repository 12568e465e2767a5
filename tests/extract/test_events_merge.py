"""Mentions of one event merged into one event with all its spans (`rasd.extract.events.merge`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.extract.events.features import tokenize
from rasd.extract.events.merge import compatible, merge_mentions
from rasd.extract.events.rules import modality, rule_matches
from rasd.model import Article, Event, PlaceRef

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "dev"
needs_dev = pytest.mark.skipif(not (DEV / "facts.json").exists(), reason="../shared/examples/dev is absent")


def ev(start: int, end: int, **kw: object) -> Event:
    kw.setdefault("type", "COERCE")
    return Event(text="x" * (end - start), start=start, end=end, **kw)  # type: ignore[arg-type]


def test_title_and_lead_merge_with_the_fullest_mention_first_and_every_span_kept() -> None:
    title = ev(0, 40, recipient=["ماريا بوتينا"])
    lead = ev(42, 120, actor=["السلطات الأمريكية"], recipient=["ماريا بوتينا"], date="2018-07-15",
              place=PlaceRef("الولايات المتحدة", "US"))
    later = ev(300, 380, recipient=["ماريا بوتينا"], counts={"arrested": 1})
    [one] = merge_mentions([title, lead, later], title_end=40)
    assert (one.start, one.end) == (42, 120)  # the mention that says the most
    assert one.mentions == [[0, 40], [42, 120], [300, 380]]
    assert one.actor == ["السلطات الأمريكية"] and one.date == "2018-07-15"
    assert one.counts == {"arrested": 1}  # filled from the other mention


def test_a_third_mention_with_nothing_shared_stays_another_event() -> None:
    # صفاقس : حجز كمية كبيرة من العجلات المطاطية / وقد تم حجز ما يقارب 1000 عجلة / فتم حجز البضاعة
    title, lead, other = ev(0, 30), ev(32, 90), ev(200, 240)
    out = merge_mentions([title, lead, other], title_end=30)
    assert [e.mentions for e in out] == [[[0, 30], [32, 90]], [[200, 240]]]


@pytest.mark.parametrize("change", [
    {"type": "ASSAULT"}, {"modality": "denied", "negated": True}, {"date": "2018-07-01"},
    {"place": PlaceRef("حلب", "SY")}, {"actor": ["الشرطة"]},
])
def test_contradicting_mentions_are_not_merged(change: dict[str, object]) -> None:
    a = ev(0, 50, actor=["الجيش"], recipient=["فلان"], date="2018-07-15", place=PlaceRef("درعا", "SY"))
    b = ev(60, 120, **{"actor": ["الجيش"], "recipient": ["فلان"], "date": "2018-07-15",
                       "place": PlaceRef("درعا", "SY"), **change})
    assert not compatible(a, b)
    assert len(merge_mentions([a, b])) == 2


def test_without_a_shared_argument_or_the_title_mentions_stay_apart() -> None:
    out = merge_mentions([ev(100, 150), ev(200, 260)], title_end=30)
    assert len(out) == 2 and all(len(e.mentions) == 1 for e in out)


def test_mentions_round_trip_through_json() -> None:
    art = Article(id="a", text="t" * 400, title="t")
    art.events = merge_mentions([ev(0, 40, recipient=["س"]), ev(42, 120, recipient=["س"])], 40)
    again = Article.from_dict(json.loads(json.dumps(art.to_dict(), ensure_ascii=False)))
    assert again.events == art.events and again.events[0].mentions == [[0, 40], [42, 120]]


@pytest.mark.parametrize(("text", "expected"), [
    ("لم يستغرق اجتماع الوزير مع الملك سوى 15 دقيقة", "asserted"),
    ("لم يجتمع الوزير بالملك", "denied"),
    ("لم تطالب المعارضة إلا بالحوار", "asserted"),
    ("لم تطالب المعارضة بالحوار", "denied"),
])
def test_an_exceptive_turns_a_negation_into_only(text: str, expected: str) -> None:
    toks = [t.norm for t in tokenize(text)]
    cue = rule_matches(toks)[0]
    assert modality(toks, cue) == expected


@needs_dev
def test_a_call_in_the_title_and_the_lead_is_one_event() -> None:
    from rasd.api import extract

    # JawharaFM: «الكتلة الديمقراطية بالبرلمان تطالب بجلسة حوار عاجلة» then «تقدمت الكتلة الديمقراطية … بطلب»
    path = DEV / "articles" / "JA-politic-492-20170611.txt"
    [art] = [a for a in extract(str(path)) if isinstance(a, Article)]
    calls = [e for e in art.events if e.type == "REQUEST" and "الكتلة الديمقراطية" in e.actor]
    assert len(calls) == 1
    [(s0, e0), (s1, e1)] = calls[0].mentions
    assert art.text[s0:e0].startswith("الكتلة الديمقراطية بالبرلمان تطالب")
    assert art.text[s1:e1].startswith("تقدمت الكتلة الديمقراطية")
    assert calls[0].recipient == ["رئاسة المجلس"]  # from the lead: the title names no recipient
