"""Scoring event detection and actor spans on GSR-format sentences and on the hand-labelled
16-type sentences (`rasd eval events`)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from rasd.eval.gsr import GsrSentence
from rasd.extract.events.classifier import EventClassifier
from rasd.extract.events.features import main_stem, norm_token, tokenize
from rasd.extract.events.rules import cue_for, roles


@dataclass
class TypeScore:
    """Detection counts of one event type, and the actor-span overlap over its true positives."""

    event_type: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    actor_overlaps: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def actor_overlap(self) -> float | None:
        """Mean token F1 between the predicted actor span and the closest gold source actor."""
        return sum(self.actor_overlaps) / len(self.actor_overlaps) if self.actor_overlaps else None


def token_f1(pred: list[str], gold: list[str]) -> float:
    """Token-overlap F1 of two spans, comparing tokens without proclitics or diacritics."""
    p = [main_stem(norm_token(t)) for t in pred]
    g = [main_stem(norm_token(t)) for t in gold]
    common = sum(min(p.count(t), g.count(t)) for t in set(p))
    return 2 * common / (len(p) + len(g)) if common else 0.0


def predicted_actor(sentence: str, event_type: str) -> list[str]:
    """The actor-range tokens (original spelling) for the first cue of `event_type`, or []."""
    toks = tokenize(sentence)
    cue = cue_for([t.norm for t in toks], event_type)
    if cue is None:
        return []
    a, b = roles(sentence, toks, cue).actor
    return [sentence[t.start:t.end] for t in toks[a:b]]


def evaluate(sentences: list[GsrSentence], classifier: EventClassifier) -> dict[str, TypeScore]:
    """Per-type detection scores of `classifier` on labelled sentences (ambiguous ones skipped)."""
    scores: dict[str, TypeScore] = {}
    for s in sentences:
        if s.label == "ambiguous" or s.event_type not in classifier.models:
            continue
        sc = scores.setdefault(s.event_type, TypeScore(s.event_type))
        toks = tokenize(s.text)
        hit = s.event_type in classifier.detect([t.norm for t in toks], s.text)
        if hit and s.positive:
            sc.tp += 1
            if s.actors:
                pred = predicted_actor(s.text, s.event_type)
                sc.actor_overlaps.append(max(token_f1(pred, g) for g in s.actors))
        elif hit:
            sc.fp += 1
        elif s.positive:
            sc.fn += 1
        else:
            sc.tn += 1
    return scores


class Labelled(Protocol):
    """A sentence with the event types it reports (`rasd.training.events.LabelledSentence`)."""

    @property
    def text(self) -> str: ...

    @property
    def events(self) -> frozenset[str]: ...


def evaluate_labelled(sentences: Iterable[Labelled], classifier: EventClassifier) -> dict[str, TypeScore]:
    """Per-type detection scores on multi-label sentences: every sentence counts for every type."""
    scores = {t: TypeScore(t) for t in classifier.models}
    for s in sentences:
        toks = [t.norm for t in tokenize(s.text)]
        hits = set(classifier.detect(toks, s.text))
        for t, sc in scores.items():
            hit, gold = t in hits, t in s.events
            if hit and gold:
                sc.tp += 1
            elif hit:
                sc.fp += 1
            elif gold:
                sc.fn += 1
            else:
                sc.tn += 1
    return scores


__all__ = ["Labelled", "TypeScore", "evaluate", "evaluate_labelled", "predicted_actor", "token_f1"]
