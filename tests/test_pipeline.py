"""The stage registry: stages run in order, and one stage's failure is reported on the article."""
from __future__ import annotations

import json

import pytest

from rasd import pipeline
from rasd.errors import UsageError
from rasd.model import Article, Entity


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


# ---- the config ---------------------------------------------------------------------------------

def test_default_config_is_the_stage_table_in_order() -> None:
    config = pipeline.PipelineConfig.build()
    assert config.names == pipeline.DEFAULT_PIPELINE == tuple(s.name for s in pipeline.SPECS)
    assert dict(config.stages[2].options) == {"ner": "fast"}


def test_every_record_field_is_assigned_by_one_stage() -> None:
    assigned = [f for s in pipeline.SPECS for f in s.assigns]
    assert sorted(assigned) == sorted(
        ["sentences", "dates", "entities", "places", "dateline", "quotes", "counts", "events", "category"])


def test_a_missing_requirement_is_named() -> None:
    with pytest.raises(UsageError, match="stage 'events' requires 'entities'.*add entities before it"):
        pipeline.Pipeline(["events"])


def test_a_stage_may_not_read_what_a_later_stage_assigns() -> None:
    with pytest.raises(UsageError, match="stage 'quotes' reads 'entities', which stage 'entities' assigns"):
        pipeline.PipelineConfig.build(["quotes", "entities"])


def test_a_stage_named_twice_is_refused() -> None:
    with pytest.raises(UsageError, match="'dates' appears twice"):
        pipeline.PipelineConfig.build(["dates", "dates"])


@pytest.mark.parametrize(("stages", "options", "message"), [
    ([("entities", {"ner": "huge"})], None, "unknown ner value 'huge'"),
    (["entities"], {"entities": {"beam": "3"}}, "has no option 'beam'"),
    (["dates"], {"entities": {"ner": "fast"}}, "not in the pipeline: entities"),
])
def test_bad_options_are_refused(stages: list, options: dict | None, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        pipeline.PipelineConfig.build(stages, options)


def test_the_old_accurate_name_is_the_entities_stage_with_an_option() -> None:
    old = pipeline.PipelineConfig.build(["sentences", "entities_accurate"])
    new = pipeline.PipelineConfig.build(["sentences", ("entities", {"ner": "accurate"})])
    also = pipeline.PipelineConfig.build(["sentences", "entities"], {"entities": {"ner": "accurate"}})
    assert old == new == also
    assert old.to_json() == ('{"stages":[{"name":"sentences","options":{}},'
                             '{"name":"entities","options":{"ner":"accurate"}}]}')


def test_config_json_is_canonical() -> None:
    text = pipeline.PipelineConfig.build().to_json()
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_declared_files_depend_on_the_options() -> None:
    fast = pipeline.PipelineConfig.build(["entities"]).files()
    accurate = pipeline.PipelineConfig.build(["entities_accurate"]).files()
    assert "models/ner_fast.crfsuite" in fast and "models/ner_neural.npz" not in fast
    assert "models/ner_neural.npz" in accurate and "models/ner_fast.crfsuite" not in accurate


# ---- atomic, idempotent runs ---------------------------------------------------------------------

def _half(article: Article) -> Article:
    article.entities.append(Entity(text="نص", type="PER", start=0, end=2))
    article.warnings.append("half done")
    raise RuntimeError("stopped halfway")


def test_a_failing_stage_leaves_the_article_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.STAGES, "half", f"{__name__}:_half")
    art = Article(id="a", text="نص", title="نص")
    before = Entity(text="ن", type="LOC", start=0, end=1)
    art.entities.append(before)
    out = pipeline.Pipeline(["half"])(art)
    assert out.entities == [before]
    assert out.warnings == ["stage half failed: RuntimeError: stopped halfway"]


def test_warnings_are_not_repeated_on_a_rerun(registry: None) -> None:
    pipe = pipeline.Pipeline(["boom", "mark"])
    art = pipe(pipe(Article(id="a", text="نص", title="نص")))
    assert art.warnings == ["stage boom failed: ValueError: bad table", "marked"]


def test_a_declared_stage_sees_none_of_its_own_earlier_output() -> None:
    pipe = pipeline.Pipeline(["sentences", "dates"])
    art = Article(id="a", text="عنوان\nقال أمس إن الوضع هادئ.", title="عنوان", published="2017-09-25")
    first = pipe(art).to_dict()
    assert [d["value"] for d in first["dates"]] == ["2017-09-24"]
    assert pipe(Article.from_dict(first)).to_dict() == first


def test_every_record_gets_the_schema_and_the_fingerprint() -> None:
    pipe = pipeline.Pipeline(["sentences"])
    rec = pipe(Article(id="a", text="نص", title="نص")).to_dict()
    assert rec["schema"] == 1 and rec["pipeline"] == pipe.fingerprint and len(pipe.fingerprint) == 16


@pytest.mark.parametrize(("language", "found"), [("ar", True), ("en", False), ("fr", False)])
def test_arabic_stages_are_skipped_for_other_languages(language: str, found: bool) -> None:
    pipe = pipeline.Pipeline(["sentences", "dates", "quotes"])
    art = Article(id="a", text="عنوان\nقال الوزير أمس إن الوضع هادئ.", title="عنوان",
                  published="2017-09-25", language=language)
    out = pipe(art)
    assert out.sentences  # language-neutral: it runs
    assert bool(out.dates) is found and bool(out.quotes) is found
    assert out.pipeline == pipe.fingerprint
