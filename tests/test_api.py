"""The public API is pinned: `rasd.__all__`, and what read / load_pipeline / extract give."""
from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import rasd
from rasd.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "flood_report.txt"

PUBLIC = [
    "SCHEMA", "Article", "Count", "DateMention", "Entity", "Event", "InputError", "ModelError", "Pipeline",
    "PipelineConfig", "Place", "PlaceRef", "Quote", "RasdError", "RecordWarning", "Removed", "SkippedItem",
    "UsageError", "__version__", "extract", "load_pipeline", "read",
]


def test_all_is_pinned() -> None:
    assert sorted(rasd.__all__) == sorted(PUBLIC)
    assert all(hasattr(rasd, name) for name in rasd.__all__)


def _params(func: object) -> list[tuple[str, str, object]]:
    return [(p.name, p.kind.name, p.default) for p in inspect.signature(func).parameters.values()]  # type: ignore[arg-type]


def test_signatures_are_pinned() -> None:
    kw, pos, empty = "KEYWORD_ONLY", "POSITIONAL_OR_KEYWORD", inspect.Parameter.empty
    assert _params(rasd.read) == [("inputs", pos, empty), ("published", kw, None), ("source", kw, None),
                                  ("stdin", kw, None)]
    assert _params(rasd.load_pipeline) == [("ner", kw, "fast"), ("stages", kw, None)]
    assert _params(rasd.extract)[:3] == [("inputs", pos, empty), ("published", kw, None),
                                         ("source", kw, None)]
    assert isinstance(rasd.__version__, str) and rasd.SCHEMA == 1


def test_errors_form_one_hierarchy() -> None:
    for cls in (rasd.InputError, rasd.ModelError, rasd.UsageError):
        assert issubclass(cls, rasd.RasdError)
    assert issubclass(rasd.SkippedItem, rasd.InputError)


def test_read_gives_cleaned_articles_without_stages(tmp_path: Path) -> None:
    missing = tmp_path / "none.txt"
    items = list(rasd.read([str(SAMPLE), str(missing)], published="2017-09-25", source="سانا"))
    art, err = items
    assert isinstance(art, rasd.Article) and art.text and not art.entities and not art.dates
    assert art.pipeline is None and art.published == "2017-09-25"
    assert isinstance(err, rasd.InputError) and err.path == str(missing)


def test_load_pipeline_gives_a_configured_callable() -> None:
    pipe = rasd.load_pipeline(stages=["sentences", "dates"])
    assert isinstance(pipe, rasd.Pipeline) and isinstance(pipe.config, rasd.PipelineConfig)
    assert pipe.config.names == ("sentences", "dates") and len(pipe.fingerprint) == 16
    [art] = list(rasd.read([str(SAMPLE)], published="2017-09-25"))
    out = pipe(art)
    assert isinstance(out, rasd.Article) and out.sentences and out.pipeline == pipe.fingerprint
    again = list(pipe.pipe(a for a in rasd.read([str(SAMPLE)], published="2017-09-25")))
    assert [a.to_dict() for a in again] == [out.to_dict()]


def test_load_pipeline_refuses_bad_values() -> None:
    with pytest.raises(rasd.UsageError, match="unknown NER mode 'huge'"):
        rasd.load_pipeline(ner="huge")
    with pytest.raises(rasd.UsageError, match="unknown stage 'nope'"):
        rasd.load_pipeline(stages=["nope"])


def test_extract_with_a_pipeline_gives_records(tmp_path: Path) -> None:
    pipe = rasd.load_pipeline(stages=["sentences", "dates"])
    [art] = list(rasd.extract(str(SAMPLE), pipeline=pipe))
    rec = art.to_dict()
    assert rec["schema"] == 1 and rec["pipeline"] == pipe.fingerprint
    assert rasd.Article.from_dict(rec).to_dict() == rec


def test_cli_records_carry_the_fingerprint_of_the_default_pipeline(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLE)]) == 0
    [rec] = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert rec["schema"] == 1 and rec["pipeline"] == rasd.PipelineConfig.build().fingerprint()
    assert rec["entities"]


def test_ner_accurate_has_another_fingerprint() -> None:
    fast = rasd.PipelineConfig.build().fingerprint()
    accurate = rasd.PipelineConfig.build(options={"entities": {"ner": "accurate"}}).fingerprint()
    assert fast != accurate


def test_extract_is_callable_and_the_stage_package_both() -> None:
    import sys

    import rasd.extract.entities as ent

    assert rasd.extract is sys.modules["rasd.extract"] and rasd.extract.entities is ent
    pipe = rasd.load_pipeline(stages=["sentences"])
    [art] = list(rasd.extract([str(SAMPLE)], pipeline=pipe))
    assert art.sentences and art.pipeline == pipe.fingerprint


def test_cli_ner_accurate_records_carry_another_fingerprint(capsys: pytest.CaptureFixture[str]) -> None:
    prints = {}
    for mode in ("fast", "accurate"):
        assert main(["extract", "--ner", mode, str(SAMPLE)]) == 0
        [rec] = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
        prints[mode] = rec["pipeline"]
    assert prints["fast"] != prints["accurate"]
    assert prints["accurate"] == rasd.PipelineConfig.build(
        ["sentences", "dates", "entities_accurate", "places", "quotes", "counts", "events", "category"]
    ).fingerprint()
