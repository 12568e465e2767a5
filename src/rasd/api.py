"""The library's front door: read inputs, build articles, run the pipeline."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from rasd.errors import InputError, ModelError, UsageError
from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline
from rasd.readers import read_inputs
from rasd.readers.article import build_article
from rasd.readers.raw import SkippedItem

__all__ = ["InputError", "SkippedItem", "articles", "extract"]


def articles(inputs: Iterable[str], *, published: str | None = None, source: str | None = None,
             stdin: IO[bytes] | None = None) -> Iterator[Article | InputError]:
    """Read and clean: one Article per input item (no pipeline stages), or an InputError.

    A SkippedItem (an InputError) stands for an item that was read but is empty.
    """
    for raw in read_inputs(inputs, stdin=stdin):
        if isinstance(raw, InputError):
            yield raw
            continue
        try:
            yield build_article(raw, published=published, source=source)
        except InputError as e:
            yield e


def extract(inputs: Iterable[str], *, published: str | None = None, source: str | None = None,
            pipeline: Pipeline | None = None, stdin: IO[bytes] | None = None, ner: str = "fast"
            ) -> Iterator[Article | InputError]:
    """Yield one annotated article per input item, or an InputError for each input that failed.

    `published` and `source` fill in what an input does not carry; a value the input carries wins.
    Without a `pipeline`, the default one runs, its entities stage with the `ner` tagger ("fast" or
    "accurate"). Raises ModelError when a pipeline stage cannot be loaded.
    """
    if pipeline is None:
        if ner not in ("fast", "accurate"):
            raise UsageError(f"unknown NER mode {ner!r} (known: fast, accurate)")
        names = [("entities_accurate" if n == "entities" and ner == "accurate" else n)
                 for n in DEFAULT_PIPELINE]
        try:
            pipeline = Pipeline(names)
        except (ImportError, AttributeError) as e:
            raise ModelError(f"cannot load a pipeline stage: {e}") from e
    for item in articles(inputs, published=published, source=source, stdin=stdin):
        yield item if isinstance(item, InputError) else pipeline(item)
