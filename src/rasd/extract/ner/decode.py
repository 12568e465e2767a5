"""Linear-chain decoding over a padded batch of sentences at once: Viterbi paths and tag marginals.

Both loop over positions, not sentences, so a whole article costs one short loop of array operations
whatever its number of sentences. Emissions are (B, T, K) arrays, sentence b filling [b, :lens[b]].
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def pad(rows: Sequence[np.ndarray], fill: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Stack (n_b, K) arrays into a (B, T, K) batch; returns it with the lengths."""
    lens = np.array([len(r) for r in rows], dtype=np.int64)
    T = int(lens.max()) if len(rows) else 0
    out = np.full((len(rows), T, rows[0].shape[1] if rows else 0), fill, dtype=np.float64)
    for b, r in enumerate(rows):
        out[b, :len(r)] = r
    return out, lens


def batch_viterbi(em: np.ndarray, lens: np.ndarray, trans: np.ndarray,
                  start: np.ndarray | None = None, end: np.ndarray | None = None) -> list[list[int]]:
    """Best tag path of each sentence; trans[i, j] scores tag i followed by tag j."""
    B, T, K = em.shape
    if B == 0 or T == 0:
        return [[] for _ in range(B)]
    score = em[:, 0] + (start if start is not None else 0.0)
    back = np.zeros((B, T, K), dtype=np.int64)
    for t in range(1, T):
        cand = score[:, :, None] + trans[None]                  # (B, from, to)
        back[:, t] = cand.argmax(axis=1)
        score = np.where((t < lens)[:, None], cand.max(axis=1) + em[:, t], score)
    last = (score + (end if end is not None else 0.0)).argmax(axis=1)
    path = np.zeros((B, T), dtype=np.int64)
    rows = np.arange(B)
    state = last.copy()
    for t in range(T - 1, -1, -1):
        state = np.where(t == lens - 1, last, state)
        path[:, t] = state
        if t > 0:
            state = np.where(t <= lens - 1, back[rows, t, state], state)
    return [path[b, :n].tolist() for b, n in enumerate(lens)]


def batch_marginals(em: np.ndarray, lens: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Posterior probability of each tag at each position (scaled forward-backward), (B, T, K);
    padding rows are left at zero. No start or end scores (crfsuite's model has none)."""
    B, T, K = em.shape
    out = np.zeros((B, T, K))
    if B == 0 or T == 0:
        return out
    pe = np.exp(em - em.max(axis=2, keepdims=True))
    pt = np.exp(trans - trans.max())
    alpha = np.empty((B, T, K))
    beta = np.empty((B, T, K))
    a = pe[:, 0]
    alpha[:, 0] = a / a.sum(axis=1, keepdims=True)
    for t in range(1, T):
        a = (alpha[:, t - 1] @ pt) * pe[:, t]
        alpha[:, t] = a / a.sum(axis=1, keepdims=True)
    beta[:, T - 1] = 1.0 / K
    for t in range(T - 2, -1, -1):
        b = (pe[:, t + 1] * beta[:, t + 1]) @ pt.T
        b = b / b.sum(axis=1, keepdims=True)
        beta[:, t] = np.where((t < lens - 1)[:, None], b, 1.0 / K)
    post = alpha * beta
    post /= post.sum(axis=2, keepdims=True)
    mask = np.arange(T)[None, :] < lens[:, None]
    out[mask] = post[mask]
    return out
