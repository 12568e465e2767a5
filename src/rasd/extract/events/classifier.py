"""The PLOVER sentence classifier at run time: logistic-regression weights from a shipped file.

One model per event type; a sentence is scored for a type only when it holds one of the type's cue
words. Inference is a sum of feature weights (pure Python over a dict), so `rasd extract` needs
neither scikit-learn nor any download; `rasd train events` (rasd.training.events) writes the
weights file. Format 1 holds ASSAULT and PROTEST with the ASSAULT / PROTEST cue features; format 2
holds any of the 16 types, with the cue features of all 16 (`features.EVENT_CUES`).
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
from rasd.extract.events.features import CLASSIFIER_CUES, EVENT_CUES, Lexicon, sentence_features

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "events_classifier.json.gz"
FORMAT = "rasd-events-lr/2"
FORMATS = ("rasd-events-lr/1", FORMAT)


@dataclass
class TypeModel:
    """Weights of one event type: P(type) = sigmoid(bias + sum of the present features' weights)."""

    bias: float
    threshold: float
    weights: dict[str, float]
    features: str = "all"  # "all": cue features of the 16 types; "gsr": of ASSAULT / PROTEST (format 1)

    def probability(self, feats: list[str]) -> float:
        w = self.weights
        # fsum is exact, so the result does not depend on the set's (hash-seeded) iteration order
        z = self.bias + math.fsum(w.get(f, 0.0) for f in set(feats))
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
        fmt1 = data["format"] != FORMAT
        models = {t: TypeModel(float(m["bias"]), float(m["threshold"]),
                               {k: float(v) for k, v in m["weights"].items()},
                               "gsr" if fmt1 else str(m.get("features", "all")))
                  for t, m in data["types"].items()}
        return cls(models, data.get("meta") or {}, all_cues=data["format"] == FORMAT)

    @classmethod
    def default(cls) -> EventClassifier:
        """The shipped classifier, loaded once per process (thread-safe, through rasd.resources)."""
        return resources.load("models/events_classifier.json.gz", cls.load)

    def save(self, path: str | Path) -> None:
        data = {"format": FORMAT if self.all_cues else FORMATS[0], "meta": self.meta,
                "types": {t: {"bias": round(m.bias, 6), "threshold": round(m.threshold, 4),
                              **({"features": m.features} if self.all_cues else {}),
                              "weights": {k: round(v, 5) for k, v in sorted(m.weights.items())}}
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
                if f is None:
                    lex = EVENT_CUES if m.features == "all" else None
                    f = feats[m.features] = sentence_features(toks, raw, lex)
                out[t] = m.probability(f)
        return out

    def detect(self, toks: list[str], raw: str = "", present: Collection[str] | None = None) -> list[str]:
        """The classified types this sentence reports (probability at or over the tuned threshold)."""
        return [t for t, p in self.probabilities(toks, raw, present).items() if p >= self.models[t].threshold]


__all__ = ["EventClassifier", "MODEL_PATH", "TypeModel"]
