"""Arabic normalization for matching and search: small pure `str -> str` folds and an offset map back."""
from __future__ import annotations

from bisect import bisect_right

from rasd.lang.ar.letters import (
    ALEF_FORMS,
    ALEF_MAQSURA,
    DELETABLE_RE,
    DIACRITICS,
    DIACRITICS_RE,
    DIGITS,
    HAMZA_CARRIERS,
    PERSIAN_LETTERS,
    TA_MARBUTA,
    TATWEEL,
)

# Each fold is one translation table, built once. Letter folds map one code point to one code point;
# only diacritics and tatweel are deleted, which is what the offset map accounts for.
_DEL_DIACRITICS = str.maketrans("", "", DIACRITICS)
_DEL_TATWEEL = str.maketrans("", "", TATWEEL)
_ALEF = str.maketrans(ALEF_FORMS)
_HAMZA = str.maketrans(HAMZA_CARRIERS)
_MAQSURA = str.maketrans(ALEF_MAQSURA)
_TA = str.maketrans(TA_MARBUTA)
_PERSIAN = str.maketrans(PERSIAN_LETTERS)
_DIGITS = str.maketrans(DIGITS)


def remove_diacritics(s: str) -> str:
    """Drop harakat, tanween, shadda, sukun, dagger alef and Quranic marks."""
    return s.translate(_DEL_DIACRITICS)


def remove_tatweel(s: str) -> str:
    """Drop the tatweel (kashida) stretch character `ـ`."""
    return s.translate(_DEL_TATWEEL)


def fold_alef(s: str, *, hamza_carriers: bool = False) -> str:
    """Fold أ إ آ ٱ to ا; with `hamza_carriers`, also ؤ to و and ئ to ي."""
    s = s.translate(_ALEF)
    return s.translate(_HAMZA) if hamza_carriers else s


def fold_alef_maqsura(s: str) -> str:
    """Fold alef maqsura ى to ya ي (`الجارى` matches `الجاري`)."""
    return s.translate(_MAQSURA)


def fold_ta_marbuta(s: str) -> str:
    """Fold ta marbuta ة to ha ه (`سورية` matches `سوريه`)."""
    return s.translate(_TA)


def fold_persian_letters(s: str) -> str:
    """Fold Persian/Urdu keheh and farsi yeh to Arabic kaf and ya."""
    return s.translate(_PERSIAN)


def fold_digits(s: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits."""
    return s.translate(_DIGITS)


def _table(*, diacritics: bool, tatweel: bool, alef: bool, hamza_carriers: bool, maqsura: bool,
           ta_marbuta: bool, persian: bool, digits: bool) -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    for on, mapping in ((alef, ALEF_FORMS), (hamza_carriers, HAMZA_CARRIERS), (maqsura, ALEF_MAQSURA),
                        (ta_marbuta, TA_MARBUTA), (persian, PERSIAN_LETTERS), (digits, DIGITS)):
        if on:
            table.update({ord(k): ord(v) for k, v in mapping.items()})
    if diacritics:
        table.update({ord(c): None for c in DIACRITICS})
    if tatweel:
        table[ord(TATWEEL)] = None
    return table


_DEFAULT = _table(diacritics=True, tatweel=True, alef=True, hamza_carriers=False, maqsura=True,
                  ta_marbuta=True, persian=True, digits=True)


def normalize(s: str, *, diacritics: bool = True, tatweel: bool = True, alef: bool = True,
              hamza_carriers: bool = False, maqsura: bool = True, ta_marbuta: bool = True,
              persian: bool = True, digits: bool = True) -> str:
    """The matching key: every fold above in one pass (idempotent). Options switch single folds off."""
    if diacritics and tatweel and alef and not hamza_carriers and maqsura and ta_marbuta and persian \
            and digits:
        return s.translate(_DEFAULT)
    return s.translate(_table(diacritics=diacritics, tatweel=tatweel, alef=alef,
                              hamza_carriers=hamza_carriers, maqsura=maqsura, ta_marbuta=ta_marbuta,
                              persian=persian, digits=digits))


class Normalized:
    """`normalize(s)` with a lazy map from normalized offsets back to offsets in `s`.

    Only diacritics and tatweel are deleted, so the map is stored as the normalized positions of the
    deletions (usually a few dozen) and an offset is mapped with one bisect.
    """

    __slots__ = ("original", "text", "_del_at")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original.translate(_DEFAULT)
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


def has_diacritics(s: str) -> bool:
    """True when `s` carries any harakat/tanween/shadda/Quranic mark."""
    return DIACRITICS_RE.search(s) is not None


__all__ = [
    "Normalized", "fold_alef", "fold_alef_maqsura", "fold_digits", "fold_persian_letters",
    "fold_ta_marbuta", "has_diacritics", "normalize", "normalize_with_map", "remove_diacritics",
    "remove_tatweel",
]
