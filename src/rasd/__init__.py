"""rasd (رصد): turns Arabic news articles into structured, auditable records.

The public API (pinned by tests/test_api.py):

    read(inputs, *, published=None, source=None)   -> Article | InputError per item (no stages)
    load_pipeline(*, ner="fast", stages=None)       -> Pipeline (callable; .pipe, .config, .fingerprint)
    extract(inputs, *, published=None, source=None, pipeline=None, ner="fast")
    Article.to_dict() / Article.from_dict(record), the record types, the errors, __version__

`rasd.extract` is also the name of the subpackage of the extraction stages (`rasd/extract/`), and
Python binds a package's attribute to its subpackage when that is imported, so a plain function of
that name would be replaced by the module the first time a stage loads. Instead the subpackage itself
is made callable: `rasd.extract(inputs, ...)` runs `rasd.api.extract`, and `rasd.extract.entities`
stays the module it always was.
"""
from __future__ import annotations

import importlib
import inspect
import types
from typing import Any

from rasd import api
from rasd.api import load_pipeline, read
from rasd.errors import InputError, ModelError, RasdError, RecordWarning, UsageError
from rasd.model import (
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
from rasd.pipeline import Pipeline, PipelineConfig
from rasd.readers.raw import SkippedItem
from rasd.version import __version__


class _CallablePackage(types.ModuleType):
    """The `rasd.extract` subpackage, callable as `rasd.api.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return api.extract(*args, **kwargs)


extract = importlib.import_module("rasd.extract")
extract.__class__ = _CallablePackage
extract.__signature__ = inspect.signature(api.extract)  # type: ignore[attr-defined]

__all__ = [
    "SCHEMA", "Article", "Count", "DateMention", "Entity", "Event", "InputError", "ModelError", "Pipeline",
    "PipelineConfig", "Place", "PlaceRef", "Quote", "RasdError", "RecordWarning", "Removed", "SkippedItem",
    "UsageError",
    "__version__", "extract", "load_pipeline", "read",
]
