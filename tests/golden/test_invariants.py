"""Invariants on ~100 real articles: every span obeys the offset rule and every record survives a
JSON round trip unchanged."""
from __future__ import annotations

import json

import pytest
from tests.golden.corpus import NEWS, sample

from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not available")

PER_CORPUS = 34
SEED = 20261129


@pytest.fixture(scope="module")
def records() -> list[Article]:
    pipeline = Pipeline(DEFAULT_PIPELINE)
    return [pipeline(a) for a in sample(PER_CORPUS, SEED)]


def test_the_sample_is_large_enough(records: list[Article]) -> None:
    assert len(records) >= 90


def test_every_span_maps_back_to_the_text(records: list[Article]) -> None:
    bad = [f"{a.id}: {b}" for a in records for b in a.bad_spans()]
    assert bad == [], "\n".join(bad[:20])


def test_no_stage_fails(records: list[Article]) -> None:
    failed = [f"{a.id}: {w}" for a in records for w in a.warnings if w.startswith("stage ")]
    assert failed == [], "\n".join(failed[:20])


def test_every_record_survives_a_json_round_trip(records: list[Article]) -> None:
    changed = [a.id for a in records
               if Article.from_dict(json.loads(json.dumps(a.to_dict(), ensure_ascii=False))) != a]
    assert changed == []
