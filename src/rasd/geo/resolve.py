"""Resolve an Arabic place name to one gazetteer place, using the countries its context names."""
from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import replace

from rasd.geo.gazetteer import Entry, Gazetteer, name_key
from rasd.lang.ar import places as lang
from rasd.lang.ar.clitics import CONJUNCTIONS, PREPOSITIONS

# Proclitics that can sit before a place name: a conjunction, then a preposition.
_CONJ = ("", *CONJUNCTIONS)
_PREP = ("", *(p for p in PREPOSITIONS if p != "ك"))  # ك (as) is left out: `وكالة` is not و + ك + الة
# Tuned by hand on the ambiguous names of the tests (طرابلس, عمان, جنيف, الجزائر): a country beats
# its own capital, a context country beats a population ratio of about 20.
COUNTRY_PRIOR = 8.0
ADMIN1_PRIOR = 4.0
CAPITAL_BONUS = 2.0
POP_WEIGHT = 0.8
CONTEXT_BONUS = 4.0
NEAR_BONUS = 3.0
# A town far smaller than the best-known place of the same name is not meant (Geneva, Illinois).
SMALL_RATIO = 8
SMALL_RATIO_FROM = 100_000

CUE_KIND = {name_key(k): v for k, v in lang.CUE_KIND.items()}
COUNTRYSIDE = {name_key(w) for w in lang.COUNTRYSIDE_WORDS}
DIRECTION_ADJ = {name_key(k): v for k, v in lang.DIRECTION_ADJECTIVES.items()}
SPELLING = {name_key(k): k for k in [*lang.DIRECTION_ADJECTIVES, *lang.DIRECTION_NOUNS]}
DIRECTION_NOUN = {name_key(k): v for k, v in lang.DIRECTION_NOUNS.items()}
NATIONALITY = {name_key(k): v for k, v in lang.NATIONALITY.items()}
STOP_KEYS = {name_key(w) for w in lang.STOP_KEYS}
WORDLIKE = {name_key(w) for w in lang.WORDLIKE}


def proclitic_variants(word: str) -> list[tuple[int, str]]:
    """(chars stripped, key) readings of a word: itself first, then without و ف ب ل proclitics.

    `للاذقية` reads as ل + اللاذقية and `للرقة` as ل + الرقة (the article's alef drops after ل)."""
    out: list[tuple[int, str]] = [(0, name_key(word))]
    for c in _CONJ:
        for p in _PREP:
            pre = c + p
            if not pre or not word.startswith(pre) or len(word) - len(pre) < 2:
                continue
            rest = word[len(pre):]
            out.append((len(pre), name_key(rest)))
            if p == "ل" and rest.startswith("ل"):
                out.append((len(pre) + 1, name_key("ا" + rest)))  # للرقة: ل + الرقة, span رقة
                out.append((len(pre), name_key("ال" + rest)))  # للاذقية: ل + اللاذقية
    seen: set[str] = set()
    return [(n, k) for n, k in out if not (k in seen or seen.add(k))]  # type: ignore[func-returns-value]


def prior(e: Entry) -> float:
    """How likely a place is meant with no context: countries, then big places and capitals."""
    if e.kind == "country":
        return COUNTRY_PRIOR
    score = POP_WEIGHT * math.log10(e.population + 1)
    if e.kind == "admin1":
        return ADMIN1_PRIOR + score / 2
    return score + (CAPITAL_BONUS if e.capital else 0.0)


def shortlist(cands: Iterable[Entry], cue_kind: str | None = None) -> list[Entry]:
    """Candidates left once the cue word's kind, seats and far smaller namesakes are taken out."""
    cands = list(cands)
    if cue_kind:
        wanted = {"city": ("city", "village"), "village": ("village", "city")}.get(cue_kind, (cue_kind,))
        kept = [e for e in cands if e.kind in wanted]
        cands = kept or cands
    if cue_kind != "admin1":
        # A governorate named like its seat (حمص, درعا, طرابلس) means the city unless `محافظة` says so.
        seats = {(e.country, e.admin1) for e in cands if e.kind in ("city", "village")}
        cands = [e for e in cands if not (e.kind == "admin1" and (e.country, e.admin1) in seats)] or cands
    top = max((e.population for e in cands if e.kind in ("city", "village")), default=0)
    if top >= SMALL_RATIO_FROM:
        cands = [e for e in cands if e.kind not in ("city", "village") or e.seat
                 or e.population * SMALL_RATIO >= top]
    return cands


def choose(cands: Iterable[Entry], *, countries: Collection[str] = (), near: Collection[str] = (),
           cue_kind: str | None = None) -> Entry | None:
    """The best candidate given the article's countries and those named near the mention."""
    best: Entry | None = None
    best_score = -math.inf
    for e in shortlist(cands, cue_kind):
        s = prior(e)
        if e.country in countries:
            s += CONTEXT_BONUS
        if e.country in near:
            s += NEAR_BONUS
        if s > best_score:
            best, best_score = e, s
    return best


def region_of(base: Entry, name: str, *, countryside: bool, direction: str | None) -> Entry:
    """A region built on a place: `ريف دير الزور الشمالي` lies in Deir ez-Zor, at its coordinates."""
    en = base.name_en
    label = f"{en} countryside" if countryside else en
    if direction:
        label = f"{direction} {label}"
    return replace(base, geonameid=None, kind="region", name=name, name_en=label,
                   admin1=base.admin1 if base.kind != "country" else None)


def resolve_words(words: list[str], gaz: Gazetteer, *, countries: Collection[str] = (),
                  near: Collection[str] = (), cue_kind: str | None = None) -> Entry | None:
    """Resolve a whole name given as keys (no proclitics), with region forms, or None."""
    if not words:
        return None
    key = " ".join(words)
    if key in STOP_KEYS:
        return None
    if key in gaz:
        return choose(gaz.lookup(key), countries=countries, near=near, cue_kind=cue_kind)
    # X الشمالي where X is a name of its own (ريف دمشق الغربي), before ريف X / شمال X
    for n in (2, 1):
        if len(words) > n and " ".join(words[-n:]) in DIRECTION_ADJ and " ".join(words[:-n]) in gaz:
            return _with_direction(words[:-n], " ".join(words[-n:]), gaz, countries, near)
    # ريف X, شمال X (X itself may be `Y الشمالي`)
    if words[0] in COUNTRYSIDE and len(words) > 1:
        base = resolve_words(words[1:], gaz, countries=countries, near=near)
        if base is not None and base.kind != "country":
            return region_of(base, "ريف " + base.name, countryside=True, direction=None)
        return None
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in DIRECTION_NOUN:
            base = resolve_words(words[n:], gaz, countries=countries, near=near)
            if base is not None:
                return region_of(base, f"{SPELLING[head]} {base.name}", countryside=False,
                                 direction=DIRECTION_NOUN[head])
            return None
    # X الشمالي: a region of X
    for n in (2, 1):
        if len(words) > n and " ".join(words[-n:]) in DIRECTION_ADJ:
            return _with_direction(words[:-n], " ".join(words[-n:]), gaz, countries, near)
    return None


def _with_direction(words: list[str], tail: str, gaz: Gazetteer, countries: Collection[str],
                    near: Collection[str]) -> Entry | None:
    """`X الشمالي`: the northern part of X (never of a country: `سوريا الشمالية` is rare and vague)."""
    base = resolve_words(words, gaz, countries=countries, near=near)
    if base is None or base.kind == "country":
        return None
    name = f"{base.name} {SPELLING[tail]}"
    if base.kind == "region":
        return replace(base, name=name, name_en=f"{DIRECTION_ADJ[tail]} {base.name_en}")
    return region_of(base, name, countryside=False, direction=DIRECTION_ADJ[tail])


def resolve_name(name: str, *, countries: Collection[str] = (),
                 gazetteer: Gazetteer | None = None) -> Entry | None:
    """The place a name most likely means, or None.

    `name` may carry proclitics (`بريف دير الزور`, `لروسيا`) and region words (`ريف X`, `X الشمالي`,
    `شمال X`); `countries` (ISO alpha-2) are those the article names, used to choose among namesakes
    (`طرابلس` in Libya or Lebanon). The result has name, name_en, kind, country, admin1, lat, lon and
    geonameid (None for a region built on a place)."""
    gaz = gazetteer or Gazetteer.default()
    words = name.split()
    if not words:
        return None
    rest = [name_key(w) for w in words[1:]]
    for _, first in proclitic_variants(words[0]):
        hit = resolve_words([first, *rest], gaz, countries=countries)
        if hit is not None:
            return hit
    return None


__all__ = ["choose", "prior", "proclitic_variants", "resolve_name", "resolve_words", "shortlist"]
