"""Tokens, matching forms, cue lexicon matching and the sentence features of the event classifier.

The matching form is the frozen `rasd.text.normalize.events_key_v1`, not the rule stages' key, on
purpose: the shipped classifier's weights are keyed by these exact strings, so the features must not
change when the rule key evolves. Tokens keep code-point offsets into the original text.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from rasd.lang.ar.clitics import EVENTS_PROCLITICS_V1
from rasd.lang.ar.plover import (
    ASSAULT_CUES,
    NEGATION_CUES,
    PROTEST_CUES,
    RULE_CUES,
    WORD_CLASSES,
)
from rasd.text.normalize import events_key_v1

TOKEN_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
# Proclitics tried longest first; a stripped form must keep at least two letters. Frozen with the
# classifier: the one table's chains minus فك and فكال (see `rasd.lang.ar.clitics`).
PROCLITICS: tuple[str, ...] = EVENTS_PROCLITICS_V1
_DIGITS_RE = re.compile(r"^\d+$")
GAP = "~"  # in a multi-word cue: up to GAP_WORDS other words
GAP_WORDS = 3
GAP_ID = -1


class Tok(NamedTuple):
    """A token of the original text: `norm` is its matching form, `start`/`end` its offsets."""

    norm: str
    start: int
    end: int


_NORM_CACHE: dict[str, str] = {}
# Bounds of the per-word memos, so memory stays flat over a corpus. A full memo keeps what it holds (the
# frequent words come early in any corpus) and computes the others each time; clearing it instead made
# every word miss again, which slowed long runs by a fifth.
NORM_CACHE_WORDS = 50_000
CACHE_WORDS = 20_000


def norm_token(s: str) -> str:
    """The matching form of one word: the frozen `events_key_v1` (the classifier's features and the cue
    tables are written in it), memoized."""
    out = _NORM_CACHE.get(s)
    if out is None:
        out = events_key_v1(s)
        if len(_NORM_CACHE) < NORM_CACHE_WORDS:  # full: the words cached stay, the others are computed
            _NORM_CACHE[s] = out
    return out


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The matching forms of the words of `text[start:end]` (`tokenize` without offsets, faster)."""
    cache = _NORM_CACHE
    # One read of the memo per word (`get`, not `in` then `[]`): another thread may clear it between two.
    return [n if (n := cache.get(w)) is not None else norm_token(w)
            for w in TOKEN_RE.findall(text, start, len(text) if end is None else end)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Word tokens of `text[start:end]` with offsets into `text`."""
    stop = len(text) if end is None else end
    cache = _NORM_CACHE
    out = []
    for m in TOKEN_RE.finditer(text, start, stop):
        w = m.group()
        n = cache.get(w)
        out.append(Tok(norm_token(w) if n is None else n, m.start(), m.end()))
    return out


_STEMS_CACHE: dict[str, tuple[str, ...]] = {}


def stems(tok: str) -> tuple[str, ...]:
    """The token and each form left once a proclitic is taken off (longest proclitic first); memoized,
    as every cue table asks for the same words."""
    hit = _STEMS_CACHE.get(tok)
    if hit is not None:
        return hit
    out = [tok]
    for p in PROCLITICS:
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.append(tok[len(p):])
    hit = tuple(out)
    if len(_STEMS_CACHE) < NORM_CACHE_WORDS:
        _STEMS_CACHE[tok] = hit
    return hit


_STEM_CACHE: dict[str, str] = {}


def main_stem(tok: str) -> str:
    """The token without its longest proclitic (the token itself when none applies)."""
    out = _STEM_CACHE.get(tok)
    if out is not None:
        return out
    out = tok
    for p in PROCLITICS:
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            out = tok[len(p):]
            break
    if len(_STEM_CACHE) < CACHE_WORDS:
        _STEM_CACHE[tok] = out
    return out


_NONE: frozenset[int] = frozenset()

# Every lexicon's single-word keys in one pair of tables (key -> [(lexicon number, part ids)]), so a
# word is looked up once for all of them: `_word_ids(tok)` gives, per lexicon number, the ids it
# matches, memoized for up to WORD_IDS_WORDS words (most words match in no lexicon: one shared empty
# map). A lexicon built later adds its keys and clears the memo.
_LEXICON_NUMBERS = itertools.count()
_ALL_EXACT: dict[str, list[tuple[int, set[int]]]] = {}
_ALL_PREFIX: dict[str, list[tuple[int, set[int]]]] = {}
_ALL_PREFIX_LENS: list[int] = []
_NO_IDS: Mapping[int, frozenset[int]] = MappingProxyType({})
_WORD_IDS: dict[str, Mapping[int, frozenset[int]]] = {}
WORD_IDS_WORDS = 100_000


def _register(lex: Lexicon) -> int:
    """Add a lexicon's keys to the shared tables; its number."""
    n = next(_LEXICON_NUMBERS)
    for table, shared in ((lex._exact, _ALL_EXACT), (lex._prefix, _ALL_PREFIX)):
        for k, ids in table.items():
            shared.setdefault(k, []).append((n, ids))
    _ALL_PREFIX_LENS[:] = sorted({len(k) for k in _ALL_PREFIX if len(k) >= 2})
    _WORD_IDS.clear()
    return n


def _word_ids(tok: str) -> Mapping[int, frozenset[int]]:
    """Per lexicon number, the ids of the single-word keys that `tok` (or `tok` less a proclitic)
    matches: an exact key equal to a stem, or a prefix key (two letters or more) starting one."""
    hit = _WORD_IDS.get(tok)
    if hit is not None:
        return hit
    found: dict[int, set[int]] = {}
    for s in stems(tok):
        for n, ids in _ALL_EXACT.get(s, ()):
            found.setdefault(n, set()).update(ids)
        for size in _ALL_PREFIX_LENS:
            if size > len(s):
                break
            for n, ids in _ALL_PREFIX.get(s[:size], ()):
                found.setdefault(n, set()).update(ids)
    out = MappingProxyType({n: frozenset(v) for n, v in found.items()}) if found else _NO_IDS
    if len(_WORD_IDS) < WORD_IDS_WORDS:  # full: the words kept stay, the others are computed
        _WORD_IDS[tok] = out
    return out


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A lexicon entry found at tokens [i, j) of a token list."""

    label: str
    cue: str
    i: int
    j: int


class Lexicon:
    """Labelled cue patterns (see `rasd.lang.ar.plover`) compiled for fast token matching."""

    def __init__(self, entries: Mapping[str, Iterable[str]]) -> None:
        self._exact: dict[str, set[int]] = {}
        self._prefix: dict[str, set[int]] = {}
        self._parts: list[str] = []
        part_ids: dict[str, int] = {}
        # first part id -> [(label, cue, ids of the remaining parts)]
        self._entries: dict[int, list[tuple[str, str, tuple[int, ...]]]] = {}
        for label, cues in entries.items():
            for cue in cues:
                ids = []
                for part in cue.split():
                    if part == GAP:
                        ids.append(GAP_ID)
                        continue
                    if part not in part_ids:
                        part_ids[part] = len(self._parts)
                        self._parts.append(part)
                        table = self._prefix if part.endswith("*") else self._exact
                        table.setdefault(part.rstrip("*"), set()).add(part_ids[part])
                    ids.append(part_ids[part])
                self._entries.setdefault(ids[0], []).append((label, cue, tuple(ids[1:])))
        self._order: dict[str, int] = {}
        for cues in entries.values():
            for cue in cues:
                self._order.setdefault(cue, len(self._order))
        self._label_cache: dict[str, frozenset[str]] = {}
        self._number = _register(self)

    def part_ids(self, tok: str) -> frozenset[int]:
        """Ids of the single-word patterns that `tok` (or `tok` less a proclitic) matches."""
        return _word_ids(tok).get(self._number, _NONE)

    def labels(self, tok: str) -> frozenset[str]:
        """Labels of the one-word entries that `tok` matches (cached per token)."""
        hit = self._label_cache.get(tok)
        if hit is None:
            hit = frozenset(m.label for m in self.find([tok]))
            if len(self._label_cache) < CACHE_WORDS:
                self._label_cache[tok] = hit
        return hit

    def find(self, toks: list[str]) -> list[CueMatch]:
        """Every entry that matches at some position, longest match per (position, label)."""
        memo, number = _WORD_IDS, self._number
        ids = [(h if (h := memo.get(t)) is not None else _word_ids(t)).get(number, _NONE) for t in toks]
        out: list[CueMatch] = []
        for i, here in enumerate(ids):
            if not here:
                continue
            best: dict[str, CueMatch] = {}
            for pid in here:
                for label, cue, rest in self._entries.get(pid, ()):
                    j = _match_rest(ids, i + 1, rest)
                    if j < 0:
                        continue
                    old = best.get(label)
                    # a tie goes to the entry listed first (not to the set's iteration order)
                    if old is None or j > old.j or (j == old.j and self._order[cue] < self._order[old.cue]):
                        best[label] = CueMatch(label, cue, i, j)
            out.extend(best.values())
        return out



def _match_rest(ids: list[frozenset[int]], k: int, rest: tuple[int, ...]) -> int:
    """End index when the parts `rest` match from token k on (a gap skips up to GAP_WORDS), else -1."""
    if not rest:
        return k
    if rest[0] == GAP_ID:
        for skip in range(GAP_WORDS + 1):
            end = _match_rest(ids, k + skip, rest[1:])
            if end >= 0:
                return end
        return -1
    if k < len(ids) and rest[0] in ids[k]:
        return _match_rest(ids, k + 1, rest[1:])
    return -1


CLASSIFIER_CUES = Lexicon({"ASSAULT": ASSAULT_CUES, "PROTEST": PROTEST_CUES})
# The cues of all 16 PLOVER types: which types a sentence is scored for, and the 16-type cue features.
EVENT_CUES = Lexicon(RULE_CUES)
CLASS_LEXICON = Lexicon({**WORD_CLASSES, "NEG": NEGATION_CUES})


def word_class(tok: str) -> str | None:
    """The classifier's word class of a token (NUM for figures), or None."""
    if _DIGITS_RE.match(tok):
        return "NUM"
    found = CLASS_LEXICON.labels(tok)
    return min(found) if found else None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


def _verb_form(s: str) -> str:
    """A rough form of a cue word: present verb, past plural verb, participle/noun, or other."""
    if s.endswith("وا"):
        return "past-pl"
    if s[:1] in ("ي", "ت") and len(s) > 4:
        return "present"
    if s[:1] == "م":
        return "participle"
    if s.endswith(("ون", "ين")):
        return "plural"
    return "other"


def sentence_features(toks: list[str], raw: str = "", cues: Lexicon | None = None) -> list[str]:
    """Binary feature names of one sentence (its matching-form tokens and its raw text).

    `cues` is the lexicon whose matches give the cue features: the ASSAULT / PROTEST cues of the
    first classifier (the default) or `EVENT_CUES`, the cues of all 16 types.
    """
    feats: list[str] = []
    add = feats.append
    st = [main_stem(t) for t in toks]
    classes = [word_class(t) for t in toks]
    for t, s in zip(toks, st, strict=True):
        add("w=" + t)
        if s != t:
            add("s=" + s)
        if len(s) > 3:  # cheap morphology in place of character n-grams (cheaper, and scored better in CV)
            add("p=" + s[:3])
            add("x=" + s[-2:])
    for a, b in zip(st, st[1:], strict=False):
        add("b=" + a + "_" + b)
    for c in classes:
        if c:
            add("k=" + c)
    seq = [c or s for c, s in zip(classes, st, strict=True)]
    for a, b in zip(seq, seq[1:], strict=False):
        if a != b and (a.isupper() or b.isupper()):
            add("g=" + a + "_" + b)
    n = len(toks)
    add("len=" + _bucket(n, (8, 15, 25, 40, 60)))
    if "؟" in raw or "?" in raw:
        add("question")
    if "«" in raw or "\"" in raw or "“" in raw:
        add("quote")
    found = (CLASSIFIER_CUES if cues is None else cues).find(toks)
    counts: dict[str, int] = {}
    for m in found:
        lab = m.label
        counts[lab] = counts.get(lab, 0) + 1
        add("cue=" + lab + ":" + m.cue)
        add("form=" + lab + ":" + _verb_form(st[m.i]))
        if counts[lab] == 1:
            add("first=" + lab + ":" + _bucket(m.i, (0, 1, 3, 6, 12)))
            add("rel=" + lab + ":" + str(min(2, 3 * m.i // max(n, 1))))
        prev = classes[m.i - 1] if m.i > 0 else "BOS"
        add("prev=" + lab + ":" + (prev or st[m.i - 1]))
        nxt = classes[m.j] if m.j < n else "EOS"
        add("next=" + lab + ":" + (nxt or st[m.j]))
        window = classes[max(0, m.i - 3):m.i]
        if "NEG" in window:
            add("neg=" + lab)
        near = classes[max(0, m.i - 3):m.j + 3]
        if "NUM" in near or "NUMW" in near or "QTY" in near:
            add("num=" + lab)
        if "REPORT" in classes[:m.i]:
            add("reported=" + lab)
        if "FUT" in classes[max(0, m.i - 4):m.i]:
            add("modal=" + lab)
    for lab, k in counts.items():
        add("ncue=" + lab + ":" + _bucket(k, (1, 2, 4)))
    if not found:
        add("nocue")
    return feats


__all__ = [
    "CLASSIFIER_CUES", "EVENT_CUES", "CueMatch", "Lexicon", "Tok", "main_stem", "norm_token",
    "sentence_features", "stems", "tokenize", "word_class", "words",
]
