"""Document context for the neural NER pass: how the first pass read the other mentions of a word.

A name is usually tagged the same way wherever it recurs in a story, and one of its mentions often
sits in a clearer context than the others (`الرئيس الأمريكي باراك أوباما` ... `أوباما`). For each
token this module gives the mean first-pass type probabilities (O, PER, LOC, ORG, MISC) of the other
occurrences of its proclitic-free stem within `window` sentences before and after it, and how many
such occurrences there are; optionally the same for the pair of stems it forms with the next word
and with the previous one (`مجلس الأمن` recurs as a pair where `الأمن` alone is mostly not a name).
Pure function of the sentences and their marginals: the same numbers at
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
                     window: int = DEFAULT_WINDOW, *, bigrams: bool = False) -> list[np.ndarray]:
    """For each sentence an (n, CONTEXT_DIM) float32 array, (n, 3 * CONTEXT_DIM) with `bigrams`
    (zeros where the stem, or the pair, recurs nowhere near).

    With `bigrams` two more blocks follow: the same means over the other occurrences of the pair
    (this stem, next stem) and of the pair (previous stem, this stem), read at this token.
    """
    lens = [len(s) for s in sentences]
    n_tok = sum(lens)
    width = CONTEXT_DIM * (3 if bigrams else 1)
    ids: dict[str, int] = {}
    key = np.fromiter((ids.setdefault(k, len(ids)) if (k := _key(t)) is not None else -1
                       for s in sentences for t in s), dtype=np.int64, count=n_tok)
    if n_tok == 0 or not ids:
        return _split(np.zeros((n_tok, width), dtype=np.float32), lens)
    sent = np.repeat(np.arange(len(sentences), dtype=np.int64), lens)
    probs = type_probabilities(np.concatenate([m for m in marginals if len(m)]).astype(np.float64))
    blocks = [_window_means(key, sent, probs, window, len(sentences))]
    if bigrams:
        same = sent[1:] == sent[:-1]                 # token t and t + 1 are in one sentence
        nxt = np.full(n_tok, -1, dtype=np.int64)
        nxt[:-1] = np.where(same & (key[:-1] >= 0) & (key[1:] >= 0),
                            key[:-1] * len(ids) + key[1:], -1)
        prv = np.full(n_tok, -1, dtype=np.int64)
        prv[1:] = nxt[:-1]
        blocks += [_window_means(nxt, sent, probs, window, len(sentences)),
                   _window_means(prv, sent, probs, window, len(sentences))]
    return _split(np.concatenate(blocks, axis=1), lens)


def with_context(sentences: Sequence[Sequence[str]], marginals: Sequence[np.ndarray], window: int,
                 *, bigrams: bool = False) -> list[np.ndarray]:
    """Each sentence's marginals with its document context appended: the neural pass's inputs."""
    ctx = document_context(sentences, marginals, window, bigrams=bigrams)
    return [np.concatenate([m, c], axis=1) for m, c in zip(marginals, ctx, strict=True)]


def _window_means(key: np.ndarray, sent: np.ndarray, probs: np.ndarray, window: int,
                  n_sent: int) -> np.ndarray:
    """For each token with key >= 0: mean probs and log1p(count) / 3 of the other tokens with its
    key in sentences sent - window .. sent + window. Tokens are sorted by (key, sentence); each
    token's window is one run of that order, summed through prefix sums."""
    out = np.zeros((len(key), CONTEXT_DIM), dtype=np.float32)
    keep = np.flatnonzero(key >= 0)
    if not len(keep):
        return out
    span = n_sent + 1
    code = key[keep] * span + sent[keep]          # (key, sentence) as one sortable number
    order = np.argsort(code, kind="stable")
    sorted_code = code[order]
    prefix = np.zeros((len(keep) + 1, 5))
    np.cumsum(probs[keep][order], axis=0, out=prefix[1:])
    base = key[keep] * span
    lo = np.searchsorted(sorted_code, base + np.maximum(sent[keep] - window, 0), side="left")
    hi = np.searchsorted(sorted_code, base + np.minimum(sent[keep] + window, n_sent - 1), side="right")
    others = hi - lo - 1                           # the token itself is in its own run
    total = prefix[hi] - prefix[lo] - probs[keep]
    has = others > 0
    rows = keep[has]
    out[rows, :5] = total[has] / others[has, None]
    out[rows, 5] = np.log1p(others[has]) / 3.0
    return out


def _split(flat: np.ndarray, lens: Sequence[int]) -> list[np.ndarray]:
    return np.split(flat, np.cumsum(lens)[:-1]) if lens else []
