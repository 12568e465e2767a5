"""The article model: one typed record that flows through every stage and serializes to the SPEC record.

Loading is tolerant, as SPEC §2 asks ("Readers keep keys they do not know"): a key this code does not
know, at the top level or inside an entity, place, date, quote, count, event or place reference, is
kept in that item's `extra` and written back by `to_dict` after the known keys, so a record made by
newer code survives `Article.from_dict(record).to_dict() == record` unchanged. A kind outside the
allowed values below (a newer entity type, count kind…) is kept as well and reported: `validate()`
lists it, and `from_dict` issues a `RecordWarning` (a warning, not a failure).
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal, TypeVar, get_args

from rasd.errors import RecordWarning

# The record's schema version: bumped on breaking record changes (SPEC §2 `schema`).
SCHEMA = 1

# The allowed values of the typed kinds (SPEC §2), in one place; the tuples below derive from them.
EntityType = Literal["PER", "LOC", "ORG", "MISC"]
PlaceKind = Literal["country", "admin1", "admin2", "city", "village", "region", "facility"]
CountKind = Literal["killed", "injured", "arrested", "kidnapped", "missing", "displaced", "strikes",
                    "violations", "attackers", "other"]
Qualifier = Literal["exact", "at-least", "more-than", "about"]
EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
COUNT_KINDS: tuple[str, ...] = get_args(CountKind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


@dataclass
class Removed:
    """A piece of the source body that cleaning took out, with the rule that took it."""

    text: str
    reason: str
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Entity:
    text: str
    type: EntityType
    start: int
    end: int
    canonical: str | None = None
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str
    name_en: str | None = None
    kind: PlaceKind | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class PlaceRef:
    """A resolved location attached to a count or an event (no span of its own)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: str
    value_end: str | None = None
    calendar: str = "gregorian"
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


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
    # The body that relayed the words (`نقلت وكالة الأناضول عن الخارجية …`: via `وكالة الأناضول`).
    via: str | None = None
    # How likely the quote and its speaker are right, in [0, 1] (`rasd.extract.quotes.confidence`).
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Count:
    kind: CountKind
    count: int
    qualifier: Qualifier
    text: str
    start: int
    end: int
    object: str | None = None
    place: PlaceRef | None = None
    date: str | None = None
    # Who gives the figure (`قال الهلال الأحمر`, `بحسب وزارة الصحة`): the entity's canonical name;
    # None when the outlet states it itself.
    claimed_by: str | None = None
    # How sure the counts stage is of this figure, in [0, 1] (`rasd.extract.counts.CONFIDENCE_THRESHOLD`).
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Event:
    """A PLOVER event. `modality` is `asserted`, `claimed` or `denied` (planned and hypothetical actions
    are not events and are not recorded); `negated` is kept for compatibility and is true exactly when
    the modality is `denied`. `confidence` is the classifier's probability, None for rule events."""

    type: EventType
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
    modality: str = "asserted"
    confidence: float | None = None
    # [start, end] of every sentence that reports this event, in text order, its own span included
    # (mentions of one event in an article are merged into one event: `extract/events/merge.py`)
    mentions: list[list[int]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


Item = TypeVar("Item", Removed, Entity, Place, PlaceRef, DateMention, Quote, Count, Event)

_FIELDS: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """The record keys of a dataclass: its fields but `extra` (cached per class)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls) if f.name != "extra")
    return names


def _value(v: Any) -> Any:
    """A JSON-ready copy of a field value (lists and dicts copied, nested items dumped)."""
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, tuple):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    if hasattr(v, "__dataclass_fields__"):
        return _dump(v)
    return v


def _dump(item: Any) -> dict[str, Any]:
    """An item's record: its known keys in field order, then the unknown keys it was loaded with."""
    d = {k: _value(getattr(item, k)) for k in _names(type(item))}
    for k, v in item.extra.items():
        d.setdefault(k, _value(v))
    return d


def _load(cls: type[Item], d: dict[str, Any], **nested: Any) -> Item:
    """Build `cls` from its record; keys `cls` does not know go to `extra`; `nested` overrides."""
    if not isinstance(d, dict):
        raise TypeError(f"a {cls.__name__} record must be an object, not {type(d).__name__}")
    known = _names(cls)
    kwargs = {k: v for k, v in d.items() if k in known}
    kwargs.update(nested)
    extra = {k: v for k, v in d.items() if k not in known}
    return cls(**kwargs, extra=extra)


def _place_ref(p: dict[str, Any] | None) -> PlaceRef | None:
    return _load(PlaceRef, p) if p else None


@dataclass
class Article:
    """One news article. `text` is frozen once the article is built; stages only add annotations.

    Fields before `entities` are the SPEC record's metadata; `sentences` is an internal annotation
    (code-point spans into `text`) that is not part of the record. `schema` and `pipeline` say which
    record version and which pipeline (its fingerprint, `rasd.pipeline`) made the record; `story` is
    set by the store only and left out of the record while it is None. Unknown keys of a loaded record
    are kept in `extra` (see the module docstring).
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
    # The place the report is filed from (`دمشق-سانا`, `بيروت - (رويترز)` at the start of the body).
    dateline: Place | None = None
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: int = SCHEMA
    pipeline: str | None = None
    story: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list, compare=False, repr=False)
    # The per-article text layer (`rasd.text.layer.TextLayer`: words, keys, sentences computed once);
    # internal, never part of the record or of equality.
    layer: Any = field(default=None, compare=False, repr=False)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    RECORD_KEYS: ClassVar[tuple[str, ...]] = (
        "id", "source", "url", "title", "published", "category", "language", "author", "dateline",
        "text",
        "removed", "entities", "places", "dates", "quotes", "counts", "events", "warnings",
        "schema", "pipeline",
    )
    # Written only when set (the store sets it).
    OPTIONAL_KEYS: ClassVar[tuple[str, ...]] = ("story",)

    def to_dict(self) -> dict[str, Any]:
        """The SPEC record, as plain JSON-ready values, in the SPEC's key order, then unknown keys."""
        d = {k: _value(getattr(self, k)) for k in self.RECORD_KEYS}
        for k in self.OPTIONAL_KEYS:
            if getattr(self, k) is not None:
                d[k] = getattr(self, k)
        for k, v in self.extra.items():
            d.setdefault(k, _value(v))
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an article from its record (the inverse of `to_dict`).

        Unknown keys are kept (top level and nested); a kind outside the allowed values is kept and
        reported with a `RecordWarning`. A missing required key (`id`, `text`, `title`, a span's
        `start`…) raises TypeError or KeyError.
        """
        lists = {
            "removed": [_load(Removed, r) for r in d.get("removed") or []],
            "entities": [_load(Entity, e) for e in d.get("entities") or []],
            "places": [_load(Place, p) for p in d.get("places") or []],
            "dates": [_load(DateMention, x) for x in d.get("dates") or []],
            "quotes": [_load(Quote, q) for q in d.get("quotes") or []],
            "counts": [_load(Count, c, place=_place_ref(c.get("place"))) for c in d.get("counts") or []],
            "events": [_load(Event, e, place=_place_ref(e.get("place"))) for e in d.get("events") or []],
        }
        meta: dict[str, Any] = {k: d[k] for k in ("source", "url", "published", "category", "author",
                                                  "pipeline", "story") if k in d}
        if d.get("dateline"):
            meta["dateline"] = _load(Place, d["dateline"])
        known = {f.name for f in fields(cls)} - {"sentences", "extra", "layer"}
        art = cls(id=d["id"], text=d["text"], title=d["title"], language=d.get("language", "ar"),
                  warnings=list(d.get("warnings") or []), schema=d.get("schema", SCHEMA),
                  **meta, **lists,  # type: ignore[arg-type]
                  extra={k: v for k, v in d.items() if k not in known})
        problems = art.validate()
        if problems:
            warnings.warn(f"record {art.id}: " + "; ".join(problems[:5])
                          + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""),
                          RecordWarning, stacklevel=2)
        return art

    def spans(self) -> list[tuple[str, int, int, str]]:
        """Every (kind, start, end, text) span the record holds, for offset checks."""
        out: list[tuple[str, int, int, str]] = []
        for name in ("entities", "places", "dates", "quotes", "counts", "events"):
            for item in getattr(self, name):
                out.append((name, item.start, item.end, item.text))
        if self.dateline is not None:
            out.append(("dateline", self.dateline.start, self.dateline.end, self.dateline.text))
        for q in self.quotes:
            if q.speaker_start is not None and q.speaker_end is not None and q.speaker is not None:
                out.append(("speaker", q.speaker_start, q.speaker_end, q.speaker))
        return out

    def bad_spans(self) -> list[str]:
        """Spans that break the offset rule (empty when all hold): out of bounds (start < 0,
        end > len(text), start > end) or `text[start:end] != span.text`."""
        n = len(self.text)
        out: list[str] = []
        for k, s, e, t in self.spans():
            if not (isinstance(s, int) and isinstance(e, int)) or s < 0 or e > n or s > e:
                out.append(f"{k}: [{s}:{e}] out of bounds (text has {n} code points) for {t!r}")
            elif self.text[s:e] != t:
                out.append(f"{k}: text[{s}:{e}]={self.text[s:e]!r} != {t!r}")
        return out

    def validate(self) -> list[str]:
        """Values outside the allowed kinds (SPEC §2), one line each (empty when all are allowed)."""
        out: list[str] = []

        def check(what: str, value: object, allowed: tuple[str, ...], optional: bool = False) -> None:
            if (value is None and optional) or value in allowed:
                return
            out.append(f"{what} {value!r} is not one of {', '.join(allowed)}")

        for e in self.entities:
            check("entity type", e.type, ENTITY_TYPES)
        for p in self.places:
            check("place kind", p.kind, PLACE_KINDS, optional=True)
        for c in self.counts:
            check("count kind", c.kind, COUNT_KINDS)
            check("count qualifier", c.qualifier, QUALIFIERS)
        for ev in self.events:
            check("event type", ev.type, EVENT_TYPES)
            for kind in ev.counts:
                check("event count kind", kind, COUNT_KINDS)
        if not isinstance(self.schema, int) or isinstance(self.schema, bool):
            out.append(f"schema {self.schema!r} is not an integer")
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence span holding offset `pos` (the whole text when sentences are not split)."""
        for s, e in self.sentences:
            if s <= pos < e:
                return (s, e)
        return (0, len(self.text))


__all__ = [
    "COUNT_KINDS", "ENTITY_TYPES", "EVENT_TYPES", "PLACE_KINDS", "QUALIFIERS", "SCHEMA", "Article",
    "Count", "CountKind", "DateMention", "Entity", "EntityType", "Event", "EventType", "Place",
    "PlaceKind", "PlaceRef", "Qualifier", "Quote", "Removed",
]
