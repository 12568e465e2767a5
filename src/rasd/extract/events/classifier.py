"""The PLOVER sentence classifier at run time: logistic-regression weights from a shipped file.

One model per event type; a sentence is scored for a type only when it holds one of the type's cue
words. Inference is a sum of feature weights (pure Python over a dict), so `rasd extract` needs
neither scikit-learn nor any download; `rasd train events` (rasd.training.events) writes the
weights file. Format 1 holds ASSAULT and PROTEST with the ASSAULT / PROTEST cue features; format 2
holds any of the 16 types, with the cue features of all 16 (`features.EVENT_CUES`); format 3 adds, for
a type trained with them, word-vector evidence around the type's first cue (`DenseCue`).
"""
from __future__ import annotations

import gzip
import json
import math
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rasd import resources
from rasd.errors import ModelError
from rasd.extract.events.features import (
    CLASSIFIER_CUES,
    EVENT_CUES,
    TOKEN_RE,
    Lexicon,
    sentence_features,
)
from rasd.extract.ner.neural import word_keys

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "events_classifier.json.gz"
FORMAT = "rasd-events-lr/3"
FORMATS = ("rasd-events-lr/1", "rasd-events-lr/2", FORMAT)
DENSE_WINDOW = 3  # words each side of the anchoring cue whose vectors are averaged


def cue_window(toks: list[str], raw: str, lexicon: Lexicon, label: str,
               window: int = DENSE_WINDOW) -> tuple[str, list[str]] | None:
    """(the surface form of the first `label` cue, the surface words within `window` of it, the cue
    included), or None when the sentence holds no such cue or its words do not line up with `toks`."""
    first = next((m for m in lexicon.find(toks) if m.label == label), None)
    if first is None:
        return None
    surface = TOKEN_RE.findall(raw)
    if len(surface) != len(toks):
        return None
    i = first.i
    return surface[i], surface[max(0, i - window):i + window + 1]


@dataclass
class DenseCue:
    """Word-vector evidence around a type's first cue, folded into two scores per word.

    Training adds, beside the sparse features, the unit word vector of the cue and the mean unit vector
    of the words around it (scaled by a constant); a linear model's part for them is then
    `cue_score(cue) + mean(window_score(w) for w in the window words that have a vector)`, so the file
    keeps the two scores of every vocabulary word instead of the vectors and the weights.
    """

    label: str
    scores: dict[str, tuple[float, float]]  # vocabulary word -> (cue score, window score)
    window: int = DENSE_WINDOW

    def __post_init__(self) -> None:
        self._memo: dict[str, tuple[float, float] | None] = {}

    def _lookup(self, word: str) -> tuple[float, float] | None:
        memo = self._memo
        if word in memo:
            return memo[word]
        norm, stem = word_keys(word)  # as the NER tagger looks up `models/ner_vectors.npz`
        hit = self.scores.get(norm)
        if hit is None:
            hit = self.scores.get(stem)
        if len(memo) < 50_000:  # full: the words memoized stay, the others are looked up each time
            memo[word] = hit
        return hit

    def score(self, toks: list[str], raw: str, lexicon: Lexicon) -> float:
        found = cue_window(toks, raw, lexicon, self.label, self.window)
        if found is None:
            return 0.0
        cue, near = found
        own = self._lookup(cue)
        total = own[0] if own is not None else 0.0
        around = [hit[1] for w in near if (hit := self._lookup(w)) is not None]
        if around:
            total += math.fsum(around) / len(around)
        return total


@dataclass
class TypeModel:
    """Weights of one event type: P(type) = sigmoid(bias + sum of the present features' weights)."""

    bias: float
    threshold: float
    weights: dict[str, float]
    features: str = "all"  # "all": cue features of the 16 types; "gsr": of ASSAULT / PROTEST (format 1)
    dense: DenseCue | None = None  # word-vector evidence around the cue (format 3), when trained with it

    def probability(self, feats: list[str], dense_score: float = 0.0) -> float:
        w = self.weights
        # fsum is exact, so the result does not depend on the set's (hash-seeded) iteration order
        z = self.bias + math.fsum(w.get(f, 0.0) for f in set(feats)) + dense_score
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class EventClassifier:
    """Scores sentences for the classified PLOVER types."""

    def __init__(self, models: dict[str, TypeModel], meta: dict[str, object] | None = None,
                 all_cues: bool = True) -> None:
        self.models = models
        self.meta = meta or {}
        self.all_cues = all_cues  # format 2: cue features and gates from the cues of all 16 types
        self.cues: Lexicon = EVENT_CUES if all_cues else CLASSIFIER_CUES

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> EventClassifier:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot load the event classifier {path}: {e}") from e
        if data.get("format") not in FORMATS:
            raise ModelError(f"{path}: not a {FORMAT} file")
        fmt1 = data["format"] == FORMATS[0]
        models = {t: TypeModel(float(m["bias"]), float(m["threshold"]),
                               {k: float(v) for k, v in m["weights"].items()},
                               "gsr" if fmt1 else str(m.get("features", "all")), _dense_of(t, m))
                  for t, m in data["types"].items()}
        return cls(models, data.get("meta") or {}, all_cues=not fmt1)

    @classmethod
    def default(cls) -> EventClassifier:
        """The shipped classifier, loaded once per process (thread-safe, through rasd.resources)."""
        return resources.load("models/events_classifier.json.gz", cls.load)

    def save(self, path: str | Path) -> None:
        if not self.all_cues and any(m.dense is not None for m in self.models.values()):
            raise ModelError("word-vector evidence needs format 3 (all_cues=True)")
        data = {"format": FORMAT if self.all_cues else FORMATS[0], "meta": self.meta,
                "types": {t: {"bias": round(m.bias, 6), "threshold": round(m.threshold, 4),
                              **({"features": m.features} if self.all_cues else {}),
                              "weights": {k: round(v, 5) for k, v in sorted(m.weights.items())},
                              **({"dense": {"label": m.dense.label, "window": m.dense.window,
                                            "scores": {k: [round(a, 5), round(b, 5)]
                                                       for k, (a, b) in sorted(m.dense.scores.items())}}}
                                 if m.dense is not None else {})}
                          for t, m in self.models.items()}}
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))

    def probabilities(self, toks: list[str], raw: str = "",
                      present: Collection[str] | None = None) -> dict[str, float]:
        """P(type) for each classified type whose cue words occur in the sentence (others are 0).

        `present` may name the types whose cues the caller has already found in the sentence.
        """
        if present is None:
            present = {m.label for m in self.cues.find(toks)}
        if not present:
            return {}
        feats: dict[str, list[str]] = {}
        out: dict[str, float] = {}
        for t, m in self.models.items():
            if t in present:
                f = feats.get(m.features)
                lex = EVENT_CUES if m.features == "all" else CLASSIFIER_CUES
                if f is None:
                    f = feats[m.features] = sentence_features(toks, raw, lex)
                out[t] = m.probability(f, 0.0 if m.dense is None else m.dense.score(toks, raw, lex))
        return out

    def detect(self, toks: list[str], raw: str = "", present: Collection[str] | None = None) -> list[str]:
        """The classified types this sentence reports (probability at or over the tuned threshold)."""
        return [t for t, p in self.probabilities(toks, raw, present).items() if p >= self.models[t].threshold]


def _dense_of(event_type: str, m: dict[str, object]) -> DenseCue | None:
    d = m.get("dense")
    if d is None:
        return None
    if not isinstance(d, dict) or not isinstance(d.get("scores"), dict):
        raise ModelError(f"{event_type}: malformed word-vector scores in the event classifier")
    return DenseCue(str(d.get("label", event_type)),
                    {k: (float(v[0]), float(v[1])) for k, v in d["scores"].items()},
                    int(d.get("window", DENSE_WINDOW)))


__all__ = ["DENSE_WINDOW", "DenseCue", "EventClassifier", "MODEL_PATH", "TypeModel", "cue_window"]
