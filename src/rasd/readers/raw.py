"""The raw document a reader yields: fields as found in the input, before cleaning builds the article."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawDocument:
    """What one input item carries. `body` is the main text, paragraphs separated by newlines."""

    origin: str  # path of the input, plus '::member' / '#n' for items inside containers
    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    category: str | None = None
    author: str | None = None
    doc_id: str | None = None
    fmt: str = "text"  # text, sgml, json, html, feed
