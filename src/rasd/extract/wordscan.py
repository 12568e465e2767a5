"""Word scanning shared by the quotes and counts stages: words with offsets, a lookup key, sentence bounds."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rasd.model import Article

# A word is a run of letters/digits with its diacritics; every other non-space character is a
# one-character token (quote marks, colons and commas steer both stages).
WORD_RE = re.compile(r"[\w\u064b-\u0652\u0670]+|[^\w\s\u064b-\u0652\u0670]")
# One translation table drops diacritics and tatweel and folds letter variants and digits.
_FOLD = str.maketrans({**{chr(c): None for c in (*range(0x064B, 0x0653), 0x0670, 0x0640)},
                       "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                       "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6",
                       "٧": "7", "٨": "8", "٩": "9"})
# Sentence ends for the fallback splitter (used only when the `sentences` stage did not run).
_SENT_END_RE = re.compile(r"[.!?؟؛]+(?=\s|$)|\n")


class Word(NamedTuple):
    """One token: its text, offsets into the article text and its matching key."""

    text: str
    start: int
    end: int
    key: str


def key(s: str) -> str:
    """The matching key of a word: no diacritics or tatweel, alef forms -> ا, ى -> ي, ة -> ه."""
    return s.translate(_FOLD)


_last: tuple[str, list[Word]] = ("", [])
_new = tuple.__new__


def words(text: str, *, cache: bool = True) -> list[Word]:
    """Every token of `text`, in order (the last text's tokens are kept: stages run one after the
    other on the same article, so the second asks for the same text)."""
    global _last
    if _last[0] is text:
        return _last[1]
    out = [_new(Word, (g, m.start(), m.end(), g.translate(_FOLD)))  # Word(...) without its __new__ call
           for m in WORD_RE.finditer(text) for g in (m.group(),)]
    if cache:
        _last = (text, out)
    return out


def is_word(w: Word) -> bool:
    """A word: letters or digits once diacritics and tatweel are dropped (a lone `ـ` is a dash)."""
    return w.key[:1].isalnum()


def strip_prefix(k: str, prefixes: tuple[str, ...], *, min_rest: int = 2) -> list[str]:
    """`k` and what is left of it once one of `prefixes` is taken off (longest first)."""
    out = [k]
    for p in prefixes:
        if k.startswith(p) and len(k) - len(p) >= min_rest:
            out.append(k[len(p):])
    return out


def sentence_bounds(article: Article) -> list[tuple[int, int]]:
    """The article's sentences, or lines split at sentence-final punctuation when none are set."""
    if article.sentences:
        return sorted(article.sentences)
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END_RE.finditer(article.text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(article.text):
        out.append((start, len(article.text)))
    return out


class Sentences:
    """Fast lookup of the sentence that holds an offset."""

    def __init__(self, bounds: list[tuple[int, int]], length: int) -> None:
        self.bounds = bounds or [(0, length)]
        self.starts = [s for s, _ in self.bounds]

    def of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.bounds[0]
        return self.bounds[i]
