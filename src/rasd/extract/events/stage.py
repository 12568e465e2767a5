"""The `events` stage: one PLOVER event record per (sentence, type), with actors, place, date and counts.

ASSAULT and PROTEST come from the trained sentence classifier, the 14 other types from the cue
rules of `rasd.lang.ar.plover`; with `classify_all=True` (and the shipped format-2 model) all 16
come from the classifier. Each event's modality comes from the words before its cue
(`rules.modality`): planned and hypothetical actions are dropped, denied ones kept with
`negated` true. Actor and recipient are the canonical names of the article's entities that fall
in the actor / recipient ranges around the cue (`rules.roles`); place, date and counts are the
article's own annotations that lie in the same sentence.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import cast

from rasd.extract.count_attach import title_end
from rasd.extract.events.arguments import arguments, sentence
from rasd.extract.events.classifier import EventClassifier
from rasd.extract.events.features import CueMatch, Tok, tokenize
from rasd.extract.events.features import words as sentence_words
from rasd.extract.events.merge import merge_mentions
from rasd.extract.events.rules import (
    RULES,
    cue_for,
    event_mode,
    is_negated,
    modality,
    reports_event,
    retype,
    rule_matches,
)
from rasd.lang.ar.plover import (
    CASUALTY_KINDS,
    CLASSIFIED_TYPES,
    COUNTED_TYPES,
    NAMING_CUES,
    STRONG_ASSAULT_CUES,
)
from rasd.model import Article, Entity, Event, EventType, Place, PlaceRef
from rasd.text.layer import sentence_spans

# Fallback sentence split when the `sentences` stage has not run: line breaks and full stops.
# How precise a place is: the most precise place of the sentence is the event's place (ACLED
# records the finest location reported).
PLACE_RANK: dict[str | None, int] = {
    "facility": 0, "village": 1, "city": 2, "admin2": 3, "region": 4, "admin1": 5, "country": 6, None: 7,
}


def _place_ref(place: Place) -> PlaceRef:
    try:  # the geo helper's builder, once it exists, keeps one PlaceRef shape across stages
        from rasd.geo.places import place_ref  # type: ignore[attr-defined]
    except ImportError:
        return PlaceRef(place.name, place.country, place.admin1, place.lat, place.lon)
    return place_ref(place)  # type: ignore[no-any-return]


def _token_range(toks: list[Tok], start: int, end: int) -> tuple[int, int]:
    """The token indices [i, j) covered by the character span [start, end)."""
    idx = [k for k, t in enumerate(toks) if t.start < end and t.end > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _names(ents: list[tuple[tuple[int, int], Entity]], rng: tuple[int, int]) -> list[str]:
    out: list[str] = []
    if rng[0] >= rng[1]:
        return out
    for (i, j), e in ents:
        if _overlaps((i, j), rng):
            name = e.canonical or e.text
            if name not in out:
                out.append(name)
    return out


class EventsStage:
    """Adds `article.events`; the classifier is injected so tests can pass their own."""

    def __init__(self, classifier: EventClassifier | None = None, classify_all: bool = False) -> None:
        self.classifier = classifier or EventClassifier.default()
        # By default only ASSAULT and PROTEST come from the classifier and the 14 other types from the
        # cue rules: with the classifier for all 16, the dev set scored lower (README, Events).
        self.models = (self.classifier.models if classify_all else
                       {t: m for t, m in self.classifier.models.items() if t in CLASSIFIED_TYPES})

    def __call__(self, article: Article) -> Article:
        carried: list[str] = []  # only entity names run on into later clauses
        names = {e.canonical or e.text for e in article.entities}
        last_end = 0
        paragraph = 0
        place: PlaceRef | None = None
        date: str | None = None
        for start, end in sentence_spans(article):
            if "\n" in article.text[last_end:start]:
                # a new paragraph: no subject, place or date runs on into it
                carried, place, date = [], None, None
                paragraph += article.text.count("\n", last_end, start)
            found = self.sentence_events(article, start, end, carried)
            for e in found:
                # A sentence that names no place or date of its own goes on with its paragraph's; a
                # meeting, statement or call in the title or the lead with no date at all is the day's
                # news (an attack, arrest or protest is often reported days later: no date).
                e.place = e.place or place
                e.date = e.date or date or (
                    article.published if paragraph <= 1 and e.type not in COUNTED_TYPES else None)
                place, date = e.place, e.date if e.date != article.published or date else date
            article.events.extend(found)
            carried = next((e.actor for e in reversed(found) if e.actor and all(a in names for a in e.actor)),
                           carried)
            last_end = end
        article.events = merge_mentions(article.events, title_end(article))
        return article

    def sentence_events(self, article: Article, start: int, end: int,
                        carried: list[str] | None = None) -> list[Event]:
        """The events of the sentence text[start:end] (stripped of surrounding white space);
        `carried` is the actor of the paragraph's last event before it (the subject a clause without
        one of its own continues)."""
        text = article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        words = sentence_words(text, start, end)
        matches = RULES.find(words)
        if not matches:
            return []
        found: dict[str, CueMatch] = {}
        models = self.models
        typed = [retype(words, m) for m in matches]
        cues = [m for m in typed if reports_event(words, m, typed)]
        others: dict[str, list[CueMatch]] = {}  # later cues of a rule type, tried when the first has no actor
        for m in rule_matches(words, cues):
            if m.label not in models:
                if m.label not in found:
                    found[m.label] = m
                else:
                    others.setdefault(m.label, []).append(m)
        present = {m.label for m in matches if m.label in models}
        probs = self.classifier.probabilities(words, text[start:end], present) if present else {}
        for etype, p in probs.items():
            if p >= models[etype].threshold:
                cue = cue_for(words, etype, cues)
                if cue is not None:
                    found[etype] = cue
        for old, m in zip(matches, typed, strict=True):
            if m.label != old.label and m.label not in found and m in cues:  # retyped by its context
                found[m.label] = m
        if "ASSAULT" not in found and any(
                c.kind in CASUALTY_KINDS and start <= c.start and c.end <= end for c in article.counts):
            # A casualty figure beside an attack word reports an attack even when the classifier,
            # trained on sentences without that evidence, is unsure.
            cue = cue_for(words, "ASSAULT", cues)
            if cue is not None and not is_negated(words, cue):
                found["ASSAULT"] = cue
        if "ASSAULT" not in found:
            # shelling, raids, gunfire and clashes report an attack even when the classifier is unsure
            strong = next((m for m in cues if m.label == "ASSAULT" and m.cue in STRONG_ASSAULT_CUES
                           and not is_negated(words, m)), None)
            if strong is not None:
                found["ASSAULT"] = strong
        if not found:
            return []
        toks = tokenize(text, start, end)  # offsets only for sentences that hold an event
        for etype, m in list(found.items()):
            if words[m.i] in NAMING_CUES and text[toks[m.i].end - 1] == "ى":  # فتاة تُدعى سارة
                del found[etype]
        if not found:
            return []
        ents = [(_token_range(toks, e.start, e.end), e) for e in article.entities
                if start <= e.start and e.end <= end]
        date = next((d.value for d in article.dates if start <= d.start and d.end <= end), None)
        counts: dict[str, int] = {}
        for c in article.counts:
            if start <= c.start and c.end <= end:
                counts[c.kind] = max(counts.get(c.kind, 0), c.count)
        out: list[Event] = []
        ctx = None
        carried = carried or []
        names = {e.canonical or e.text for _, e in ents} | set(carried)
        for etype, cue in sorted(found.items(), key=lambda kv: kv[1].i):
            mod = modality(words, cue)
            if mod in ("planned", "hypothetical"):
                continue  # not an event (FACTS_GOLD: planned, hypothetical and conditional actions)
            if ctx is None:
                ctx = sentence(text, toks, ents)
            actor, recipient = arguments(text, toks, cue, etype, ents, ctx, carried)
            for alt in others.get(etype, ()):
                if actor:
                    break
                if modality(words, alt) == mod:
                    actor, recipient = arguments(text, toks, alt, etype, ents, ctx, carried)
            if actor and all(a in names for a in actor):
                carried = actor  # only entity names run on into later clauses
            # a place visited (زيارة لقطاع غزة) is the CONSULT's recipient and its place
            taken = [e for _, e in ents if (e.canonical or e.text) in actor + recipient and not (
                etype == "CONSULT" and e.type == "LOC" and (e.canonical or e.text) in recipient)]
            place = self._place(article, start, end, toks[cue.i].start, taken)
            out.append(Event(
                type=cast(EventType, etype), text=text[start:end], start=start, end=end,
                mode=event_mode(words, etype), actor=actor, recipient=recipient,
                place=place, date=date, negated=mod == "denied",
                counts=dict(counts) if etype in COUNTED_TYPES else {},
                modality=mod, confidence=round(probs[etype], 4) if etype in probs else None,
            ))
        return out

    @staticmethod
    def _place(article: Article, start: int, end: int, cue_pos: int, taken: list[Entity]) -> PlaceRef | None:
        """The most precise place of the sentence, nearest the cue, that is not an actor or recipient."""
        places = [p for p in article.places if start <= p.start and p.end <= end
                  and not any(e.start < p.end and p.start < e.end for e in taken)]
        if not places:
            return None
        best = min(places, key=lambda p: (PLACE_RANK.get(p.kind, 7), abs(p.start - cue_pos)))
        return _place_ref(best)


def events_stage() -> Callable[[Article], Article]:
    """Factory of the `events` stage (loads the classifier once per process)."""
    return EventsStage()


events_stage.factory = True  # type: ignore[attr-defined]

__all__ = ["EventsStage", "events_stage"]
