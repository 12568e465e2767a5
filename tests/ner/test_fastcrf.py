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


@pytest.mark.skipif(not TEST.exists(), reason="../shared/data/ner/anercorp/test.txt is absent")
def test_same_tags_as_crfsuite_on_the_whole_test_split(tagger: NerTagger) -> None:
    sentences: list[list[str]] = [[]]
    for line in TEST.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentences[-1].append(line.rsplit(" ", 1)[0])
        elif sentences[-1]:
            sentences.append([])
    fast = FastCRF(tagger._tagger, tagger.featurizer)
    differing = [i for i, s in enumerate(sentences) if s and fast.tag(s) != _crfsuite(tagger, s)]
    assert differing == []
