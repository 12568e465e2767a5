"""The hand-labelled story pairs (tests/data/story_pairs.jsonl) are well-formed and resolve in ../shared.

The file is the gold for the story clustering's pairwise precision and recall (see story_pairs.md);
`benchmarks/story_pairs.py` loads it and fetches the articles it names.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _loader() -> ModuleType:
    spec = importlib.util.spec_from_file_location("story_pairs", ROOT / "benchmarks" / "story_pairs.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("story_pairs", mod)
    spec.loader.exec_module(mod)
    return mod


sp = _loader()
PAIRS = sp.load_pairs()
STRATA = {"exact", "high", "medium", "event", "random"}


def test_enough_pairs_with_both_labels() -> None:
    assert len(PAIRS) >= 200
    labels = [p["same_story"] for p in PAIRS]
    assert set(labels) == {0, 1}
    assert min(labels.count(0), labels.count(1)) >= 50


def test_rows_are_well_formed() -> None:
    seen: set[tuple[str, str]] = set()
    for p in PAIRS:
        assert p["stratum"] in STRATA
        assert 0.0 <= p["similarity"] <= 1.0
        assert p["title_a"] and p["title_b"]
        for side in ("a", "b"):
            ref = p[side]
            assert ref["corpus"] in sp.CORPORA and ref["id"]
            if ref["corpus"] == "saudi":
                assert ref["url"] and isinstance(ref["index"], int) and ref["day"]
            else:
                assert ref["member"].endswith(".txt")
        pair = (sp.key(p["a"]), sp.key(p["b"]))
        assert pair[0] != pair[1] and pair not in seen
        seen.add(pair)
        # No article text is copied into the repository: only titles and references.
        assert not {"text", "body", "lead", "text_a", "text_b"} & set(p)


def test_exact_stratum_is_same_url_and_positive() -> None:
    exact = [p for p in PAIRS if p["stratum"] == "exact"]
    assert exact and all(p["same_story"] == 1 for p in exact)


@pytest.mark.skipif(not sp.NEWS.is_dir(), reason="../shared/data/news is absent")
def test_every_reference_resolves_to_its_article() -> None:
    arts = sp.fetch_pairs(PAIRS)
    for p in PAIRS:
        for side in ("a", "b"):
            ref = p[side]
            art = arts.get(sp.key(ref))
            assert art is not None, ref
            assert art.id == ref["id"]
            assert art.title == p[f"title_{side}"]
