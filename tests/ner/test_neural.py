"""The numpy BiLSTM-CRF runner: Viterbi, CRF marginals, and the same scores as the torch model."""
from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.errors import ModelError
from rasd.eval.conll import Sentence
from rasd.extract.ner import tagger as tagger_module
from rasd.extract.ner.bio import spans, to_bio
from rasd.extract.ner.context import CONTEXT_DIM
from rasd.extract.ner.decode import batch_marginals, batch_viterbi, pad
from rasd.extract.ner.features import Featurizer, Resources
from rasd.extract.ner.neural import (
    TAGS,
    NeuralTagger,
    load_vectors,
    save_vectors,
    vector_table,
)
from rasd.extract.ner.tagger import CRF_FILL, MODELS_DIR, NerTagger, fill_from_crf
from rasd.training.vectors import quantize

SENTENCES = [
    "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مستمرة .",
    "أعلنت وزارة الدفاع الروسية مقتل الفريق فاليري أسابوف في دير الزور",
    "لافروف",
    "( أ ف ب ) - 2017 زار الرئيس القاهرة",
]


def _brute(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    n, k = em.shape
    best, arg = -np.inf, None
    for path in itertools.product(range(k), repeat=n):
        s = start[path[0]] + end[path[-1]] + sum(em[i, t] for i, t in enumerate(path))
        s += sum(trans[a, b] for a, b in itertools.pairwise(path))
        if s > best:
            best, arg = s, list(path)
    assert arg is not None
    return arg


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(2, 3), st.integers(0, 2**31 - 1))
def test_viterbi_finds_the_best_path(n: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    em, trans = rng.normal(size=(n, k)), rng.normal(size=(k, k))
    start, end = rng.normal(size=k), rng.normal(size=k)
    assert batch_viterbi(*pad([em]), trans, start, end) == [_brute(em, trans, start, end)]


@pytest.fixture(scope="module")
def shipped() -> NerTagger:
    return NerTagger.default("accurate")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_fast_marginals_are_crfsuites(shipped: NerTagger, sentence: str) -> None:
    tokens = sentence.split()
    ours = shipped.marginals(tokens)
    crf = shipped._tagger
    crf.set(shipped.featurizer.sentence(tokens))
    labels = set(crf.labels())
    theirs = np.array([[crf.marginal(t, i) if t in labels else 0.0 for t in TAGS]
                       for i in range(len(tokens))])
    assert ours.shape == (len(tokens), len(TAGS))
    assert np.allclose(ours, theirs, atol=1e-5)
    assert np.allclose(ours.sum(axis=1), 1.0, atol=1e-5)


def test_shipped_model_is_the_neural_one(shipped: NerTagger) -> None:
    assert shipped.context_window == 10 and shipped.context_bigrams  # read from ner.json
    assert shipped.neural is not None and shipped.neural.extra_dim == len(TAGS) + 3 * CONTEXT_DIM


def test_model_and_metadata_must_agree_on_the_inputs(shipped: NerTagger) -> None:
    assert shipped.neural is not None
    with pytest.raises(ModelError, match="reads 27 inputs"):
        NerTagger(shipped.model_path, shipped.featurizer.res, None, shipped.neural.path,
                  MODELS_DIR / "ner_vectors.npz", context_window=0)


STORY = [
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مستمرة .",
    "وأضاف لافروف أن موسكو تريد الحل .",
    "والتقى لافروف في جنيف نظيره الأمريكي .",
    "ورد المبعوث الأممي على لافروف أمس .",
    "وكان لافروف قد زار دمشق .",
]


def test_segments_do_not_change_the_tags(shipped: NerTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    """Long inputs are tagged a segment at a time; each segment reads the context around it."""
    sents = [s.split() for s in STORY * 6]
    whole = shipped.tag_sentences(sents)
    monkeypatch.setattr(tagger_module, "SEGMENT_SENTENCES", 4)
    assert shipped.tag_sentences(sents) == whole


def test_context_reaches_the_neural_pass(shipped: NerTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    """The BiLSTM-CRF gets the CRF marginals plus the context of the other mentions."""
    seen: list[np.ndarray] = []
    assert shipped.neural is not None
    real = shipped.neural.tag_sentences

    def spy(sentences, extra=None, batch=64):  # type: ignore[no-untyped-def]
        seen.extend(extra)
        return real(sentences, extra, batch)

    monkeypatch.setattr(shipped.neural, "tag_sentences", spy)
    sents = [s.split() for s in STORY]
    shipped.tag_sentences(sents)
    alone = [e for e in seen if e.shape[0] == len(sents[1])]
    assert alone and alone[0].shape[1] == len(TAGS) + 3 * CONTEXT_DIM
    k = sents[1].index("لافروف")
    assert alone[0][k, len(TAGS) + 5] == pytest.approx(np.log1p(4) / 3)  # four other mentions


def test_vectors_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(5, 8)).astype(np.float32)
    q, scale = quantize(vecs)
    save_vectors(tmp_path / "v.npz", ["أ", "ب", "ج", "د", "ه"], q, scale)
    words, q2, s2 = load_vectors(tmp_path / "v.npz")
    assert words == ["أ", "ب", "ج", "د", "ه"]
    table = vector_table(q2, s2)
    assert np.allclose(table[0], 0) and np.allclose(table[1], 0)
    assert np.allclose(table[2:], vecs, atol=np.abs(vecs).max() / 127)


def test_broken_model_file_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "m.npz").write_bytes(b"not a model")
    with pytest.raises(ModelError):
        NeuralTagger(tmp_path / "m.npz", tmp_path / "v.npz")


@pytest.mark.parametrize("scheme", ["bio", "bioes"])
def test_numpy_runner_gives_the_torch_scores(tmp_path: Path, scheme: str) -> None:
    torch = pytest.importorskip("torch", reason="torch (the `train` extra) builds the model to compare")
    from rasd.training import ner_neural as nn_train

    rng = np.random.default_rng(7)
    words = sorted({w for s in SENTENCES for w in s.split()})[:-3]  # some words have no vector
    q, scale = quantize(rng.normal(size=(len(words), 12)).astype(np.float32))
    save_vectors(tmp_path / "v.npz", words, q, scale)
    featurizer = Featurizer(Resources())
    train = [Sentence(tuple(s.split()), tuple("O" for _ in s.split())) for s in SENTENCES]
    cfg = nn_train.NeuralConfig(proj=6, attr_dim=5, char_dim=4, filters=7, hidden=8, attr_min_count=1,
                                extra_dim=len(TAGS))
    vocabs = nn_train.build_vocabs(train, featurizer, words, cfg)
    torch.manual_seed(1)
    tagset = nn_train.SCHEMES[scheme]
    net = nn_train._model(vector_table(q, scale), vocabs, cfg, len(tagset))
    with torch.no_grad():  # random, non-zero CRF and bias terms so every part counts
        for p in (net.trans, net.start, net.end, net.out.bias):
            p.normal_()
        net.attr.weight.copy_(net.attr.weight.half().float())  # the export stores them as float16
    net.eval()
    nn_train.export(nn_train._export(net, vocabs, tagset), tmp_path / "m.npz")
    runner = NeuralTagger(tmp_path / "m.npz", tmp_path / "v.npz", Resources())
    sents = [s.split() for s in SENTENCES] + [["كلمة", "جديدة", "تماما"]]
    margs = [rng.dirichlet(np.ones(len(TAGS)), size=len(s)).astype(np.float32) for s in sents]
    types = nn_train._Types(vocabs, featurizer)
    ids = [[types.id(t) for t in s] for s in sents]
    w, a, c = types.tensors()
    T = max(map(len, sents))
    idx = torch.zeros((len(sents), T), dtype=torch.long)
    extra = torch.zeros((len(sents), T, len(TAGS)))
    for i, s in enumerate(ids):
        idx[i, :len(s)] = torch.tensor(s)
        extra[i, :len(s)] = torch.from_numpy(margs[i])
    mask = torch.arange(T).unsqueeze(0) < torch.tensor([len(s) for s in sents]).unsqueeze(1)
    with torch.no_grad():
        want = net.emissions(net.type_reps(w, a, c), idx, mask, extra).numpy()
    got = runner.emissions(sents, margs)
    for i, s in enumerate(sents):
        assert np.allclose(got[i], want[i, :len(s)], atol=1e-4)
    params = [p.detach().numpy() for p in (net.trans, net.start, net.end)]
    tags = runner.tag_sentences(sents, margs)
    paths = batch_viterbi(want, np.array([len(s) for s in sents]), *params)
    # decoded in the model's tag set, handed out as BIO whatever the set
    assert tags == [to_bio([tagset[j] for j in p]) for p in paths]
    assert all(t == "O" or t[:2] in ("B-", "I-") for s in tags for t in s)
    with pytest.raises(ModelError):
        runner.tag_sentences(sents)  # this model needs the first-pass marginals


@pytest.mark.parametrize(("tags", "expected"), [
    (["O", "B-PER", "I-PER", "O"], [(1, 3, "PER")]),
    (["B-LOC", "B-LOC", "I-ORG"], [(0, 1, "LOC"), (1, 2, "LOC"), (2, 3, "ORG")]),
    (["I-PER", "I-PER"], [(0, 2, "PER")]),
    ([], []),
])
def test_bio_spans(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans(tags) == expected


def _probs(tags: list[str], p: float) -> np.ndarray:
    m = np.zeros((len(tags), len(TAGS)), dtype=np.float32)
    for k, t in enumerate(tags):
        m[k, TAGS.index(t)] = p
    return m


@pytest.mark.parametrize(("neural", "crf", "p", "expected"), [
    # the neural pass says nothing there, the CRF is sure: its span is kept
    (["O", "O", "O"], ["O", "B-ORG", "I-ORG"], 0.9, ["O", "B-ORG", "I-ORG"]),
    # not sure enough
    (["O", "O", "O"], ["O", "B-ORG", "I-ORG"], CRF_FILL - 0.05, ["O", "O", "O"]),
    # the neural pass tagged part of it: its own reading stands
    (["O", "B-PER", "O"], ["O", "B-ORG", "I-ORG"], 0.9, ["O", "B-PER", "O"]),
    # the neural entity continues right after the CRF span: left alone
    (["O", "O", "I-LOC"], ["B-PER", "I-PER", "O"], 0.9, ["O", "O", "I-LOC"]),
])
def test_fill_from_crf(neural: list[str], crf: list[str], p: float, expected: list[str]) -> None:
    assert fill_from_crf(neural, crf, _probs(crf, p)) == expected


def test_training_refuses_corpus_type_names() -> None:
    pytest.importorskip("torch", reason="torch (the `train` extra) trains the model")
    from rasd.errors import UsageError
    from rasd.training.ner_neural import NeuralConfig, train_neural

    sents = [Sentence(("زار", "مبارك", "القاهرة"), ("O", "B-PERS", "B-LOC"))]
    with pytest.raises(UsageError, match="B-PERS"):
        train_neural(sents, [], Featurizer(Resources()), ["زار"], np.zeros((3, 4), dtype=np.float32),
                     NeuralConfig(epochs=1))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 7), min_size=1, max_size=5), st.integers(0, 2**31 - 1))
def test_batched_decoding_matches_one_sentence_at_a_time(lens: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = 4
    rows = [rng.normal(size=(n, k)) * 3 for n in lens]
    trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    em, lengths = pad(rows)
    assert batch_viterbi(em, lengths, trans, start, end) == [_brute(r, trans, start, end) for r in rows]
    post = batch_marginals(em, lengths, trans)
    for b, r in enumerate(rows):
        # brute force over every path of the sentence (no start/end scores, as in crfsuite)
        paths = list(itertools.product(range(k), repeat=len(r)))
        w = np.array([np.exp(sum(r[i, t] for i, t in enumerate(p))
                             + sum(trans[a, c] for a, c in itertools.pairwise(p))) for p in paths])
        want = np.zeros((len(r), k))
        for p, wt in zip(paths, w / w.sum(), strict=True):
            for i, t in enumerate(p):
                want[i, t] += wt
        assert np.allclose(post[b, :len(r)], want, atol=1e-8)
        assert not post[b, len(r):].any()
