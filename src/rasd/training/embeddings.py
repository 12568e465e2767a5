"""Dense word embeddings for NER features: PPMI (window 2) + truncated SVD, each dimension binned.

Reuses the cluster build's corpus reader and co-occurrence counts. Each of the `dim` dimensions is cut
into `bins` equal-frequency bins over the vocabulary and written as one character per dimension, so the
CRF sees ordinary string attributes (`e12=0`) and the decoder needs no real-valued weights.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.training.vectors import VectorConfig, ppmi_vectors


@dataclass(frozen=True)
class EmbeddingConfig:
    """Sizes of the embedding build; the defaults give a table of a few MB gzipped."""

    vocab: int = 100_000
    min_count: int = 3
    contexts: int = 20_000
    window: int = 2
    dim: int = 64
    bins: int = 4
    seed: int = 13


def binned(emb: np.ndarray, bins: int) -> list[str]:
    """One character ('0'..) per dimension: the equal-frequency bin of the value in that column."""
    qs = np.quantile(emb, np.linspace(0, 1, bins + 1)[1:-1], axis=0)  # (bins-1, dim)
    codes = (emb[None, :, :] > qs[:, None, :]).sum(axis=0)           # (n, dim) in 0..bins-1
    digits = np.array([str(b) for b in range(bins)])
    return ["".join(row) for row in digits[codes]]


def build_embeddings(texts: Iterable[str], out: Path, cfg: EmbeddingConfig | None = None) -> int:
    """Build the binned embedding table from `texts` into `out` (gzipped `word<TAB>codes`)."""
    c = cfg or EmbeddingConfig()
    vocab, emb = ppmi_vectors(texts, VectorConfig(vocab=c.vocab, min_count=c.min_count,
                                                  contexts=c.contexts, window=c.window, dim=c.dim,
                                                  seed=c.seed))
    codes = binned(emb, c.bins)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(f"{w}\t{b}\n" for w, b in zip(vocab, codes, strict=True)).encode("utf-8"))
    return len(vocab)
