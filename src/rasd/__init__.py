"""rasd (رصد): turns Arabic news articles into structured, auditable records.

The public API (pinned by tests/test_api.py):

    read(inputs, *, published=None, source=None)   -> Article | InputError per item (no stages)
    load_pipeline(*, ner="fast", stages=None)       -> Pipeline (callable; .pipe, .config, .fingerprint)
    extract(inputs, *, published=None, source=None, pipeline=None, ner="fast")
    Article.to_dict() / Article.from_dict(record), the record types, the errors, __version__
"""
from __future__ import annotations

__version__ = "0.1.0"

from rasd.api import extract, load_pipeline, read  # noqa: E402 - after __version__, which pipeline reads
from rasd.errors import InputError, ModelError, RasdError, RecordWarning, UsageError  # noqa: E402
from rasd.model import (  # noqa: E402
    SCHEMA,
    Article,
    Count,
    DateMention,
    Entity,
    Event,
    Place,
    PlaceRef,
    Quote,
    Removed,
)
from rasd.pipeline import Pipeline, PipelineConfig  # noqa: E402
from rasd.readers.raw import SkippedItem  # noqa: E402

__all__ = [
    "SCHEMA", "Article", "Count", "DateMention", "Entity", "Event", "InputError", "ModelError", "Pipeline",
    "PipelineConfig", "Place", "PlaceRef", "Quote", "RasdError", "RecordWarning", "Removed", "SkippedItem",
    "UsageError",
    "__version__", "extract", "load_pipeline", "read",
]
