"""Matching keys, proclitic choice, edge trimming and canonical names across mentions."""
from __future__ import annotations

import pytest

from rasd.extract.canonical import (
    Mention,
    assign_canonical,
    choose_proclitic,
    match_key,
    strip_prefix_chars,
    trim_edges,
)

KNOWN = {"روسيا", "واشنطن", "ريف", "لبنان", "فرنسا", "بغداد"}


@pytest.mark.parametrize(("a", "b"), [
    ("سورية", "سوريه"), ("أستانا", "استانا"), ("فاليرى", "فاليري"), ("حَماة", "حماه"), ("لـداعش", "لداعش"),
])
def test_match_key(a: str, b: str) -> None:
    assert match_key(a) == b


@pytest.mark.parametrize(("word", "chain", "rest"), [
    ("لروسيا", "ل", "روسيا"),
    ("وواشنطن", "و", "واشنطن"),
    ("واشنطن", "", "واشنطن"),
    ("بريف", "ب", "ريف"),
    ("الأردن", "", "الاردن"),
    ("والأردن", "و", "الاردن"),
    ("بالعراق", "ب", "العراق"),
    ("للأمم", "لل", "الامم"),
    ("وللأمم", "ولل", "الامم"),
    ("لبنان", "", "لبنان"),
    ("فرنسا", "", "فرنسا"),
    ("وبغداد", "و", "بغداد"),
    ("وليد", "", "وليد"),
    ("بشار", "", "بشار"),
    ("وكوناشينكوف", "و", "كوناشينكوف"),
    ("بوتين", "", "بوتين"),
])
def test_choose_proclitic(word: str, chain: str, rest: str) -> None:
    assert choose_proclitic(match_key(word), KNOWN.__contains__) == (chain, rest)


def test_article_rule_is_off_for_people() -> None:
    assert choose_proclitic("فاليري", KNOWN.__contains__) == ("ف", "اليري")
    assert choose_proclitic("فاليري", KNOWN.__contains__, before_article=False) == ("", "فاليري")


def test_a_word_seen_bare_in_the_article_lets_the_proclitic_go() -> None:
    assert choose_proclitic("بكوناشينكوف", KNOWN.__contains__) == ("", "بكوناشينكوف")
    assert choose_proclitic("بكوناشينكوف", KNOWN.__contains__, {"كوناشينكوف"}) == ("ب", "كوناشينكوف")


@pytest.mark.parametrize(("surface", "chain", "cut"), [
    ("لروسيا", "ل", 1), ("لـ", "ل", 2), ("وَواشنطن", "و", 2), ("للأمم", "لل", 2), ("روسيا", "ر", 1),
    ("روسيا", "ل", 0),
])
def test_strip_prefix_chars(surface: str, chain: str, cut: int) -> None:
    assert strip_prefix_chars(surface, chain) == cut


@pytest.mark.parametrize(("text", "span"), [
    ("“داعش”", "داعش"), ('"قسد"', "قسد"), ("«حماس»،", "حماس"), ("ـداعش", "داعش"), (" روسيا\n", "روسيا"),
])
def test_trim_edges(text: str, span: str) -> None:
    s, e = trim_edges(text, 0, len(text))
    assert text[s:e] == span


def _m(start: int, text: str, etype: str = "PER", canonical: str | None = None) -> Mention:
    return Mention(start, start + len(text), etype, text, match_key(text), canonical)


def test_surname_takes_the_full_name_seen_before() -> None:
    ms = [_m(0, "سيرغي لافروف"), _m(50, "لافروف"), _m(90, "لافروف")]
    assign_canonical(ms)
    assert [m.canonical for m in ms] == ["سيرغي لافروف"] * 3


def test_surname_takes_the_nearest_earlier_full_name() -> None:
    ms = [_m(0, "سيرغي لافروف"), _m(40, "أندريه لافروف"), _m(80, "لافروف"), _m(5, "ريابكوف")]
    assign_canonical(ms)
    assert ms[2].canonical == "أندريه لافروف"
    assert ms[3].canonical == "ريابكوف"


def test_surname_before_any_full_name_takes_the_first_later_one() -> None:
    ms = [_m(0, "ترامب"), _m(30, "دونالد ترامب")]
    assign_canonical(ms)
    assert ms[0].canonical == "دونالد ترامب"


def test_known_canonicals_stay_and_equal_keys_share_one() -> None:
    ms = [_m(0, "سورية", "LOC", "سوريا"), _m(20, "حماه", "LOC"), _m(40, "حماة", "LOC"),
          _m(60, "واشنطن", "LOC"), _m(80, "الولايات المتحدة", "LOC")]
    assign_canonical(ms)
    assert [m.canonical for m in ms] == ["سوريا", "حماه", "حماه", "واشنطن", "الولايات المتحدة"]


def test_a_surname_is_not_folded_across_types() -> None:
    ms = [_m(0, "حافظ الأسد"), _m(30, "الأسد", "ORG")]
    assign_canonical(ms)
    assert ms[1].canonical == "الأسد"


def test_match_key_is_the_name_fold_and_drops_invisible_characters():
    from rasd.extract.canonical import match_key
    from rasd.text.normalize import name_key

    assert match_key is name_key
    assert match_key("بشار\u200f  الأسد\u200b") == "بشار الاسد"
