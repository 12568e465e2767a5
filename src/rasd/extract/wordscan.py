"""Word scanning shared by the quotes and counts stages: words with offsets, a lookup key, sentence bounds.

The words and sentences come from the article's text layer (`rasd.text.layer`), computed once.
"""
from __future__ import annotations

from bisect import bisect_right

from rasd.model import Article
from rasd.text.layer import sentence_spans, text_layer
from rasd.text.normalize import rule_key
from rasd.text.tokens import Word, scan_words


def key(s: str) -> str:
    """The matching key of a word: `rasd.text.normalize.rule_key` (no diacritics, tatweel or invisible
    characters, alef forms -> ا, ى -> ي, ة -> ه, ASCII digits)."""
    return rule_key(s)


def words(text: str) -> list[Word]:
    """Every token of `text`, in order (a pure function; an article's words: `article_words`)."""
    return scan_words(text)


def article_words(article: Article) -> list[Word]:
    """The article's tokens, computed once per article by its text layer and shared by the stages."""
    return text_layer(article).words


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
    """The article's sentences (set by the `sentences` stage, else split once by the same splitter)."""
    return sorted(sentence_spans(article))


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


__all__ = [
    "Sentences", "Word", "article_words", "is_word", "key", "sentence_bounds", "strip_prefix", "words",
]
