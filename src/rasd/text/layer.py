"""The per-article text layer: the rule stages' words (with their keys and proclitic readings) and the
sentence spans, computed once per article and shared by every stage that reads them.

The layer hangs on the article (`Article.layer`, an internal field outside the record and equality)
and is rebuilt only when missing or built for another text. Nothing here is global, so threads that
work on different articles cannot see each other's words (the old module-level "last text" cache of
`wordscan.words` could hand one article another's words and offsets under a thread pool).
"""
from __future__ import annotations

from typing import Any

from rasd.lang.ar.clitics import best_chain
from rasd.model import Article
from rasd.text.sentences import split_sentences
from rasd.text.tokens import Word, scan_words


class TextLayer:
    """Words, their proclitic-free keys and sentence spans of one text, each computed once on demand."""

    __slots__ = ("text", "words", "_stems", "_sentences")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[Word] = scan_words(text)
        self._stems: list[str] | None = None
        self._sentences: list[tuple[int, int]] | None = None

    def stems(self) -> list[str]:
        """Per word, its key without proclitics (`rasd.lang.ar.clitics.best_chain`: `وبالعراق` -> `عراق`)."""
        out = self._stems
        if out is None:
            out = self._stems = [w.key[len(best_chain(w.key)):] for w in self.words]
        return out

    def sentences(self) -> list[tuple[int, int]]:
        """The sentence spans of the text (`rasd.text.sentences.split_sentences`)."""
        out = self._sentences
        if out is None:
            out = self._sentences = split_sentences(self.text)
        return out

    def __deepcopy__(self, memo: dict[int, Any]) -> TextLayer:
        return self  # derived from the immutable text; `dataclasses.asdict` must not copy it

    def __reduce__(self) -> tuple[type[TextLayer], tuple[str]]:
        return (TextLayer, (self.text,))  # pickled as its text (rebuilt on the other side)


def text_layer(article: Article) -> TextLayer:
    """The article's text layer, built on first use (read once: safe when another thread replaces it)."""
    layer = article.layer
    if not isinstance(layer, TextLayer) or layer.text is not article.text:
        layer = TextLayer(article.text)
        article.layer = layer
    return layer


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """The article's sentences: those the `sentences` stage set, else the same splitter's, once."""
    return article.sentences or text_layer(article).sentences()


def sentences_stage(article: Article) -> Article:
    """Fill `article.sentences` with the sentence spans of `article.text`."""
    article.sentences = list(text_layer(article).sentences())
    return article


__all__ = ["TextLayer", "sentence_spans", "sentences_stage", "text_layer"]
