"""The text layer's one normalization module: named folds, the frozen model keys and the search fold.

Three kinds of function live here, and every stage takes its normalization from this module:

- **Named folds** (`remove_diacritics`, `fold_alef`, `fold_ta_marbuta`, `fold_digits`...): small pure
  `str -> str` functions with keyword-only options. Every one of them also drops the invisible
  characters (`strip_invisible`: bidi marks and embeddings, zero-width characters, BOM, ALM and tatweel)
  so no fold can leave a `\u200f` inside a key. `normalize` is their composition in one pass; the rule
  stages use it (`rule_key`) or `name_key` (the same with whitespace runs collapsed).
- **Frozen model keys** (`ner_key_v1`, `category_key_v1`, `events_key_v1`, `gazetteer_key_v1`): the
  exact normalization the shipped models and tables were trained or built on. They must never change;
  a new behaviour is a new `_v2` function plus a retrain or rebuild.
- **The search fold** (`fold_for_search`): a folded text and an offset map back to the original, with a
  `query` mode that also takes the proclitics off each word (see its docstring for the index contract).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from rasd.lang.ar.clitics import best_chain
from rasd.lang.ar.letters import (
    ALEF_FORMS,
    ALEF_MAQSURA,
    CONTROLS,
    DELETABLE_RE,
    DIACRITICS,
    DIACRITICS_RE,
    DIGITS,
    HAMZA_CARRIERS,
    PERSIAN_LETTERS,
    TA_MARBUTA,
    TATWEEL,
)

# Each fold is a list of one-to-one replacements plus, for diacritics and tatweel, one deletion
# regex. `str.replace` per letter is about five times faster than `str.translate` with a dict table
# on Arabic text (measured on the reference article: 0.11 ms against 0.53 ms), and only diacritics,
# tatweel and invisible format controls change a string's length, which is what the offset map accounts for.
Plan = tuple["re.Pattern[str] | None", tuple[tuple[str, str], ...]]


def _plan(*, diacritics: bool = False, alef: bool = False, hamza_carriers: bool = False,
          maqsura: bool = False, ta_marbuta: bool = False, persian: bool = False,
          digits: bool = False) -> Plan:
    """A fold plan; tatweel and the invisible format characters are always dropped."""
    pairs: list[tuple[str, str]] = []
    for on, mapping in ((alef, ALEF_FORMS), (hamza_carriers, HAMZA_CARRIERS), (maqsura, ALEF_MAQSURA),
                        (ta_marbuta, TA_MARBUTA), (persian, PERSIAN_LETTERS), (digits, DIGITS)):
        if on:
            pairs += mapping.items()
    dele = (DIACRITICS if diacritics else "") + TATWEEL + CONTROLS
    return (re.compile("[" + re.escape(dele) + "]+"), tuple(pairs))


def _apply(s: str, plan: Plan) -> str:
    dele, pairs = plan
    if dele is not None:
        s = dele.sub("", s)
    for a, b in pairs:
        if a in s:
            s = s.replace(a, b)
    return s


_P_INVISIBLE = _plan()
_P_DIACRITICS = _plan(diacritics=True)
_P_ALEF = _plan(alef=True)
_P_ALEF_HAMZA = _plan(alef=True, hamza_carriers=True)
_P_MAQSURA = _plan(maqsura=True)
_P_TA = _plan(ta_marbuta=True)
_P_PERSIAN = _plan(persian=True)
_P_DIGITS = _plan(digits=True)
_SPACES_RE = re.compile(r"\s+")


# ---- named folds (each also drops tatweel and the invisible format characters) -----------------------

def strip_invisible(s: str) -> str:
    """Drop tatweel and the invisible format characters: zero-width space and joiners (U+200B-U+200D),
    LRM/RLM (U+200E, U+200F), bidi embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069),
    the BOM (U+FEFF) and the Arabic letter mark (U+061C)."""
    return _apply(s, _P_INVISIBLE)


def remove_diacritics(s: str) -> str:
    """Drop harakat, tanween, shadda, sukun, dagger alef and Quranic marks."""
    return _apply(s, _P_DIACRITICS)


def remove_tatweel(s: str) -> str:
    """Drop the tatweel (kashida) stretch character `ـ` (and the invisible characters)."""
    return _apply(s, _P_INVISIBLE)


def remove_controls(s: str) -> str:
    """Drop zero-width and bidi format characters (ZWSP, ZWJ/ZWNJ, LRM/RLM, ALM, embeddings, BOM)."""
    return _apply(s, _P_INVISIBLE)


def fold_alef(s: str, *, hamza_carriers: bool = False) -> str:
    """Fold أ إ آ ٱ to ا; with `hamza_carriers`, also ؤ to و and ئ to ي."""
    return _apply(s, _P_ALEF_HAMZA if hamza_carriers else _P_ALEF)


def fold_alef_maqsura(s: str) -> str:
    """Fold alef maqsura ى to ya ي (`الجارى` matches `الجاري`)."""
    return _apply(s, _P_MAQSURA)


def fold_ta_marbuta(s: str) -> str:
    """Fold ta marbuta ة to ha ه (`سورية` matches `سوريه`)."""
    return _apply(s, _P_TA)


def fold_persian_letters(s: str) -> str:
    """Fold Persian/Urdu keheh and farsi yeh to Arabic kaf and ya."""
    return _apply(s, _P_PERSIAN)


def fold_digits(s: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits."""
    return _apply(s, _P_DIGITS)


def fold_spaces(s: str) -> str:
    """Collapse every run of whitespace to one space and trim both ends (`" a \n b "` -> `"a b"`)."""
    return " ".join(strip_invisible(s).split())


_FLAG_NAMES = ("diacritics", "alef", "hamza_carriers", "maqsura", "ta_marbuta", "persian", "digits")
_DEFAULT_FLAGS = (True, True, False, True, True, True, True)
_DEFAULT = _plan(**dict(zip(_FLAG_NAMES, _DEFAULT_FLAGS, strict=True)))


@lru_cache(maxsize=64)
def _cached_plan(*flags: bool) -> Plan:
    return _plan(**dict(zip(_FLAG_NAMES, flags, strict=True)))


def normalize(s: str, *, diacritics: bool = True, alef: bool = True, hamza_carriers: bool = False,
              maqsura: bool = True, ta_marbuta: bool = True, persian: bool = True,
              digits: bool = True) -> str:
    """The matching key: every fold above in one pass (idempotent). Options switch single folds off;
    tatweel and the invisible characters always go."""
    flags = (diacritics, alef, hamza_carriers, maqsura, ta_marbuta, persian, digits)
    if flags == _DEFAULT_FLAGS:
        return _apply(s, _DEFAULT)
    return _apply(s, _cached_plan(*flags))


# The same fold as one translation table: one `str.translate` is faster than the replace plan on the
# short strings of a word scan (the plan wins on whole texts). No replacement maps onto another's source.
_DEFAULT_TABLE = str.maketrans({**dict.fromkeys(DIACRITICS + TATWEEL + CONTROLS),
                                **dict(pair for pair in _DEFAULT[1])})


def rule_key(s: str) -> str:
    """The rule stages' word key (quotes, counts, the word scanner): `normalize(s)`, one word at a time."""
    return s.translate(_DEFAULT_TABLE)


def name_key(s: str) -> str:
    """The rule stages' name key (entities, canonical names, lexicons): `fold_spaces(normalize(s))`."""
    return " ".join(_apply(s, _DEFAULT).split())


class Normalized:
    """`normalize(s)` with a lazy map from normalized offsets back to offsets in `s`.

    Only diacritics, tatweel and format controls are deleted, so the map is stored as the normalized
    positions of the deletions (usually a few dozen) and an offset is mapped with one bisect.
    """

    __slots__ = ("original", "text", "_del_at")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = _apply(original, _DEFAULT)
        if len(self.text) == len(original):
            self._del_at: list[int] = []
        else:
            # For each deleted char: its position in the normalized text (= orig index - deletions so far).
            self._del_at = [m.start() - k for k, m in enumerate(DELETABLE_RE.finditer(original))]

    def orig(self, i: int) -> int:
        """Offset in the original of normalized offset `i` (the original char, or the end of text)."""
        return i + bisect_right(self._del_at, i) if self._del_at else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of normalized `[start, end)`; marks that follow the last letter are included."""
        return (self.orig(start), self.orig(end))


def normalize_with_map(s: str) -> tuple[str, list[int]]:
    """`normalize(s)` and a list `m` of len(norm) + 1: `m[i]` is the original offset of norm char `i`,
    `m[-1] == len(s)`. The original span of normalized `[i, j)` is `(m[i], m[j])` (marks included)."""
    n = Normalized(s)
    if not n._del_at:
        return n.text, list(range(len(n.text) + 1))
    m = [n.orig(i) for i in range(len(n.text))]
    m.append(len(s))
    return n.text, m


# ---- frozen model keys ----------------------------------------------------------------------------
# FROZEN: the shipped models (NER CRF and neural taggers, the category model, the events classifier)
# were trained on features computed with exactly these functions, and the gazetteer table's keys were
# built with `gazetteer_key_v1`. They must not drift: do not "fix" them (they keep the marks set and
# letter folds of their time and do not strip bidi/zero-width characters). A change is a new `_v2`
# function and a retrain/rebuild; tests/text/test_normalize.py pins their output.
_V1_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_V1_NER_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
})
_V1_CATEGORY_FOLD: tuple[tuple[str, str], ...] = (
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"),
)
_V1_EVENTS_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي",
    **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
})
_V1_GAZ_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]")
_V1_GAZ_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_V1_GAZ_SPACES = re.compile(r"[\s\-_]+")


def ner_key_v1(word: str) -> str:
    """FROZEN (NER models): no marks or tatweel, one alef, ي for ى/ئ, و for ؤ, ه for ة, ASCII digits,
    lower case. The CRF and neural taggers were trained on it: it must not drift."""
    return _V1_MARKS_RE.sub("", word).translate(_V1_NER_MAP).lower()


def category_key_v1(text: str) -> str:
    """FROZEN (category model): lower case, no marks or tatweel, alef/ya/ta-marbuta/hamza-carrier
    folds, digits kept. The shipped category model was trained on it: it must not drift."""
    text = _V1_MARKS_RE.sub("", text.lower())
    for a, b in _V1_CATEGORY_FOLD:  # str.replace beats str.translate with a dict here (measured ~3x)
        text = text.replace(a, b)
    return text


def events_key_v1(s: str) -> str:
    """FROZEN (events classifier and cue tables): no marks or tatweel, one alef, ي for ى and farsi yeh,
    ك for keheh, ه for ة, ASCII digits. The shipped events classifier was trained on it: it must not
    drift."""
    return _V1_MARKS_RE.sub("", s).translate(_V1_EVENTS_MAP)


def gazetteer_key_v1(s: str) -> str:
    """FROZEN (gazetteer table): no marks, tatweel or ZWNJ..RLM, one alef, ي for ى, ه for ة, runs of
    spaces, hyphens and underscores to one space. The keys baked into `geo/data/gazetteer.tsv.gz` were
    built with it: it must not drift."""
    return _V1_GAZ_SPACES.sub(" ", _V1_GAZ_DROP.sub("", s).translate(_V1_GAZ_MAP)).strip()


# ---- the search fold ------------------------------------------------------------------------------
_SEARCH_WORD_RE = re.compile(r"[^\W\d_]+")


def fold_for_search(text: str, *, query: bool = False) -> tuple[str, list[int]]:
    """`(folded, offsets)`: `text` folded for search, and `offsets[i]`, the index in `text` of folded
    char `i` (`offsets[-1] == len(text)`, so the original span of folded `[i, j)` is
    `text[offsets[i]:offsets[j]]`; marks after a letter are inside that span).

    The fold is `normalize`: diacritics, tatweel, bidi and zero-width characters dropped; أ إ آ ٱ -> ا,
    ة -> ه, ى -> ي, Persian letters, Arabic-Indic digits -> ASCII. It is idempotent.

    With `query=True`, each word also loses its proclitics (و ف ب ل ك ال and their chains, e.g.
    `وبالعراق` -> `عراق`) by the one rule of `rasd.lang.ar.clitics.best_chain`. The index contract is
    **strip in both**: the index is built from `fold_for_search(doc, query=True)` and the query folded
    with `fold_for_search(q, query=True)`, so `العراق`, `بالعراق` and `والعراق` all meet at `عراق`, and
    the two sides can never drift apart (one function). `query=False` gives the plain fold that
    phrase matching and highlighting use.
    """
    folded, offsets = normalize_with_map(text)
    if not query:
        return folded, offsets
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for m in _SEARCH_WORD_RE.finditer(folded):
        cut = len(best_chain(m.group()))
        if cut:
            parts.append(folded[pos:m.start()])
            kept.extend(offsets[pos:m.start()])
            pos = m.start() + cut
    if not parts:
        return folded, offsets
    parts.append(folded[pos:])
    kept.extend(offsets[pos:])
    return "".join(parts), kept


def search_key(word: str) -> str:
    """The index/query key of one word: `fold_for_search(word, query=True)[0]` (`بالعراق` -> `عراق`)."""
    return fold_for_search(word, query=True)[0]


def has_diacritics(s: str) -> bool:
    """True when `s` carries any harakat/tanween/shadda/Quranic mark."""
    return DIACRITICS_RE.search(s) is not None


__all__ = [
    "Normalized", "category_key_v1", "events_key_v1", "fold_alef", "fold_alef_maqsura", "fold_digits",
    "fold_for_search", "fold_persian_letters", "fold_spaces", "fold_ta_marbuta", "gazetteer_key_v1",
    "has_diacritics", "name_key", "ner_key_v1", "normalize", "normalize_with_map", "remove_controls",
    "remove_diacritics", "remove_tatweel", "rule_key", "search_key", "strip_invisible",
]
