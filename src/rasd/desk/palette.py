"""One colour (and one Arabic label) per count kind and event type, shared by the map and the timeline.

Count kinds take mostly the Okabe-Ito colours (told apart with the common colour-vision deficiencies),
with a red for the killed, an amber for the injured and darker tones for strikes, violations and
attackers; event types take a diverging scheme: reds and browns for PLOVER's conflict types, purples
for protest and mobilization, teals, greens and blues for the cooperative ones. Anything else
is drawn in `FALLBACK`.
"""
from __future__ import annotations

FALLBACK = "#666666"

COUNT_COLOURS: dict[str, str] = {
    "killed": "#d62728",
    "injured": "#f0a202",
    "arrested": "#0072b2",
    "kidnapped": "#cc79a7",
    "missing": "#56b4e9",
    "displaced": "#009e73",
    "strikes": "#7b3f00",
    "violations": "#b8860b",
    "attackers": "#4b4b8f",
    "other": "#8c8c8c",
}

EVENT_COLOURS: dict[str, str] = {
    "ASSAULT": "#67001f",
    "COERCE": "#b2182b",
    "THREATEN": "#e7826b",
    "SANCTION": "#8c510a",
    "REJECT": "#bf812d",
    "ACCUSE": "#dfc27d",
    "PROTEST": "#762a83",
    "MOBILIZE": "#9970ab",
    "REQUEST": "#35978f",
    "RETREAT": "#80cdc1",
    "CONCEDE": "#01665e",
    "AID": "#1b7837",
    "COOPERATE": "#5aae61",
    "AGREE": "#2166ac",
    "CONSULT": "#4393c3",
    "SUPPORT": "#92c5de",
}

PALETTE: dict[str, str] = {**COUNT_COLOURS, **EVENT_COLOURS}

LABELS_AR: dict[str, str] = {
    "killed": "قتلى",
    "injured": "جرحى",
    "arrested": "معتقلون",
    "kidnapped": "مخطوفون",
    "missing": "مفقودون",
    "displaced": "نازحون",
    "strikes": "غارات وقصف",
    "violations": "انتهاكات",
    "attackers": "مهاجمون",
    "other": "أخرى",
    "ASSAULT": "هجوم",
    "COERCE": "إكراه",
    "THREATEN": "تهديد",
    "SANCTION": "عقوبات",
    "REJECT": "رفض",
    "ACCUSE": "اتهام",
    "PROTEST": "احتجاج",
    "MOBILIZE": "تعبئة",
    "REQUEST": "طلب",
    "RETREAT": "انسحاب",
    "CONCEDE": "تنازل",
    "AID": "مساعدة",
    "COOPERATE": "تعاون",
    "AGREE": "اتفاق",
    "CONSULT": "تشاور",
    "SUPPORT": "دعم",
}


def _key(kind: str) -> str:
    if kind in PALETTE:
        return kind
    return kind.upper() if kind.upper() in EVENT_COLOURS else kind.lower()


def colour(kind: str) -> str:
    """The colour of a count kind or event type (either case), `FALLBACK` for any other."""
    return PALETTE.get(_key(kind), FALLBACK)


def label_ar(kind: str) -> str:
    """The Arabic label of a count kind or event type, "" for any other."""
    return LABELS_AR.get(_key(kind), "")


def order(kinds: list[str] | tuple[str, ...] | set[str]) -> list[str]:
    """`kinds` in palette order (counts, then events), unknown kinds last by name: a stable legend."""
    rank = {k: i for i, k in enumerate(PALETTE)}
    return sorted(set(kinds), key=lambda k: (rank.get(_key(k), len(rank)), k))


__all__ = ["COUNT_COLOURS", "EVENT_COLOURS", "FALLBACK", "LABELS_AR", "PALETTE", "colour", "label_ar",
           "order"]
