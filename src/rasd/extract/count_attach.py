"""Attach places and dates to counts, and drop figures that sit in headlines of other stories."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.extract.wordscan import Sentences
from rasd.model import Article, Count, Place, PlaceRef

if TYPE_CHECKING:
    from rasd.extract.counts import Draft

# What may stand between a figure's words and the place it happened in (`3 في حمص`).
_PLACE_LINK_RE = re.compile(r"^\s*(?:(?:في|ب|بـ|من|قرب|شمال|جنوب|شرق|غرب)\s*)?$")
# A body line this short without a final stop is a (related) headline, not a sentence of the story.
HEADLINE_MAX_WORDS = 20
_STOP_END = tuple(".!?؟:\"”»)")


def _place_ref(p: Place) -> PlaceRef:
    try:
        from rasd.geo.places import place_ref  # the geo helper's builder, when it is installed
    except ImportError:
        return PlaceRef(name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon)
    return place_ref(p)  # type: ignore[no-any-return]


def attach(article: Article, drafts: list[Draft], sents: Sentences) -> list[Count]:
    """Counts with the place and date that the phrase, or else its sentence, names."""
    text = article.text
    places = sorted(article.places, key=lambda p: p.start)
    out: list[Count] = []
    for i, d in enumerate(drafts):
        nxt = drafts[i + 1].start if i + 1 < len(drafts) else len(text)
        place = None
        for p in places:
            if d.end <= p.start < nxt and _PLACE_LINK_RE.match(text[d.end:p.start]):
                d.end = p.end  # the phrase runs on to its place: `3 في حمص`
                place = p
                break
            if d.start <= p.start and p.end <= d.end:
                place = p
                break
        if place is None or place.kind == "country":
            # a country is the least specific answer: a city or region of the sentence wins
            place = _sentence_place(d, drafts, places, sents, specific_only=place is not None) or place
        out.append(Count(kind=d.kind, count=d.count, qualifier=d.qualifier, text=text[d.start:d.end],
                         start=d.start, end=d.end, object=d.object,
                         place=_place_ref(place) if place else None,
                         date=_sentence_date(article, d, sents)))
    return out


def _sentence_place(d: Draft, drafts: list[Draft], places: list[Place], sents: Sentences, *,
                    specific_only: bool = False) -> Place | None:
    """The sentence's place nearest the phrase (after it first), most specific kind first."""
    s, e = sents.of(d.start)
    claimed = [(x.start, x.end) for x in drafts if x is not d]
    pool = [p for p in places if s <= p.start < e
            and not any(a <= p.start < b for a, b in claimed)]
    if not pool:
        return None
    specific = [p for p in pool if p.kind != "country"] or ([] if specific_only else pool)
    if not specific:
        return None
    after = [p for p in specific if p.start >= d.end]
    if after:
        return after[0]
    return max(specific, key=lambda p: p.start)


def _sentence_date(article: Article, d: Draft, sents: Sentences) -> str | None:
    s, e = sents.of(d.start)
    pool = [x for x in article.dates if s <= x.start < e]
    if not pool:
        return None
    return min(pool, key=lambda x: abs(x.start - d.start)).value


def drop_headline_counts(article: Article, drafts: list[Draft]) -> list[Draft]:
    """Drop figures in short unpunctuated body lines (headlines of related stories) when the article
    punctuates its sentences, and figures of the title that the body does not repeat differently."""
    text = article.text
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    punctuated = any(text[s:e].rstrip().endswith(_STOP_END) for s, e in lines[1:])
    has_title = bool(article.title) and text.startswith(article.title)
    body = [d for d in drafts if not (has_title and d.start < lines[0][1])]
    seen = {(d.kind, d.count) for d in body}
    out: list[Draft] = []
    for d in drafts:
        idx = next(k for k, (s, e) in enumerate(lines) if s <= d.start <= e)
        s, e = lines[idx]
        if idx == 0 and has_title:
            if (d.kind, d.count) in seen:
                continue
        elif punctuated and len(text[s:e].split()) <= HEADLINE_MAX_WORDS \
                and not text[s:e].rstrip().endswith(_STOP_END):
            continue
        out.append(d)
    return out
