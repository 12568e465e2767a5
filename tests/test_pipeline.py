"""The stage registry: stages run in order, and one stage's failure is reported on the article."""
from __future__ import annotations

import pytest

from rasd import pipeline
from rasd.errors import UsageError
from rasd.model import Article


def _boom(article: Article) -> Article:
    raise ValueError("bad table")


def _mark(article: Article) -> Article:
    article.warnings.append("marked")
    return article


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.STAGES, "boom", f"{__name__}:_boom")
    monkeypatch.setitem(pipeline.STAGES, "mark", f"{__name__}:_mark")


def test_failing_stage_becomes_a_warning_and_later_stages_run(registry: None) -> None:
    pipe = pipeline.Pipeline(["boom", "mark"])
    art = pipe(Article(id="a", text="نص", title="نص"))
    assert art.warnings == ["stage boom failed: ValueError: bad table", "marked"]


def test_unknown_stage_name_is_refused() -> None:
    with pytest.raises(UsageError, match="unknown stage 'no-such-stage'"):
        pipeline.Pipeline(["no-such-stage"])


def test_default_pipeline_names_are_all_registered() -> None:
    assert set(pipeline.DEFAULT_PIPELINE) <= set(pipeline.STAGES)
    assert len(set(pipeline.DEFAULT_PIPELINE)) == len(pipeline.DEFAULT_PIPELINE)
