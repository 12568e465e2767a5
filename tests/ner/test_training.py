"""`rasd train ner --quick` builds a loadable model and a dev score from ../shared ANERcorp."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import ModelError, UsageError
from rasd.eval.conll import Sentence
from rasd.extract.ner.tagger import NerTagger
from rasd.training.ner import ANERCORP, TrainConfig, split_train_dev, train
from rasd.training.news import NEWS
from rasd.training.votes import VotesConfig, bucket, news_sentences


def _sents(n: int) -> list[Sentence]:
    return [Sentence((str(i),), ("O",)) for i in range(n)]


@pytest.mark.parametrize(("n", "fraction", "sizes"), [(10, 0.1, (9, 1)), (100, 0.1, (90, 10)),
                                                       (3, 0.1, (2, 1))])
def test_dev_split_is_the_tail(n: int, fraction: float, sizes: tuple[int, int]) -> None:
    tr, dev = split_train_dev(_sents(n), fraction)
    assert (len(tr), len(dev)) == sizes
    assert dev[-1].tokens == (str(n - 1),)


def test_dev_fraction_checked() -> None:
    with pytest.raises(UsageError):
        split_train_dev(_sents(5), 1.5)


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        NerTagger.load(tmp_path)


@pytest.mark.skipif(not (ANERCORP / "train.txt").exists() or not NEWS.exists(),
                    reason="needs ../shared ANERcorp train.txt and ../shared/data/news")
def test_quick_train_gives_a_working_model(tmp_path: Path) -> None:
    report = train(out_dir=tmp_path, quick=True, config=TrainConfig(max_iterations=10))
    assert report.dev_f1 is not None and 0.0 < report.dev_f1 <= 1.0
    tagger = NerTagger.load(tmp_path)
    assert len(tagger.tag(["زار", "الرئيس", "مبارك", "القاهرة"])) == 4


@pytest.mark.parametrize(("share", "expected"), [(0.05, 0), (0.25, 1), (0.49, 1), (0.5, 2), (0.8, 3)])
def test_vote_buckets(share: float, expected: int) -> None:
    assert bucket(share) == expected


def test_news_sentences_cut_at_punctuation_and_length() -> None:
    cfg = VotesConfig(max_tokens=1000, max_sentence=3)
    sents = list(news_sentences(["قال الرئيس . زار مصر\nأمس في القاهرة اليوم"], cfg))
    assert sents == [["قال", "الرئيس", "."], ["زار", "مصر"], ["أمس", "في", "القاهرة"], ["اليوم"]]
