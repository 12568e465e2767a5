"""Tests for sentence splitting and the sentences stage."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from rasd.model import Article
from rasd.text.layer import sentences_stage
from rasd.text.sentences import split_sentences

from .test_normalize import ARABISH

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXAMPLE = SHARED / "examples" / "000_98c889641a669656.txt"


def texts(s: str) -> list[str]:
    return [s[a:b] for a, b in split_sentences(s)]


@pytest.mark.parametrize(("text", "expected"), [
    ("قال لافروف. وأضاف ريابكوف.", ["قال لافروف.", "وأضاف ريابكوف."]),
    ("هل أتيت؟ نعم! حسنا؛ لا", ["هل أتيت؟", "نعم!", "حسنا؛", "لا"]),
    ("السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]),
    ("  مسافات  \n\n  ", ["مسافات"]),
    ("ارتفع العدد إلى 6.3 مليون. وقال", ["ارتفع العدد إلى 6.3 مليون.", "وقال"]),
    ("قال د. محمد إن الوضع جيد. ثم غادر.", ["قال د. محمد إن الوضع جيد.", "ثم غادر."]),
    ("عام 2017 م. وقال آخر", ["عام 2017 م.", "وقال آخر"]),
    ("زوروا sana.sy للمزيد. شكرا", ["زوروا sana.sy للمزيد.", "شكرا"]),
    ("قال: «هذا جيد. وذاك أيضا» ثم غادر. نعم", ["قال: «هذا جيد. وذاك أيضا» ثم غادر.", "نعم"]),
    ("قال: “هذا جيد. وذاك أيضا” ثم غادر.", ["قال: “هذا جيد. وذاك أيضا” ثم غادر."]),
    ("قال: \"هذا جيد. وذاك أيضا\" ثم غادر.", ["قال: \"هذا جيد. وذاك أيضا\" ثم غادر."]),
    ("قال: «هذا جيد.\nوذاك أيضا» ثم غادر.", ["قال: «هذا جيد.", "وذاك أيضا» ثم غادر."]),
    ("قال “انتهى.” ثم غادر", ["قال “انتهى.”", "ثم غادر"]),
    ("انتهى... ثم عاد", ["انتهى...", "ثم عاد"]),
    ("قال “إنها جيدة. وذاك بلا إغلاق", ["قال “إنها جيدة. وذاك بلا إغلاق"]),
    ("قال “إنها جيدة. وذاك\nسطر آخر. نعم", ["قال “إنها جيدة. وذاك", "سطر آخر.", "نعم"]),
    ("قال للصحفيين” إنها جيدة. نعم", ["قال للصحفيين” إنها جيدة.", "نعم"]),
])
def test_split_sentences(text, expected):
    assert texts(text) == expected


@given(ARABISH)
def test_sentence_spans_map_back_and_are_stripped(s):
    last = 0
    for a, b in split_sentences(s):
        assert a >= last and a < b
        assert s[a:b] == s[a:b].strip() and s[a:b]
        last = b


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared reference article not available")
def test_reference_article_keeps_quoted_speech_in_one_sentence():
    text = EXAMPLE.read_text(encoding="utf-8")
    got = texts(text)
    assert len(got) == len([ln for ln in text.splitlines() if ln.strip()])
    assert any(s.startswith("وقال لافروف في كلمة") and s.endswith("المدمرة”.") for s in got)


def test_stage_fills_article_sentences():
    a = Article(id="x", text="قال. ثم غادر", title="قال.")
    assert sentences_stage(a).sentences == [(0, 4), (5, 12)]
