"""The one gazetteer matcher: place names found in a text, read off their proclitics, resolved in context.

Both the `entities` and the `places` stage go through `PlaceMatcher.find`, a deterministic function of
the text and the article's LOC entity spans (a LOC entity stands in for a locative cue). The entities
stage calls it once its own entities are chosen and gives each LOC entity the geonameid of the place
found on exactly its span (and no geonames id where there is none); the places stage then calls it on
the same input and gets the same places, from a small per-process memo rather than a second pass. So
an entity with `geonames:N` always sits on a place with geonameid N, and no place on a LOC entity's
span names another place.

The generic left-to-right, longest-first loop over token sequences (`scan_longest`, `longest_match`)
lives here too; the lexicon, the entities stage and this matcher all use it.
"""
from __future__ import annotations

import itertools
import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar, cast

from rasd.geo import resolve as rs
from rasd.geo.gazetteer import Entry, Gazetteer, name_key
from rasd.lang.ar import places as lang
from rasd.model import Place, PlaceKind

M = TypeVar("M")
# Matches remembered per matcher (text and LOC spans -> places), so the places stage reuses the
# entities stage's pass over the same article; a few entries cover threads working side by side.
MEMO_SIZE = 32


def scan_longest(n: int, match_at: Callable[[int], M | None], end: Callable[[M], int]) -> list[M]:
    """Non-overlapping matches over positions 0..n-1, left to right: the match found at a position
    (the caller picks its longest reading), then on past its end; no match, the next position."""
    out: list[M] = []
    i = 0
    while i < n:
        m = match_at(i)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = max(end(m), i + 1)
    return out


def longest_match(first: str, following: Iterable[str], prefixes: Collection[str],
                  is_name: Callable[[str], bool], max_words: int) -> tuple[int, str] | None:
    """The longest name of words `first, *following` (n words, the joined key), or None.

    The words grow while the joined key is in `prefixes` (every word-prefix of every name) and up to
    `max_words`; the longest of them that `is_name` accepts wins."""
    if first not in prefixes:
        return None
    keys = [first]
    if max_words > 1:
        key = first
        for w in following:
            key = f"{key} {w}"
            if key not in prefixes:
                break
            keys.append(key)
            if len(keys) >= max_words:
                break
    for n in range(len(keys), 0, -1):
        if is_name(keys[n - 1]):
            return n, keys[n - 1]
    return None


def name_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every word-prefix of every key (`دير`, `دير الزور` of `دير الزور`)."""
    out: set[str] = set()
    for k in keys:
        words = k.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(out)


_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")
_TANWEEN = re.compile("[\u064b-\u064d]")

LOCATIVE = {name_key(w) for w in lang.LOCATIVE_CUES}
BLOCKERS = {name_key(w) for w in lang.CONSTRUCT_BLOCKERS}
# Definite words that may follow a word-like place name without making it a construct (`حماة اليوم`).
_FOLLOWERS_OK = {name_key(w) for w in ("اليوم", "أمس", "الليلة", "الماضي", "الجاري", "المحتلة")}
# Tokens this many words either side of a mention count as "near" it for disambiguation; a sentence
# of news prose runs about 25-40 words.
NEAR_WINDOW = 30
# Towns below this size are believed only with a cue (see `_settled`); the same cut as the builder's
# for foreign towns.
MINOR_POP = 100_000
CACHE_SIZE = 50_000
# Words of generic region names: `الشرقية` or `المنطقة الشرقية` is a province only where its country
# is named nearby (Saudi Arabia, Egypt, Oman all have one).
_GENERIC = {name_key(w) for w in ("المنطقة", "منطقة", "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط",
                                   *lang.DIRECTION_ADJECTIVES)}


@dataclass(slots=True)
class _Mention:
    """A candidate span: tokens [i, j), characters [start, end), and the keys to resolve."""

    i: int
    j: int
    start: int
    end: int
    words: list[str]
    core: str  # the gazetteer key inside (without ريف / directions)
    cue_kind: str | None
    locative: bool
    in_entity: bool
    off: int = 0  # characters of proclitics read off the first word


class PlaceMatcher:
    """Gazetteer matching over tokens (longest match first), guarded by the stop-list and context."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.default()
        self.prefixes = name_prefixes(self.gaz.index)
        self.first = frozenset(k.partition(" ")[0] for k in self.gaz.index)
        self.triggers = set(self.first) | rs.COUNTRYSIDE | {k.split()[0] for k in rs.DIRECTION_NOUN}
        self._memo: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], list[tuple[int, int, Entry]]] = \
            OrderedDict()
        self._lock = threading.Lock()
        # word -> readings and word -> key: news reuses its words, so most lookups hit these
        self._cache: dict[str, list[tuple[int, str]]] = {}
        self._keys: dict[str, str] = {}
        self._cues: dict[str, str] = {}

    # -- tokens -------------------------------------------------------------------------------------
    def _variants(self, word: str, key: str) -> list[tuple[int, str]]:
        """Readings of a word, itself first, then without proclitics, kept when they can start a name."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(word) != len(key):  # diacritics inside: offsets need the slow, exact path
            out = rs.proclitic_variants(word)
        else:
            out = [(0, key)]
            if key[:1] in "وفبل":
                for pre in _PREFIXES:
                    if key.startswith(pre) and len(key) - len(pre) >= 2:
                        rest = key[len(pre):]
                        out.append((len(pre), rest))
                        if pre.endswith("ل") and rest.startswith("ل"):
                            # للولايات: ل + الولايات, the span starts after the article's ل (as the
                            # entities stage cuts it); للاذقية: ل + اللاذقية, the name's own ل stays
                            out.append((len(pre) + 1, "ا" + rest))
                            out.append((len(pre), "ال" + rest))
        # fewest letters read off first (ولبنان is و + لبنان before و + ل + بنان); the sort is stable
        found = sorted(((n, k) for n, k in out if k in self.triggers), key=lambda r: r[0])
        if len(self._cache) < CACHE_SIZE:  # full: it keeps what it holds (the frequent words come early)
            self._cache[word] = found
        return found

    def _key(self, word: str) -> str:
        key = self._keys.get(word)
        if key is None:
            key = name_key(word)
            if len(self._keys) < CACHE_SIZE:
                self._keys[word] = key
        return key

    # -- matching -----------------------------------------------------------------------------------
    def _span_words(self, keys: list[str], joined: list[bool], i: int, first: str) -> tuple[int, str] | None:
        """Longest gazetteer key starting at token i read as `first`: (end token, key)."""
        hit = longest_match(first, _joined_after(keys, joined, i), self.prefixes, self.gaz.__contains__,
                            self.gaz.max_words)
        return None if hit is None else (i + hit[0], hit[1])

    def _match_at(self, toks: list[tuple[int, int]], keys: list[str], joined: list[bool],
                  i: int, text: str, readings: list[tuple[int, str]]) -> _Mention | None:
        for off, first in readings:
            words: list[str] = []
            if joined[i] and (first in rs.COUNTRYSIDE or first in rs.DIRECTION_NOUN):
                # ريف X / شمال X / شمال شرق X: a region word, then a place
                head = [first]
                k = i + 1
                if f"{first} {keys[k]}" in rs.DIRECTION_NOUN and joined[k]:
                    head.append(keys[k])
                    k += 1
                hit = self._span_words(keys, joined, k, keys[k]) if k < len(keys) else None
                if hit is not None:
                    j, core = hit
                    words = [*head, *core.split()]
            if not words:
                hit = self._span_words(keys, joined, i, first)
                if hit is not None:
                    j, core = hit
                    words = core.split()
            if not words:
                continue
            # a direction adjective after the name: ريف دير الزور الشمالي
            for n in (2, 1):
                if j + n <= len(keys) and all(joined[j - 1:j + n - 1]) \
                        and " ".join(keys[j:j + n]) in rs.DIRECTION_ADJ:
                    words += keys[j:j + n]
                    j += n
                    break
            prev = self._prev_key(toks, keys, i, text) if i else ""
            prefix = keys[i][:off]
            return _Mention(i, j, toks[i][0] + off, toks[j - 1][1], words, core,
                            rs.CUE_KIND.get(prev), prev in LOCATIVE or "ب" in prefix, False, off)
        return None

    def _prev_key(self, toks: list[tuple[int, int]], keys: list[str], i: int, text: str) -> str:
        """The word before token i without its proclitics (`بمدينة` -> `مدينة`)."""
        key = keys[i - 1]
        if key in rs.CUE_KIND or key in LOCATIVE:
            return key
        cue = self._cues.get(key)
        if cue is None:
            cue = next((k for _, k in rs.proclitic_variants(key) if k in rs.CUE_KIND or k in LOCATIVE), key)
            if len(self._cues) < CACHE_SIZE:
                self._cues[key] = cue
        return cue

    # -- guards -------------------------------------------------------------------------------------
    def _possible(self, m: _Mention, keys: list[str]) -> bool:
        """Checks that need no resolution: the stop-list, nationality words, constructs."""
        if m.core in rs.STOP_KEYS or len(m.core) < 3:
            return False
        if m.core in rs.NATIONALITY and not any(e.kind == "country" for e in self.gaz.lookup(m.core)):
            return False
        if m.words == [m.core] and (m.core in rs.COUNTRYSIDE or m.core in rs.DIRECTION_NOUN):
            return False
        if len(m.words) > 1:
            return True
        nxt = keys[m.j] if m.j < len(keys) else ""
        if nxt in BLOCKERS:
            return False  # حماة الوطن, مسقط رأسه
        if m.cue_kind is None and (m.core in rs.WORDLIKE or m.core in self.gaz.common):
            # a word-like name before a definite word is a construct (حماة الديار), unless the word
            # is an adjective of place or time (دوما السورية, حمص اليوم)
            return not (nxt.startswith("ال") and nxt not in _FOLLOWERS_OK and nxt not in rs.DIRECTION_ADJ
                        and nxt not in rs.NATIONALITY)
        return True

    def _accept(self, e: Entry, m: _Mention, countries: set[str], near: set[str]) -> bool:
        """Whether the resolved place is believed, given how it was written."""
        if all(w in _GENERIC for w in m.core.split()):
            # المنطقة الشرقية: a province only where its country is named; a bare الشمال never
            return e.country in near and (" " in m.core or m.cue_kind in ("admin1", "region"))
        cue = m.cue_kind is not None or m.words[0] != m.core.split()[0]  # بلدة X, ريف X, شمال X
        loc = m.locative or cue
        big = _prominent(e)
        # A LOC entity (from the NER stage) stands in for a locative cue where the place lies in a
        # country the article names; it never rescues a common word (the tagger errs there too).
        ent = m.in_entity and e.country in countries
        if m.off and not (big or cue):
            return False  # فرانس -> ف + رانس (Reims): proclitic readings only for prominent places
        if m.core in rs.WORDLIKE or m.core in self.gaz.common:
            return loc and (big or cue or not _minor(e))  # في حمص, في جنيف; not في إطار (Atar)
        if _minor(e):
            if e.country not in countries:
                return cue
            # a town of the region in a country the article is about: سيطر الجيش السوري على سراقب
            return cue or loc or m.in_entity or (e.kind == "city" and e.country in lang.NEWS_REGION)
        if not big:
            return loc or ent  # a mid-sized foreign town: `في مانشستر`, not `مانشستر سيتي`
        return True

    # -- the matcher --------------------------------------------------------------------------------
    def find(self, text: str, loc_spans: Iterable[tuple[int, int]] = ()) -> list[Place]:
        """The places of `text`, given the spans of its LOC entities (fresh objects on every call)."""
        spans = tuple(sorted(set(loc_spans)))
        key = (text, spans)
        with self._lock:
            found = self._memo.get(key)
            if found is not None:
                self._memo.move_to_end(key)
        if found is None:
            found = self._find(text, spans)
            with self._lock:
                self._memo[key] = found
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        return [_place(text, s, e, entry) for s, e, entry in found]

    def match(self, text: str, loc_spans: Iterable[tuple[int, int]] = ()) -> list[Place]:
        """As `find`, always computed afresh (no memo): for benchmarks and one-off calls."""
        return [_place(text, s, e, entry) for s, e, entry in self._find(text, tuple(sorted(set(loc_spans))))]

    def _find(self, text: str, loc_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, Entry]]:
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        keys = [self._key(text[s:e]) for s, e in toks]
        gaps = [text[toks[k][1]:toks[k + 1][0]] for k in range(len(toks) - 1)]
        joined = [bool(g) and g.isspace() and "\n" not in g for g in gaps] + [False]
        # "inside some LOC span": the largest end among spans starting at or before the mention
        # reaches its end (bisection; a scan of every span per mention is quadratic in length).
        loc_starts = [s for s, _ in loc_spans]
        loc_reach = list(itertools.accumulate((e for _, e in loc_spans), max))

        nat: list[tuple[int, str]] = []

        def at(i: int) -> _Mention | None:
            if keys[i] in rs.NATIONALITY:
                nat.append((i, rs.NATIONALITY[keys[i]]))
                # السعودية is the country unless it follows a definite noun (الحكومة السعودية)
                if not (keys[i] in self.gaz and any(e.kind == "country" for e in self.gaz.lookup(keys[i]))
                        and not (i and joined[i - 1] and keys[i - 1].startswith("ال"))):
                    return None
            readings = self._variants(text[toks[i][0]:toks[i][1]], keys[i])
            if not readings or _TANWEEN.search(text, toks[i][0], toks[i][1]):
                return None  # no name starts here; or صوراً, باكراً: an indefinite noun, never a name
            m = self._match_at(toks, keys, joined, i, text, readings)
            if m is None:
                return None
            k = bisect_right(loc_starts, m.start)
            m.in_entity = k > 0 and loc_reach[k - 1] >= m.end
            return m if self._possible(m, keys) else None

        mentions = scan_longest(len(toks), at, lambda m: m.j)

        # Context: countries named (unambiguous names, nationality adjectives), by token position.
        # A mention never counts as its own context (فلورنس alone does not make Italy the topic).
        named: list[tuple[int, str]] = list(nat)
        own: dict[int, str] = {}
        for m in mentions:
            cands = rs.shortlist(self.gaz.lookup(m.core), m.cue_kind)
            ccs = {e.country for e in cands}
            if len(ccs) == 1 and not any(_minor(e) for e in cands):
                own[m.i] = ccs.pop()
                named.append((m.i, own[m.i]))
        all_countries = Counter(cc for _, cc in named)
        present = set(all_countries)

        named.sort()
        where = [pos for pos, _ in named]
        places: list[tuple[int, int, Entry]] = []
        for m in mentions:
            lo, hi = bisect_left(where, m.i - NEAR_WINDOW), bisect_right(where, m.i + NEAR_WINDOW)
            near = {cc for pos, cc in named[lo:hi] if pos != m.i}
            countries = present
            if m.i in own and all_countries[own[m.i]] == 1:
                countries = present - {own[m.i]}
            e = rs.resolve_words(m.words, self.gaz, countries=countries, near=near, cue_kind=m.cue_kind)
            if e is None or not self._accept(e, m, countries, near):
                continue
            places.append((m.start, m.end, e))
            if e.geonameid is None and m.words != m.core.split():
                # a region built on a place (جنوب فرنسا, غرب تعز, ريف حلب): the place it is built on is
                # named too, on its own span, so an entity on that name sits on a place with its id
                base = self._base(toks, keys, m, countries, near)
                if base is not None:
                    places.append(base)
        return places

    def _base(self, toks: list[tuple[int, int]], keys: list[str], m: _Mention, countries: set[str],
              near: set[str]) -> tuple[int, int, Entry] | None:
        """The place a region mention is built on, on the span of its own words, or None."""
        core = m.core.split()
        n = len(core)
        for t in range(m.i, m.j - n + 1):
            first = keys[t][m.off:] if t == m.i else keys[t]
            if [first, *keys[t + 1:t + n]] == core:
                base = rs.resolve_words(core, self.gaz, countries=countries, near=near)
                if base is None or base.geonameid is None:
                    return None
                return (toks[t][0] + (m.off if t == m.i else 0), toks[t + n - 1][1], base)
        return None


def _joined_after(keys: list[str], joined: list[bool], i: int) -> Iterator[str]:
    """The keys after token i, as long as each follows the one before on the same line."""
    k = i + 1
    while k < len(keys) and joined[k - 1]:
        yield keys[k]
        k += 1


def _capital(e: Entry) -> bool:
    """A national capital that news names often (not Nuuk or Douglas, whose names are words)."""
    return e.capital and (e.population >= MINOR_POP or e.country in lang.NEWS_REGION)


def _minor(e: Entry) -> bool:
    """A village or a town under MINOR_POP that is no capital or seat: many common words are one."""
    return e.kind == "village" or (e.kind in ("city", "region") and e.population < MINOR_POP
                                   and not _capital(e) and not e.seat)


def _prominent(e: Entry) -> bool:
    """A place Arabic news names often: a country, a capital, a city of a million, or in the region
    (lang.NEWS_REGION) a governorate, its seat or a city of MINOR_POP."""
    if e.kind == "country" or _capital(e) or e.population >= 1_000_000:
        return True
    if e.kind == "region" and e.seat:
        return True  # a hand-listed region (الغوطة الشرقية, القرم)
    return e.country in lang.NEWS_REGION and (e.kind == "admin1" or e.seat or e.population >= MINOR_POP)


_PREFIXES = tuple(sorted({c + p for c in rs._CONJ for p in rs._PREP} - {""}, key=len, reverse=True))


def _place(text: str, start: int, end: int, e: Entry) -> Place:
    return Place(text=text[start:end], start=start, end=end, name=e.name, name_en=e.name_en,
                 kind=cast(PlaceKind, e.kind),
                 country=e.country, admin1=e.admin1, lat=round(e.lat, 5), lon=round(e.lon, 5),
                 geonameid=e.geonameid)




@lru_cache(maxsize=4)
def matcher_for(gazetteer: Gazetteer) -> PlaceMatcher:
    """The one matcher of a gazetteer in this process (both stages share it, and so its memo)."""
    return PlaceMatcher(gazetteer)


def default_matcher() -> PlaceMatcher:
    """The matcher of the shipped gazetteer."""
    return matcher_for(Gazetteer.default())


def place_ids(places: Iterable[Place]) -> dict[tuple[int, int], int | None]:
    """Span -> geonameid (None for a region built on a place) of each place."""
    return {(p.start, p.end): p.geonameid for p in places}


__all__ = ["PlaceMatcher", "default_matcher", "longest_match", "matcher_for", "name_prefixes", "place_ids",
           "scan_longest"]
