"""The library's front door: read inputs, build articles, run the pipeline."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd.errors import InputError
from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline
from rasd.readers import read_inputs
from rasd.text.clean import build_article


def extract(inputs: Iterable[str], *, published: str | None = None, source: str | None = None,
            pipeline: Pipeline | None = None) -> Iterator[Article | InputError]:
    """Yield one annotated article per input item, or an InputError for each input that failed.

    `published` and `source` fill in what an input does not carry; a value the input carries wins.
    """
    pipe = pipeline or Pipeline(DEFAULT_PIPELINE)
    for raw in read_inputs(inputs):
        if isinstance(raw, InputError):
            yield raw
            continue
        try:
            article = build_article(raw, published=published, source=source)
        except InputError as e:
            yield e
            continue
        yield pipe(article)
