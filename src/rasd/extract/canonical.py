"""Matching keys, proclitic trimming and canonical names shared by the mentions of one entity."""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.lang.ar.clitics import NAME_CHAINS, PROCLITIC_INITIALS
from rasd.lang.ar.entities import PROCLITIC_LETTER_NAMES, SPAN_EDGE_CHARS
from rasd.lang.ar.letters import CONTROLS, DIACRITICS, TATWEEL
from rasd.text.normalize import name_key

# Characters a written proclitic may carry that its key drops (marks, tatweel, invisible controls).
_MARKS = frozenset(DIACRITICS + TATWEEL + CONTROLS)
_TANWEEN = frozenset("\u064b\u064c\u064d")

# The form names are compared in: `rasd.text.normalize.name_key` (no diacritics, tatweel or invisible
# characters, one alef, ي for ى, ه for ة, ASCII digits, single spaces).
match_key = name_key


def has_tanween(s: str) -> bool:
    """Indefinite case endings (صوراً) mark common nouns, never names."""
    return any(c in _TANWEEN for c in s)


# Proclitic chains in key form, longest first (the one table's `NAME_CHAINS`): conjunction (و ف), then
# preposition (ب ل ك); `لل` is ل + ال with the alef dropped, the article given back (للأمم -> الامم).
_CHAINS = NAME_CHAINS
_NAME_KEYS = frozenset(match_key(n) for n in PROCLITIC_LETTER_NAMES)
_PROCLITIC_INITIALS = PROCLITIC_INITIALS


@lru_cache(maxsize=1 << 16)
def proclitic_options(key: str) -> tuple[tuple[str, str], ...]:
    """Every (proclitic, rest-key) reading of one word key, longest proclitic first, rest >= 2 letters."""
    out: list[tuple[str, str]] = []
    if key[:1] in _PROCLITIC_INITIALS:
        for chain, restore in _CHAINS:
            if key.startswith(chain) and len(key) - len(chain) >= 2:
                out.append((chain, restore + key[len(chain):]))
    return tuple(out)


def choose_proclitic(key: str, known: Callable[[str], bool], seen: Collection[str] = frozenset(),
                     *, before_article: bool = True) -> tuple[str, str]:
    """The proclitic to trim from a name's first word and the name's key without it.

    A word that is itself a known name stays whole (واشنطن, بشار); a proclitic comes off when what
    is left is a known name or a word `seen` bare in the same article (لروسيا), when it sits before
    the article (بالعراق, والأردن, للأمم), or, for و (far more often the conjunction than a name's
    first letter), when three letters remain. `before_article=False` skips the article rule, for
    people: فاليري is a name, not ف + اليري.
    """
    if known(key) or key in _NAME_KEYS:
        return "", key
    options = proclitic_options(key)
    for chain, rest in options:
        if known(rest) or rest in seen:
            return chain, rest
    for chain, rest in options:
        if before_article and rest.startswith("ال") and len(rest) >= 5:  # ال + 3 letters: بالعراق
            return chain, rest
    if key.startswith("و") and len(key) >= 4:
        return "و", key[1:]
    return "", key


def strip_prefix_chars(surface: str, chain: str) -> int:
    """How many characters of `surface` the key-form proclitic `chain` covers (marks and tatweel too)."""
    i = 0
    for letter in chain:
        while i < len(surface) and surface[i] in _MARKS:
            i += 1
        if i >= len(surface) or match_key(surface[i]) != letter:
            return 0
        i += 1
    while i < len(surface) and (surface[i] in _MARKS or surface[i] in SPAN_EDGE_CHARS):
        i += 1
    return i


def trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink `[start, end)` past quotation marks, punctuation, tatweel and spaces at either edge."""
    while start < end and text[start] in SPAN_EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in SPAN_EDGE_CHARS:
        end -= 1
    return start, end


@dataclass
class Mention:
    """One entity mention while canonical names are worked out."""

    start: int
    end: int
    type: str
    text: str
    key: str  # match key, with ال given back after a trimmed لل
    canonical: str | None = None
    id: str | None = None


def assign_canonical(mentions: Sequence[Mention]) -> None:
    """Give every mention a canonical name shared with the other mentions of its entity.

    Known entities already carry theirs (from the lexicon). A person's shorter mention (a surname,
    or the last two words of a three-word name) takes the full name seen nearest before it, else the
    first one after it. Other mentions with equal keys share the first mention's display form.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    full_names = [m for m in ordered if m.type == "PER" and " " in m.key]
    by_key: dict[tuple[str, str], Mention] = {}
    for m in ordered:
        if m.canonical is None and m.type == "PER":
            full = _full_name(m, full_names)
            if full is not None:
                m.canonical = full.canonical or full.text
                m.id = m.id or full.id
        if m.canonical is None:
            first = by_key.setdefault((m.type, m.key), m)
            m.canonical = first.canonical or _display(first)
            m.id = m.id or first.id
        else:
            by_key.setdefault((m.type, m.key), m)


def _full_name(m: Mention, full_names: Sequence[Mention]) -> Mention | None:
    words = m.key.split()
    best: Mention | None = None
    for f in full_names:
        fw = f.key.split()
        if len(fw) <= len(words) or fw[-len(words):] != words:
            continue
        if f.start < m.start:
            best = f  # the nearest before wins
        elif best is None:
            return f
    return best


def _display(m: Mention) -> str:
    """The name as written, with the article given back after a trimmed لل (للأمم -> الأمم)."""
    if m.key.startswith("ال") and not match_key(m.text).startswith("ال"):
        return "ال" + m.text
    return m.text
