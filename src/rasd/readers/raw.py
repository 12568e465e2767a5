"""The raw document a reader yields: fields as found in the input, before cleaning builds the article."""
from __future__ import annotations

from dataclasses import dataclass, field

from rasd.errors import InputError


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
    # A weaker guess at the outlet (a feed's title, a page's site name): a source line in the body
    # wins over it, the --source option loses to it.
    source_hint: str | None = None
    notes: list[str] = field(default_factory=list)  # reader remarks that become record warnings


class SkippedItem(InputError):
    """An item that was read but holds nothing to extract (an empty article).

    It is reported like any InputError (`rasd: PATH#n: empty article, skipped`) but does not make
    `rasd extract` exit 1: the input itself was read and parsed.
    """
