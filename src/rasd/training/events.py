"""Train the 16-type PLOVER sentence classifier (build time: needs scikit-learn).

Data: the hand-labelled sentences of `rasd/training/data/event_sentences.jsonl` (all 16 types, see
the .md beside it) and, for ASSAULT and PROTEST, also the Arabic event GSR
(`../shared/data/events/arabic_event_gsr/`, openeventdata, MIT: "yes" positive, "easy no" and
"difficult no" negative, "ambiguous" left out). A labelled sentence is a positive of a type when it
reports an asserted, claimed or denied event of that type; planned and hypothetical ones are
negatives. Both sets are split by the SHA-1 of the sentence text (`rasd.eval.gsr.split_of`): 30%
test, held out and never looked at while tuning; the regularization C and the decision threshold
are tuned by 5-fold cross-validation inside the other 70% (folds from a second slice of the same
hash), counting a sentence without a cue word of the type as "no", as at run time. Each final model
is refit on its whole 70% and written as a weights file that inference reads without scikit-learn.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import UsageError
from rasd.eval.gsr import GsrSentence, read_gsr, scored, split_of
from rasd.extract.events.classifier import (
    DENSE_WINDOW,
    MODEL_PATH,
    DenseCue,
    EventClassifier,
    TypeModel,
    cue_window,
)
from rasd.extract.events.features import CLASSIFIER_CUES, EVENT_CUES, sentence_features, tokenize
from rasd.extract.ner.neural import load_vectors, vector_table, word_keys
from rasd.lang.ar.plover import CLASSIFIED_TYPES, PLOVER_TYPES

DEFAULT_DATA = Path("../shared/data/events/arabic_event_gsr")
DEFAULT_SENTENCES = Path(__file__).resolve().parent / "data" / "event_sentences.jsonl"
EVENT_MODALITIES = frozenset({"asserted", "claimed", "denied"})  # the labels that are events
FOLDS = 5
C_GRID: tuple[float, ...] = (0.005, 0.01, 0.02, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS: tuple[float, ...] = tuple(round(x, 2) for x in np.arange(0.15, 0.9, 0.05))
# Types whose GSR "ambiguous" sentences (mostly 2 of 3 annotators accepting) join training as positives
# of this weight (never scored; `train_type_votes`), and the scale of their word-vector columns (the unit
# vector of the first cue and the mean unit vector of the words around it, from the shipped
# `models/ner_vectors.npz`). For PROTEST, 4 x 5-fold CV inside the 70% (docs/training.md) gave F1 0.507
# for the sparse features alone, 0.549 with the ambiguous sentences at weight 0.5, 0.543 with the vector
# columns at scale 4, and 0.615 with both; scales 4-6 and weights 0.5-0.7 were within 0.01 of each other.
# ASSAULT gained 0.008 from the vectors and lost from the ambiguous sentences, so it keeps the plain model.
AMBIGUOUS_POSITIVE: dict[str, float] = {"PROTEST": 0.5}
DENSE_SCALE: dict[str, float] = {"PROTEST": 4.0}
VECTORS_PATH = MODEL_PATH.with_name("ner_vectors.npz")
CV_REPEATS = 4  # repeated 5-fold CV (folds from salted hashes of the text) for the ambiguous-weighted types
BETA = 0.5  # the 14 labelled-only types are tuned for F0.5: precision first (issue 13)
MIN_WEIGHT = 1e-4  # weights below this are dropped from the shipped file (no measurable effect)


@dataclass
class TypeReport:
    """What training chose for one type, with its cross-validated (dev) figures."""

    event_type: str
    n_train: int
    n_pos: int
    c: float
    threshold: float
    cv_f1: float
    n_weights: int


@dataclass(frozen=True)
class LabelledSentence:
    """A hand-labelled sentence; `events`: the types of the asserted, claimed or denied events it reports."""

    id: str
    text: str
    split: str
    events: frozenset[str]
    labels: tuple[tuple[str, str], ...]  # (type, modality), events and non-events alike


def read_sentences(path: str | Path = DEFAULT_SENTENCES) -> list[LabelledSentence]:
    """The labelled sentences of a JSON-lines file (format: `rasd/training/data/event_sentences.md`)."""
    out: list[LabelledSentence] = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                d = json.loads(line)
                labels = tuple((str(x["type"]), str(x.get("modality", "asserted")))
                               for x in d.get("labels", []))
                bad = [t for t, _ in labels if t not in PLOVER_TYPES]
                if bad:
                    raise UsageError(f"{path}:{n}: not a PLOVER type: {bad[0]}")
                out.append(LabelledSentence(
                    str(d["id"]), str(d["text"]), "test" if split_of(str(d["text"])) == "test" else "train",
                    frozenset(t for t, m in labels if m in EVENT_MODALITIES), labels))
    except OSError as e:
        raise UsageError(f"cannot read the labelled sentences {path}: {e}") from e
    except (ValueError, KeyError, TypeError) as e:
        raise UsageError(f"{path}: not a labelled-sentence file ({e})") from e
    return out


def fold_of(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[-12:-8], 16) % FOLDS


def featurize(s: GsrSentence) -> list[str]:
    """Features of the format-1 (ASSAULT / PROTEST cues) classifier."""
    return sentence_features([t.norm for t in tokenize(s.text)], s.text)


def featurize_all(text: str) -> tuple[list[str], frozenset[str]]:
    """Features of the 16-type classifier and the types whose cue words the sentence holds."""
    toks = [t.norm for t in tokenize(text)]
    return sentence_features(toks, text, EVENT_CUES), frozenset(m.label for m in EVENT_CUES.find(toks))


def _f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float(np.sum(y & pred))
    fp = float(np.sum(~y & pred))
    fn = float(np.sum(y & ~pred))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def _fit(feats: Sequence[dict[str, int]], y: np.ndarray, c: float, solver: str = "lbfgs") -> tuple[Any, Any]:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise UsageError("training needs scikit-learn: pip install 'rasd[build]'") from e
    vec = DictVectorizer()
    x = vec.fit_transform(feats).tocsr()
    if solver == "liblinear":  # about ten times faster than lbfgs on these small, wide, binary problems
        x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit sparse indices only
        x.indptr = x.indptr.astype(np.int32)
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear").fit(x, y)
    else:  # the ASSAULT / PROTEST GSR models, as first shipped
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y)
    return vec, model


def salted_fold(text: str, salt: int) -> int:
    """The fold of a sentence in the `salt`-th repeat of the repeated cross-validation."""
    return int(hashlib.sha1(f"{salt}{text}".encode()).hexdigest()[:8], 16) % FOLDS


class WordVectors:
    """The shipped NER word vectors (`models/ner_vectors.npz`), as unit rows looked up by surface word."""

    def __init__(self, path: str | Path = VECTORS_PATH) -> None:
        words, q, scale = load_vectors(Path(path))
        table = vector_table(q, scale)[2:]
        self.words = words
        self.rows = table / (np.linalg.norm(table, axis=1, keepdims=True) + 1e-9)
        self.index = {w: i for i, w in enumerate(words)}

    def get(self, word: str) -> np.ndarray | None:
        norm, stem = word_keys(word)
        i = self.index.get(norm)
        if i is None:
            i = self.index.get(stem)
        return None if i is None else self.rows[i]

    def cue_columns(self, text: str, label: str) -> np.ndarray:
        """The unit vector of the sentence's first `label` cue and the mean unit vector of the words within
        `DENSE_WINDOW` of it (zeros where there is none): what `DenseCue.score` folds in at run time."""
        dim = self.rows.shape[1]
        out = np.zeros(2 * dim)
        found = cue_window([t.norm for t in tokenize(text)], text, CLASSIFIER_CUES, label, DENSE_WINDOW)
        if found is None:
            return out
        cue, near = found
        own = self.get(cue)
        if own is not None:
            out[:dim] = own
        around = [v for w in near if (v := self.get(w)) is not None]
        if around:
            out[dim:] = np.mean(around, axis=0)
        return out

    def scores(self, weights: np.ndarray, scale: float) -> dict[str, tuple[float, float]]:
        """Every vocabulary word's (cue score, window score) for the fitted weights of the two blocks."""
        dim = self.rows.shape[1]
        cue = self.rows @ weights[:dim] * scale
        win = self.rows @ weights[dim:] * scale
        return {w: (float(a), float(b)) for w, a, b in zip(self.words, cue, win, strict=True)}


def _fit_weighted(feats: Sequence[dict[str, int]], y: np.ndarray, w: np.ndarray, c: float,
                  dense: np.ndarray | None = None) -> tuple[Any, Any]:
    """Logistic regression with per-sentence weights, rescaled so both classes weigh the same (liblinear;
    lbfgs when `dense` columns are appended to the sparse features)."""
    try:
        from scipy import sparse
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise UsageError("training needs scikit-learn: pip install 'rasd[build]'") from e
    wp, wn = float(w[y].sum()), float(w[~y].sum())
    w = np.where(y, w * (wp + wn) / (2 * wp), w * (wp + wn) / (2 * wn))
    vec = DictVectorizer()
    x = vec.fit_transform(feats).tocsr()
    if dense is not None:
        x = sparse.hstack([x, sparse.csr_matrix(dense)]).tocsr()
        return vec, LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return vec, LogisticRegression(C=c, solver="liblinear").fit(x, y, sample_weight=w)


def _predict(vec: Any, model: Any, feats: Sequence[dict[str, int]], dense: np.ndarray | None) -> np.ndarray:
    x = vec.transform(feats)
    if dense is not None:
        from scipy import sparse
        x = sparse.hstack([x, sparse.csr_matrix(dense)]).tocsr()
    return np.asarray(model.predict_proba(x)[:, 1])


def train_type_votes(sentences: list[GsrSentence], event_type: str, ambiguous_weight: float,
                     dense_scale: float = 0.0,
                     vectors: WordVectors | None = None) -> tuple[TypeModel, TypeReport]:
    """Like `train_type`, with the type's "ambiguous" GSR sentences as positives of `ambiguous_weight`
    in training (never scored); C and threshold by CV_REPEATS repeats of 5-fold CV inside the 70%.
    With `dense_scale` > 0, the cue's word-vector columns (`WordVectors.cue_columns`, times the scale)
    join the sparse features, and the model keeps them as a `DenseCue`."""
    data = [s for s in sentences if s.event_type == event_type and split_of(s.text) != "test"]
    if not any(s.positive for s in data):
        raise UsageError(f"no training sentences for {event_type}")
    dense: np.ndarray | None = None
    if dense_scale > 0:
        vectors = vectors or WordVectors()
        dense = np.array([vectors.cue_columns(s.text, event_type) for s in data]) * dense_scale
    feats = [dict.fromkeys(featurize(s), 1) for s in data]
    y = np.array([s.positive or s.label == "ambiguous" for s in data])
    w = np.array([ambiguous_weight if s.label == "ambiguous" else 1.0 for s in data])
    scorable = np.array([s.label != "ambiguous" for s in data])
    gold = np.array([s.positive for s in data])[scorable]
    gated = np.array(["nocue" not in f for f in feats])
    best = (-1.0, C_GRID[0], 0.5)
    for c in C_GRID:
        probs = []
        for salt in range(CV_REPEATS):
            folds = np.array([salted_fold(s.text, salt) for s in data])
            prob = np.zeros(len(y))
            for k in range(FOLDS):
                tr = np.flatnonzero(folds != k)
                te = np.flatnonzero(folds == k)
                vec, model = _fit_weighted([feats[i] for i in tr], y[tr], w[tr], c,
                                           None if dense is None else dense[tr])
                prob[te] = _predict(vec, model, [feats[i] for i in te], None if dense is None else dense[te])
            probs.append(prob)
        for t in THRESHOLDS:
            f1 = float(np.mean([_f1(gold, ((p >= t) & gated)[scorable]) for p in probs]))
            if f1 > best[0] + 1e-9:
                best = (f1, c, t)
    f1, c, t = best
    vec, model = _fit_weighted(feats, y, w, c, dense)
    names = vec.get_feature_names_out()
    coef = model.coef_[0]
    weights = {name: float(v) for name, v in zip(names, coef[:len(names)], strict=True)
               if abs(v) >= MIN_WEIGHT}
    tm = TypeModel(float(model.intercept_[0]), float(t), weights)
    if dense is not None and vectors is not None:
        tm.dense = DenseCue(event_type, vectors.scores(coef[len(names):], dense_scale), DENSE_WINDOW)
    return tm, TypeReport(event_type, int(scorable.sum()), int(gold.sum()), float(c), float(t),
                          round(f1, 4), len(weights))


def train_type(sentences: list[GsrSentence], event_type: str) -> tuple[TypeModel, TypeReport]:
    """Tune C and the threshold by cross-validation on the 70%, then refit on all of it."""
    if event_type in AMBIGUOUS_POSITIVE:
        return train_type_votes(sentences, event_type, AMBIGUOUS_POSITIVE[event_type],
                                DENSE_SCALE.get(event_type, 0.0))
    data = [s for s in scored(sentences) if s.event_type == event_type and split_of(s.text) != "test"]
    if not data:
        raise UsageError(f"no training sentences for {event_type}")
    feats = [dict.fromkeys(featurize(s), 1) for s in data]
    y = np.array([s.positive for s in data])
    # Only sentences holding a cue word are ever scored at run time; the others count as "no".
    gated = np.array(["nocue" not in f for f in feats])
    folds = np.array([fold_of(s.text) for s in data])
    best = (-1.0, C_GRID[0], 0.5)
    for c in C_GRID:
        prob = np.zeros(len(y))
        for k in range(FOLDS):
            tr = folds != k
            vec, model = _fit([feats[i] for i in np.flatnonzero(tr)], y[tr], c)
            prob[~tr] = model.predict_proba(vec.transform([feats[i] for i in np.flatnonzero(~tr)]))[:, 1]
        for t in THRESHOLDS:
            f1 = _f1(y, (prob >= t) & gated)
            if f1 > best[0] + 1e-9:
                best = (f1, c, t)
    f1, c, t = best
    vec, model = _fit(feats, y, c)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    tm = TypeModel(float(model.intercept_[0]), float(t), weights)
    return tm, TypeReport(event_type, len(y), int(y.sum()), float(c), float(t), round(float(f1), 4),
                          len(weights))


def _tune(feats: list[dict[str, int]], y: np.ndarray, gated: np.ndarray, folds: np.ndarray,
          beta: float = 1.0) -> tuple[float, float, float]:
    """(CV F-beta, C, threshold) maximizing F-beta of the gated predictions over the folds."""
    best = (-1.0, C_GRID[0], 0.5)
    b2 = beta * beta
    for c in C_GRID:
        prob = np.zeros(len(y))
        for k in range(FOLDS):
            tr = folds != k
            if not tr.any() or tr.all() or len(set(y[tr])) < 2:
                continue
            vec, model = _fit([feats[i] for i in np.flatnonzero(tr)], y[tr], c, "liblinear")
            prob[~tr] = model.predict_proba(vec.transform([feats[i] for i in np.flatnonzero(~tr)]))[:, 1]
        for t in THRESHOLDS:
            pred = (prob >= t) & gated
            tp = float(np.sum(y & pred))
            fb = 0.0 if tp == 0 else (1 + b2) * tp / ((1 + b2) * tp + b2 * float(np.sum(y & ~pred))
                                                     + float(np.sum(~y & pred)))
            if fb > best[0] + 1e-9:
                best = (fb, c, t)
    return best


def train_type_all(event_type: str, labelled: list[LabelledSentence],
                   gsr: list[GsrSentence] | None = None) -> tuple[TypeModel, TypeReport]:
    """One type of the 16-type classifier: the training part of the labelled sentences (and of the
    GSR sentences of this type, when given), C and threshold by cross-validation, refit on all of it."""
    examples = [(s.text, event_type in s.events) for s in labelled if s.split != "test"]
    if gsr is not None:
        examples += [(s.text, s.positive) for s in scored(gsr)
                     if s.event_type == event_type and split_of(s.text) != "test"]
    if not any(pos for _, pos in examples):
        raise UsageError(f"no positive training sentences for {event_type}")
    featurized = [featurize_all(text) for text, _ in examples]
    feats = [dict.fromkeys(f, 1) for f, _ in featurized]
    y = np.array([pos for _, pos in examples])
    gated = np.array([event_type in present for _, present in featurized])
    folds = np.array([fold_of(text) for text, _ in examples])
    f1, c, t = _tune(feats, y, gated, folds, BETA)
    vec, model = _fit(feats, y, c, "liblinear")
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    tm = TypeModel(float(model.intercept_[0]), float(t), weights, "all")
    return tm, TypeReport(event_type, len(y), int(y.sum()), float(c), float(t), round(float(f1), 4),
                          len(weights))


def train(data_dir: str | Path = DEFAULT_DATA, out: str | Path = MODEL_PATH,
          sentences: str | Path = DEFAULT_SENTENCES, types: Sequence[str] | None = None) -> list[TypeReport]:
    """Train the 16 types (format 3) and write the weights file; returns what was chosen per type.

    ASSAULT and PROTEST learn from the GSR (F1-tuned, their format-1 features: adding the labelled
    sentences lowered their GSR held-out F1 to 0.63 / 0.31), the 14 others from the labelled
    sentences alone (F0.5-tuned). With `types`, only those are trained; the others are kept as they are
    in the file at `out`.
    """
    gsr = read_gsr(data_dir)
    labelled = read_sentences(sentences)
    models: dict[str, TypeModel] = {}
    reports: list[TypeReport] = []
    todo = PLOVER_TYPES
    old_meta: dict[str, object] = {}
    if types is not None:
        bad = [t for t in types if t.upper() not in PLOVER_TYPES]
        if bad:
            raise UsageError(f"not a PLOVER type: {bad[0]} (one of {', '.join(PLOVER_TYPES)})")
        todo = tuple(t for t in PLOVER_TYPES if t in {x.upper() for x in types})
        old = EventClassifier.load(out)
        if not old.all_cues:
            raise UsageError(f"{out}: a format-1 file; retrain all types instead of --types")
        models.update({t: m for t, m in old.models.items() if t not in todo})
        old_meta = old.meta
        old_reports = old_meta.get("reports")
        if isinstance(old_reports, list):
            reports += [TypeReport(**r) for r in old_reports
                        if isinstance(r, dict) and r.get("event_type") not in todo]
    for event_type in todo:
        if event_type in CLASSIFIED_TYPES:  # on the GSR with their own cue features (they scored
            tm, rep = train_type(gsr, event_type)  # better there than with the labelled sentences added)
            tm.features = "gsr"
        else:
            tm, rep = train_type_all(event_type, labelled)
        models[event_type] = tm
        reports.append(rep)
    reports.sort(key=lambda r: PLOVER_TYPES.index(r.event_type))
    meta: dict[str, object] = {
        "data": "rasd/training/data/event_sentences.jsonl (hand-labelled, 16 types); "
                "ASSAULT/PROTEST also openeventdata arabic_event_gsr (MIT)",
        "split": "sha1(text)[-4:] % 100 < 30 -> test", "features": "EVENT_CUES (16 types)",
        "reports": [rep.__dict__ for rep in reports]}
    if types is not None:
        meta["retrained"] = list(todo)
        if "retrained" in old_meta and isinstance(old_meta["retrained"], list):
            meta["retrained"] = sorted(set(old_meta["retrained"]) | set(todo))
    EventClassifier(models, meta).save(out)
    return reports


def train_gsr(data_dir: str | Path = DEFAULT_DATA, out: str | Path = MODEL_PATH) -> list[TypeReport]:
    """The format-1 ASSAULT / PROTEST classifier on the GSR alone (the previous shipped model)."""
    sentences = read_gsr(data_dir)
    models: dict[str, TypeModel] = {}
    reports: list[TypeReport] = []
    for event_type in CLASSIFIED_TYPES:
        tm, rep = train_type(sentences, event_type)
        tm.features = "gsr"
        models[event_type] = tm
        reports.append(rep)
    meta: dict[str, object] = {
        "data": "openeventdata arabic_event_gsr (MIT)", "split": "sha1(text)[-4:] % 100 < 30 -> test",
        "reports": [rep.__dict__ for rep in reports]}
    # a model with word-vector evidence needs format 3; its gates are the same ASSAULT / PROTEST cues
    EventClassifier(models, meta, all_cues=any(m.dense is not None for m in models.values())).save(out)
    return reports


__all__ = [
    "AMBIGUOUS_POSITIVE", "DEFAULT_DATA", "DEFAULT_SENTENCES", "DENSE_SCALE", "LabelledSentence",
    "TypeReport", "WordVectors",
    "read_sentences", "train", "train_gsr", "train_type", "train_type_all", "train_type_votes",
]
