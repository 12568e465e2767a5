"""Exact Viterbi decoding of a crfsuite linear-chain model with emission scores cached per word.

crfsuite scores a token as the sum of the weights of its attributes. The featurizer builds those
attributes from the token's own word, its neighbours' words at fixed offsets, the sentence edges and
word bigrams, so a token's score decomposes into per-word vectors (own, and one per offset) plus a
few boundary and bigram terms. Caching the per-word vectors turns tagging into a handful of numpy
additions per sentence and a Viterbi pass: the same tags as crfsuite, several times faster, because
no attribute strings are built or handed to crfsuite for words already seen.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pycrfsuite

from rasd.extract.ner.decode import pad
from rasd.extract.ner.features import _OFFSETS, Featurizer

# Sentences decoded together by `tag_many` (sorted by length first, so a batch pads little).
BATCH_SENTENCES = 64

# Bound on cached words, so memory stays flat over a corpus (a vocabulary grows without end). A cached
# word is one row of a table (its own vector and one per neighbour offset: 5 x labels floats, 360
# bytes with 9 labels) plus its dict entry and normalized form, about 0.5 KB in all; the table grows by
# doubling up to this bound (about 50 MB). The first 2,000 SaudiNewsNet articles hold 96,000 distinct
# tokens: at 40,000 words one token in six missed, at 100,000 only first sightings do.
CACHE_WORDS = 100_000
_FIRST_ROWS = 4096


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
        # word pair "a|b" -> rows of its two bigram attributes (0, the zero row, where one is absent)
        self._pairs: dict[str, tuple[int, int]] = {}
        for attr, r in rows.items():
            if attr.startswith(("bg-=", "bg+=")):
                minus, plus = self._pairs.get(attr[4:], (0, 0))
                self._pairs[attr[4:]] = (r, plus) if attr[2] == "-" else (minus, r)
        self.featurizer = featurizer
        self._zero = np.zeros(n)
        self._bos = self.matrix[rows["BOS"]] if "BOS" in rows else self._zero
        self._eos = self.matrix[rows["EOS"]] if "EOS" in rows else self._zero
        self._arange = np.arange(n)
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        """Forget the cached per-word vectors."""
        with self._lock:
            self._index: dict[str, int] = {}
            self._table = np.zeros((_FIRST_ROWS, 1 + len(_OFFSETS), len(self.labels)))
            self._norms: list[str] = []

    def _compute(self, tok: str) -> tuple[np.ndarray, str]:
        """The vectors of one word, a (5, labels) array (own, then offsets -2, -1, +1, +2), and its
        normalized form (what the bigram attributes are built from)."""
        wf = self.featurizer._word(tok)
        get = self.rows.get
        flat: list[int] = []
        starts: list[int] = []
        for attrs in (wf.own, *wf.ctx):
            starts.append(len(flat))
            flat.append(0)
            flat.extend(r for r in map(get, attrs) if r is not None)
        return np.add.reduceat(self.matrix[flat], starts), wf.own[1][2:]

    def _keep(self, tok: str, vecs: np.ndarray, norm: str) -> int | None:
        """Cache one word's vectors; its row, or None once the cache is full (the words already
        cached stay: the frequent ones come early in any corpus, and clearing made every word miss
        again). The row is written before the word is indexed, so a reader never sees a bare row."""
        with self._lock:
            row = self._index.get(tok)
            if row is not None:
                return row
            row = len(self._norms)
            if row >= CACHE_WORDS:
                return None
            if row == len(self._table):
                bigger = np.zeros((min(2 * row, CACHE_WORDS), *self._table.shape[1:]))
                bigger[:row] = self._table
                self._table = bigger
            self._table[row] = vecs
            self._norms.append(norm)
            self._index[tok] = row
            return row

    def _vectors(self, tokens: Sequence[str]) -> tuple[np.ndarray, list[str]]:
        """The vectors of every token, an (n, 5, labels) array, and their normalized forms."""
        get = self._index.get
        rows = [get(t) for t in tokens]
        loose: dict[int, tuple[np.ndarray, str]] = {}  # position -> vectors of a word left uncached
        if None in rows:
            for k, t in enumerate(tokens):
                if rows[k] is None:
                    vecs, norm = self._compute(t)
                    row = self._keep(t, vecs, norm)
                    if row is None:
                        loose[k] = (vecs, norm)
                    rows[k] = row
        table, norms = self._table, self._norms  # read after the rows: it holds every one of them
        out = table[[0 if r is None else r for r in rows]]
        words = [norms[r] if r is not None else loose[k][1] for k, r in enumerate(rows)]
        for k, (vecs, _) in loose.items():
            out[k] = vecs
        return out, words

    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """Score of every label for every token: an (n, labels) array."""
        n = len(tokens)
        vecs, norms = self._vectors(tokens)
        e = vecs[:, 0]
        ctx = vecs[:, 1:]  # (n, 4, labels): what a word adds to its neighbours
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
        if n > 1:
            # every bigram attribute at once: the minus ones (to the second word) then the plus ones (to
            # the first), the order the attributes were added one by one; a zero row adds exactly 0.0
            get, none = self._pairs.get, (0, 0)
            pairs = [get(a + "|" + b, none) for a, b in zip(norms, norms[1:], strict=False)]
            minus, plus = zip(*pairs, strict=True)
            e[1:] += self.matrix[list(minus)]
            e[:-1] += self.matrix[list(plus)]
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

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag` of every sentence (the same paths, ties included), decoded in batches of sentences of
        similar length: one Viterbi loop over the positions of a batch instead of one per sentence."""
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        labels = self.labels
        for k in range(0, len(order), BATCH_SENTENCES):
            idx = order[k:k + BATCH_SENTENCES]
            em, lens = pad([self.emissions(sentences[i]) for i in idx])
            for i, path in zip(idx, _viterbi_by_length(em, lens, self.trans), strict=True):
                out[i] = [labels[j] for j in path]
        return out


def _viterbi_by_length(em: np.ndarray, lens: np.ndarray, trans: np.ndarray) -> list[list[int]]:
    """Best path of each sentence of a padded (B, T, K) batch whose lengths rise with b; the sums,
    maxima and first-index ties of `FastCRF.tag`, so the same paths. A sentence leaves the loop once it
    ends (its final scores are kept), so the batch shrinks from the front as it goes."""
    B, T, _ = em.shape
    back = np.zeros((B, T, em.shape[2]), dtype=np.intp)
    final = np.empty_like(em[:, 0])
    ends: dict[int, list[int]] = {}
    for b, n in enumerate(lens.tolist()):
        ends.setdefault(n - 1, []).append(b)
    score = em[:, 0].copy()
    lo = 0  # sentences before it have ended
    for t in range(T):
        if t:
            cand = score[lo:, :, None] + trans  # (running, from, to)
            best = cand.argmax(axis=1)
            back[lo:, t] = best
            score[lo:] = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[lo:, t]
        done = ends.get(t)
        if done:
            final[done] = score[done]
            lo += len(done)
    paths = []
    for b, n in enumerate(lens.tolist()):
        cur = int(final[b].argmax())
        path = [cur]
        steps = back[b, :n].tolist()
        for t in range(n - 1, 0, -1):
            cur = steps[t][cur]
            path.append(cur)
        path.reverse()
        paths.append(path)
    return paths
