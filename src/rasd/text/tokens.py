"""Regex tokenization with code-point offsets, and proclitic splitting (و ف ب ل ك ال) for lookups.

The proclitic heuristic (`split_proclitics`), in order:

1. A word that is itself a known stem starting with a proclitic letter (`وزير`, `بلاد`, `فلسطين`,
   `لبنان`, `كان`...; table in `rasd.lang.ar.clitics`) is not cut.
2. Otherwise every written chain that the word starts with is a candidate: [و|ف] [ب|ك|ل] [ال], with
   ل + ال written لل. A candidate is kept when the rest is long enough: at least 3 letters after a
   chain ending in the article (so `الله`, `التي`, `الذي` keep their ال) and at least 3 letters
   after single letters (so `بين`, `بعد`, `لدى`, `كما` keep their first letter). A rest of digits
   (`و3`) or a tatweel right after the chain (`لـداعش`) is always a cut.
3. If a candidate's rest is a known stem (`ووزير` -> و + وزير, not وو + زير), the shortest such
   candidate wins; else the longest candidate wins (`والولايات` -> وال + ولايات).

`لل` is ambiguous: `للاتفاق` is ل + الاتفاق but `للاذقية` is ل + اللاذقية (the stem's own ل merges).
`split_proclitics` returns the literal cut; `lookup_keys` lists every reading for dictionary lookups.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from rasd.lang.ar.clitics import PROCLITIC_CHAINS, TATWEEL, best_chain
from rasd.lang.ar.letters import DIACRITICS
from rasd.text.normalize import Normalized, normalize, rule_key


class Token(NamedTuple):
    """One token: its text and code-point span in the tokenized string."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """True for letter tokens (not numbers or punctuation)."""
        return self.text[0].isalpha() or self.text[0] == TATWEEL

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


_MARKS = re.escape(DIACRITICS + TATWEEL)
# word: letters of any script with their marks and tatweel; number: digits (any script) with inner
# separators; anything else that is not a space is a one-character punctuation token.
TOKEN_RE = re.compile(
    rf"(?:[^\W\d_]+|[{_MARKS}]+)+"
    r"|\d+(?:[.,\u066B\u066C]\d+)*"
    r"|[^\s]"
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text` itself."""
    if end is None:
        end = len(text)
    new = tuple.__new__  # Token(...) through NamedTuple.__new__ costs a fifth more on long texts
    return [new(Token, (m.group(), m.start(), m.end())) for m in TOKEN_RE.finditer(text, start, end)]


# ---- the rule stages' words ---------------------------------------------------------------------
# A word is a run of letters/digits with its diacritics; every other non-space character is a
# one-character token (quote marks, colons and commas steer the quotes and counts stages).
WORD_RE = re.compile(r"[\w\u064b-\u0652\u0670]+|[^\w\s\u064b-\u0652\u0670]")


class Word(NamedTuple):
    """One token of the rule stages: its text, offsets into the article text and its `rule_key`."""

    text: str
    start: int
    end: int
    key: str


def scan_words(text: str) -> list[Word]:
    """Every token of `text`, in order, with its `rule_key` (a pure function: no cache, thread-safe;
    an article's words are computed once by `rasd.text.layer.text_layer`)."""
    new = tuple.__new__  # Word(...) without its NamedTuple.__new__ call
    return [new(Word, (g, m.start(), m.end(), rule_key(g)))
            for m in WORD_RE.finditer(text) for g in (m.group(),)]


def _best_chain(word: str) -> tuple[int, str]:
    """(length in `word` of the proclitic prefix, normalized chain)."""
    n = Normalized(word)

    def tatweel_after(chain: str) -> bool:
        return TATWEEL in word[n.orig(len(chain) - 1):n.orig(len(chain))]

    chain = best_chain(n.text, tatweel_after)
    return (n.orig(len(chain)), chain) if chain else (0, "")


def split_proclitics(word: str) -> tuple[str, str]:
    """(prefix, rest) with `prefix + rest == word`; prefix is "" when nothing should be cut.

    A bare proclitic with tatweel (`لـ` before `"داعش"`) comes back as (word, "").
    """
    stripped = word.rstrip(TATWEEL + DIACRITICS)
    if stripped != word and normalize(stripped) in PROCLITIC_CHAINS:
        return (word, "")
    cut, _ = _best_chain(word)
    return (word[:cut], word[cut:])


def strip_proclitics(word: str) -> str:
    """The word without its proclitics (see `split_proclitics`)."""
    return split_proclitics(word)[1]


def lookup_keys(word: str) -> list[str]:
    """Normalized keys to try in a dictionary, most literal first, without duplicates.

    The whole word, the rest after the chosen proclitics, and the readings the article chain allows:
    `للاذقية` -> [`للاذقيه`, `اذقيه`, `الاذقيه`, `لاذقيه`, `اللاذقيه`], `لروسيا` -> [`لروسيا`, `روسيا`],
    `بالعراق` -> [`بالعراق`, `عراق`, `العراق`].
    """
    key = normalize(word)
    out = [key]
    cut, chain = _best_chain(word)
    if cut:
        rest = key[len(chain):]
        out.append(rest)
        if chain.endswith("لل"):
            # ل + ال + stem; when the stem itself starts with ل, that ل merged into the لل.
            out += ["ال" + rest, "ل" + rest, "الل" + rest]
        elif chain.endswith("ال"):
            out.append("ال" + rest)
        else:
            # A single-letter chain before a stem: the stem may itself carry the article.
            pass
    seen: set[str] = set()
    return [k for k in out if not (k in seen or seen.add(k))]  # type: ignore[func-returns-value]


__all__ = [
    "TOKEN_RE", "WORD_RE", "Token", "Word", "lookup_keys", "scan_words", "split_proclitics",
    "strip_proclitics", "tokenize",
]
