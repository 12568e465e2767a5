"""The article model: one typed record that flows through every stage and serializes to the SPEC record."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar


@dataclass
class Removed:
    """A piece of the source body that cleaning took out, with the rule that took it."""

    text: str
    reason: str


@dataclass
class Entity:
    text: str
    type: str  # PER, LOC, ORG, MISC
    start: int
    end: int
    canonical: str | None = None
    id: str | None = None


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str
    name_en: str | None = None
    kind: str | None = None  # country, admin1, admin2, city, village, region, facility
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass
class PlaceRef:
    """A resolved location attached to a count or an event (no span of its own)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: str
    value_end: str | None = None
    calendar: str = "gregorian"


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None
    speaker_title: str | None = None


@dataclass
class Count:
    kind: str
    count: int
    qualifier: str
    text: str
    start: int
    end: int
    object: str | None = None
    place: PlaceRef | None = None
    date: str | None = None


@dataclass
class Event:
    type: str
    text: str
    start: int
    end: int
    mode: str | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    place: PlaceRef | None = None
    date: str | None = None
    negated: bool = False
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Article:
    """One news article. `text` is frozen once the article is built; stages only add annotations.

    Fields before `entities` are the SPEC record's metadata; `sentences` is an internal annotation
    (code-point spans into `text`) that is not part of the record.
    """

    id: str
    text: str
    title: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    category: str | None = None
    language: str = "ar"
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list, compare=False, repr=False)
    # The per-article text layer (`rasd.text.layer.TextLayer`: words, keys, sentences computed once);
    # internal, never part of the record or of equality.
    layer: Any = field(default=None, compare=False, repr=False)

    RECORD_KEYS: ClassVar[tuple[str, ...]] = (
        "id", "source", "url", "title", "published", "category", "language", "author", "text",
        "removed", "entities", "places", "dates", "quotes", "counts", "events", "warnings",
    )

    def to_dict(self) -> dict[str, Any]:
        """The SPEC record, as plain JSON-ready values, in the SPEC's key order."""
        d = asdict(self)
        return {k: d[k] for k in self.RECORD_KEYS}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an article from its record (the inverse of `to_dict`)."""

        def place_ref(p: dict[str, Any] | None) -> PlaceRef | None:
            return PlaceRef(**p) if p else None

        return cls(
            id=d["id"], text=d["text"], title=d["title"], source=d.get("source"), url=d.get("url"),
            published=d.get("published"), category=d.get("category"), language=d.get("language", "ar"),
            author=d.get("author"),
            removed=[Removed(**r) for r in d.get("removed", [])],
            entities=[Entity(**e) for e in d.get("entities", [])],
            places=[Place(**p) for p in d.get("places", [])],
            dates=[DateMention(**x) for x in d.get("dates", [])],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            counts=[Count(**{**c, "place": place_ref(c.get("place"))}) for c in d.get("counts", [])],
            events=[Event(**{**e, "place": place_ref(e.get("place"))}) for e in d.get("events", [])],
            warnings=list(d.get("warnings", [])),
        )

    def spans(self) -> list[tuple[str, int, int, str]]:
        """Every (kind, start, end, text) span the record holds, for offset checks."""
        out: list[tuple[str, int, int, str]] = []
        for name in ("entities", "places", "dates", "quotes", "counts", "events"):
            for item in getattr(self, name):
                out.append((name, item.start, item.end, item.text))
        for q in self.quotes:
            if q.speaker_start is not None and q.speaker_end is not None and q.speaker is not None:
                out.append(("speaker", q.speaker_start, q.speaker_end, q.speaker))
        return out

    def bad_spans(self) -> list[str]:
        """Spans that break the offset rule `text[start:end] == span.text` (empty when all hold)."""
        return [f"{k}: text[{s}:{e}]={self.text[s:e]!r} != {t!r}"
                for k, s, e, t in self.spans() if self.text[s:e] != t]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence span holding offset `pos` (the whole text when sentences are not split)."""
        for s, e in self.sentences:
            if s <= pos < e:
                return (s, e)
        return (0, len(self.text))


__all__ = [
    "Article", "Count", "DateMention", "Entity", "Event", "Place", "PlaceRef", "Quote", "Removed",
]
