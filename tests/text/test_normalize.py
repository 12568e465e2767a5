"""Tests for the Arabic normalizers and the offset map."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.lang.ar.clitics import PROCLITIC_CHAINS
from rasd.text.normalize import (
    Normalized,
    fold_alef,
    fold_alef_maqsura,
    fold_digits,
    fold_for_search,
    fold_persian_letters,
    fold_spaces,
    fold_ta_marbuta,
    name_key,
    normalize,
    normalize_with_map,
    remove_controls,
    remove_diacritics,
    remove_tatweel,
    rule_key,
    search_key,
    strip_invisible,
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


# ---- every fold strips the invisible characters -----------------------------------------------------
INVISIBLE = ("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
             "\ufeff\u061c\u0640")


@pytest.mark.parametrize("fn", [
    strip_invisible, remove_diacritics, remove_tatweel, remove_controls, fold_alef, fold_alef_maqsura,
    fold_ta_marbuta, fold_persian_letters, fold_digits, fold_spaces, normalize, rule_key, name_key,
])
def test_every_fold_strips_bidi_zero_width_and_tatweel(fn):
    for c in INVISIBLE:
        assert fn(f"قا{c}ل") == fn("قال")


def test_named_rule_keys():
    assert rule_key("وأكَّدَ") == "واكد"
    assert name_key("  بشار \n الأسد\u200f ") == "بشار الاسد"
    assert fold_spaces(" a \n b ") == "a b"


# ---- the search fold --------------------------------------------------------------------------------
def test_search_fold_example():
    text = "وبالعراقِ، ٢٠١٧ مرةً"
    folded, offsets = fold_for_search(text)
    assert folded == "وبالعراق، 2017 مره"
    q, qoff = fold_for_search(text, query=True)
    assert q == "عراق، 2017 مره"
    assert text[qoff[0]:qoff[4]] == "عراقِ"
    assert search_key("والعراق") == search_key("العراق") == search_key("بالعِراق") == "عراق"


@given(ARABISH, st.booleans())
def test_search_offsets_are_monotone_and_map_to_original_chars(s, query):
    folded, offsets = fold_for_search(s, query=query)
    assert len(offsets) == len(folded) + 1 and offsets[-1] == len(s)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))
    for i, c in enumerate(folded):
        assert normalize(s[offsets[i]]) == c


@given(ARABISH)
def test_search_fold_is_idempotent(s):
    folded, _ = fold_for_search(s)
    assert fold_for_search(folded)[0] == folded
    # query mode works on the plain fold the same as on the original
    assert fold_for_search(folded, query=True)[0] == fold_for_search(s, query=True)[0]


# Words that cannot themselves start with a proclitic letter, so every proclitic variant must meet them.
_STEM_LETTERS = "تثجحخدذرزسشصضطظعغقمنهي"
_LETTERS = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"))
STEMS = st.builds(lambda a, b: a + b, st.sampled_from(list(_STEM_LETTERS)),
                  st.text(alphabet=_LETTERS, min_size=2, max_size=6))
_MARKS_ST = st.sampled_from(["", "\u064e", "\u064f", "\u0650", "\u0651", "\u064b", "\u0652", "\u0640",
                             "\u200f"])


@given(STEMS, st.sampled_from([c for c in PROCLITIC_CHAINS]), st.data())
def test_word_and_its_variants_fold_to_one_search_key(word, chain, data):
    from hypothesis import assume

    from rasd.lang.ar.clitics import STEMS_STARTING_WITH_CLITIC_LETTER as KNOWN
    assume(not any((p + word) in KNOWN or (p + word)[len(p) - 1:] in KNOWN for p in PROCLITIC_CHAINS))
    key = search_key(word)
    # diacritics, tatweel and bidi marks after any letter
    marked = "".join(c + data.draw(_MARKS_ST) for c in word)
    # hamza forms of alef
    hamza = word.replace("ا", data.draw(st.sampled_from(["أ", "إ", "آ", "ا"])))
    for variant in (marked, hamza, chain + word, chain + marked):
        assert search_key(variant) == search_key(word) == key, variant


@given(ARABISH)
def test_rule_key_is_normalize(s):
    assert rule_key(s) == normalize(s)
