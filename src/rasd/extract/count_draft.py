"""The count draft shared by the counts finder and the attachment step (kept apart so neither imports
the other: `counts` -> `count_attach` -> `count_draft`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Draft:
    """A count before its place and date are attached."""

    kind: str
    count: int
    qualifier: str
    start: int
    end: int
    object: str | None = None
    named: bool = False  # a single victim named by a PER entity or rank + name


__all__ = ["Draft"]
