"""Tests for tokenization and proclitic splitting."""
from __future__ import annotations

import pytest
from hypothesis import given

from rasd.text.normalize import normalize
from rasd.text.tokens import lookup_keys, split_proclitics, strip_proclitics, tokenize

from .test_normalize import ARABISH


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال لافروف:", ["وقال", "لافروف", ":"]),
    ("لـ\"داعش\"", ["لـ", "\"", "داعش", "\""]),
    ("رصدت 1,500 و3 انتهاكات", ["رصدت", "1,500", "و", "3", "انتهاكات"]),
    ("حالياً.", ["حالياً", "."]),
    ("نحو ٢٫٥ مليون", ["نحو", "٢٫٥", "مليون"]),
    ("مُحَمَّد F16", ["مُحَمَّد", "F", "16"]),
])
def test_tokenize(text, expected):
    assert [t.text for t in tokenize(text)] == expected


def test_tokenize_range_keeps_offsets_into_the_whole_text():
    text = "قال لافروف أمس"
    toks = tokenize(text, 4, 10)
    assert [(t.text, t.start, t.end) for t in toks] == [("لافروف", 4, 10)]


@given(ARABISH)
def test_token_spans_map_back(s):
    for t in tokenize(s):
        assert s[t.start:t.end] == t.text and not t.text.isspace()


@pytest.mark.parametrize(("word", "expected"), [
    ("لروسيا", ("ل", "روسيا")),
    ("وروسيا", ("و", "روسيا")),
    ("بسورية", ("ب", "سورية")),
    ("والولايات", ("وال", "ولايات")),
    ("بالعراق", ("بال", "عراق")),
    ("للصحفيين", ("لل", "صحفيين")),
    ("فبالتالي", ("فبال", "تالي")),
    ("كالعادة", ("كال", "عادة")),
    ("وقال", ("و", "قال")),
    ("ولكن", ("و", "لكن")),
    ("ووزير", ("و", "وزير")),
    ("وبلاد", ("و", "بلاد")),
    ("لـداعش", ("لـ", "داعش")),
    ("لـ", ("لـ", "")),
    ("و3", ("و", "3")),
    ("وَقَالَ", ("وَ", "قَالَ")),
])
def test_split_proclitics_cuts(word, expected):
    assert split_proclitics(word) == expected


@pytest.mark.parametrize("word", [
    "الله", "التي", "الذي", "بين", "بعد", "لدى", "كما", "لكن", "فيها", "وزير", "وزارة", "بلاد",
    "فلسطين", "فرنسا", "لبنان", "كان", "واشنطن", "لافروف", "كلمة", "لم", "ولايات",
])
def test_split_proclitics_keeps_stems(word):
    assert split_proclitics(word) == ("", word)


@pytest.mark.parametrize(("word", "key"), [
    ("للاذقية", "اللاذقيه"),
    ("للاتفاق", "الاتفاق"),
    ("بالعراق", "العراق"),
    ("لروسيا", "روسيا"),
    ("والولايات", "الولايات"),
])
def test_lookup_keys_offer_the_dictionary_form(word, key):
    keys = lookup_keys(word)
    assert keys[0] == normalize(word) and key in keys and len(keys) == len(set(keys))


def test_strip_proclitics():
    assert strip_proclitics("بريف") == "ريف"


@given(ARABISH)
def test_split_proclitics_is_a_cut_of_the_word(s):
    for word in s.split():
        prefix, rest = split_proclitics(word)
        assert prefix + rest == word
