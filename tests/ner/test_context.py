"""Document context of the neural NER pass: other mentions of a stem (or pair), within a window."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.ner.context import CONTEXT_DIM, _key, document_context, type_probabilities
from rasd.extract.ner.neural import TAGS


def _marg(tags: list[str]) -> np.ndarray:
    """One-hot marginals for a tag sequence."""
    m = np.zeros((len(tags), len(TAGS)), dtype=np.float32)
    for i, t in enumerate(tags):
        m[i, TAGS.index(t)] = 1.0
    return m


def test_type_probabilities_sum_b_and_i() -> None:
    m = np.full((1, len(TAGS)), 0.1, dtype=np.float32)
    m[0, 0] = 0.2
    p = type_probabilities(m)
    assert p.shape == (1, 5)
    assert p[0].tolist() == pytest.approx([0.2, 0.2, 0.2, 0.2, 0.2])


@pytest.mark.parametrize(("a", "b"), [
    ("لأوباما", "أوباما"),      # proclitic stripped
    ("بموسكو", "موسكو"),
    ("أوباما", "اوباما"),       # hamza forms fold
])
def test_mentions_share_a_key(a: str, b: str) -> None:
    assert _key(a) == _key(b) is not None


def test_other_mention_gives_its_type_not_its_own() -> None:
    sents = [["قال", "الرئيس", "باراك", "أوباما"], ["ورد", "أوباما", "أمس"]]
    margs = [_marg(["O", "O", "B-PER", "I-PER"]), _marg(["O", "O", "O"])]
    ctx = document_context(sents, margs, window=5)
    # second sentence: أوباما was PER in the first one, and is O itself
    assert ctx[1][1, :5].tolist() == pytest.approx([0, 1, 0, 0, 0])
    assert ctx[1][1, 5] == pytest.approx(np.log1p(1) / 3)
    # the first mention sees the second (O) one
    assert ctx[0][3, :5].tolist() == pytest.approx([1, 0, 0, 0, 0])
    # a word that occurs once has no context
    assert not ctx[1][2].any()
    assert all(c.shape == (len(s), CONTEXT_DIM) for c, s in zip(ctx, sents, strict=True))


def test_window_limits_the_mentions_seen() -> None:
    sents = [["موسكو"], ["أمس"], ["أمس"], ["موسكو"]]
    margs = [_marg(["B-LOC"]), _marg(["O"]), _marg(["O"]), _marg(["O"])]
    assert not document_context(sents, margs, window=2)[3].any()
    assert document_context(sents, margs, window=3)[3][0, 2] == pytest.approx(1.0)


def test_pair_context_reads_the_same_pair_elsewhere() -> None:
    sents = [["مجلس", "الأمن", "قرر"], ["قال", "الأمن", "العام"], ["إن", "مجلس", "الأمن"]]
    margs = [_marg(["B-ORG", "I-ORG", "O"]), _marg(["O", "O", "O"]), _marg(["O", "O", "O"])]
    ctx = document_context(sents, margs, window=5, bigrams=True)
    assert ctx[2].shape == (3, 3 * CONTEXT_DIM)
    alone, nxt, prv = (ctx[2][2, k * CONTEXT_DIM:(k + 1) * CONTEXT_DIM] for k in range(3))
    # الأمن alone: one ORG mention and one O mention elsewhere
    assert alone[:5].tolist() == pytest.approx([0.5, 0, 0, 0.5, 0])
    # after مجلس: only the ORG mention
    assert prv[:5].tolist() == pytest.approx([0, 0, 0, 1, 0])
    assert not nxt.any()  # last word of its sentence: no pair with a next word
    # a pair never spans two sentences
    assert not document_context([["مجلس"], ["الأمن"], ["مجلس"], ["الأمن"]],
                                [_marg(["O"])] * 4, window=5, bigrams=True)[0][0, CONTEXT_DIM:].any()


def _naive(sents: list[list[str]], margs: list[np.ndarray], window: int,
           bigrams: bool = False) -> list[np.ndarray]:
    def keys_of(s: list[str]) -> list[list[object]]:
        k = [_key(t) for t in s]
        out: list[list[object]] = [list(k)]
        if bigrams:
            pairs = [(a, b) if a and b else None for a, b in zip(k, k[1:], strict=False)] + [None]
            out += [pairs, [None, *pairs[:-1]]]
        return out

    keyed = [keys_of(s) for s in sents]
    out = []
    for i, s in enumerate(sents):
        blocks = []
        for kind in range(3 if bigrams else 1):
            f = np.zeros((len(s), CONTEXT_DIM), dtype=np.float32)
            for j in range(len(s)):
                k = keyed[i][kind][j]
                if k is None:
                    continue
                seen = [type_probabilities(margs[a])[b]
                        for a in range(max(0, i - window), min(len(sents), i + window + 1))
                        for b in range(len(sents[a])) if keyed[a][kind][b] == k and (a, b) != (i, j)]
                if seen:
                    f[j, :5] = np.mean(seen, axis=0)
                    f[j, 5] = np.log1p(len(seen)) / 3
            blocks.append(f)
        out.append(np.concatenate(blocks, axis=1))
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["مصر", "ومصر", "قال", "لندن", "في", "."]), max_size=5),
                min_size=1, max_size=8),
       st.integers(min_value=0, max_value=4), st.integers(min_value=0, max_value=2**31 - 1),
       st.booleans())
def test_sliding_window_matches_the_naive_count(sents: list[list[str]], window: int, seed: int,
                                                bigrams: bool) -> None:
    rng = np.random.default_rng(seed)
    margs = [rng.dirichlet(np.ones(len(TAGS)), size=len(s)).astype(np.float32) for s in sents]
    got = document_context(sents, margs, window, bigrams=bigrams)
    for g, w in zip(got, _naive(sents, margs, window, bigrams), strict=True):
        np.testing.assert_allclose(g, w, atol=1e-5)
