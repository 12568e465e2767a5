"""High-precision entity matching: known names (countries, capitals, organisations) and ministry patterns."""
from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import ModelError
from rasd.extract.canonical import has_tanween, match_key, proclitic_options
from rasd.geo.match import longest_match, name_prefixes, scan_longest
from rasd.lang.ar.entities import (
    ADJECTIVE_LIKE,
    BODY_FILLERS,
    CLAUSE_VERBS,
    ELIDED_MINISTRY,
    NAME_CONNECTORS,
    NAME_STOP,
    NATIONAL_BODIES,
    NISBA,
    ORGS,
    PORTFOLIOS,
    PROCLITIC_LETTER_NAMES,
    REGIONS,
    TITLE_HEADS,
    TITLE_NOUNS,
    TITLE_POSTED_AT,
)

MODELS = Path(__file__).resolve().parents[1] / "models"
TABLE = MODELS / "entity_ids.tsv"
COMMON_WORDS = MODELS / "entity_ids_common.txt"
# A title phrase (وزير الخارجية الروسي) is at most this many words before the name.
MAX_TITLE_WORDS = 7
# Name parts after a title (first name, father's name, surname; عبد الفتاح counts as one).
MAX_NAME_UNITS = 3


@dataclass(slots=True)
class Tok:
    """One token of a sentence: its text, offsets into the article text, match key, and word-ness."""

    text: str
    start: int
    end: int
    key: str
    word: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """A known entity: stable id (or None for a generic body), type and canonical name."""

    id: str | None
    type: str
    canonical: str
    adjective_like: bool = False


@dataclass(slots=True)
class Match:
    """A lexicon hit over tokens [i, j); `chain` is the proclitic (key form) to trim off token i."""

    i: int
    j: int
    entry: Entry
    chain: str


class Lexicon:
    """Phrase tables keyed by the first word's match key, plus the nationality-adjective patterns."""

    _default: Lexicon | None = None
    _lock = threading.Lock()

    def __init__(self, rows: Sequence[tuple[str, str, str, Sequence[str]]],
                 common: frozenset[str] = frozenset()) -> None:
        """`rows`: (id, type, canonical, names); `common`: keys of everyday words (never a name)."""
        self.common = common
        self.title_heads = frozenset(match_key(w) for w in TITLE_HEADS)
        self.title_nouns = frozenset(match_key(w) for w in TITLE_NOUNS)
        self.name_stop = frozenset(match_key(w) for w in NAME_STOP)
        self.connectors = frozenset(match_key(w) for w in NAME_CONNECTORS)
        self.posted_at = frozenset(match_key(w) for w in TITLE_POSTED_AT)
        self.given_names = frozenset(match_key(w) for w in PROCLITIC_LETTER_NAMES)
        # every title head with one to three proclitic letters dropped off its front, for a quick
        # first test (key[1:] of وللرئيس is للرئيس ...): a superset, the exact test follows
        rests: set[str] = set()
        for h in self.title_heads:
            rests.update({h, h[1:], "ل" + h[2:] if h.startswith("ال") else h})
            for c in ("ب", "ل", "ك", "و", "ف"):
                rests.update({c + h, c + "ل" + h[2:] if h.startswith("ال") else c + h})
        self._head_rests = frozenset(rests)
        self.phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        adjective_like = {match_key(n) for n in ADJECTIVE_LIKE}
        for eid, etype, canonical, names in rows:
            for name in dict.fromkeys([canonical, *names]):
                keys = tuple(match_key(name).split())
                if not keys:
                    continue
                entry = Entry(eid, etype, canonical, " ".join(keys) in adjective_like)
                bucket = self.phrases.setdefault(keys[0], [])
                if all(k != keys for k, _ in bucket):  # the first row wins (a country over its capital)
                    bucket.append((keys, entry))
        for bucket in self.phrases.values():
            bucket.sort(key=lambda x: -len(x[0]))
        # whole names by joined key, for the shared longest-match loop
        self.names: dict[str, Entry] = {" ".join(k): e for b in self.phrases.values() for k, e in b}
        self.name_prefixes = name_prefixes(self.names)
        self.max_words = max((len(k) for b in self.phrases.values() for k, _ in b), default=1)
        # Nationality adjectives: key -> (iso, canonical masculine, canonical feminine).
        self.nisba: dict[str, tuple[str, str, str]] = {}
        for iso, forms in NISBA.items():
            masc, fem = "ال" + forms[0], "ال" + forms[0] + "ة"
            for f in forms:
                self.nisba[match_key("ال" + f)] = (iso, masc, fem)
                self.nisba[match_key("ال" + f + "ة")] = (iso, masc, fem)
        self.portfolios = {tuple(match_key("ال" + p).split()): (p, slug) for p, slug in PORTFOLIOS.items()}
        self.bodies = {tuple(match_key(b).split()): (b, slug, fem)
                       for b, (slug, fem) in NATIONAL_BODIES.items()}
        self.fillers = {match_key(f) for f in BODY_FILLERS}
        self.elided = {match_key(w): (w, clause) for w, clause in ELIDED_MINISTRY.items()}
        self.clause_verbs = {match_key(v) for v in CLAUSE_VERBS}
        self.ministry_key = match_key("وزارة")
        self.countryside_key = match_key("ريف")
        self._starts: dict[str, tuple[tuple[str, str], ...]] = {}
        self.pattern_first = frozenset([self.ministry_key, *self.elided, *(k[0] for k in self.bodies)])

    @classmethod
    def load(cls, table: Path = TABLE) -> Lexicon:
        """The organisation and region lists of rasd.lang.ar.entities plus the shipped country table."""
        rows: list[tuple[str, str, str, Sequence[str]]] = [
            (eid, etype, canonical, names) for eid, (etype, canonical, names) in ORGS.items()]
        rows += [(eid, "LOC", canonical, names) for eid, (canonical, names) in REGIONS.items()]
        try:
            lines = table.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise ModelError(f"cannot read entity table {table}: {e}") from e
        for line in lines[1:]:
            parts = line.split("\t")
            if len(parts) == 5:
                rows.append((parts[0], parts[1], parts[3], parts[4].split("|")))
        try:
            common = frozenset(COMMON_WORDS.read_text(encoding="utf-8").split())
        except OSError as e:
            raise ModelError(f"cannot read common-word list {COMMON_WORDS}: {e}") from e
        return cls(rows, common)

    @classmethod
    def default(cls) -> Lexicon:
        """The shipped lexicon, loaded once per process."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls.load()
            return cls._default

    def is_known_word(self, key: str) -> bool:
        """True when a one-word key is the first word of a known name."""
        return key in self.phrases

    def lookup(self, key: str) -> Entry | None:
        """The known entity whose whole name has this match key."""
        words = tuple(key.split())
        for keys, entry in self.phrases.get(words[0], ()) if words else ():
            if keys == words:
                return entry
        return None

    def is_common(self, key: str) -> bool:
        """An everyday word (or one behind a proclitic: لشركة), unless it is a listed given name."""
        if key in self.given_names:
            return False
        if key in self.common or key in self.name_stop or key in self.nisba:
            return True
        return any(rest in self.common or rest in self.nisba for _, rest in proclitic_options(key))

    def is_adjective(self, key: str) -> bool:
        """A nationality adjective, with or without the article: listed (روسي, الأمريكية) or built
        on a known place name (إندونيسي from إندونيسيا, العراقية from العراق)."""
        if key in self.nisba or ("ال" + key) in self.nisba:
            return True
        stem = key[2:] if key.startswith("ال") else key
        if stem.endswith("يه"):
            stem = stem[:-2]
        elif stem.endswith("ي"):
            stem = stem[:-1]
        else:
            return False
        forms = (stem + "يا", stem + "ا", stem, "ال" + stem)
        return len(stem) >= 2 and any(self._is_place_word(f) for f in forms)

    def _is_place_word(self, key: str) -> bool:
        return any(len(k) == 1 and e.type == "LOC" for k, e in self.phrases.get(key, ()))

    def titled_names(self, toks: Sequence[Tok]) -> list[tuple[int, int]]:
        """Names right after a title phrase: `وزير الخارجية الروسي سيرغي لافروف` -> tokens of the name."""
        out: list[tuple[int, int]] = []
        n = len(toks)
        i = 0
        while i < n:
            if not toks[i].word or not self._is_title_head(toks[i].key):
                i += 1
                continue
            j = i + 1
            while j < n and j - i <= MAX_TITLE_WORDS and toks[j].word:
                if self._is_title_part(toks[j].key, _definite(toks[j])):
                    j += 1
                elif (toks[j].key in self.posted_at and j + 1 < n and toks[j + 1].word
                      and (self._is_place_word(toks[j + 1].key) or _definite(toks[j + 1]))):
                    # السفير الروسي لدى دمشق ألكسندر يفيموف; السفير لدى الأمم المتحدة رياض منصور:
                    # the post's place or body (and its definite adjectives) ends the title
                    j += 2
                    while j < n and j - i <= MAX_TITLE_WORDS and toks[j].word and _definite(toks[j]):
                        j += 1
                    break
                else:
                    break
            end = self._name_end(toks, j)
            if end > j:
                out.append((j, end))
                i = end
            else:
                i = j
        return out

    def _is_title_head(self, key: str) -> bool:
        return key in self.title_heads or (key[:1] in "وفبلك" and key[1:] in self._head_rests and any(
            rest in self.title_heads for _, rest in proclitic_options(key)))

    def _is_title_part(self, key: str, definite: bool) -> bool:
        if key in self.title_heads or key in self.title_nouns or definite:
            return True
        if any(rest in self.title_nouns or rest in self.title_heads for _, rest in proclitic_options(key)):
            return True  # الأمين العام لمجلس التعاون
        if key.startswith("لل") or key in self.nisba:
            return True
        return self._is_place_word(key)  # وزير خارجية روسيا

    def _name_end(self, toks: Sequence[Tok], j: int) -> int:
        """End of the name that starts at token j (j itself when there is none)."""
        n = len(toks)
        k, units = j, 0
        while k < n and units < MAX_NAME_UNITS and toks[k].word:
            key = toks[k].key
            if has_tanween(toks[k].text) or key.isdigit() or len(key) < 2:
                break
            if key[0] == "و" and key not in self.given_names:
                break  # a conjunction: the name is over (or never began: وعميد الدبلوماسية)
            if units and key[0] in "بلك" and key not in self.given_names and any(
                    self._is_place_word(rest) for _, rest in proclitic_options(key)):
                break  # a preposition with a place: `طريق الملك فهد ببريدة`
            if _definite(toks[k]):
                # a surname with the article (بشار الأسد) closes the name
                nxt = toks[k + 1] if k + 1 < n else None
                closes = nxt is None or not nxt.word or self.is_common(nxt.key)
                if units and closes and not self.is_common(key):
                    k += 1
                break
            if key in self.connectors:
                c = k
                while c < n and toks[c].word and toks[c].key in self.connectors:
                    c += 1  # بن عبد العزيز: connectors chain
                if c >= n or not toks[c].word:
                    break
                k = c + 1  # عبد الله, أبو بكر, بن سلمان
            elif self.is_common(key):
                break
            else:
                k += 1
            units += 1
        if units == 1 and len(toks[j].key) < 3:
            return j
        return k

    def find(self, toks: Sequence[Tok], text: str) -> list[Match]:
        """Non-overlapping known names and national-body patterns, left to right, longest first."""
        def at(i: int) -> Match | None:
            t = toks[i]
            if not t.word:
                return None
            best: Match | None = None
            starts = self._starts.get(t.key)
            if starts is None:
                starts = self._starts_of(t.key)
            for chain, key in starts:
                if key == self.countryside_key:
                    continue
                m = self._phrase_at(toks, i, chain, key)
                if m is None and key in self.pattern_first:
                    m = self._pattern_at(toks, i, chain, key, text)
                if m is not None and (best is None or m.j > best.j):
                    best = m
            if best is None and starts:
                best = self._countryside_at(toks, i)
            return None if best is None or self._adjective_use(toks, best) else best

        return scan_longest(len(toks), at, lambda m: m.j)

    def _starts_of(self, key: str) -> tuple[tuple[str, str], ...]:
        """The (proclitic, rest) readings of a word that can open a known name or a pattern."""
        out = tuple((c, k) for c, k in (("", key), *proclitic_options(key))
                    if k in self.phrases or k in self.pattern_first or k == self.countryside_key)
        if len(self._starts) < 50_000:  # bounded: memory stays flat over a corpus; full, it keeps what it has
            self._starts[key] = out
        return out

    def _countryside_at(self, toks: Sequence[Tok], i: int) -> Match | None:
        """`ريف` + a known place is a region of its own (ريف دمشق, بريف حلب)."""
        key = toks[i].key
        chain = "" if key == self.countryside_key else next(
            (c for c, rest in proclitic_options(key) if rest == self.countryside_key), None)
        if chain is None or i + 1 >= len(toks) or not toks[i + 1].word:
            return None
        m = self._phrase_at(toks, i + 1, "", toks[i + 1].key)
        if m is None or m.entry.type != "LOC":
            return None
        return Match(i, m.j, Entry(None, "LOC", f"ريف {m.entry.canonical}"), chain)

    def _phrase_at(self, toks: Sequence[Tok], i: int, chain: str, key: str) -> Match | None:
        hit = longest_match(key, word_keys(toks, i + 1), self.name_prefixes, self.names.__contains__,
                            self.max_words)
        return None if hit is None else Match(i, i + hit[0], self.names[hit[1]], chain)

    def _pattern_at(self, toks: Sequence[Tok], i: int, chain: str, key: str, text: str) -> Match | None:
        if key == self.ministry_key:
            for pkeys, (portfolio, slug) in self.portfolios.items():
                j = _follows(toks, i + 1, pkeys)
                if j is None:
                    continue
                adj = self._nisba_at(toks, j)
                if adj is None:
                    return Match(i, j, Entry(None, "ORG", f"وزارة ال{portfolio}"), chain)
                iso, _, fem = adj
                return Match(i, j + 1, Entry(f"rasd:org:ministry-{slug}-{iso.lower()}", "ORG",
                                             f"وزارة ال{portfolio} {fem}"), chain)
            return None
        if key in self.elided:
            word, clause_only = self.elided[key]
            adj = self._nisba_at(toks, i + 1)
            if adj is None or not toks[i + 1].key.endswith("ه"):
                return None
            if clause_only and not self._clause_start(toks, i, chain, text):
                return None
            iso, _, fem = adj
            slug = PORTFOLIOS[word[2:]]
            return Match(i, i + 2, Entry(f"rasd:org:ministry-{slug}-{iso.lower()}", "ORG",
                                         f"وزارة {word} {fem}"), chain)
        for bkeys, (body, slug, feminine) in self.bodies.items():
            if bkeys[0] != key:
                continue
            j = _follows(toks, i + 1, bkeys[1:])
            if j is None:
                continue
            if j < len(toks) and toks[j].key in self.fillers:
                j += 1
            adj = self._nisba_at(toks, j)
            if adj is not None:
                iso, masc, fem = adj
                return Match(i, j + 1, Entry(f"rasd:org:{slug}-{iso.lower()}", "ORG",
                                             f"{body} {fem if feminine else masc}"), chain)
        return None

    def _nisba_at(self, toks: Sequence[Tok], j: int) -> tuple[str, str, str] | None:
        if j < len(toks) and toks[j].word:
            return self.nisba.get(toks[j].key)
        return None

    def _clause_start(self, toks: Sequence[Tok], i: int, chain: str, text: str) -> bool:
        if chain:  # والخارجية: a conjunction starts a new clause member
            return True
        if i == 0 or not toks[i - 1].word:
            return True
        prev = toks[i - 1].key
        return prev in self.clause_verbs or (prev.startswith("و") and prev[1:] in self.clause_verbs)

    def _adjective_use(self, toks: Sequence[Tok], m: Match) -> bool:
        """السعودية right after a definite noun is the adjective (الحكومة السعودية), not the country."""
        if not m.entry.adjective_like or m.chain not in ("", "و") or m.i == 0:
            return False
        prev = toks[m.i - 1]
        return prev.word and prev.key.startswith("ال") and prev.key not in self.phrases


def _definite(t: Tok) -> bool:
    """Written with the article ال (the key folds أ into ا: ألكسندر is not definite)."""
    return t.text.startswith("ال") or t.text.startswith("ٱل")


def word_keys(toks: Sequence[Tok], j: int) -> Iterator[str]:
    """The match keys of the word tokens from j on, up to the first non-word (punctuation, a break)."""
    while j < len(toks) and toks[j].word:
        yield toks[j].key
        j += 1


def _follows(toks: Sequence[Tok], j: int, keys: Sequence[str]) -> int | None:
    """Index after `keys` when they are the word tokens starting at j, else None."""
    for k in keys:
        if j >= len(toks) or not toks[j].word or toks[j].key != k:
            return None
        j += 1
    return j
