"""Stage registry and the default pipeline: a stage is a callable `Article -> Article` registered by name."""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator

from rasd.errors import UsageError
from rasd.model import Article

Stage = Callable[[Article], Article]

# name -> "module:attribute". The attribute is a stage, or a zero-argument factory marked with
# `factory = True` that builds the stage once per process (models load there, not at import).
STAGES: dict[str, str] = {
    "sentences": "rasd.text.layer:sentences_stage",
    "dates": "rasd.text.dates:dates_stage",
    "entities": "rasd.extract.entities:entities_stage",
    "entities_accurate": "rasd.extract.entities:entities_accurate_stage",
    "places": "rasd.geo.places:places_stage",
    "quotes": "rasd.extract.quotes:quotes_stage",
    "counts": "rasd.extract.counts:counts_stage",
    "events": "rasd.extract.events.stage:events_stage",
    "category": "rasd.extract.category:category_stage",
}

# The default order. Later stages read what earlier ones added (quotes need entities, counts need
# places and dates, events need all of them).
DEFAULT_PIPELINE: tuple[str, ...] = (
    "sentences",
    "dates",
    "entities",
    "places",
    "quotes",
    "counts",
    "events",
    "category",
)


def load_stage(name: str) -> Stage:
    """Import and build the stage registered as `name`."""
    if name not in STAGES:
        raise UsageError(f"unknown stage {name!r} (known: {', '.join(sorted(STAGES))})")
    module_name, _, attr = STAGES[name].partition(":")
    obj = getattr(importlib.import_module(module_name), attr)
    if getattr(obj, "factory", False):
        return obj()  # type: ignore[no-any-return]
    return obj  # type: ignore[no-any-return]


class Pipeline:
    """An ordered list of stages, built once and applied to many articles."""

    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE) -> None:
        self.names = tuple(names)
        self.stages = [load_stage(n) for n in self.names]

    def __call__(self, article: Article) -> Article:
        for name, stage in zip(self.names, self.stages, strict=True):
            try:
                article = stage(article)
            except Exception as e:  # noqa: BLE001 - one article's failure must not stop a batch
                article.warnings.append(f"stage {name} failed: {type(e).__name__}: {e}")
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            yield self(a)
