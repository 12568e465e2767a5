"""Running the pipeline on its own output changes nothing: on the reference article and on ~100
shared articles, `pipeline(from_dict(pipeline(a).to_dict())).to_dict() == pipeline(a).to_dict()`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.golden.corpus import NEWS, sample

import rasd
from rasd.model import Article
from rasd.pipeline import Pipeline

REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "000_98c889641a669656.txt"
PER_CORPUS = 34
SEED = 20261210


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return rasd.load_pipeline()


def _rerun(pipe: Pipeline, record: dict) -> dict:
    return pipe(Article.from_dict(json.loads(json.dumps(record, ensure_ascii=False)))).to_dict()


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/examples is not available")
def test_reference_article_is_a_fixed_point(pipe: Pipeline) -> None:
    [art] = list(rasd.read([str(REFERENCE)], published="2017-09-25"))
    assert isinstance(art, Article)
    first = pipe(art).to_dict()
    assert len(first["entities"]) > 20 and first["quotes"] and first["counts"] and first["events"]
    second = _rerun(pipe, first)
    assert second == first
    assert _rerun(pipe, second) == first


@pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not available")
def test_shared_articles_are_fixed_points(pipe: Pipeline) -> None:
    arts = list(sample(PER_CORPUS, SEED))
    assert len(arts) >= 90
    changed = []
    for a in arts:
        first = pipe(a).to_dict()
        second = _rerun(pipe, first)
        if second != first:
            changed.append(next(f"{a.id}: {k}" for k in first if first[k] != second.get(k)))
    assert changed == [], "\n".join(changed[:20])
