"""The shipped NER tagger: loads offline, tags validly, tokenizes like ANERcorp, keeps its quality."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from rasd.errors import UsageError
from rasd.eval.conll import read_conll, score
from rasd.extract.ner.features import normalize_word, strip_proclitics
from rasd.extract.ner.tagger import TAGGER_TO_CORPUS, NerTagger, map_tag, ner_tokens

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
TEST_FILE = SHARED / "data" / "ner" / "anercorp" / "test.txt"

# Measured micro F1 of the shipped model on ANERcorp test.txt, minus 0.01. This floor may only be
# raised; lowering it needs a written reason in the commit that does it.
F1_FLOORS = {
    "accurate": 0.750,  # measured 0.7531 (2026-11-29: CRF + BiLSTM-CRF over its marginals and context;
                        # the floor is the bar issue 3 sets)
    "fast": 0.690,      # measured 0.7002 (2026-11-29: CRF with clusters, lists, votes, self-training)
}

TYPES = {"PER", "LOC", "ORG", "MISC"}


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.default()


def test_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_socket(*args: object, **kwargs: object) -> socket.socket:
        raise OSError("network blocked in this test")

    monkeypatch.setattr(socket, "socket", no_socket)
    t = NerTagger.load()
    assert len(t.tag(["زار", "مبارك", "القاهرة"])) == 3


def test_default_is_loaded_once() -> None:
    assert NerTagger.default() is NerTagger.default()


@pytest.mark.parametrize("text", [
    "قال الرئيس المصري حسني مبارك في القاهرة أمس إن حزب الوفد سيشارك في الانتخابات .",
    "أعلنت وزارة الخارجية الأمريكية في واشنطن أن كوندوليزا رايس ستزور بيروت .",
    "وصل الفريق إلى ملعب ويمبلي في لندن لمواجهة مانشستر يونايتد في كأس إنجلترا .",
    "",
    "ا",
])
def test_tags_are_valid_bio(tagger: NerTagger, text: str) -> None:
    tokens = [t for t, _, _ in ner_tokens(text)]
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    for tag in tags:
        assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in TYPES)


def test_finds_obvious_names(tagger: NerTagger) -> None:
    tokens = "قال الرئيس المصري حسني مبارك في القاهرة أمس".split()
    tags = tagger.tag(tokens)
    assert tags[3:5] == ["B-PER", "I-PER"]
    assert tags[6] == "B-LOC"


def test_tag_sentences_matches_tag(tagger: NerTagger) -> None:
    sents = [["زار", "مبارك", "القاهرة"], [], ["في", "لندن"]]
    assert tagger.tag_sentences(sents) == [tagger.tag(s) for s in sents]


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("في القاهرة، أمس.", 0, None, ["في", "القاهرة", "،", "أمس", "."]),
    ("ارتفع 30% إلى 1.5 مليون", 0, None, ["ارتفع", "30%", "إلى", "1.5", "مليون"]),
    ("(د ب أ) أعلن", 0, None, ["(", "د", "ب", "أ", ")", "أعلن"]),
    ("«داعش» قال:", 0, None, ["«", "داعش", "»", "قال", ":"]),
    ("xx القاهرةُ yy", 3, 11, ["القاهرةُ"]),
])
def test_ner_tokens(text: str, start: int, end: int | None, expected: list[str]) -> None:
    toks = ner_tokens(text, start, end)
    assert [t for t, _, _ in toks] == expected
    for tok, s, e in toks:
        assert text[s:e] == tok


@pytest.mark.parametrize(("word", "expected"), [
    ("أحمد", "احمد"), ("إلى", "الي"), ("مدرسةٌ", "مدرسه"), ("٢٠٠٣", "2003"), ("مـصر", "مصر"),
])
def test_normalize_word(word: str, expected: str) -> None:
    assert normalize_word(word) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("والقاهره", ("وال", "قاهره")), ("بلندن", ("ب", "لندن")), ("لل", ("", "لل")), ("مصر", ("", "مصر")),
])
def test_strip_proclitics(word: str, expected: tuple[str, str]) -> None:
    assert strip_proclitics(word) == expected


@pytest.mark.parametrize(("tag", "expected"), [("B-PER", "B-PERS"), ("I-LOC", "I-LOC"), ("O", "O")])
def test_map_tag(tag: str, expected: str) -> None:
    assert map_tag(tag, TAGGER_TO_CORPUS) == expected


@pytest.mark.skipif(not TEST_FILE.exists(), reason="needs ../shared/data/ner/anercorp/test.txt")
@pytest.mark.parametrize("mode", sorted(F1_FLOORS))
def test_quality_gate_on_anercorp_test(mode: str) -> None:
    tagger = NerTagger.default(mode)
    sentences = read_conll(TEST_FILE)
    tags = tagger.tag_sentences([s.tokens for s in sentences])
    preds = [[map_tag(t, TAGGER_TO_CORPUS) for t in ts] for ts in tags]
    f1 = score((s.tags for s in sentences), preds).prf()[2]
    floor = F1_FLOORS[mode]
    assert f1 >= floor, f"{mode} tagger: micro F1 {f1:.4f} fell below the pinned floor {floor}"


def test_the_accurate_tagger_beats_the_fast_one_on_a_known_name() -> None:
    # `رياض منصور` (a man) after his title: the CRF splits it, the two-pass tagger does not
    toks = "شدد السفير الفلسطيني لدى المنظمة الدولية رياض منصور على أنه".split()
    assert NerTagger.default("accurate").tag(toks)[6:8] == ["B-PER", "I-PER"]


def test_unknown_mode_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        NerTagger.default("fastest")
