"""Word vectors for the neural NER tagger: PPMI over +-2 neighbours, truncated SVD, int8 per row.

Reuses the cluster build's corpus reader and co-occurrence counts (rasd.training.clusters), over the
unlabeled news in ../shared only. The table is quantized here, once, so training and the numpy runner
read the very same numbers.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.extract.ner.neural import save_vectors
from rasd.training.clusters import ClusterConfig, cooccurrence, corpus_ids, ppmi_embeddings


@dataclass(frozen=True)
class VectorConfig:
    """Sizes of the vector build; the defaults give a file of about 18 MB."""

    vocab: int = 150_000
    min_count: int = 3
    contexts: int = 20_000
    window: int = 2
    dim: int = 128
    seed: int = 13


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-row symmetric int8 quantization: (q, scale) with vectors ~= q * scale[:, None]."""
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(vectors / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def ppmi_vectors(texts: Iterable[str], c: VectorConfig) -> tuple[list[str], np.ndarray]:
    """The vocabulary (most frequent first) and its unit-length PPMI-SVD vectors over `texts`."""
    cc = ClusterConfig(vocab=c.vocab, min_count=c.min_count, contexts=c.contexts, window=c.window,
                       dim=c.dim, seed=c.seed)
    words, ids = corpus_ids(texts)
    vocab, m = cooccurrence(words, ids, cc)
    del words, ids
    return vocab, ppmi_embeddings(m, cc)


def build_vectors(texts: Iterable[str], out: Path, cfg: VectorConfig | None = None) -> int:
    """Build the quantized vector table from `texts` into `out` (.npz); returns the word count."""
    vocab, emb = ppmi_vectors(texts, cfg or VectorConfig())
    q, scale = quantize(emb)
    save_vectors(out, vocab, q, scale)
    return len(vocab)
