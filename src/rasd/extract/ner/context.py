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

import numpy as np

from rasd.extract.ner.features import normalize_word, strip_proclitics

CONTEXT_DIM = 6     # five type probabilities and log1p(count) / 3
DEFAULT_WINDOW = 10  # sentences on each side


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

    The window slides over the sentences in order; sums per stem are kept incrementally, so the
    cost is linear in the number of tokens.
    """
    keys = [[_key(t) for t in s] for s in sentences]
    probs = [type_probabilities(m) if len(m) else np.zeros((0, 5)) for m in marginals]
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}

    def move(i: int, sign: int) -> None:
        for k, p in zip(keys[i], probs[i], strict=True):
            if k is None:
                continue
            if k in sums:
                sums[k] = sums[k] + sign * p
                counts[k] += sign
            else:
                sums[k] = p.astype(np.float64)
                counts[k] = 1

    n = len(sentences)
    out: list[np.ndarray] = []
    hi, lo = -1, 0
    for i in range(n):
        while hi < min(n - 1, i + window):
            hi += 1
            move(hi, 1)
        while lo < i - window:
            move(lo, -1)
            lo += 1
        f = np.zeros((len(sentences[i]), CONTEXT_DIM), dtype=np.float32)
        for j, (k, p) in enumerate(zip(keys[i], probs[i], strict=True)):
            if k is None:
                continue
            others = counts[k] - 1
            if others > 0:
                f[j, :5] = (sums[k] - p) / others
                f[j, 5] = np.log1p(others) / 3.0
        out.append(f)
    return out
