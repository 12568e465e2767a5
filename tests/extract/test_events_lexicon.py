"""Cue-table matching: the fast single-word lookup agrees with a plain scan of every stem and prefix."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.events import arguments, features, rules
from rasd.extract.events.features import CLASS_LEXICON, CLASSIFIER_CUES, EVENT_CUES, Lexicon, stems, words

REFERENCE = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "000_98c889641a669656.txt"
LEXICONS = [CLASS_LEXICON, CLASSIFIER_CUES, EVENT_CUES, rules.NEGATION, rules.MODALITY, rules.ROLE_WORDS,
            rules.ACCIDENT, arguments.TIME, arguments.TITLES, *(lex for _, lex in rules.MODES.values())]


def _scan(lex: Lexicon, tok: str) -> frozenset[int]:
    """Every exact key equal to a stem and every prefix key that starts one (two letters or more)."""
    found: set[int] = set()
    for s in stems(tok):
        found |= lex._exact.get(s, set())
        for n in range(2, len(s) + 1):
            found |= lex._prefix.get(s[:n], set())
    return frozenset(found)


def test_small_table() -> None:
    lex = Lexicon({"A": ("قتل*", "اشتباك"), "B": ("هجوم",)})
    other = Lexicon({"C": ("اشتباك",)})  # a second table sharing a key: each sees its own ids
    assert other.labels("اشتباك") == {"C"} and other.labels("وقتلوا") == frozenset()
    assert lex.labels("وقتلوا") == {"A"}      # a prefix key after the proclitic و
    assert lex.labels("اشتباك") == {"A"}
    assert lex.labels("اشتباكات") == frozenset()  # an exact key matches the whole stem only
    assert lex.labels("بهجوم") == {"B"}
    assert lex.labels("قت") == frozenset()     # shorter than the prefix key
    assert lex.labels("سلام") == frozenset()


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/examples is absent")
def test_shipped_tables_agree_with_a_plain_scan_on_the_reference_article() -> None:
    toks = sorted(set(words(REFERENCE.read_text(encoding="utf-8"))))
    assert len(toks) > 100
    features._WORD_IDS.clear()  # compare the computation, not a memo
    for lex in LEXICONS:
        assert [lex.part_ids(t) for t in toks] == [_scan(lex, t) for t in toks]
    for lex in LEXICONS:  # and now from the memo
        assert [lex.part_ids(t) for t in toks] == [_scan(lex, t) for t in toks]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="اأإآبتثجحخدذرزسشصضطظعغفقكلمنهويىةء", min_size=1, max_size=9))
def test_any_word_agrees_with_a_plain_scan(tok: str) -> None:
    for lex in (EVENT_CUES, CLASS_LEXICON, rules.ROLE_WORDS):
        assert lex.part_ids(tok) == _scan(lex, tok)
