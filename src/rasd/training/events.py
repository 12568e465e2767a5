"""Train the ASSAULT / PROTEST sentence classifier on the Arabic event GSR (build time: needs scikit-learn).

Data: `../shared/data/events/arabic_event_gsr/` (openeventdata, MIT). Labels: "yes" positive,
"easy no" and "difficult no" negative, "ambiguous" left out. Split by the SHA-1 of the sentence
text (`rasd.eval.gsr.split_of`): 30% test, held out and never looked at while tuning; the
regularization C and the decision threshold are tuned by 5-fold cross-validation inside the other
70% (folds from a second slice of the same hash, so the dev data are always carved from the 70%).
The final model is refit on the whole 70% and written as a weights file that inference reads
without scikit-learn.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import UsageError
from rasd.eval.gsr import GsrSentence, read_gsr, scored, split_of
from rasd.extract.events.classifier import MODEL_PATH, EventClassifier, TypeModel
from rasd.extract.events.features import sentence_features, tokenize
from rasd.lang.ar.plover import CLASSIFIED_TYPES

DEFAULT_DATA = Path("../shared/data/events/arabic_event_gsr")
FOLDS = 5
C_GRID: tuple[float, ...] = (0.005, 0.01, 0.02, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS: tuple[float, ...] = tuple(round(x, 2) for x in np.arange(0.15, 0.9, 0.05))
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


def fold_of(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[-12:-8], 16) % FOLDS


def featurize(s: GsrSentence) -> list[str]:
    return sentence_features([t.norm for t in tokenize(s.text)], s.text)


def _f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float(np.sum(y & pred))
    fp = float(np.sum(~y & pred))
    fn = float(np.sum(y & ~pred))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def _fit(feats: Sequence[dict[str, int]], y: np.ndarray, c: float) -> tuple[Any, Any]:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise UsageError("training needs scikit-learn: pip install 'rasd[build]'") from e
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y)
    return vec, model


def train_type(sentences: list[GsrSentence], event_type: str) -> tuple[TypeModel, TypeReport]:
    """Tune C and the threshold by cross-validation on the 70%, then refit on all of it."""
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


def train(data_dir: str | Path = DEFAULT_DATA, out: str | Path = MODEL_PATH) -> list[TypeReport]:
    """Train every classified type and write the weights file; returns what was chosen per type."""
    sentences = read_gsr(data_dir)
    models: dict[str, TypeModel] = {}
    reports: list[TypeReport] = []
    for event_type in CLASSIFIED_TYPES:
        tm, rep = train_type(sentences, event_type)
        models[event_type] = tm
        reports.append(rep)
    meta: dict[str, object] = {
        "data": "openeventdata arabic_event_gsr (MIT)", "split": "sha1(text)[-4:] % 100 < 30 -> test",
        "reports": [rep.__dict__ for rep in reports]}
    EventClassifier(models, meta).save(out)
    return reports


__all__ = ["DEFAULT_DATA", "TypeReport", "train", "train_type"]
