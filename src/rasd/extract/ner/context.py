"""Document context for the neural NER pass: how the first pass read the other mentions of a word.

A name is usually tagged the same way wherever it recurs in a story, and one of its mentions often
sits in a clearer context than the others (`الرئيس الأمريكي باراك أوباما` ... `أوباما`). For each
token this module gives the mean first-pass type probabilities (O, PER, LOC, ORG, MISC) of the other
occurrences of its proclitic-free stem within `window` sentences before and after it, and how many
such occurrences there are. Pure function of the sentences and their marginals: the same numbers at
training and at tagging time, whatever the batch.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from rasd.extract.ner.features import normalize_word, strip_proclitics

CONTEXT_DIM = 6     # five type probabilities and log1p(count) / 3
DEFAULT_WINDOW = 10  # sentences on each side


@lru_cache(maxsize=1 << 16)
def _key(tok: str) -> str | None:
    stem = strip_proclitics(normalize_word(tok))[1]
    return stem if len(stem) >= 2 and any(c.isalpha() for c in stem) else None


def type_probabilities(marginals: np.ndarray) -> np.ndarray:
    """(n, 9) tag marginals in `TAGS` order -> (n, 5) probabilities of O, PER, LOC, ORG, MISC."""
    m = marginals
    return np.concatenate([m[:, :1], m[:, 1:3].sum(axis=1, keepdims=True),
                           m[:, 3:5].sum(axis=1, keepdims=True), m[:, 5:7].sum(axis=1, keepdims=True),
                           m[:, 7:9].sum(axis=1, keepdims=True)], axis=1)


def document_context(sentences: Sequence[Sequence[str]], marginals: Sequence[np.ndarray],
                     window: int = DEFAULT_WINDOW) -> list[np.ndarray]:
    """For each sentence an (n, CONTEXT_DIM) float32 array (zeros where the stem recurs nowhere near).

    Vectorized: the tokens are sorted by (stem, sentence); for each token the mentions of its stem in
    sentences i - window .. i + window are one run of that order, summed through prefix sums.
    """
    lens = [len(s) for s in sentences]
    n_tok = sum(lens)
    out_flat = np.zeros((n_tok, CONTEXT_DIM), dtype=np.float32)
    ids: dict[str, int] = {}
    key = np.fromiter((ids.setdefault(k, len(ids)) if (k := _key(t)) is not None else -1
                       for s in sentences for t in s), dtype=np.int64, count=n_tok)
    if n_tok == 0 or not ids:
        return _split(out_flat, lens)
    sent = np.repeat(np.arange(len(sentences), dtype=np.int64), lens)
    probs = type_probabilities(np.concatenate([m for m in marginals if len(m)]).astype(np.float64))
    keep = np.flatnonzero(key >= 0)
    span = len(sentences) + 1
    code = key[keep] * span + sent[keep]          # (stem, sentence) as one sortable number
    order = np.argsort(code, kind="stable")
    sorted_code = code[order]
    prefix = np.zeros((len(keep) + 1, 5))
    np.cumsum(probs[keep][order], axis=0, out=prefix[1:])
    base = key[keep] * span
    lo = np.searchsorted(sorted_code, base + np.maximum(sent[keep] - window, 0), side="left")
    hi = np.searchsorted(sorted_code, base + np.minimum(sent[keep] + window, len(sentences) - 1),
                         side="right")
    others = hi - lo - 1                           # the token itself is in its own run
    total = prefix[hi] - prefix[lo] - probs[keep]
    has = others > 0
    rows = keep[has]
    out_flat[rows, :5] = total[has] / others[has, None]
    out_flat[rows, 5] = np.log1p(others[has]) / 3.0
    return _split(out_flat, lens)


def _split(flat: np.ndarray, lens: Sequence[int]) -> list[np.ndarray]:
    return np.split(flat, np.cumsum(lens)[:-1]) if lens else []
