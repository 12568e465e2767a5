"""Exact Viterbi decoding of a crfsuite linear-chain model with emission scores cached per word.

crfsuite scores a token as the sum of the weights of its attributes. The featurizer builds those
attributes from the token's own word, its neighbours' words at fixed offsets, the sentence edges and
word bigrams, so a token's score decomposes into per-word vectors (own, and one per offset) plus a
few boundary and bigram terms. Caching the per-word vectors turns tagging into a handful of numpy
additions per sentence and a Viterbi pass: the same tags as crfsuite, several times faster, because
no attribute strings are built or handed to crfsuite for words already seen.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pycrfsuite

from rasd.extract.ner.features import _OFFSETS, Featurizer

# Bound on cached words, so memory stays flat over a corpus (a vocabulary grows without end). Each
# cached word costs about 1.7 KB (its vectors, measured with tracemalloc); 40,000 words are reached
# within the first few thousand articles of a corpus, so the peak comes early and stays.
CACHE_WORDS = 40_000


class FastCRF:
    """Decode with the weights of a trained crfsuite model and the featurizer it was trained with."""

    def __init__(self, tagger: pycrfsuite.Tagger, featurizer: Featurizer) -> None:
        info = tagger.info()
        self.labels: list[str] = list(tagger.labels())
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        # Row 0 is all zeros: every word's attribute rows start with it, so no sum is ever empty.
        rows: dict[str, int] = {}
        state = list(info.state_features.items())
        for (attr, _label), _w in state:
            rows.setdefault(attr, len(rows) + 1)
        self.matrix = np.zeros((len(rows) + 1, n))
        for (attr, label), w in state:
            self.matrix[rows[attr], index[label]] += w
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] = w
        self.rows = rows
        self.featurizer = featurizer
        self._zero = np.zeros(n)
        self._bos = self.matrix[rows["BOS"]] if "BOS" in rows else self._zero
        self._eos = self.matrix[rows["EOS"]] if "EOS" in rows else self._zero
        self._arange = np.arange(n)
        self._own: dict[str, np.ndarray] = {}
        self._ctx: dict[str, np.ndarray] = {}
        self._norm: dict[str, str] = {}

    def clear(self) -> None:
        """Forget the cached per-word vectors."""
        self._own.clear()
        self._ctx.clear()
        self._norm.clear()

    def _vectors(self, tok: str) -> tuple[np.ndarray, np.ndarray, str]:
        own = self._own.get(tok)
        if own is None:
            wf = self.featurizer._word(tok)
            get = self.rows.get
            flat: list[int] = []
            starts: list[int] = []
            for attrs in (wf.own, *wf.ctx):
                starts.append(len(flat))
                flat.append(0)
                flat.extend(r for r in map(get, attrs) if r is not None)
            sums = np.add.reduceat(self.matrix[flat], starts)
            if len(self._own) >= CACHE_WORDS:
                # Full: the words already cached stay (the frequent ones come early in any corpus) and
                # this one is computed each time. Clearing instead made every word miss again.
                return sums[0], sums[1:], wf.own[1][2:]
            own = self._own[tok] = sums[0]
            self._ctx[tok] = sums[1:]
            self._norm[tok] = wf.own[1][2:]
        return own, self._ctx[tok], self._norm[tok]

    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """Score of every label for every token: an (n, labels) array."""
        n = len(tokens)
        vecs = [self._vectors(t) for t in tokens]
        e = np.array([v[0] for v in vecs])
        ctx = np.array([v[1] for v in vecs])  # (n, 4, labels): what a word adds to its neighbours
        for j, o in enumerate(_OFFSETS):
            if o < 0 and n > -o:
                e[-o:] += ctx[:o, j]
            elif o > 0 and n > o:
                e[:-o] += ctx[o:, j]
        for i in {*range(min(2, n)), *range(max(0, n - 2), n)}:
            for o in _OFFSETS:
                k = i + o
                if k == -1:
                    e[i] += self._bos
                elif k == n:
                    e[i] += self._eos
        norms = [v[2] for v in vecs]
        get = self.rows.get
        for i in range(1, n):
            pair = norms[i - 1] + "|" + norms[i]
            r = get("bg-=" + pair)
            if r is not None:
                e[i] += self.matrix[r]
            r = get("bg+=" + pair)
            if r is not None:
                e[i - 1] += self.matrix[r]
        return e

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """The highest-scoring label sequence (Viterbi), as crfsuite's own tagger returns it."""
        if not tokens:
            return []
        e = self.emissions(tokens)
        n = len(tokens)
        back = np.empty((n, e.shape[1]), dtype=np.intp)
        score = e[0]
        for t in range(1, n):
            cand = score[:, None] + self.trans
            back[t] = cand.argmax(axis=0)
            score = cand[back[t], self._arange] + e[t]
        best = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[t, best[-1]]))
        best.reverse()
        return [self.labels[i] for i in best]

