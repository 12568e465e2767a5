"""Word clusters for NER features: PPMI over left/right neighbours, truncated SVD, bisecting 2-means.

The result is a Brown-style bit string per word (each bit one binary split), so prefixes of several
lengths give clusters at several granularities. Built from the unlabeled news in ../shared only.
"""
from __future__ import annotations

import gzip
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from rasd.extract.ner.features import normalize_word
from rasd.extract.ner.tagger import ner_tokens


@dataclass(frozen=True)
class ClusterConfig:
    """Sizes of the cluster build; the defaults give a table of about 1 MB gzipped."""

    vocab: int = 200_000      # words that get a bit string (most frequent first)
    min_count: int = 3
    contexts: int = 20_000    # neighbour words used as context features
    window: int = 2           # positions either side, each side and distance its own context
    dim: int = 128
    depth: int = 16           # bits at most
    min_leaf: int = 3         # a cluster this small is not split further
    seed: int = 13


def corpus_ids(texts: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """All distinct normalized words and the corpus as ids into them (-1 between documents)."""
    index: dict[str, int] = {}
    ids = array("i")
    for text in texts:
        for t, _, _ in ner_tokens(text):
            w = normalize_word(t)
            i = index.get(w)
            if i is None:
                i = index[w] = len(index)
            ids.append(i)
        ids.append(-1)
    return list(index), np.frombuffer(ids, dtype=np.int32).astype(np.int64)


def cooccurrence(words: list[str], raw_ids: np.ndarray,
                 cfg: ClusterConfig) -> tuple[list[str], sparse.csr_matrix]:
    """Vocabulary (most frequent first) and its word x (offset, context word) count matrix."""
    counts = np.bincount(raw_ids[raw_ids >= 0], minlength=len(words))
    order = np.lexsort((np.arange(len(words)), -counts))  # by count, ties by first occurrence
    order = order[counts[order] >= cfg.min_count][: cfg.vocab]
    vocab = [words[i] for i in order]
    remap = np.full(len(words) + 1, -1, dtype=np.int64)
    remap[order] = np.arange(len(order))
    ids = remap[raw_ids]  # -1 (document break) maps to remap[-1] == -1
    n_ctx = min(cfg.contexts, len(vocab))
    offsets = [o for o in range(-cfg.window, cfg.window + 1) if o]
    blocks = []
    for o in offsets:
        a = ids[max(0, -o): len(ids) - max(0, o)]
        b = ids[max(0, o): len(ids) - max(0, -o) if o < 0 else len(ids)]
        keep = (a >= 0) & (b >= 0) & (b < n_ctx)
        block = sparse.coo_matrix((np.ones(int(keep.sum()), dtype=np.float32), (a[keep], b[keep])),
                                  shape=(len(vocab), n_ctx)).tocsr()
        block.sum_duplicates()
        blocks.append(block)
    m = sparse.hstack(blocks, format="csr")
    return vocab, m


def ppmi_embeddings(m: sparse.csr_matrix, cfg: ClusterConfig) -> np.ndarray:
    """Row-normalized SVD embeddings of the positive PMI matrix (context counts smoothed ^0.75)."""
    from sklearn.utils.extmath import randomized_svd

    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col = col / col.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total) - np.log(row[coo.row] / total) - np.log(col[coo.col] + 1e-12)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])),
                             shape=m.shape)
    u, s, _ = randomized_svd(ppmi, n_components=cfg.dim, random_state=cfg.seed)
    emb = u * np.sqrt(s)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    return emb.astype(np.float32)


def _two_means(x: np.ndarray, rng: np.random.Generator, iters: int = 15) -> np.ndarray:
    """Boolean side of each row after a 2-means split (cosine-like on unit vectors)."""
    c = x[rng.choice(len(x), 2, replace=False)].copy()
    side = np.zeros(len(x), dtype=bool)
    for _ in range(iters):
        new = (x @ c[1]) > (x @ c[0])
        if new.all() or not new.any():
            new = x @ (c[1] - c[0]) > np.median(x @ (c[1] - c[0]))
        if (new == side).all():
            break
        side = new
        c[0] = x[~side].mean(axis=0)
        c[1] = x[side].mean(axis=0)
    return side


def bit_strings(emb: np.ndarray, cfg: ClusterConfig) -> list[str]:
    """Bisecting 2-means down to `depth` bits; rows in the same leaf share a bit string."""
    rng = np.random.default_rng(cfg.seed)
    bits = [""] * len(emb)
    stack: list[tuple[np.ndarray, str]] = [(np.arange(len(emb)), "")]
    while stack:
        idx, prefix = stack.pop()
        if len(idx) < max(2, cfg.min_leaf) or len(prefix) >= cfg.depth:
            for i in idx:
                bits[i] = prefix or "0"
            continue
        side = _two_means(emb[idx], rng)
        stack.append((idx[~side], prefix + "0"))
        stack.append((idx[side], prefix + "1"))
    return bits


def build_clusters(texts: Iterable[str], out: Path, cfg: ClusterConfig | None = None) -> int:
    """Build the cluster table from `texts` into `out` (gzipped `word<TAB>bits`); returns its size."""
    c = cfg or ClusterConfig()
    words, ids = corpus_ids(texts)
    vocab, m = cooccurrence(words, ids, c)
    del words, ids
    emb = ppmi_embeddings(m, c)
    bits = bit_strings(emb, c)
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name keep the gzip bytes the same from one build to the next
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(f"{w}\t{b}\n" for w, b in zip(vocab, bits, strict=True)).encode("utf-8"))
    return len(vocab)
