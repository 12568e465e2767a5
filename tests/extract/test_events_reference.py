"""The events stage on the reference article, with the other stages' annotations built by hand."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasd.extract.events.stage import EventsStage
from rasd.model import Article, Count, DateMention, Entity, Place

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
REFERENCE = SHARED / "examples" / "000_98c889641a669656.txt"
pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/examples is absent")

ENTITIES = {
    "PER": {"سيرغي لافروف": "سيرغي لافروف", "لافروف": "سيرغي لافروف", "سيرغي ريابكوف": "سيرغي ريابكوف",
            "ريابكوف": "سيرغي ريابكوف", "إيغور كوناشينكوف": "إيغور كوناشينكوف",
            "كوناشينكوف": "إيغور كوناشينكوف", "فاليرى أسابوف": "فاليرى أسابوف"},
    "LOC": {"موسكو": "موسكو", "واشنطن": "واشنطن", "سورية": "سورية", "دير الزور": "دير الزور",
            "الولايات المتحدة": "الولايات المتحدة", "روسيا": "روسيا", "جنيف": "جنيف"},
    "ORG": {"داعش": "داعش", "قسد": "قسد", "وزارة الدفاع الروسية": "وزارة الدفاع الروسية"},
}
PLACES = {"دير الزور": ("city", "SY"), "سورية": ("country", "SY"), "جنيف": ("city", "CH"),
          "اللاذقية": ("city", "SY"), "حمص": ("city", "SY")}


def _spans(text: str, sub: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(sub), text)]


def reference_article() -> Article:
    lines = REFERENCE.read_text(encoding="utf-8").strip().split("\n")
    text = "\n".join(lines[:-2])  # less "المصدر: سانا" and "إضافة تعليق جديد"
    a = Article(id="ref", text=text, title=lines[0], published="2017-09-25")
    taken: list[tuple[int, int]] = []
    for etype, names in ENTITIES.items():
        for sub in sorted(names, key=len, reverse=True):  # longest first: سيرغي لافروف before لافروف
            for s, e in _spans(text, sub):
                if not any(s < te and ts < e for ts, te in taken):
                    taken.append((s, e))
                    a.entities.append(Entity(sub, etype, s, e, canonical=names[sub]))
    for sub, (kind, country) in PLACES.items():
        for s, e in _spans(text, sub):
            a.places.append(Place(sub, s, e, name=sub, kind=kind, country=country, lat=1.0, lon=1.0))
    for s, e in _spans(text, "أمس"):
        a.dates.append(DateMention("أمس", s, e, "2017-09-24"))
    s = text.index("مقتل الفريق")
    a.counts.append(Count("killed", 1, "exact", "مقتل الفريق", s, s + len("مقتل الفريق")))
    return a


@pytest.fixture(scope="module")
def events() -> list:
    article = EventsStage()(reference_article())
    assert article.bad_spans() == []
    return article.events


def test_assault_at_deir_ez_zor(events: list) -> None:
    assault = [e for e in events if e.type == "ASSAULT" and not e.negated]
    assert len(assault) >= 1
    ev = next(e for e in assault if "أسابوف" in e.text)
    assert ev.place is not None and ev.place.name == "دير الزور"
    assert ev.actor == ["داعش"] and ev.recipient == ["فاليرى أسابوف"]
    assert ev.mode == "heavy-weapons" and ev.date == "2017-09-24" and ev.counts == {"killed": 1}


@pytest.mark.parametrize(("etype", "words"), [
    ("REQUEST", "موسكو تطالب واشنطن"),
    ("REQUEST", "داعياً واشنطن"),
    ("ACCUSE", "الولايات المتحدة تدعي"),
    ("ACCUSE", "وتفضح التقارير"),
])
def test_request_and_accuse(events: list, etype: str, words: str) -> None:
    assert any(e.type == etype and words in e.text for e in events)


def test_title_request_has_its_parties(events: list) -> None:
    ev = next(e for e in events if e.type == "REQUEST" and e.text.startswith("موسكو"))
    assert (ev.actor, ev.recipient, ev.place) == (["موسكو"], ["واشنطن"], None)


def test_no_fighting_report_is_not_an_attack(events: list) -> None:
    # "ولم ترصد أي قتال بينهما": either no ASSAULT at all or a negated one
    hits = [e for e in events if e.type == "ASSAULT" and "لم ترصد أي قتال" in e.text]
    assert all(e.negated for e in hits)
