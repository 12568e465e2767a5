"""rasd (رصد): turns Arabic news articles into structured, auditable records."""
from __future__ import annotations

from rasd.model import Article, Count, DateMention, Entity, Event, Place, PlaceRef, Quote, Removed

__version__ = "0.1.0"

__all__ = [
    "Article", "Count", "DateMention", "Entity", "Event", "Place", "PlaceRef", "Quote", "Removed",
    "__version__",
]
