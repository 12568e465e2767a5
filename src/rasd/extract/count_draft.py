"""The count draft shared by the counts finder and the attachment step (kept apart so neither imports
the other: `counts` -> `count_attach` -> `count_draft`)."""
from __future__ import annotations

from dataclasses import dataclass, field


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
    # How the figure was read (`rasd.extract.counts.HOW_CONFIDENCE`): "figure" (a figure with its
    # kind word beside it), "verb-final", "subset", "ellipsis", "combined", "named", "victim", "bare",
    # "infection" (people infected, counted as `other`).
    how: str = "figure"
    hedged: bool = False  # a hedge or negation stands just before it (`قد تؤدي إلى مقتل العشرات`)
    parent: Draft | None = field(default=None, repr=False)  # the total a subset is part of


__all__ = ["Draft"]
