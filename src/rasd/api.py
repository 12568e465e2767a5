"""The library's front door: read inputs, build the pipeline, extract records.

    rasd.read(inputs)                 Article (read and cleaned, no stages) or InputError, per item
    rasd.load_pipeline(ner="fast")    a Pipeline: callable Article -> Article, .pipe(), .config, .fingerprint
    rasd.extract(inputs)              read + the pipeline: annotated Article or InputError, per item
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from rasd.errors import InputError
from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline, StageArg, build_pipeline
from rasd.readers import read_inputs
from rasd.readers.article import build_article
from rasd.readers.raw import SkippedItem

__all__ = ["InputError", "SkippedItem", "articles", "extract", "load_pipeline", "read"]


def read(inputs: Iterable[str] | str, *, published: str | None = None, source: str | None = None,
         stdin: IO[bytes] | None = None) -> Iterator[Article | InputError]:
    """Read and clean: one Article per input item (no pipeline stages), or an InputError.

    `inputs` are paths (files, directories, archives) or `-` for standard input (`stdin`, when given,
    is read instead). A SkippedItem (an InputError) stands for an item that was read but is empty.
    """
    if isinstance(inputs, str):
        inputs = [inputs]
    for raw in read_inputs(inputs, stdin=stdin):
        if isinstance(raw, InputError):
            yield raw
            continue
        try:
            yield build_article(raw, published=published, source=source)
        except InputError as e:
            yield e


# The earlier name of `read`.
articles = read


def load_pipeline(*, ner: str = "fast", stages: Sequence[StageArg] | None = None) -> Pipeline:
    """The pipeline of `stages` (default: every stage, in order) with the `ner` tagger ("fast" or
    "accurate") in its entities stage. Raises UsageError for a bad name or option, ModelError when a
    stage cannot be loaded."""
    return build_pipeline(DEFAULT_PIPELINE if stages is None else stages, ner=ner)


def extract(inputs: Iterable[str] | str, *, published: str | None = None, source: str | None = None,
            pipeline: Pipeline | None = None, stdin: IO[bytes] | None = None, ner: str = "fast"
            ) -> Iterator[Article | InputError]:
    """Yield one annotated article per input item, or an InputError for each input that failed.

    `published` and `source` fill in what an input does not carry; a value the input carries wins.
    Without a `pipeline`, `load_pipeline(ner=ner)` runs. Raises ModelError when a pipeline stage
    cannot be loaded, UsageError for an unknown `ner`.
    """
    if pipeline is None:
        pipeline = load_pipeline(ner=ner)
    for item in read(inputs, published=published, source=source, stdin=stdin):
        yield item if isinstance(item, InputError) else pipeline(item)
