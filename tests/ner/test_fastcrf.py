"""The cached-emission Viterbi decoder gives exactly crfsuite's tags for the shipped model."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extract.ner.fastcrf import FastCRF
from rasd.extract.ner.tagger import NerTagger

TEST = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ner" / "anercorp" / "test.txt"


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.default()


def _crfsuite(tagger: NerTagger, tokens: list[str]) -> list[str]:
    return list(tagger._tagger.tag(tagger.featurizer.sentence(tokens)))


@pytest.mark.parametrize("sentence", [
    "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مستمرة .",
    "أعلنت وزارة الدفاع الروسية مقتل الفريق فاليري أسابوف في دير الزور",
    "لافروف",
    "في موسكو",
    "( أ ف ب ) - 2017",
])
def test_same_tags_as_crfsuite(tagger: NerTagger, sentence: str) -> None:
    tokens = sentence.split()
    fast = FastCRF(tagger._tagger, tagger.featurizer)
    assert fast.tag(tokens) == _crfsuite(tagger, tokens)


def test_empty_sentence(tagger: NerTagger) -> None:
    assert FastCRF(tagger._tagger, tagger.featurizer).tag([]) == []


def _split() -> list[list[str]]:
    """The sentences of the ANERcorp test split, as token lists."""
    sentences: list[list[str]] = [[]]
    for line in TEST.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentences[-1].append(line.rsplit(" ", 1)[0])
        elif sentences[-1]:
            sentences.append([])
    return [s for s in sentences if s]


@pytest.mark.skipif(not TEST.exists(), reason="../shared/data/ner/anercorp/test.txt is absent")
def test_same_tags_as_crfsuite_on_the_whole_test_split(tagger: NerTagger) -> None:
    fast = FastCRF(tagger._tagger, tagger.featurizer)
    differing = [i for i, s in enumerate(_split()) if fast.tag(s) != _crfsuite(tagger, s)]
    assert differing == []


@pytest.mark.skipif(not TEST.exists(), reason="../shared/data/ner/anercorp/test.txt is absent")
def test_batched_decoding_gives_crfsuite_tags_on_the_whole_test_split(tagger: NerTagger) -> None:
    sentences = _split()
    # empty sentences in between, and batches of mixed lengths (sorted inside tag_many)
    mixed = [s for k, s in enumerate(sentences) for s in ((s, []) if k % 7 == 0 else (s,))]
    fast = FastCRF(tagger._tagger, tagger.featurizer)
    got = fast.tag_many(mixed)
    assert len(got) == len(mixed)
    differing = [i for i, (s, t) in enumerate(zip(mixed, got, strict=True)) if t != _crfsuite(tagger, s)]
    assert differing == []
    assert [t for s, t in zip(mixed, got, strict=True) if not s] == [[]] * sum(1 for s in mixed if not s)


def test_a_full_cache_still_gives_the_same_tags(tagger: NerTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.extract.ner.fastcrf as fastcrf

    monkeypatch.setattr(fastcrf, "CACHE_WORDS", 5)
    tokens = "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن وزير الخارجية مستمر .".split()
    fast = FastCRF(tagger._tagger, tagger.featurizer)
    assert fast.tag(tokens) == _crfsuite(tagger, tokens)   # 5 words kept, the rest computed each time
    assert len(fast._index) == 5
    assert fast.tag_many([tokens, tokens[3:]]) == [_crfsuite(tagger, tokens), _crfsuite(tagger, tokens[3:])]


def test_the_cache_table_grows_and_keeps_its_rows(tagger: NerTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.extract.ner.fastcrf as fastcrf

    monkeypatch.setattr(fastcrf, "_FIRST_ROWS", 2)
    fast = FastCRF(tagger._tagger, tagger.featurizer)
    tokens = "أعلنت وزارة الدفاع الروسية مقتل الفريق فاليري أسابوف في دير الزور".split()
    before = fast.emissions(tokens)
    assert len(fast._table) >= len(set(tokens)) > 2
    assert (fast.emissions(tokens) == before).all()
    fast.clear()
    assert fast._index == {} and (fast.emissions(tokens) == before).all()
