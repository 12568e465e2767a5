"""Binned embedding codes and the embedding features they give the CRF."""
from __future__ import annotations

import numpy as np
import pytest

from rasd.extract.ner.features import Featurizer, Resources
from rasd.training.embeddings import binned


def test_bins_are_equal_frequency_per_dimension() -> None:
    emb = np.array([[0.0, 3.0], [1.0, 2.0], [2.0, 1.0], [3.0, 0.0]], dtype=np.float32)
    assert binned(emb, 4) == ["03", "12", "21", "30"]


def test_bins_of_random_vectors_are_balanced() -> None:
    emb = np.random.default_rng(0).normal(size=(400, 5)).astype(np.float32)
    codes = np.array([list(c) for c in binned(emb, 4)])
    for b in "0123":
        assert ((codes == b).sum(axis=0) == 100).all()


@pytest.mark.parametrize(("word", "expected"), [
    ("موسكو", {"e0=0", "e2=3"}),           # outer bins only
    ("وموسكو", {"e0=0", "e2=3"}),          # falls back to the stem
    ("لافروف", {"e=none"}),
])
def test_embedding_features(word: str, expected: set[str]) -> None:
    f = Featurizer(Resources(embeddings={"موسكو": "0132"}))
    feats = {a for a in f.sentence([word])[0] if a.startswith("e")}
    assert feats == expected


def test_no_table_no_embedding_features() -> None:
    feats = Featurizer(Resources()).sentence(["موسكو"])[0]
    assert not [a for a in feats if a.startswith("e")]
