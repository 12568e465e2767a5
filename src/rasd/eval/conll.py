"""CoNLL-style NER files (`token TAG` per line) and the conlleval exact-span scorer (training and
`rasd eval ner`; the tagger itself needs only `rasd.extract.ner.bio`)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rasd.errors import InputError
from rasd.extract.ner.bio import spans


@dataclass(frozen=True)
class Sentence:
    """One sentence of a CoNLL file: tokens and their gold tags (same length)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def read_conll(path: str | Path) -> list[Sentence]:
    """Read `token TAG` lines with blank lines between sentences."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(p), f"cannot read CoNLL file: {e}") from e
    sentences: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            if toks:
                sentences.append(Sentence(tuple(toks), tuple(tags)))
                toks, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            raise InputError(str(p), f"line {n}: expected 'token TAG', got {line!r}")
        toks.append(parts[0])
        tags.append(parts[-1])
    if toks:
        sentences.append(Sentence(tuple(toks), tuple(tags)))
    return sentences


def write_conll(path: str | Path, sentences: Sequence[Sentence],
                predictions: Sequence[Sequence[str]] | None = None) -> None:
    """Write sentences back; with `predictions`, each line gets a third column."""
    out: list[str] = []
    for i, s in enumerate(sentences):
        pred = predictions[i] if predictions is not None else None
        for j, (tok, tag) in enumerate(zip(s.tokens, s.tags, strict=True)):
            out.append(f"{tok} {tag} {pred[j]}" if pred is not None else f"{tok} {tag}")
        out.append("")
    Path(path).write_text("\n".join(out), encoding="utf-8")


@dataclass
class Score:
    """Entity-level counts per type with precision, recall and F1."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        g = set(spans(gold))
        p = set(spans(pred))
        for _, _, t in g & p:
            self.tp[t] += 1
        for _, _, t in p - g:
            self.fp[t] += 1
        for _, _, t in g - p:
            self.fn[t] += 1

    def types(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def prf(self, etype: str | None = None) -> tuple[float, float, float]:
        """(precision, recall, F1) for one type, or micro-averaged over all when `etype` is None."""
        if etype is None:
            tp, fp, fn = (sum(c.values()) for c in (self.tp, self.fp, self.fn))
        else:
            tp, fp, fn = self.tp[etype], self.fp[etype], self.fn[etype]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Score:
    """Score predicted tag sequences against gold ones, sentence by sentence."""
    s = Score()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: {len(g)} gold vs {len(p)} predicted")
        s.add(g, p)
    return s
