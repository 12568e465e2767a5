"""Tests for the Arabic normalizers and the offset map."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.text.normalize import (
    Normalized,
    fold_alef,
    fold_alef_maqsura,
    fold_digits,
    fold_persian_letters,
    fold_ta_marbuta,
    normalize,
    normalize_with_map,
    remove_controls,
    remove_diacritics,
    remove_tatweel,
)

ARABISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةًٌٍَُِّْـٰ٠١٢٣۴۵ یک 0123.,،؟!“”«»\"\n\u200f")),
    max_size=60)


@pytest.mark.parametrize(("fn", "text", "expected"), [
    (remove_diacritics, "مُحَمَّدٌ", "محمد"),
    (remove_diacritics, "حالياً", "حاليا"),
    (remove_diacritics, "هٰذا", "هذا"),
    (remove_tatweel, "لـ\"داعش\"", "ل\"داعش\""),
    (remove_tatweel, "العـــربية", "العربية"),
    (remove_controls, "3.\u200f1 \u200eقال\u200c", "3.1 قال"),
    (fold_alef, "أإآٱا", "ااااا"),
    (fold_alef, "مسؤول", "مسؤول"),
    (fold_alef_maqsura, "الجارى", "الجاري"),
    (fold_ta_marbuta, "سورية", "سوريه"),
    (fold_persian_letters, "کردی", "كردي"),
    (fold_digits, "٢٠١٧ و۱۲", "2017 و12"),
])
def test_single_folds(fn, text, expected):
    assert fn(text) == expected


def test_fold_alef_hamza_carriers_option():
    assert fold_alef("مسؤول سئل", hamza_carriers=True) == "مسوول سيل"


@pytest.mark.parametrize(("text", "expected"), [
    ("الشهر الجارى", "الشهر الجاري"),
    ("إيغور كوناشينكوف", "ايغور كوناشينكوف"),
    ("مُسْتَشْفَى", "مستشفي"),
    ("٢٥ أيلول ٢٠١٧", "25 ايلول 2017"),
    ("سوريةٌ", "سوريه"),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_normalize_options_switch_single_folds_off():
    assert normalize("سورية", ta_marbuta=False) == "سورية"
    assert normalize("٢٠١٧", digits=False) == "٢٠١٧"
    assert normalize("أمسِ", diacritics=False) == "امسِ"


@given(ARABISH)
def test_normalize_is_idempotent(s):
    assert normalize(normalize(s)) == normalize(s)


@given(ARABISH)
def test_single_folds_are_idempotent(s):
    for fn in (remove_diacritics, remove_tatweel, remove_controls, fold_alef, fold_alef_maqsura,
               fold_ta_marbuta, fold_digits, fold_persian_letters):
        assert fn(fn(s)) == fn(s)


@given(ARABISH)
def test_offset_map_points_at_the_original_characters(s):
    norm, m = normalize_with_map(s)
    assert len(m) == len(norm) + 1 and m[-1] == len(s)
    for i, c in enumerate(norm):
        assert normalize(s[m[i]]) == c
    assert m == sorted(m)


@given(ARABISH, st.data())
def test_normalized_span_round_trips(s, data):
    n = Normalized(s)
    i = data.draw(st.integers(0, len(n.text)))
    j = data.draw(st.integers(i, len(n.text)))
    a, b = n.span(i, j)
    assert normalize(s[a:b]) == n.text[i:j]


def test_span_includes_trailing_tanween():
    s = "قال حالياً إن"
    n = Normalized(s)
    i = n.text.index("حاليا")
    a, b = n.span(i, i + 5)
    assert s[a:b] == "حالياً"
