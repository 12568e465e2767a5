"""Token features for the CRF tagger: word, normalized forms, affixes, stem, shape, clusters, lists."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rasd.extract.ner.lexicon import (
    LOC_CUES,
    NAME_PARTICLES,
    ORG_CUES,
    PER_CUES,
    PROCLITICS,
    SPEECH_CUES,
)
from rasd.text.normalize import ner_key_v1

_ARABIC = re.compile("^[\u0621-\u064a]+$")
_LATIN = re.compile("^[A-Za-z]+$")
_DIGITS = re.compile(r"^[0-9][0-9.,%]*$")
_HAS_DIGIT = re.compile("[0-9]")
_WORD = re.compile(r"\w")

# Cluster bit-string prefix lengths used as features (Brown-style granularity levels).
CLUSTER_PREFIXES: tuple[int, ...] = (4, 6, 8, 10, 12, 14)
# Bins per embedding dimension; only the two outer bins become features (the inner ones say little).
EMBED_BINS = 4


# The NER feature key is frozen (the shipped taggers were trained on it): see `ner_key_v1`.
normalize_word = ner_key_v1


def strip_proclitics(norm: str) -> tuple[str, str]:
    """Split a normalized word into (proclitics, stem), keeping a stem of at least two letters."""
    for p in PROCLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return p, norm[len(p):]
    return "", norm


def shape(word: str) -> str:
    if _ARABIC.match(word):
        return "ar"
    if _LATIN.match(word):
        return "Aa" if word[0].isupper() else "a"
    if _DIGITS.match(word):
        return "d"
    if not _WORD.search(word):
        return "p"
    return "mix"


@dataclass
class Resources:
    """Lookup tables the features use: word clusters and name lists (both keyed by normalized word)."""

    clusters: Mapping[str, str] = field(default_factory=dict)
    gazetteer: Mapping[str, str] = field(default_factory=dict)
    votes: Mapping[str, str] = field(default_factory=dict)  # stem -> "TYPE:bucket,..."
    embeddings: Mapping[str, str] = field(default_factory=dict)  # word -> one bin digit per dimension


@dataclass
class _WordFeats:
    own: list[str]
    ctx: list[list[str]]  # features for offsets -2, -1, +1, +2 (in that order)


_OFFSETS = (-2, -1, 1, 2)


class Featurizer:
    """Turns token lists into crfsuite attribute lists; per-word work is cached by surface form."""

    def __init__(self, resources: Resources | None = None, *, cache_size: int = 200_000) -> None:
        self.res = resources or Resources()
        self._cache: dict[str, _WordFeats] = {}
        self._cache_size = cache_size

    def _cluster(self, norm: str, stem: str) -> str:
        c = self.res.clusters.get(norm)
        if c is None:
            c = self.res.clusters.get(stem)
        return c or ""

    def _word(self, tok: str, *, keep: bool = True) -> _WordFeats:
        """The attributes of one word; `keep=False` leaves them out of the cache (for callers that
        cache something derived from them instead)."""
        wf = self._cache.get(tok)
        if wf is not None:
            return wf
        norm = normalize_word(tok)
        pc, stem = strip_proclitics(norm)
        sh = shape(tok)
        own = ["b", "w=" + norm, "st=" + stem, "pc=" + pc, "sh=" + sh]
        if tok != norm:
            own.append("raw=" + tok)
        n = len(norm)
        own.append("len=" + str(min(n, 8)))
        for k in (1, 2, 3, 4):
            if n > k:
                own.append(f"p{k}=" + norm[:k])
                own.append(f"s{k}=" + norm[-k:])
        for k in (2, 3):
            if len(stem) > k:
                own.append(f"sp{k}=" + stem[:k])
                own.append(f"ss{k}=" + stem[-k:])
        if _HAS_DIGIT.search(norm):
            own.append("hasdigit")
        ctx_base = ["w=" + norm, "st=" + stem, "sh=" + sh]
        cl = self._cluster(norm, stem)
        if cl:
            for k in CLUSTER_PREFIXES:
                own.append(f"c{k}=" + cl[:k])
            own.append("c=" + cl)
            ctx_base.append("c6=" + cl[:6])
            ctx_base.append("c10=" + cl[:10])
        else:
            own.append("c=none")
        if self.res.embeddings:
            e = self.res.embeddings.get(norm) or self.res.embeddings.get(stem)
            if e:
                top = str(EMBED_BINS - 1)
                own.extend(f"e{d}={b}" for d, b in enumerate(e) if b == "0" or b == top)
            else:
                own.append("e=none")
        g = self.res.gazetteer.get(norm) or self.res.gazetteer.get(stem)
        if g:
            for t in g.split(","):
                own.append("gz=" + t)
                ctx_base.append("gz=" + t)
        v = self.res.votes.get(stem)
        if v:
            for tb in v.split(","):
                own.append("v=" + tb[:-2])
                own.append("vb=" + tb)
                ctx_base.append("v=" + tb)
        else:
            own.append("v=none")
        for name, cues in (("org", ORG_CUES), ("per", PER_CUES), ("loc", LOC_CUES),
                           ("say", SPEECH_CUES), ("part", NAME_PARTICLES)):
            if norm in cues or stem in cues:
                own.append("cue=" + name)
                ctx_base.append("cue=" + name)
        ctx = [[f"{o}:{f}" for f in ctx_base] for o in _OFFSETS]
        wf = _WordFeats(own, ctx)
        if not keep:
            return wf
        if len(self._cache) < self._cache_size:  # full: it keeps what it holds, the others are computed
            self._cache[tok] = wf
        return wf

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attribute lists for each token of one sentence (window of two words either side)."""
        words = [self._word(t) for t in tokens]
        norms = [w.own[1][2:] for w in words]
        n = len(tokens)
        out: list[list[str]] = []
        for i, wf in enumerate(words):
            feats = list(wf.own)
            for j, o in enumerate(_OFFSETS):
                k = i + o
                if 0 <= k < n:
                    feats.extend(words[k].ctx[j])
                elif k == -1:
                    feats.append("BOS")
                elif k == n:
                    feats.append("EOS")
            if i > 0:
                feats.append("bg-=" + norms[i - 1] + "|" + norms[i])
            if i + 1 < n:
                feats.append("bg+=" + norms[i] + "|" + norms[i + 1])
            out.append(feats)
        return out


def document_features(featurizer: Featurizer, sentences: Sequence[Sequence[str]],
                      first_pass: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Second-pass features from first-pass tags over one document (label consistency).

    For each token: its own first-pass tag and its neighbours', and the tags the first pass gave the
    other occurrences of the same stem in the document (a name tagged once is usually a name again).
    """
    stems = [[featurizer._word(t).own[2][3:] for t in s] for s in sentences]
    seen: dict[str, dict[str, int]] = {}
    for ss, tags in zip(stems, first_pass, strict=True):
        for st, tag in zip(ss, tags, strict=True):
            if tag != "O" and len(st) > 1:
                d = seen.setdefault(st, {})
                d[tag] = d.get(tag, 0) + 1
    out: list[list[list[str]]] = []
    for ss, tags in zip(stems, first_pass, strict=True):
        n = len(tags)
        sent: list[list[str]] = []
        for i, (st, tag) in enumerate(zip(ss, tags, strict=True)):
            feats = ["p1=" + tag,
                     "p1-=" + (tags[i - 1] if i > 0 else "BOS"),
                     "p1+=" + (tags[i + 1] if i + 1 < n else "EOS")]
            others = seen.get(st)
            if others:
                for t, c in others.items():
                    if c - (t == tag) > 0:
                        feats.append("d=" + t)
                        feats.append("dt=" + t[2:])
            sent.append(feats)
        out.append(sent)
    return out
