"""Attach places and dates to counts; drop figures in headlines of other stories and repeated reports."""
from __future__ import annotations

import math
import re
from typing import cast

from rasd.extract.count_draft import Draft
from rasd.extract.wordscan import Sentences, key
from rasd.lang.ar import counts as L
from rasd.model import Article, Count, CountKind, Place, PlaceRef, Qualifier

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
        out.append(Count(kind=cast(CountKind, d.kind), count=d.count,
                         qualifier=cast(Qualifier, d.qualifier), text=text[d.start:d.end],
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


# A year-only date (`عام 1997`) dates a count only when no finer date is in the sentence and it
# stands before the figure or close after it (`من مواليد الشيشان عام 1997` 40 characters on is a
# birth year, not the attack's date).
YEAR_AFTER_GAP = 25


def _year_only(value: str, value_end: str | None) -> bool:
    return value.endswith("-01-01") and value_end is not None and value_end.endswith("-12-31") \
        and value[:4] == value_end[:4]


def _sentence_date(article: Article, d: Draft, sents: Sentences) -> str | None:
    s, e = sents.of(d.start)
    pool = [x for x in article.dates if s <= x.start < e]
    fine = [x for x in pool if not _year_only(x.value, x.value_end)]
    if not fine:
        fine = [x for x in pool if x.end <= d.start or x.start - d.end <= YEAR_AFTER_GAP]
    if not fine:
        return None
    return min(fine, key=lambda x: abs(x.start - d.start)).value


def _place_names(c: Count) -> str | None:
    return key(c.place.name) if c.place is not None else None


# Two places this close (km) are one scene for a repeated figure (`الغوطة الشرقية` and its town
# `دوما`, `دمشق` and `جرمانا`); حمص and حماة (40 km) stay apart.
SAME_SCENE_KM = 25.0


def _places_agree(a: Count, b: Count) -> bool:
    pa, pb = _place_names(a), _place_names(b)
    if pa is None or pb is None or pa in pb or pb in pa:
        return True
    x, y = a.place, b.place
    if x is None or y is None or None in (x.lat, x.lon, y.lat, y.lon):
        return False
    return _km(x.lat, x.lon, y.lat, y.lon) <= SAME_SCENE_KM  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def _object_key(c: Count) -> str | None:
    if c.object is None:
        return None
    k = key(c.object).split()[0]
    return k[2:] if k.startswith("ال") else k


def _objects_agree(a: Count, b: Count) -> bool:
    oa, ob = _object_key(a), _object_key(b)
    return oa is None or ob is None or oa == ob or oa in L.GENERIC_OBJECTS or ob in L.GENERIC_OBJECTS


def drop_repeats(counts: list[Count], named: list[bool]) -> list[Count]:
    """One count per reported figure: a later count of the same kind and number whose place and
    counted noun agree with an earlier one's is the same report repeated (`لمقتل 35 شخصا` in the
    lead, `35 شهيدا` further down) and is dropped; the kept one takes the place or date it lacks.

    Single victims (count 1 or 2) also merge when one is named and the other is not (`مقتل الفريق
    فاليرى أسابوف`, `استشهاد جنرال روسي`): the named one is kept. Two differently named victims stay
    two counts, as do figures whose places differ (`3 في حمص و3 في حماة`).
    """
    kept: list[tuple[Count, bool]] = []
    for c, is_named in zip(counts, named, strict=True):
        same = None
        for k, (o, o_named) in enumerate(kept):
            if o.kind != c.kind or o.count != c.count or not _places_agree(o, c):
                continue
            if o_named and is_named:
                if _object_key(o) == _object_key(c):
                    same = k
                    break
                continue
            if _objects_agree(o, c) or (c.count <= 2 and o_named != is_named):
                same = k
                break
        if same is None:
            kept.append((c, is_named))
            continue
        o, o_named = kept[same]
        winner, loser = (c, o) if is_named and not o_named else (o, c)
        winner.place = winner.place or loser.place
        winner.date = winner.date or loser.date
        kept[same] = (winner, o_named or is_named)
    return sorted((c for c, _ in kept), key=lambda c: c.start)


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
