"""The shared corpora read through the readers and build_article: every item counted, none crashes."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.api import articles
from rasd.errors import InputError
from rasd.model import Article
from rasd.readers.raw import SkippedItem

NEWS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "news"

# (input, records, empty items). ANT v2.1 has 31,513 articles (2 with an empty <TEXT>), ANT v1.1
# 10,161 (23 empty), SaudiNewsNet 31,028 items (354 with empty content). README/LICENSE files in
# the archives are not articles.
CORPORA = [
    ("ant_multisource.tar.gz", 31_511, 2),
    ("ant_v1_jawharafm.tar.gz", 10_138, 23),
    ("saudinewsnet", 30_674, 354),
]


@pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not present")
@pytest.mark.parametrize(("name", "records", "empty"), CORPORA)
def test_corpus_reads_completely(name: str, records: int, empty: int) -> None:
    n = skipped = 0
    failures: list[str] = []
    for item in articles([str(NEWS / name)]):
        if isinstance(item, SkippedItem):
            skipped += 1
        elif isinstance(item, InputError):
            failures.append(str(item))
        else:
            assert isinstance(item, Article)
            n += 1
            title, _, body = item.text.partition("\n")
            if not (item.title.strip() and title == item.title and body.strip()):
                failures.append(f"{item.id}: empty title or body")
    assert failures == []
    assert (n, skipped) == (records, empty)
